"""Letter numbers: drop the unique (series, year, sequence) index.

Sequences come from one counter per number pattern without its sequence (classification code
included), so two templates of the same series but different classification codes both start at
1 each year, e.g. 400.9.3/0001/... and 400.9.2/0001/.... That index refused the second of them;
the unique `number` column is what keeps numbers from repeating.
"""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    migrator.migrate(migrator.drop_index('letter', 'letter_series_year_sequence'))
    migrator.migrate(migrator.add_index('letter', ('series', 'year', 'sequence'), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('letter', 'letter_series_year_sequence'))
    migrator.migrate(migrator.add_index('letter', ('series', 'year', 'sequence'), True))
