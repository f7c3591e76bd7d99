"""Stranded travellers and tuna sosial (desktop/cases/terlantar): the case per application and
its shelter stays; the shipped services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgl-orang-terlantar-tuna-sosial', 'mgt-11-pemulangan-orang-terlantar',
            'mgt-12-pemulangan-anak-terlantar')


def up(migrator, db):
    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class StrandedCase(Record):
        application = ForeignKeyField(table('application'), unique=True, on_delete='CASCADE')
        track = CharField(max_length=12)
        source = CharField(max_length=12)
        reporter = CharField(max_length=160, default='')
        found_place = CharField(max_length=200)
        reported_at = DateTimeField()
        outreach_at = DateTimeField(null=True)
        assessment = TextField(default='')
        identity = CharField(max_length=8, default='')
        identity_note = TextField(default='')
        police_reference = CharField(max_length=160, default='')
        destination = CharField(max_length=200, default='')
        transport = CharField(max_length=120, default='')
        ticket_number = CharField(max_length=60, default='')
        ticket_cost = BigIntegerField(null=True)
        pocket_money = BigIntegerField(null=True)
        companion = CharField(max_length=160, default='')
        departure_at = DateTimeField(null=True)
        tracing = TextField(default='')
        reunified_at = DateTimeField(null=True)
        reunified_with = CharField(max_length=200, default='')
        medical_institution = ForeignKeyField(table('institution'), null=True,
                                              on_delete='RESTRICT')
        medical_at = DateTimeField(null=True)
        medical_reason = TextField(default='')

        class Meta:
            table_name = 'stranded_case'

    class ShelterStay(Record):
        application = ForeignKeyField(table('application'), on_delete='CASCADE')
        check_in = DateTimeField()
        check_out = DateTimeField(null=True)
        emergency_reason = TextField(default='')
        note = TextField(default='')

        class Meta:
            table_name = 'shelter_stay'
            indexes = ((('check_out', 'check_in'), False),)

    db.create_tables([StrandedCase, ShelterStay])
    service = Table('service').bind(db)
    service.update(case_kind='terlantar').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(migrator.drop_table('shelter_stay'), migrator.drop_table('stranded_case'))
