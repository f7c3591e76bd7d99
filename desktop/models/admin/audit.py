from peewee import CharField, DateTimeField, IntegerField, TextField

from desktop.models.base import BaseModel, utcnow


class AuditEntry(BaseModel):
    """Append-only: the services insert rows and never update or delete them."""

    at = DateTimeField(default=utcnow, index=True)
    username = CharField(max_length=64, default="")
    action = CharField(max_length=16)  # create, update, delete, login, ...
    table_name = CharField(max_length=64)
    record_id = IntegerField(null=True)
    old_values = TextField(null=True)  # JSON
    new_values = TextField(null=True)  # JSON

    class Meta:
        indexes = ((("table_name", "record_id"), False),)
