"""Indonesian dates, rupiah, terbilang and Roman months as letters print them."""
import datetime
from decimal import Decimal

import pytest

from desktop.services.letters import formatting


@pytest.mark.parametrize("number, words", [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
    (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"), (100, "seratus"),
    (111, "seratus sebelas"), (250, "dua ratus lima puluh"), (1_000, "seribu"),
    (1_001, "seribu satu"), (1_100, "seribu seratus"), (11_000, "sebelas ribu"),
    (100_000, "seratus ribu"), (1_000_000, "satu juta"),
    (1_500_000, "satu juta lima ratus ribu"),
    (2_500_750, "dua juta lima ratus ribu tujuh ratus lima puluh"),
    (1_000_000_000, "satu miliar"), (3_000_000_000_000, "tiga triliun"),
])
def test_terbilang(number, words):
    assert formatting.terbilang(number) == words


def test_terbilang_rupiah_whole_and_cents():
    assert formatting.terbilang_rupiah(1_500_000) == "satu juta lima ratus ribu rupiah"
    assert formatting.terbilang_rupiah(0) == "nol rupiah"
    assert formatting.terbilang_rupiah(Decimal("2500750.50")) == (
        "dua juta lima ratus ribu tujuh ratus lima puluh rupiah lima puluh sen")


@pytest.mark.parametrize("amount, text", [
    (1_500_000, "Rp 1.500.000,00"), (0, "Rp 0,00"), (999, "Rp 999,00"),
    (1_000, "Rp 1.000,00"), (Decimal("2500750.5"), "Rp 2.500.750,50"),
    ("1234.565", "Rp 1.234,57"), (-15_000, "-Rp 15.000,00"),
])
def test_rupiah(amount, text):
    assert formatting.rupiah(amount) == text


def test_dates_are_indonesian():
    day = datetime.date(2026, 11, 22)
    assert formatting.format_date(day) == "22 November 2026"
    assert formatting.format_date(day, with_weekday=True) == "Minggu, 22 November 2026"
    assert formatting.format_date(datetime.date(2027, 2, 1)) == "1 Februari 2027"
    assert formatting.format_date(None) == ""
    assert formatting.place_and_date("Magelang", datetime.date(1985, 3, 12)) == (
        "Magelang, 12 Maret 1985")


def test_roman_months_and_nip():
    assert [formatting.roman_month(m) for m in (1, 4, 9, 11, 12)] == [
        "I", "IV", "IX", "XI", "XII"]
    assert formatting.roman_month(datetime.date(2026, 8, 17)) == "VIII"
    assert formatting.roman(2026) == "MMXXVI"
    with pytest.raises(ValueError):
        formatting.roman(0)
    assert formatting.format_nip("197203151998032005") == "19720315 199803 2 005"
    assert formatting.format_nip("12345") == "12345"  # not a NIP: printed as typed
