"""The raffle case kind (desktop/cases/undian): one row per application; the shipped raffle
service carries it, and Magetan's LKS recommendation carries the Tanda Daftar kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class RaffleCase(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        organiser_status = CharField(max_length=16)
        organiser_founded = DateField(null=True)
        raffle_name = CharField(max_length=200)
        period_start = DateField()
        period_end = DateField()
        draw_date = DateField()
        draw_place = CharField(max_length=200)
        notary = CharField(max_length=120)
        prizes = TextField(default='[]')
        contribution = BigIntegerField()
        handover_end = DateField(null=True)
        report_received_on = DateField(null=True)
        report_note = TextField(default='')

        class Meta:
            database = db
            table_name = 'raffle_case'
    db.create_tables([RaffleCase])
    service = Table('service').bind(db)
    service.update(case_kind='undian').where(
        service.c.code == 'mgt-03-izin-undian-gratis-berhadiah').execute()
    service.update(case_kind='tanda_daftar').where(
        service.c.code == 'mgt-04-rekomendasi-terdaftar-lks').execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(
        ('mgt-03-izin-undian-gratis-berhadiah', 'mgt-04-rekomendasi-terdaftar-lks'))).execute()
    migrator.migrate(migrator.drop_table('raffle_case'))
