"""The permit lists on every backend: each kind's rows with what they still owe, counted and
paged, hidden from those who may not read the case; the page shows them."""
import datetime

import pytest

from desktop.cases.hibah import record as grant
from desktop.models import Service
from desktop.services.applications import people
from desktop.services.catalog import service_catalog
from desktop.services.permits import permit_query
from desktop.services.shared import permissions

from tests.applications.test_reminders import overdue_pub, overdue_raffle
from tests.factories import make_user


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "duty": make_user("piket", role=permissions.DUTY_OFFICER)}


def test_each_kind_lists_what_it_still_owes(office):
    pub_app = overdue_pub(office, "Yayasan Peduli Sesama")
    raffle_app = overdue_raffle(office, "PT Toserba")
    org = people.register_organisation(office["clerk"], name="Perkumpulan Lama",
                                       address="Jl. Pemuda 3")
    from desktop.services.applications import workflow

    grant_app = workflow.register(office["clerk"], service_catalog.get(
        "mgt-01-rekomendasi-hibah"), organisation=org)
    today = datetime.date.today()
    grant.save(office["clerk"], grant_app, None, legal_number="AHU-9",
               domiciled_since=today.replace(year=today.year - 5), budget_year=today.year + 1,
               requested=10_000_000, purpose="Operasional", budget_lines=[("Ops", 10_000_000)])
    [row] = permit_query.page(office["clerk"], "pub")
    assert (row.id, row.applicant, row.amount, row.urgent) == (
        pub_app.id, "Yayasan Peduli Sesama", 50_000_000, True)
    assert "lewat batas" in row.owed and row.period == "1 Jun 2026 – 31 Agu 2026"
    [row] = permit_query.page(office["clerk"], "undian")
    assert row.id == raffle_app.id and row.urgent and row.amount == 3_000_000
    [row] = permit_query.page(office["clerk"], "hibah")
    assert row.id == grant_app.id and row.owed == "Verifikasi lapangan belum dicatat"
    assert [permit_query.count(office["clerk"], k) for k in permit_query.KINDS] == [1, 1, 1]


def test_a_sensitive_permit_service_is_hidden_from_who_does_not_read_it(office):
    overdue_pub(office, "Yayasan Peduli Sesama")
    from desktop.services.applications import case_access

    Service.update(sensitive=True, readers=case_access.encode_readers(["kepala"])).where(
        Service.code == "mgt-02-izin-pengumpulan-uang-barang").execute()
    assert permit_query.count(office["duty"], "pub") == 0
    assert permit_query.page(office["duty"], "pub") == []


def test_the_page_lists_and_switches_kind(qtbot, sqlite_db):
    from desktop.views.permits.permits_page import COL_OWED, PermitsPage
    from desktop.views.shell.session import Session

    service_catalog.load_shipped()
    office = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE)}
    app = overdue_pub(office, "Yayasan Peduli Sesama")
    page = PermitsPage(Session(office["clerk"], "", ""))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and page.model.row_id(0) == app.id
    assert "lewat batas" in page.model.item(0, COL_OWED).text()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("undian"))
    assert page.model.rowCount() == 0 and page.count_label.text() == "Belum ada permohonan."
