"""Typed dates: 15/12/2027, 15-12-27, 1.2.2027 or 15122027, read the way an officer means
them, with an Indonesian sentence for what cannot be a date."""
import datetime
import re

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
EXAMPLE = "ketik tanggal/bulan/tahun, misalnya 15/12/2027 atau 15/12/27"


class DateTextError(ValueError):
    """The typed text is not a date; the message is for the user."""


def _year(text: str, today: datetime.date, past: bool) -> int:
    year = int(text)
    if len(text) > 2:
        return year
    # Two digits: the century that puts the date nearest in the intended direction. A date
    # that must have happened (a birth) takes the latest year not after this one; any other
    # up to ten years ahead (a booking, a permit's end), older ones in the 1900s.
    limit = today.year if past else today.year + 10
    return 2000 + year if 2000 + year <= limit else 1900 + year


def parse_date(text: str, today: datetime.date | None = None,
               past: bool = False) -> datetime.date | None:
    """The typed date; None for an empty text; DateTextError for anything else."""
    today = today or datetime.date.today()
    typed = (text or "").strip()
    if not typed or typed in ("—", "-"):
        return None
    match = re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})", typed) \
        or re.fullmatch(r"(\d{2})(\d{2})(\d{4}|\d{2})", typed)
    if not match:
        raise DateTextError(f"bukan tanggal ({typed[:20]}); {EXAMPLE}.")
    day, month = int(match.group(1)), int(match.group(2))
    year = _year(match.group(3), today, past)
    if not 1 <= month <= 12:
        raise DateTextError(f"bulan {month} tidak ada; bulan ditulis 1 s.d. 12 ({EXAMPLE}).")
    if year < 1900:
        raise DateTextError(f"tahun {year} terlalu awal; tulis tahun lengkap, misalnya 1987.")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        last = (datetime.date(year + month // 12, month % 12 + 1, 1)
                - datetime.timedelta(days=1)).day
        raise DateTextError(f"tanggal {day} tidak ada pada {MONTHS[month - 1]} {year} "
                            f"(hanya sampai tanggal {last}).") from None


def format_typed(day: datetime.date | None) -> str:
    return "" if day is None else f"{day:%d/%m/%Y}"


TIME_EXAMPLE = "tulis tanggal lalu jam, misalnya 15/12/2027 09.30"


def parse_datetime(text: str, today: datetime.date | None = None) -> datetime.datetime | None:
    """'15/12/2027 09.30' (or 09:30, 9.30, 15/12/27 0930); None for an empty text."""
    typed = (text or "").strip()
    if not typed:
        return None
    match = re.fullmatch(r"(.+?)\s+(\d{1,2})[.:]?(\d{2})", typed)
    if not match:
        raise DateTextError(f"jamnya belum ditulis; {TIME_EXAMPLE}.")
    day = parse_date(match.group(1), today)
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise DateTextError(f"jam {hour:02d}.{minute:02d} tidak ada; jam 00.00 s.d. 23.59.")
    return datetime.datetime.combine(day, datetime.time(hour, minute))


def format_typed_datetime(moment: datetime.datetime | None) -> str:
    return "" if moment is None else f"{moment:%d/%m/%Y %H.%M}"
