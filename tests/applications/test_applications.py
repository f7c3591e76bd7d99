"""Applications through their procedure, with deadlines, on every backend."""
import datetime

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Application, AuditEntry, utcnow
from desktop.services.admin import settings
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from tests.factories import make_office


@pytest.fixture
def office(backend_db):
    return make_office()


def test_register_numbers_checklist_and_deadline(office):
    slrt = service_catalog.get("dpk-slrt")
    app = workflow.register(office["clerk"], slrt, person=office["person"],
                                checks={1: "ada", 2: "ada"})
    year = datetime.date.today().year
    assert app.reg_number == f"00001/REG/{year}"
    checks = workflow.checks_of(app)
    assert len(checks) == len(service_catalog.requirements_of(slrt))
    assert [c.state for c in checks[:3]] == ["ada", "ada", "kurang"]
    assert app.complete_at is None  # not everything ticked
    assert app.due_at is not None  # SLRT runs from receipt: 5 working days
    assert app.current_actor == permissions.FRONT_OFFICE
    second = workflow.register(office["clerk"], slrt, person=office["person"])
    assert second.reg_number == f"00002/REG/{year}"


def test_number_pattern_is_a_setting(office):
    settings.set_value(office["admin"], "applications.number_pattern", "{seq:04d}/{roman}/{year}")
    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"), person=office["person"])
    assert app.reg_number.startswith("0001/")
    with pytest.raises(ValidationError):
        settings.set_value(office["admin"], "applications.number_pattern", "{tahun}")


def test_lks_clock_starts_at_complete_documents(office):
    lks = service_catalog.get("mgl-tanda-daftar-lks")
    app = workflow.register(office["clerk"], lks, organisation=None, person=office["person"])
    assert app.due_at is None  # the 7 working days have not started
    checks = workflow.checks_of(app)
    for check in checks:
        workflow.set_check(office["clerk"], app, check, "ada")
    app = Application.get_by_id(app.id)
    assert app.complete_at is not None and app.due_at is not None


def test_steps_follow_the_seed_roles_and_decisions_need_comments(office):
    slrt = service_catalog.get("dpk-slrt")
    steps = service_catalog.steps_of(slrt)
    app = workflow.register(office["clerk"], slrt, person=office["person"])
    actors = {"petugas_layanan": office["clerk"], "pekerja_sosial": office["worker"],
              "kepala": office["head"]}
    for step in steps:
        app = Application.get_by_id(app.id)
        role = workflow.acting_role(step.actor)
        assert app.current_step == step.number and app.current_actor == role
        wrong = office["worker"] if role != permissions.SOCIAL_WORKER else office["clerk"]
        with pytest.raises(PermissionDenied) as caught:
            workflow.complete_step(wrong, app)
        assert f"Langkah {step.number}" in caught.value.message
        if role == permissions.HEAD:
            with pytest.raises(ValidationError) as caught:
                workflow.decide(actors[role], app, "approve", "")
            assert caught.value.field == "Catatan"
            app = workflow.decide(actors[role], app, "approve", "Layak")
        else:
            app = workflow.complete_step(actors[role], app)
    assert app.state == "completed" and app.closed_at is not None
    assert workflow.available_actions(office["clerk"], app) == []


def test_returned_for_completion_time_is_not_the_officers(office):
    slrt = service_catalog.get("dpk-slrt")
    app = workflow.register(office["clerk"], slrt, person=office["person"])
    due_before = app.due_at
    app = workflow.decide(office["clerk"], app, "return", "KK belum dibawa")
    assert app.state == "waiting"
    far_later = utcnow() + datetime.timedelta(days=60)
    assert workflow.due_state(app, now=far_later) == "menunggu"  # paused, never late
    # Pretend the citizen took three weeks.
    Application.update(waiting_since=utcnow() - datetime.timedelta(days=21)).where(
        Application.id == app.id).execute()
    from desktop.models import StepEvent

    StepEvent.update(at=utcnow() - datetime.timedelta(days=21)).where(
        (StepEvent.application == app.id) & (StepEvent.action == "return")).execute()
    app = workflow.resume(office["clerk"], Application.get_by_id(app.id), "KK dibawa")
    assert app.state == "open"
    assert workflow.waiting_time(app) >= datetime.timedelta(days=21)
    assert app.due_at - due_before >= datetime.timedelta(days=19)  # 15 working days later
    assert workflow.due_state(app) == "normal"


def test_only_the_head_rejects_and_closed_cases_take_no_steps(office):
    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"), person=office["person"])
    with pytest.raises(ValidationError):
        workflow.decide(office["clerk"], app, "reject", "tidak layak")
    app = workflow.withdraw(office["clerk"], app, "Pemohon pindah domisili")
    assert app.state == "withdrawn"
    with pytest.raises(ValidationError):
        workflow.complete_step(office["clerk"], app)


def test_minutes_limit_and_due_states(office):
    dtks = service_catalog.get("mgl-surat-keterangan-dtks")
    received = utcnow() - datetime.timedelta(minutes=30)
    app = workflow.register(office["clerk"], dtks, person=office["person"],
                                received_at=received)
    assert app.due_at == received + datetime.timedelta(minutes=20)
    assert workflow.due_state(app) == "terlambat"
    assert workflow.due_state(app, now=received + datetime.timedelta(minutes=16)) == "segera"
    assert workflow.due_state(app, now=received + datetime.timedelta(minutes=2)) == "normal"
    hearse = workflow.register(office["clerk"], service_catalog.get("mgl-mobil-jenazah"),
                                   person=office["person"])
    assert hearse.due_at is None and workflow.due_state(hearse) == "tanpa_batas"


def test_attachments_are_checked_and_stored_with_checksum(office):
    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"), person=office["person"])
    pdf = b"%PDF-1.4\n" + b"x" * 1000
    att = workflow.attach(office["clerk"], app, "ktp.pdf", pdf)
    assert att.mime == "application/pdf" and att.size == len(pdf)
    assert workflow.attachment_data(permissions.SYSTEM, att.id)[1] == pdf
    with pytest.raises(ValidationError) as caught:
        workflow.attach(office["clerk"], app, "virus.exe", b"MZ\x90\x00")
    assert "bukan PDF" in caught.value.reason
    settings.set_value(office["admin"], "attachments.max_mb", 1)
    with pytest.raises(ValidationError) as caught:
        workflow.attach(office["clerk"], app, "besar.pdf", b"%PDF-" + b"0" * (2 << 20))
    assert "melebihi batas 1 MB" in caught.value.reason


def test_bad_registration_input(office):
    slrt = service_catalog.get("dpk-slrt")
    with pytest.raises(ValidationError) as caught:
        workflow.register(office["clerk"], slrt)
    assert caught.value.field == "Pemohon"
    with pytest.raises(ValidationError) as caught:
        workflow.register(office["clerk"], slrt, person=office["person"], channel="pos")
    assert caught.value.field == "Cara permohonan"
    with pytest.raises(PermissionDenied):
        workflow.register(office["head"], slrt, person=office["person"])
    assert not Application.select().exists()


def test_opening_a_child_protection_case_records_the_viewer(office):
    abh = service_catalog.get("mgl-abh")
    app = workflow.register(office["worker"], abh, person=office["person"])
    workflow.get(app.id, office["head"])
    views = AuditEntry.select().where((AuditEntry.action == "view")
                                      & (AuditEntry.record_id == app.id))
    assert [v.username for v in views] == ["kabid"]
    dtks = workflow.register(office["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                                 person=office["person"])
    workflow.get(dtks.id, office["head"])
    assert AuditEntry.select().where(AuditEntry.action == "view").count() == 1


def test_two_pcs_ticking_the_same_requirement_conflict(office):
    from desktop.errors import ConflictError

    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"), person=office["person"])
    on_pc_one = workflow.checks_of(app)[0]
    on_pc_two = workflow.checks_of(app)[0]
    workflow.set_check(office["clerk"], app, on_pc_one, "ada", "KTP asli dilihat")
    with pytest.raises(ConflictError) as caught:
        workflow.set_check(office["clerk"], app, on_pc_two, "tidak_berlaku")
    assert "Persyaratan 1" in caught.value.message
    assert workflow.checks_of(app)[0].state == "ada"


def test_closed_applications_take_no_scans_and_history_covers_checks_and_scans(office):
    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"), person=office["person"])
    check = workflow.checks_of(app)[0]
    workflow.set_check(office["clerk"], app, check, "ada")
    workflow.attach(office["clerk"], app, "kk.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, check)
    tables = [e.table_name for e in workflow.history(office["worker"], app)]
    assert tables[0] == "application" and "requirement_check" in tables and "attachment" in tables
    other = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                                  person=office["person"])
    with pytest.raises(ValidationError):
        workflow.attach(office["clerk"], other, "kk.png", b"\x89PNG\r\n\x1a\n0",
                            workflow.checks_of(app)[1])
    closed = workflow.withdraw(office["clerk"], app, "Pindah domisili")
    with pytest.raises(ValidationError) as caught:
        workflow.attach(office["clerk"], closed, "ktp.pdf", b"%PDF-1.4 x")
    assert "ditutup" in caught.value.reason
