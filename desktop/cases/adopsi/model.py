from peewee import BigIntegerField, BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.applications.person import Person
from desktop.models.base import RecordModel


class AdoptionCase(RecordModel):
    """An adoption recommendation (PP 54/2007, Permensos 110/HUK/2009): the child, the
    prospective parents (COTA) and their marriage, and the facts the eligibility rules read.
    Tri-state facts are "ya", "tidak" or "" (not known yet: the rule waits for it)."""

    application = ForeignKeyField(Application, unique=True, backref="adoption_cases",
                                  on_delete="CASCADE")
    route = CharField(max_length=20, default="pasangan_wni")  # orang_tua_tunggal, wni_wna
    child = ForeignKeyField(Person, backref="adoptions_as_child", on_delete="RESTRICT")
    child_status = CharField(max_length=24)  # terlantar, ditelantarkan, perlindungan_khusus
    child_disability = BooleanField(default=False)
    child_lives = CharField(max_length=16)  # keluarga, lksa, rumah_sakit
    child_place = CharField(max_length=160, default="")  # the LKSA's or hospital's name
    child_guardian = CharField(max_length=200, default="")  # parents or guardian, and relation
    husband = ForeignKeyField(Person, null=True, backref="adoptions_as_husband",
                              on_delete="RESTRICT")
    wife = ForeignKeyField(Person, null=True, backref="adoptions_as_wife", on_delete="RESTRICT")
    husband_occupation = CharField(max_length=80, default="")
    wife_occupation = CharField(max_length=80, default="")
    husband_income = BigIntegerField(null=True)  # rupiah a month
    wife_income = BigIntegerField(null=True)
    husband_healthy = CharField(max_length=5, default="")  # the health certificate's finding
    wife_healthy = CharField(max_length=5, default="")
    husband_clean = CharField(max_length=5, default="")  # SKCK: no conviction
    wife_clean = CharField(max_length=5, default="")
    marriage_date = DateField(null=True)
    marriage_number = CharField(max_length=80, default="")
    children_count = IntegerField(null=True)  # the children they already have
    previous_adoptions = TextField(default="[]")  # JSON: ISO dates of earlier rulings
    able = CharField(max_length=5, default="")  # economically and socially: the worker's view
    able_note = TextField(default="")
    child_consent = CharField(max_length=12, default="")  # ya, tidak, belum_mampu
    guardian_permission = CharField(max_length=5, default="")
    statement = CharField(max_length=5, default="")  # written: for the child's best interest

    class Meta:
        table_name = "adoption_case"


class AdoptionEvent(RecordModel):
    """One dated stage of the adoption's way (a document check, a home visit, the social
    report, the province's care permit, the court ruling...); created_by is who recorded it."""

    application = ForeignKeyField(Application, backref="adoption_events", on_delete="CASCADE")
    stage = CharField(max_length=24)
    on_date = DateField()
    reference = CharField(max_length=120, default="")  # the report's, permit's or ruling's number
    court = CharField(max_length=120, default="")
    people = CharField(max_length=200, default="")  # who visited, who sat
    note = TextField(default="")
    cancelled = BooleanField(default=False)  # recorded by mistake: kept, not counted

    class Meta:
        table_name = "adoption_event"
        indexes = ((("application", "on_date"), False),)
