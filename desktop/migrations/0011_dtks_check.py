"""The DTKS check case kind (desktop/cases/dtks): what the officer found in SIKS-NG, one row
per application; the shipped DTKS services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ("mgl-cek-dtks-pkh", "mgl-surat-keterangan-dtks", "mgt-08-sk-dtks-offline",
            "mgt-09-sk-dtks-online")


def up(migrator, db):
    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class DtksCheck(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        registered = BooleanField()
        data_id = CharField(max_length=32, default='')
        decile = IntegerField(null=True)
        programmes = CharField(max_length=200, default='')
        other_programmes = CharField(max_length=200, default='')
        data_period = DateField()
        checked_by = CharField(max_length=64)
        checked_at = DateTimeField()
        note = TextField(default='')

        class Meta:
            database = db
            table_name = 'dtks_check'
    db.create_tables([DtksCheck])
    service = Table('service').bind(db)
    service.update(case_kind='dtks').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    migrator.migrate(migrator.drop_table('dtks_check'))
