"""Rehabilitation referrals (desktop/cases/rujukan): the institutions the office refers people
to (the shipped ones, resources/institutions.json, are loaded on upgrade), each referral's
record and its follow-up visits; the shipped referral services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgt-16-pengiriman-anjal-at-balai', 'mgt-21-pendampingan-anjal-at',
            'mgt-26-rekomendasi-anjal-at', 'mgt-17-pendampingan-disabilitas-brspd',
            'mgt-22-rekomendasi-disabilitas-brspd', 'mgt-18-pendampingan-odgj',
            'mgt-23-rekomendasi-odgj', 'mgt-19-pendampingan-lansia-terlantar',
            'mgt-24-rekomendasi-lansia-bpstw', 'mgt-20-pendampingan-tuna-susila-brskw',
            'mgt-25-rekomendasi-tuna-susila-brskw')


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

    class Institution(Record):
        name = CharField(max_length=200, unique=True)
        kind = CharField(max_length=16)
        leader_title = CharField(max_length=60, default='Kepala')
        address = CharField(max_length=300, default='')
        city = CharField(max_length=80, default='')
        phone = CharField(max_length=30, default='')
        email = CharField(max_length=120, default='')
        groups = CharField(max_length=200, default='')
        capacity = IntegerField(null=True)
        note = TextField(default='')
        active = BooleanField(default=True)

        class Meta:
            table_name = 'institution'

    class ReferralCase(Record):
        application = ForeignKeyField(table('application'), unique=True, on_delete='CASCADE')
        target_group = CharField(max_length=16)
        findings = TextField()
        needs = TextField(default='')
        guardian = CharField(max_length=200, default='')
        assessed_on = DateField()
        assessed_by = CharField(max_length=64, default='')
        institution = ForeignKeyField(Institution, null=True, on_delete='RESTRICT')
        sent_on = DateField(null=True)
        companions = CharField(max_length=200, default='')
        transport = CharField(max_length=120, default='')
        answer = CharField(max_length=8, default='')
        answer_on = DateField(null=True)
        answer_note = TextField(default='')
        outcome = CharField(max_length=10, default='')
        outcome_on = DateField(null=True)
        outcome_note = TextField(default='')

        class Meta:
            table_name = 'referral_case'

    class ReferralVisit(Record):
        application = ForeignKeyField(table('application'), on_delete='CASCADE')
        visited_on = DateField()
        note = TextField()

        class Meta:
            table_name = 'referral_visit'
            indexes = ((('application', 'visited_on'), False),)

    db.create_tables([Institution, ReferralCase, ReferralVisit])
    service = Table('service').bind(db)
    service.update(case_kind='rujukan').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(migrator.drop_table('referral_visit'), migrator.drop_table('referral_case'),
                     migrator.drop_table('institution'))
