"""The Tanda Daftar case in the application detail: which LKS and what kind of registration,
the field visit, the validity, and entering the signed certificate in the LKS register."""
import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPlainTextEdit, QPushButton, QRadioButton,
                               QWidget)

from desktop.cases.tanda_daftar import record as case_record
from desktop.services.cases.kind import accepts_case_data
from desktop.services.lks import lks_records, registrations, registry_query
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import timefmt
from desktop.views.shared.errors import describe
from desktop.views.cases.case_form import CaseForm, CasePanel
from desktop.views.shared.forms import date_edit, date_of
from desktop.views.shared.rich_text import typed_text

GREY = "<span style='color:#666'>{}</span>"


def summary(application, case) -> str:
    if case is None:
        return ("<i>LKS yang mendaftar belum dipilih.</i> Pilih dari Daftar LKS (atau catat "
                "pemohon sebagai LKS baru); pemeriksaan berkas menunggu ini.")
    lks = case.lks
    state = registrations.state_of(lks.registered_until, lks.revoked, datetime.date.today())
    lines = [f"<b>{typed_text(lks.organisation.name)}</b> · "
             f"{registrations.KINDS[case.kind]} · Tanda Daftar saat ini: "
             f"{registrations.STATES[state].lower()}"
             + (" · laporan kegiatan diterima" if case.activity_report
                else " · <b>laporan kegiatan belum diterima</b>"
                if case.kind == "perpanjangan" else "")]
    if case.visit_date:
        lines.append(f"Kunjungan {timefmt.format_date(case.visit_date)}: "
                     f"<b>{case_record.RESULTS[case.visit_result]}</b> · tim: "
                     f"{typed_text(', '.join(case.visit_team.splitlines()))}")
    else:
        lines.append(GREY.format("Kunjungan tim teknis belum dicatat."))
    if case.valid_from and case.valid_until:
        lines.append(f"Masa berlaku: {timefmt.format_date(case.valid_from)} s.d. "
                     f"{timefmt.format_date(case.valid_until)}")
    entry = case_record.entry(application)
    if entry is not None:
        lines.append(f"Tercatat di Daftar LKS: nomor {typed_text(entry.number)}")
    return "<br/>".join(lines)


class TandaDaftarPanel(CasePanel):
    """Shown by desktop.views.cases.case_section for Tanda Daftar applications."""

    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Pilih LKS…", lambda: self.open_form(ChooseLksDialog)),
            ("Catat kunjungan…", lambda: self.open_form(VisitDialog)),
            ("Masa berlaku…", lambda: self.open_form(ValidityDialog)),
            ("Catat di Daftar LKS", self.enter_in_register)], parent)
        self.lks_button, self.visit_button, self.validity_button, self.enter_button = \
            self.buttons
        self.enter_button.setToolTip("Nomor dan tanggal dari Tanda Daftar yang ditandatangani")

    def show_record(self, application, case) -> None:
        from desktop.cases.tanda_daftar import KIND

        self.application, self.case = application, case
        self.label.setText(summary(application, case))
        open_ = accepts_case_data(application)
        may_record, may_visit = KIND.can(self.session.user, "record"), KIND.can(
            self.session.user, "visit")
        self.lks_button.setVisible(may_record)
        self.lks_button.setText("Ubah LKS…" if case else "Pilih LKS…")
        self.validity_button.setVisible(may_record)
        self.visit_button.setVisible(may_visit)
        for button in (self.lks_button, self.visit_button, self.validity_button):
            button.setEnabled(open_)
        self.visit_button.setEnabled(open_ and case is not None)
        self.validity_button.setEnabled(open_ and case is not None)
        ready = (case is not None and case_record.signed_letter(application) is not None
                 and case_record.entry(application) is None)
        self.enter_button.setVisible(may_record and ready)

    def enter_in_register(self) -> None:
        try:
            entry = case_record.enter_in_register(self.session.user, self.application,
                                                  self.case)
        except Exception as exc:  # noqa: BLE001 (a refusal or the database's: one message)
            QMessageBox.warning(self, "Pelita", describe(exc, "Belum tercatat."))
            return
        QMessageBox.information(self, "Pelita", f"Tanda Daftar nomor {entry.number} tercatat "
                                "di Daftar LKS.")
        self.changed.emit()


class _CaseDialog(CaseForm):
    """A case form whose fields are laid out by the subclass (in `self.body`)."""

    def __init__(self, title: str, fields: dict, parent=None):
        super().__init__(title, parent, width=520)
        for field, widget in fields.items():
            self.errors.add(field, widget)


class ChooseLksDialog(_CaseDialog):
    def __init__(self, session, application, case, parent=None):
        self.search = QLineEdit()
        self.results = QListWidget()
        self.kind = QComboBox()
        for code, label in registrations.KINDS.items():
            self.kind.addItem(label, code)
        self.report = QCheckBox("Laporan kegiatan sudah diterima (syarat perpanjangan)")
        super().__init__("LKS yang mendaftar", {"LKS": self.search,
                                                 "Jenis pendaftaran": self.kind}, parent)
        self.session, self.application, self.case = session, application, case
        self.search.setPlaceholderText("Cari awal nama LKS atau NPWP…")
        self.chosen_id = None
        self.search.textChanged.connect(self._find)
        self.new_button = QPushButton("Catat pemohon sebagai LKS baru…")
        self.new_button.clicked.connect(self._new_lks)
        form = QFormLayout()
        form.addRow("LKS:", self.search)
        form.addRow("", self.results)
        form.addRow("", self.new_button)
        form.addRow("Jenis:", self.kind)
        form.addRow("", self.report)
        self.body.insertLayout(0, form)
        self.mark_required(case_record.REGISTRATION_REQUIRED)
        self.kind.currentIndexChanged.connect(self._follow_kind)
        own = lks_records.of_organisation(session.user, application.organisation_id)
        chosen = case.lks if case else own
        self.new_button.setVisible(application.organisation_id is not None and own is None)
        self.chosen_id = chosen.id if chosen is not None else None
        if chosen is not None:
            self.search.setText(chosen.organisation.name)
        if case is not None:
            self.kind.setCurrentIndex(self.kind.findData(case.kind))
            self.report.setChecked(case.activity_report)
        elif chosen is not None and chosen.registered_until is not None:
            self.kind.setCurrentIndex(self.kind.findData("perpanjangan"))
        self._follow_kind()

    def _find(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        for row in registry_query.page(self.session.user, LksFilter(text=text), limit=20):
            item = QListWidgetItem(f"{row.name} · {row.kecamatan}"
                                   + (f" · {row.registration_number}"
                                      if row.registration_number else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
            if row.id == self.chosen_id:  # the same name twice: the one chosen, not the first
                self.results.setCurrentItem(item)
        if self.results.count() and self.results.currentItem() is None:
            self.results.setCurrentRow(0)

    def _follow_kind(self) -> None:
        self.report.setEnabled(self.kind.currentData() == "perpanjangan")

    def _new_lks(self) -> None:
        from desktop.views.lks.lks_dialog import LksDialog

        dialog = LksDialog(self.session, None, self, organisation=self.application.organisation)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.new_button.hide()
            self.chosen_id = dialog.lks.id
            self.search.setText(dialog.lks.organisation.name)

    def save(self) -> None:
        item = self.results.currentItem()
        lks_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        kind = self.kind.currentData()
        self.attempt(lambda: case_record.save_registration(
            self.session.user, self.application, self.case, lks_id=lks_id, kind=kind,
            activity_report=kind == "perpanjangan" and self.report.isChecked()))


class VisitDialog(_CaseDialog):
    def __init__(self, session, application, case, parent=None):
        self.date = date_edit(optional=False)
        self.team = QPlainTextEdit()
        self.team.setPlaceholderText("Satu nama per baris, dengan jabatan")
        self.team.setFixedHeight(70)
        self.findings = QPlainTextEdit()
        self.findings.setFixedHeight(100)
        self.fit = QRadioButton("Layak")
        self.unfit = QRadioButton("Tidak layak")
        result = QWidget()
        result_row = QHBoxLayout(result)
        result_row.setContentsMargins(0, 0, 0, 0)
        result_row.addWidget(self.fit)
        result_row.addWidget(self.unfit)
        result_row.addStretch(1)
        super().__init__("Verifikasi lapangan", {
            "Tanggal kunjungan": self.date, "Tim teknis": self.team, "Temuan": self.findings,
            "Hasil verifikasi": result}, parent)
        group = QButtonGroup(self)
        group.addButton(self.fit)
        group.addButton(self.unfit)
        self.session, self.application, self.case = session, application, case
        form = QFormLayout()
        form.addRow("Tanggal kunjungan:", self.date)
        form.addRow("Tim teknis:", self.team)
        form.addRow("Temuan:", self.findings)
        form.addRow("Hasil:", result)
        hint = QLabel("Foto kunjungan dilampirkan sebagai berkas permohonan (Lampiran).")
        hint.setStyleSheet("color: #666;")
        self.body.insertLayout(0, form)
        self.body.insertWidget(1, hint)
        self.mark_required(case_record.VISIT_REQUIRED)
        if case is not None and case.visit_date:
            self.date.setDate(QDate(case.visit_date))
            self.team.setPlainText(case.visit_team)
            self.findings.setPlainText(case.visit_findings)
            (self.fit if case.visit_result == "layak" else self.unfit).setChecked(True)

    def save(self) -> None:
        result = "layak" if self.fit.isChecked() else "tidak_layak" if self.unfit.isChecked() \
            else ""
        self.attempt(lambda: case_record.save_visit(
            self.session.user, self.application, self.case,
            visit_date=date_of(self.date), team=self.team.toPlainText(),
            findings=self.findings.toPlainText(), result=result))


class ValidityDialog(_CaseDialog):
    def __init__(self, session, application, case, parent=None):
        self.start = date_edit(optional=False)
        self.end = date_edit(optional=False)
        super().__init__("Masa berlaku Tanda Daftar", {"Berlaku mulai": self.start,
                                                        "Berlaku sampai": self.end}, parent)
        self.session, self.application, self.case = session, application, case
        form = QFormLayout()
        form.addRow("Berlaku mulai:", self.start)
        form.addRow("Berlaku sampai:", self.end)
        hint = QLabel("Diusulkan dari Pengaturan (masa berlaku Tanda Daftar LKS; Permensos "
                      "184/2011 tidak menyebutnya, perlu dikonfirmasi).")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.body.insertLayout(0, form)
        self.body.insertWidget(1, hint)
        self.mark_required(case_record.VALIDITY_REQUIRED)
        self.start.dateChanged.connect(self._suggest)
        if case is not None and case.valid_from:
            self.start.setDate(QDate(case.valid_from))
            self.end.setDate(QDate(case.valid_until))
        else:
            self._suggest()

    def _suggest(self) -> None:
        self.end.setDate(QDate(registrations.default_until(self.start.date().toPython())))

    def save(self) -> None:
        self.attempt(lambda: case_record.save_validity(
            self.session.user, self.application, self.case,
            valid_from=date_of(self.start), valid_until=date_of(self.end)))
