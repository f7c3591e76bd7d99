"""The LKS register on every backend: an LKS saved whole or not at all, each bad input refused
with the field named, Tanda Daftar recorded, renewed and revoked, the register's filters."""
import datetime

import pytest

from desktop.errors import ConflictError, PermissionDenied, ValidationError
from desktop.models import (AuditEntry, Lks, LksBeneficiary, LksBoardMember, LksRegistration,
                            Organisation, Person)
from desktop.services.admin import settings
from desktop.services.lks import export, lks_records, registrations, registry_query
from desktop.services.lks.lks_records import BoardEntry
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import permissions

from tests.factories import make_person, make_user

TODAY = datetime.date(2026, 12, 1)
NPWP_15 = "013000666091000"  # stdnum's own example, valid
CHAIR = BoardEntry("3371011503850001", "Agus Prasetyo")
SECRETARY = BoardEntry("3371015204900002", "Sri Rahayu")
TREASURER = BoardEntry("3371020101800003", "Budi Santoso")


def values(**changes) -> dict:
    base = {"name": "Yayasan Bina Sejahtera", "legal_form": "Yayasan",
            "address": "Jl. Tidar No. 5, Magersari", "kelurahan": "Magersari",
            "kecamatan": "Magelang Selatan", "legal_status": "berbadan_hukum",
            "deed_number": "12", "deed_date": datetime.date(2015, 3, 2),
            "sk_number": "AHU-0012345.AH.01.04.Tahun 2015", "sk_date": datetime.date(2015, 4, 1),
            "npwp": "01.300.066.6-091.000", "bank_name": "Bank Jateng",
            "bank_account": "1-234-56789", "bank_account_name": "Yayasan Bina Sejahtera",
            "domicile_number": "470/12/2024", "domicile_date": datetime.date(2024, 1, 10),
            "fields": ["anak", "lansia"], "staff_count": 12, "accreditation": "B"}
    base.update(changes)
    return base


BOARD = {"ketua": CHAIR, "sekretaris": SECRETARY, "bendahara": TREASURER}


@pytest.fixture
def office(backend_db):
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "head": make_user("kadis", role=permissions.HEAD),
            "duty": make_user("piket", role=permissions.DUTY_OFFICER)}


def saved(office, **changes):
    return lks_records.save(office["clerk"], values(**changes), BOARD, {"anak": 40, "lansia": 7},
                            today=TODAY)


def test_an_lks_is_saved_with_its_board_beneficiaries_and_organisation(office):
    lks = saved(office)
    fresh = lks_records.get(office["duty"], lks.id)
    assert fresh.organisation.name == "Yayasan Bina Sejahtera"
    assert fresh.npwp == NPWP_15 and fresh.bank_account == "123456789"
    assert lks_records.field_codes(fresh.fields) == ["anak", "lansia"]
    board = lks_records.board_of(fresh)
    assert {p: person.nik for p, person in board.items()} == {
        p: e.nik for p, e in BOARD.items()}
    # A new board member is a person made from the NIK: birth date and sex from it.
    assert board["sekretaris"].birth_date == datetime.date(1990, 4, 12)
    assert board["sekretaris"].sex == "P"
    assert lks_records.beneficiaries_of(fresh) == {"anak": 40, "lansia": 7}
    assert lks_records.npwp_text(fresh.npwp) == "01.300.066.6-091.000"


def test_an_lks_without_legal_entity_status_keeps_its_founding_note(office):
    lks = saved(office, legal_status="tidak_berbadan_hukum", founding_note="Nota 3/2020",
                founding_date=datetime.date(2020, 5, 4))
    fresh = Lks.get_by_id(lks.id)
    assert (fresh.legal_status, fresh.founding_note, fresh.deed_number, fresh.sk_date) == (
        "tidak_berbadan_hukum", "Nota 3/2020", "", None)


def test_an_existing_person_is_linked_not_copied(office):
    person = make_person()  # the same NIK as the chair
    lks = saved(office)
    assert lks_records.board_of(lks)["ketua"].id == person.id
    assert Person.select().where(Person.nik == CHAIR.nik).count() == 1


def test_changes_replace_the_board_and_beneficiaries(office):
    lks = saved(office)
    board = {"ketua": CHAIR, "bendahara": SECRETARY}  # the secretary now treasurer
    changed = lks_records.save(office["clerk"], values(accreditation=""), board,
                               {"anak": 41}, lks=lks, today=TODAY)
    assert {p: m.nik for p, m in lks_records.board_of(changed).items()} == {
        "ketua": CHAIR.nik, "bendahara": SECRETARY.nik}
    assert lks_records.beneficiaries_of(changed) == {"anak": 41}
    assert Lks.get_by_id(lks.id).accreditation == ""


def test_a_stale_copy_is_refused_and_keeps_its_version(office):
    lks = saved(office)
    other = lks_records.get(office["clerk"], lks.id)
    lks_records.save(office["clerk"], values(staff_count=13), BOARD, {}, lks=other, today=TODAY)
    version = lks.version
    with pytest.raises(ConflictError):
        lks_records.save(office["clerk"], values(staff_count=14), BOARD, {}, lks=lks,
                         today=TODAY)
    assert lks.version == version and Lks.get_by_id(lks.id).staff_count == 13


BAD = [
    ({"name": ""}, BOARD, "Nama LKS"),
    ({"legal_status": "koperasi"}, BOARD, "Status hukum"),
    ({"deed_number": ""}, BOARD, "Nomor akta notaris"),
    ({"deed_date": None}, BOARD, "Tanggal akta notaris"),
    ({"sk_date": datetime.date(2015, 1, 1)}, BOARD, "Tanggal SK Kemenkumham"),
    ({"sk_date": datetime.date(2027, 1, 1)}, BOARD, "Tanggal SK Kemenkumham"),
    ({"legal_status": "tidak_berbadan_hukum"}, BOARD, "Nota pendirian (dilegalisasi)"),
    ({"npwp": "01.300.066.6-091"}, BOARD, "NPWP"),  # 12 digits
    ({"npwp": "013000667091000"}, BOARD, "NPWP"),  # the check digit is wrong
    ({"npwp": "01A300066609100"}, BOARD, "NPWP"),
    ({"bank_account_name": ""}, BOARD, "Nama pemilik rekening"),
    ({"bank_account": "12ab"}, BOARD, "Nomor rekening"),
    ({"domicile_date": None}, BOARD, "Tanggal surat domisili"),
    ({"kecamatan": " "}, BOARD, "Kecamatan"),
    ({"fields": []}, BOARD, "Bidang pelayanan"),
    ({"fields": ["kebun"]}, BOARD, "Bidang pelayanan"),
    ({"staff_count": -1}, BOARD, "Jumlah staf"),
    ({"staff_count": "dua belas"}, BOARD, "Jumlah staf"),
    ({"accreditation": "D"}, BOARD, "Akreditasi"),
    ({"email": "bukan-email"}, BOARD, "E-mail"),
    ({}, {"sekretaris": SECRETARY}, "NIK Ketua"),
    ({}, {**BOARD, "ketua": BoardEntry("3371011503850000", "Agus")}, "NIK Ketua"),
    ({}, {**BOARD, "bendahara": BoardEntry("337102010180", "Budi")}, "NIK Bendahara"),
    ({}, {**BOARD, "sekretaris": BoardEntry(SECRETARY.nik, "")}, "Nama Sekretaris"),
    ({}, {**BOARD, "bendahara": CHAIR}, "Pengurus"),
]


@pytest.mark.parametrize("changes, board, field", BAD)
def test_bad_input_is_refused_with_its_field_and_nothing_saved(office, changes, board, field):
    before = (Lks.select().count(), Organisation.select().count(), Person.select().count())
    with pytest.raises(ValidationError) as caught:
        lks_records.save(office["clerk"], values(**changes), board, {"anak": 3}, today=TODAY)
    assert caught.value.field == field
    assert caught.value.message and "Traceback" not in caught.value.message
    after = (Lks.select().count(), Organisation.select().count(), Person.select().count())
    assert after == before
    assert LksBoardMember.select().count() == LksBeneficiary.select().count() == 0


def test_the_16_digit_npwp_is_accepted():
    assert lks_records.check_npwp("0013000666091000") == "0013000666091000"
    with pytest.raises(ValidationError) as caught:
        lks_records.check_npwp("12345678901234567")
    assert "16 angka" in caught.value.message


def test_a_duty_officer_reads_but_does_not_edit(office):
    with pytest.raises(PermissionDenied):
        lks_records.save(office["duty"], values(), BOARD, {}, today=TODAY)
    lks = saved(office)
    assert registry_query.count(office["duty"], LksFilter()) == 1
    assert lks_records.get(office["duty"], lks.id).id == lks.id


def test_registration_renewal_revocation_and_the_states(office):
    lks = saved(office)
    assert registrations.state_of(lks.registered_until, lks.revoked, TODAY) == "belum"
    with pytest.raises(ValidationError) as caught:
        registrations.record(office["clerk"], lks, "400.9.12/1/2023", TODAY, TODAY,
                             kind="perpanjangan", today=TODAY)
    assert caught.value.field == "Jenis pendaftaran"
    with pytest.raises(ValidationError) as caught:  # a validity that ends before it starts
        registrations.record(office["clerk"], lks, "400.9.12/1/2023", TODAY, TODAY,
                             TODAY - datetime.timedelta(days=1), today=TODAY)
    assert caught.value.field == "Berlaku sampai"
    first = registrations.record(office["clerk"], lks, "400.9.12/1/2023",
                                 datetime.date(2023, 12, 20), datetime.date(2024, 1, 2),
                                 today=TODAY)
    assert first.valid_until == datetime.date(2027, 1, 1)  # 3 years (the setting)
    fresh = Lks.get_by_id(lks.id)
    assert fresh.registered_until == first.valid_until
    assert registrations.state_of(fresh.registered_until, fresh.revoked, TODAY) == "segera_habis"
    assert registrations.state_of(fresh.registered_until, False, TODAY, warn_days=30) == "berlaku"
    assert registrations.state_of(fresh.registered_until, False,
                                  datetime.date(2027, 1, 2)) == "habis"
    with pytest.raises(ValidationError):  # the same number twice
        registrations.record(office["clerk"], lks, "400.9.12/1/2023", TODAY, TODAY, today=TODAY)
    renewal = registrations.record(office["clerk"], lks, "400.9.12/7/2026", TODAY,
                                   datetime.date(2027, 1, 2), kind="perpanjangan", today=TODAY)
    assert Lks.get_by_id(lks.id).registration_number == renewal.number
    with pytest.raises(PermissionDenied):
        registrations.revoke(office["clerk"], lks, "Tidak beralamat lagi di sini.")
    with pytest.raises(ValidationError) as caught:
        registrations.revoke(office["head"], lks, "pindah")
    assert caught.value.field == "Alasan pencabutan"
    registrations.revoke(office["head"], lks, "Tidak lagi beralamat di sekretariatnya.")
    fresh = Lks.get_by_id(lks.id)
    assert fresh.revoked and registrations.state_of(fresh.registered_until, True, TODAY) == "dicabut"
    assert AuditEntry.select().where((AuditEntry.table_name == "lks_registration")
                                     & (AuditEntry.username == "kadis")).exists()
    # The dialog's copy followed: a later save of its details does not conflict.
    lks_records.save(office["clerk"], values(staff_count=20), BOARD, {}, lks=lks, today=TODAY)


def test_the_validity_follows_its_setting(office):
    settings.set_value(make_user("admin", role=permissions.ADMIN), "lks.validity_years", 5)
    assert registrations.default_until(datetime.date(2024, 2, 29)) == datetime.date(2029, 2, 28)
    assert registrations.default_until(datetime.date(2024, 2, 28)) == datetime.date(2029, 2, 27)


def test_the_register_filters_by_text_field_state_and_kecamatan(office):
    a = saved(office)
    b = lks_records.save(office["clerk"], values(
        name="Perkumpulan Peduli Lansia", npwp="", fields=["lansia"],
        kecamatan="Magelang Utara", bank_name="", bank_account="", bank_account_name=""),
        {"ketua": TREASURER}, {}, today=TODAY)
    registrations.record(office["clerk"], a, "A/1", datetime.date(2024, 1, 2),
                         datetime.date(2024, 1, 2), today=TODAY)  # ends 1 Jan 2027: soon
    registrations.record(office["clerk"], b, "B/1", datetime.date(2022, 1, 2),
                         datetime.date(2022, 1, 2), today=TODAY)  # ended 1 Jan 2025

    def names(**criteria):
        return [r.name for r in registry_query.page(office["duty"], LksFilter(**criteria),
                                                    today=TODAY)]

    assert names() == ["Perkumpulan Peduli Lansia", "Yayasan Bina Sejahtera"]
    assert names(text="yay") == ["Yayasan Bina Sejahtera"]
    assert names(text="01.300") == ["Yayasan Bina Sejahtera"]
    assert names(field="lansia") == ["Perkumpulan Peduli Lansia", "Yayasan Bina Sejahtera"]
    assert names(field="anak") == ["Yayasan Bina Sejahtera"]
    assert names(state="segera_habis") == ["Yayasan Bina Sejahtera"]
    assert names(state="habis") == ["Perkumpulan Peduli Lansia"]
    assert names(state="berlaku") == names(state="dicabut") == names(state="belum") == []
    assert names(kecamatan="Magelang Utara") == ["Perkumpulan Peduli Lansia"]
    assert names(expiring_within=90) == ["Yayasan Bina Sejahtera"]
    assert names(expiring_within=30) == []
    assert registry_query.count(office["duty"], LksFilter(state="habis"), today=TODAY) == 1
    assert registry_query.kecamatan_names(office["duty"]) == ["Magelang Selatan",
                                                              "Magelang Utara"]


def test_export_writes_the_filtered_register(office, tmp_path):
    from openpyxl import load_workbook

    lks = saved(office)
    registrations.record(office["clerk"], lks, "A/1", datetime.date(2024, 1, 2),
                         datetime.date(2024, 1, 2), today=TODAY)
    path = tmp_path / "lks.xlsx"
    assert export.export_xlsx(office["duty"], LksFilter(), path, today=TODAY) == 1
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == list(export.HEADERS)
    row = [c.value for c in sheet[3]]
    assert row[0] == "Yayasan Bina Sejahtera" and row[2] == "01.300.066.6-091.000"
    assert row[3] == "Anak, Lanjut usia" and row[7] == "Segera habis"
    assert row[6].date() == datetime.date(2027, 1, 1)
    assert export.export_xlsx(office["duty"], LksFilter(field="napza"), path, today=TODAY) == 0


def test_a_board_member_in_a_closed_case_stays_on_the_board(office):
    """The treasurer is also the applicant of a referral the clerk may not open: the board as
    it stands saves, but the clerk cannot put that NIK on another LKS's board."""
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog

    lks = saved(office)
    treasurer = lks_records.board_of(lks)["bendahara"]
    service_catalog.load_shipped()
    social = make_user("peksos", role=permissions.SOCIAL_WORKER)
    workflow.register(social, service_catalog.get("mgt-23-rekomendasi-odgj"), person=treasurer)
    lks = Lks.get_by_id(lks.id)
    assert lks_records.save(office["clerk"], values(staff_count=13), BOARD, {"anak": 40},
                            lks=lks, today=TODAY).staff_count == 13
    with pytest.raises(ValidationError) as caught:
        lks_records.save(office["clerk"], values(name="Yayasan Lain", npwp=""), BOARD, {},
                         today=TODAY)
    assert caught.value.field == "Pengurus" and treasurer.name not in caught.value.message


def test_an_empty_registration_is_refused_field_by_field_at_once(office):
    from desktop.errors import ValidationErrors

    lks = saved(office)
    with pytest.raises(ValidationErrors) as caught:
        registrations.record(office["clerk"], lks, " ", None, None, kind="perpanjangan",
                             today=TODAY)
    assert [e.field for e in caught.value.errors] == [
        "Nomor Tanda Daftar", "Tanggal terbit", "Berlaku mulai", "Jenis pendaftaran"]
    assert not LksRegistration.select().exists()


# Every conditionally required field left empty, then some written back: what the values ask.
NO_CONDITIONAL = dict(deed_number="", deed_date=None, sk_number="", sk_date=None,
                      founding_note="", founding_date=None, bank_name="", bank_account="",
                      bank_account_name="", domicile_number="", domicile_date=None)
FOUNDED = dict(legal_status="tidak_berbadan_hukum", founding_note="12/NP/2019",
               founding_date=datetime.date(2019, 5, 2))
FOUNDED_FIELDS = {"Nota pendirian (dilegalisasi)", "Tanggal nota pendirian"}
DEED_FIELDS = {"Nomor akta notaris", "Tanggal akta notaris", "Nomor SK Kemenkumham",
               "Tanggal SK Kemenkumham"}
BANK = {"Nama bank", "Nomor rekening", "Nama pemilik rekening"}
CONDITIONS = [
    ({}, DEED_FIELDS, DEED_FIELDS),
    ({"legal_status": "tidak_berbadan_hukum"}, FOUNDED_FIELDS, FOUNDED_FIELDS),
    ({**FOUNDED, "bank_account": "123456"}, FOUNDED_FIELDS | BANK,
     {"Nama bank", "Nama pemilik rekening"}),
    ({**FOUNDED, "bank_account": " - "}, FOUNDED_FIELDS, set()),  # a stray dash: no account
    ({**FOUNDED, "domicile_number": "470/12/2024"}, FOUNDED_FIELDS | {"Tanggal surat domisili"},
     {"Tanggal surat domisili"}),
]


@pytest.mark.parametrize("changes, required, refused", CONDITIONS)
def test_required_fields_names_what_save_refuses_empty(office, changes, required, refused):
    given = values(**{**NO_CONDITIONAL, **changes})
    asked = lks_records.required_fields(given)
    assert set(lks_records.REQUIRED) <= set(asked)
    assert {f for f in asked if f in lks_records.CONDITIONAL} == required
    if not refused:
        lks_records.save(office["clerk"], given, BOARD, {}, today=TODAY)
        return
    with pytest.raises(ValidationError) as caught:
        lks_records.save(office["clerk"], given, BOARD, {}, today=TODAY)
    errors = getattr(caught.value, "errors", [caught.value])
    assert {e.field for e in errors} == refused
    assert all("wajib" in e.message for e in errors)
