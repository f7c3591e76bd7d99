"""Case kinds: a service names the kind whose data, rules and panel it carries, and a kepala's
written override of a kind's rule is kept (rule_override)."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    migrator.migrate(migrator.add_column('service', 'case_kind',
                                         CharField(max_length=32, default='')))

    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class RuleOverride(Model):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        rule = CharField(max_length=64)
        reason = TextField()
        username = CharField(max_length=64)
        at = DateTimeField()

        class Meta:
            database = db
            table_name = 'rule_override'
            indexes = ((('application', 'rule'), True),)
    db.create_tables([RuleOverride])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('rule_override'),
                     migrator.drop_column('service', 'case_kind'))
