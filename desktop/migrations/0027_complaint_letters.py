"""A letter may answer a complaint (jawaban pengaduan): letter.complaint_id."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Complaint(Model):
        class Meta:
            database = db
            table_name = 'complaint'

    migrator.migrate(migrator.add_column(
        'letter', 'complaint_id',
        ForeignKeyField(Complaint, field=Complaint.id, null=True, on_delete='RESTRICT')))
    # (add_column indexes a foreign key itself: letter_complaint_id)


def down(migrator, db):
    migrator.migrate(migrator.drop_column('letter', 'complaint_id'))
