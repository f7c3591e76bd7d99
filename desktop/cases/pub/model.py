from peewee import BigIntegerField, BooleanField, CharField, DateField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class CollectionCase(RecordModel):
    """A public collection of money or goods (PUB): the organiser's legal form, what and how
    it collects, where (which decides who issues), its target and planned costs, its period
    and one extension."""

    application = ForeignKeyField(Application, unique=True, backref="collection_cases",
                                  on_delete="CASCADE")
    organiser_form = CharField(max_length=16)  # yayasan, perkumpulan
    legal_number = CharField(max_length=80)  # SK Kemenkumham
    goods = CharField(max_length=12)  # uang, barang, uang_barang
    disaster = BooleanField(default=False)  # for disaster victims: the 10% cap does not apply
    purpose = TextField()
    methods = CharField(max_length=80)  # ",kotak,transfer," (record.METHODS)
    area_level = CharField(max_length=12)  # record.AREAS
    area_names = TextField(default="")  # the kelurahan or kecamatan, one per line
    bank_account = CharField(max_length=200, default="")
    target = BigIntegerField()  # rupiah
    planned_cost = BigIntegerField()  # rupiah
    period_start = DateField()
    period_end = DateField()
    extension_end = DateField(null=True)

    class Meta:
        table_name = "collection_case"


class CollectionReport(RecordModel):
    """A report the organiser owes: every three months and at the end."""

    application = ForeignKeyField(Application, backref="collection_reports",
                                  on_delete="CASCADE")
    due_on = DateField()  # the end of the months it reports on
    final = BooleanField(default=False)
    received_on = DateField()
    collected = BigIntegerField()
    costs = BigIntegerField()
    distributed = BigIntegerField()
    recipients = TextField()
    auditor = CharField(max_length=200, default="")  # the public accountant, when required

    class Meta:
        table_name = "collection_report"
        indexes = ((("application", "due_on"), True),)
