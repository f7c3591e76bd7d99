"""A Tanda Daftar application enters the LKS register once: a unique index on
lks_registration.application_id (registrations recorded by hand have none, and NULLs do not
collide on any of the three backends)."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    # The unique index first: MariaDB's foreign key may not be left without an index.
    migrator.migrate(migrator.add_index('lks_registration', ('application_id',), True),
                     migrator.drop_index('lks_registration', 'lksregistration_application_id'))


def down(migrator, db):
    migrator.migrate(migrator.add_index('lks_registration', ('application_id',), False),
                     migrator.drop_index('lks_registration', 'lks_registration_application_id'))
