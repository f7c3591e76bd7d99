"""ABH on every backend: the offence decides whether diversion is mandatory; the legal clocks
run in calendar hours across midnight and the weekend; the application's deadline follows the
earliest running clock; bad input is refused; the social report comes from the record and is
signed by its writer."""
import datetime

import pytest

from desktop.cases.abh import KIND, clocks, record, reminders
from desktop.cases.abh.model import AbhCase, AbhEvent
from desktop.errors import ValidationError
from desktop.models import Application, utcnow
from desktop.services.applications import application_query, assignment, workflow
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions, timefmt

from tests.factories import make_person, make_user

SERVICE = "mgl-abh"
CHILD_NIK = "3371024203100002"  # a girl born 2 March 2010
BORN = datetime.date(2010, 3, 2)
H = datetime.timedelta(hours=1)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER, nip="199001012015032001"),
         "other": make_user("peksos2", role=permissions.SOCIAL_WORKER),
         "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")}
    o["child"] = make_person(nik=CHILD_NIK, name="Putri Anjani Lestari", sex="P",
                             birth_date=BORN)
    app = workflow.register(o["clerk"], service_catalog.get(SERVICE), person=o["child"])
    o["app"] = assignment.assign(o["head"], app, "peksos")
    return o


def case(o, existing=None, **changes):
    values = dict(offence_date=datetime.date(2026, 10, 20), offence="Mengambil telepon.",
                  article="Pasal 362 KUHP", threat_months=60, repeat=False,
                  police_report="LP/B/12/X/2026", contacts=[["penyidik", "Aipda Santoso",
                                                             "Unit PPA", ""]],
                  education="SMP", parent_name="Sri (ibu)", parent_address="Jl. Tidar 5")
    values.update(changes)
    return record.save(o["worker"], o["app"], existing, **values)


def event(o, c, kind, at, **extra):
    return record.add_event(o["worker"], o["app"], c, kind=kind, at=at, **extra)


def test_the_kind_and_its_deadline_hook(office):
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND
    assert KIND.child_identity and KIND.deadline is record.deadline


@pytest.mark.parametrize("months, repeat, mandatory", [
    (83, False, True), (84, False, False), (12, True, False)])
def test_diversion_is_mandatory_below_seven_years_and_not_a_repeat(office, months, repeat,
                                                                   mandatory):
    c = case(office, threat_months=months, repeat=repeat)
    assert clocks.diversion_mandatory(c) is mandatory
    assert record.diversion_text(office["app"], c).startswith(
        "Diversi WAJIB" if mandatory else "Diversi tidak wajib")


def test_a_child_under_twelve_follows_its_own_path(office):
    c = case(office, offence_date=datetime.date(2022, 3, 1))  # 11 years old then
    assert "belum berusia 12 tahun" in record.diversion_text(office["app"], c)
    start = AbhEvent(kind="tahap", stage="penyidikan", at=datetime.datetime(2026, 11, 2, 1))
    assert clocks.clocks(c, [start], 11) == []


@pytest.mark.parametrize("changes, field", [
    ({"offence_date": datetime.date(2028, 3, 2)}, "Tanggal perbuatan"),  # in the future
    ({"offence_date": datetime.date(2009, 1, 1)}, "Tanggal perbuatan"),  # before her birth
    ({"threat_months": -1}, "Ancaman pidana"),
    ({"article": ""}, "Pasal yang disangkakan"),
    ({"contacts": [["penyidik", "", "", ""]]}, "Nama pihak 1"),
])
def test_bad_case_input_is_refused_and_nothing_is_saved(office, changes, field):
    with pytest.raises(ValidationError) as caught:
        case(office, **changes)
    assert caught.value.field == field
    assert AbhCase.select().count() == 0


def test_a_child_of_eighteen_at_the_offence_is_refused(office):
    with pytest.raises(ValidationError) as caught:
        case(office, offence_date=datetime.date(2028, 3, 2), now=datetime.datetime(2028, 3, 3))
    assert "18 tahun" in caught.value.message
    assert case(office, offence_date=datetime.date(2028, 3, 1),
                now=datetime.datetime(2028, 3, 3)).threat_months == 60  # 17 the day before


def test_the_report_clock_runs_over_midnight_and_the_weekend(office):
    c = case(office)
    friday_night = datetime.datetime(2026, 11, 27, 15, 0)  # Friday 22.00 WIB, naive UTC
    request = AbhEvent(kind="permintaan_laporan", at=friday_night)
    (clock,) = clocks.clocks(c, [request])
    assert clock.due == datetime.datetime(2026, 11, 30, 15, 0)  # Monday 22.00 WIB: 72 hours
    assert clock.state(clock.due - 24 * H - datetime.timedelta(minutes=1), 24) == "berjalan"
    assert clock.state(clock.due - 24 * H, 24) == "segera"
    assert clock.state(clock.due, 24) == "segera"
    assert clock.state(clock.due + datetime.timedelta(minutes=1), 24) == "terlambat"
    assert clocks.left_text(clock, clock.due - 5 * H - 20 * datetime.timedelta(minutes=1)) == \
        "tinggal 5 jam 20 menit"
    sent = AbhEvent(kind="laporan_dikirim", at=clock.due + H)
    (late,) = clocks.clocks(c, [request, sent])
    assert late.done == clock.due + H and late.state(clock.due + 2 * H, 24) == "terlambat"


def test_diversion_clocks_at_each_stage(office):
    c = case(office)
    start = datetime.datetime(2026, 11, 2, 2, 0)
    events = [AbhEvent(kind="tahap", stage="penyidikan", at=start)]
    (attempt,) = clocks.clocks(c, events)
    assert attempt.due == start + datetime.timedelta(days=7) and attempt.done is None
    talk = AbhEvent(kind="musyawarah", stage="penyidikan", at=start + 48 * H, result="")
    attempt, finish = clocks.clocks(c, events + [talk])
    assert attempt.done == talk.at and finish.due == talk.at + datetime.timedelta(days=30)
    agreed = AbhEvent(kind="musyawarah", stage="penyidikan", at=talk.at + 96 * H,
                      result="sepakat")
    assert clocks.clocks(c, events + [talk, agreed])[1].done == agreed.at
    not_mandatory = case(office, AbhCase.get_by_id(c.id), threat_months=96)
    assert clocks.clocks(not_mandatory, events) == []


def test_the_application_deadline_follows_the_running_clocks(office):
    o = office
    c = case(o)
    now = utcnow()
    request_at = timefmt.to_local(now - 60 * H).replace(tzinfo=None, second=0, microsecond=0)
    event(o, c, "permintaan_laporan", request_at, reference="B/12/XI/2026")
    app = Application.get_by_id(o["app"].id)
    assert app.due_at == timefmt.to_utc(request_at) + 72 * H
    assert app.due_soon_at == app.due_at - 24 * H
    soon = ApplicationFilter(due="segera")
    assert o["app"].id in [r.id for r in application_query.page(o["worker"], soon)]
    # returned for completion and resumed: the kind's clock stays the deadline
    app = workflow.decide(o["clerk"], app, "return", "Akta kelahiran anak belum ada.")
    app = workflow.resume(o["clerk"], app, "Akta kelahiran dibawa ibunya.")
    assert app.due_at == timefmt.to_utc(request_at) + 72 * H
    event(o, c, "laporan_dikirim", request_at + 30 * H)
    assert Application.get_by_id(o["app"].id).due_at is None


def test_events_are_refused_when_they_cannot_be_true(office):
    o = office
    c = case(o)
    with pytest.raises(ValidationError) as caught:  # before the offence
        event(o, c, "sesi", datetime.datetime(2026, 10, 19, 9, 0), people="Anak, ibu",
              note="Pendampingan")
    assert caught.value.field == "Waktu" and "sebelum tanggal perbuatan" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        event(o, c, "sesi", datetime.datetime.now() + datetime.timedelta(days=2),
              people="Anak", note="x")
    assert caught.value.field == "Waktu"
    with pytest.raises(ValidationError) as caught:
        event(o, c, "laporan_dikirim", datetime.datetime(2026, 10, 25, 9, 0))
    assert "permintaan laporan sosial" in caught.value.message
    with pytest.raises(ValidationError) as caught:  # a ruling needs the court's case number
        event(o, c, "tahap", datetime.datetime(2026, 10, 25, 9, 0), stage="putusan")
    assert "nomor perkara" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        event(o, c, "musyawarah", datetime.datetime(2026, 10, 25, 9, 0), stage="penyidikan",
              people="Penyidik, anak", result="sepakat")
    assert caught.value.field == "Isi kesepakatan"
    assert AbhEvent.select().count() == 0
    c = case(o, AbhCase.get_by_id(c.id), court_case="12/Pid.Sus-Anak/2026/PN Mgg")
    event(o, c, "tahap", datetime.datetime(2026, 11, 25, 9, 0), stage="putusan")
    with pytest.raises(ValidationError) as caught:  # once ruled, the number stays
        case(o, AbhCase.get_by_id(c.id), court_case="")
    assert caught.value.field == "Nomor perkara"
    assert AbhCase.get_by_id(c.id).stage == "putusan"


def test_the_social_report_is_signed_by_its_writer(office):
    o = office
    c = case(o)
    with pytest.raises(ValidationError) as caught:
        lifecycle.draft(o["worker"], o["app"], signer=o["head"], template_key=record.TEMPLATE)
    assert "asesmen" in caught.value.message
    event(o, c, "permintaan_laporan", datetime.datetime(2026, 10, 21, 9, 0),
          reference="B/77/X/2026")
    c = record.save_report(o["worker"], o["app"], AbhCase.get_by_id(c.id),
                           assessment="Anak tinggal bersama ibu.",
                           recommendation="Diversi, kembali kepada orang tua.")
    letter = lifecycle.draft(o["worker"], o["app"], signer=o["head"],
                             template_key=record.TEMPLATE)
    values = context.build(letter, application=o["app"])
    assert values["social_worker_name"] == o["worker"].full_name
    assert values["social_worker_nip"].replace(" ", "") == "199001012015032001"
    assert values["request_reference"] == ("surat permintaan penyidik Nomor B/77/X/2026 "
                                           "tanggal 21 Oktober 2026")
    assert values["nature"] == "Rahasia" and values["tembusan"] == []
    assert values["case_article"] == "Pasal 362 KUHP (ancaman 5 tahun)"
    lifecycle.submit(o["worker"], letter)
    with pytest.raises(ValidationError) as caught:  # what the report states stays as it is
        record.save_report(o["worker"], o["app"], AbhCase.get_by_id(c.id),
                           assessment="Lain.", recommendation="Lain.")
    assert "menunggu paraf" in caught.value.message


def test_the_assigned_worker_is_reminded_with_initials_only(office):
    o = office
    c = case(o)
    at = timefmt.to_local(utcnow() - 80 * H).replace(tzinfo=None, second=0, microsecond=0)
    event(o, c, "permintaan_laporan", at)
    found = reminders.due(o["worker"], None)
    assert len(found) == 1 and found[0].urgent and found[0].application_id == o["app"].id
    assert "P.A.L." in found[0].text and "Putri" not in found[0].text
    assert "lewat" in found[0].text
    assert reminders.due(o["other"], None) == []
    row = application_query.page(o["worker"], ApplicationFilter())[0]
    assert (row.applicant, row.nik) == ("P.A.L.", "")


def test_the_record_cannot_be_made_to_contradict_itself(office):
    o = office
    c = case(o)
    event(o, c, "tahap", datetime.datetime(2026, 10, 22, 9, 0), stage="penyidikan")
    with pytest.raises(ValidationError) as caught:  # the offence after its first event
        case(o, AbhCase.get_by_id(c.id), offence_date=datetime.date(2026, 10, 23))
    assert caught.value.field == "Tanggal perbuatan"
    event(o, c, "permintaan_laporan", datetime.datetime(2026, 10, 22, 10, 0))
    with pytest.raises(ValidationError) as caught:  # delivered before it was asked for
        event(o, c, "laporan_dikirim", datetime.datetime(2026, 10, 22, 9, 30))
    assert caught.value.field == "Waktu"
    with pytest.raises(ValidationError) as caught:  # a deliberation of a stage not begun
        event(o, c, "musyawarah", datetime.datetime(2026, 10, 23, 9, 0), stage="penuntutan",
              people="Jaksa, anak")
    assert caught.value.field == "Tahap"
    event(o, c, "tahap", datetime.datetime(2026, 10, 30, 9, 0), stage="penuntutan")
    with pytest.raises(ValidationError) as caught:  # back to an earlier stage
        event(o, c, "tahap", datetime.datetime(2026, 10, 31, 9, 0), stage="penyidikan")
    assert "tahap berikutnya" in caught.value.message


def test_a_stage_left_behind_closes_its_clocks(office):
    o = office
    c = case(o)
    first = datetime.datetime(2026, 11, 2, 2, 0)
    events = [AbhEvent(kind="tahap", stage="penyidikan", at=first),
              AbhEvent(kind="tahap", stage="penuntutan", at=first + datetime.timedelta(days=9))]
    old, current = clocks.clocks(c, events)
    assert old.done == events[1].at and old.state(utcnow(), 24) == "terlambat"  # left late
    assert current.done is None
    due, _ = clocks.open_due(c, events)
    assert due == events[1].at + datetime.timedelta(days=7)  # the current stage's, not the old


def test_events_leave_the_application_version_alone(office):
    o = office
    c = case(o)
    before = Application.get_by_id(o["app"].id).version
    event(o, c, "permintaan_laporan", datetime.datetime(2026, 11, 30, 9, 0))
    after = Application.get_by_id(o["app"].id)
    assert after.version == before and after.due_at is not None


def test_under_twelve_through_the_recorded_birth_date(office):
    o = office
    c = case(o, offence_date=datetime.date(2022, 3, 1))  # she was 11
    event(o, c, "tahap", datetime.datetime(2026, 11, 2, 9, 0), stage="penyidikan")
    assert record.deadline(o["app"]) is None  # no diversion clock for a child under 12


def test_the_social_worker_step_waits_for_an_assignment(office):
    o = office
    app = workflow.register(o["clerk"], service_catalog.get(SERVICE), person=o["child"])
    app = workflow.complete_step(o["clerk"], app)  # the front office's step
    assert app.current_actor == permissions.HEAD
    with pytest.raises(ValidationError) as caught:
        workflow.decide(o["head"], app, "approve", "Tugaskan pekerja sosial") \
            if workflow.is_decision_step(app) else workflow.complete_step(o["head"], app)
    assert caught.value.field == "Pekerja sosial"
    app = assignment.assign(o["head"], workflow.get(app.id, o["head"]), "peksos")
    app = (workflow.decide(o["head"], app, "approve", "Tugaskan pekerja sosial")
           if workflow.is_decision_step(app) else workflow.complete_step(o["head"], app))
    assert app.current_actor == permissions.SOCIAL_WORKER


def test_an_empty_case_form_is_refused_field_by_field_at_once(office):
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        case(office, offence_date=None, offence="", article=" ", threat_months=None,
             contacts=[["penyidik", "", "", ""]])
    fields = [e.field for e in caught.value.errors]
    assert fields == ["Tanggal perbuatan", "Perbuatan", "Pasal yang disangkakan",
                      "Ancaman pidana", "Nama pihak 1"]
    assert tuple(fields[:4]) == record.REQUIRED
    assert AbhCase.select().count() == 0


@pytest.mark.parametrize("stage", record.STAGES)
def test_required_fields_asks_the_court_case_once_ruled(office, stage):
    from desktop.errors import ValidationErrors

    ruled = stage in ("putusan", "pasca_putusan")
    assert record.required_fields(stage) == record.REQUIRED + (("Nomor perkara",) if ruled
                                                               else ())
    c = case(office)
    AbhCase.update(stage=stage).where(AbhCase.id == c.id).execute()
    with pytest.raises(ValidationErrors) as caught:
        case(office, AbhCase.get_by_id(c.id), offence_date=None, offence="", article="",
             threat_months=None, court_case="")
    assert tuple(e.field for e in caught.value.errors) == record.required_fields(stage)
