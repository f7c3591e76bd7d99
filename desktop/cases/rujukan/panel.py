"""The referral in the application detail: the assessment, the institution and its answer
(days waited, red past the limit), the trip, follow-up visits and the outcome; a form for
each step, offered in the order the work goes."""
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from desktop.cases.rujukan import record as rujukan
from desktop.services.admin import settings
from desktop.services.cases.kind import accepts_case_data
from desktop.services.referrals import institutions
from desktop.services.shared import timefmt
from desktop.views.cases.case_form import (CaseForm, CasePanel, choices_combo, date_field,
                                          office_now, select)
from desktop.views.shared.forms import date_of, follow_required
from desktop.views.shared.rich_text import typed_text

GREY = "<span style='color:#666'>{}</span>"


def _waiting_line(case, today) -> str:
    days = rujukan.waiting_since(case, today)
    if days is None:
        return ""
    limit = settings.value(rujukan.ANSWER_DAYS)
    colour = "#a93226" if days >= limit else "#1f4e79"
    return (f"<span style='color:{colour}'><b>Menunggu jawaban {days} hari</b></span>"
            f" (batas {limit} hari)")


def summary(application, case, visits, today) -> str:
    if case is None:
        return ("<i>Belum diasesmen.</i> Catat hasil asesmen pekerja sosial dan kelompok "
                "sasarannya; Pelita menawarkan lembaga yang menerima kelompok itu.")
    lines = [f"<b>Kelompok sasaran:</b> {institutions.GROUPS[case.target_group]} · "
             f"<b>{rujukan.state_text(case)}</b>",
             f"<b>Asesmen</b> {timefmt.format_date(case.assessed_on)} oleh "
             f"{typed_text(case.assessed_by)}: {typed_text(case.findings)}"]
    if case.needs:
        lines.append(f"<b>Kebutuhan:</b> {typed_text(case.needs)}")
    if case.guardian:
        lines.append(f"<b>Keluarga/wali:</b> {typed_text(case.guardian)}")
    if case.institution_id:
        place = case.institution
        lines.append(f"<b>Lembaga tujuan:</b> {typed_text(place.name)}"
                     + (f", {typed_text(place.address)}" if place.address else "")
                     + (f" · {typed_text(place.phone)}" if place.phone else ""))
    else:
        lines.append("<b>Lembaga tujuan:</b> " + GREY.format("belum dipilih"))
    if case.sent_on:
        verb = "Diantar" if rujukan.accompanied(application) else "Dikirim"
        trip = ", ".join(typed_text(p) for p in (case.companions, case.transport) if p)
        lines.append(f"<b>{verb}:</b> {timefmt.format_date(case.sent_on)}"
                     + (f" ({trip})" if trip else ""))
    waiting = _waiting_line(case, today)
    if waiting:
        lines.append(waiting)
    if case.answer:
        lines.append(f"<b>Jawaban lembaga:</b> {rujukan.ANSWERS[case.answer]} "
                     f"{timefmt.format_date(case.answer_on)}"
                     + (f" — {typed_text(case.answer_note)}" if case.answer_note else ""))
    if visits:
        lines.append("<b>Kunjungan lanjutan:</b><br/>" + "<br/>".join(
            f"{timefmt.format_date(v.visited_on)} — {typed_text(v.note)}" for v in visits))
    if case.outcome:
        lines.append(f"<b>Hasil akhir:</b> {rujukan.OUTCOMES[case.outcome]} "
                     f"{timefmt.format_date(case.outcome_on)}"
                     + (f" — {typed_text(case.outcome_note)}" if case.outcome_note else ""))
    return "<br/>".join(lines)


class ReferralPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Catat asesmen…", lambda: self.open_form(AssessmentDialog)),
            ("Pilih lembaga…", lambda: self.open_form(InstitutionDialog)),
            ("Catat pengiriman…", lambda: self.open_form(SendingDialog)),
            ("Catat jawaban lembaga…", lambda: self.open_form(AnswerDialog)),
            ("Catat kunjungan…", lambda: self.open_form(VisitDialog)),
            ("Catat hasil akhir…", lambda: self.open_form(OutcomeDialog))], parent)

    def show_record(self, application, case) -> None:
        from desktop.cases.rujukan import KIND

        self.application, self.case = application, case
        visits = rujukan.visits_of(application.id) if case is not None else []
        self.label.setText(summary(application, case, visits, office_now().date()))
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        assess, choose, send, answer, visit, outcome = self.buttons
        assess.setText("Ubah asesmen…" if case else "Catat asesmen…")
        send.setText("Catat pengantaran…" if rujukan.accompanied(application)
                     else "Catat pengiriman…")
        sent = case is not None and case.sent_on is not None
        shown = {assess: True, choose: case is not None,
                 send: case is not None and bool(case.institution_id) and not case.answer,
                 answer: sent and not case.outcome, visit: sent, outcome: sent}
        for button, visible in shown.items():
            button.setVisible(may and visible)
            button.setEnabled(open_)


class AssessmentDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Asesmen rujukan", parent, width=620)
        self.session, self.application, self.case = session, application, case
        self.group = self.row("Kelompok sasaran", choices_combo(institutions.GROUPS))
        select(self.group, case.target_group if case else rujukan.default_group(application))
        self.assessed_on = self.row("Tanggal asesmen",
                                    date_field(case.assessed_on if case else None))
        self.findings = self.row("Hasil asesmen", QPlainTextEdit(case.findings if case else ""))
        self.findings.setFixedHeight(110)
        self.needs = self.row("Kebutuhan", QPlainTextEdit(case.needs if case else ""))
        self.needs.setFixedHeight(60)
        self.guardian = self.row("Keluarga/wali", QLineEdit(case.guardian if case else ""))
        self.guardian.setPlaceholderText("nama, hubungan, telepon")
        self.mark_required(rujukan.ASSESSMENT_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: rujukan.save_assessment(
            self.session.user, self.application, self.case, group=self.group.currentData(),
            findings=self.findings.toPlainText(), needs=self.needs.toPlainText(),
            guardian=self.guardian.text(), assessed_on=date_of(self.assessed_on)))


class InstitutionDialog(CaseForm):
    """Only the institutions that take the assessed group are offered."""

    def __init__(self, session, application, case, parent=None):
        super().__init__("Lembaga rujukan", parent, width=620)
        self.session, self.application, self.case = session, application, case
        self.choice = self.row("Lembaga rujukan", QComboBox())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.form.addRow("", self.details)
        self.places = institutions.accepting(case.target_group)
        for place in self.places:
            self.choice.addItem(f"{place.name} ({institutions.KINDS[place.kind][0].lower()})",
                                place.id)
        if not self.places:
            self.details.setText(f"Belum ada lembaga yang menerima "
                                 f"{institutions.GROUPS[case.target_group].lower()}. Minta "
                                 "administrator menambahkannya di Lembaga Rujukan.")
        self.choice.setCurrentIndex(self.choice.findData(case.institution_id)
                                    if case.institution_id else 0)
        if case.institution_id and self.choice.currentIndex() < 0:
            self.details.setText(f"{case.institution.name} tidak aktif lagi atau tidak "
                                 "menerima kelompok ini: pilih lembaga lain.")
        self.choice.currentIndexChanged.connect(self._show)
        self.companions = self.row("Pendamping", QLineEdit(case.companions))
        self.companions.setPlaceholderText("yang akan mengantar: pekerja sosial, keluarga")
        self.transport = self.row("Transportasi", QLineEdit(case.transport))
        accompanied = rujukan.accompanied(application)
        self.form.setRowVisible(self.companions, accompanied)
        self.form.setRowVisible(self.transport, accompanied)
        self.mark_required(rujukan.INSTITUTION_REQUIRED)
        self._show()

    def _show(self) -> None:
        place = next((p for p in self.places if p.id == self.choice.currentData()), None)
        if place is None:
            return
        capacity = f"kapasitas {place.capacity} orang" if place.capacity else \
            "kapasitas belum dicatat"
        self.details.setText(", ".join(p for p in (place.address, place.city, place.phone,
                                                   capacity) if p))

    def save(self) -> None:
        self.attempt(lambda: rujukan.choose_institution(
            self.session.user, self.application, self.case, self.choice.currentData(),
            companions=self.companions.text(), transport=self.transport.text()))


class SendingDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        accompanied = rujukan.accompanied(application)
        super().__init__("Pengantaran" if accompanied else "Pengiriman rujukan", parent)
        self.session, self.application, self.case = session, application, case
        label = rujukan.sending_field(application)
        self.sent_on = self.row(label, date_field(case.sent_on))
        self.companions = self.row("Pendamping", QLineEdit(case.companions))
        self.transport = self.row("Transportasi", QLineEdit(case.transport))
        self.form.setRowVisible(self.companions, accompanied)
        self.form.setRowVisible(self.transport, accompanied)
        self.mark_required(rujukan.sending_required(application))

    def save(self) -> None:
        self.attempt(lambda: rujukan.record_sending(
            self.session.user, self.application, self.case, sent_on=date_of(self.sent_on),
            companions=self.companions.text(), transport=self.transport.text()))


class AnswerDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Jawaban lembaga", parent)
        self.session, self.application, self.case = session, application, case
        self.answer = self.row("Jawaban lembaga", choices_combo(rujukan.ANSWERS))
        select(self.answer, case.answer)
        self.answer_on = self.row("Tanggal jawaban", date_field(case.answer_on))
        self.note = self.row("Keterangan jawaban", QPlainTextEdit(case.answer_note))
        self.note.setFixedHeight(70)
        self.note.setPlaceholderText("alasan penolakan, atau urutan daftar tunggu")
        self.mark_required(rujukan.ANSWER_REQUIRED)
        follow_required(self.errors.fields,
                        lambda: rujukan.answer_required(self.answer.currentData()),
                        ("Keterangan jawaban",), self.answer.currentIndexChanged)

    def save(self) -> None:
        self.attempt(lambda: rujukan.record_answer(
            self.session.user, self.application, self.case, answer=self.answer.currentData(),
            answer_on=date_of(self.answer_on), note=self.note.toPlainText()))


class VisitDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Kunjungan lanjutan", parent)
        self.session, self.application, self.case = session, application, case
        self.visited_on = self.row("Tanggal kunjungan", date_field())
        self.note = self.row("Hasil kunjungan", QPlainTextEdit())
        self.note.setFixedHeight(90)
        self.mark_required(rujukan.VISIT_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: rujukan.add_visit(
            self.session.user, self.application, self.case,
            visited_on=date_of(self.visited_on), note=self.note.toPlainText()))


class OutcomeDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Hasil akhir rujukan", parent)
        self.session, self.application, self.case = session, application, case
        self.outcome = self.row("Hasil akhir", choices_combo(rujukan.OUTCOMES))
        select(self.outcome, case.outcome)
        self.outcome_on = self.row("Tanggal hasil", date_field(case.outcome_on))
        self.note = self.row("Keterangan hasil", QPlainTextEdit(case.outcome_note))
        self.note.setFixedHeight(70)
        self.mark_required(rujukan.OUTCOME_REQUIRED)
        follow_required(self.errors.fields,
                        lambda: rujukan.outcome_required(self.outcome.currentData()),
                        ("Keterangan hasil",), self.outcome.currentIndexChanged)

    def save(self) -> None:
        self.attempt(lambda: rujukan.record_outcome(
            self.session.user, self.application, self.case,
            outcome=self.outcome.currentData(), outcome_on=date_of(self.outcome_on),
            note=self.note.toPlainText()))
