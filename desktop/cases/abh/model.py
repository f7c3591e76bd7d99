from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class AbhCase(RecordModel):
    """A child in conflict with the law (UU 11/2012 SPPA): the offence and what it threatens,
    the stage of the proceedings, the other parties, and the social report the worker writes.
    The child is the application's applicant."""

    application = ForeignKeyField(Application, unique=True, backref="abh_cases",
                                  on_delete="CASCADE")
    offence_date = DateField()
    offence = TextField()  # what happened, briefly
    article = CharField(max_length=200)  # the article charged (Pasal ... KUHP)
    threat_months = IntegerField()  # the threatened prison sentence
    repeat = BooleanField(default=False)  # a repeat offence (pengulangan tindak pidana)
    stage = CharField(max_length=16, default="penyidikan")
    police_report = CharField(max_length=80, default="")  # Nomor LP
    court_case = CharField(max_length=80, default="")  # Nomor perkara
    contacts = TextField(default="[]")  # JSON: [[role, name, institution, phone], ...]
    education = CharField(max_length=80, default="")
    parent_name = CharField(max_length=120, default="")
    parent_address = CharField(max_length=300, default="")
    assessment = TextField(default="")  # the social report's assessment
    recommendation = TextField(default="")
    written_by = CharField(max_length=64, default="")  # the worker who wrote the report
    outcome = TextField(default="")  # the ruling or agreement's end, and after-care

    class Meta:
        table_name = "abh_case"


class AbhEvent(RecordModel):
    """What happened on the case at a moment staff recorded (naive UTC): the investigator's
    request for the social report and its delivery, a stage reached, an accompaniment
    session, a diversion deliberation. The legal clocks are read from these."""

    application = ForeignKeyField(Application, backref="abh_events", on_delete="CASCADE")
    kind = CharField(max_length=20)
    at = DateTimeField()
    stage = CharField(max_length=16, default="")
    reference = CharField(max_length=120, default="")  # the request letter's number
    place = CharField(max_length=160, default="")
    people = CharField(max_length=300, default="")
    note = TextField(default="")
    result = CharField(max_length=8, default="")  # a deliberation: sepakat, gagal, or ""
    terms = TextField(default="")  # the agreement and its supervision

    class Meta:
        table_name = "abh_event"
        indexes = ((("application", "at"), False),)
