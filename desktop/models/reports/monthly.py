"""A month's volume and on-time completions, kept once the month has ended, so the head's
dashboard reads twelve rows instead of a year of applications at every opening."""
from peewee import CharField, DateTimeField, IntegerField

from desktop.models.base import BaseModel, utcnow


class MonthlyFigure(BaseModel):
    """`scope` names whose visibility the counts follow (a role and the services it does not
    read), so an administrator's months never show a kepala's sensitive cases."""

    scope = CharField(max_length=64)
    year = IntegerField()
    month = IntegerField()
    received = IntegerField()  # applications received in the month
    completed = IntegerField()  # applications completed in the month
    on_time = IntegerField()  # of those, within their time limit
    computed_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "monthly_figure"
        indexes = ((("scope", "year", "month"), True),)
