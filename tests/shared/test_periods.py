"""Report periods around the office's today, and how a report names them."""
import datetime

from desktop.services.shared import periods

TODAY = datetime.date(2026, 8, 14)


def test_each_preset_around_a_day_in_august():
    d = datetime.date
    assert periods.preset("tahun", TODAY) == (d(2026, 1, 1), d(2026, 12, 31))
    assert periods.preset("semester", TODAY) == (d(2026, 7, 1), d(2026, 12, 31))
    assert periods.preset("triwulan", TODAY) == (d(2026, 7, 1), d(2026, 9, 30))
    assert periods.preset("bulan", TODAY) == (d(2026, 8, 1), d(2026, 8, 31))
    assert periods.preset("bulan_lalu", TODAY) == (d(2026, 7, 1), d(2026, 7, 31))
    assert periods.preset("tahun_lalu", TODAY) == (d(2025, 1, 1), d(2025, 12, 31))
    assert periods.preset("bulan_lalu", d(2026, 1, 5)) == (d(2025, 12, 1), d(2025, 12, 31))
    assert periods.preset("bulan", d(2028, 2, 10))[1] == d(2028, 2, 29)


def test_a_period_is_named_as_a_report_heads_it():
    d = datetime.date
    assert periods.describe(d(2026, 1, 1), d(2026, 12, 31)) == "Tahun 2026"
    assert periods.describe(d(2026, 2, 1), d(2026, 2, 28)) == "Februari 2026"
    assert periods.describe(d(2026, 1, 1), d(2026, 6, 30)) == "1 Januari 2026 – 30 Juni 2026"
