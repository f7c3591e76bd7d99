"""The Tanda Daftar case kind (desktop/cases/tanda_daftar): one row per application; the
notary of an LKS's deed (the certificate names it); the shipped service carries the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ("mgl-tanda-daftar-lks",)


def up(migrator, db):
    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    Application, Lks = table("application"), table("lks")

    class TandaDaftarCase(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        lks = ForeignKeyField(Lks, on_delete='RESTRICT')
        kind = CharField(max_length=16, default='baru')
        activity_report = BooleanField(default=False)
        visit_date = DateField(null=True)
        visit_team = TextField(default='')
        visit_findings = TextField(default='')
        visit_result = CharField(max_length=16, default='')
        visited_by = CharField(max_length=64, default='')
        valid_from = DateField(null=True)
        valid_until = DateField(null=True)

        class Meta:
            database = db
            table_name = 'tanda_daftar_case'
    db.create_tables([TandaDaftarCase])
    migrator.migrate(migrator.add_column('lks', 'deed_notary',
                                         CharField(max_length=120, default='')))
    service = Table('service').bind(db)
    service.update(case_kind='tanda_daftar').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    migrator.migrate(migrator.drop_column('lks', 'deed_notary'),
                     migrator.drop_table('tanda_daftar_case'))
