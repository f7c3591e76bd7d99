"""Initial schema: users, audit trail, settings, office profile, service catalog, holidays.

Frozen copies of the models as they were; timestamps get their defaults from the app.
"""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    class AuditEntry(Model):
        at = DateTimeField(index=True)
        username = CharField(max_length=64, default='')
        action = CharField(max_length=16)
        table_name = CharField(max_length=64)
        record_id = IntegerField(null=True)
        old_values = TextField(null=True)
        new_values = TextField(null=True)
        class Meta:
            database = db
            table_name = 'audit_entry'
            indexes = ((('table_name', 'record_id'), False),)
    db.create_tables([AuditEntry])

    class HolidayOverride(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        day = DateField(unique=True)
        name = CharField(max_length=160, default='')
        is_holiday = BooleanField(default=True)
        kind = CharField(max_length=16, default='cuti_bersama')
        class Meta:
            database = db
            table_name = 'holiday_override'
    db.create_tables([HolidayOverride])

    class OfficeProfile(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        office_name = CharField(max_length=160, default='Dinas Sosial')
        region_kind = CharField(max_length=16, default='Kota')
        region_name = CharField(max_length=120, default='')
        address = TextField(default='')
        phone = CharField(max_length=60, default='')
        email = CharField(max_length=120, default='')
        website = CharField(max_length=120, default='')
        emblem = BlobField(null=True)
        time_zone = CharField(max_length=40, default='Asia/Jakarta')
        head_name = CharField(max_length=120, default='')
        head_rank = CharField(max_length=80, default='')
        head_nip = CharField(max_length=18, default='')
        unit_code = CharField(max_length=40, default='Dinsos')
        classification_code = CharField(max_length=40, default='400.9')
        region_code = CharField(max_length=4, default='')
        class Meta:
            database = db
            table_name = 'office_profile'
    db.create_tables([OfficeProfile])

    class Service(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        code = CharField(unique=True, max_length=64)
        name = CharField()
        source_office = CharField(max_length=80)
        category = CharField(max_length=80, default='')
        limit_kind = CharField(max_length=16)
        limit_value = IntegerField(null=True)
        limit_starts = CharField(max_length=16, default='receipt')
        limit_note = TextField(default='')
        fee = IntegerField(default=0)
        product = TextField(default='')
        complaint = TextField(default='')
        active = BooleanField(default=True)
        shipped_hash = CharField(max_length=64, default='')
        customized = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'service'
    db.create_tables([Service])

    class ServiceRequirement(Model):
        service = ForeignKeyField(Service, on_delete='CASCADE')
        position = IntegerField()
        group_name = CharField(max_length=120, default='')
        text = TextField()
        class Meta:
            database = db
            table_name = 'service_requirement'
    db.create_tables([ServiceRequirement])

    class ServiceStep(Model):
        service = ForeignKeyField(Service, on_delete='CASCADE')
        number = IntegerField()
        text = TextField()
        actor = CharField(max_length=32)
        actor_label = CharField(max_length=160, default='')
        class Meta:
            database = db
            table_name = 'service_step'
    db.create_tables([ServiceStep])

    class Setting(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        key = CharField(unique=True, max_length=64)
        value = TextField()
        class Meta:
            database = db
            table_name = 'setting'
    db.create_tables([Setting])

    class User(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        username = CharField(unique=True, max_length=64)
        full_name = CharField(max_length=120)
        role = CharField(index=True, max_length=32)
        password_hash = CharField()
        active = BooleanField(default=True)
        failed_attempts = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        last_login_at = DateTimeField(null=True)
        position = CharField(max_length=160, default='')
        rank = CharField(max_length=80, default='')
        nip = CharField(max_length=18, default='')
        class Meta:
            database = db
            table_name = 'user'
    db.create_tables([User])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('user'))
    migrator.migrate(migrator.drop_table('setting'))
    migrator.migrate(migrator.drop_table('service_step'))
    migrator.migrate(migrator.drop_table('service_requirement'))
    migrator.migrate(migrator.drop_table('service'))
    migrator.migrate(migrator.drop_table('office_profile'))
    migrator.migrate(migrator.drop_table('holiday_override'))
    migrator.migrate(migrator.drop_table('audit_entry'))
