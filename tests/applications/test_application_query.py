"""Filtering, searching, sorting and task counts, done by the database on every backend."""
import datetime

import pytest

from desktop.models import Application, utcnow
from desktop.services.applications import application_query as aq, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from tests.factories import make_person, make_user

D = datetime.date


def _role(role):
    """An actor of `role` who reads every case: these tests are about filters, not access."""
    return permissions.SystemActor(role=role)


@pytest.fixture
def data(backend_db):
    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    agus = make_person()
    siti = make_person(nik="3371015503100002", name="Siti Rahayu", birth_date=D(2010, 3, 15),
                       sex="P")
    now = utcnow()
    made = {
        "slrt_agus": workflow.register(clerk, service_catalog.get("dpk-slrt"), person=agus,
                                           received_at=now - datetime.timedelta(days=3)),
        "dtks_siti_late": workflow.register(
            clerk, service_catalog.get("mgl-surat-keterangan-dtks"), person=siti,
            received_at=now - datetime.timedelta(hours=2)),
        "hearse_siti": workflow.register(clerk, service_catalog.get("mgl-mobil-jenazah"),
                                             person=siti, received_at=now),
    }
    workflow.withdraw(clerk, made["hearse_siti"], "Keluarga memakai mobil sendiri")
    return {"clerk": clerk, "agus": agus, "siti": siti, **made}


def ids(rows):
    return [r.id for r in rows]


def test_newest_first_and_paging(data):
    rows = aq.page(permissions.SYSTEM, aq.ApplicationFilter())
    assert ids(rows) == [data["hearse_siti"].id, data["dtks_siti_late"].id, data["slrt_agus"].id]
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(), offset=1, limit=1)) == [data["dtks_siti_late"].id]
    assert rows[0].applicant == "Siti Rahayu" and rows[0].nik == "3371015503100002"
    assert aq.count(permissions.SYSTEM, aq.ApplicationFilter()) == 3


def test_search_by_name_nik_and_number(data):
    assert set(ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(text="siti")))) == {
        data["dtks_siti_late"].id, data["hearse_siti"].id}
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(text="337101150385"))) == [data["slrt_agus"].id]
    number = data["slrt_agus"].reg_number
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(text=number.lower()))) == [data["slrt_agus"].id]
    assert aq.page(permissions.SYSTEM, aq.ApplicationFilter(text="zzz")) == []


@pytest.mark.parametrize("listed", [True, False], ids=["id-list", "subquery"])
def test_a_broad_search_gives_the_same_rows_either_way(data, monkeypatch, listed):
    """Few matching people are listed by id; more than PERSON_LIST_MAX go by subquery."""
    monkeypatch.setattr(aq, "PERSON_LIST_MAX", 100 if listed else 1)
    both = aq.ApplicationFilter(text="3371")  # too short for a NIK: a registration number
    assert aq.page(permissions.SYSTEM, both) == []
    everyone = aq.ApplicationFilter(text="337101")  # Agus and Siti
    assert set(ids(aq.page(permissions.SYSTEM, everyone))) == {data["slrt_agus"].id, data["dtks_siti_late"].id,
                                           data["hearse_siti"].id}
    assert aq.count(permissions.SYSTEM, everyone) == 3
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(text="si"))) == [data["hearse_siti"].id,
                                                             data["dtks_siti_late"].id]
    assert aq.page(permissions.SYSTEM, aq.ApplicationFilter(text="999999")) == []


def test_filters_by_state_service_due_and_dates(data):
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(state="withdrawn"))) == [data["hearse_siti"].id]
    assert len(aq.page(permissions.SYSTEM, aq.ApplicationFilter(state="aktif"))) == 2
    dtks_id = service_catalog.get("mgl-surat-keterangan-dtks").id
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(service_id=dtks_id))) == [data["dtks_siti_late"].id]
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(due="terlambat"))) == [data["dtks_siti_late"].id]
    assert ids(aq.page(permissions.SYSTEM, aq.ApplicationFilter(due="normal"))) == [data["slrt_agus"].id]
    today = datetime.date.today()
    assert len(aq.page(permissions.SYSTEM, aq.ApplicationFilter(received_from=today - datetime.timedelta(days=1)))) >= 1
    assert aq.page(permissions.SYSTEM, aq.ApplicationFilter(received_to=today - datetime.timedelta(days=10))) == []


def test_task_list_oldest_due_first_for_the_role(data):
    tasks = aq.my_tasks(_role(permissions.FRONT_OFFICE))
    assert ids(tasks) == [data["dtks_siti_late"].id, data["slrt_agus"].id]
    assert aq.task_count(_role(permissions.FRONT_OFFICE)) == 2
    assert aq.task_count(_role(permissions.HEAD)) == 0
    Application.update(current_actor=permissions.HEAD).where(
        Application.id == data["slrt_agus"].id).execute()
    assert aq.task_count(_role(permissions.HEAD)) == 1


def test_a_returned_application_is_not_counted_late(data):
    workflow.decide(data["clerk"], Application.get_by_id(data["dtks_siti_late"].id), "return",
                        "KTP belum dibawa")
    assert aq.page(permissions.SYSTEM, aq.ApplicationFilter(due="terlambat")) == []
