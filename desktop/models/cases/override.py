from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import BaseModel, utcnow


class RuleOverride(BaseModel):
    """A kepala let a step (or a letter) go ahead although a case kind's rule was not met,
    with a written reason. Kept for good: the audit trail records it too."""

    application = ForeignKeyField(Application, backref="rule_overrides", on_delete="CASCADE")
    rule = CharField(max_length=64)  # "<kind>.<rule>", e.g. dtks.checked
    reason = TextField()
    username = CharField(max_length=64)
    at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("application", "rule"), True),)
