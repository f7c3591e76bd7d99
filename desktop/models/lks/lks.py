from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.applications.person import Organisation, Person
from desktop.models.base import RecordModel


class Lks(RecordModel):
    """An organisation registered (or applying to be) as a Lembaga Kesejahteraan Sosial.

    The current Tanda Daftar's number and end are copied here from LksRegistration when one
    is recorded or revoked, so the register filters and sorts by them on an index."""

    organisation = ForeignKeyField(Organisation, unique=True, backref="lks_records",
                                   on_delete="CASCADE")
    legal_status = CharField(max_length=24)  # berbadan_hukum, tidak_berbadan_hukum
    deed_number = CharField(max_length=60, default="")  # akta notaris
    deed_date = DateField(null=True)
    deed_notary = CharField(max_length=120, default="")
    sk_number = CharField(max_length=80, default="")  # SK Kemenkumham
    sk_date = DateField(null=True)
    founding_note = CharField(max_length=120, default="")  # nota pendirian dilegalisasi
    founding_date = DateField(null=True)
    npwp = CharField(max_length=16, default="", index=True)  # digits: 15, or 16 since 2024
    bank_name = CharField(max_length=80, default="")
    bank_account = CharField(max_length=30, default="")
    bank_account_name = CharField(max_length=200, default="")
    domicile_number = CharField(max_length=80, default="")  # surat keterangan domisili
    domicile_date = DateField(null=True)
    kelurahan = CharField(max_length=80, default="")
    kecamatan = CharField(max_length=80, default="", index=True)
    fields = CharField(max_length=200, default="")  # ",anak,lansia," (services.lks.FIELDS)
    staff_count = IntegerField(default=0)
    accreditation = CharField(max_length=1, default="")  # A, B, C or none
    registration_number = CharField(max_length=80, default="")
    registered_until = DateField(null=True, index=True)
    revoked = BooleanField(default=False)
    note = TextField(default="")

    class Meta:
        table_name = "lks"


class LksBoardMember(RecordModel):
    """The chair, secretary and treasurer: each a person with a validated NIK."""

    lks = ForeignKeyField(Lks, backref="board", on_delete="CASCADE")
    position = CharField(max_length=16)  # ketua, sekretaris, bendahara
    person = ForeignKeyField(Person, backref="lks_positions")

    class Meta:
        table_name = "lks_board_member"
        indexes = ((("lks", "position"), True),)


class LksBeneficiary(RecordModel):
    """How many people of one kind the LKS serves."""

    lks = ForeignKeyField(Lks, backref="beneficiaries", on_delete="CASCADE")
    kind = CharField(max_length=24)  # services.lks.FIELDS
    count = IntegerField()

    class Meta:
        table_name = "lks_beneficiary"
        indexes = ((("lks", "kind"), True),)


class LksRegistration(RecordModel):
    """One Tanda Daftar: new or a renewal, its validity, and its revocation if it came."""

    lks = ForeignKeyField(Lks, backref="registrations", on_delete="CASCADE")
    number = CharField(max_length=80)
    kind = CharField(max_length=16)  # baru, perpanjangan
    issued_on = DateField()
    valid_from = DateField()
    valid_until = DateField()
    application = ForeignKeyField(Application, null=True, unique=True,  # one per application
                                  backref="lks_registrations", on_delete="SET NULL")
    revoked_on = DateField(null=True)
    revoke_reason = TextField(default="")
    revoked_by = CharField(max_length=64, default="")

    class Meta:
        table_name = "lks_registration"
        indexes = ((("lks", "valid_until"), False),)
