"""The ABH case kind (desktop/cases/abh): the case per application and its timed events; the
shipped ABH services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgl-abh', 'mgt-28-abh')


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

    class AbhCase(Record):
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        offence_date = DateField()
        offence = TextField()
        article = CharField(max_length=200)
        threat_months = IntegerField()
        repeat = BooleanField(default=False)
        stage = CharField(max_length=16, default='penyidikan')
        police_report = CharField(max_length=80, default='')
        court_case = CharField(max_length=80, default='')
        contacts = TextField(default='[]')
        education = CharField(max_length=80, default='')
        parent_name = CharField(max_length=120, default='')
        parent_address = CharField(max_length=300, default='')
        assessment = TextField(default='')
        recommendation = TextField(default='')
        written_by = CharField(max_length=64, default='')
        outcome = TextField(default='')

        class Meta:
            table_name = 'abh_case'

    class AbhEvent(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        kind = CharField(max_length=20)
        at = DateTimeField()
        stage = CharField(max_length=16, default='')
        reference = CharField(max_length=120, default='')
        place = CharField(max_length=160, default='')
        people = CharField(max_length=300, default='')
        note = TextField(default='')
        result = CharField(max_length=8, default='')
        terms = TextField(default='')

        class Meta:
            table_name = 'abh_event'
            indexes = ((('application', 'at'), False),)

    db.create_tables([AbhCase, AbhEvent])
    service = Table('service').bind(db)
    service.update(case_kind='abh').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(migrator.drop_table('abh_event'), migrator.drop_table('abh_case'))
