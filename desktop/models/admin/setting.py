from peewee import CharField, TextField

from desktop.models.base import RecordModel


class Setting(RecordModel):
    """Office-wide settings shared by every PC; values are JSON."""

    key = CharField(max_length=64, unique=True)
    value = TextField()
