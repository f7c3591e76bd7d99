from peewee import CharField, DateField, TextField

from desktop.models.base import RecordModel


class Person(RecordModel):
    """A citizen: an applicant, a beneficiary or a reported person. One record per NIK."""

    nik = CharField(max_length=16, null=True, unique=True)  # null: no identity papers yet
    kk_number = CharField(max_length=16, default="")
    name = CharField(max_length=120, index=True)
    birth_place = CharField(max_length=80, default="")
    birth_date = DateField(null=True)
    sex = CharField(max_length=1, default="")  # L or P
    religion = CharField(max_length=20, default="")
    marital_status = CharField(max_length=20, default="")
    street = CharField(max_length=200, default="")
    rt = CharField(max_length=3, default="")
    rw = CharField(max_length=3, default="")
    kelurahan = CharField(max_length=80, default="")
    kecamatan = CharField(max_length=80, default="")
    city = CharField(max_length=80, default="")
    phone = CharField(max_length=30, default="")
    identity_note = TextField(default="")  # e.g. "tanpa identitas, dirujuk dari RSUD"
    name_key = CharField(max_length=120, index=True, default="")  # lower-case, for prefix search


class Organisation(RecordModel):
    """An institution or association that applies (LKS, yayasan, perkumpulan, company)."""

    name = CharField(max_length=200, index=True)
    legal_form = CharField(max_length=40, default="")
    address = TextField(default="")
    contact_person = CharField(max_length=120, default="")
    phone = CharField(max_length=30, default="")
    email = CharField(max_length=120, default="")
    name_key = CharField(max_length=200, index=True, default="")
