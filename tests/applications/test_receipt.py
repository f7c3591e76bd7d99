"""The tanda terima berkas's content: what was handed in and what is missing, the NIK cut to its
last 4 digits, the due date (or 'tanpa batas waktu'), how to ask, and who received it."""
import datetime

import pytest

from desktop.errors import NotFound, ValidationError
from desktop.services.admin import office as office_profile
from desktop.services.admin import settings
from desktop.services.applications import people, receipt, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import masking, permissions, timefmt
from tests.factories import make_office, make_person, make_user

SLRT = "dpk-slrt"  # 7 requirements, 5 working days from receipt
LKS = "mgl-tanda-daftar-lks"  # 7 working days from complete documents
DTKS = "mgl-surat-keterangan-dtks"  # 20 minutes
HEARSE = "mgl-mobil-jenazah"  # conditional
NIK = "3371011503850001"


@pytest.fixture
def office(backend_db):
    o = make_office()
    office_profile.save_profile(o["admin"], office_profile.get_profile(),
                                office_name="Dinas Sosial", region_kind="Kota",
                                region_name="Magelang", address="Jl. Sudirman No. 79",
                                phone="(0293) 362021", email="dinsos@magelangkota.go.id",
                                unit_code="Dinsos", classification_code="400.9")
    yield o
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def register(o, code, checks=None, **kwargs):
    return workflow.register(o["clerk"], service_catalog.get(code), person=o["person"],
                             checks=checks or {}, **kwargs)


def test_received_and_missing_follow_the_checklist(office):
    requirements = service_catalog.requirements_of(service_catalog.get(SLRT))
    states = {1: "ada", 2: "kurang", 3: "tidak_berlaku", 4: "ada"}
    app = register(office, SLRT, {r.position: states.get(r.position, "kurang")
                                  for r in requirements})
    found = receipt.build(office["clerk"], app.id)
    by_position = {r.position: f"{r.group_name}: {r.text}" if r.group_name else r.text
                   for r in requirements}
    assert found.received == (by_position[1], by_position[4])
    assert found.missing == tuple(by_position[p] for p in by_position if p not in (1, 3, 4))
    assert by_position[3] not in found.received + found.missing  # not applicable: neither
    assert found.reg_number == app.reg_number and found.service == app.service.name
    assert found.officer == "Layanan Santoso"  # the registrar's full name, not the login


def test_the_nik_shows_its_last_four_digits_only(office):
    found = receipt.build(office["clerk"], register(office, DTKS).id)
    assert found.applicant == "Agus Prasetyo"
    assert found.identity == "NIK ************0001"
    assert NIK not in repr(found)
    assert masking.nik_last4(None) == "" and masking.nik_last4("123") == "123"
    assert masking.mask_niks(f"cari {NIK}, 12345") == "cari ************0001, 12345"


def test_without_a_nik_or_for_an_organisation(office):
    nameless = people.register_person(permissions.SYSTEM, documented=False, name="Tanpa Nama",
                                      identity_note="dirujuk RSUD")
    app = workflow.register(office["clerk"], service_catalog.get(DTKS), person=nameless)
    assert receipt.build(office["clerk"], app.id).identity == "Tanpa NIK"
    org = people.register_organisation(office["clerk"], name="Yayasan Peduli Sesama",
                                       legal_form="Yayasan", address="Jl. Pemuda 3")
    app = workflow.register(office["clerk"], service_catalog.get(LKS), organisation=org)
    found = receipt.build(office["clerk"], app.id)
    assert (found.applicant, found.identity) == ("Yayasan Peduli Sesama", "Yayasan")


def test_due_date_in_working_days_is_a_date(office):
    received = datetime.datetime(2026, 12, 1, 2, 0)  # Tuesday 09.00 WIB
    app = register(office, SLRT, received_at=received)
    found = receipt.build(office["clerk"], app.id)
    assert app.due_at is not None and not found.unlimited
    assert found.due == (f"Selesai paling lambat {timefmt.format_local_date(app.due_at)} "
                         "(jangka waktu 5 hari kerja).")
    assert "8 Desember 2026" in found.due  # five office days on: Tue 8 December


def test_due_in_minutes_names_the_time(office):
    app = register(office, DTKS, {1: "ada"})
    found = receipt.build(office["clerk"], app.id)
    assert found.due == (f"Selesai paling lambat {timefmt.format_local(app.due_at)} "
                         "(jangka waktu 20 menit).")


def test_a_conditional_service_has_no_time_limit(office):
    found = receipt.build(office["clerk"], register(office, HEARSE).id)
    assert found.unlimited
    assert found.due.startswith("Tanpa batas waktu")


def test_a_clock_that_waits_for_complete_documents_says_so(office):
    found = receipt.build(office["clerk"], register(office, LKS).id)  # nothing handed in
    assert not found.unlimited
    assert found.due == ("Jangka waktu 7 hari kerja sejak berkas lengkap: batas waktunya "
                         "dihitung setelah persyaratan yang belum ada dilengkapi.")
    assert len(found.missing) == 11 and found.received == ()


def test_how_to_ask_quotes_the_number_and_the_office_contacts(office):
    app = register(office, DTKS)
    found = receipt.build(office["clerk"], app.id)
    assert found.ask[0] == (f"Sebutkan nomor registrasi {app.reg_number} saat menanyakan "
                            "perkembangan permohonan.")
    assert "Datang ke kantor: Jl. Sudirman No. 79" in found.ask
    assert "Telepon: (0293) 362021" in found.ask
    assert not any(line.startswith("WhatsApp") for line in found.ask)
    settings.set_value(office["admin"], "applications.receipt_whatsapp", "0812 2800 1234")
    assert "WhatsApp: 0812 2800 1234" in receipt.build(office["clerk"], app.id).ask
    assert found.heading == ("PEMERINTAH KOTA MAGELANG", "DINAS SOSIAL")
    assert found.office_lines == ("Jl. Sudirman No. 79", "Telepon (0293) 362021 · Pos-el "
                                  "dinsos@magelangkota.go.id")


def test_the_settings_refuse_what_they_cannot_print(office):
    assert receipt.paper() == "a5"
    settings.set_value(office["admin"], "applications.receipt_paper", "58mm")
    assert receipt.paper() == "58mm"
    with pytest.raises(ValidationError) as caught:
        settings.set_value(office["admin"], "applications.receipt_paper", "a4")
    assert "Kertas tanda terima berkas" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        settings.set_value(office["admin"], "applications.receipt_whatsapp", "WA kantor")
    assert "Nomor WhatsApp" in caught.value.message and "081234567890" in caught.value.message


def test_a_case_the_reader_may_not_open_gives_no_receipt(office):
    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    app = workflow.register(office["worker"], service_catalog.get("mgt-26-rekomendasi-anjal-at"),
                            person=child)
    outsider = make_user("piket", role=permissions.DUTY_OFFICER)
    with pytest.raises(NotFound):
        receipt.build(outsider, app.id)
    assert receipt.build(office["worker"], app.id).applicant == "Putri Anjani"
