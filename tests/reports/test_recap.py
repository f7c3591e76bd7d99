"""The recap on every backend: each application of the period counted once in its outcome
(on time, late, rejected, withdrawn, still open), the median in working days, the cohort by
channel, kelurahan, sex and age; sensitive cases only for their readers; the SPM figures
from the case kinds."""
import datetime

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Application
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.reports import recap
from desktop.services.shared import permissions, timefmt
from tests.factories import make_office, make_person

# Monday 2 November 2026 09.00 WIB.
RECEIVED = datetime.datetime(2026, 11, 2, 9, 0)
NOVEMBER = (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))


@pytest.fixture
def office(backend_db):
    return make_office()


def application(o, code="dpk-slrt", person=None, channel="datang", **state):
    app = workflow.register(o["clerk"], service_catalog.get(code), person=person or o["person"],
                            channel=channel)
    values = dict(received_at=timefmt.to_utc(RECEIVED))
    values.update(state)
    Application.update(**values).where(Application.id == app.id).execute()
    return app


def at(days: int, hour: int = 10):
    return timefmt.to_utc(RECEIVED + datetime.timedelta(days=days, hours=hour - 9))


def test_each_application_counts_once_in_its_outcome(office):
    o = office
    due = at(7)  # Monday 9 November
    application(o, state="completed", closed_at=at(3), due_at=due)  # Thursday: 3 working days
    application(o, state="completed", closed_at=at(4), due_at=due)  # Friday: 4
    application(o, state="completed", closed_at=at(9), due_at=due)  # late: Wednesday, 7
    application(o, state="rejected", closed_at=at(2), due_at=due)
    application(o, state="withdrawn", closed_at=at(1), due_at=due)
    application(o, channel="telepon")  # still open
    application(o, received_at=timefmt.to_utc(datetime.datetime(2026, 10, 30, 9)))  # October
    result = recap.recap(o["head"], *NOVEMBER)
    (line,) = result.lines
    assert (line.received, line.on_time, line.late, line.rejected, line.withdrawn,
            line.open) == (6, 2, 1, 1, 1, 1)
    assert line.median_days == 4 and line.on_time_share == pytest.approx(2 / 3)
    assert result.total.received == 6 and result.total.median_days == 4
    assert result.by_channel == {"Datang langsung": 5, "Telepon/WhatsApp": 1}
    assert result.by_kelurahan == {"Magersari": 6}
    assert result.by_sex_age == {("Laki-laki", "30–44"): 6}  # born 1985: 41 at the end


def test_a_holiday_is_not_a_working_day_of_the_median(office):
    from desktop.services.admin import calendar

    calendar.add_holiday(office["admin"], datetime.date(2026, 11, 3), "Cuti bersama")
    application(office, state="completed", closed_at=at(3), due_at=at(7))
    assert recap.recap(office["head"], *NOVEMBER).total.median_days == 2


def test_sensitive_cases_count_only_for_their_readers(office):
    o = office
    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    application(o, code="mgt-26-rekomendasi-anjal-at", person=child)
    application(o)
    assert recap.recap(o["head"], *NOVEMBER).total.received == 2
    assert recap.recap(o["admin"], *NOVEMBER).total.received == 1  # the admin reads no child
    with pytest.raises(PermissionDenied):
        recap.recap(o["clerk"], *NOVEMBER)
    with pytest.raises(ValidationError) as refused:
        recap.recap(o["head"], NOVEMBER[1], NOVEMBER[0])
    assert refused.value.field == "Periode sampai"
    assert permissions.can(o["admin"], "reports.view")


def test_the_spm_counts_come_from_the_case_kinds(office):
    from desktop.cases.rujukan import record as rujukan
    from tests.letters.test_letters_lifecycle import disaster_case, referral_case

    o = office
    today = timefmt.office_today()
    month = (today.replace(day=1), today)
    app = referral_case(o)  # an ODGJ referral: counts once it is sent
    assert recap.recap(o["head"], *month).spm["disabilitas"] == 0
    rujukan.record_sending(o["worker"], app, rujukan.read(app), sent_on=today,
                           companions="Yusuf (peksos)", transport="Mobil dinas")
    disaster_case(o)  # a flood household of two adults given rice today
    counts = recap.recap(o["head"], *month).spm
    assert set(counts) == set(recap.SPM_INDICATORS)
    assert (counts["disabilitas"], counts["bencana"], counts["lansia"]) == (1, 2, 0)
    assert recap.recap(o["admin"], *month).spm["disabilitas"] == 0  # not the admin's case
