"""The database proxy and the conventions every table follows."""
import contextlib
import contextvars
import datetime

from peewee import CharField, DatabaseProxy, DateTimeField, IntegerField, Model

# One proxy for the whole app; desktop.database initialises it from a URL.
db = DatabaseProxy()


# Set only by the demo, which replays its office's past through the real services.
_replayed_moment: contextvars.ContextVar[datetime.datetime | None] = contextvars.ContextVar(
    "replayed_moment", default=None)


def utcnow() -> datetime.datetime:
    """Naive UTC: every timestamp is stored in UTC and shown in the office's time zone."""
    moment = _replayed_moment.get()
    if moment is not None:
        return moment
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)


@contextlib.contextmanager
def replaying(moment: datetime.datetime):
    """utcnow() reads `moment` (naive UTC) inside the block, in this thread only."""
    token = _replayed_moment.set(moment.replace(microsecond=0))
    try:
        yield
    finally:
        _replayed_moment.reset(token)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class RecordModel(BaseModel):
    """An editable record: who made and changed it, when, and a version for optimistic locking."""

    created_at = DateTimeField(default=utcnow)
    created_by = CharField(max_length=64, default="")
    updated_at = DateTimeField(default=utcnow)
    updated_by = CharField(max_length=64, default="")
    version = IntegerField(default=1)

    # Fields left out of audit snapshots (secrets, large binaries).
    audit_exclude: tuple[str, ...] = ()
