"""Gap-free sequence numbers per series and year, safe when many PCs take one at once,
and the number patterns of applications and letters."""
import re
import string

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


# The placeholders each pattern takes, in words: the settings screen's legend.
REGISTRATION_PLACEHOLDERS = {
    "seq": "nomor urut, mulai dari 1 tiap tahun",
    "year": "tahun (2026)",
    "month": "bulan dalam angka (1 s.d. 12)",
    "roman": "bulan dalam angka Romawi (I s.d. XII)",
    "service": "kode layanan, huruf besar",
}
LETTER_PLACEHOLDERS = {
    "classification": "kode klasifikasi arsip jenis surat (400.9.12)",
    "seq": "nomor urut, mulai dari 1 tiap tahun",
    "unit": "kode unit kerja di Profil Kantor (Dinsos)",
    "year": "tahun (2026)",
    "month": "bulan dalam angka (1 s.d. 12)",
    "roman": "bulan dalam angka Romawi (I s.d. XII)",
    "series": "seri penomoran jenis surat (rekomendasi)",
}
REGISTRATION_EXAMPLE = "{seq:05d}/REG/{year}"
LETTER_EXAMPLE = "{classification}/{seq:04d}/{unit}/{year}"


def legend(placeholders: dict, digits: int = 5) -> str:
    """'{seq} = nomor urut…; {seq:05d} = …' two to a line; other text is written as typed."""
    parts = []
    for name, meaning in placeholders.items():
        parts.append(f"{{{name}}} = {meaning}")
        if name == "seq":
            parts.append(f"{{seq:0{digits}d}} = nomor urut {digits} angka, diawali nol "
                         f"({42:0{digits}d})")
    parts.append("teks lain (garis miring, REG) tertulis apa adanya")
    return "\n".join("; ".join(parts[i:i + 2]) for i in range(0, len(parts), 2))


def _check_pattern(label: str, pattern: str, placeholders: dict, example: str, fill) -> None:
    """Refuse a pattern that cannot make unique numbers, naming what is wrong and the fix."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        raise ValidationError(label, "tanda kurung kurawal { } tidak berpasangan; tulis setiap "
                              f"bagian seperti {{year}}, contoh {example}.") from None
    allowed = ", ".join("{" + name + "}" for name in placeholders)
    for name in names:
        if name.split(".")[0].split("[")[0] not in placeholders:
            raise ValidationError(label, f"{{{name}}} tidak dikenal; hanya boleh memakai "
                                  f"{allowed}, contoh {example}.")
    if "seq" not in names:
        raise ValidationError(label, f"harus memuat {{seq}} (nomor urut), contoh {example}.")
    if "year" not in names:
        raise ValidationError(label, "harus memuat {year} (tahun): nomor urut mulai lagi dari 1 "
                              f"tiap tahun, tanpa tahun nomornya akan kembar. Contoh {example}.")
    try:
        fill()
    except (KeyError, ValueError, IndexError, AttributeError):
        raise ValidationError(label, "penulisan format tidak dikenal (misalnya {seq:abc}); "
                              "untuk angka diawali nol tulis {seq:05d}, contoh "
                              f"{example}.") from None


def check_letter_pattern(label: str, pattern: str) -> None:
    """The settings screen's check for letters.number_pattern."""
    _check_pattern(label, pattern, LETTER_PLACEHOLDERS, LETTER_EXAMPLE,
                   lambda: format_letter_number(pattern, classification="400.9", seq=1,
                                                unit="Dinsos", year=2026, month=1, series="X"))


def check_registration_pattern(label: str, pattern: str) -> None:
    """The settings screen's check for applications.number_pattern."""
    _check_pattern(label, pattern, REGISTRATION_PLACEHOLDERS, REGISTRATION_EXAMPLE,
                   lambda: format_pattern(pattern, seq=1, year=2026, month=1, service="X"))


def peek_value(series: str, year: int) -> int:
    """The number next_value would give now, without taking it: a preview (another PC may
    take it first)."""
    value = (Counter.select(Counter.value)
             .where((Counter.series == series) & (Counter.year == year)).scalar())
    return (value or 0) + 1


def check_classification(label: str, text: str) -> None:
    """An archive classification code: numbers separated by dots (400.9.12)."""
    if not re.fullmatch(r"\d{3}(\.\d{1,3}){0,4}", (text or "").strip()):
        raise ValidationError(label, "tulis kode klasifikasi berupa angka bertitik, misalnya "
                              "400.9.12.")
