"""Typed dates: what an officer types is the date meant, or a sentence saying why not."""
import datetime

import pytest

from desktop.views.shared.dates import DateTextError, parse_date, parse_datetime

TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize("text, expected", [
    ("15/12/2027", datetime.date(2027, 12, 15)),
    ("15/12/27", datetime.date(2027, 12, 15)),
    ("1/2/2027", datetime.date(2027, 2, 1)),
    ("1-2-27", datetime.date(2027, 2, 1)),
    ("01.02.2027", datetime.date(2027, 2, 1)),
    ("15122027", datetime.date(2027, 12, 15)),
    (" 29/02/2028 ", datetime.date(2028, 2, 29)),
    ("3/12/45", datetime.date(1945, 12, 3)),  # beyond ten years ahead: the 1900s
    ("", None), ("—", None),
])
def test_typed_dates(text, expected):
    assert parse_date(text, today=TODAY) == expected


def test_two_digit_year_of_a_past_date_is_the_latest_past_one():
    assert parse_date("15/12/27", today=TODAY, past=True) == datetime.date(1927, 12, 15)
    assert parse_date("15/12/26", today=TODAY, past=True) == datetime.date(2026, 12, 15)


@pytest.mark.parametrize("text, words", [
    ("31/02/2027", "tanggal 31 tidak ada pada Februari 2027 (hanya sampai tanggal 28)"),
    ("31/04/2026", "April 2026 (hanya sampai tanggal 30)"),
    ("12/13/2026", "bulan 13 tidak ada"),
    ("kemarin", "bukan tanggal"),
    ("15/12", "bukan tanggal"),
    ("1/1/1850", "tahun 1850 terlalu awal"),
])
def test_impossible_dates_say_what_is_wrong(text, words):
    with pytest.raises(DateTextError) as caught:
        parse_date(text, today=TODAY)
    assert words in str(caught.value)


@pytest.mark.parametrize("text, expected", [
    ("15/12/2027 10.30", datetime.datetime(2027, 12, 15, 10, 30)),
    ("15/12/27 9:05", datetime.datetime(2027, 12, 15, 9, 5)),
    ("1/2/2027 0930", datetime.datetime(2027, 2, 1, 9, 30)),
    ("", None),
])
def test_typed_date_and_time(text, expected):
    assert parse_datetime(text, today=TODAY) == expected


@pytest.mark.parametrize("text, words", [
    ("15/12/2027", "jamnya belum ditulis"), ("15/12/2027 24.00", "jam 24.00 tidak ada"),
    ("30/02/2027 10.00", "tanggal 30 tidak ada pada Februari 2027"),
])
def test_a_wrong_date_and_time_says_what_is_wrong(text, words):
    with pytest.raises(DateTextError) as caught:
        parse_datetime(text, today=TODAY)
    assert words in str(caught.value)
