"""The demo fills the schedule with a year of bookings that the database accepts as it is."""
import pytest

from desktop.models import ClinicRequest, Driver, HearseBooking, Technician, Vehicle, db
from desktop.services.demo import seed


def _no_overlap(rows, key):
    by_resource = {}
    for row in rows:
        by_resource.setdefault(key(row), []).append(row)
    for items in by_resource.values():
        items.sort(key=lambda r: r.start_at)
        for earlier, later in zip(items, items[1:]):
            assert earlier.end_at <= later.start_at


def test_demo_adds_fleet_staff_and_history(backend_db):
    report = seed.fill(size=120)
    assert Vehicle.select().count() == 3 and Driver.select().count() == 4
    assert Technician.select().count() == 3
    assert report.counts["hearse_booking"] > 100 and report.counts["clinic_request"] > 50
    states = {b.state for b in HearseBooking.select()}
    assert {"completed", "cancelled"} <= states
    active = list(HearseBooking.select().where(HearseBooking.state != "cancelled"))
    _no_overlap(active, lambda r: r.vehicle_id)
    _no_overlap(active, lambda r: r.driver_id)
    days = [(r.technician_id, r.service_date) for r in ClinicRequest.select()]
    assert len(days) == len(set(days))


@pytest.mark.parametrize("backend_db", ["postgresql"], indirect=True)
def test_demo_leaves_postgresql_with_fresh_planner_statistics(backend_db):
    """Autovacuum may be off or late: the planner would guess at a freshly filled table."""
    seed.fill(size=60)
    analysed = dict(db.execute_sql(
        "SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables "
        "WHERE relname IN ('person', 'application')").fetchall())
    assert analysed == {"person": True, "application": True}
