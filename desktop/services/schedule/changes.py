"""The schedule's change counter: bumped in every transaction that changes the schedule.

Open calendars poll the counter (SQLite, MariaDB) or LISTEN for `pelita_schedule`, which the
bump also NOTIFYs on PostgreSQL; the notification is delivered only when the change commits.
"""
from peewee import PostgresqlDatabase

from desktop.models import ScheduleChange, db, utcnow

CHANNEL = "pelita_schedule"
ROW_ID = 1


def ensure_row() -> None:
    """Create the single counter row if missing, in its own short transaction (see numbering)."""
    if not ScheduleChange.select().where(ScheduleChange.id == ROW_ID).exists():
        (ScheduleChange.insert(id=ROW_ID, value=0, changed_at=utcnow())
         .on_conflict_ignore().execute())


def bump() -> None:
    """Count one change. Call inside the changing transaction.

    On SQLite call it first: the UPDATE takes the database's write lock, so concurrent bookings
    queue there and the overlap check that follows sees every committed booking.
    """
    updated = (ScheduleChange.update(value=ScheduleChange.value + 1, changed_at=utcnow())
               .where(ScheduleChange.id == ROW_ID).execute())
    if not updated:
        (ScheduleChange.insert(id=ROW_ID, value=1, changed_at=utcnow())
         .on_conflict_ignore().execute())
    if isinstance(db.obj, PostgresqlDatabase):
        db.execute_sql(f"NOTIFY {CHANNEL}")


def current() -> int:
    """The counter now; a calendar reloads when it differs from what it last saw."""
    value = ScheduleChange.select(ScheduleChange.value).where(ScheduleChange.id == ROW_ID).scalar()
    return value or 0
