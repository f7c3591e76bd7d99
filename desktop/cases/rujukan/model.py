from peewee import CharField, DateField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.referrals.institution import Institution


class ReferralCase(RecordModel):
    """A rehabilitation referral: the social worker's assessment of the person (the
    application's applicant, with or without papers), the institution chosen, the letter or
    the trip that took them there, the institution's answer, and the outcome."""

    application = ForeignKeyField(Application, unique=True, backref="referral_cases",
                                  on_delete="CASCADE")
    target_group = CharField(max_length=16)  # institutions.GROUPS
    findings = TextField()  # the assessment: condition, situation
    needs = TextField(default="")
    guardian = CharField(max_length=200, default="")  # family or guardian, relation, phone
    assessed_on = DateField()
    assessed_by = CharField(max_length=64, default="")
    institution = ForeignKeyField(Institution, null=True, backref="referrals",
                                  on_delete="RESTRICT")
    sent_on = DateField(null=True)  # the letter sent, or the person taken there
    companions = CharField(max_length=200, default="")  # who accompanied (Pendampingan)
    transport = CharField(max_length=120, default="")
    answer = CharField(max_length=8, default="")  # diterima, ditolak, antre, or none yet
    answer_on = DateField(null=True)
    answer_note = TextField(default="")  # a refusal's reason, the waiting list's place
    outcome = CharField(max_length=10, default="")  # OUTCOMES
    outcome_on = DateField(null=True)
    outcome_note = TextField(default="")

    class Meta:
        table_name = "referral_case"


class ReferralVisit(RecordModel):
    """A follow-up visit to the person at the institution or at home."""

    application = ForeignKeyField(Application, backref="referral_visits", on_delete="CASCADE")
    visited_on = DateField()
    note = TextField()

    class Meta:
        table_name = "referral_visit"
        indexes = ((("application", "visited_on"), False),)
