"""The head's dashboard on every backend: each tile's count against the records it counts,
ended months kept once per role scope (an administrator's never include a kepala's sensitive
cases), the queries constant however many applications there are; the front office's day."""
import datetime

import pytest

from desktop.models import Application, MonthlyFigure
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.complaints import complaints
from desktop.services.reports import dashboard
from desktop.services.shared import timefmt
from tests.factories import make_office, make_person

H = datetime.timedelta(hours=1)


@pytest.fixture
def office(backend_db):
    return make_office()


def register(o, code="dpk-slrt", person=None, **values):
    app = workflow.register(o["clerk"], service_catalog.get(code), person=person or o["person"])
    if values:
        Application.update(**values).where(Application.id == app.id).execute()
    return app


def test_the_tiles_count_what_their_lists_show(office):
    o = office
    now = timefmt.utcnow()
    today = timefmt.to_local(now).date()
    register(o, due_at=now - H)  # overdue
    register(o, due_at=now - 2 * H, state="waiting")  # paused: not overdue
    tonight = timefmt.to_utc(datetime.datetime.combine(today, datetime.time(23, 30)))
    later_today = tonight > now  # not after 23.30 office time
    if later_today:
        register(o, due_at=tonight)  # due later today
    register(o, due_at=now + 72 * H)
    complaints.record(o["clerk"], kind="pengaduan", channel="telepon", subject="Lama",
                      category="waktu", name="Ani", received_at=timefmt.to_local(
                          now - 30 * 24 * H).replace(tzinfo=None))
    board = dashboard.load(o["head"], now)
    assert board.overdue == 1 and board.due_today == (1 if later_today else 0)
    assert board.sections[0][0] == "Rujukan"  # dpk-slrt's section in the catalog
    assert board.complaints["terlambat"] == 1
    assert board.letters == {"waiting_paraf": 0, "waiting_signature": 0}
    assert board.survey.respondents == 0 and len(board.months) == 12
    assert board.months[-1].received == 3 + later_today and (board.months[-1].year, board.months[-1].month) \
        == (today.year, today.month)


def test_ended_months_are_kept_once_per_scope(office):
    o = office
    now = timefmt.utcnow()
    today = timefmt.to_local(now).date()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    at = timefmt.to_utc(datetime.datetime.combine(last_month, datetime.time(10)))
    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    register(o, received_at=at, state="completed", closed_at=at + H, due_at=at + 5 * H)
    register(o, code="mgt-26-rekomendasi-anjal-at", person=child, received_at=at)
    head = dashboard.months(o["head"], today)[-2]
    admin = dashboard.months(o["admin"], today)[-2]
    assert (head.received, head.completed, head.on_time) == (2, 1, 1)
    assert admin.received == 1  # the administrator reads no child's case
    assert MonthlyFigure.select().count() == 2 * 11  # every ended month, once per scope
    register(o, received_at=at)  # a late import into an ended month: kept figures stand
    assert dashboard.months(o["head"], today)[-2].received == 2
    dashboard.forget_months()
    assert dashboard.months(o["head"], today)[-2].received == 3


def test_the_dashboard_costs_the_same_queries_for_more_applications(office):
    from benchmarks.applications import QueryCounter

    o = office

    def opening() -> int:
        counter = QueryCounter()
        with counter.counting():
            dashboard.load(o["head"])
        return counter.count

    register(o)
    opening()  # keeps the ended months
    few = opening()
    for _ in range(30):
        register(o, due_at=timefmt.utcnow() - H)
    assert opening() == few


def test_the_front_office_day(office):
    o = office
    register(o)
    register(o, state="waiting")
    day = dashboard.my_day(o["clerk"])
    assert (day.received_today, day.mine_today, day.returned) == (2, 2, 1)
    assert dashboard.my_day(o["worker"]).mine_today == 0


def test_the_letter_tiles_count_what_the_surat_tabs_list(backend_db):
    from desktop.services.letters import lifecycle
    from tests.factories import submit_complete
    from tests.letters.test_letters_lifecycle import referral_case, setup_office

    o = setup_office()
    case = referral_case(o)  # a sensitive referral: its letter is its readers' only
    submit_complete(o["worker"], lifecycle.draft(o["worker"], case, signer=o["head"]))
    for actor in (o["head"], o["coordinator"], o["admin"]):
        counts = dashboard.letters(actor)
        assert counts == {state: len(lifecycle.queue(actor, state)) for state in counts}
    assert dashboard.letters(o["coordinator"])["waiting_paraf"] == 1  # the signer never initials
    assert dashboard.letters(o["head"])["waiting_paraf"] == 0
    assert dashboard.letters(o["admin"])["waiting_paraf"] == 0


def test_an_overdue_sensitive_case_counts_only_for_its_readers(office):
    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    register(office, code="mgt-26-rekomendasi-anjal-at", person=child,
             due_at=timefmt.utcnow() - H)
    now = timefmt.utcnow()
    today = timefmt.to_local(now).date()
    assert sum(late for _, late, _ in dashboard.sections(office["head"], now, today)) == 1
    assert dashboard.sections(office["admin"], now, today) == []
