"""The PUB case kind on every backend: only a perkumpulan or yayasan; costs at most 10%
(disaster collections excepted); 3 months and one extension of a month; the reports owed,
audited above the threshold; an organiser with an overdue report waits, a kepala may
override; the recommendation filled from the record."""
import datetime

import pytest

from desktop.cases.pub import KIND, record
from desktop.cases.pub.model import CollectionReport
from desktop.errors import ValidationError
from desktop.models import Application
from desktop.services.admin import settings
from desktop.services.applications import people, workflow
from desktop.services.cases import guards, registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions

from tests.factories import make_user

SERVICE = "mgt-02-izin-pengumpulan-uang-barang"
START = datetime.date(2026, 9, 1)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "head": make_user("kadis", role=permissions.HEAD, nip="197001011990031001",
                           position="Kepala Dinas Sosial")}
    o["org"] = people.register_organisation(o["clerk"], name="Yayasan Peduli Sesama",
                                            legal_form="Yayasan", address="Jl. Tidar 5")
    return o


def application(office):
    return workflow.register(office["clerk"], service_catalog.get(SERVICE),
                             organisation=office["org"])


def collection(office, app, existing=None, **changes):
    values = dict(organiser_form="yayasan", legal_number="AHU-0012345.AH.01.04.Tahun 2015",
                  goods="uang", disaster=False, purpose="Bantuan pendidikan anak yatim",
                  methods=["kotak", "transfer"], area_level="kecamatan",
                  area_names="Magelang Utara\nMagelang Selatan",
                  bank_account="Bank Jateng 1-234-5678", target="100.000.000",
                  planned_cost="10.000.000", period_start=START,
                  period_end=datetime.date(2026, 11, 30))
    values.update(changes)
    return record.save(office["clerk"], app, existing, **values)


def test_the_shipped_service_carries_the_kind(office):
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND


@pytest.mark.parametrize("changes, field, said", [
    (dict(organiser_form="perseroan"), "Bentuk penyelenggara", "perkumpulan atau yayasan"),
    (dict(legal_number=""), "Nomor SK badan hukum", ""),
    (dict(planned_cost="10.000.001"), "Rencana biaya", "10%"),
    (dict(period_end=datetime.date(2026, 12, 1)), "Akhir pengumpulan", "3 bulan"),
    (dict(period_end=datetime.date(2026, 8, 31)), "Akhir pengumpulan", ""),
    (dict(methods=[]), "Cara pengumpulan", ""),
    (dict(methods=["arisan"]), "Cara pengumpulan", ""),
    (dict(area_level="dunia"), "Wilayah pengumpulan", ""),
    (dict(area_names=""), "Nama wilayah", ""),
    (dict(target="seratus juta"), "Target hasil", ""),
    (dict(target=0), "Target hasil", ""),
    (dict(goods="jasa"), "Jenis sumbangan", ""),
    (dict(purpose=" "), "Tujuan pengumpulan", ""),
])
def test_bad_input_is_refused_with_its_rule_and_nothing_saved(office, changes, field, said):
    app = application(office)
    with pytest.raises(ValidationError) as caught:
        collection(office, app, **changes)
    assert caught.value.field == field and said in caught.value.message
    assert record.read(app) is None


def test_a_disaster_collection_may_cost_more(office):
    case = collection(office, application(office), disaster=True, planned_cost="15.000.000")
    assert record.cost_percent(case) == 15.0


def test_one_extension_of_at_most_a_month(office):
    app = application(office)
    case = collection(office, app)
    with pytest.raises(ValidationError) as caught:
        record.extend(office["clerk"], app, case, datetime.date(2027, 1, 1))
    assert caught.value.field == "Perpanjangan sampai" and "31 Desember 2026" in \
        caught.value.message
    case = record.extend(office["clerk"], app, case, datetime.date(2026, 12, 30))
    with pytest.raises(ValidationError) as caught:
        record.extend(office["clerk"], app, case, datetime.date(2026, 12, 31))
    assert "satu kali" in caught.value.message
    assert [d.due_on for d in record.dues(case)] == [datetime.date(2026, 11, 30),
                                                     datetime.date(2026, 12, 30)]


def test_reports_are_owed_and_an_overdue_one_holds_the_next_permit(office):
    first = application(office)
    june, august = datetime.date(2026, 6, 1), datetime.date(2026, 8, 31)
    case = collection(office, first, period_start=june, period_end=august)
    assert [(d.due_on, d.final) for d in record.dues(case)] == [(august, True)]
    today = datetime.date.today()  # the final report was due by 30 September
    assert record.dues(case)[0].state(today) == "tertunggak"
    assert record.overdue_reports(today) == []  # owed once the permit was given
    Application.update(state="completed").where(Application.id == first.id).execute()
    assert [a.id for a, _ in record.overdue_reports(today)] == [first.id]
    second = application(office)
    collection(office, second)
    standing = {s.rule.code: s for s in guards.standings(registry.case_file(second))}
    assert not standing["reports"].outcome.met
    assert first.reg_number in standing["reports"].outcome.reason
    with pytest.raises(ValidationError):
        lifecycle.draft(office["clerk"], second, signer=office["head"])
    guards.override(office["head"], second, "pub.reports",
                    "Laporan sudah diserahkan lisan, berkas menyusul minggu ini.")
    assert lifecycle.draft(office["clerk"], second, signer=office["head"]) is not None
    report = dict(due_on=august, received_on=datetime.date(2026, 11, 20),
                  recipients="120 anak yatim")
    with pytest.raises(ValidationError) as caught:  # the audit above the threshold
        record.record_report(office["clerk"], first, case, collected=600_000_000,
                             costs=50_000_000, distributed=550_000_000, **report)
    assert caught.value.field == "Akuntan publik"
    with pytest.raises(ValidationError) as caught:
        record.record_report(office["clerk"], first, case, collected=90_000_000,
                             costs=10_000_000, distributed=90_000_000, **report)
    assert caught.value.field == "Disalurkan"
    record.record_report(office["clerk"], first, case, collected=90_000_000,
                         costs=9_000_000, distributed=81_000_000, **report)
    assert record.dues(case)[0].state(today) == "terlambat"
    assert record.overdue_elsewhere(second) == []
    assert CollectionReport.select().count() == 1


def test_a_longer_collection_owes_a_report_each_three_months(office):
    app = application(office)
    case = collection(office, app, period_start=datetime.date(2026, 7, 1),
                      period_end=datetime.date(2026, 9, 30))
    case = record.extend(office["clerk"], app, case, datetime.date(2026, 10, 30))
    assert [(d.due_on, d.final) for d in record.dues(case)] == [
        (datetime.date(2026, 9, 30), False), (datetime.date(2026, 10, 30), True)]


def test_the_recommendation_is_filled_from_the_record(office):
    app = application(office)
    collection(office, app, planned_cost="7.500.000")
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"])
    filled = context.build(letter, application=app)
    assert filled["collection_target"] == "Rp 100.000.000,00"
    assert filled["collection_target_words"] == "seratus juta rupiah"
    assert filled["collection_cost_percent"] == "7,5"
    assert filled["collection_area"] == "Beberapa kecamatan: Magelang Utara, Magelang Selatan"
    assert filled["collection_method"] == "Uang, melalui kotak sumbangan, transfer bank"
    assert filled["collection_end"] == "30 November 2026"
    assert letter.classification == "400.9.7"
    assert Application.get_by_id(app.id).organisation_id == office["org"].id


def test_the_office_setting_picks_the_recommendation_or_the_permit_and_it_is_signed(office):
    from desktop.services.admin import settings
    from desktop.services.letters import catalogue

    from tests.factories import submit_complete

    admin = make_user("admin", role=permissions.ADMIN)
    coordinator = make_user("koord", role=permissions.HEAD, nip="198001012005011003")
    app = application(office)
    collection(office, app)
    assert [c.template_key for c in lifecycle.letter_choices(app)] == ["rekomendasi_pub"]
    settings.set_value(admin, "permits.pub_issued_here", 1)
    assert [c.template_key for c in lifecycle.letter_choices(app)] == ["izin_pub"]
    letter = lifecycle.draft(office["clerk"], app, signer=office["head"])
    assert letter.template_key == "izin_pub"
    assert catalogue.spec("izin_pub").kind == "certificate"
    letter = lifecycle.paraf(coordinator, submit_complete(office["clerk"], letter))
    signed = lifecycle.sign(office["head"], letter)
    assert signed.state == "signed" and signed.number.startswith("400.9.7/")
    assert lifecycle.signed_document(signed)


def test_the_period_counts_whole_months_from_any_day():
    assert record.last_day_of_months(datetime.date(2027, 1, 1), 3) == datetime.date(2027, 3, 31)
    assert record.last_day_of_months(datetime.date(2027, 1, 31), 3) == datetime.date(2027, 4, 30)
    assert record.last_day_of_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert record.last_day_of_months(datetime.date(2026, 11, 28), 3) == datetime.date(2027, 2, 27)
    assert record.last_day_of_months(datetime.date(2027, 11, 30), 3) == datetime.date(2028, 2, 29)
    assert record.last_day_of_months(datetime.date(2026, 12, 1), 1) == datetime.date(2026, 12, 31)


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_an_empty_collection_form_names_every_required_field_at_once(office):
    app = application(office)
    fields = _fields(lambda: record.save(office["clerk"], app, None))
    assert tuple(fields) == record.REQUIRED
    assert record.read(app) is None


def test_wrong_collection_values_are_named_together(office):
    app = application(office)
    fields = _fields(lambda: collection(office, app, organiser_form="perseroan",
                                        methods=["arisan"], area_names="",
                                        planned_cost="10.000.001",
                                        period_end=datetime.date(2026, 12, 1)))
    assert fields == ["Bentuk penyelenggara", "Cara pengumpulan", "Nama wilayah",
                      "Rencana biaya", "Akhir pengumpulan"]
    assert record.read(app) is None


def test_an_empty_report_names_every_required_field_at_once(office):
    app = application(office)
    case = collection(office, app)
    fields = _fields(lambda: record.record_report(
        office["clerk"], app, case, due_on=None, received_on=None, collected="", costs="",
        distributed="", recipients=""))
    assert tuple(fields) == record.REPORT_REQUIRED
    fields = _fields(lambda: record.record_report(
        office["clerk"], app, case, due_on=datetime.date(2026, 11, 30),
        received_on=datetime.date.today() + datetime.timedelta(days=1), collected="1.000",
        costs="600", distributed="600", recipients="Panti"))
    assert fields == ["Tanggal laporan diterima", "Disalurkan"]
    assert CollectionReport.select().count() == 0


@pytest.mark.parametrize("area", record.AREAS)
def test_required_fields_asks_the_names_of_some_kelurahan_or_kecamatan(office, area):
    asked = record.required_fields(area)
    assert (asked == record.REQUIRED) is (area not in ("kelurahan", "kecamatan"))
    app = application(office)
    fields = _fields(lambda: record.save(office["clerk"], app, None, area_level=area))
    assert set(fields) == set(asked) - {"Wilayah pengumpulan"}


def test_report_required_asks_the_auditor_of_a_large_final_report(office):
    above = settings.value(record.AUDIT_ABOVE) + 1
    assert record.report_required(False, above) == record.REPORT_REQUIRED
    assert record.report_required(True, "seribu") == record.REPORT_REQUIRED  # no amount yet
    assert record.report_required(True, above - 1) == record.REPORT_REQUIRED
    assert record.report_required(True, f"{above:,}".replace(",", ".")) == \
        record.REPORT_REQUIRED + ("Akuntan publik",)
    app = application(office)
    case = collection(office, app, period_start=datetime.date(2026, 6, 1),
                      period_end=datetime.date(2026, 8, 31))
    fields = _fields(lambda: record.record_report(
        office["clerk"], app, case, due_on=datetime.date(2026, 8, 31), received_on=None,
        collected=above, costs="", distributed="", recipients=""))
    assert set(fields) == set(record.report_required(True, above)) - {
        "Laporan untuk", "Hasil terkumpul"}
