"""The ABH case in the application detail: the child, the offence and whether diversion is
mandatory, the stage and the parties, the legal clocks counting down (refreshed each minute),
the events; forms for the case, an event, the social report and the outcome."""
import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget,
                               QTableWidgetItem, QWidget)

from desktop.cases.abh import clocks
from desktop.cases.abh import record as abh
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import settings
from desktop.services.cases.kind import accepts_case_data
from desktop.services.shared import timefmt
from desktop.views.cases.case_form import (CaseForm, CasePanel, choices_combo, datetime_edit,
                                          local_of, select)
from desktop.views.shared.forms import date_edit, date_of, set_date
from desktop.views.shared.rich_text import typed_text

STATE_STYLE = {"selesai": ("#1e6b35", "selesai"), "terlambat": ("#a93226", "TERLAMBAT"),
               "segera": ("#b45309", "segera"), "berjalan": ("#1f4e79", "berjalan")}


def clock_lines(clock_list, now: datetime.datetime) -> list[str]:
    soon = settings.value(clocks.DUE_SOON)
    lines = []
    for clock in clock_list:
        state = clock.state(now, soon)
        colour, word = STATE_STYLE[state]
        when = (f"selesai {timefmt.format_local(clock.done)}" if clock.done
                else clocks.left_text(clock, now))
        lines.append(f"<span style='color:{colour}'><b>{word}</b></span> {clock.label}: "
                     f"tenggat {timefmt.format_local(clock.due)} ({when})")
    return lines


def summary(application, case, events, now: datetime.datetime) -> str:
    if case is None:
        return ("<i>Perkara belum dicatat.</i> Catat tanggal perbuatan, pasal dan ancaman "
                "pidananya: Pelita menyatakan apakah diversi wajib, dan menghitung tenggat "
                "laporan sosial dan diversi dalam jam.")
    child = application.person
    age = abh.age_at_offence(application, case)
    lines = [f"<b>Anak:</b> {typed_text(child.name)} (usia {age} tahun saat perbuatan, "
             f"{timefmt.format_date(case.offence_date)})",
             f"<b>Perkara:</b> {typed_text(case.article)}, ancaman "
             f"{abh.threat_text(case.threat_months)}"
             + ("; pengulangan" if case.repeat else "") + f" · tahap <b>{abh.STAGES[case.stage]}"
             "</b>" + (f" · LP {typed_text(case.police_report)}" if case.police_report else "")
             + (f" · perkara {typed_text(case.court_case)}" if case.court_case else ""),
             f"<b>{abh.diversion_text(application, case)}</b>"]
    contacts = [f"{abh.CONTACT_ROLES[role]}: {typed_text(name)}"
                + (f" ({typed_text(institution)})" if institution else "")
                for role, name, institution, _ in abh.contacts_of(case)]
    if contacts:
        lines.append("Pihak: " + "; ".join(contacts))
    clock_list = clocks.clocks(case, events, age)
    if clock_list:
        lines.append("<b>Tenggat:</b><br/>" + "<br/>".join(clock_line for clock_line in
                                                         clock_lines(clock_list, now)))
    if events:
        lines.append("<b>Catatan:</b><br/>" + "<br/>".join(
            f"{timefmt.short_local(e.at)} — {abh.EVENTS[e.kind]}"
            + (f" ({abh.STAGES[e.stage].lower()})" if e.stage else "")
            + (f": {abh.RESULTS[e.result].lower()}" if e.result else "")
            + (f" · {typed_text(e.note)}" if e.note else "") for e in events))
    report = ("ditulis " + typed_text(case.written_by) if case.assessment else
              "<span style='color:#666'>belum ditulis</span>")
    lines.append(f"<b>Laporan sosial:</b> {report}")
    if case.outcome:
        lines.append(f"<b>Hasil akhir:</b> {typed_text(case.outcome)}")
    return "<br/>".join(lines)


class AbhPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [("Catat perkara…", lambda: self.open_form(AbhCaseDialog)),
                                   ("Catat kejadian…", lambda: self.open_form(EventDialog)),
                                   ("Tulis laporan sosial…",
                                    lambda: self.open_form(ReportDialog)),
                                   ("Catat hasil akhir…", lambda: self.open_form(OutcomeDialog))],
                         parent)
        self.events = []
        self.timer = QTimer(self)  # the countdowns move while the detail stays open
        self.timer.timeout.connect(self._refresh)
        self.timer.start(60_000)

    def show_record(self, application, case) -> None:
        from desktop.cases.abh import KIND

        self.application, self.case = application, case
        self.events = abh.events_of(application.id) if case is not None else []
        self._refresh()
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        case_button, event_button, report_button, outcome_button = self.buttons
        case_button.setText("Ubah perkara…" if case else "Catat perkara…")
        case_button.setVisible(may)
        for button in (event_button, report_button, outcome_button):
            button.setVisible(may and case is not None)
        for button in self.buttons:
            button.setEnabled(open_)

    def _refresh(self) -> None:
        if self.application is not None:
            self.label.setText(summary(self.application, self.case, self.events, utcnow()))



class AbhCaseDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Perkara ABH", parent, width=640)
        self.session, self.application, self.case = session, application, case
        self.offence_date = self.row("Tanggal perbuatan", date_edit())
        self.offence = self.row("Perbuatan", QPlainTextEdit())
        self.offence.setFixedHeight(70)
        self.article = self.row("Pasal yang disangkakan", QLineEdit())
        threat = QWidget()
        row = QHBoxLayout(threat)
        row.setContentsMargins(0, 0, 0, 0)
        self.years, self.months = QSpinBox(), QSpinBox()
        self.years.setRange(0, 20)
        self.years.setSuffix(" tahun")
        self.months.setRange(0, 11)
        self.months.setSuffix(" bulan")
        row.addWidget(self.years)
        row.addWidget(self.months)
        row.addStretch(1)
        self.row("Ancaman pidana", threat)
        self.repeat = self.row("", QCheckBox("Pengulangan tindak pidana"))
        self.police = self.row("Nomor laporan polisi", QLineEdit())
        self.court = self.row("Nomor perkara", QLineEdit())
        self.education = self.row("Pendidikan", QLineEdit())
        self.parent_name = self.row("Orang tua/wali", QLineEdit())
        self.parent_address = self.row("Alamat orang tua/wali", QLineEdit())
        self.contacts = QTableWidget(0, 4)
        self.contacts.setHorizontalHeaderLabels(["Peran", "Nama", "Instansi", "Telepon"])
        self.contacts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().hide()
        self.contacts.setFixedHeight(130)
        self.row("Pihak lain", self.contacts, "Pihak")
        # The stage is the case's, not this form's: what it asks is known on opening.
        self.mark_required(abh.required_fields(case.stage) if case else abh.REQUIRED)
        rows = abh.contacts_of(case) if case else [["penyidik", "", "", ""],
                                                   ["pk_bapas", "", "", ""]]
        for role, name, institution, phone in rows + [["bantuan_hukum", "", "", ""]]:
            self._add_contact(role, name, institution, phone)
        if case is not None:
            set_date(self.offence_date, case.offence_date)
            self.offence.setPlainText(case.offence)
            self.article.setText(case.article)
            self.years.setValue(case.threat_months // 12)
            self.months.setValue(case.threat_months % 12)
            self.repeat.setChecked(case.repeat)
            self.police.setText(case.police_report)
            self.court.setText(case.court_case)
            self.education.setText(case.education)
            self.parent_name.setText(case.parent_name)
            self.parent_address.setText(case.parent_address)

    def _add_contact(self, role, name, institution, phone) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        combo = choices_combo(abh.CONTACT_ROLES)
        select(combo, role)
        self.contacts.setCellWidget(row, 0, combo)
        for column, text in ((1, name), (2, institution), (3, phone)):
            self.contacts.setItem(row, column, QTableWidgetItem(text))

    def contact_rows(self) -> list:
        found = []
        for row in range(self.contacts.rowCount()):
            texts = [self.contacts.item(row, c).text() if self.contacts.item(row, c) else ""
                     for c in (1, 2, 3)]
            if any(t.strip() for t in texts):
                found.append([self.contacts.cellWidget(row, 0).currentData(), *texts])
        return found

    def save(self) -> None:
        self.attempt(lambda: abh.save(
            self.session.user, self.application, self.case,
            offence_date=date_of(self.offence_date), offence=self.offence.toPlainText(),
            article=self.article.text(),
            threat_months=self.years.value() * 12 + self.months.value(),
            repeat=self.repeat.isChecked(), police_report=self.police.text(),
            court_case=self.court.text(), contacts=self.contact_rows(),
            education=self.education.text(), parent_name=self.parent_name.text(),
            parent_address=self.parent_address.text()))


class EventDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Catatan ABH", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.kind = self.row("Jenis catatan", choices_combo(abh.EVENTS))
        self.at = self.row("Waktu", datetime_edit())  # the office's clock, not the PC's
        self.stage = self.row("Tahap", choices_combo(abh.STAGES))
        select(self.stage, case.stage)
        self.reference = self.row("Nomor surat", QLineEdit())
        self.place = self.row("Tempat", QLineEdit())
        self.people = self.row("Yang hadir", QLineEdit())
        self.note = self.row("Catatan", QPlainTextEdit())
        self.note.setFixedHeight(70)
        self.result = self.row("Hasil", choices_combo(abh.RESULTS))
        self.terms = self.row("Isi kesepakatan", QPlainTextEdit())
        self.terms.setFixedHeight(60)
        self.kind.currentIndexChanged.connect(self._follow_kind)
        self._follow_kind()

    def _follow_kind(self) -> None:
        kind = self.kind.currentData()
        self.stage.setEnabled(kind in ("tahap", "musyawarah"))
        self.reference.setEnabled(kind == "permintaan_laporan")
        for widget in (self.result, self.terms):
            widget.setEnabled(kind == "musyawarah")

    def save(self) -> None:
        self.attempt(lambda: abh.add_event(
            self.session.user, self.application, self.case, kind=self.kind.currentData(),
            at=local_of(self.at),
            stage=self.stage.currentData() if self.stage.isEnabled() else "",
            reference=self.reference.text(), place=self.place.text(),
            people=self.people.text(), note=self.note.toPlainText(),
            result=self.result.currentData() if self.result.isEnabled() else "",
            terms=self.terms.toPlainText() if self.terms.isEnabled() else ""))


class ReportDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Laporan sosial ABH", parent, width=640)
        self.session, self.application, self.case = session, application, case
        self.assessment = self.row("Hasil asesmen", QPlainTextEdit(case.assessment))
        self.assessment.setFixedHeight(160)
        self.recommendation = self.row("Rekomendasi", QPlainTextEdit(case.recommendation))
        self.recommendation.setFixedHeight(90)

    def save(self) -> None:
        self.attempt(lambda: abh.save_report(
            self.session.user, self.application, self.case,
            assessment=self.assessment.toPlainText(),
            recommendation=self.recommendation.toPlainText()))


class OutcomeDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Hasil akhir ABH", parent, width=560)
        self.session, self.application, self.case = session, application, case
        self.outcome = self.row("Hasil akhir dan pendampingan lanjutan",
                                QPlainTextEdit(case.outcome))
        self.outcome.setFixedHeight(110)

    def save(self) -> None:
        self.attempt(lambda: abh.save_outcome(self.session.user, self.application, self.case,
                                              self.outcome.toPlainText()))


