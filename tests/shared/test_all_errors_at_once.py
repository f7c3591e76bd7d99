"""Each form's service refuses every field at fault in one call (ValidationErrors), in the
form's order, and saves nothing; the fields they name are the services' REQUIRED."""
import datetime

import pytest

from desktop.errors import ValidationErrors
from desktop.models import ClinicRequest, Complaint, HearseBooking, Lks, Person
from desktop.services.applications import people
from desktop.services.complaints import complaints
from desktop.services.lks import lks_records
from desktop.services.schedule import clinic, hearse
from tests.factories import make_office
from tests.schedule import test_schedule

setup = test_schedule.setup
local = test_schedule.local


def _fields(call) -> list[str]:
    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_hearse_booking_names_every_required_field(setup):
    fields = _fields(lambda: hearse.save(setup["actor"], departure_at=None))
    assert fields == ["NIK penanggung jawab", "Nama penanggung jawab",
                      "Telepon penanggung jawab", "Nama almarhum", "Tanggal meninggal",
                      "Alamat rumah duka", "Pemakaman", "Waktu berangkat", "Kendaraan",
                      "Pengemudi"]
    assert tuple(fields) == hearse.REQUIRED
    assert HearseBooking.select().count() == 0


def test_hearse_wrong_values_are_named_together(setup):
    fields = _fields(lambda: hearse.save(
        setup["actor"], responsible_nik="3371", responsible_name="Agus",
        responsible_phone="12", deceased_name="Slamet",
        death_date=datetime.date.today() + datetime.timedelta(days=2),
        pickup_address="Jl. Tidar", cemetery_id=setup["tpu"].id,
        departure_at=local(-2, 9), vehicle_id=setup["v1"].id, driver_id=setup["d1"].id))
    assert fields == ["NIK penanggung jawab", "Telepon penanggung jawab", "Tanggal meninggal",
                      "Waktu berangkat"]


def test_empty_clinic_request_names_every_required_field(setup):
    fields = _fields(lambda: clinic.save(setup["actor"], start_at=None))
    assert tuple(fields) == clinic.REQUIRED
    assert ClinicRequest.select().count() == 0


def test_empty_person_names_nik_name_and_birth_date(backend_db):
    office = make_office()
    before = Person.select().count()
    fields = _fields(lambda: people.register_person(office["clerk"], name="", rt="12345",
                                                    birth_date=datetime.date(2999, 1, 1)))
    assert fields == ["Nama lengkap", "Tanggal lahir", "RT", "NIK"]
    assert set(people.REQUIRED) <= set(fields)
    assert Person.select().count() == before


def test_a_future_birth_date_is_refused_naming_the_field(backend_db):
    office = make_office()
    with pytest.raises(people.ValidationError) as caught:
        people.register_person(office["clerk"], documented=False, name="Sulastri",
                               identity_note="tanpa identitas",
                               birth_date=datetime.date.today() + datetime.timedelta(days=1))
    assert caught.value.field == "Tanggal lahir"
    assert "tidak boleh di masa depan" in caught.value.message


def test_empty_complaint_names_every_required_field(backend_db):
    office = make_office()
    fields = _fields(lambda: complaints.record(office["clerk"], kind="pengaduan", channel="",
                                               subject="", category="waktu"))
    assert tuple(fields) == complaints.REQUIRED
    assert Complaint.select().count() == 0


def test_empty_lks_names_every_required_field(backend_db):
    office = make_office()
    fields = _fields(lambda: lks_records.save(office["clerk"], {"legal_status": ""}, {}, {}))
    assert set(lks_records.REQUIRED) == set(fields)
    assert Lks.select().count() == 0


def test_at_the_desk_the_address_is_required_too(backend_db):
    """Data Warga and the new-application wizard register from the KTP: its address as well."""
    office = make_office()
    fields = _fields(lambda: people.register_person(office["clerk"], at_desk=True, name=""))
    assert fields[:2] == ["Nama lengkap", "Alamat (jalan)"]
    assert set(people.DESK_REQUIRED) <= set(fields)
    # Someone without identity papers may have no address to give.
    nameless = people.register_person(office["clerk"], at_desk=True, documented=False,
                                      name="Tanpa Nama", identity_note="ditemukan di terminal")
    assert nameless.street == "" and Person.select().count() == 2  # with the office's one


def test_settings_are_stored_all_or_none(backend_db):
    from desktop.services.admin import settings

    office = make_office()
    fields = _fields(lambda: settings.set_values(office["admin"], {
        "session.idle_minutes": 30, "applications.number_pattern": "",
        "login.max_attempts": 999}))
    assert fields == ["Pola nomor registrasi", "Batas salah kata sandi"]
    assert settings.get("session.idle_minutes") == 15  # the sound one waits for the others
    settings.set_values(office["admin"], {"session.idle_minutes": 30, "login.max_attempts": 9})
    assert (settings.get("session.idle_minutes"), settings.get("login.max_attempts")) == (30, 9)
