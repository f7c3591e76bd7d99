"""The stranded person or tuna sosial case in the application detail: the report, the
outreach and identity, earlier cases of the same person, then the journey home or the
shelter stay with its nightly countdown (red past the limit without an emergency reason),
family tracing and the medical referral; a form for each."""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from desktop.cases.terlantar import record as terlantar
from desktop.services.cases.kind import accepts_case_data
from desktop.services.referrals import institutions
from desktop.services.shared import timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.views.cases.case_form import (CaseForm, CasePanel, choices_combo, datetime_edit,
                                          local_of, select)
from desktop.views.shared.forms import follow_required
from desktop.views.shared.rich_text import typed_text

STAY_COLOURS = {"ok": "#1f4e79", "last": "#b45309", "over": "#a93226",
                "emergency": "#6d28d9", "out": "#444"}


def _rupiah(value) -> str:
    from desktop.services.letters import formatting

    return formatting.rupiah(value or 0)


def summary(application, case, stays, earlier, now) -> str:
    lines = []
    if earlier:
        lines.append("<span style='color:#a93226'><b>Pernah dibantu sebelumnya:</b></span> "
                     + "; ".join(f"{a.reg_number} "
                                 f"({timefmt.format_local_date(a.received_at)})"
                                 for a in earlier))
    if case is None:
        lines.append("<i>Laporan belum dicatat.</i> Catat sumber laporan, tempat dan waktu "
                     "ditemukan.")
        return "<br/>".join(lines)
    lines += [f"<b>{terlantar.TRACKS[case.track]}</b> · laporan dari "
              f"{terlantar.SOURCES[case.source].lower()}"
              + (f" ({typed_text(case.reporter)})" if case.reporter else "")
              + f", {timefmt.format_local(case.reported_at)}",
              f"<b>Ditemukan di:</b> {typed_text(case.found_place)}"]
    if case.outreach_at:
        lines.append(f"<b>Penjangkauan</b> {timefmt.format_local(case.outreach_at)}: "
                     f"{typed_text(case.assessment)}")
        lines.append(f"<b>Identitas:</b> {terlantar.IDENTITY[case.identity]}"
                     + (f" — {typed_text(case.identity_note)}" if case.identity_note else ""))
    if case.destination:
        lines.append(f"<b>Pemulangan</b> ke {typed_text(case.destination)} dengan "
                     f"{typed_text(case.transport)}"
                     + (f", tiket {typed_text(case.ticket_number)}" if case.ticket_number
                        else "")
                     + f" ({_rupiah(case.ticket_cost)}, uang saku {_rupiah(case.pocket_money)})"
                     + f", berangkat {timefmt.format_local(case.departure_at)}"
                     + (f"; pendamping {typed_text(case.companion)}" if case.companion else "")
                     + f" · {typed_text(case.police_reference)}")
    for stay in stays:
        state, words = terlantar.stay_text(stay, now, terlantar.used_nights(stays, stay))
        lines.append(f"<b>Rumah singgah:</b> masuk {timefmt.format_local(stay.check_in)} · "
                     f"<span style='color:{STAY_COLOURS[state]}'><b>{words}</b></span>"
                     + (f"<br/>&nbsp;&nbsp;Alasan darurat: {typed_text(stay.emergency_reason)}"
                        if stay.emergency_reason else ""))
    if case.tracing:
        lines.append(f"<b>Penelusuran keluarga:</b> {typed_text(case.tracing)}"
                     + (f" · diserahkan kepada {typed_text(case.reunified_with)} "
                        f"{timefmt.format_local(case.reunified_at)}" if case.reunified_at
                        else ""))
    if case.medical_institution_id:
        lines.append(f"<b>Rujukan medis:</b> {typed_text(case.medical_institution.name)}, "
                     f"{timefmt.format_local(case.medical_at)} — "
                     f"{typed_text(case.medical_reason)}")
    return "<br/>".join(lines)


class StrandedPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Catat laporan…", lambda: self.open_form(ReportDialog)),
            ("Catat penjangkauan…", lambda: self.open_form(OutreachDialog)),
            ("Rencana pemulangan…", lambda: self.open_form(JourneyDialog)),
            ("Masuk rumah singgah…", lambda: self.open_form(CheckInDialog)),
            ("Keluar rumah singgah…", lambda: self.open_form(CheckOutDialog)),
            ("Alasan darurat…", lambda: self.open_form(EmergencyDialog)),
            ("Penelusuran keluarga…", lambda: self.open_form(TracingDialog)),
            ("Rujukan medis…", lambda: self.open_form(MedicalDialog))], parent)
        self.stays, self.earlier = [], []
        self.timer = QTimer(self)  # the countdown crosses midnight while the detail is open
        self.timer.timeout.connect(self._refresh)
        self.timer.start(60_000)

    def show_record(self, application, case) -> None:
        from desktop.cases.terlantar import KIND

        self.application, self.case = application, case
        self.stays = terlantar.stays_of(application.id) if case else []
        self.earlier = terlantar.earlier_cases(self.session.user, application)
        self._refresh()
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        report, outreach, journey, check_in, check_out, emergency, tracing, medical = \
            self.buttons
        report.setText("Ubah laporan…" if case else "Catat laporan…")
        staying = any(s.check_out is None for s in self.stays)
        shelter = case is not None and case.track == "tuna_sosial"
        shown = {report: True, outreach: case is not None,
                 journey: case is not None and case.track == "perjalanan",
                 check_in: shelter and not staying, check_out: staying, emergency: staying,
                 tracing: shelter, medical: shelter}
        for button, visible in shown.items():
            button.setVisible(may and visible)
            # A guest leaves the shelter even after the case was closed.
            button.setEnabled(open_ or button in (check_out, emergency))

    def _refresh(self) -> None:
        if self.application is not None:
            self.label.setText(summary(self.application, self.case, self.stays, self.earlier,
                                       utcnow()))

    def open_stay(self):
        return next((s for s in self.stays if s.check_out is None), None)

    def open_form(self, dialog_class) -> None:
        if dialog_class in (CheckOutDialog, EmergencyDialog):
            stay = self.open_stay()
            if stay is None or dialog_class(self.session, self.application, stay,
                                            self).exec() != CaseForm.DialogCode.Accepted:
                return
            self.changed.emit()
            return
        super().open_form(dialog_class)


class ReportDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Laporan orang terlantar / tuna sosial", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.track = self.row("Jenis penanganan", choices_combo(
            {t: terlantar.TRACKS[t] for t in terlantar.tracks_for(application)}))
        self.source = self.row("Sumber laporan", choices_combo(terlantar.SOURCES))
        self.reporter = self.row("Pelapor", QLineEdit(case.reporter if case else ""))
        self.reporter.setPlaceholderText("nama dan telepon/instansi pelapor")
        self.found_place = self.row("Tempat ditemukan", QLineEdit(case.found_place if case
                                                                  else ""))
        self.reported_at = self.row("Waktu laporan", datetime_edit(
            case.reported_at if case else application.received_at))
        self.mark_required(terlantar.REPORT_REQUIRED)
        if case is not None:
            select(self.track, case.track)
            select(self.source, case.source)

    def save(self) -> None:
        self.attempt(lambda: terlantar.save_report(
            self.session.user, self.application, self.case, track=self.track.currentData(),
            source=self.source.currentData(), reporter=self.reporter.text(),
            found_place=self.found_place.text(), reported_at=local_of(self.reported_at)))


class OutreachDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Penjangkauan dan asesmen awal", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.at = self.row("Waktu penjangkauan", datetime_edit(case.outreach_at))
        self.assessment = self.row("Asesmen awal", QPlainTextEdit(case.assessment))
        self.assessment.setFixedHeight(100)
        self.identity = self.row("Identitas", choices_combo(terlantar.IDENTITY))
        select(self.identity, case.identity)
        self.identity_note = self.row("Keterangan identitas", QLineEdit(case.identity_note))
        self.identity_note.setPlaceholderText("KTP ditemukan / tanpa dokumen, mengaku dari …")
        self.mark_required(terlantar.OUTREACH_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: terlantar.record_outreach(
            self.session.user, self.application, self.case, outreach_at=local_of(self.at),
            assessment=self.assessment.toPlainText(), identity=self.identity.currentData(),
            identity_note=self.identity_note.text()))


class JourneyDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Rencana pemulangan", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.police = self.row("Surat keterangan kepolisian", QLineEdit(case.police_reference))
        self.police.setPlaceholderText("Nomor … tanggal …")
        self.destination = self.row("Tujuan pemulangan", QLineEdit(case.destination))
        self.transport = self.row("Moda transportasi", QLineEdit(case.transport))
        self.transport.setPlaceholderText("bus umum trayek Magelang - Cilacap")
        self.ticket = self.row("Nomor tiket", QLineEdit(case.ticket_number))
        self.cost = self.row("Harga tiket", QLineEdit(str(case.ticket_cost or "")))
        self.pocket = self.row("Uang saku", QLineEdit(str(case.pocket_money or "")))
        self.companion = self.row("Pendamping", QLineEdit(case.companion))
        self.companion.setPlaceholderText("wajib untuk anak: nama dan hubungan/instansi")
        self.departure = self.row("Waktu berangkat", datetime_edit(case.departure_at))
        self.mark_required(terlantar.journey_required(application))

    def save(self) -> None:
        self.attempt(lambda: terlantar.plan_journey(
            self.session.user, self.application, self.case,
            police_reference=self.police.text(), destination=self.destination.text(),
            transport=self.transport.text(), ticket_number=self.ticket.text(),
            ticket_cost=self.cost.text() or 0, pocket_money=self.pocket.text() or 0,
            companion=self.companion.text(), departure_at=local_of(self.departure)))


class CheckInDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Masuk rumah singgah", parent, width=460)
        self.session, self.application, self.case = session, application, case
        self.at = self.row("Waktu masuk", datetime_edit())
        self.reason = self.row("Alasan darurat", QLineEdit())
        self.reason.setPlaceholderText("wajib bila tinggal sebelumnya sudah memakai batas malam")
        self.note = self.row("Catatan", QLineEdit())
        # The earlier stays, not this form, decide the reason: known on opening.
        self.mark_required(terlantar.check_in_required(application))

    def save(self) -> None:
        self.attempt(lambda: terlantar.check_in(
            self.session.user, self.application, self.case, at=local_of(self.at),
            emergency_reason=self.reason.text(), note=self.note.text()))


class CheckOutDialog(CaseForm):
    def __init__(self, session, application, stay, parent=None):
        super().__init__("Keluar rumah singgah", parent, width=520)
        self.session, self.application, self.stay = session, application, stay
        self.info = QLabel(f"Masuk {timefmt.format_local(stay.check_in)}")
        self.form.addRow("", self.info)
        self.at = self.row("Waktu keluar", datetime_edit())
        self.reason = self.row("Alasan darurat", QPlainTextEdit(stay.emergency_reason))
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText("wajib bila lebih dari batas malam")
        self.note = self.row("Catatan", QLineEdit(stay.note))
        self.note.setPlaceholderText("keluar ke mana: keluarga, rumah sakit, panti")
        self.mark_required(terlantar.CHECK_OUT_REQUIRED)
        # Leaving later may pass the nights allowed: the reason's "*" follows the time out.
        follow_required(self.errors.fields, lambda: terlantar.check_out_required(
            application, stay, self.at.dateTime().toPython() if self.at.dateTime().isValid()
            else None), terlantar.EMERGENCY_REQUIRED, self.at.dateTimeChanged)

    def save(self) -> None:
        self.attempt(lambda: terlantar.check_out(
            self.session.user, self.application, self.stay, at=local_of(self.at),
            emergency_reason=self.reason.toPlainText(), note=self.note.text()))


class EmergencyDialog(CaseForm):
    def __init__(self, session, application, stay, parent=None):
        super().__init__("Alasan darurat", parent, width=520)
        self.session, self.application, self.stay = session, application, stay
        self.reason = self.row("Alasan darurat", QPlainTextEdit(stay.emergency_reason))
        self.reason.setFixedHeight(90)
        self.mark_required(terlantar.EMERGENCY_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: terlantar.record_emergency(
            self.session.user, self.application, self.stay, self.reason.toPlainText()))


class TracingDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Penelusuran dan reunifikasi keluarga", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.tracing = self.row("Penelusuran keluarga", QPlainTextEdit(case.tracing))
        self.tracing.setFixedHeight(90)
        self.reunified_with = self.row("Diserahkan kepada", QLineEdit(case.reunified_with))
        self.reunified_at = self.row("Waktu reunifikasi", datetime_edit(case.reunified_at))
        self.reunified_at.setEnabled(bool(case.reunified_at) or False)
        self.reunified_with.textChanged.connect(
            lambda text: self.reunified_at.setEnabled(bool(text.strip())))
        self.mark_required(terlantar.TRACING_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: terlantar.record_tracing(
            self.session.user, self.application, self.case, tracing=self.tracing.toPlainText(),
            reunified_with=self.reunified_with.text(),
            reunified_at=local_of(self.reunified_at) if self.reunified_at.isEnabled()
            else None))


class MedicalDialog(CaseForm):
    """Only hospitals that take the person: a general one, or a psychiatric one for mental
    illness."""

    def __init__(self, session, application, case, parent=None):
        super().__init__("Rujukan medis", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.kind = self.row("Kebutuhan", choices_combo({"umum": "Sakit non-kejiwaan",
                                                         "jiwa": "Gangguan kejiwaan"}))
        self.place = self.row("Rumah sakit rujukan", QComboBox())
        self.at = self.row("Waktu dirujuk", datetime_edit(case.medical_at))
        self.reason = self.row("Keluhan/kondisi", QPlainTextEdit(case.medical_reason))
        self.reason.setFixedHeight(80)
        self.mark_required(terlantar.MEDICAL_REQUIRED)
        if case.medical_institution_id and institutions.accepts(case.medical_institution,
                                                                 "odgj"):
            select(self.kind, "jiwa")
        self.kind.currentIndexChanged.connect(self._places)
        self._places()
        select(self.place, case.medical_institution_id)

    def _places(self) -> None:
        group = "odgj" if self.kind.currentData() == "jiwa" else "tuna_sosial"
        self.place.clear()
        for place in institutions.accepting(group):
            if place.kind == "rumah_sakit":
                self.place.addItem(place.name, place.id)

    def save(self) -> None:
        self.attempt(lambda: terlantar.refer_medical(
            self.session.user, self.application, self.case,
            institution_id=self.place.currentData(), mental=self.kind.currentData() == "jiwa",
            referred_at=local_of(self.at), reason=self.reason.toPlainText()))
