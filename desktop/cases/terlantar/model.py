from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.referrals.institution import Institution


class StrandedCase(RecordModel):
    """A stranded traveller or a tuna sosial person reported to the office: the report, the
    outreach and first assessment, the identity found or not (the applicant is the person,
    with or without papers), then the journey home (with the police letter) or the shelter,
    family tracing and a medical referral."""

    application = ForeignKeyField(Application, unique=True, backref="stranded_cases",
                                  on_delete="CASCADE")
    track = CharField(max_length=12)  # perjalanan, tuna_sosial
    source = CharField(max_length=12)  # record.SOURCES
    reporter = CharField(max_length=160, default="")  # who reported, and how to reach them
    found_place = CharField(max_length=200)
    reported_at = DateTimeField()  # naive UTC
    outreach_at = DateTimeField(null=True)  # the officers met the person
    assessment = TextField(default="")
    identity = CharField(max_length=8, default="")  # ada, tidak, or not checked yet
    identity_note = TextField(default="")  # what was found, or what is still sought
    # The journey home (perjalanan)
    police_reference = CharField(max_length=160, default="")  # the police letter
    destination = CharField(max_length=200, default="")
    transport = CharField(max_length=120, default="")  # bus umum trayek ..., kereta ...
    ticket_number = CharField(max_length=60, default="")
    ticket_cost = BigIntegerField(null=True)  # rupiah
    pocket_money = BigIntegerField(null=True)
    companion = CharField(max_length=160, default="")  # a child travels with one
    departure_at = DateTimeField(null=True)
    # Tuna sosial: family tracing and the medical referral
    tracing = TextField(default="")
    reunified_at = DateTimeField(null=True)
    reunified_with = CharField(max_length=200, default="")
    medical_institution = ForeignKeyField(Institution, null=True, on_delete="RESTRICT")
    medical_at = DateTimeField(null=True)
    medical_reason = TextField(default="")

    class Meta:
        table_name = "stranded_case"


class ShelterStay(RecordModel):
    """A stay in the rumah singgah: at most the set number of nights (7), longer only with an
    emergency reason recorded. The shelter's guests are the stays not checked out."""

    application = ForeignKeyField(Application, backref="shelter_stays", on_delete="CASCADE")
    check_in = DateTimeField()  # naive UTC
    check_out = DateTimeField(null=True)
    emergency_reason = TextField(default="")
    note = TextField(default="")

    class Meta:
        table_name = "shelter_stay"
        indexes = ((("check_out", "check_in"), False),)
