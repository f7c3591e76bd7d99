"""Indonesian dates and the office's time zone. Timestamps are stored as naive UTC."""
import datetime
from zoneinfo import ZoneInfo

from desktop.models.base import utcnow

__all__ = ["utcnow"]  # the stored clock, for screens (they do not import the models)

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

TIME_ZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
DEFAULT_TZ = "Asia/Jakarta"

_office_tz = DEFAULT_TZ


def set_office_time_zone(name: str) -> None:
    global _office_tz
    _office_tz = name if name in TIME_ZONES else DEFAULT_TZ


def office_tz() -> ZoneInfo:
    return ZoneInfo(_office_tz)


def to_local(utc_naive: datetime.datetime) -> datetime.datetime:
    return utc_naive.replace(tzinfo=datetime.timezone.utc).astimezone(office_tz())


def office_offset() -> datetime.timedelta:
    """The office's distance from UTC: WIB, WITA and WIT keep one offset all year, so a
    report adds it to each of many timestamps instead of a zone lookup each."""
    return office_tz().utcoffset(datetime.datetime(2026, 1, 1))


def as_datetime(value):
    """A timestamp as a driver returns it: SQLite's text, or already a datetime."""
    return datetime.datetime.fromisoformat(value) if isinstance(value, str) else value


def office_today() -> datetime.date:
    """The office's calendar day now (in Magelang 17.00 UTC is already tomorrow)."""
    return to_local(utcnow()).date()


def to_utc(local: datetime.datetime) -> datetime.datetime:
    """An office-local wall time (naive, or aware) as naive UTC, for storing."""
    aware = local.replace(tzinfo=office_tz()) if local.tzinfo is None else local
    return aware.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def format_date(day: datetime.date) -> str:
    """22 November 2026"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_local_date(utc_naive: datetime.datetime) -> str:
    """22 November 2026: the office's day of a stored (UTC) moment."""
    return format_date(to_local(utc_naive).date())


def short_date(day: datetime.date) -> str:
    """22 Nov 2026: a table's compact form."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def format_local(utc_naive: datetime.datetime | None) -> str:
    """22 November 2026 14.05 WIB (Indonesian uses a dot between hours and minutes)."""
    if utc_naive is None:
        return "-"
    local = to_local(utc_naive)
    return f"{format_date(local.date())} {local:%H.%M} {TIME_ZONES[_office_tz]}"


def short_local(utc_naive: datetime.datetime | None) -> str:
    """24 Nov 2026 14.05: the table's compact form; the tooltip has format_local's."""
    if utc_naive is None:
        return "-"
    local = to_local(utc_naive)  # (no strftime: two cells in every row of a page)
    return (f"{local.day} {MONTHS[local.month - 1][:3]} {local.year} "
            f"{local.hour:02d}.{local.minute:02d}")
