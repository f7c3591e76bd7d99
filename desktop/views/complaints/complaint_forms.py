"""The forms of a complaint's way: recording it as received, routing it, and each step its
handler records. Every refusal is shown beside its field and the form keeps what was typed."""
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QRadioButton

from desktop.services.complaints import complaints
from desktop.views.cases.case_form import (CaseForm, choices_combo, date_field, datetime_edit,
                                           local_of, select, service_combo)
from desktop.views.shared.forms import date_of, follow_required


def text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class RecordDialog(CaseForm):
    """A complaint, suggestion or appreciation as it came in."""

    def __init__(self, session, complaint=None, parent=None):
        super().__init__("Catat pengaduan, saran atau apresiasi", parent, width=620)
        self.session = session
        self.kind = self.row("Jenis", choices_combo(complaints.KINDS))
        self.channel = self.row("Saluran", choices_combo({"": "— pilih saluran —",
                                                          **complaints.CHANNELS}))
        self.ticket = self.row("Nomor tiket LAPOR!", QLineEdit())
        self.ticket.setPlaceholderText("hanya untuk pengaduan dari SP4N-LAPOR!")
        self.received = self.row("Diterima", datetime_edit())
        self.about = self.row("Tentang", choices_combo(complaints.ABOUT))
        select(self.about, "umum")
        self.service = self.row("Layanan", service_combo())
        self.reg_number = self.row("Nomor registrasi", QLineEdit())
        self.reg_number.setPlaceholderText("nomor pada tanda terima permohonan")
        self.staff = self.row("Petugas yang diadukan", QLineEdit())
        self.staff.setPlaceholderText("nama atau ciri petugas, loket, jam")
        self.category = self.row("Kategori", choices_combo(complaints.CATEGORIES))
        self.subject = self.row("Pokok aduan", QLineEdit())
        self.description = self.row("Uraian", text_box(90))
        self.identity = self.row("Identitas pengadu", choices_combo(complaints.IDENTITIES))
        self.name = self.row("Nama pengadu", QLineEdit())
        self.contact = self.row("Kontak pengadu", QLineEdit())
        self.contact.setPlaceholderText("telepon/WhatsApp/e-mail untuk menyampaikan jawaban")
        self.address = self.row("Alamat pengadu", QLineEdit())
        for combo in (self.channel, self.about, self.identity):
            combo.currentIndexChanged.connect(lambda _: self._fit())
        self.mark_required(complaints.REQUIRED)
        follow_required(self.errors.fields, lambda: complaints.required_fields(
            self.channel.currentData(), self.about.currentData(), self.identity.currentData()),
            complaints.CONDITIONAL,
            *(combo.currentIndexChanged for combo in (self.channel, self.about, self.identity)))
        self._fit()

    def _fit(self) -> None:
        """Only the rows the choices need: the ticket for LAPOR!, the service or the case or
        the member of staff, the complainant's particulars unless anonymous."""
        about = self.about.currentData()
        shown = {self.ticket: self.channel.currentData() == "lapor",
                 self.service: about in ("layanan", "petugas"),
                 self.reg_number: about == "permohonan", self.staff: about == "petugas"}
        anonymous = self.identity.currentData() == "anonim"
        shown.update({w: not anonymous for w in (self.name, self.contact, self.address)})
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)

    def save(self) -> None:
        anonymous = self.identity.currentData() == "anonim"
        self.attempt(lambda: complaints.record(
            self.session.user, kind=self.kind.currentData(), channel=self.channel.currentData(),
            lapor_ticket=self.ticket.text(), received_at=local_of(self.received),
            about=self.about.currentData(), service_id=self.service.currentData(),
            reg_number=self.reg_number.text(), staff_named=self.staff.text(),
            category=self.category.currentData(), subject=self.subject.text(),
            description=self.description.toPlainText(), identity=self.identity.currentData(),
            name="" if anonymous else self.name.text(),
            contact="" if anonymous else self.contact.text(),
            address="" if anonymous else self.address.text()))


class _Step(CaseForm):
    title = ""

    def __init__(self, session, complaint, parent=None):
        super().__init__(f"{self.title}: {complaint.number}", parent, width=520)
        self.session, self.complaint = session, complaint


class RouteDialog(_Step):
    title = "Teruskan pengaduan"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.handler = self.row("Penangan", QComboBox())
        for user in complaints.handlers():
            self.handler.addItem(f"{user.full_name} ({user.username})", user.username)
        select(self.handler, complaint.handler)

    def save(self) -> None:
        self.attempt(lambda: complaints.route(self.session.user, self.complaint,
                                              self.handler.currentData()))


class VerifyDialog(_Step):
    title = "Verifikasi pengaduan"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.day = self.row("Tanggal verifikasi", date_field())
        self.complete = QRadioButton("Berkas lengkap: jangka penyelesaian mulai hari ini")
        self.incomplete = QRadioButton("Belum lengkap: pengadu diminta melengkapi")
        self.complete.setChecked(True)
        self.row("Hasil", self.complete)
        self.row("", self.incomplete)
        self.note = self.row("Catatan verifikasi", text_box())
        self.note.setPlaceholderText("yang masih kurang, atau hasil pemeriksaan awal")

    def save(self) -> None:
        self.attempt(lambda: complaints.verify(
            self.session.user, self.complaint, verified_on=date_of(self.day),
            complete=self.complete.isChecked(), note=self.note.toPlainText()))


class CompleteFileDialog(_Step):
    title = "Berkas pengaduan lengkap"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.day = self.row("Berkas lengkap", date_field())

    def save(self) -> None:
        self.attempt(lambda: complaints.complete_file(self.session.user, self.complaint,
                                                      completed_on=date_of(self.day)))


class FollowUpDialog(_Step):
    title = "Tindak lanjut pengaduan"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.day = self.row("Tanggal tindak lanjut", date_field())
        self.text = self.row("Tindak lanjut", text_box(110))
        self.text.setPlaceholderText("apa yang dilakukan, oleh siapa (klarifikasi petugas, "
                                     "perbaikan prosedur, koordinasi dengan instansi lain)")

    def save(self) -> None:
        self.attempt(lambda: complaints.follow_up(self.session.user, self.complaint,
                                                  followed_up_on=date_of(self.day),
                                                  text=self.text.toPlainText()))


class ResolveDialog(_Step):
    title = "Jawaban kepada pengadu"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.day = self.row("Tanggal jawaban", date_field())
        self.reply_kind = self.row("Cara menjawab", choices_combo(complaints.REPLY_KINDS))
        if complaint.identity == "anonim":
            select(self.reply_kind, "lapor" if complaint.channel == "lapor" else "pengumuman")
        self.reference = self.row("Nomor surat jawaban", QLineEdit())
        signed = complaints.signed_reply_number(complaint)
        if signed:  # the reply Pelita signed: answered by letter
            self.reference.setText(signed)
            select(self.reply_kind, "surat")
        self.reply = self.row("Isi jawaban", text_box(110))
        self.reply.setPlaceholderText("isi surat, atau catatan telepon/pesan yang disampaikan")
        self.outcome = self.row("Hasil", choices_combo(complaints.OUTCOMES[complaint.kind]))
        self.reply_kind.currentIndexChanged.connect(lambda _: self._fit())
        self._fit()

    def _fit(self) -> None:
        self.form.setRowVisible(self.reference, self.reply_kind.currentData() == "surat")

    def save(self) -> None:
        letter = self.reply_kind.currentData() == "surat"
        self.attempt(lambda: complaints.resolve(
            self.session.user, self.complaint, resolved_on=date_of(self.day),
            reply_kind=self.reply_kind.currentData(), reply=self.reply.toPlainText(),
            outcome=self.outcome.currentData(),
            reply_reference=self.reference.text() if letter else ""))


class ConfirmDialog(_Step):
    title = "Konfirmasi pengadu"

    def __init__(self, session, complaint, parent=None):
        super().__init__(session, complaint, parent)
        self.day = self.row("Tanggal konfirmasi", date_field())
        self.confirmation = self.row("Konfirmasi pengadu",
                                     choices_combo(complaints.CONFIRMATIONS))

    def save(self) -> None:
        self.attempt(lambda: complaints.confirm(self.session.user, self.complaint,
                                                confirmed_on=date_of(self.day),
                                                confirmation=self.confirmation.currentData()))
