"""Sensitive services: which catalog entries are children's and referral cases, and which roles
read them (services.case_access). Existing services get the shipped defaults."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

# The defaults as of this migration (kept here: a migration must not change with the code).
SENSITIVE_CATEGORIES = ("Perlindungan Anak", "Rujukan", "Rehabilitasi Sosial")
NOT_SENSITIVE = ("dpk-slrt", "mgl-seating-clinic-kursi-roda")
READERS = ",kepala,pekerja_sosial,"


def up(migrator, db):
    migrator.migrate(
        migrator.add_column('service', 'sensitive', BooleanField(default=False)),
        migrator.add_column('service', 'readers', CharField(max_length=200, default='')))
    service = Table('service').bind(db)
    (service.update(sensitive=True, readers=READERS)
     .where(service.c.category.in_(SENSITIVE_CATEGORIES)
            & service.c.code.not_in(NOT_SENSITIVE))
     .execute())
    service.update(readers=READERS).where(service.c.readers == '').execute()


def down(migrator, db):
    migrator.migrate(migrator.drop_column('service', 'readers'),
                     migrator.drop_column('service', 'sensitive'))
