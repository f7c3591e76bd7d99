"""The front desk's registration: a new applicant and the application in one transaction,
a missing requirement confirmed, and the application then waiting for completion."""
import datetime

import pytest

from desktop.errors import ValidationError
from desktop.models import (Application, AuditEntry, Organisation, Person, RequirementCheck,
                            StepEvent, utcnow)
from desktop.services.applications import intake, people, workflow
from desktop.services.catalog import service_catalog
from tests.factories import make_office

DTKS = "mgl-surat-keterangan-dtks"  # one requirement; 20 minutes from receipt
NEW_PERSON = dict(nik="3371024508900002", name="Siti Rahayu",
                  birth_date=datetime.date(1990, 8, 5), sex="P", street="Jl. Pahlawan 3")


@pytest.fixture
def office(backend_db):
    return make_office()


def counts():
    return [model.select().count() for model in (Person, Organisation, Application,
                                                 RequirementCheck, StepEvent, AuditEntry)]


def test_a_new_person_and_the_application_are_saved_together(office):
    app = intake.register(office["clerk"], service_catalog.get(DTKS), new_person=NEW_PERSON,
                          checks={1: "ada"})
    person = people.find_by_nik(NEW_PERSON["nik"])
    assert app.person_id == person.id and person.created_by == "layanan"
    assert app.state == "open" and app.complete_at is not None and app.due_at is not None


def test_a_refused_application_leaves_no_new_person(office):
    before = counts()
    future = utcnow() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        intake.register(office["clerk"], service_catalog.get(DTKS), new_person=NEW_PERSON,
                        checks={1: "ada"}, received_at=future)
    assert refused.value.field == "Waktu diterima"
    assert people.find_by_nik(NEW_PERSON["nik"]) is None and counts() == before


def test_a_missing_requirement_is_named_and_needs_confirmation(office):
    before = counts()
    with pytest.raises(intake.MissingRequirements) as refused:
        intake.register(office["clerk"], service_catalog.get(DTKS), person=office["person"],
                        checks={1: "kurang"})
    requirement = service_catalog.requirements_of(service_catalog.get(DTKS))[0]
    assert refused.value.missing == [requirement]
    assert requirement.text in refused.value.message
    assert counts() == before
    # 'Tidak berlaku' is not missing: nothing to confirm.
    app = intake.register(office["clerk"], service_catalog.get(DTKS), person=office["person"],
                          checks={1: "tidak_berlaku"})
    assert app.state == "open"


def test_confirmed_missing_starts_waiting_with_the_clock_stopped(office):
    received = utcnow() - datetime.timedelta(hours=1)
    app = intake.register(office["clerk"], service_catalog.get(DTKS), new_organisation=dict(
        name="Yayasan Bina Sejahtera", address="Jl. Ahmad Yani 10"), received_at=received,
        accept_missing=True)
    assert app.state == "waiting" and workflow.STATES[app.state] == "Menunggu kelengkapan"
    assert app.waiting_since == received and app.complete_at is None
    assert workflow.due_state(app) == "menunggu"
    assert workflow.available_actions(office["clerk"], app) == ["resume", "withdraw"]
    events = workflow.events_of(app)
    assert [e.action for e in events] == ["incomplete", "registered"]  # the wait from receipt
    assert events[0].comment.startswith("Belum ada: Warga Kota Magelang")
    # The citizen brings it an hour later: the 20 minutes count from then.
    workflow.set_check(office["clerk"], app, workflow.checks_of(app)[0], "ada")
    resumed = workflow.resume(office["clerk"], Application.get_by_id(app.id))
    assert resumed.state == "open" and resumed.waiting_seconds >= 3600
    assert resumed.due_at >= received + datetime.timedelta(minutes=20, hours=1)


def test_one_applicant_only(office):
    with pytest.raises(ValidationError) as refused:
        intake.register(office["clerk"], service_catalog.get(DTKS), person=office["person"],
                        new_person=NEW_PERSON, checks={1: "ada"})
    assert refused.value.field == "Pemohon"
    assert people.find_by_nik(NEW_PERSON["nik"]) is None
