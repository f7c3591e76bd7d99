from peewee import BigIntegerField, CharField, DateField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class RaffleCase(RecordModel):
    """A free prize raffle (undian gratis berhadiah): its organiser, period, draw, prizes at
    market value, the social contribution, the notary, and the report after the hand-over."""

    application = ForeignKeyField(Application, unique=True, backref="raffle_cases",
                                  on_delete="CASCADE")
    organiser_status = CharField(max_length=16)  # badan_hukum, badan_lain
    organiser_founded = DateField(null=True)  # for a body that is not a legal entity
    raffle_name = CharField(max_length=200)
    period_start = DateField()
    period_end = DateField()
    draw_date = DateField()
    draw_place = CharField(max_length=200)
    notary = CharField(max_length=120)
    prizes = TextField(default="[]")  # JSON: [[item, quantity, market value each], ...]
    contribution = BigIntegerField()  # rupiah to social welfare
    handover_end = DateField(null=True)  # the last day prizes were handed over
    report_received_on = DateField(null=True)
    report_note = TextField(default="")

    class Meta:
        table_name = "raffle_case"
