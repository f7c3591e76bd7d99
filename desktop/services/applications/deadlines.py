"""When an application is due, from the catalog's time limit and the working-day calendar.

The clock starts at receipt, or at complete documents where the seed says so. Time returned to
the citizen for completion does not count against the office: the due moment moves by it.
"""
import datetime
from dataclasses import dataclass

from desktop.services.admin.calendar import WorkCalendar
from desktop.services.shared import timefmt

DUE_SOON_FRACTION = 0.25  # "due soon" when a quarter of the time limit or less remains
END_OF_DAY = datetime.time(23, 59, 59)


@dataclass(frozen=True)
class Deadline:
    due_at: datetime.datetime | None  # naive UTC; None: conditional, or clock not started
    due_soon_at: datetime.datetime | None


def _to_utc(local: datetime.datetime) -> datetime.datetime:
    return local.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def _local(utc_naive: datetime.datetime) -> datetime.datetime:
    return timefmt.to_local(utc_naive)


def compute(kind: str, value: int | None, clock_start: datetime.datetime | None,
            waiting: list[tuple[datetime.datetime, datetime.datetime]],
            calendar: WorkCalendar) -> Deadline:
    """Due moment for a limit of `value` `kind`s from `clock_start` (naive UTC).

    `waiting`: closed intervals (UTC) during which the application was with the citizen.
    """
    if kind == "conditional" or value is None or clock_start is None:
        return Deadline(None, None)
    paused = sum(((end - start) for start, end in waiting), datetime.timedelta())
    if kind == "minutes":
        limit = datetime.timedelta(minutes=value)
        due = clock_start + limit + paused
        return Deadline(due, due - limit * DUE_SOON_FRACTION)
    if kind == "days":
        limit = datetime.timedelta(days=value)
        due = clock_start + limit + paused
        return Deadline(due, due - limit * DUE_SOON_FRACTION)
    # Working days: count whole office days; waiting days extend the count.
    start_local = _local(clock_start)
    waiting_days = sum(calendar.working_days_between(_local(s).date(), _local(e).date())
                       for s, e in waiting)
    due_day = calendar.add_working_days(start_local.date(), value + waiting_days)
    due_local = datetime.datetime.combine(due_day, END_OF_DAY, tzinfo=start_local.tzinfo)
    soon_days = max(1, round(value * DUE_SOON_FRACTION))
    soon_day = due_day
    for _ in range(soon_days):
        soon_day -= datetime.timedelta(days=1)
        while not calendar.is_working_day(soon_day):
            soon_day -= datetime.timedelta(days=1)
    soon_local = datetime.datetime.combine(soon_day, END_OF_DAY, tzinfo=start_local.tzinfo)
    return Deadline(_to_utc(due_local), _to_utc(soon_local))


def due_state(due_at, due_soon_at, now: datetime.datetime, closed: bool,
              waiting: bool = False) -> str:
    """'selesai', 'menunggu', 'tanpa_batas', 'terlambat', 'segera' or 'normal'.

    'menunggu': with the citizen for completion, so the office's clock is paused.
    """
    if closed:
        return "selesai"
    if waiting:
        return "menunggu"
    if due_at is None:
        return "tanpa_batas"
    if now > due_at:
        return "terlambat"
    if due_soon_at is not None and now >= due_soon_at:
        return "segera"
    return "normal"
