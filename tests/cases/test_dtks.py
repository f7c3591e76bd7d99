"""The DTKS check case kind on every backend: the SIKS-NG step and the certificate wait for a
recorded check, a kepala may override with a written reason, the letter says what was found."""
import datetime

import pytest

from desktop.cases.dtks import KIND, letters, record
from desktop.cases.dtks.model import DtksCheck
from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models import AuditEntry, Application, RuleOverride, StepEvent
from desktop.services.admin import settings
from desktop.services.applications import workflow
from desktop.services.cases import guards, registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions

from tests.factories import make_person, make_user

CERTIFICATE = "mgl-surat-keterangan-dtks"
OCTOBER = datetime.date(2026, 10, 1)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
            "duty": make_user("piket", role=permissions.DUTY_OFFICER),
            "head": make_user("kadis", role=permissions.HEAD, nip="197001011990031001",
                              position="Kepala Dinas Sosial"),
            "person": make_person()}


def at_siks_ng_step(office, code=CERTIFICATE):
    app = workflow.register(office["clerk"], service_catalog.get(code), person=office["person"])
    app = workflow.complete_step(office["clerk"], app)  # 1: the citizen came
    assert app.current_step == 2
    return app


def found(office, app, **changes):
    values = dict(registered=True, data_id="3371020101000123", decile=3,
                  programmes=["BPNT", "PKH"], other_programmes="", data_period=OCTOBER,
                  note="")
    values.update(changes)
    return record.save(office["clerk"], app, **values)


def test_the_shipped_dtks_services_carry_the_kind(office):
    for code in KIND.services:
        assert registry.kind_of(service_catalog.get(code)) is KIND
    assert registry.kind_of(service_catalog.get("dpk-slrt")) is None


def test_the_siks_ng_step_waits_for_the_check(office):
    app = at_siks_ng_step(office)
    with pytest.raises(ValidationError) as caught:
        workflow.complete_step(office["clerk"], app)
    assert caught.value.field == "Aturan layanan"
    assert "hasil pengecekan di SIKS-NG belum dicatat" in caught.value.message
    assert "Langkah 2" in caught.value.message
    assert Application.get_by_id(app.id).current_step == 2
    found(office, app)
    app = workflow.complete_step(office["clerk"], workflow.get(app.id, office["clerk"]))
    assert app.current_step == 3


def test_the_certificate_waits_for_the_check_and_says_what_was_found(office):
    app = at_siks_ng_step(office)
    with pytest.raises(ValidationError) as caught:
        lifecycle.draft(office["clerk"], app, signer=office["head"])
    assert "Surat ini belum bisa dibuat" in caught.value.message
    found(office, app)
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"],
                             fields={"purpose": "pendaftaran sekolah",
                                     "dtks_status": "diketik sendiri"})  # the record wins
    values = context.build(letter, application=app)
    assert values["dtks_status"] == "TERDAFTAR"
    assert values["dtks_id"] == "3371020101000123"
    assert values["dtks_period"] == "Oktober 2026"
    assert values["aid_programs"] == "PKH, BPNT"  # in the programmes' own order
    assert values["data_source"] == "Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)"
    assert "dtks_status" not in lifecycle.free_text(letter)
    editable = context.editable_names("keterangan_dtks", app)
    assert "purpose" in editable and not set(letters.NAMES) & set(editable)
    assert context.missing_names(letter, values) == []


def test_the_data_source_name_is_the_office_s_setting(office):
    app = at_siks_ng_step(office)
    found(office, app, registered=False, data_id="", decile=None, programmes=[])
    admin = make_user("admin", role=permissions.ADMIN)
    settings.set_value(admin, "dtks.source_name", "Data Terpadu Kesejahteraan Sosial (DTKS)")
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"],
                             fields={"purpose": "keringanan biaya sekolah"})
    values = context.build(letter, application=app)
    assert values["data_source"] == "Data Terpadu Kesejahteraan Sosial (DTKS)"
    assert (values["dtks_status"], values["dtks_id"], values["aid_programs"]) == \
        ("TIDAK TERDAFTAR", "", "")
    with pytest.raises(ValidationError):
        settings.set_value(admin, "dtks.source_name", "   ")


@pytest.mark.parametrize("changes, field", [
    (dict(registered=None), "Hasil pengecekan"),
    (dict(decile=11), "Desil"),
    (dict(decile="tiga"), "Desil"),
    (dict(data_id="3371-02"), "ID data"),
    (dict(programmes=["BLT"]), "Program bantuan"),
    (dict(data_period=datetime.date(2014, 12, 1)), "Periode data"),
    (dict(data_period=datetime.date(2099, 1, 1)), "Periode data"),
    (dict(data_period=None), "Periode data"),
    (dict(registered=False), "Hasil pengecekan"),  # not registered, yet an ID and programmes
    (dict(note="catatan\u202e"), "Catatan"),
    (dict(other_programmes="x" * 201), "Bantuan lain"),
])
def test_a_wrong_check_is_refused_by_field_and_nothing_saved(office, changes, field):
    app = at_siks_ng_step(office)
    with pytest.raises(ValidationError) as caught:
        found(office, app, **changes)
    assert caught.value.field == field
    assert DtksCheck.select().count() == 0


def test_only_those_who_check_may_record(office):
    app = at_siks_ng_step(office)
    for role in ("duty", "head"):
        with pytest.raises(PermissionDenied):
            record.save(office[role], app, registered=False, data_period=OCTOBER)
    record.save(office["worker"], app, registered=False, data_period=OCTOBER)
    assert record.get(office["head"], app).checked_by == "peksos"


def test_two_pcs_recording_at_once_do_not_overwrite_each_other(office):
    app = at_siks_ng_step(office)
    first = found(office, app)
    with pytest.raises(ConflictError):  # the other PC opened the form before the first saved
        found(office, app)
    stale = DtksCheck.get_by_id(first.id)
    record.save(office["clerk"], app, first, registered=False, data_period=OCTOBER)
    with pytest.raises(ConflictError):
        record.save(office["worker"], app, stale, registered=True, data_period=OCTOBER)
    assert DtksCheck.get_by_id(first.id).registered is False


def test_a_kepala_overrides_with_a_written_reason_and_it_is_audited(office):
    app = at_siks_ng_step(office)
    key = "dtks.checked"
    with pytest.raises(PermissionDenied):
        guards.override(office["clerk"], app, key, "Server SIKS-NG sedang gangguan seharian")
    with pytest.raises(ValidationError) as caught:
        guards.override(office["head"], app, key, "gangguan")
    assert caught.value.field == "Alasan"
    with pytest.raises(ValidationError):
        guards.override(office["head"], app, "dtks.tidak_ada", "Alasan yang cukup panjang")
    guards.override(office["head"], app, key, "Server SIKS-NG gangguan; data dicek manual")
    with pytest.raises(ConflictError) as caught:  # another kepala, a moment later
        guards.override(office["head"], app, key, "Alasan kedua yang lain sama sekali")
    assert "sudah dikesampingkan oleh kadis" in caught.value.message
    assert RuleOverride.get().reason == "Server SIKS-NG gangguan; data dicek manual"
    assert AuditEntry.select().where(AuditEntry.action == "override").count() == 1
    app = workflow.complete_step(office["clerk"], workflow.get(app.id, office["clerk"]))
    assert app.current_step == 3
    standing, = guards.standings(registry.case_file(app))
    assert not standing.outcome.met and standing.passes
    assert standing.override.username == "kadis"


def test_services_without_guarded_steps_still_guard_the_letter(office):
    """The Magetan DTKS services publish no steps: only the letter waits for the check."""
    app = workflow.register(office["clerk"], service_catalog.get("mgt-08-sk-dtks-offline"),
                            person=office["person"])
    with pytest.raises(ValidationError):
        lifecycle.draft(office["clerk"], app, signer=office["head"])
    found(office, app)
    lifecycle.draft(office["clerk"], app, signer=office["head"],
                    fields={"purpose": "melamar pekerjaan"})


def test_queries_a_case_kind_adds_to_opening_a_case(office, monkeypatch):
    """None for a plain application; one, the record and the overrides together, for its own."""
    from desktop.models import db

    plain = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                              person=office["person"])
    dtks = at_siks_ng_step(office)
    found(office, dtks)
    guards.override(office["head"], dtks, "dtks.checked", "Dicatat untuk uji hitungan kueri")
    counted = []
    execute = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql",
                        lambda sql, params=None: counted.append(sql) or execute(sql, params))
    plain = workflow.get(plain.id, office["clerk"], record=False)
    dtks = workflow.get(dtks.id, office["clerk"], record=False)
    counted.clear()
    assert registry.case_file(plain) is None
    assert counted == []
    case = registry.case_file(dtks)
    assert len(counted) == 1
    assert case.record.data_id == "3371020101000123" and "dtks.checked" in case.overrides


def test_the_timeline_and_history_keep_the_check(office):
    app = at_siks_ng_step(office)
    found(office, app)
    entries = AuditEntry.select().where(AuditEntry.table_name == "dtks_check")
    assert [e.action for e in entries] == ["create"]
    assert StepEvent.select().where(StepEvent.application == app.id).count() == 2


def test_the_certificate_is_drafted_only_from_a_dtks_case(office):
    plain = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                              person=office["person"])
    typed = {"dtks_status": "TERDAFTAR", "dtks_period": "Oktober 2026", "purpose": "sekolah"}
    for application in (None, plain):  # no check, no override: the rule is not bypassed
        with pytest.raises(ValidationError) as caught:
            lifecycle.draft(office["clerk"], application, signer=office["head"],
                            template_key="keterangan_dtks", fields=typed)
        assert caught.value.field == "Jenis surat"


def test_without_a_record_the_typed_values_stand(office):
    """After a kepala's override (or for a letter typed before the kind existed) staff type
    the status themselves; nothing they typed is dropped or blanked."""
    app = at_siks_ng_step(office)
    guards.override(office["head"], app, "dtks.checked", "SIKS-NG gangguan; dicek di E-PKH")
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"],
                             fields={"dtks_status": "TERDAFTAR", "dtks_period": "Oktober 2026",
                                     "purpose": "keringanan biaya rumah sakit"})
    letter = lifecycle.edit(office["clerk"], letter, fields={"purpose": "rawat inap"})
    values = context.build(letter, application=app)
    assert (values["dtks_status"], values["dtks_period"]) == ("TERDAFTAR", "Oktober 2026")
    assert "dtks_status" in context.editable_names("keterangan_dtks", app)
    assert context.missing_names(letter, values) == []


def test_a_check_under_a_letter_in_review_or_issued_is_not_corrected(office):
    app = at_siks_ng_step(office)
    check = found(office, app)
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"],
                             fields={"purpose": "melamar pekerjaan"})
    letter = lifecycle.submit(office["clerk"], letter)
    with pytest.raises(ValidationError) as caught:
        record.save(office["clerk"], app, check, registered=False, data_period=OCTOBER)
    assert "menunggu paraf" in caught.value.message
    lifecycle.return_letter(office["head"], letter, "Periksa lagi desilnya")
    check = record.save(office["clerk"], app, check, registered=False, data_period=OCTOBER)
    assert check.registered is False


def test_a_withdrawn_case_takes_no_check_and_no_override(office):
    app = at_siks_ng_step(office)
    app = workflow.withdraw(office["clerk"], app, "pemohon tidak jadi")
    with pytest.raises(ValidationError) as caught:
        found(office, app)
    assert caught.value.field == "Status"
    with pytest.raises(ValidationError):
        guards.override(office["head"], app, "dtks.checked", "Alasan yang cukup panjang ini")
    assert DtksCheck.select().count() == 0 and RuleOverride.select().count() == 0


def test_the_same_override_twice_is_told_and_audited_once(office):
    app = at_siks_ng_step(office)
    reason = "SIKS-NG gangguan sejak pagi; dicek manual"
    guards.override(office["head"], app, "dtks.checked", reason)
    with pytest.raises(ConflictError):
        guards.override(office["head"], app, "dtks.checked", reason)
    assert AuditEntry.select().where(AuditEntry.action == "override").count() == 1


def test_the_case_history_shows_the_check_and_the_override(office):
    app = at_siks_ng_step(office)
    guards.override(office["head"], app, "dtks.checked", "SIKS-NG gangguan; dicek manual")
    found(office, app)
    tables = [e.table_name for e in workflow.history(office["head"], app)]
    assert "dtks_check" in tables and "rule_override" in tables


def test_a_dtks_service_marked_sensitive_keeps_its_check_from_other_roles(office):
    from desktop.errors import NotFound
    from desktop.models import Service
    from desktop.services.admin import audit_query

    app = at_siks_ng_step(office)
    found(office, app)
    Service.update(sensitive=True).where(Service.code == CERTIFICATE).execute()
    app = workflow.get(app.id, office["clerk"])  # the clerk registered it: still reads it
    for refused in (lambda: record.get(office["duty"], app),
                    lambda: record.save(office["duty"], app, registered=False,
                                        data_period=OCTOBER)):
        with pytest.raises((NotFound, PermissionDenied)):
            refused()
    assert record.get(office["head"], app) is not None  # kepala works sensitive cases
    # An auditor who may not open the case does not see its check in the audit trail.
    admin = make_user("admin", role=permissions.ADMIN)

    def tables_seen(actor):
        return {e.table_name for e in audit_query.fetch(actor, audit_query.AuditFilter(), 0,
                                                        500)}
    assert "dtks_check" not in tables_seen(admin)
    assert "dtks_check" in tables_seen(office["head"])


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_an_empty_check_names_every_required_field_at_once(office):
    app = at_siks_ng_step(office)
    assert tuple(_fields(lambda: record.save(office["clerk"], app))) == record.REQUIRED
    assert DtksCheck.select().count() == 0


def test_wrong_check_values_are_named_together(office):
    app = at_siks_ng_step(office)
    fields = _fields(lambda: found(office, app, data_id="3371-02", decile=11,
                                   programmes=["BLT"], data_period=datetime.date(2099, 1, 1),
                                   note="catatan\u202e"))
    assert fields == ["ID data", "Desil", "Program bantuan", "Periode data", "Catatan"]
    assert DtksCheck.select().count() == 0
