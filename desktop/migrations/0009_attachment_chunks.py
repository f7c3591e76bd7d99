"""Scans stored in pieces (attachment_chunk), so a scan at the size limit fits every server's
packet limit; scans saved before keep their bytes in attachment.data."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Attachment(Model):
        class Meta:
            database = db
            table_name = 'attachment'

    class AttachmentChunk(Model):
        attachment = ForeignKeyField(Attachment, on_delete='CASCADE')
        position = IntegerField()
        data = BlobField()

        class Meta:
            database = db
            table_name = 'attachment_chunk'
            indexes = ((('attachment', 'position'), True),)
    db.create_tables([AttachmentChunk])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('attachment_chunk'))
