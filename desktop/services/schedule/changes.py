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


def can_listen() -> bool:
    """PostgreSQL delivers changes by LISTEN/NOTIFY; the other backends are polled."""
    return isinstance(db.obj, PostgresqlDatabase)


def listening_connection():
    """A connection of its own, outside the pool, that LISTENs for schedule changes; its
    socket (`fileno()`) becomes readable when one arrives, and `heard(conn)` then says so."""
    import psycopg2

    params = dict(db.obj.connect_params)
    params.setdefault("connect_timeout", 5)  # a pool thread waits at most this long
    conn = psycopg2.connect(dbname=db.obj.database, **params)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"LISTEN {CHANNEL}")
    return conn


def heard(conn) -> bool:
    """Read what arrived on a listening connection: True when a change was announced.
    Raises the driver's error when the connection is gone."""
    conn.poll()
    if conn.notifies:
        conn.notifies.clear()
        return True
    return False
