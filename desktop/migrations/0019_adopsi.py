"""The adoption case kind (desktop/cases/adopsi): the case per application and its dated
stages; the shipped adoption services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgl-pengangkatan-anak', 'mgt-27-rekomendasi-pengangkatan-anak')


def up(migrator, db):
    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    Application, Person = table('application'), table('person')

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class AdoptionCase(Record):
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        route = CharField(max_length=20, default='pasangan_wni')
        child = ForeignKeyField(Person, backref='+', on_delete='RESTRICT')
        child_status = CharField(max_length=24)
        child_disability = BooleanField(default=False)
        child_lives = CharField(max_length=16)
        child_place = CharField(max_length=160, default='')
        child_guardian = CharField(max_length=200, default='')
        husband = ForeignKeyField(Person, null=True, backref='+', on_delete='RESTRICT')
        wife = ForeignKeyField(Person, null=True, backref='+', on_delete='RESTRICT')
        husband_occupation = CharField(max_length=80, default='')
        wife_occupation = CharField(max_length=80, default='')
        husband_income = BigIntegerField(null=True)
        wife_income = BigIntegerField(null=True)
        husband_healthy = CharField(max_length=5, default='')
        wife_healthy = CharField(max_length=5, default='')
        husband_clean = CharField(max_length=5, default='')
        wife_clean = CharField(max_length=5, default='')
        marriage_date = DateField(null=True)
        marriage_number = CharField(max_length=80, default='')
        children_count = IntegerField(null=True)
        previous_adoptions = TextField(default='[]')
        able = CharField(max_length=5, default='')
        able_note = TextField(default='')
        child_consent = CharField(max_length=12, default='')
        guardian_permission = CharField(max_length=5, default='')
        statement = CharField(max_length=5, default='')

        class Meta:
            table_name = 'adoption_case'

    class AdoptionEvent(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        stage = CharField(max_length=24)
        on_date = DateField()
        reference = CharField(max_length=120, default='')
        court = CharField(max_length=120, default='')
        people = CharField(max_length=200, default='')
        note = TextField(default='')
        cancelled = BooleanField(default=False)

        class Meta:
            table_name = 'adoption_event'
            indexes = ((('application', 'on_date'), False),)

    db.create_tables([AdoptionCase, AdoptionEvent])
    service = Table('service').bind(db)
    service.update(case_kind='adopsi').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(migrator.drop_table('adoption_event'), migrator.drop_table('adoption_case'))
