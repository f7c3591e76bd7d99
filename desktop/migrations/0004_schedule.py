"""Hearse bookings and the seating clinic: resources, bookings, duty roster, change counter.

Beyond the tables, each backend gets what it needs so two active bookings of one vehicle,
driver or technician never overlap: PostgreSQL exclusion constraints over the time range and a
partial unique index per technician and day; SQLite the same unique index (the service
serialises the overlap check behind the database's write lock); MariaDB a unique index over a
generated "active day" column (the service locks the resource row before checking).
"""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)
from peewee import MySQLDatabase, PostgresqlDatabase

ACTIVE = "state <> 'cancelled'"


def _create_tables(db):
    class Blackout(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        resource_kind = CharField(max_length=16)
        resource_id = IntegerField()
        start_at = DateTimeField()
        end_at = DateTimeField()
        reason = CharField(max_length=200)
        class Meta:
            database = db
            table_name = 'blackout'
            indexes = ((('resource_kind', 'resource_id', 'start_at'), False),)
    db.create_tables([Blackout])

    class Cemetery(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        name = CharField(unique=True, max_length=120)
        kelurahan = CharField(max_length=80, default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'cemetery'
    db.create_tables([Cemetery])

    class Technician(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        name = CharField(max_length=120)
        phone = CharField(max_length=30, default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'technician'
    db.create_tables([Technician])

    class ClinicRequest(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        client_nik = CharField(max_length=16)
        client_kk = CharField(max_length=16)
        client_name = CharField(max_length=120)
        client_address = TextField()
        client_phone = CharField(max_length=30, default='')
        kind = CharField(max_length=16)
        place = CharField(max_length=16)
        technician = ForeignKeyField(Technician, on_delete='RESTRICT')
        start_at = DateTimeField()
        end_at = DateTimeField()
        service_date = DateField()
        state = CharField(max_length=16, default='scheduled')
        received_at = DateTimeField()
        due_at = DateTimeField(null=True)
        parts_since = DateTimeField(null=True)
        parts_reason = TextField(default='')
        parts_seconds = IntegerField(default=0)
        work_done = TextField(default='')
        parts_replaced = TextField(default='')
        completed_at = DateTimeField(null=True)
        cancel_reason = TextField(default='')
        class Meta:
            database = db
            table_name = 'clinic_request'
            indexes = ((('technician', 'service_date'), False), (('start_at',), False))
    db.create_tables([ClinicRequest])

    class Driver(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        name = CharField(max_length=120)
        phone = CharField(max_length=30, default='')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'driver'
    db.create_tables([Driver])

    class DutyAssignment(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        day = DateField(index=True)
        duty = CharField(max_length=16)
        driver = ForeignKeyField(Driver, null=True, on_delete='CASCADE')
        technician = ForeignKeyField(Technician, null=True, on_delete='CASCADE')
        officer_name = CharField(max_length=120, default='')
        note = CharField(max_length=200, default='')
        class Meta:
            database = db
            table_name = 'duty_assignment'
    db.create_tables([DutyAssignment])

    class Vehicle(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        plate = CharField(unique=True, max_length=16)
        name = CharField(max_length=80)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'vehicle'
    db.create_tables([Vehicle])

    class HearseBooking(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        vehicle = ForeignKeyField(Vehicle, on_delete='RESTRICT')
        driver = ForeignKeyField(Driver, on_delete='RESTRICT')
        departure_at = DateTimeField()
        duration_minutes = IntegerField()
        buffer_before = IntegerField(default=0)
        buffer_after = IntegerField(default=0)
        start_at = DateTimeField()
        end_at = DateTimeField()
        state = CharField(max_length=16, default='booked')
        cancel_reason = TextField(default='')
        responsible_nik = CharField(max_length=16)
        responsible_name = CharField(max_length=120)
        responsible_phone = CharField(max_length=30, default='')
        responsible_relation = CharField(max_length=40, default='')
        deceased_name = CharField(max_length=120)
        deceased_nik = CharField(max_length=16, default='')
        death_date = DateField()
        pickup_address = TextField()
        cemetery = ForeignKeyField(Cemetery, null=True, on_delete='SET NULL')
        cemetery_name = CharField(max_length=120)
        cemetery_kelurahan = CharField(max_length=80, default='')
        note = TextField(default='')
        class Meta:
            database = db
            table_name = 'hearse_booking'
            indexes = ((('vehicle', 'start_at'), False), (('driver', 'start_at'), False), (('start_at',), False))
    db.create_tables([HearseBooking])

    class ScheduleChange(Model):
        value = IntegerField(default=0)
        changed_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'schedule_change'
    db.create_tables([ScheduleChange])


def up(migrator, db):
    _create_tables(db)
    db.execute_sql("INSERT INTO schedule_change (id, value, changed_at) "
                   "VALUES (1, 0, CURRENT_TIMESTAMP)")
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("CREATE EXTENSION IF NOT EXISTS btree_gist")
        for table, column in (("hearse_booking", "vehicle_id"), ("hearse_booking", "driver_id"),
                              ("clinic_request", "technician_id")):
            db.execute_sql(
                f"ALTER TABLE {table} ADD CONSTRAINT {table}_{column}_no_overlap EXCLUDE "
                f"USING gist ({column} WITH =, tsrange(start_at, end_at) WITH &&) "
                f"WHERE ({ACTIVE})")
        db.execute_sql("CREATE UNIQUE INDEX clinic_request_one_per_day ON clinic_request "
                       f"(technician_id, service_date) WHERE {ACTIVE}")
    elif isinstance(db, MySQLDatabase):
        # No partial indexes: NULL for cancelled services, and NULLs never collide.
        db.execute_sql("ALTER TABLE clinic_request ADD COLUMN active_day DATE AS "
                       f"(IF({ACTIVE}, service_date, NULL)) PERSISTENT")
        db.execute_sql("CREATE UNIQUE INDEX clinic_request_one_per_day ON clinic_request "
                       "(technician_id, active_day)")
    else:
        db.execute_sql("CREATE UNIQUE INDEX clinic_request_one_per_day ON clinic_request "
                       f"(technician_id, service_date) WHERE {ACTIVE}")


def down(migrator, db):
    migrator.migrate(migrator.drop_table('schedule_change'))
    migrator.migrate(migrator.drop_table('hearse_booking'))
    migrator.migrate(migrator.drop_table('vehicle'))
    migrator.migrate(migrator.drop_table('duty_assignment'))
    migrator.migrate(migrator.drop_table('driver'))
    migrator.migrate(migrator.drop_table('clinic_request'))
    migrator.migrate(migrator.drop_table('technician'))
    migrator.migrate(migrator.drop_table('cemetery'))
    migrator.migrate(migrator.drop_table('blackout'))
