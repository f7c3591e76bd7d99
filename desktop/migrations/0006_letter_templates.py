"""Administrators' replacements of the shipped letter templates."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class TemplateOverride(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        template_key = CharField(unique=True, max_length=64)
        docx = BlobField()
        sha256 = CharField(max_length=64)
        filename = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'template_override'
    db.create_tables([TemplateOverride])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('template_override'))
