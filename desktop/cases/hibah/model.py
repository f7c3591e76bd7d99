from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.lks.lks import Lks


class GrantCase(RecordModel):
    """A grant recommendation (rekomendasi hibah): who asks (an LKS of the register, or a
    legal entity domiciled here long enough), the proposal and its budget lines, the
    verification visit, and what is recommended."""

    application = ForeignKeyField(Application, unique=True, backref="grant_cases",
                                  on_delete="CASCADE")
    lks = ForeignKeyField(Lks, null=True, backref="grant_cases", on_delete="RESTRICT")
    legal_number = CharField(max_length=80, default="")  # a legal entity that is not an LKS
    domiciled_since = DateField(null=True)
    budget_year = IntegerField()
    requested = BigIntegerField()  # rupiah
    purpose = TextField()
    budget_lines = TextField(default="[]")  # JSON: [[line, rupiah], ...]
    visit_date = DateField(null=True)
    visit_result = CharField(max_length=16, default="")  # layak, tidak_layak
    visit_note = TextField(default="")
    recommended = BigIntegerField(null=True)  # rupiah, at most the request

    class Meta:
        table_name = "grant_case"
