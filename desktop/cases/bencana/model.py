from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.stock.stock import AidItem, StockMovement


class DisasterCase(RecordModel):
    """A disaster event (natural or social) the office responds to: where and when, its
    response clock, the damage found, and the report to the kepala. The application's
    applicant is whoever reported it."""

    application = ForeignKeyField(Application, unique=True, backref="disaster_cases",
                                  on_delete="CASCADE")
    hazard = CharField(max_length=24)  # record.HAZARDS
    occurred_at = DateTimeField()  # naive UTC
    reported_at = DateTimeField()
    place = CharField(max_length=200)
    kelurahan = CharField(max_length=80)
    kecamatan = CharField(max_length=80, default="")
    responded_at = DateTimeField(null=True)  # the first response on site
    damage = TextField(default="")
    report = TextField(default="")  # the report to the kepala
    reported_by = CharField(max_length=64, default="")
    reported_on = DateField(null=True)

    class Meta:
        table_name = "disaster_case"


class DisasterHousehold(RecordModel):
    """A household the assessment found affected: its members by age group and
    vulnerability, the damage to its home, whether it had to leave."""

    application = ForeignKeyField(Application, backref="disaster_households",
                                  on_delete="CASCADE")
    head_name = CharField(max_length=120)
    head_nik = CharField(max_length=16, default="")
    address = CharField(max_length=300)
    infants = IntegerField(default=0)  # under 5
    children = IntegerField(default=0)  # 5 to 17
    adults = IntegerField(default=0)  # 18 to 59
    elderly = IntegerField(default=0)  # 60 and over
    disabled = IntegerField(default=0)
    pregnant = IntegerField(default=0)
    damage = CharField(max_length=8, default="")  # ringan, sedang, berat, or none
    displaced = BooleanField(default=False)
    note = TextField(default="")

    class Meta:
        table_name = "disaster_household"
        indexes = ((("application", "head_name"), False),)


class DisasterActivity(RecordModel):
    """What the office ran for the event: a public kitchen, a shelter, psychosocial support,
    evacuation, Tagana volunteers deployed; from a day to a day, with how many."""

    application = ForeignKeyField(Application, backref="disaster_activities",
                                  on_delete="CASCADE")
    kind = CharField(max_length=12)
    start_on = DateField()
    end_on = DateField(null=True)  # None while it runs
    place = CharField(max_length=200, default="")
    count = IntegerField(default=0)  # portions a day, people sheltered or helped, volunteers
    note = TextField(default="")

    class Meta:
        table_name = "disaster_activity"


class DisasterDistribution(RecordModel):
    """Aid handed to a household of the assessment, from the stock (its movement)."""

    application = ForeignKeyField(Application, backref="disaster_distributions",
                                  on_delete="CASCADE")
    household = ForeignKeyField(DisasterHousehold, backref="distributions",
                                on_delete="RESTRICT")
    item = ForeignKeyField(AidItem, on_delete="RESTRICT")
    movement = ForeignKeyField(StockMovement, unique=True, on_delete="RESTRICT")
    quantity = IntegerField()
    given_on = DateField()
    received_by = CharField(max_length=120)  # who signed for it

    class Meta:
        table_name = "disaster_distribution"
