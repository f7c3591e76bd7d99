"""Official letters: a draft that becomes an immutable, numbered, signed document."""
from peewee import BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from desktop.models.admin.user import User
from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.complaints.complaint import Complaint


class Letter(RecordModel):
    """One letter. Once signed, its number, signer and `final_docx` never change.

    The database itself refuses a change to the issued columns of a signed letter and its
    deletion (migration 0005), and any change to a revoked letter's state, hand-over or
    revocation (migration 0028), whichever program tries.
    """

    application = ForeignKeyField(Application, null=True, backref="letters",
                                  on_delete="RESTRICT")
    # A reply to a complaint (jawaban pengaduan): read as the complaint's identity is.
    complaint = ForeignKeyField(Complaint, null=True, backref="letters", on_delete="RESTRICT")
    template_key = CharField(max_length=64)
    series = CharField(max_length=64)  # numbering series; the sequence runs per series and year
    classification = CharField(max_length=40, default="")  # Permendagri 83/2022 code
    subject = CharField(max_length=255, default="")  # Hal
    # draft, waiting_paraf, returned, waiting_signature, signed, handed_over, revoked
    state = CharField(max_length=20, default="draft")
    fields = TextField(default="{}")  # the free-text parts staff may edit, as JSON
    drafted_by = ForeignKeyField(User, backref="drafted_letters", on_delete="RESTRICT")
    paraf_by = ForeignKeyField(User, null=True, backref="initialled_letters",
                               on_delete="RESTRICT")
    paraf_at = DateTimeField(null=True)
    return_note = TextField(default="")
    signer = ForeignKeyField(User, backref="letters_to_sign", on_delete="RESTRICT")
    signing_as = CharField(max_length=8, default="")  # '', 'a.n.', 'Plt.', 'Plh.'
    number = CharField(max_length=120, null=True, unique=True)
    sequence = IntegerField(null=True)
    year = IntegerField(null=True)
    signed_at = DateTimeField(null=True)
    issued = TextField(default="")  # JSON: the context the final document was rendered with
    final_docx = BlobField(null=True)  # written once, at signing
    sha256 = CharField(max_length=64, default="")
    verification_code = CharField(max_length=16, null=True, unique=True)
    pdf = BlobField(null=True)
    handed_over_at = DateTimeField(null=True)
    handed_over_by = ForeignKeyField(User, null=True, backref="handed_over_letters",
                                     on_delete="RESTRICT")
    # Revoked (dicabut) by a kepala: set once, never changed or cleared (migration 0028).
    revoked_at = DateTimeField(null=True)
    revoked_by = ForeignKeyField(User, null=True, backref="revoked_letters",
                                 on_delete="RESTRICT")
    revocation_reason = TextField(null=True)

    audit_exclude = ("final_docx", "pdf", "issued")

    class Meta:
        indexes = (
            (("state", "updated_at"), False),
            (("series", "year", "sequence"), False),  # unique per counter: see migration 0007
        )


class SignerImage(RecordModel):
    """A signer's scanned signature and stamp, placed only on letters they sign."""

    user = ForeignKeyField(User, unique=True, backref="signer_images", on_delete="CASCADE")
    signature = BlobField(null=True)  # PNG
    stamp = BlobField(null=True)  # PNG

    audit_exclude = ("signature", "stamp")
