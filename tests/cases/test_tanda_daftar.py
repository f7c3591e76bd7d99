"""The Tanda Daftar case kind on every backend: the whole path from the application to the
signed certificate in the LKS register, each step waiting for what it needs, the certificate
filled from the register, bad input refused by field."""
import datetime

import pytest

from desktop.cases.tanda_daftar import KIND, letters, record, rules
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Application, Lks, LksRegistration
from desktop.services.admin import office as office_profile
from desktop.services.applications import workflow
from desktop.services.cases import guards, registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue, context, lifecycle
from desktop.services.lks import lks_records, registrations
from desktop.services.lks.lks_records import BoardEntry
from desktop.services.shared import permissions, timefmt

from tests.factories import make_user, submit_complete
from tests.lks.test_lks_records import BOARD, values

SERVICE = "mgl-tanda-daftar-lks"


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    people = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
              "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
              "duty": make_user("piket", role=permissions.DUTY_OFFICER),
              "head": make_user("kadis", role=permissions.HEAD, nip="197001011990031001",
                                position="Kepala Dinas Sosial"),
              "coordinator": make_user("koord", role=permissions.HEAD,
                                       nip="198001012005011003", position="Koordinator"),
              "admin": make_user("admin", role=permissions.ADMIN)}
    office_profile.save_profile(people["admin"], office_profile.get_profile(),
                                office_name="Dinas Sosial", region_kind="Kota",
                                region_name="Magelang", address="Jl. Sudirman No. 79",
                                unit_code="Dinsos", classification_code="400.9",
                                emblem=catalogue.sample_images(signed=False)["emblem"])
    lks = lks_records.save(people["clerk"], values(deed_notary="Hj. Sri Wahyuni, S.H."), BOARD,
                           {"anak": 40, "lansia": 7})
    people["lks"] = lks
    people["app"] = workflow.register(people["clerk"], service_catalog.get(SERVICE),
                                      organisation=lks.organisation)
    return people


def refused_step(actor, app, said: str):
    with pytest.raises(ValidationError) as caught:
        if workflow.is_decision_step(app):
            workflow.decide(actor, app, "approve", "Disetujui sesuai verifikasi.")
        else:
            workflow.complete_step(actor, app)
    assert caught.value.field == "Aturan layanan" and said in caught.value.message
    return Application.get_by_id(app.id)


def step(actor, app):
    return workflow.complete_step(actor, workflow.get(app.id, actor))


def visit(office, app, **changes):
    fields = dict(visit_date=timefmt.to_local(app.received_at).date(),
                  team="Dra. Sri Lestari\nAgus Santoso, S.Sos.",
                  findings="Sekretariat sesuai alamat, 40 anak diasuh.", result="layak")
    fields.update(changes)
    return record.save_visit(office["worker"], app, record.read(app), **fields)


def test_the_shipped_service_carries_the_kind(office):
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND


def test_the_whole_path_to_the_register(office):
    clerk, worker, head, app = office["clerk"], office["worker"], office["head"], office["app"]
    app = step(clerk, app)  # 1: the file received
    app = refused_step(clerk, app, "belum dipilih dari Daftar LKS")
    record.save_registration(clerk, app, None, lks_id=office["lks"].id, kind="baru",
                             activity_report=False)
    app = step(clerk, app)  # 2: complete
    app = step(clerk, app)  # 3: the review for the kepala
    assert app.current_step == 4
    app = refused_step(worker, app, "kunjungan tim teknis belum dicatat")
    visit(office, app, result="tidak_layak")
    app = step(worker, app)  # 4: visited
    app = refused_step(clerk, app, "tidak layak")  # 5 waits for a layak
    with pytest.raises(ValidationError):
        lifecycle.draft(clerk, app, signer=head)
    visit(office, app)
    app = refused_step(clerk, app, "masa berlaku Tanda Daftar belum ditetapkan")
    start = timefmt.to_local(app.received_at).date()
    record.save_validity(clerk, app, record.read(app), valid_from=start,
                         valid_until=registrations.default_until(start))
    letter = lifecycle.draft(clerk, app, signer=head, fields={"org_services": "diketik"})
    filled = context.build(letter, application=app)
    assert filled["org_deed"] == ("Nomor 12 tanggal 2 Maret 2015, Notaris Hj. Sri Wahyuni, "
                                  "S.H.")
    assert filled["org_services"] == "Anak, Lanjut usia"  # the register wins over typing
    assert filled["org_target"] == "Anak 40 orang, Lanjut usia 7 orang"
    assert filled["org_chair"] == "Agus Prasetyo"
    assert filled["org_npwp"] == "01.300.066.6-091.000"
    assert filled["org_legal_number"] == "AHU-0012345.AH.01.04.Tahun 2015"
    assert filled["valid_until"] == timefmt.format_date(registrations.default_until(start))
    assert not set(letters.NAMES) & set(context.editable_names(record.TEMPLATE, app))
    app = step(clerk, app)  # 5: made
    assert app.current_step == 6
    letter = lifecycle.paraf(office["coordinator"], submit_complete(clerk, letter))
    letter = lifecycle.sign(head, letter)
    app = refused_step(head, workflow.get(app.id, head), "belum dicatat di Daftar LKS")
    with pytest.raises(ValidationError):  # the visit cannot change under a signed letter
        visit(office, app, findings="Diubah sesudah terbit, tidak boleh.")
    assert letter.number.startswith("400.9.12/")  # the LKS classification (a setting)
    entry = record.enter_in_register(clerk, app, record.read(app))
    assert entry.number == letter.number and entry.application_id == app.id
    with pytest.raises(ValidationError):  # once
        record.enter_in_register(clerk, app, record.read(app))
    app = workflow.decide(head, workflow.get(app.id, head), "approve", "Terbit.")
    assert app.state == "completed"
    lks = Lks.get_by_id(office["lks"].id)
    assert lks.registration_number == letter.number
    assert registrations.state_of(lks.registered_until, lks.revoked,
                                  datetime.date.today()) == "berlaku"


def test_a_renewal_needs_the_previous_tanda_daftar_and_the_activity_report(office):
    clerk, app = office["clerk"], office["app"]
    with pytest.raises(ValidationError) as caught:
        record.save_registration(clerk, app, None, lks_id=office["lks"].id,
                                 kind="perpanjangan", activity_report=True)
    assert caught.value.field == "Jenis pendaftaran"
    registrations.record(clerk, office["lks"], "400.9.12/1/TD/2023", datetime.date(2023, 1, 5),
                         datetime.date(2023, 1, 5))
    case = record.save_registration(clerk, app, None, lks_id=office["lks"].id,
                                    kind="perpanjangan", activity_report=False)
    outcome = {s.rule.code: s.outcome for s in guards.standings(registry.case_file(app))}
    assert not outcome["lks_known"].met and "laporan kegiatan" in outcome["lks_known"].reason
    record.save_registration(clerk, app, case, lks_id=office["lks"].id, kind="perpanjangan",
                             activity_report=True)
    outcome = {s.rule.code: s.outcome for s in guards.standings(registry.case_file(app))}
    assert outcome["lks_known"].met


@pytest.mark.parametrize("changes, field", [
    (dict(visit_date=None), "Tanggal kunjungan"),
    (dict(visit_date=datetime.date.today() + datetime.timedelta(days=1)), "Tanggal kunjungan"),
    (dict(visit_date=datetime.date(2020, 1, 1)), "Tanggal kunjungan"),
    (dict(team="  \n "), "Tim teknis"),
    (dict(findings="ok"), "Temuan"),
    (dict(result=""), "Hasil verifikasi"),
    (dict(result="cukup"), "Hasil verifikasi"),
])
def test_a_wrong_visit_is_refused_by_field_and_nothing_saved(office, changes, field):
    app = office["app"]
    record.save_registration(office["clerk"], app, None, lks_id=office["lks"].id, kind="baru",
                             activity_report=False)
    with pytest.raises(ValidationError) as caught:
        visit(office, app, **changes)
    assert caught.value.field == field
    assert record.read(app).visit_date is None


def test_other_refusals(office):
    clerk, app = office["clerk"], office["app"]
    with pytest.raises(ValidationError) as caught:
        record.save_registration(clerk, app, None, lks_id=None, kind="baru",
                                 activity_report=False)
    assert caught.value.field == "LKS"
    with pytest.raises(ValidationError) as caught:
        record.save_visit(office["worker"], app, None, visit_date=datetime.date.today(),
                          team="A", findings="Temuan yang cukup panjang.", result="layak")
    assert caught.value.field == "LKS"
    case = record.save_registration(clerk, app, None, lks_id=office["lks"].id, kind="baru",
                                    activity_report=False)
    with pytest.raises(ValidationError) as caught:  # ends before it starts
        record.save_validity(clerk, app, case, valid_from=datetime.date(2026, 5, 1),
                             valid_until=datetime.date(2026, 4, 30))
    assert caught.value.field == "Berlaku sampai"
    with pytest.raises(PermissionDenied):
        record.save_visit(office["duty"], app, case, visit_date=datetime.date.today(),
                          team="A", findings="Temuan yang cukup panjang.", result="layak")
    with pytest.raises(ValidationError) as caught:  # not signed yet
        record.enter_in_register(clerk, app, case)
    assert caught.value.field == "Tanda Daftar"
    assert not LksRegistration.select().exists()


def test_the_certificate_is_drafted_only_from_its_cases(office):
    other = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                              organisation=office["lks"].organisation)
    with pytest.raises(ValidationError):
        lifecycle.draft(office["clerk"], other, signer=office["head"],
                        template_key=record.TEMPLATE)


def test_magetan_recommends_the_registration_after_the_visit(office):
    clerk = office["clerk"]
    app = workflow.register(clerk, service_catalog.get(rules.RECOMMENDATION),
                            organisation=office["lks"].organisation)
    assert [c.template_key for c in lifecycle.letter_choices(app)] == [record.RECOMMENDATION]
    record.save_registration(clerk, app, None, lks_id=office["lks"].id, kind="baru",
                             activity_report=False)
    with pytest.raises(ValidationError):  # not before the visit
        lifecycle.draft(clerk, app, signer=office["head"])
    visit(office, app)
    letter = lifecycle.draft(clerk, app, signer=office["head"])  # no validity: the issuer's
    filled = context.build(letter, application=app)
    assert filled["verification_date"] == timefmt.format_date(
        timefmt.to_local(app.received_at).date())
    assert filled["org_services"] == "Anak, Lanjut usia"
    assert letter.classification == "400.9.12"


def test_another_lks_starts_its_visit_and_validity_again(office):
    clerk, app = office["clerk"], office["app"]
    case = record.save_registration(clerk, app, None, lks_id=office["lks"].id, kind="baru",
                                    activity_report=False)
    visit(office, app)
    case = record.save_validity(clerk, app, record.read(app), valid_from=datetime.date(2026, 5, 1),
                                valid_until=datetime.date(2029, 4, 30))
    other = lks_records.save(clerk, values(name="Yayasan Lain", npwp=""), {
        "ketua": BoardEntry("3371020101800003", "Budi Santoso")}, {})
    case = record.save_registration(clerk, app, record.read(app), lks_id=other.id, kind="baru",
                                    activity_report=False)
    assert (case.visit_date, case.visit_result, case.valid_from) == (None, "", None)


def test_an_application_enters_the_register_once_even_from_two_pcs(office):
    """The second entry (another PC's, past the first's check) meets the unique index."""
    first = registrations.record(office["clerk"], office["lks"], "TD/1", datetime.date(2026, 1, 5),
                                 datetime.date(2026, 1, 5), application=office["app"].id)
    with pytest.raises(ValidationError) as caught:
        registrations.record(office["clerk"], office["lks"], "TD/2", datetime.date(2026, 2, 5),
                             datetime.date(2026, 2, 5), application=office["app"].id)
    assert "PC lain" in caught.value.message
    assert LksRegistration.select().count() == 1 and first.id
    # A renewal issued after a revoked one is the current one.
    registrations.revoke(office["head"], office["lks"], "Alamat sekretariat tidak ditemukan.")
    registrations.record(office["clerk"], office["lks"], "TD/3", datetime.date(2026, 3, 1),
                         datetime.date(2026, 3, 1), datetime.date(2027, 2, 28))
    lks = Lks.get_by_id(office["lks"].id)
    assert (lks.registration_number, lks.revoked) == ("TD/3", False)


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_tanda_daftar_forms_name_every_required_field_at_once(office):
    clerk, app = office["clerk"], office["app"]
    fields = _fields(lambda: record.save_registration(clerk, app, None, lks_id=None, kind="",
                                                      activity_report=False))
    assert tuple(fields) == record.REGISTRATION_REQUIRED
    assert record.read(app) is None
    case = record.save_registration(clerk, app, None, lks_id=office["lks"].id, kind="baru",
                                    activity_report=False)
    fields = _fields(lambda: record.save_visit(office["worker"], app, case, visit_date=None,
                                               team="", findings="", result=""))
    assert tuple(fields) == record.VISIT_REQUIRED
    fields = _fields(lambda: record.save_validity(clerk, app, case, valid_from=None,
                                                  valid_until=None))
    assert tuple(fields) == record.VALIDITY_REQUIRED
    case = record.read(app)
    assert case.visit_date is None and case.valid_from is None


def test_a_wrong_visit_names_every_field_at_fault(office):
    app = office["app"]
    record.save_registration(office["clerk"], app, None, lks_id=office["lks"].id, kind="baru",
                             activity_report=False)
    fields = _fields(lambda: visit(office, app, visit_date=datetime.date(2020, 1, 1),
                                   findings="ok", result="cukup"))
    assert fields == ["Tanggal kunjungan", "Temuan", "Hasil verifikasi"]
    assert record.read(app).visit_date is None
