"""Gap-free sequence numbers per series and year, safe when many PCs take one at once,
and the number patterns of applications and letters."""
import re

from peewee import IntegrityError

from desktop.errors import ValidationError
from desktop.models import Counter, db


def ensure_series(series: str, year: int) -> None:
    """Create the counter row if it is missing, in its own short transaction.

    Call before the transaction that takes a number: the UPDATE in next_value then locks one
    existing row. On MariaDB a missing row would make concurrent callers take gap locks and
    deadlock each other on the first number of a year.
    """
    if not Counter.select().where((Counter.series == series) & (Counter.year == year)).exists():
        Counter.insert(series=series, year=year, value=0).on_conflict_ignore().execute()


def next_value(series: str, year: int) -> int:
    """Take the next number. Call inside the transaction that uses it, so a rollback returns it.

    The UPDATE comes first: it takes the row's write lock on PostgreSQL and MariaDB and the
    database's write lock on SQLite, so concurrent callers queue instead of reading the same
    value.
    """
    for _ in range(3):
        with db.atomic():
            updated = (Counter.update(value=Counter.value + 1)
                       .where((Counter.series == series) & (Counter.year == year)).execute())
            if updated:
                return (Counter.select(Counter.value)
                        .where((Counter.series == series) & (Counter.year == year))
                        .scalar())
            try:
                with db.atomic():
                    Counter.insert(series=series, year=year, value=1).execute()
                return 1
            except IntegrityError:
                continue  # another PC created the row first: take the update path
    raise RuntimeError(f"could not take a number in series {series!r} for {year}")


ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def format_pattern(pattern: str, *, seq: int, year: int, month: int, service: str = "") -> str:
    """Fill a number pattern such as `{seq:05d}/REG/{year}`; {roman} is the month in Roman."""
    return pattern.format(seq=seq, year=year, month=month, roman=ROMAN_MONTHS[month - 1],
                          service=service)


def format_letter_number(pattern: str, *, classification: str, seq: int, unit: str,
                         year: int, month: int, series: str = "") -> str:
    """Fill the letter number pattern, e.g. {classification}/{seq:04d}/{unit}/{year}."""
    return pattern.format(classification=classification, seq=seq, unit=unit, year=year,
                          month=month, roman=ROMAN_MONTHS[month - 1], series=series)


def check_letter_pattern(label: str, pattern: str) -> None:
    """The settings screen's check for letters.number_pattern."""
    if "{seq" not in pattern:
        raise ValidationError(label, "harus memuat {seq} (nomor urut), contoh "
                              "{classification}/{seq:04d}/{unit}/{year}.")
    try:
        format_letter_number(pattern, classification="400.9", seq=1, unit="Dinsos",
                             year=2026, month=1, series="X")
    except (KeyError, ValueError, IndexError):
        raise ValidationError(label, "hanya boleh memakai {classification}, {seq}, {unit}, "
                              "{year}, {month}, {roman} dan {series}, contoh "
                              "{classification}/{seq:04d}/{unit}/{year}.") from None


def check_registration_pattern(label: str, pattern: str) -> None:
    """The settings screen's check for applications.number_pattern."""
    if "{seq" not in pattern:
        raise ValidationError(label, "harus memuat {seq} (nomor urut), contoh "
                              "{seq:05d}/REG/{year}.")
    try:
        format_pattern(pattern, seq=1, year=2026, month=1, service="X")
    except (KeyError, ValueError, IndexError):
        raise ValidationError(label, "hanya boleh memakai {seq}, {year}, {month}, {roman} "
                              "dan {service}, contoh {seq:05d}/REG/{year}.") from None


def check_classification(label: str, text: str) -> None:
    """An archive classification code: numbers separated by dots (400.9.12)."""
    if not re.fullmatch(r"\d{3}(\.\d{1,3}){0,4}", (text or "").strip()):
        raise ValidationError(label, "tulis kode klasifikasi berupa angka bertitik, misalnya "
                              "400.9.12.")
