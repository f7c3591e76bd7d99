"""Complaints, suggestions and appreciation (desktop/models/complaints) and the public
satisfaction survey's responses (desktop/models/survey), each score checked 1 to 4 by the
database itself."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class Service(Model):
        class Meta:
            database = db
            table_name = 'service'

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class Complaint(Record):
        number = CharField(max_length=40, unique=True)
        kind = CharField(max_length=12)
        channel = CharField(max_length=16)
        lapor_ticket = CharField(max_length=40, default='')
        received_at = DateTimeField()
        received_on = DateField()
        about = CharField(max_length=12)
        service = ForeignKeyField(Service, null=True, on_delete='RESTRICT')
        application = ForeignKeyField(Application, null=True, on_delete='RESTRICT')
        staff_named = CharField(max_length=120, default='')
        category = CharField(max_length=24)
        subject = CharField(max_length=200)
        description = TextField(default='')
        identity = CharField(max_length=8)
        complainant_name = CharField(max_length=120, default='')
        complainant_contact = CharField(max_length=200, default='')
        complainant_address = CharField(max_length=300, default='')
        handler = CharField(max_length=64, default='', index=True)
        state = CharField(max_length=16, default='diterima')
        verified_on = DateField(null=True)
        verification_note = TextField(default='')
        file_complete_on = DateField(null=True)
        followed_up_on = DateField(null=True)
        follow_up = TextField(default='')
        resolved_on = DateField(null=True)
        reply_kind = CharField(max_length=12, default='')
        reply_reference = CharField(max_length=120, default='')
        reply = TextField(default='')
        outcome = CharField(max_length=16, default='')
        confirmation = CharField(max_length=16, default='')
        confirmed_on = DateField(null=True)

        class Meta:
            table_name = 'complaint'
            indexes = ((('state', 'received_on'), False), (('received_on',), False))

    def score(column):
        return IntegerField(constraints=[Check(f'{column} BETWEEN 1 AND 4')])

    class SkmResponse(Record):
        responded_on = DateField()
        service = ForeignKeyField(Service, on_delete='RESTRICT')
        source = CharField(max_length=8)
        age = IntegerField(null=True)
        sex = CharField(max_length=1, default='')
        education = CharField(max_length=8, default='')
        occupation = CharField(max_length=12, default='')
        u1 = score('u1')
        u2 = score('u2')
        u3 = score('u3')
        u4 = score('u4')
        u5 = score('u5')
        u6 = score('u6')
        u7 = score('u7')
        u8 = score('u8')
        u9 = score('u9')

        class Meta:
            table_name = 'skm_response'
            indexes = ((('responded_on', 'service'), False),)

    db.create_tables([Complaint, SkmResponse])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('skm_response'), migrator.drop_table('complaint'))
