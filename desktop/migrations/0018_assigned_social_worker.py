"""A child's case is read by the social worker assigned to it, not by every social worker:
application.assigned_to holds that user (the kepala's disposition), and the shipped adoption
and ABH services are read by the kepala role alone (plus the assigned worker and whoever
registered the case). An office that changed those services' readers keeps its choice.
case_person lists the people a case names besides its applicant, closed with it."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

# As of this migration (kept here: a migration must not change with the code).
CHILD_SERVICES = ("mgl-pengangkatan-anak", "mgt-27-rekomendasi-pengangkatan-anak",
                  "mgl-abh", "mgt-28-abh")
OLD_READERS, NEW_READERS = ",kepala,pekerja_sosial,", ",kepala,"


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('application', 'assigned_to', CharField(max_length=64, default='')),
        migrator.add_index('application', ('assigned_to',), False))

    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    class CasePerson(Model):
        application = ForeignKeyField(table('application'), on_delete='CASCADE')
        person = ForeignKeyField(table('person'), on_delete='RESTRICT')
        role = CharField(max_length=16)

        class Meta:
            database = db
            table_name = 'case_person'
            indexes = ((('application', 'person'), True),)
    db.create_tables([CasePerson])
    service = Table('service').bind(db)
    (service.update(readers=NEW_READERS)
     .where(service.c.code.in_(CHILD_SERVICES) & (service.c.readers == OLD_READERS))
     .execute())


def down(migrator, db):
    service = Table('service').bind(db)
    (service.update(readers=OLD_READERS)
     .where(service.c.code.in_(CHILD_SERVICES) & (service.c.readers == NEW_READERS))
     .execute())
    migrator.migrate(migrator.drop_table('case_person'),
                     migrator.drop_index('application', 'application_assigned_to'),
                     migrator.drop_column('application', 'assigned_to'))
