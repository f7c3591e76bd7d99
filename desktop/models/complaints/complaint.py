"""Complaints, suggestions and appreciation received by the office (penanganan pengaduan,
saran dan masukan), each from its channel to the complainant's confirmation."""
from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.catalog.service import Service


class Complaint(RecordModel):
    """One complaint. Its clocks (verification, follow-up, resolution) are counted from
    `received_on` and `file_complete_on` by the work calendar when read, so a holiday the
    administrator adds later moves them. The complainant's identity is read only through
    desktop.services.complaints (confidential: the handler and the kepala)."""

    number = CharField(max_length=40, unique=True)
    kind = CharField(max_length=12)  # pengaduan, saran, apresiasi
    channel = CharField(max_length=16)  # langsung, telepon, whatsapp, email, lapor, ...
    lapor_ticket = CharField(max_length=40, default="")  # SP4N-LAPOR! tracking number
    received_at = DateTimeField()  # UTC
    received_on = DateField()  # the office's day of receipt: the clocks start here
    about = CharField(max_length=12)  # layanan, permohonan, petugas, umum
    service = ForeignKeyField(Service, null=True, backref="complaints", on_delete="RESTRICT")
    application = ForeignKeyField(Application, null=True, backref="complaints",
                                  on_delete="RESTRICT")
    staff_named = CharField(max_length=120, default="")  # about staff behaviour
    category = CharField(max_length=24)
    subject = CharField(max_length=200)
    description = TextField(default="")
    identity = CharField(max_length=8)  # terbuka, anonim, rahasia
    complainant_name = CharField(max_length=120, default="")
    complainant_contact = CharField(max_length=200, default="")
    complainant_address = CharField(max_length=300, default="")
    handler = CharField(max_length=64, default="", index=True)  # username
    state = CharField(max_length=16, default="diterima")
    verified_on = DateField(null=True)
    verification_note = TextField(default="")
    file_complete_on = DateField(null=True)  # the resolution clock starts here
    followed_up_on = DateField(null=True)
    follow_up = TextField(default="")
    resolved_on = DateField(null=True)
    reply_kind = CharField(max_length=12, default="")  # surat, telepon, whatsapp, ...
    reply_reference = CharField(max_length=120, default="")  # the reply letter's number
    reply = TextField(default="")
    outcome = CharField(max_length=16, default="")
    confirmation = CharField(max_length=16, default="")
    confirmed_on = DateField(null=True)

    # Who complained stays out of the audit trail, which every auditor reads.
    audit_exclude = ("complainant_name", "complainant_contact", "complainant_address")

    class Meta:
        indexes = ((("state", "received_on"), False), (("received_on",), False))
