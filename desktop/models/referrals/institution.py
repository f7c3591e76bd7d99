from peewee import BooleanField, CharField, IntegerField, TextField

from desktop.models.base import RecordModel


class Institution(RecordModel):
    """A balai, panti, hospital or shelter the office refers people to. `groups` lists the
    target groups it accepts, delimited (',odgj,lansia,') so a LIKE matches a whole code."""

    name = CharField(max_length=200, unique=True)
    kind = CharField(max_length=16)  # balai, panti, rumah_sakit, rumah_singgah, lks
    leader_title = CharField(max_length=60, default="Kepala")  # "Direktur" for a hospital
    address = CharField(max_length=300, default="")
    city = CharField(max_length=80, default="")  # the letter's "di ..."
    phone = CharField(max_length=30, default="")
    email = CharField(max_length=120, default="")
    groups = CharField(max_length=200, default="")
    capacity = IntegerField(null=True)  # places; None: not known
    note = TextField(default="")
    active = BooleanField(default=True)

    class Meta:
        table_name = "institution"
