"""Gap-free sequence numbers per series and year, safe when many PCs take one at once."""
from peewee import IntegrityError

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
