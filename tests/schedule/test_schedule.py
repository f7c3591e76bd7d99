"""Hearse bookings and the seating clinic: rules, clashes and suggestions on every backend."""
import datetime

import pytest

from desktop.errors import PermissionDenied, ValidationError, ValidationErrors
from desktop.models import AuditEntry, ClinicRequest, HearseBooking, utcnow
from desktop.services.admin import office, settings
from desktop.services.schedule import changes, clinic, hearse, resources
from desktop.services.schedule.clashes import ClashError
from desktop.services.schedule.fields import to_utc
from desktop.services.shared import permissions
from tests.factories import make_user

PROFILE = dict(office_name="Dinas Sosial", region_kind="Kota", region_name="Magelang",
               address="Jl. Jenderal Sudirman No. 46", unit_code="Dinsos",
               classification_code="400.9")


def local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    """Naive UTC of an office-local time `days` from today."""
    from desktop.services.schedule.fields import local_date

    day = local_date(utcnow()) + datetime.timedelta(days=days)
    return to_utc(datetime.datetime.combine(day, datetime.time(hour, minute)))


def family(**extra) -> dict:
    values = dict(responsible_nik="3371011503850001", responsible_name="Agus Prasetyo",
                  responsible_phone="081234567890", responsible_relation="Anak",
                  deceased_name="Slamet Riyadi", death_date=utcnow().date(),
                  pickup_address="Jl. Tidar No. 5, Magersari")
    values.update(extra)
    return values


def client(**extra) -> dict:
    values = dict(client_nik="3371014508900002", client_kk="3371010101100003",
                  client_name="Sri Wahyuni", client_address="Jl. Pemuda No. 12, Kemirirejo",
                  client_phone="081298765432", kind="repair", place="home")
    values.update(extra)
    return values


@pytest.fixture
def setup(backend_db):
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE)
    actor = make_user("piket", role=permissions.DUTY_OFFICER)
    s = permissions.SYSTEM
    data = dict(
        actor=actor,
        v1=resources.save_vehicle(s, plate="aa1234xy", name="Toyota Hiace"),
        v2=resources.save_vehicle(s, plate="AA 5678 ZA", name="Isuzu Elf"),
        d1=resources.save_driver(s, name="Joko Susanto", phone="081211112222"),
        d2=resources.save_driver(s, name="Heru Wibowo"),
        t1=resources.save_technician(s, name="Bayu Pratama"),
        t2=resources.save_technician(s, name="Rudi Hartono"),
        tpu=resources.save_cemetery(s, name="TPU Giriloyo", kelurahan="Magersari"),
    )
    return data


def book(setup, departure, vehicle="v1", driver="d1", **extra):
    values = family(cemetery_id=setup["tpu"].id, departure_at=departure,
                    vehicle_id=setup[vehicle].id, driver_id=setup[driver].id)
    values.update(extra)
    return hearse.save(setup["actor"], **values)


def test_booking_stores_block_with_buffers_and_is_audited(setup):
    departure = local(1, 9)
    booking = book(setup, departure)
    assert booking.state == "booked" and booking.vehicle.plate == "AA 1234 XY"
    assert booking.duration_minutes == 120 and booking.buffer_before == 30
    assert booking.start_at == departure - datetime.timedelta(minutes=30)
    assert booking.end_at == departure + datetime.timedelta(minutes=150)
    assert booking.cemetery_name == "TPU Giriloyo"
    assert AuditEntry.select().where(AuditEntry.table_name == "hearse_booking").count() == 1


def test_clash_names_the_booking_and_proposes_next_free_slot(setup):
    first = book(setup, local(1, 9))
    with pytest.raises(ClashError) as caught:
        book(setup, local(1, 10), driver="d2", deceased_name="Bambang Utomo")
    error = caught.value
    assert error.field == "Kendaraan" and error.conflict.id == first.id
    assert f"MJ-{first.id:04d}" in error.message and "Slamet Riyadi" in error.message
    # first block ends 11.30 local; the next departure leaves 30 minutes of buffer before it
    assert error.suggestion == local(1, 12)
    assert "Yang kosong pada waktu yang diminta: AA 5678 ZA." in error.message
    assert HearseBooking.select().count() == 1
    booked = book(setup, error.suggestion, driver="d2")
    assert booked.departure_at == local(1, 12)


def test_driver_clash_with_another_vehicle(setup):
    book(setup, local(1, 9))
    with pytest.raises(ClashError) as caught:
        book(setup, local(1, 9, 30), vehicle="v2")
    assert caught.value.field == "Pengemudi" and "Joko Susanto" in caught.value.message


def test_cancelled_booking_frees_the_slot_and_needs_a_reason(setup):
    first = book(setup, local(1, 9))
    with pytest.raises(ValidationError) as caught:
        hearse.cancel(setup["actor"], first, "  ")
    assert caught.value.field == "Alasan pembatalan"
    hearse.cancel(setup["actor"], first, "Keluarga memakai ambulans desa")
    assert book(setup, local(1, 9)).state == "booked"


def test_states_go_forward_only(setup):
    booking = book(setup, local(1, 9))
    with pytest.raises(ValidationError):
        hearse.advance(setup["actor"], booking, "completed")
    for state in ("confirmed", "departed", "completed"):
        booking = hearse.advance(setup["actor"], booking, state)
    assert booking.state == "completed"
    with pytest.raises(ValidationError):
        hearse.cancel(setup["actor"], booking, "terlambat")


def test_reschedule_under_the_same_rules(setup):
    first = book(setup, local(1, 9))
    second = book(setup, local(1, 13))
    moved = hearse.reschedule(setup["actor"], second, local(2, 8))
    assert moved.departure_at == local(2, 8) and moved.version == 2
    with pytest.raises(ClashError) as caught:
        hearse.reschedule(setup["actor"], moved, local(1, 9, 15))
    assert caught.value.conflict.id == first.id
    # moving within its own slot does not clash with itself
    assert hearse.reschedule(setup["actor"], first, local(1, 9, 30)).departure_at == \
        local(1, 9, 30)


@pytest.mark.parametrize("extra, field", [
    (dict(return_at="before"), "Perkiraan selesai"),
    (dict(duration_minutes=0), "Lama layanan"),
    (dict(departure="past"), "Waktu berangkat"),
    (dict(cemetery_id=None, cemetery_name="TPU Kiringan", cemetery_kelurahan="Kiringan",
          cemetery_city="Kabupaten Magelang"), "Kota tujuan"),
    (dict(cemetery_id=None, cemetery_name="TPU Bergota", cemetery_kelurahan="Randusari",
          cemetery_city="Semarang"), "Kota tujuan"),
    (dict(responsible_nik="1234"), "NIK penanggung jawab"),
    (dict(responsible_phone=""), "Telepon penanggung jawab"),
    (dict(deceased_name=""), "Nama almarhum"),
])
def test_bad_input_is_refused_and_nothing_saved(setup, extra, field):
    extra = dict(extra)  # shared between the backends' runs
    departure = local(1, 9)
    if extra.pop("departure", None) == "past":
        departure = utcnow() - datetime.timedelta(hours=1)
    if extra.get("return_at") == "before":
        extra["return_at"] = departure - datetime.timedelta(minutes=10)
    with pytest.raises(ValidationError) as caught:
        book(setup, departure, **extra)
    assert caught.value.field == field
    assert HearseBooking.select().count() == 0


def test_typed_cemetery_in_the_city_is_accepted(setup):
    booking = book(setup, local(1, 9), cemetery_id=None, cemetery_name="Makam Keluarga Kiai",
                   cemetery_kelurahan="Potrobangsan", cemetery_city="kota magelang")
    assert booking.cemetery_id is None and booking.cemetery_kelurahan == "Potrobangsan"


def test_a_typed_cemetery_is_refused_without_where_it_is_both_at_once(setup):
    with pytest.raises(ValidationError) as caught:
        book(setup, local(1, 9), cemetery_id=None, cemetery_name="Makam Keluarga Kiai")
    errors = getattr(caught.value, "errors", [caught.value])
    assert {e.field for e in errors} == set(hearse.TYPED_CEMETERY_REQUIRED)
    assert all("wajib diisi" in e.message for e in errors)


def test_inactive_vehicle_is_refused(setup):
    resources.save_vehicle(permissions.SYSTEM, setup["v1"], plate="AA 1234 XY",
                           name="Toyota Hiace", active=False)
    with pytest.raises(ValidationError) as caught:
        book(setup, local(1, 9))
    assert caught.value.field == "Kendaraan" and "tidak aktif" in caught.value.message
    assert [v.plate for v in hearse.free_vehicles(local(1, 9))] == ["AA 5678 ZA"]


def test_blackout_period_is_refused_with_next_slot(setup):
    resources.add_blackout(permissions.SYSTEM, "vehicle", setup["v1"].id, local(1, 8),
                           local(1, 12), "Servis berkala")
    with pytest.raises(ClashError) as caught:
        book(setup, local(1, 9))
    assert "Servis berkala" in caught.value.message
    assert caught.value.suggestion == local(1, 12, 30)
    assert HearseBooking.select().count() == 0


def test_blackout_over_a_booking_is_refused(setup):
    book(setup, local(1, 9))
    with pytest.raises(ClashError):
        resources.add_blackout(permissions.SYSTEM, "driver", setup["d1"].id, local(1, 10),
                               local(1, 11), "Tugas luar")


def test_end_before_start_for_blackout(setup):
    with pytest.raises(ValidationError) as caught:
        resources.add_blackout(permissions.SYSTEM, "vehicle", setup["v1"].id, local(1, 12),
                               local(1, 8), "Servis")
    assert caught.value.field == "Selesai"


def test_free_resources_for_a_time(setup):
    book(setup, local(1, 9))
    assert [v.plate for v in hearse.free_vehicles(local(1, 10))] == ["AA 5678 ZA"]
    assert [d.name for d in hearse.free_drivers(local(1, 10))] == ["Heru Wibowo"]
    assert len(hearse.free_vehicles(local(1, 14))) == 2


def test_buffers_and_duration_are_settings(setup):
    settings.set_value(permissions.SYSTEM, "schedule.hearse_minutes", 60)
    settings.set_value(permissions.SYSTEM, "schedule.buffer_before_minutes", 0)
    booking = book(setup, local(1, 9))
    assert booking.start_at == local(1, 9) and booking.end_at == local(1, 10, 30)


def test_only_duty_officers_and_admins_book(setup):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    with pytest.raises(PermissionDenied):
        hearse.save(clerk, **family(cemetery_id=setup["tpu"].id, departure_at=local(1, 9),
                                    vehicle_id=setup["v1"].id, driver_id=setup["d1"].id))


def test_every_change_bumps_the_counter(setup):
    before = changes.current()
    booking = book(setup, local(1, 9))
    hearse.advance(setup["actor"], booking, "confirmed")
    assert changes.current() == before + 2


def test_counter_row_recreated_when_missing(setup):
    from desktop.models import ScheduleChange

    ScheduleChange.delete().execute()
    book(setup, local(1, 9))
    assert changes.current() == 1


# ---- seating clinic ----

def service(setup, start, technician="t1", **extra):
    values = client(technician_id=setup[technician].id, start_at=start)
    values.update(extra)
    return clinic.save(setup["actor"], **values)


def test_clinic_request_due_one_day_after(setup):
    now = utcnow()
    request = service(setup, local(1, 9), now=now)
    assert request.state == "scheduled" and request.due_at == now + datetime.timedelta(days=1)
    assert request.end_at == local(1, 12)
    assert request.service_date == (local(1, 9) + datetime.timedelta(hours=7)).date()


def test_technician_second_service_same_day_refused_with_next_day(setup):
    first = service(setup, local(1, 8))
    with pytest.raises(ClashError) as caught:
        service(setup, local(1, 14), client_name="Budi Santoso")
    error = caught.value
    assert error.field == "Teknisi" and error.conflict.id == first.id
    assert "satu permohonan per hari" in error.message
    assert error.suggestion == local(2, 14)
    assert ClinicRequest.select().count() == 1
    assert service(setup, local(1, 14), technician="t2").technician.name == "Rudi Hartono"
    assert [t.name for t in clinic.free_technicians(local(1, 16))] == []


def test_cancelled_service_frees_the_day(setup):
    first = service(setup, local(1, 8))
    clinic.cancel(setup["actor"], first, "Pemohon dirawat di rumah sakit")
    assert service(setup, local(1, 13)).state == "scheduled"


@pytest.mark.parametrize("extra, field", [
    (dict(end_at="before"), "Waktu selesai"),
    (dict(start="past"), "Waktu layanan"),
    (dict(client_kk="3372010101100003"), "No. KK"),
    (dict(kind="paint"), "Jenis layanan"),
    (dict(place="mall"), "Tempat layanan"),
    (dict(client_nik="3371019999900002"), "NIK pengguna kursi roda"),
])
def test_clinic_bad_input(setup, extra, field):
    extra = dict(extra)
    start = local(1, 9)
    if extra.pop("start", None) == "past":
        # Yesterday morning: two hours ago at 23.00 WIB would run past midnight and be
        # refused for that instead.
        start = local(-1, 9)
    if extra.get("end_at") == "before":
        extra["end_at"] = start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        service(setup, start, **extra)
    assert caught.value.field == field
    assert ClinicRequest.select().count() == 0


def test_inactive_technician_and_blackout(setup):
    resources.save_technician(permissions.SYSTEM, setup["t2"], name="Rudi Hartono",
                              active=False)
    with pytest.raises(ValidationError) as caught:
        service(setup, local(1, 9), technician="t2")
    assert "tidak aktif" in caught.value.message
    resources.add_blackout(permissions.SYSTEM, "technician", setup["t1"].id, local(1, 0),
                           local(2, 0), "Pelatihan di Semarang")
    with pytest.raises(ClashError) as caught:
        service(setup, local(1, 9))
    assert "Pelatihan" in caught.value.message and caught.value.suggestion == local(2, 9)


def test_parts_wait_pauses_the_clock_with_a_reason(setup):
    now = utcnow()
    request = service(setup, local(1, 9), now=now)
    with pytest.raises(ValidationError) as caught:
        clinic.wait_for_parts(setup["actor"], request, "")
    assert caught.value.field == "Alasan menunggu suku cadang"
    request = clinic.wait_for_parts(setup["actor"], request, "Ban depan dipesan dari Solo",
                                    now=now + datetime.timedelta(hours=2))
    assert "Ban depan" in clinic.clock(request, now + datetime.timedelta(days=3))
    request = clinic.parts_arrived(setup["actor"], request, now=now + datetime.timedelta(days=2,
                                                                                         hours=2))
    assert request.parts_seconds == 2 * 24 * 3600
    assert request.due_at == now + datetime.timedelta(days=3)
    request = clinic.complete(setup["actor"], request, "Ganti ban depan, setel sandaran",
                              "Ban depan 24 inci", now=now + datetime.timedelta(days=2, hours=5))
    assert request.state == "completed" and clinic.clock(request) == "Tepat waktu"
    assert request.parts_replaced == "Ban depan 24 inci"


def test_clinic_reschedule_keeps_the_day_rule(setup):
    service(setup, local(1, 9))
    second = service(setup, local(2, 9))
    with pytest.raises(ClashError):
        clinic.reschedule(setup["actor"], second, local(1, 13))
    moved = clinic.reschedule(setup["actor"], second, local(3, 10))
    assert moved.start_at == local(3, 10) and moved.end_at == local(3, 13)


def test_duty_roster(setup):
    day = datetime.date.today() + datetime.timedelta(days=1)
    resources.set_duty(setup["actor"], day, "driver", driver_id=setup["d1"].id)
    resources.set_duty(setup["actor"], day, "officer", officer_name="Eko Nugroho")
    with pytest.raises(ValidationError):
        resources.set_duty(setup["actor"], day, "driver", driver_id=setup["d1"].id)
    week = resources.roster(day, 7)
    assert len(week) == 7
    assert [resources.duty_name(a) for a in week[day]] == ["Joko Susanto", "Eko Nugroho"]
    assert resources.on_duty(day, "driver") == {setup["d1"].id}  # the officer is no driver
    assert resources.on_duty(day, "technician") == set()
    assert resources.on_duty(day + datetime.timedelta(days=1), "driver") == set()


# ---- the database's own guard, when the service's check is bypassed ----

def test_postgresql_refuses_an_overlap_the_check_missed(setup, backend_db, monkeypatch):
    if not backend_db.startswith("postgresql"):
        pytest.skip("only PostgreSQL has the exclusion constraint; elsewhere the check is "
                    "serialised (see test_schedule_race)")
    first = book(setup, local(1, 9))
    real = hearse._check_free
    calls = []

    def miss_once(*args):
        calls.append(1)
        if len(calls) > 1:
            real(*args)

    monkeypatch.setattr(hearse, "_check_free", miss_once)
    with pytest.raises(ClashError) as caught:
        book(setup, local(1, 10), driver="d2")
    assert caught.value.conflict.id == first.id and caught.value.suggestion == local(1, 12)
    assert HearseBooking.select().count() == 1


def test_database_refuses_a_second_service_the_check_missed(setup, monkeypatch):
    first = service(setup, local(1, 8))
    real = clinic._check_free
    calls = []

    def miss_once(*args):
        calls.append(1)
        if len(calls) > 1:
            real(*args)

    monkeypatch.setattr(clinic, "_check_free", miss_once)
    with pytest.raises(ClashError) as caught:
        service(setup, local(1, 14))
    assert caught.value.conflict.id == first.id
    assert ClinicRequest.select().count() == 1


def test_hearse_serves_residents_of_the_city(backend_db):
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE, region_code="3371")
    from desktop.services.schedule import hearse

    with pytest.raises(ValidationError) as caught:
        hearse._check_resident("3471011503850001", "NIK penanggung jawab")
    assert caught.value.field == "NIK penanggung jawab" and "3471" in caught.value.reason
    hearse._check_resident("3371011503850001", "NIK almarhum")  # a resident: accepted


def _fields(call) -> list[str]:
    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_resource_forms_name_every_required_field_and_save_nothing(setup):
    from desktop.models import Blackout, Cemetery, DutyAssignment, Vehicle

    actor = setup["actor"]
    counts = [m.select().count() for m in (Vehicle, Cemetery, Blackout, DutyAssignment)]
    assert tuple(_fields(lambda: resources.save_vehicle(actor, plate="", name=""))) == \
        resources.VEHICLE_REQUIRED
    for save, required in ((resources.save_driver, resources.DRIVER_REQUIRED),
                           (resources.save_technician, resources.TECHNICIAN_REQUIRED),
                           (resources.save_cemetery, resources.CEMETERY_REQUIRED)):
        with pytest.raises(ValidationError) as caught:  # one field: one error
            save(actor, name=" ")
        assert (caught.value.field,) == required and caught.value.reason == "wajib diisi."
    assert tuple(_fields(lambda: resources.add_blackout(actor, "vehicle", None, None, None,
                                                        ""))) == resources.BLACKOUT_REQUIRED
    assert tuple(_fields(lambda: resources.set_duty(actor, None, ""))) == \
        resources.DUTY_REQUIRED
    assert _fields(lambda: resources.set_duty(actor, None, "driver")) == ["Tanggal",
                                                                          "Pengemudi"]
    assert [m.select().count() for m in (Vehicle, Cemetery, Blackout, DutyAssignment)] == counts


def test_wrong_resource_values_are_named_together(setup):
    actor = setup["actor"]
    assert _fields(lambda: resources.save_vehicle(actor, plate="aa1234xy", name="")) == \
        ["Nomor polisi", "Nama kendaraan"]  # the plate is taken
    assert _fields(lambda: resources.save_driver(actor, name="", phone="12")) == \
        ["Nama pengemudi", "Telepon"]
    assert _fields(lambda: resources.add_blackout(actor, "driver", setup["d1"].id,
                                                  local(1, 12), local(1, 8), "")) == \
        ["Selesai", "Alasan"]
