"""The PUB case kind (desktop/cases/pub): a collection per application and the reports it
owes; the shipped PUB service carries the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class CollectionCase(Record):
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        organiser_form = CharField(max_length=16)
        legal_number = CharField(max_length=80)
        goods = CharField(max_length=12)
        disaster = BooleanField(default=False)
        purpose = TextField()
        methods = CharField(max_length=80)
        area_level = CharField(max_length=12)
        area_names = TextField(default='')
        bank_account = CharField(max_length=200, default='')
        target = BigIntegerField()
        planned_cost = BigIntegerField()
        period_start = DateField()
        period_end = DateField()
        extension_end = DateField(null=True)

        class Meta:
            table_name = 'collection_case'

    class CollectionReport(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        due_on = DateField()
        final = BooleanField(default=False)
        received_on = DateField()
        collected = BigIntegerField()
        costs = BigIntegerField()
        distributed = BigIntegerField()
        recipients = TextField()
        auditor = CharField(max_length=200, default='')

        class Meta:
            table_name = 'collection_report'
            indexes = ((('application', 'due_on'), True),)

    db.create_tables([CollectionCase, CollectionReport])
    service = Table('service').bind(db)
    service.update(case_kind='pub').where(
        service.c.code == 'mgt-02-izin-pengumpulan-uang-barang').execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(
        service.c.code == 'mgt-02-izin-pengumpulan-uang-barang').execute()
    migrator.migrate(migrator.drop_table('collection_report'),
                     migrator.drop_table('collection_case'))
