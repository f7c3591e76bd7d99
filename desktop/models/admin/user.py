from peewee import BooleanField, CharField, DateTimeField, IntegerField

from desktop.models.base import RecordModel


class User(RecordModel):
    username = CharField(max_length=64, unique=True)
    full_name = CharField(max_length=120)
    role = CharField(max_length=32, index=True)
    password_hash = CharField(max_length=255)
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_login_at = DateTimeField(null=True)
    # Signing details, used by letters for the `kepala` role.
    position = CharField(max_length=160, default="")
    rank = CharField(max_length=80, default="")
    nip = CharField(max_length=18, default="")

    audit_exclude = ("password_hash",)
