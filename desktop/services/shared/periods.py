"""The report periods staff pick from: this year, semester, quarter or month, last month or
year, as (first day, last day) around the office's today."""
import datetime

PRESETS = {"tahun": "Tahun ini", "semester": "Semester ini", "triwulan": "Triwulan ini",
           "bulan": "Bulan ini", "bulan_lalu": "Bulan lalu", "tahun_lalu": "Tahun lalu"}


def _month_end(year: int, month: int) -> datetime.date:
    after = datetime.date(year + month // 12, month % 12 + 1, 1)
    return after - datetime.timedelta(days=1)


def preset(key: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    year, month = today.year, today.month
    if key == "tahun":
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if key == "tahun_lalu":
        return datetime.date(year - 1, 1, 1), datetime.date(year - 1, 12, 31)
    if key == "semester":
        first = 1 if month <= 6 else 7
        return datetime.date(year, first, 1), _month_end(year, first + 5)
    if key == "triwulan":
        first = (month - 1) // 3 * 3 + 1
        return datetime.date(year, first, 1), _month_end(year, first + 2)
    if key == "bulan":
        return datetime.date(year, month, 1), _month_end(year, month)
    if key == "bulan_lalu":
        last = datetime.date(year, month, 1) - datetime.timedelta(days=1)
        return last.replace(day=1), last
    raise KeyError(key)


def check(start, end) -> tuple[datetime.date, datetime.date]:
    """Both days given and in order, or the refusal naming "Periode sampai"."""
    from desktop.errors import ValidationError
    from desktop.services.shared import timefmt
    from desktop.services.shared.validators import require_date

    start = require_date(start, "Periode dari")
    end = require_date(end, "Periode sampai")
    if end < start:
        raise ValidationError("Periode sampai", f"{timefmt.format_date(end)} sebelum awal "
                              f"periode ({timefmt.format_date(start)}); pilih tanggal akhir "
                              "yang sama atau sesudahnya.")
    return start, end


def utc_bounds(start: datetime.date, end: datetime.date):
    """The office days as naive UTC: from start's midnight to the midnight after end."""
    from desktop.services.shared import timefmt

    first = timefmt.to_utc(datetime.datetime.combine(start, datetime.time()))
    after = timefmt.to_utc(datetime.datetime.combine(end + datetime.timedelta(days=1),
                                                     datetime.time()))
    return first, after


def describe(start: datetime.date, end: datetime.date) -> str:
    """'Tahun 2026', 'Januari 2026', '1 Januari – 30 Juni 2026'."""
    from desktop.services.shared import timefmt

    if start == datetime.date(start.year, 1, 1) and end == datetime.date(start.year, 12, 31):
        return f"Tahun {start.year}"
    if start.day == 1 and end == _month_end(start.year, start.month):
        return f"{timefmt.MONTHS[start.month - 1]} {start.year}"
    return f"{timefmt.format_date(start)} – {timefmt.format_date(end)}"
