"""Hearse bookings and the wheelchair seating clinic: resources, bookings, roster, change counter.

Every time is naive UTC. A booking occupies [start_at, end_at): the departure (or visit) time
with the buffers before and after already applied, so the database can compare ranges directly.
"""
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from desktop.models.base import BaseModel, RecordModel, utcnow


class Vehicle(RecordModel):
    plate = CharField(max_length=16, unique=True)
    name = CharField(max_length=80)
    active = BooleanField(default=True)


class Driver(RecordModel):
    name = CharField(max_length=120)
    phone = CharField(max_length=30, default="")
    active = BooleanField(default=True)


class Technician(RecordModel):
    name = CharField(max_length=120)
    phone = CharField(max_length=30, default="")
    active = BooleanField(default=True)


class Cemetery(RecordModel):
    """A cemetery within the city: the list the booking dialog offers."""

    name = CharField(max_length=120, unique=True)
    kelurahan = CharField(max_length=80, default="")
    active = BooleanField(default=True)


class Blackout(RecordModel):
    """A period a vehicle, driver or technician cannot be booked (maintenance, other duty)."""

    resource_kind = CharField(max_length=16)  # vehicle, driver, technician
    resource_id = IntegerField()
    start_at = DateTimeField()
    end_at = DateTimeField()
    reason = CharField(max_length=200)

    class Meta:
        indexes = ((("resource_kind", "resource_id", "start_at"), False),)


class DutyAssignment(RecordModel):
    """Who is on duty on a day: a driver, a technician, or a duty officer by name."""

    day = DateField(index=True)
    duty = CharField(max_length=16)  # driver, technician, officer
    driver = ForeignKeyField(Driver, null=True, on_delete="CASCADE")
    technician = ForeignKeyField(Technician, null=True, on_delete="CASCADE")
    officer_name = CharField(max_length=120, default="")
    note = CharField(max_length=200, default="")


class HearseBooking(RecordModel):
    vehicle = ForeignKeyField(Vehicle, backref="bookings", on_delete="RESTRICT")
    driver = ForeignKeyField(Driver, backref="bookings", on_delete="RESTRICT")
    departure_at = DateTimeField()
    duration_minutes = IntegerField()
    buffer_before = IntegerField(default=0)
    buffer_after = IntegerField(default=0)
    start_at = DateTimeField()  # departure minus the buffer before
    end_at = DateTimeField()  # departure plus duration plus the buffer after
    state = CharField(max_length=16, default="booked")
    cancel_reason = TextField(default="")
    responsible_nik = CharField(max_length=16)
    responsible_name = CharField(max_length=120)
    responsible_phone = CharField(max_length=30, default="")
    responsible_relation = CharField(max_length=40, default="")
    deceased_name = CharField(max_length=120)
    deceased_nik = CharField(max_length=16, default="")
    death_date = DateField()
    pickup_address = TextField()
    cemetery = ForeignKeyField(Cemetery, null=True, on_delete="SET NULL")
    cemetery_name = CharField(max_length=120)  # as chosen or typed, kept if the list changes
    cemetery_kelurahan = CharField(max_length=80, default="")
    note = TextField(default="")

    class Meta:
        indexes = ((("vehicle", "start_at"), False), (("driver", "start_at"), False),
                   (("start_at",), False))


class ClinicRequest(RecordModel):
    """A wheelchair seating-clinic service: one per technician per (office-local) day."""

    client_nik = CharField(max_length=16)
    client_kk = CharField(max_length=16)
    client_name = CharField(max_length=120)
    client_address = TextField()
    client_phone = CharField(max_length=30, default="")
    kind = CharField(max_length=16)  # repair, adjustment, assessment
    place = CharField(max_length=16)  # office, pickup, home
    technician = ForeignKeyField(Technician, backref="services", on_delete="RESTRICT")
    start_at = DateTimeField()
    end_at = DateTimeField()
    service_date = DateField()  # the office-local date of start_at
    state = CharField(max_length=16, default="scheduled")
    received_at = DateTimeField(default=utcnow)
    due_at = DateTimeField(null=True)  # one day after the request, moved on by parts waits
    parts_since = DateTimeField(null=True)  # waiting for spare parts: the clock is paused
    parts_reason = TextField(default="")
    parts_seconds = IntegerField(default=0)
    work_done = TextField(default="")
    parts_replaced = TextField(default="")
    completed_at = DateTimeField(null=True)
    cancel_reason = TextField(default="")

    class Meta:
        indexes = ((("technician", "service_date"), False), (("start_at",), False))


class ScheduleChange(BaseModel):
    """One row counting schedule changes; open calendars poll it (or LISTEN on PostgreSQL)."""

    value = IntegerField(default=0)
    changed_at = DateTimeField(default=utcnow)


SCHEDULE_MODELS = [Vehicle, Driver, Technician, Cemetery, Blackout, DutyAssignment,
                   HearseBooking, ClinicRequest, ScheduleChange]
