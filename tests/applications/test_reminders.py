"""Tugas Saya's reminders on every backend: a Tanda Daftar running out, a PUB report and a
raffle report past their deadline, a permit ending; only for the roles that chase them, in
a number of queries that does not grow with the cases."""
import datetime

import pytest

from desktop.cases.pub import record as pub
from desktop.cases.undian import record as raffle
from desktop.models import Application, db
from desktop.services.applications import people, reminders, workflow
from desktop.services.catalog import service_catalog
from desktop.services.lks import lks_records, registrations
from desktop.services.shared import permissions

from tests.factories import make_user
from tests.lks.test_lks_records import BOARD, values

TODAY = datetime.date.today()


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "duty": make_user("piket", role=permissions.DUTY_OFFICER)}


def expiring_lks(office, name: str, days_left: int):
    lks = lks_records.save(office["clerk"], values(name=name, npwp=""), BOARD, {})
    until = TODAY + datetime.timedelta(days=days_left)
    registrations.record(office["clerk"], lks, f"TD/{name}", TODAY, until.replace(
        year=until.year - 3), until)
    return lks


def overdue_pub(office, name: str):
    org = people.register_organisation(office["clerk"], name=name, address="Jl. Tidar 5")
    app = workflow.register(office["clerk"], service_catalog.get(
        "mgt-02-izin-pengumpulan-uang-barang"), organisation=org)
    pub.save(office["clerk"], app, None, organiser_form="yayasan", legal_number="AHU-1",
             goods="uang", purpose="Beasiswa", methods=["kotak"], area_level="kabkota",
             target=50_000_000, planned_cost=1_000_000, period_start=datetime.date(2026, 6, 1),
             period_end=datetime.date(2026, 8, 31))
    # The permit was given (the service completed): its reports are owed.
    Application.update(state="completed").where(Application.id == app.id).execute()
    return Application.get_by_id(app.id)


def overdue_raffle(office, name: str):
    org = people.register_organisation(office["clerk"], name=name, address="Jl. Pemuda 1")
    app = workflow.register(office["clerk"], service_catalog.get(
        "mgt-03-izin-undian-gratis-berhadiah"), organisation=org)
    Application.update(received_at=datetime.datetime(2026, 6, 1, 3)).where(
        Application.id == app.id).execute()
    app = Application.get_by_id(app.id)
    case = raffle.save(office["clerk"], app, None, organiser_status="badan_hukum",
                       raffle_name="Undian Juli", period_start=datetime.date(2026, 6, 1),
                       period_end=datetime.date(2026, 7, 30),
                       draw_date=datetime.date(2026, 7, 31), draw_place="Aula",
                       notary="Notaris", prizes=[("TV", 1, 3_000_000)], contribution=300_000)
    raffle.save_report(office["clerk"], app, case, handover_end=datetime.date(2026, 8, 15))
    return app


def queries(actor) -> tuple[int, list]:
    count, original = 0, db.obj.execute_sql

    def counted(*args, **kwargs):
        nonlocal count
        count += 1
        return original(*args, **kwargs)
    db.obj.execute_sql = counted
    try:
        found = reminders.for_user(actor)
    finally:
        db.obj.execute_sql = original
    return count, found


def test_what_is_owed_is_reminded_to_those_who_chase_it(office):
    expiring_lks(office, "Yayasan Bina Sejahtera", 20)
    pub_app = overdue_pub(office, "Yayasan Peduli Sesama")
    raffle_app = overdue_raffle(office, "PT Toserba")
    few, found = queries(office["clerk"])
    texts = [r.text for r in found]
    assert any("Tanda Daftar Yayasan Bina Sejahtera" in t for t in texts)
    assert any(pub_app.reg_number in t and "Laporan PUB" in t for t in texts)
    assert any(raffle_app.reg_number in t and "Laporan undian" in t for t in texts)
    assert all(r.urgent for r in found)  # 20 days left, and two reports past their deadline
    assert reminders.for_user(office["duty"]) == []
    for i in range(4):  # more cases, the same queries
        expiring_lks(office, f"Yayasan Lain {i}", 60 + i)
        overdue_pub(office, f"Yayasan Pengumpul {i}")
        overdue_raffle(office, f"PT Undian {i}")
    many, found = queries(office["clerk"])
    assert many == few and len(found) == 15


def test_tugas_saya_lists_the_reminders_and_opens_their_application(qtbot, sqlite_db,
                                                                      monkeypatch):
    from desktop.views.applications import tasks_page
    from desktop.views.shell.session import Session

    service_catalog.load_shipped()
    office = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE)}
    app = overdue_pub(office, "Yayasan Peduli Sesama")
    page = tasks_page.TasksPage(Session(office["clerk"], "", ""))
    qtbot.addWidget(page)
    assert not page.reminders.isHidden() and page.reminders.count() == 1
    assert app.reg_number in page.reminders.item(0).text()
    opened = []
    monkeypatch.setattr(tasks_page, "open_application",
                        lambda session, application_id, parent: opened.append(application_id))
    page._open_reminder(page.reminders.item(0))
    assert opened == [app.id]
