"""Sensitive cases (adoption, ABH, referrals) are read only by the roles that work them and by
whoever registered them, on every path; others do not learn they exist."""
import datetime

import pytest

from desktop.errors import NotFound, PelitaError, PermissionDenied
from desktop.models import AuditEntry, Letter, Service
from desktop.services.admin import audit_query, users
from desktop.services.applications import application_query, case_access, people, workflow
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.catalog import service_catalog
from desktop.services.letters import lifecycle
from desktop.services.shared import permissions
from tests.factories import make_person, make_user, submit_complete
from tests.letters.test_letters_lifecycle import referral_case, setup_office

CHILD_NIK = "3371014107150003"
# A street child referred to the balai: read by the kepala and pekerja sosial roles.
REFERRAL = "mgt-26-rekomendasi-anjal-at"


@pytest.fixture
def office(backend_db):
    o = setup_office()
    o["piket"] = make_user("piket", role=permissions.DUTY_OFFICER)
    o["clerk2"] = make_user("layanan2", role=permissions.FRONT_OFFICE)
    o["child"] = make_person(nik=CHILD_NIK, name="Putri Anjani", sex="P",
                             birth_date=datetime.date(2015, 7, 1))
    o["case"] = referral_case(o, workflow.register(o["clerk"], service_catalog.get(REFERRAL),
                                                   person=o["child"]))
    o["letter"] = submit_complete(o["worker"], lifecycle.draft(
        o["worker"], o["case"], signer=o["head"]))
    return o


def readers(o):
    return [o["head"], o["worker"], o["clerk"]]  # kepala, pekerja sosial, the registrar


def outsiders(o):
    return [o["piket"], o["clerk2"], o["admin"]]


def test_the_shipped_catalog_marks_children_and_referral_cases(backend_db):
    service_catalog.load_shipped()
    sensitive = {s.code for s in Service.select().where(Service.sensitive)}
    assert {REFERRAL, "mgl-pengangkatan-anak", "mgl-abh", "mgt-28-abh", "mgt-23-rekomendasi-odgj",
            "mgt-25-rekomendasi-tuna-susila-brskw"} <= sensitive
    assert "dpk-slrt" not in sensitive and "mgl-mobil-jenazah" not in sensitive
    assert case_access.readers_of(service_catalog.get(REFERRAL)) == {"kepala", "pekerja_sosial"}
    # a child's case: the kepala, and the social worker assigned to it (tests/cases/test_child_access.py)
    assert case_access.readers_of(service_catalog.get("mgl-abh")) == {"kepala"}


def test_lists_counts_and_tasks_hide_the_case_from_outsiders(office):
    o = office
    everything = ApplicationFilter()
    for actor in readers(o):
        ids = [r.id for r in application_query.page(actor, everything)]
        assert o["case"].id in ids and application_query.count(actor, everything) == 2
    for actor in outsiders(o):
        ids = [r.id for r in application_query.page(actor, everything)]
        assert o["case"].id not in ids and o["application"].id in ids
        assert application_query.count(actor, everything) == 1
        by_nik = ApplicationFilter(text=CHILD_NIK[:10])
        assert application_query.page(actor, by_nik) == []
        assert application_query.count(actor, by_nik) == 0
        assert application_query.page(actor, ApplicationFilter(text="putri")) == []
        assert application_query.page(actor, ApplicationFilter(person_id=o["child"].id)) == []
    # The task badge of a front-office clerk who did not register it leaves it out.
    at_front_office = ApplicationFilter(actor_role=permissions.FRONT_OFFICE)
    assert application_query.task_count(o["clerk"]) == application_query.count(
        permissions.SystemActor(role=permissions.FRONT_OFFICE), at_front_office)
    assert application_query.task_count(o["clerk2"]) == application_query.task_count(
        o["clerk"]) - (o["case"].current_actor == permissions.FRONT_OFFICE)


def test_opening_editing_and_withdrawing_are_refused_to_outsiders(office):
    o = office
    for actor in outsiders(o):
        with pytest.raises(NotFound) as caught:
            workflow.get(o["case"].id, actor)
        assert "Putri" not in caught.value.message and CHILD_NIK not in caught.value.message
        with pytest.raises(PelitaError):
            workflow.history(actor, o["case"])
    for actor in (o["piket"], o["clerk2"]):
        with pytest.raises(NotFound):
            workflow.withdraw(actor, o["case"], "dicabut")
        with pytest.raises(NotFound):
            people.update_person(actor, o["child"], phone="081299990000")
        with pytest.raises(NotFound):
            workflow.attach(actor, o["case"], "ktp.pdf", b"%PDF-1.4 x")
    assert workflow.get(o["case"].id, o["head"]).state == "open"
    assert workflow.get(o["case"].id, o["clerk"]).id == o["case"].id


def test_the_person_is_not_found_by_outsiders(office):
    o = office
    for actor in outsiders(o):
        assert people.search_people(actor, "putri") == []
        assert people.search_people(actor, CHILD_NIK[:8]) == []
        assert people.lookup_nik(actor, CHILD_NIK) is None
        with pytest.raises(NotFound):
            people.get(actor, o["child"].id)
    for actor in readers(o):
        assert [p.id for p in people.search_people(actor, "putri")] == [o["child"].id]
    # Registering the child again names no one to an outsider.
    with pytest.raises(PelitaError) as caught:
        people.register_person(o["piket"], nik=CHILD_NIK, name="Siapa Saja", sex="P",
                               birth_date=datetime.date(2015, 7, 1), street="Jl. A",
                               rt="001", rw="001", kelurahan="Magersari",
                               kecamatan="Magelang Selatan", city="Kota Magelang")
    assert "Putri" not in caught.value.message


def test_letters_and_their_files_are_closed_to_outsiders(office):
    o = office
    letter = lifecycle.paraf(o["coordinator"], o["letter"])
    letter = lifecycle.sign(o["head"], letter)
    for actor in outsiders(o):
        queued = [row.id for row in lifecycle.queue(actor)]
        assert letter.id not in queued
        with pytest.raises(NotFound):
            lifecycle.get(letter.id, actor)
        with pytest.raises(PelitaError):
            lifecycle.pdf_of(actor, letter)
    with pytest.raises(PelitaError):
        lifecycle.hand_over(o["piket"], letter)
    assert letter.id in [row.id for row in lifecycle.queue(o["worker"])]
    assert lifecycle.get(letter.id, o["worker"]).state == "signed"


def test_the_audit_trail_hides_the_case_from_an_administrator(office):
    o = office
    workflow.get(o["case"].id, o["head"])  # a reading, recorded
    about_case = (AuditEntry.table_name == "application") & (
        AuditEntry.record_id == o["case"].id)
    assert AuditEntry.select().where(about_case).count() >= 2
    admin_rows = audit_query.fetch(o["admin"], audit_query.AuditFilter(), 0, 1000)
    assert not [e for e in admin_rows if e.table_name == "application"
                and e.record_id == o["case"].id]
    assert not [e for e in admin_rows if e.table_name == "person"
                and e.record_id == o["child"].id]
    assert not [e for e in admin_rows if e.table_name == "letter"
                and e.record_id == o["letter"].id]
    head_rows = audit_query.fetch(o["head"], audit_query.AuditFilter(), 0, 1000)
    assert [e for e in head_rows if e.table_name == "application"
            and e.record_id == o["case"].id]
    assert audit_query.count(o["admin"]) == len(admin_rows)


def test_the_administrator_changes_who_reads_a_service(office):
    o = office
    service = service_catalog.get(REFERRAL)
    limit = service_catalog.time_limit(service)
    service_catalog.update_service(o["admin"], service, name=service.name, limit_kind=service.limit_kind,
                           limit_value=service.limit_value, limit_starts=service.limit_starts,
                           limit_note=service.limit_note, fee=service.fee,
                           product=service.product, active=service.active,
                           readers=[permissions.HEAD, permissions.DUTY_OFFICER])
    assert limit is not None
    assert workflow.get(o["case"].id, o["piket"]).id == o["case"].id
    with pytest.raises(NotFound):
        workflow.get(o["case"].id, o["worker"])


def test_only_administrators_list_users_and_no_hash_leaves(office):
    o = office
    for actor in (o["piket"], o["clerk"], o["head"], o["worker"]):
        with pytest.raises(PermissionDenied):
            users.list_users(actor)
    listed = users.list_users(o["admin"])
    assert listed and all(u.password_hash is None for u in listed)
    assert all(u.password_hash is None for u in users.signers(o["piket"]))
    assert {u.username for u in users.signers(o["piket"])} == {"kabid", "koord"}


def test_letters_without_a_sensitive_case_stay_visible(office):
    o = office
    letter = submit_complete(o["clerk"], lifecycle.draft(o["clerk"], o["application"],
                                                         signer=o["head"]))
    assert letter.id in [row.id for row in lifecycle.queue(o["clerk2"])]
    assert Letter.select().count() == 2
