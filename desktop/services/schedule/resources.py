"""Vehicles, drivers, technicians, the city's cemeteries, blackout periods and the duty roster."""
import datetime
import re

from peewee import IntegrityError

from desktop.errors import ValidationError
from desktop.models import Blackout, Cemetery, Driver, DutyAssignment, Technician, Vehicle
from desktop.services.schedule import clashes
from desktop.services.schedule.fields import format_span, phone
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import optional_text, require_date, require_text

KINDS = {"vehicle": (Vehicle, "Kendaraan"), "driver": (Driver, "Pengemudi"),
         "technician": (Technician, "Teknisi")}
DUTIES = {"driver": "Pengemudi", "technician": "Teknisi seating clinic",
          "officer": "Petugas piket"}
# What each form's empty input is refused for, in the form's order; the dialogs mark them "*".
VEHICLE_REQUIRED = ("Nomor polisi", "Nama kendaraan")
DRIVER_REQUIRED = ("Nama pengemudi",)
TECHNICIAN_REQUIRED = ("Nama teknisi",)
CEMETERY_REQUIRED = ("Nama pemakaman",)
# A vehicle's blackout; a driver's or technician's names its resource "Pengemudi", "Teknisi".
BLACKOUT_REQUIRED = ("Kendaraan", "Mulai", "Selesai", "Alasan")
DUTY_REQUIRED = ("Tanggal", "Tugas")
DUTY_PERSON = {"driver": "Pengemudi", "technician": "Teknisi",
               "officer": "Nama petugas piket"}  # whom each duty must name
PLATE_RE = re.compile(r"^[A-Z]{1,2} \d{1,4}( [A-Z]{1,3})?$")


def normalise_plate(text: str) -> str:
    """'aa1234xy' -> 'AA 1234 XY'"""
    compact = re.sub(r"\s", "", (text or "").upper())
    match = re.fullmatch(r"([A-Z]{1,2})(\d{1,4})([A-Z]{0,3})", compact)
    if not match:
        return " ".join((text or "").upper().split())
    return " ".join(part for part in match.groups() if part)


def _save(actor, model, instance, clean):
    with clashes.serialised():
        if instance is None:  # a name or plate saved on another PC meanwhile: say so
            return records.create(model, actor, duplicate=lambda: ValidationError(
                "Nomor polisi" if "plate" in clean else "Nama", "baru saja didaftarkan dari PC "
                "lain; muat ulang daftarnya."), **clean)
        return records.update(instance, actor, **clean)


def save_vehicle(actor, vehicle: Vehicle | None = None, *, plate: str, name: str,
                 active: bool = True) -> Vehicle:
    permissions.require(actor, "schedule.manage")
    checks = FieldChecks()  # every field's refusal at once
    plate = normalise_plate(plate)
    if not plate:
        checks.add("Nomor polisi", "wajib diisi, seperti AA 1234 XY.")
    elif not PLATE_RE.match(plate):
        checks.add("Nomor polisi", "tulis seperti AA 1234 XY.")
    else:
        existing = Vehicle.get_or_none(Vehicle.plate == plate)
        if existing is not None and (vehicle is None or existing.id != vehicle.id):
            checks.add("Nomor polisi", f"{plate} sudah terdaftar ({existing.name}).")
    name = checks.run(require_text, name, "Nama kendaraan", 80)
    checks.raise_errors()
    clean = dict(plate=plate, name=name, active=bool(active))
    try:
        return _save(actor, Vehicle, vehicle, clean)
    except IntegrityError:
        raise ValidationError("Nomor polisi", f"{plate} baru saja didaftarkan di PC lain.") \
            from None


def _person(actor, model, instance, name, phone_text, active, label):
    permissions.require(actor, "schedule.manage")
    checks = FieldChecks()
    clean = dict(name=checks.run(require_text, name, f"Nama {label.lower()}", 120),
                 phone=checks.run(phone, phone_text, "Telepon"), active=bool(active))
    checks.raise_errors()
    return _save(actor, model, instance, clean)


def save_driver(actor, driver: Driver | None = None, *, name: str, phone: str = "",
                active: bool = True) -> Driver:
    return _person(actor, Driver, driver, name, phone, active, "Pengemudi")


def save_technician(actor, technician: Technician | None = None, *, name: str,
                    phone: str = "", active: bool = True) -> Technician:
    return _person(actor, Technician, technician, name, phone, active, "Teknisi")


def save_cemetery(actor, cemetery: Cemetery | None = None, *, name: str, kelurahan: str = "",
                  active: bool = True) -> Cemetery:
    permissions.require(actor, "schedule.manage")
    checks = FieldChecks()
    name = checks.run(require_text, name, "Nama pemakaman", 120)
    if name is not None:
        existing = Cemetery.get_or_none(Cemetery.name == name)
        if existing is not None and (cemetery is None or existing.id != cemetery.id):
            checks.add("Nama pemakaman", "sudah ada di daftar.")
    clean = dict(name=name, kelurahan=checks.run(optional_text, kelurahan, "Kelurahan", 80),
                 active=bool(active))
    checks.raise_errors()
    return _save(actor, Cemetery, cemetery, clean)


def vehicles(active_only: bool = False) -> list[Vehicle]:
    query = Vehicle.select().order_by(Vehicle.plate)
    return list(query.where(Vehicle.active == True) if active_only else query)  # noqa: E712


def drivers(active_only: bool = False) -> list[Driver]:
    query = Driver.select().order_by(Driver.name)
    return list(query.where(Driver.active == True) if active_only else query)  # noqa: E712


def technicians(active_only: bool = False) -> list[Technician]:
    query = Technician.select().order_by(Technician.name)
    return list(query.where(Technician.active == True) if active_only else query)  # noqa: E712


def cemeteries(active_only: bool = True) -> list[Cemetery]:
    query = Cemetery.select().order_by(Cemetery.name)
    return list(query.where(Cemetery.active == True) if active_only else query)  # noqa: E712


def resource_name(kind: str, resource_id: int) -> str:
    model, _ = KINDS[kind]
    instance = model.get_or_none(model.id == resource_id)
    if instance is None:
        return "-"
    return instance.plate if kind == "vehicle" else instance.name


def add_blackout(actor, kind: str, resource_id: int, start_at: datetime.datetime,
                 end_at: datetime.datetime, reason: str) -> Blackout:
    """Block a resource (maintenance, other duty). Refused over an active booking."""
    permissions.require(actor, "schedule.manage")
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    resource = label = None
    if kind not in KINDS:
        checks.add("Jenis", "pilih kendaraan, pengemudi atau teknisi.")
    else:
        model, label = KINDS[kind]
        resource = model.get_or_none(model.id == resource_id) if resource_id else None
        if resource is None:
            checks.add(label, "pilih dari daftar.")
    if not isinstance(start_at, datetime.datetime):
        checks.add("Mulai", "wajib diisi: tanggal dan jam.")
    if not isinstance(end_at, datetime.datetime):
        checks.add("Selesai", "wajib diisi: tanggal dan jam.")
    elif not checks.failed("Mulai") and end_at <= start_at:
        checks.add("Selesai", "harus sesudah waktu mulai.")
    reason = checks.run(require_text, reason, "Alasan", 200)
    checks.raise_errors()
    with clashes.serialised(resource):
        busy = [b for b in clashes.busy_periods(kind, resource_id, start_at, end_at)
                if not isinstance(b.record, Blackout)]
        if busy:
            raise clashes.ClashError(label, f"sudah ada {clashes.describe(busy[0].record)} "
                                     "pada waktu itu. Pindahkan atau batalkan pemesanan itu "
                                     "dulu.", conflict=busy[0].record)
        return records.create(Blackout, actor, resource_kind=kind, resource_id=resource_id,
                              start_at=start_at, end_at=end_at, reason=reason)


def blackout(blackout_id: int) -> Blackout | None:
    return Blackout.get_or_none(Blackout.id == blackout_id)


def remove_blackout(actor, blackout: Blackout) -> None:
    permissions.require(actor, "schedule.manage")
    with clashes.serialised():
        records.delete(blackout, actor)


def blackouts_between(start: datetime.datetime, end: datetime.datetime) -> list[Blackout]:
    return list(Blackout.select().where((Blackout.start_at < end) & (Blackout.end_at > start))
                .order_by(Blackout.start_at))


def describe_blackout(blackout: Blackout) -> str:
    return (f"{resource_name(blackout.resource_kind, blackout.resource_id)}: "
            f"{format_span(blackout.start_at, blackout.end_at)} ({blackout.reason})")


def set_duty(actor, day: datetime.date, duty: str, *, driver_id: int | None = None,
             technician_id: int | None = None, officer_name: str = "",
             note: str = "") -> DutyAssignment:
    """Put someone on the roster for a day; the same person twice on one day is refused."""
    permissions.require(actor, "schedule.manage")
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    day = checks.run(require_date, day, "Tanggal")
    if duty not in DUTIES:
        checks.add("Tugas", "pilih pengemudi, teknisi atau petugas piket.")
    clean = dict(day=day, duty=duty, driver=None, technician=None, officer_name="")
    query = DutyAssignment.select().where((DutyAssignment.day == day)
                                          & (DutyAssignment.duty == duty))
    if duty == "driver":
        driver = Driver.get_or_none(Driver.id == driver_id) if driver_id else None
        if driver is None:
            checks.add("Pengemudi", "pilih dari daftar.")
        clean["driver"] = driver
        query = query.where(DutyAssignment.driver == driver)
    elif duty == "technician":
        technician = Technician.get_or_none(Technician.id == technician_id) \
            if technician_id else None
        if technician is None:
            checks.add("Teknisi", "pilih dari daftar.")
        clean["technician"] = technician
        query = query.where(DutyAssignment.technician == technician)
    elif duty == "officer":
        clean["officer_name"] = checks.run(require_text, officer_name, "Nama petugas piket",
                                           120)
        query = query.where(DutyAssignment.officer_name == clean["officer_name"])
    clean["note"] = checks.run(optional_text, note, "Catatan", 200)
    checks.raise_errors()
    if query.exists():
        raise ValidationError(DUTIES[duty], "sudah tercatat piket pada hari itu.")
    with clashes.serialised():
        return records.create(DutyAssignment, actor, **clean)


def duty(assignment_id: int) -> DutyAssignment | None:
    return DutyAssignment.get_or_none(DutyAssignment.id == assignment_id)


def remove_duty(actor, assignment: DutyAssignment) -> None:
    permissions.require(actor, "schedule.manage")
    with clashes.serialised():
        records.delete(assignment, actor)


def duty_name(assignment: DutyAssignment) -> str:
    if assignment.duty == "driver":
        return assignment.driver.name
    if assignment.duty == "technician":
        return assignment.technician.name
    return assignment.officer_name


def on_duty(day: datetime.date, duty: str) -> set[int]:
    """The ids of the drivers (duty 'driver') or technicians ('technician') on the roster
    for that office-local day: the booking dialogs propose them first."""
    column = {"driver": DutyAssignment.driver, "technician": DutyAssignment.technician}[duty]
    return {person_id for (person_id,) in DutyAssignment.select(column)
            .where((DutyAssignment.day == day) & (DutyAssignment.duty == duty)).tuples()
            if person_id is not None}


def roster(start: datetime.date, days: int = 7) -> dict[datetime.date, list[DutyAssignment]]:
    """Who is on duty each day from `start`, every day present (empty when nobody is)."""
    result = {start + datetime.timedelta(days=i): [] for i in range(days)}
    query = (DutyAssignment.select().where(
        (DutyAssignment.day >= start) & (DutyAssignment.day < start + datetime.timedelta(days))
    ).order_by(DutyAssignment.day, DutyAssignment.duty, DutyAssignment.id))
    for assignment in query:
        result[assignment.day].append(assignment)
    return result
