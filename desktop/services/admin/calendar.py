"""Working days: Monday to Friday, less Indonesian public holidays and cuti bersama.

The `holidays` package supplies both; the administrator adds or removes days, since the
joint-leave decree changes and Islamic holidays of later years are estimates.
"""
import datetime
from functools import lru_cache

from desktop.errors import ConflictError
from desktop.models import HolidayOverride
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import optional_text

KINDS = {"public": "Libur nasional", "cuti_bersama": "Cuti bersama", "other": "Libur lainnya"}


@lru_cache(maxsize=64)
def _package_days(year: int) -> dict[datetime.date, str]:
    import holidays  # about 0.1 s to load all countries: only when a date is first asked

    return dict(holidays.Indonesia(years=year, categories=("public", "government"),
                                   language="id"))


def package_holidays(year: int) -> dict[datetime.date, str]:
    return _package_days(year)


class WorkCalendar:
    """A snapshot of the holiday calendar; build one per computation, not per day asked."""

    def __init__(self, overrides: list[HolidayOverride] | None = None):
        if overrides is None:
            overrides = list(HolidayOverride.select())
        self._added = {o.day: o.name for o in overrides if o.is_holiday}
        self._removed = {o.day for o in overrides if not o.is_holiday}

    def holiday_name(self, day: datetime.date) -> str | None:
        if day in self._removed:
            return None
        if day in self._added:
            return self._added[day]
        return _package_days(day.year).get(day)

    def is_working_day(self, day: datetime.date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def add_working_days(self, start: datetime.date, count: int) -> datetime.date:
        """The date `count` working days after `start` (start itself not counted)."""
        day = start
        left = count
        while left > 0:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def latest_start(self, end: datetime.date, count: int) -> datetime.date:
        """The latest day from which `count` working days (that day not counted, as in
        add_working_days) still end on or before `end`: the last day to apply for something
        that needs that lead time."""
        day, left = end + datetime.timedelta(days=1), count
        while left > 0:
            day -= datetime.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day - datetime.timedelta(days=1)

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end`."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def year_holidays(self, year: int) -> list[tuple[datetime.date, str, str]]:
        """(date, name, origin) for the year: origin is 'paket', 'tambahan' or 'dihapus'."""
        rows = {}
        for day, name in _package_days(year).items():
            rows[day] = (day, name, "dihapus" if day in self._removed else "paket")
        for day, name in self._added.items():
            if day.year == year:
                rows[day] = (day, name, "tambahan")
        return [rows[d] for d in sorted(rows)]


def add_holiday(actor, day: datetime.date | None, name: str, kind: str = "cuti_bersama"):
    permissions.require(actor, "holidays.edit")
    checks = FieldChecks()
    if day is None:
        checks.add("Tanggal", "wajib diisi; tulis seperti 15/12/2027.")
    if kind not in KINDS:
        checks.add("Jenis libur", "pilih libur nasional, cuti bersama atau lainnya.")
    name = checks.run(optional_text, name, "Keterangan", 160)
    checks.raise_errors()
    name = name or KINDS[kind]
    return _set_override(actor, day, is_holiday=True, name=name, kind=kind)


def remove_holiday(actor, day: datetime.date):
    """Make a day a working day again (for a package holiday the decree moved or dropped)."""
    permissions.require(actor, "holidays.edit")
    existing = HolidayOverride.get_or_none(HolidayOverride.day == day)
    if existing is not None and existing.is_holiday and day not in _package_days(day.year):
        records.delete(existing, actor)
        return None
    return _set_override(actor, day, is_holiday=False, name="Hari kerja (dihapus dari libur)",
                         kind="other")


def restore_package_day(actor, day: datetime.date) -> None:
    """Drop an administrator's change so the package's own calendar applies again."""
    permissions.require(actor, "holidays.edit")
    existing = HolidayOverride.get_or_none(HolidayOverride.day == day)
    if existing is not None:
        records.delete(existing, actor)


def _set_override(actor, day, **values):
    existing = HolidayOverride.get_or_none(HolidayOverride.day == day)
    if existing is None:
        return records.create(HolidayOverride, actor, day=day, duplicate=lambda: ConflictError(
            f"Tanggal {day:%d-%m-%Y} baru saja diubah dari PC lain. Muat ulang daftar libur, "
            "lalu ulangi bila perlu."), **values)
    return records.update(existing, actor, **values)
