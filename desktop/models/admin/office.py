from peewee import BlobField, CharField, TextField

from desktop.models.base import RecordModel


class OfficeProfile(RecordModel):
    """A single row: the office that uses this database."""

    office_name = CharField(max_length=160, default="Dinas Sosial")
    region_kind = CharField(max_length=16, default="Kota")  # Kota or Kabupaten
    region_name = CharField(max_length=120, default="")
    address = TextField(default="")
    phone = CharField(max_length=60, default="")
    email = CharField(max_length=120, default="")
    website = CharField(max_length=120, default="")
    emblem = BlobField(null=True)  # PNG or JPEG bytes
    time_zone = CharField(max_length=40, default="Asia/Jakarta")
    head_name = CharField(max_length=120, default="")
    head_rank = CharField(max_length=80, default="")
    head_nip = CharField(max_length=18, default="")
    unit_code = CharField(max_length=40, default="Dinsos")
    classification_code = CharField(max_length=40, default="400.9")
    # First digits of NIK issued in this region (province + regency/city), for demo data.
    region_code = CharField(max_length=4, default="")

    audit_exclude = ("emblem",)
