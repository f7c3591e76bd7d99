"""No double booking: the serialised transaction, the overlap check, and the next free slot.

PostgreSQL enforces it in the database (exclusion constraints, migration 0004); the check
here only finds the booking to name. SQLite serialises every schedule change behind the write
lock, taken by bumping the change counter first. MariaDB locks the resource rows
(`SELECT ... FOR UPDATE`) before the check, so two PCs booking one vehicle queue there.
"""
import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import IntegrityError, MySQLDatabase, SqliteDatabase

from desktop.errors import ValidationError
from desktop.models import Blackout, ClinicRequest, HearseBooking, db
from desktop.services.schedule import changes
from desktop.services.schedule.fields import format_span

MAX_SEARCH = 200  # busy periods stepped over when looking for the next free slot


class ClashError(ValidationError):
    """The resource is taken; names what is in the way and proposes the next free start."""

    def __init__(self, field: str, message: str, conflict=None,
                 suggestion: datetime.datetime | None = None):
        super().__init__(field, message)
        self.conflict = conflict  # a HearseBooking, ClinicRequest or Blackout
        self.suggestion = suggestion  # naive UTC: the departure (or visit) time to propose


@dataclass(frozen=True)
class Busy:
    """One period a resource is taken, and by what."""

    start_at: datetime.datetime
    end_at: datetime.datetime
    record: object


def booking_label(record) -> str:
    if isinstance(record, HearseBooking):
        return f"MJ-{record.id:04d}"
    if isinstance(record, ClinicRequest):
        return f"SC-{record.id:04d}"
    return "blokir"


def describe(record) -> str:
    """What is in the way, in words a duty officer can read to the family."""
    span = format_span(record.start_at, record.end_at)
    if isinstance(record, HearseBooking):
        return (f"pemesanan {booking_label(record)} (alm. {record.deceased_name}, "
                f"penanggung jawab {record.responsible_name}, {span})")
    if isinstance(record, ClinicRequest):
        return f"layanan {booking_label(record)} ({record.client_name}, {span})"
    return f"tidak tersedia {span} ({record.reason})"


@contextmanager
def serialised(*resources):
    """A transaction in which the overlap check and the write cannot interleave with another.

    `resources` are model instances (Vehicle, Driver, Technician) to lock on MariaDB. The
    change counter is bumped in the same transaction on every backend.
    """
    changes.ensure_row()
    database = db.obj
    with db.atomic():
        if isinstance(database, SqliteDatabase):
            changes.bump()  # first: the write lock queues concurrent writers here
        elif isinstance(database, MySQLDatabase):
            for resource in sorted(resources, key=lambda r: (type(r).__name__, r.id)):
                model = type(resource)
                list(model.select(model.id).where(model.id == resource.id).for_update())
        yield
        if not isinstance(database, SqliteDatabase):
            changes.bump()


def is_overlap_violation(exc: IntegrityError) -> bool:
    """The database's own guard (migration 0004) refused the write; SQLite names the columns."""
    text = str(exc).lower()
    return ("no_overlap" in text or "one_per_day" in text
            or "clinic_request.technician_id, clinic_request.service_date" in text)


def _overlapping(query, model, start, end, exclude_id):
    query = query.where((model.state != "cancelled") & (model.start_at < end)
                        & (model.end_at > start))
    if exclude_id:
        query = query.where(model.id != exclude_id)
    return list(query.order_by(model.start_at))


def busy_periods(kind: str, resource_id: int, start: datetime.datetime,
                 end: datetime.datetime, exclude_id: int | None = None) -> list[Busy]:
    """Active bookings and blackouts of one vehicle, driver or technician overlapping a range."""
    found = []
    if kind in ("vehicle", "driver"):
        column = HearseBooking.vehicle if kind == "vehicle" else HearseBooking.driver
        query = HearseBooking.select().where(column == resource_id)
        found += _overlapping(query, HearseBooking, start, end, exclude_id)
    else:
        query = ClinicRequest.select().where(ClinicRequest.technician == resource_id)
        found += _overlapping(query, ClinicRequest, start, end, exclude_id)
    found += list(Blackout.select().where(
        (Blackout.resource_kind == kind) & (Blackout.resource_id == resource_id)
        & (Blackout.start_at < end) & (Blackout.end_at > start)))
    return sorted((Busy(r.start_at, r.end_at, r) for r in found), key=lambda b: b.start_at)


def next_free_start(resources: list[tuple[str, int]], start: datetime.datetime,
                    lead: datetime.timedelta, length: datetime.timedelta,
                    exclude_id: int | None = None) -> datetime.datetime | None:
    """The first start at or after `start` whose block [start - lead, start - lead + length)
    is free for every resource; None when nothing frees up within MAX_SEARCH busy periods."""
    candidate = start
    for _ in range(MAX_SEARCH):
        block_start, block_end = candidate - lead, candidate - lead + length
        busy = [b for kind, rid in resources
                for b in busy_periods(kind, rid, block_start, block_end, exclude_id)]
        if not busy:
            return candidate
        candidate = max(b.end_at for b in busy) + lead
    return None
