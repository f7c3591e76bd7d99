"""A child's case (adoption, ABH) is read by the kepala, the social worker assigned to it and
the officer who registered it, on every path (list, count, search, task badge, reminders, the
person, letters, history); every other role and worker sees at most a count of nothing. Lists
name the child by initials only."""
import datetime

import pytest

from desktop.cases.abh import record as abh_record
from desktop.cases.abh import reminders as abh_reminders
from desktop.cases.adopsi import record as adoption
from desktop.errors import NotFound, PelitaError, PermissionDenied
from desktop.services.admin import audit_query
from desktop.services.applications import application_query, assignment, people, workflow
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.catalog import service_catalog
from desktop.services.letters import lifecycle
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow

from tests.cases.test_adopsi import HUSBAND, WIFE, child, facts
from tests.factories import make_person, make_user

ABH_CHILD_NIK = "3371024203100002"


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "clerk2": make_user("layanan2", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
         "worker2": make_user("peksos2", role=permissions.SOCIAL_WORKER),
         "head": make_user("kadis", role=permissions.HEAD),
         "admin": make_user("admin", role=permissions.ADMIN),
         "piket": make_user("piket", role=permissions.DUTY_OFFICER)}
    o["abh_child"] = make_person(nik=ABH_CHILD_NIK, name="Putri Anjani", sex="P",
                                 birth_date=datetime.date(2010, 3, 2))
    abh = workflow.register(o["clerk"], service_catalog.get("mgl-abh"), person=o["abh_child"])
    o["abh"] = assignment.assign(o["head"], abh, "peksos")
    o["abh_case"] = abh_record.save(
        o["worker"], o["abh"], None, offence_date=datetime.date(2026, 10, 20),
        offence="Mengambil telepon.", article="Pasal 362 KUHP", threat_months=60, repeat=False)
    at = timefmt.to_local(utcnow() - datetime.timedelta(hours=60)).replace(
        tzinfo=None, second=0, microsecond=0)
    abh_record.add_event(o["worker"], o["abh"], o["abh_case"], kind="permintaan_laporan", at=at)
    couple = make_person(nik=HUSBAND["nik"], name=HUSBAND["name"],
                         birth_date=datetime.date(1984, 7, 15))
    adopt = workflow.register(o["clerk"], service_catalog.get("mgl-pengangkatan-anak"),
                              person=couple)
    o["adoption"] = assignment.assign(o["head"], adopt, "peksos")
    o["adoption_case"] = adoption.save(o["worker"], o["adoption"], None, route="pasangan_wni",
                                       child=child(name="Bayu Pratama"), husband=HUSBAND,
                                       wife=WIFE, facts=facts())
    o["plain"] = workflow.register(o["clerk2"], service_catalog.get("mgl-mobil-jenazah"),
                                   person=make_person(nik="3371011503850001"))
    return o


def readers(o):
    return [o["head"], o["worker"], o["clerk"]]


def outsiders(o):
    return [o["worker2"], o["clerk2"], o["admin"], o["piket"]]


def cases(o):
    return {o["abh"].id, o["adoption"].id}


def test_lists_counts_search_and_badges(office):
    o = office
    everything = ApplicationFilter()
    for actor in readers(o):
        assert cases(o) <= {r.id for r in application_query.page(actor, everything)}
        assert application_query.count(actor, everything) == 3
    for actor in outsiders(o):
        ids = {r.id for r in application_query.page(actor, everything)}
        assert not ids & cases(o) and o["plain"].id in ids
        assert application_query.count(actor, everything) == 1
        for text in ("putri", ABH_CHILD_NIK[:10], "agus setiawan", HUSBAND["nik"][:10]):
            assert application_query.page(actor, ApplicationFilter(text=text)) == []
        assert not {r.id for r in application_query.my_tasks(actor)} & cases(o)
        assert application_query.task_count(actor) == (actor.role == permissions.FRONT_OFFICE)
        assert abh_reminders.due(actor, None) == []
    assert len(abh_reminders.due(o["worker"], None)) == 1


def test_lists_name_the_child_by_initials_only(office):
    o = office
    rows = {r.id: r for r in application_query.page(o["head"], ApplicationFilter())}
    assert (rows[o["abh"].id].applicant, rows[o["abh"].id].nik) == ("P.A.", "")
    assert rows[o["adoption"].id].applicant == "A.S."  # the COTA's, in a child's case
    assert rows[o["plain"].id].applicant == "Agus Prasetyo"
    full = workflow.get(o["abh"].id, o["head"])  # the case's own screen: in full
    assert full.person.name == "Putri Anjani"


def test_the_people_of_the_cases_are_hidden(office):
    o = office
    kid = o["adoption_case"].child
    for actor in outsiders(o):
        for text in ("putri", "bayu", "dewi", ABH_CHILD_NIK[:8]):
            assert people.search_people(actor, text) == []
        assert people.lookup_nik(actor, WIFE["nik"]) is None
        for person_id in (kid.id, o["abh_child"].id):
            with pytest.raises(NotFound):
                people.get(actor, person_id)
    for actor in readers(o):
        assert [p.id for p in people.search_people(actor, "bayu")] == [kid.id]


def test_opening_and_writing_are_refused_to_outsiders(office):
    o = office
    for actor in outsiders(o):
        for app in (o["abh"], o["adoption"]):
            with pytest.raises(NotFound) as caught:
                workflow.get(app.id, actor)
            assert "Putri" not in caught.value.message and "Bayu" not in caught.value.message
    with pytest.raises(NotFound):
        abh_record.save_report(o["worker2"], o["abh"], o["abh_case"], assessment="x",
                               recommendation="y")
    with pytest.raises(PermissionDenied):
        assignment.assign(o["worker"], o["abh"], "peksos2")


def test_a_reassigned_case_leaves_the_first_worker(office):
    o = office
    assignment.assign(o["head"], workflow.get(o["abh"].id, o["head"]), "peksos2")
    with pytest.raises(NotFound):
        workflow.get(o["abh"].id, o["worker"])
    assert workflow.get(o["abh"].id, o["worker2"]).assigned_to == "peksos2"
    assert abh_reminders.due(o["worker"], None) == []
    assert len(abh_reminders.due(o["worker2"], None)) == 1
    with pytest.raises(PelitaError) as caught:  # only active social workers
        assignment.assign(o["head"], workflow.get(o["abh"].id, o["head"]), "piket")
    assert caught.value.field == "Pekerja sosial"


def test_letters_and_history_are_closed_to_outsiders(office):
    o = office
    c = abh_record.save_report(o["worker"], o["abh"], o["abh_case"], assessment="Asesmen.",
                               recommendation="Diversi.")
    assert c.written_by == "peksos"
    letter = lifecycle.draft(o["worker"], o["abh"], signer=o["head"],
                             template_key=abh_record.TEMPLATE)
    for actor in outsiders(o):
        assert letter.id not in [row.id for row in lifecycle.queue(actor)]
        with pytest.raises(NotFound):
            lifecycle.get(letter.id, actor)
    assert letter.id in [row.id for row in lifecycle.queue(o["worker"])]
    admin_rows = audit_query.fetch(o["admin"], audit_query.AuditFilter(), 0, 1000)
    tables = {"abh_case", "abh_event", "adoption_case", "application", "letter", "person"}
    hidden_ids = {("abh_case", o["abh_case"].id), ("adoption_case", o["adoption_case"].id),
                  ("application", o["abh"].id), ("application", o["adoption"].id),
                  ("letter", letter.id), ("person", o["abh_child"].id),
                  ("person", o["adoption_case"].child_id)}
    seen = {(e.table_name, e.record_id) for e in admin_rows if e.table_name in tables}
    assert not seen & hidden_ids
    head_rows = audit_query.fetch(o["head"], audit_query.AuditFilter(), 0, 1000)
    assert hidden_ids <= {(e.table_name, e.record_id) for e in head_rows}


def test_people_and_stages_recorded_by_mistake_stay_closed(office):
    o = office
    wrong = {**WIFE, "nik": "3371024409860011"}  # mistyped, then corrected
    case = adoption.save(o["worker"], o["adoption"], o["adoption_case"], route="pasangan_wni",
                         child=child(name="Bayu Pratama"), husband=HUSBAND, wife=wrong,
                         facts=facts())
    case = adoption.save(o["worker"], o["adoption"], adoption.read(o["adoption"]),
                         route="pasangan_wni", child=child(name="Bayu Pratama"),
                         husband=HUSBAND, wife=WIFE, facts=facts())
    for actor in outsiders(o):
        assert people.lookup_nik(actor, wrong["nik"]) is None
        assert people.search_people(actor, "dewi") == []
    stage = adoption.add_event(o["worker"], o["adoption"], case, stage="pemeriksaan_berkas",
                               on_date=timefmt.to_local(utcnow()).date())
    adoption.cancel_event(o["worker"], o["adoption"], stage)
    assert adoption.events_of(o["adoption"].id) == []
    admin_rows = audit_query.fetch(o["admin"], audit_query.AuditFilter(), 0, 1000)
    assert not [e for e in admin_rows if e.table_name == "adoption_event"]
    head_rows = audit_query.fetch(o["head"], audit_query.AuditFilter(), 0, 1000)
    assert {e.action for e in head_rows if e.table_name == "adoption_event"
            and e.record_id == stage.id} >= {"create", "update"}
