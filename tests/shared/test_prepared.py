"""Prepared queries give what peewee's own query gives, with SQL rendered once per dialect."""
import pytest

from desktop.models import Application, Person, RequirementCheck, Service
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared.prepared import Prepared
from tests.factories import make_office


@pytest.fixture
def office(backend_db):
    return make_office()


def _fields(model) -> dict:
    return {name: getattr(model, name) for name in model._meta.fields}


def test_joined_rows_match_peewees_own_query_for_each_value(office, monkeypatch):
    slrt = service_catalog.get("dpk-slrt")
    first = workflow.register(office["clerk"], slrt, person=office["person"],
                                  checks={1: "ada"})
    second = workflow.register(office["clerk"], slrt, person=office["person"])
    renders = []
    prepared = Prepared(lambda app_id: renders.append(app_id) or (
        Application.select(Application, Service, Person).join(Service).switch(Application)
        .join(Person).where(Application.id == app_id)))
    for app in (first, second, first):
        (got,) = prepared.rows(app.id)
        expected = (Application.select(Application, Service, Person).join(Service)
                    .switch(Application).join(Person).where(Application.id == app.id).get())
        assert _fields(got) == _fields(expected)
        # The joined models arrive with the row, as with peewee's query: no further query.
        assert got.__data__["service"] == slrt.id
        assert _fields(got.service) == _fields(expected.service)
        assert got.person.nik == office["person"].nik
    assert len(renders) == 1  # rendered once, then run with each new id
    assert prepared.rows(-1) == []


def test_service_reads_through_prepared_queries(office):
    slrt = service_catalog.get("dpk-slrt")
    app = workflow.register(office["clerk"], slrt, person=office["person"],
                                checks={1: "ada", 2: "ada"})
    checks = workflow.checks_of(app)
    assert [(c.position, c.state) for c in checks] == [
        (c.position, c.state) for c in RequirementCheck.select()
        .where(RequirementCheck.application == app).order_by(RequirementCheck.position)]
    assert [s.number for s in service_catalog.steps_of(slrt)] == sorted(
        s.number for s in slrt.steps)
    assert [e.action for e in workflow.events_of(app)] == ["registered"]


def test_a_parameter_the_query_drops_is_refused(backend_db):
    prepared = Prepared(lambda app_id: Application.select().where(Application.id > 0))
    with pytest.raises(RuntimeError):
        prepared.rows(1)
