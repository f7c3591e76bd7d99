"""Hearse bookings: from the house of mourning to a cemetery in the city (Magelang seed).

States: booked → confirmed → departed → completed, or cancelled (with a reason) before
departure. Every change goes through records (optimistic lock, audit) inside a serialised
transaction that also bumps the schedule's change counter.
"""
import datetime

from peewee import IntegrityError

from desktop.errors import ValidationError
from desktop.models import Cemetery, Driver, HearseBooking, Vehicle, utcnow
from desktop.services.admin import office, settings
from desktop.services.schedule import clashes
from desktop.services.schedule.clashes import ClashError
from desktop.services.schedule.fields import check_in_region, day_bounds, digits, local_date, phone
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_nik, optional_text, require_text

STATES = {"booked": "Dipesan", "confirmed": "Dikonfirmasi", "departed": "Berangkat",
          "completed": "Selesai", "cancelled": "Batal"}
NEXT_STATES = {"booked": ("confirmed", "cancelled"), "confirmed": ("departed", "cancelled"),
               "departed": ("completed",), "completed": (), "cancelled": ()}
EDITABLE = ("booked", "confirmed")
RELATIONS = ["Anak", "Suami/Istri", "Orang tua", "Saudara kandung", "Cucu", "Kerabat",
             "Tetangga", "Ketua RT/RW", "Lainnya"]
PAST_GRACE = datetime.timedelta(minutes=5)  # the form was opened a few minutes ago


def is_booking(record) -> bool:
    """A hearse booking (a calendar shows clinic requests beside them)."""
    return isinstance(record, HearseBooking)


def buffers() -> tuple[datetime.timedelta, datetime.timedelta]:
    return (datetime.timedelta(minutes=settings.get("schedule.buffer_before_minutes")),
            datetime.timedelta(minutes=settings.get("schedule.buffer_after_minutes")))


def default_minutes() -> int:
    return settings.get("schedule.hearse_minutes")


def _time_block(departure_at, duration_minutes, return_at):
    if not isinstance(departure_at, datetime.datetime):
        raise ValidationError("Waktu berangkat", "wajib diisi (tanggal dan jam).")
    if return_at is not None:
        if return_at <= departure_at:
            raise ValidationError("Perkiraan selesai", "harus sesudah waktu berangkat; periksa "
                                  "tanggal dan jamnya.")
        minutes = int((return_at - departure_at).total_seconds() // 60)
    else:
        minutes = default_minutes() if duration_minutes is None else int(duration_minutes)
        if minutes <= 0:
            raise ValidationError("Lama layanan", "harus lebih dari 0 menit: waktu selesai "
                                  "tidak boleh sebelum waktu berangkat.")
    if minutes > 24 * 60:
        raise ValidationError("Lama layanan", "paling lama 24 jam; untuk perjalanan lebih "
                              "lama buat pemesanan terpisah.")
    return minutes


def _resource(model, resource_id, field: str, what):
    instance = model.get_or_none(model.id == resource_id) if resource_id else None
    if instance is None:
        raise ValidationError(field, "pilih dari daftar.")
    if not instance.active:
        raise ValidationError(field, f"{what(instance)} sedang tidak aktif; pilih yang lain "
                              "(daftar menampilkan yang tersedia pada waktu itu).")
    return instance


def _cemetery(values: dict) -> dict:
    chosen = values.get("cemetery_id")
    if chosen:
        cemetery = Cemetery.get_or_none(Cemetery.id == chosen)
        if cemetery is None or not cemetery.active:
            raise ValidationError("Pemakaman", "tidak ada lagi di daftar; pilih yang lain atau "
                                  "ketik namanya.")
        return dict(cemetery=cemetery, cemetery_name=cemetery.name,
                    cemetery_kelurahan=cemetery.kelurahan)
    name = require_text(values.get("cemetery_name", ""), "Pemakaman", 120)
    listed = Cemetery.get_or_none(Cemetery.name == name)
    if listed is not None and listed.active:
        return dict(cemetery=listed, cemetery_name=listed.name,
                    cemetery_kelurahan=listed.kelurahan)
    # Typed, not one of the list: where it is (TYPED_CEMETERY_REQUIRED), both said at once.
    checks = FieldChecks()
    checks.run(check_in_region, values.get("cemetery_city", ""), TYPED_CEMETERY_REQUIRED[1])
    kelurahan = checks.run(require_text, values.get("cemetery_kelurahan", ""),
                           TYPED_CEMETERY_REQUIRED[0], 80)
    checks.raise_errors()
    return dict(cemetery=None, cemetery_name=name, cemetery_kelurahan=kelurahan)


def _check_resident(nik: str, field: str) -> None:
    """The seed serves the city's own residents: the NIK's region must be the office's."""
    profile = office.get_profile()
    if profile.region_code and not nik.startswith(profile.region_code):
        raise ValidationError(field, f"terdaftar di luar {profile.region_kind} "
                              f"{profile.region_name} (kode wilayah {nik[:4]}, bukan "
                              f"{profile.region_code}); mobil jenazah melayani warga "
                              f"{profile.region_kind} {profile.region_name}. Isi NIK almarhum "
                              "bila almarhum warga kota ini.")


# What an empty form is refused for; the dialog marks these labels "*".
REQUIRED = ("NIK penanggung jawab", "Nama penanggung jawab", "Telepon penanggung jawab",
            "Nama almarhum", "Tanggal meninggal", "Alamat rumah duka", "Pemakaman",
            "Waktu berangkat", "Kendaraan", "Pengemudi")
# Asked only of a cemetery typed, not chosen from the list; the dialog shows their rows then.
TYPED_CEMETERY_REQUIRED = ("Kelurahan pemakaman", "Kota tujuan")


def _death_date(death, today: datetime.date) -> datetime.date:
    if not isinstance(death, datetime.date):
        raise ValidationError("Tanggal meninggal", "wajib diisi.")
    if death > today:
        raise ValidationError("Tanggal meninggal", "tidak boleh di masa depan.")
    return death


def _relation(relation: str) -> str:
    if relation and relation not in RELATIONS:
        raise ValidationError("Hubungan dengan almarhum", "pilih dari daftar.")
    return relation


def _validated(values: dict, today: datetime.date, checks: FieldChecks) -> dict:
    """Every field's check, refusals collected in `checks`."""
    run = checks.run
    nik = run(digits, values.get("responsible_nik", ""), "NIK penanggung jawab", 16)
    if nik:
        run(check_nik, nik, "NIK penanggung jawab", today=today)
    deceased_nik = (values.get("deceased_nik") or "").strip()
    if deceased_nik:
        run(check_nik, deceased_nik, "NIK almarhum", today=today)
    if not checks.failed("NIK penanggung jawab", "NIK almarhum") and (deceased_nik or nik):
        run(_check_resident, deceased_nik or nik,
            "NIK almarhum" if deceased_nik else "NIK penanggung jawab")
    clean = dict(
        responsible_nik=nik,
        responsible_name=run(require_text, values.get("responsible_name", ""),
                             "Nama penanggung jawab", 120),
        responsible_phone=run(phone, values.get("responsible_phone", ""),
                              "Telepon penanggung jawab", required=True),
        responsible_relation=run(_relation, values.get("responsible_relation", "")),
        deceased_name=run(require_text, values.get("deceased_name", ""), "Nama almarhum", 120),
        deceased_nik=deceased_nik,
        death_date=run(_death_date, values.get("death_date"), today),
        pickup_address=run(require_text, values.get("pickup_address", ""),
                           "Alamat rumah duka", 400),
        note=run(optional_text, values.get("note", ""), "Catatan", 1000))
    clean.update(run(_cemetery, values) or {})
    return clean


def _clash(field: str, busy: clashes.Busy, what: str, suggestion, others: list[str]) -> ClashError:
    proposal = (f" Jadwal kosong berikutnya dengan kendaraan dan pengemudi ini: "
                f"{timefmt.format_local(suggestion)}." if suggestion else "")
    if others:
        proposal += f" Yang kosong pada waktu yang diminta: {', '.join(others)}."
    return ClashError(field, f"{what} bentrok dengan {clashes.describe(busy.record)}."
                      f"{proposal}", conflict=busy.record, suggestion=suggestion)


def _check_free(vehicle, driver, start, end, departure, length, exclude_id):
    before, _ = buffers()
    resources = [("vehicle", vehicle.id), ("driver", driver.id)]
    for (kind, rid), field, what in ((resources[0], "Kendaraan", vehicle.plate),
                                     (resources[1], "Pengemudi", driver.name)):
        busy = clashes.busy_periods(kind, rid, start, end, exclude_id)
        if busy:
            suggestion = clashes.next_free_start(resources, departure, before, length,
                                                 exclude_id)
            model = Vehicle if kind == "vehicle" else Driver
            others = [r.plate if kind == "vehicle" else r.name
                      for r in model.select().where(model.active == True)  # noqa: E712
                      .order_by(model.id)
                      if not clashes.busy_periods(kind, r.id, start, end, exclude_id)]
            raise _clash(field, busy[0], what, suggestion, others)


def _translate(exc: IntegrityError, vehicle, driver, start, end, departure, length, exclude_id):
    """The database refused an overlap another PC committed a moment ago: name it."""
    if not clashes.is_overlap_violation(exc):
        raise exc
    _check_free(vehicle, driver, start, end, departure, length, exclude_id)
    raise ClashError("Kendaraan", "Kendaraan atau pengemudi baru saja dipesan di PC lain untuk "
                     "waktu itu. Muat ulang jadwal dan pilih waktu lain.")


def save(actor, booking: HearseBooking | None = None, *, now=None, **values) -> HearseBooking:
    """Create (booking None) or change a booking; the time, vehicle and driver under the rules.

    Values: responsible_nik/name/phone/relation, deceased_name/nik, death_date, pickup_address,
    cemetery_id or cemetery_name + cemetery_kelurahan + cemetery_city, departure_at (naive
    UTC), duration_minutes or return_at, vehicle_id, driver_id, note.
    """
    permissions.require(actor, "schedule.manage")
    now = now or utcnow()
    if booking is not None:
        if booking.state not in EDITABLE:
            raise ValidationError("Status", f"pemesanan yang {STATES[booking.state].lower()} "
                                  "tidak bisa diubah lagi.")
        values = {**_current(booking), **values}
    checks = FieldChecks()
    clean = _validated(values, local_date(now), checks)
    departure = values.get("departure_at")
    minutes = checks.run(_time_block, departure, values.get("duration_minutes"),
                         values.get("return_at"))
    moved = booking is None or departure != booking.departure_at
    if (moved and not checks.failed("Waktu berangkat")
            and departure < now - PAST_GRACE):
        checks.add("Waktu berangkat", f"{timefmt.format_local(departure)} sudah lewat; pilih "
                   "waktu yang akan datang.")
    vehicle = checks.run(_resource, Vehicle, values.get("vehicle_id"), "Kendaraan",
                         lambda v: v.plate)
    driver = checks.run(_resource, Driver, values.get("driver_id"), "Pengemudi",
                        lambda d: d.name)
    checks.raise_errors()
    if booking is not None:
        before_min, after_min = booking.buffer_before, booking.buffer_after
    else:
        before, after = buffers()
        before_min = int(before.total_seconds() // 60)
        after_min = int(after.total_seconds() // 60)
    start = departure - datetime.timedelta(minutes=before_min)
    end = departure + datetime.timedelta(minutes=minutes + after_min)
    length = end - start
    exclude_id = booking.id if booking is not None else None
    clean.update(vehicle=vehicle, driver=driver, departure_at=departure,
                 duration_minutes=minutes, buffer_before=before_min, buffer_after=after_min,
                 start_at=start, end_at=end)
    try:
        with clashes.serialised(vehicle, driver):
            _check_free(vehicle, driver, start, end, departure, length, exclude_id)
            if booking is None:
                return records.create(HearseBooking, actor, state="booked", **clean)
            return records.update(booking, actor, **clean)
    except IntegrityError as exc:
        _translate(exc, vehicle, driver, start, end, departure, length, exclude_id)


def _current(booking: HearseBooking) -> dict:
    fields = ["responsible_nik", "responsible_name", "responsible_phone", "responsible_relation",
              "deceased_name", "deceased_nik", "death_date", "pickup_address", "cemetery_name",
              "cemetery_kelurahan", "note", "departure_at", "duration_minutes"]
    current = {f: getattr(booking, f) for f in fields}
    current.update(vehicle_id=booking.vehicle_id, driver_id=booking.driver_id,
                   cemetery_id=booking.cemetery_id)
    if booking.cemetery_id is None:
        # A typed cemetery passed the region check when booked.
        from desktop.services.admin import office

        profile = office.get_profile()
        current["cemetery_city"] = f"{profile.region_kind} {profile.region_name}"
    return current


def reschedule(actor, booking: HearseBooking, departure_at: datetime.datetime,
               duration_minutes: int | None = None, vehicle_id: int | None = None,
               driver_id: int | None = None, now=None) -> HearseBooking:
    """Move a booking (a drag on the calendar or the edit dialog), under the same rules."""
    changes = {"departure_at": departure_at}
    if duration_minutes is not None:
        changes["duration_minutes"] = duration_minutes
    if vehicle_id is not None:
        changes["vehicle_id"] = vehicle_id
    if driver_id is not None:
        changes["driver_id"] = driver_id
    return save(actor, booking, now=now, **changes)


def advance(actor, booking: HearseBooking, state: str, reason: str = "") -> HearseBooking:
    """Confirm, depart, complete, or cancel with a reason."""
    permissions.require(actor, "schedule.manage")
    if state not in NEXT_STATES.get(booking.state, ()):
        allowed = ", ".join(STATES[s] for s in NEXT_STATES.get(booking.state, ())) or "tidak ada"
        raise ValidationError("Status", f"dari {STATES[booking.state]} hanya bisa ke: {allowed}.")
    changes = {"state": state}
    if state == "cancelled":
        changes["cancel_reason"] = require_text(reason, "Alasan pembatalan", 1000)
    with clashes.serialised():
        return records.update(booking, actor, **changes)


def cancel(actor, booking: HearseBooking, reason: str) -> HearseBooking:
    return advance(actor, booking, "cancelled", reason)


def between(start: datetime.datetime, end: datetime.datetime,
            include_cancelled: bool = True) -> list[HearseBooking]:
    query = (HearseBooking.select(HearseBooking, Vehicle, Driver)
             .join(Vehicle).switch(HearseBooking).join(Driver)
             .where((HearseBooking.start_at < end) & (HearseBooking.end_at > start)))
    if not include_cancelled:
        query = query.where(HearseBooking.state != "cancelled")
    return list(query.order_by(HearseBooking.departure_at))


def on_day(day: datetime.date, days: int = 1, include_cancelled: bool = True):
    """Bookings touching office-local days [day, day + days)."""
    return between(*day_bounds(day, days), include_cancelled=include_cancelled)


def _free(model, kind, departure, minutes):
    before, after = buffers()
    start = departure - before
    end = departure + datetime.timedelta(minutes=minutes) + after
    return [r for r in model.select().where(model.active == True).order_by(model.id)  # noqa: E712
            if not clashes.busy_periods(kind, r.id, start, end)]


def free_vehicles(departure: datetime.datetime, minutes: int | None = None) -> list[Vehicle]:
    """Active vehicles with nothing booked or blocked around that departure."""
    return _free(Vehicle, "vehicle", departure, minutes or default_minutes())


def free_drivers(departure: datetime.datetime, minutes: int | None = None) -> list[Driver]:
    return _free(Driver, "driver", departure, minutes or default_minutes())
