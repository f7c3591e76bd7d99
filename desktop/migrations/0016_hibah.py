"""The grant recommendation case kind (desktop/cases/hibah): one row per application; the
shipped grant service carries the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    Application, Lks = table('application'), table('lks')

    class GrantCase(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        lks = ForeignKeyField(Lks, null=True, on_delete='RESTRICT')
        legal_number = CharField(max_length=80, default='')
        domiciled_since = DateField(null=True)
        budget_year = IntegerField()
        requested = BigIntegerField()
        purpose = TextField()
        budget_lines = TextField(default='[]')
        visit_date = DateField(null=True)
        visit_result = CharField(max_length=16, default='')
        visit_note = TextField(default='')
        recommended = BigIntegerField(null=True)

        class Meta:
            database = db
            table_name = 'grant_case'
    db.create_tables([GrantCase])
    service = Table('service').bind(db)
    service.update(case_kind='hibah').where(service.c.code == 'mgt-01-rekomendasi-hibah').execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code == 'mgt-01-rekomendasi-hibah').execute()
    migrator.migrate(migrator.drop_table('grant_case'))
