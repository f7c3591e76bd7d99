"""ATENSI (desktop/cases/atensi): the beneficiary's year, the plan per component and each
assistance delivered; the shipped ATENSI service carries the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgl-atensi',)


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

    class AtensiCase(Record):
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        budget_year = IntegerField(index=True)
        cluster = CharField(max_length=12)
        pmks_reference = CharField(max_length=60)
        condition = TextField(default='')
        determined_by = CharField(max_length=64, default='')
        determined_on = DateField()

        class Meta:
            table_name = 'atensi_case'

    class AtensiPlan(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        component = CharField(max_length=16)
        amount = BigIntegerField(default=0)
        note = TextField(default='')

        class Meta:
            table_name = 'atensi_plan'
            indexes = ((('application', 'component'), True),)

    class AtensiDelivery(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        component = CharField(max_length=16)
        delivered_on = DateField()
        amount = BigIntegerField(null=True)
        items = TextField(default='')
        delivered_by = CharField(max_length=120)
        note = TextField(default='')

        class Meta:
            table_name = 'atensi_delivery'
            indexes = ((('application', 'delivered_on'), False),)

    db.create_tables([AtensiCase, AtensiPlan, AtensiDelivery])
    service = Table('service').bind(db)
    service.update(case_kind='atensi').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(migrator.drop_table('atensi_delivery'), migrator.drop_table('atensi_plan'),
                     migrator.drop_table('atensi_case'))
