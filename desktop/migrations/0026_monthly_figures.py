"""The kept monthly figures of the head's dashboard (desktop/models/reports), and an index on
when applications were closed, for the months' completions and the recap."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class MonthlyFigure(Model):
        scope = CharField(max_length=64)
        year = IntegerField()
        month = IntegerField()
        received = IntegerField()
        completed = IntegerField()
        on_time = IntegerField()
        computed_at = DateTimeField()

        class Meta:
            database = db
            table_name = 'monthly_figure'
            indexes = ((('scope', 'year', 'month'), True),)

    db.create_tables([MonthlyFigure])
    migrator.migrate(migrator.add_index('application', ('state', 'closed_at'), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index('application', 'application_state_closed_at'),
                     migrator.drop_table('monthly_figure'))
