"""The public satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017): one row
per respondent, the nine elements scored 1 to 4."""
from peewee import Check, CharField, DateField, ForeignKeyField, IntegerField

from desktop.models.base import RecordModel
from desktop.models.catalog.service import Service

ELEMENT_COLUMNS = tuple(f"u{n}" for n in range(1, 10))


def _score(column: str) -> IntegerField:
    return IntegerField(constraints=[Check(f"{column} BETWEEN 1 AND 4")])


class SkmResponse(RecordModel):
    """One questionnaire, typed in from paper or answered at the kiosk. Never changed
    afterwards (the app's database login may only add)."""

    responded_on = DateField()
    service = ForeignKeyField(Service, backref="skm_responses", on_delete="RESTRICT")
    source = CharField(max_length=8)  # kertas, kiosk
    age = IntegerField(null=True)
    sex = CharField(max_length=1, default="")  # L, P, '' not given
    education = CharField(max_length=8, default="")
    occupation = CharField(max_length=12, default="")
    u1 = _score("u1")
    u2 = _score("u2")
    u3 = _score("u3")
    u4 = _score("u4")
    u5 = _score("u5")
    u6 = _score("u6")
    u7 = _score("u7")
    u8 = _score("u8")
    u9 = _score("u9")

    class Meta:
        table_name = "skm_response"
        indexes = ((("responded_on", "service"), False),)
