from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class AtensiCase(RecordModel):
    """A beneficiary's rehabilitation assistance (ATENSI) for one budget year: whom the kepala
    determined from the office's PMKS data, in which cluster. The applicant is the
    beneficiary."""

    application = ForeignKeyField(Application, unique=True, backref="atensi_cases",
                                  on_delete="CASCADE")
    budget_year = IntegerField(index=True)
    cluster = CharField(max_length=12)  # lansia, disabilitas
    pmks_reference = CharField(max_length=60)  # the beneficiary's entry in the PMKS data
    condition = TextField(default="")
    determined_by = CharField(max_length=64, default="")
    determined_on = DateField()

    class Meta:
        table_name = "atensi_case"


class AtensiPlan(RecordModel):
    """What the year's plan gives one beneficiary under one component."""

    application = ForeignKeyField(Application, backref="atensi_plans", on_delete="CASCADE")
    component = CharField(max_length=16)
    amount = BigIntegerField(default=0)  # rupiah planned
    note = TextField(default="")  # the planned items or sessions

    class Meta:
        table_name = "atensi_plan"
        indexes = ((("application", "component"), True),)


class AtensiDelivery(RecordModel):
    """One assistance delivered: its day, component, amount or items, and who delivered it."""

    application = ForeignKeyField(Application, backref="atensi_deliveries",
                                  on_delete="CASCADE")
    component = CharField(max_length=16)
    delivered_on = DateField()
    amount = BigIntegerField(null=True)  # rupiah, when it was money or priced goods
    items = TextField(default="")  # what was given or done
    delivered_by = CharField(max_length=120)
    note = TextField(default="")

    class Meta:
        table_name = "atensi_delivery"
        indexes = ((("application", "delivered_on"), False),)
