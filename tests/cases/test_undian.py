"""The raffle case kind on every backend: the lead time counted in working days across
weekends, Christmas and its cuti bersama and an office-added holiday at both ends of the
count; the contribution in figures and words; the organiser; bad input refused by field."""
import datetime

import pytest

from desktop.cases.undian import KIND, letters, record
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Application
from desktop.services.admin import calendar, settings
from desktop.services.applications import people, workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions

from tests.factories import make_user

SERVICE = "mgt-03-izin-undian-gratis-berhadiah"
DRAW = datetime.date(2026, 12, 30)  # a Wednesday after Christmas (25th) and cuti bersama (24th)
LAST = datetime.date(2026, 12, 8)  # 14 working days before it: 9-11, 14-18, 21-23, 28-30 Dec


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "duty": make_user("piket", role=permissions.DUTY_OFFICER),
         "head": make_user("kadis", role=permissions.HEAD, nip="197001011990031001",
                           position="Kepala Dinas Sosial"),
         "admin": make_user("admin", role=permissions.ADMIN)}
    o["org"] = people.register_organisation(o["clerk"], name="PT Toserba Sejahtera",
                                            legal_form="Perseroan terbatas",
                                            address="Jl. Pemuda 12")
    return o


def applied(office, day: datetime.date):
    """An application received on `day` at 10.00 WIB."""
    app = workflow.register(office["clerk"], service_catalog.get(SERVICE),
                            organisation=office["org"])
    moment = datetime.datetime.combine(day, datetime.time(3, 0))  # UTC
    Application.update(received_at=moment).where(Application.id == app.id).execute()
    return Application.get_by_id(app.id)


def raffle(office, app, existing=None, **changes):
    values = dict(organiser_status="badan_hukum", organiser_founded=None,
                  raffle_name="Undian Belanja Akhir Tahun", period_start=datetime.date(2026, 12, 1),
                  period_end=datetime.date(2026, 12, 29), draw_date=DRAW,
                  draw_place="Gedung Wanita Kota Magelang", notary="Hj. Sri Wahyuni, S.H.",
                  prizes=[("Sepeda motor matik", 1, "18.500.000"),
                          ("Televisi LED 32 inci", 3, 2_500_000)],
                  contribution="2.600.000")
    values.update(changes)
    return record.save(office["clerk"], app, existing, **values)


def test_the_shipped_service_carries_the_kind(office):
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND


def test_the_last_day_counts_working_days_across_christmas(office):
    assert record.last_day_to_apply(DRAW) == LAST
    case = raffle(office, applied(office, LAST))
    assert record.prize_total(case) == 26_000_000
    with pytest.raises(ValidationError) as caught:
        raffle(office, applied(office, LAST + datetime.timedelta(days=1)))  # 13 working days
    assert caught.value.field == "Tanggal penarikan"
    assert "8 Desember 2026" in caught.value.message and "14 hari kerja" in caught.value.message


def test_an_office_holiday_moves_the_last_day_at_either_end(office):
    calendar.add_holiday(office["admin"], datetime.date(2026, 12, 29), "Cuti bersama tambahan")
    assert record.last_day_to_apply(DRAW) == datetime.date(2026, 12, 7)  # the draw end
    calendar.remove_holiday(office["admin"], datetime.date(2026, 12, 29))
    calendar.add_holiday(office["admin"], datetime.date(2026, 12, 9), "Pilkada")
    assert record.last_day_to_apply(DRAW) == datetime.date(2026, 12, 7)  # the applying end
    # A draw on a holiday: the draw day is not one of the 14. Applying on Sunday the 6th
    # still leaves 14 (7, 8, 10, 11, 14-18, 21-23, 28, 29 December); Monday the 7th not.
    calendar.add_holiday(office["admin"], DRAW, "Libur daerah")
    assert record.last_day_to_apply(DRAW) == datetime.date(2026, 12, 6)


def test_the_contribution_is_at_least_its_share_of_the_prizes(office):
    app = applied(office, LAST)
    with pytest.raises(ValidationError) as caught:
        raffle(office, app, contribution="2.599.999")
    assert caught.value.field == "Sumbangan sosial"
    assert "Rp 2.600.000,00" in caught.value.message and "10%" in caught.value.message
    settings.set_value(office["admin"], "undian.contribution_percent", 12)
    with pytest.raises(ValidationError):
        raffle(office, app)
    case = raffle(office, app, contribution=3_120_000)
    head = office["head"]
    letter = lifecycle.draft(office["clerk"], app, signer=head, fields={"prizes": ["diketik"]})
    filled = context.build(letter, application=app)
    assert filled["prizes"] == letters.prize_lines(case) == [
        "Sepeda motor matik: 1 unit @ Rp 18.500.000,00 = Rp 18.500.000,00",
        "Televisi LED 32 inci: 3 unit @ Rp 2.500.000,00 = Rp 7.500.000,00"]
    assert filled["prize_total"] == "Rp 26.000.000,00"
    assert filled["prize_total_words"] == "dua puluh enam juta rupiah"
    assert filled["social_contribution_words"] == "tiga juta seratus dua puluh ribu rupiah"
    assert filled["draw_date"] == "30 Desember 2026"
    assert letter.classification == "400.9.7"
    from desktop.services.admin import office as profile
    from tests.factories import submit_complete

    profile.save_profile(office["admin"], profile.get_profile(), office_name="Dinas Sosial",
                         region_kind="Kota", region_name="Magelang", address="Jl. Sudirman 79",
                         unit_code="Dinsos", classification_code="400.9")
    coordinator = make_user("koord", role=permissions.HEAD, nip="198001012005011003")
    letter = lifecycle.paraf(coordinator, submit_complete(office["clerk"], letter))
    signed = lifecycle.sign(head, letter)
    assert signed.number.startswith("400.9.7/") and lifecycle.signed_document(signed)


@pytest.mark.parametrize("changes, field", [
    (dict(organiser_status="perorangan"), "Penyelenggara"),
    (dict(organiser_status="badan_lain", organiser_founded=None),
     "Tanggal berdiri penyelenggara"),
    (dict(organiser_status="badan_lain", organiser_founded=datetime.date(2026, 1, 5)),
     "Tanggal berdiri penyelenggara"),  # less than a year before 8 December
    (dict(raffle_name=" "), "Nama program undian"),
    (dict(period_end=datetime.date(2026, 11, 30)), "Akhir program"),
    (dict(draw_date=datetime.date(2026, 11, 30)), "Tanggal penarikan"),
    (dict(draw_date=None), "Tanggal penarikan"),
    (dict(draw_place=""), "Tempat penarikan"),
    (dict(notary=""), "Notaris"),
    (dict(prizes=[]), "Daftar hadiah"),
    (dict(prizes=[("", 1, 1000)]), "Hadiah 1"),
    (dict(prizes=[("TV", 0, 1000)]), "Jumlah hadiah 1"),
    (dict(prizes=[("TV", 1, 1000), ("Kulkas", 1, "dua juta")]), "Nilai hadiah 2"),
    (dict(prizes=[("TV", 1, 0)]), "Nilai hadiah 1"),
    (dict(contribution="seribu"), "Sumbangan sosial"),
])
def test_bad_input_is_refused_by_field_and_nothing_saved(office, changes, field):
    app = applied(office, LAST)
    with pytest.raises(ValidationError) as caught:
        raffle(office, app, **changes)
    assert caught.value.field == field
    assert record.read(app) is None


def test_a_body_a_year_old_may_organise(office):
    app = applied(office, LAST)
    case = raffle(office, app, organiser_status="badan_lain",
                  organiser_founded=datetime.date(2025, 12, 8))
    assert case.organiser_founded == datetime.date(2025, 12, 8)


def test_the_report_after_the_hand_over(office):
    app = applied(office, LAST)
    case = raffle(office, app)
    with pytest.raises(ValidationError) as caught:
        record.save_report(office["clerk"], app, case, handover_end=datetime.date(2026, 12, 20),
                           today=datetime.date(2027, 2, 1))
    assert caught.value.field == "Akhir penyerahan hadiah"
    case = record.save_report(office["clerk"], app, case,
                              handover_end=datetime.date(2027, 1, 10),
                              today=datetime.date(2027, 2, 1))
    assert record.report_due(case) == datetime.date(2027, 2, 9)
    case = record.save_report(office["clerk"], app, case, handover_end=case.handover_end,
                              received_on=datetime.date(2027, 2, 1), note="Lengkap.",
                              today=datetime.date(2027, 2, 1))
    assert case.report_received_on == datetime.date(2027, 2, 1)
    with pytest.raises(PermissionDenied):
        record.save_report(office["duty"], app, case, handover_end=case.handover_end,
                           today=datetime.date(2027, 2, 1))


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_an_empty_raffle_form_names_every_required_field_at_once(office):
    app = applied(office, LAST)
    assert tuple(_fields(lambda: record.save(office["clerk"], app, None))) == record.REQUIRED
    assert record.read(app) is None


def test_wrong_raffle_values_are_named_together(office):
    app = applied(office, LAST + datetime.timedelta(days=1))
    fields = _fields(lambda: raffle(
        office, app, organiser_status="badan_lain", organiser_founded=None, notary="",
        prizes=[("", 1, "1.000"), ("TV", 0, "dua juta")], contribution="seribu"))
    assert fields == ["Tanggal berdiri penyelenggara", "Tanggal penarikan", "Notaris",
                      "Hadiah 1", "Jumlah hadiah 2", "Nilai hadiah 2", "Sumbangan sosial"]
    assert record.read(app) is None


def test_the_report_names_both_dates_at_fault(office):
    app = applied(office, LAST)
    case = raffle(office, app)
    fields = _fields(lambda: record.save_report(
        office["clerk"], app, case, handover_end=datetime.date(2026, 12, 20),
        received_on=datetime.date(2027, 3, 1), today=datetime.date(2027, 2, 1)))
    assert fields == ["Akhir penyerahan hadiah", "Tanggal laporan diterima"]
    assert record.read(app).handover_end is None


def test_required_fields_asks_a_body_that_is_no_legal_entity_its_founding_date(office):
    assert record.required_fields("badan_hukum") == record.REQUIRED
    assert set(record.required_fields("badan_lain")) == {*record.REQUIRED, record.FOUNDED_FIELD}
    app = applied(office, LAST)
    for status in record.ORGANISERS:  # left empty, what each asks is refused
        fields = _fields(lambda: record.save(office["clerk"], app, None,
                                             organiser_status=status))
        assert set(fields) == set(record.required_fields(status)) - {"Penyelenggara"}
