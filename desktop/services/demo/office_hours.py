"""Working time for the demo's history: moments on the office's working days between opening
and closing, stepped forward or back in minutes of working time."""
import datetime
import random

from desktop.services.admin.calendar import WorkCalendar
from desktop.services.shared import timefmt

OPEN = datetime.time(8, 0)
CLOSE = datetime.time(15, 30)
DAY_MINUTES = 450  # 08.00 to 15.30


class OfficeHours:
    """Local (office time zone) naive moments; build one per fill, it reads the calendar once."""

    def __init__(self, calendar: WorkCalendar | None = None):
        self.calendar = calendar or WorkCalendar()
        self.offset = timefmt.office_offset()  # WIB, WITA, WIT: one offset all year

    def to_utc(self, local: datetime.datetime) -> datetime.datetime:
        return local - self.offset

    def to_local(self, moment: datetime.datetime) -> datetime.datetime:
        return moment + self.offset

    def contains(self, local: datetime.datetime) -> bool:
        return self.calendar.is_working_day(local.date()) and OPEN <= local.time() <= CLOSE

    def _working_day(self, day: datetime.date, step: int) -> datetime.date:
        while not self.calendar.is_working_day(day):
            day += datetime.timedelta(days=step)
        return day

    def snap(self, local: datetime.datetime) -> datetime.datetime:
        """`local` if within working hours, else the next opening."""
        day = local.date()
        if self.calendar.is_working_day(day) and local.time() < OPEN:
            return datetime.datetime.combine(day, OPEN)
        if self.contains(local):
            return local
        day = self._working_day(day + datetime.timedelta(days=1), 1)
        return datetime.datetime.combine(day, OPEN)

    def snap_back(self, local: datetime.datetime) -> datetime.datetime:
        """`local` if within working hours, else the last closing before it."""
        day = local.date()
        if self.calendar.is_working_day(day) and local.time() > CLOSE:
            return datetime.datetime.combine(day, CLOSE)
        if self.contains(local):
            return local
        day = self._working_day(day - datetime.timedelta(days=1), -1)
        return datetime.datetime.combine(day, CLOSE)

    def advance(self, local: datetime.datetime, minutes: int) -> datetime.datetime:
        """`minutes` of working time after `local`, whole working days skipped at once."""
        at = self.snap(local)
        days, minutes = divmod(max(0, minutes), DAY_MINUTES)
        if days:
            moved = self.calendar.add_working_days(at.date(), days)
            at = datetime.datetime.combine(moved, at.time())
        left = (datetime.datetime.combine(at.date(), CLOSE) - at).total_seconds() // 60
        if minutes <= left:
            return at + datetime.timedelta(minutes=minutes)
        nxt = self._working_day(at.date() + datetime.timedelta(days=1), 1)
        return datetime.datetime.combine(nxt, OPEN) + datetime.timedelta(minutes=minutes - left)

    def retreat(self, local: datetime.datetime, minutes: int) -> datetime.datetime:
        """`minutes` of working time before `local`."""
        at = self.snap_back(local)
        days, minutes = divmod(max(0, minutes), DAY_MINUTES)
        day = at.date()
        for _ in range(days):
            day = self._working_day(day - datetime.timedelta(days=1), -1)
        at = datetime.datetime.combine(day, at.time())
        left = (at - datetime.datetime.combine(at.date(), OPEN)).total_seconds() // 60
        if minutes <= left:
            return at - datetime.timedelta(minutes=minutes)
        before = self._working_day(at.date() - datetime.timedelta(days=1), -1)
        return datetime.datetime.combine(before, CLOSE) - datetime.timedelta(minutes=minutes - left)

    def moment_on_or_before(self, day: datetime.date, rng: random.Random,
                            latest: datetime.datetime) -> datetime.datetime:
        """A random working-hours moment on `day` (or the working day before), not after
        `latest` (local)."""
        day = self._working_day(day, -1)
        at = datetime.datetime.combine(day, OPEN) + datetime.timedelta(
            minutes=rng.randint(0, DAY_MINUTES - 60))  # an hour left to work on it
        if at > latest:
            at = self.retreat(latest, rng.randint(5, 240))
        return at
