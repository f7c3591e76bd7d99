"""Applicants (people, organisations) and applications with checklists, scans, timeline, counters."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class Service(Model):
        class Meta:
            database = db
            table_name = 'service'

    class Person(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        nik = CharField(unique=True, null=True, max_length=16)
        kk_number = CharField(max_length=16, default='')
        name = CharField(index=True, max_length=120)
        birth_place = CharField(max_length=80, default='')
        birth_date = DateField(null=True)
        sex = CharField(max_length=1, default='')
        religion = CharField(max_length=20, default='')
        marital_status = CharField(max_length=20, default='')
        street = CharField(max_length=200, default='')
        rt = CharField(max_length=3, default='')
        rw = CharField(max_length=3, default='')
        kelurahan = CharField(max_length=80, default='')
        kecamatan = CharField(max_length=80, default='')
        city = CharField(max_length=80, default='')
        phone = CharField(max_length=30, default='')
        identity_note = TextField(default='')
        name_key = CharField(index=True, max_length=120, default='')
        class Meta:
            database = db
            table_name = 'person'
    db.create_tables([Person])

    class Organisation(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        name = CharField(index=True, max_length=200)
        legal_form = CharField(max_length=40, default='')
        address = TextField(default='')
        contact_person = CharField(max_length=120, default='')
        phone = CharField(max_length=30, default='')
        email = CharField(max_length=120, default='')
        name_key = CharField(index=True, max_length=200, default='')
        class Meta:
            database = db
            table_name = 'organisation'
    db.create_tables([Organisation])

    class Application(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        reg_number = CharField(unique=True, max_length=40)
        service = ForeignKeyField(Service, on_delete='RESTRICT')
        person = ForeignKeyField(Person, null=True, on_delete='RESTRICT')
        organisation = ForeignKeyField(Organisation, null=True, on_delete='RESTRICT')
        channel = CharField(max_length=16)
        summary = TextField(default='')
        received_at = DateTimeField()
        complete_at = DateTimeField(null=True)
        current_step = IntegerField(default=1)
        current_actor = CharField(max_length=32, default='')
        state = CharField(max_length=16, default='open')
        waiting_since = DateTimeField(null=True)
        waiting_seconds = IntegerField(default=0)
        due_at = DateTimeField(null=True)
        due_soon_at = DateTimeField(null=True)
        closed_at = DateTimeField(null=True)
        outcome_reason = TextField(default='')
        class Meta:
            database = db
            table_name = 'application'
            indexes = ((('state', 'due_at'), False), (('service', 'received_at'), False), (('current_actor', 'state', 'due_at'), False), (('received_at',), False))
    db.create_tables([Application])

    class RequirementCheck(Model):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        position = IntegerField()
        group_name = CharField(max_length=120, default='')
        text = TextField()
        state = CharField(max_length=16, default='kurang')
        note = TextField(default='')
        class Meta:
            database = db
            table_name = 'requirement_check'
    db.create_tables([RequirementCheck])

    class Attachment(Model):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        check = ForeignKeyField(RequirementCheck, null=True, on_delete='SET NULL')
        filename = CharField(max_length=200)
        mime = CharField(max_length=40)
        size = IntegerField()
        sha256 = CharField(max_length=64)
        data = BlobField()
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        class Meta:
            database = db
            table_name = 'attachment'
    db.create_tables([Attachment])

    class Counter(Model):
        series = CharField(max_length=64)
        year = IntegerField()
        value = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'counter'
            indexes = ((('series', 'year'), True),)
    db.create_tables([Counter])

    class StepEvent(Model):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        step_number = IntegerField()
        action = CharField(max_length=16)
        comment = TextField(default='')
        username = CharField(max_length=64)
        role = CharField(max_length=32)
        at = DateTimeField()
        class Meta:
            database = db
            table_name = 'step_event'
            indexes = ((('application', 'at'), False),)
    db.create_tables([StepEvent])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('step_event'))
    migrator.migrate(migrator.drop_table('counter'))
    migrator.migrate(migrator.drop_table('attachment'))
    migrator.migrate(migrator.drop_table('requirement_check'))
    migrator.migrate(migrator.drop_table('application'))
    migrator.migrate(migrator.drop_table('organisation'))
    migrator.migrate(migrator.drop_table('person'))
