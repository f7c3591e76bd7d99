import datetime

import pytest

from desktop.errors import PermissionDenied
from desktop.services.admin import calendar
from desktop.services.shared import permissions
from tests.factories import make_user

D = datetime.date


def test_package_knows_2026_cuti_bersama():
    cal = calendar.WorkCalendar(overrides=[])
    for day in [D(2026, 2, 16), D(2026, 3, 18), D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 24),
                D(2026, 5, 15), D(2026, 5, 28), D(2026, 12, 24)]:
        assert not cal.is_working_day(day), day


def test_working_days_skip_weekends_and_holidays():
    cal = calendar.WorkCalendar(overrides=[])
    # Friday 11 Dec 2026 + 7 working days: 14-18 Dec, 21, 22 -> 22 Dec
    assert cal.add_working_days(D(2026, 12, 11), 7) == D(2026, 12, 22)
    # Christmas week: 24 (cuti bersama) and 25 (Natal) are off
    assert cal.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 28)
    assert cal.working_days_between(D(2026, 12, 23), D(2026, 12, 28)) == 1


def test_admin_adds_and_removes_days(backend_db):
    admin = make_user("admin", role=permissions.ADMIN)
    calendar.add_holiday(admin, D(2026, 12, 31), "Cuti bersama akhir tahun")
    calendar.remove_holiday(admin, D(2026, 12, 24))
    cal = calendar.WorkCalendar()
    assert not cal.is_working_day(D(2026, 12, 31))
    assert cal.is_working_day(D(2026, 12, 24))
    origins = {d: o for d, _, o in cal.year_holidays(2026)}
    assert origins[D(2026, 12, 24)] == "dihapus" and origins[D(2026, 12, 31)] == "tambahan"
    calendar.restore_package_day(admin, D(2026, 12, 24))
    assert not calendar.WorkCalendar().is_working_day(D(2026, 12, 24))


def test_only_admin_edits_holidays(backend_db):
    clerk = make_user("budi")
    with pytest.raises(PermissionDenied):
        calendar.add_holiday(clerk, D(2026, 12, 31), "x")
