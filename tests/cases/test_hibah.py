"""The grant recommendation on every backend: an LKS with a valid Tanda Daftar or a legal
entity domiciled long enough; budget lines that add up; a grant the year before flagged and
overridable; the verification and the amount the letter states."""
import datetime

import pytest

from desktop.cases.hibah import KIND, record
from desktop.errors import ValidationError
from desktop.services.admin import office as office_profile
from desktop.services.applications import people, workflow
from desktop.services.cases import guards, registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.lks import lks_records, registrations
from desktop.services.shared import permissions

from tests.factories import make_user
from tests.lks.test_lks_records import BOARD, values

SERVICE = "mgt-01-rekomendasi-hibah"
TODAY = datetime.date.today()
YEAR = TODAY.year + 1


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "head": make_user("kadis", role=permissions.HEAD, nip="197001011990031001",
                           position="Kepala Dinas Sosial"),
         "coordinator": make_user("koord", role=permissions.HEAD, nip="198001012005011003")}
    admin = make_user("admin", role=permissions.ADMIN)
    office_profile.save_profile(admin, office_profile.get_profile(), office_name="Dinas Sosial",
                                region_kind="Kota", region_name="Magelang",
                                address="Jl. Sudirman 79", unit_code="Dinsos",
                                classification_code="400.9")
    o["lks"] = lks_records.save(o["clerk"], values(), BOARD, {"anak": 40})
    return o


def application(office, organisation=None):
    return workflow.register(office["clerk"], service_catalog.get(SERVICE),
                             organisation=organisation or office["lks"].organisation)


def proposal(office, app, existing=None, **changes):
    fields = dict(lks_id=office["lks"].id, budget_year=YEAR, requested="50.000.000",
                  purpose="Operasional pelayanan anak asuh",
                  budget_lines=[("Bahan makanan", "30.000.000"), ("Honor pengasuh", 20_000_000)])
    fields.update(changes)
    return record.save(office["clerk"], app, existing, **fields)


def registered(office, until: datetime.date):
    registrations.record(office["clerk"], office["lks"], f"TD/{until}", TODAY,
                         until.replace(year=until.year - 3), until)


def test_the_shipped_service_carries_the_kind(office):
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND


def test_an_lks_needs_a_valid_tanda_daftar(office):
    app = application(office)
    with pytest.raises(ValidationError) as caught:  # never registered
        proposal(office, app)
    assert caught.value.field == "LKS" and "belum terdaftar" in caught.value.message
    registered(office, TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:  # lapsed
        proposal(office, app)
    assert "habis" in caught.value.message
    registered(office, TODAY + datetime.timedelta(days=400))
    assert proposal(office, app).requested == 50_000_000


def test_an_unregistered_organisation_must_be_domiciled_long_enough(office):
    org = people.register_organisation(office["clerk"], name="Perkumpulan Baru",
                                       legal_form="Perkumpulan", address="Jl. Pemuda 3")
    app = application(office, org)
    with pytest.raises(ValidationError) as caught:
        proposal(office, app, lks_id=None, legal_number="", domiciled_since=None)
    assert caught.value.field == "Nomor SK badan hukum"
    recent = TODAY.replace(year=TODAY.year - 2)
    with pytest.raises(ValidationError) as caught:
        proposal(office, app, lks_id=None, legal_number="AHU-9", domiciled_since=recent)
    assert caught.value.field == "Berdomisili sejak" and "3 tahun" in caught.value.message
    case = proposal(office, app, lks_id=None, legal_number="AHU-9",
                    domiciled_since=TODAY.replace(year=TODAY.year - 4))
    assert case.lks_id is None and case.legal_number == "AHU-9"


@pytest.mark.parametrize("changes, field", [
    (dict(budget_lines=[("Bahan makanan", "30.000.000")]), "Rincian anggaran"),
    (dict(budget_lines=[]), "Rincian anggaran"),
    (dict(budget_lines=[("", 50_000_000)]), "Rincian 1"),
    (dict(budget_lines=[("Bahan", "lima puluh")]), "Jumlah rincian 1"),
    (dict(requested=0), "Jumlah yang diajukan"),
    (dict(budget_year=YEAR + 5), "Tahun anggaran"),
    (dict(purpose=""), "Peruntukan hibah"),
])
def test_a_wrong_proposal_is_refused_by_field(office, changes, field):
    registered(office, TODAY + datetime.timedelta(days=400))
    app = application(office)
    with pytest.raises(ValidationError) as caught:
        proposal(office, app, **changes)
    assert caught.value.field == field
    assert record.read(app) is None


def test_a_grant_the_year_before_is_flagged_and_the_letter_states_the_recommendation(office):
    registered(office, TODAY + datetime.timedelta(days=400))
    last_year = application(office)
    proposal(office, last_year, budget_year=YEAR - 1)
    app = application(office)
    case = proposal(office, app)
    standing = {s.rule.code: s for s in guards.standings(registry.case_file(app))}
    assert not standing["not_consecutive"].outcome.met
    assert last_year.reg_number in standing["not_consecutive"].outcome.reason
    assert not standing["verified"].outcome.met
    with pytest.raises(ValidationError) as caught:
        record.save_visit(office["clerk"], app, case, visit_date=TODAY, result="layak",
                          note="Sesuai proposal.", recommended="60.000.000")
    assert caught.value.field == "Jumlah yang direkomendasikan"
    record.save_visit(office["clerk"], app, case, visit_date=TODAY, result="layak",
                      note="Sesuai proposal.", recommended="40.000.000")
    with pytest.raises(ValidationError):
        lifecycle.draft(office["clerk"], app, signer=office["head"])
    guards.override(office["head"], app, "hibah.not_consecutive",
                    "Tahun lalu untuk gedung, tahun ini untuk operasional anak asuh.")
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"])
    filled = context.build(letter, application=app)
    assert filled["grant_amount"] == "Rp 40.000.000,00"
    assert filled["grant_amount_words"] == "empat puluh juta rupiah"
    assert filled["budget_year"] == str(YEAR)
    assert filled["org_chair"] == "Agus Prasetyo"
    assert filled["org_legal_number"] == "AHU-0012345.AH.01.04.Tahun 2015"
    assert filled["addressee"] == ("Wali Kota Magelang u.p. Ketua Tim Anggaran Pemerintah "
                                   "Daerah (TAPD)")
    from tests.factories import submit_complete

    letter = lifecycle.paraf(office["coordinator"], submit_complete(office["clerk"], letter))
    signed = lifecycle.sign(office["head"], letter)
    assert signed.state == "signed" and signed.number


def test_the_request_cannot_fall_below_what_was_recommended(office):
    registered(office, TODAY + datetime.timedelta(days=400))
    app = application(office)
    case = proposal(office, app)
    case = record.save_visit(office["clerk"], app, case, visit_date=TODAY, result="layak",
                             note="Sesuai proposal.", recommended="40.000.000")
    with pytest.raises(ValidationError) as caught:
        proposal(office, app, case, requested="30.000.000",
                 budget_lines=[("Bahan makanan", "30.000.000")])
    assert caught.value.field == "Jumlah yang diajukan"
    assert record.read(app).requested == 50_000_000


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_an_empty_proposal_names_every_required_field_at_once(office):
    org = people.register_organisation(office["clerk"], name="Perkumpulan Baru",
                                       legal_form="Perkumpulan", address="Jl. Pemuda 3")
    app = application(office, org)
    assert tuple(_fields(lambda: record.save(office["clerk"], app, None))) == record.REQUIRED
    assert record.read(app) is None


def test_wrong_proposal_values_are_named_together(office):
    app = application(office)  # the LKS has no Tanda Daftar
    fields = _fields(lambda: proposal(office, app, budget_year=YEAR + 5, requested=0,
                                      budget_lines=[("", "1.000"), ("Honor", "lima")]))
    assert fields == ["LKS", "Tahun anggaran", "Jumlah yang diajukan", "Rincian 1",
                      "Jumlah rincian 2"]
    assert record.read(app) is None


def test_an_empty_verification_names_every_required_field_at_once(office):
    registered(office, TODAY + datetime.timedelta(days=400))
    app = application(office)
    case = proposal(office, app)
    fields = _fields(lambda: record.save_visit(office["clerk"], app, case, visit_date=None,
                                               result="", note="", recommended=""))
    assert tuple(fields) == record.VISIT_REQUIRED
    fields = _fields(lambda: record.save_visit(
        office["clerk"], app, case, visit_date=TODAY + datetime.timedelta(days=1),
        result="layak", note="Sesuai.", recommended="60.000.000"))
    assert fields == ["Tanggal verifikasi", "Jumlah yang direkomendasikan"]
    assert record.read(app).visit_date is None


def test_required_fields_asks_no_sk_or_domicile_of_a_registered_lks(office):
    assert record.required_fields(None) == record.REQUIRED
    registered(office, TODAY.replace(year=TODAY.year + 2))
    asked = record.required_fields(office["lks"].id)
    assert set(record.REQUIRED) - set(asked) == set(record.LEGAL_ENTITY_REQUIRED)
    app = application(office)
    assert tuple(_fields(lambda: record.save(office["clerk"], app, None,
                                             lks_id=office["lks"].id, today=TODAY))) == asked


def test_visit_required_asks_the_amount_of_an_eligible_proposal(office):
    assert record.visit_required("tidak_layak") == record.VISIT_REQUIRED
    assert record.visit_required("layak") == record.VISIT_REQUIRED + (
        "Jumlah yang direkomendasikan",)
    registered(office, TODAY.replace(year=TODAY.year + 2))
    app = application(office)
    case = proposal(office, app, today=TODAY)
    for result in record.RESULTS:  # what each result asks is refused when left empty
        fields = _fields(lambda: record.save_visit(office["clerk"], app, case,
                                                   visit_date=None, result=result, note="",
                                                   recommended="", today=TODAY))
        assert set(fields) == set(record.visit_required(result)) - {"Hasil verifikasi"}
