from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class DtksCheck(RecordModel):
    """What the officer found in SIKS-NG for the applicant: registered or not, the decile where
    known, the programmes received, the month the data is of, and who looked when."""

    application = ForeignKeyField(Application, unique=True, backref="dtks_checks",
                                  on_delete="CASCADE")
    registered = BooleanField()
    data_id = CharField(max_length=32, default="")  # the ID in DTKS/DTSEN, where shown
    decile = IntegerField(null=True)  # desil 1 to 10, where shown
    programmes = CharField(max_length=200, default="")  # ",PKH,BPNT," (record.PROGRAMMES)
    other_programmes = CharField(max_length=200, default="")
    data_period = DateField()  # the first day of the month the data is of ("periode")
    checked_by = CharField(max_length=64)
    checked_at = DateTimeField()
    note = TextField(default="")

    class Meta:
        table_name = "dtks_check"
