from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from desktop.models.base import BaseModel, RecordModel


class Service(RecordModel):
    """A published service standard (standar pelayanan) from the seeds."""

    code = CharField(max_length=64, unique=True)
    name = CharField(max_length=255)
    source_office = CharField(max_length=80)
    category = CharField(max_length=80, default="")
    limit_kind = CharField(max_length=16)  # working_days, days, minutes, conditional
    limit_value = IntegerField(null=True)
    limit_starts = CharField(max_length=16, default="receipt")  # receipt or complete
    limit_note = TextField(default="")
    fee = IntegerField(default=0)  # rupiah
    product = TextField(default="")
    complaint = TextField(default="")
    active = BooleanField(default=True)
    # A sensitive case (children, referrals) is read only by these roles (",kepala,...,")
    # and by whoever registered it; see services.case_access.
    sensitive = BooleanField(default=False)
    readers = CharField(max_length=200, default="")
    # The case kind whose data, rules and panel this service carries ("" for none); see
    # desktop.services.cases.registry.
    case_kind = CharField(max_length=32, default="")
    # Hash of the shipped definition last loaded, and whether an administrator changed it since.
    shipped_hash = CharField(max_length=64, default="")
    customized = BooleanField(default=False)


class ServiceRequirement(BaseModel):
    service = ForeignKeyField(Service, backref="requirements", on_delete="CASCADE")
    position = IntegerField()
    group_name = CharField(max_length=120, default="")  # e.g. an SLRT aid type
    text = TextField()


class ServiceStep(BaseModel):
    service = ForeignKeyField(Service, backref="steps", on_delete="CASCADE")
    number = IntegerField()
    text = TextField()
    actor = CharField(max_length=32)  # a role name, or "pemohon" / "eksternal"
    actor_label = CharField(max_length=160, default="")  # the seed's own words
