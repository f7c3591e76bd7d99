"""How letters write dates, money, numbers in words and Roman months, the Indonesian way."""
import datetime
from decimal import ROUND_HALF_UP, Decimal

from desktop.services.shared.timefmt import DAYS, MONTHS

_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
          "sepuluh", "sebelas"]
_SCALES = [(10 ** 12, "triliun"), (10 ** 9, "miliar"), (10 ** 6, "juta")]
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def format_date(day: datetime.date | None, with_weekday: bool = False) -> str:
    """22 November 2026, or Minggu, 22 November 2026; empty for None."""
    if day is None:
        return ""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]}, {text}" if with_weekday else text


def place_and_date(place: str, day: datetime.date | None) -> str:
    """Magelang, 12 Maret 1985 (the "tempat/tanggal lahir" line)."""
    return ", ".join(part for part in (place.strip(), format_date(day)) if part)


def _money(amount) -> Decimal:
    return Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rupiah(amount) -> str:
    """Rp 1.500.000,00"""
    value = _money(amount)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}Rp {grouped},{cents}"


def _below_thousand(n: int) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "ratus"]
    if rest < 12:
        if rest:
            words.append(_UNITS[rest])
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"] + ([_UNITS[ones]] if ones else [])
    return words


def terbilang(number: int) -> str:
    """A whole number in Indonesian words: 2500750 -> dua juta lima ratus ribu tujuh ratus lima
    puluh. Zero is "nol"; "se-" for one hundred and one thousand (seratus, seribu)."""
    number = int(number)
    if number < 0:
        return "minus " + terbilang(-number)
    if number == 0:
        return "nol"
    words = []
    for scale, name in _SCALES:
        count, number = divmod(number, scale)
        if count:
            words += _below_thousand_or_more(count) + [name]
    thousands, number = divmod(number, 1000)
    if thousands == 1:
        words.append("seribu")
    elif thousands:
        words += _below_thousand(thousands) + ["ribu"]
    words += _below_thousand(number)
    return " ".join(words)


def _below_thousand_or_more(count: int) -> list[str]:
    # A count of millions may itself exceed 999 only at the top scale (triliun).
    return terbilang(count).split() if count >= 1000 else _below_thousand(count)


def terbilang_rupiah(amount) -> str:
    """satu juta lima ratus ribu rupiah; cents, when present, as "... rupiah lima puluh sen"."""
    value = _money(amount)
    whole = int(abs(value))
    cents = int((abs(value) - whole) * 100)
    text = f"{terbilang(whole)} rupiah"
    if cents:
        text += f" {terbilang(cents)} sen"
    return ("minus " + text) if value < 0 else text


def roman(number: int) -> str:
    """11 -> XI (Roman months in some offices' letter numbers)."""
    if number <= 0:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def roman_month(day: datetime.date | int) -> str:
    return roman(day if isinstance(day, int) else day.month)


def format_nip(nip: str) -> str:
    """198001012005011003 -> 19800101 200501 1 003, as printed under a signer's name."""
    digits = "".join(ch for ch in (nip or "") if ch.isdigit())
    if len(digits) != 18:
        return (nip or "").strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
