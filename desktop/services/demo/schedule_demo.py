"""Demo hearse fleet, drivers, seating-clinic technicians, Kota Magelang's cemeteries, and a
year of bookings: completed ones behind, a few cancelled, some booked for the coming days."""
import datetime
import random

from desktop.models import (Cemetery, ClinicRequest, Driver, DutyAssignment, HearseBooking,
                            Technician, Vehicle, db, utcnow)
from desktop.services.demo import identities
from desktop.services.schedule import changes
from desktop.services.schedule.fields import local_date, to_utc

VEHICLES = [("AA 9001 MA", "Toyota Hiace Ambulans Jenazah"), ("AA 9002 MA", "Isuzu Elf Jenazah"),
            ("AA 9031 MB", "Suzuki APV Jenazah")]
CEMETERIES = [("TPU Giriloyo", "Magersari"), ("TPU Sanden", "Kramat Selatan"),
              ("TPU Kiringan", "Tidar Selatan"), ("TPU Malangan", "Jurangombo Utara"),
              ("Makam Kerkhof", "Kemirirejo"), ("TPU Sukorejo", "Wates"),
              ("Taman Makam Pahlawan Giri Dharmoloyo", "Kramat Utara")]
RELATIONS = ["Anak", "Anak", "Suami/Istri", "Saudara kandung", "Cucu", "Ketua RT/RW"]
DAYS_BACK = 365
HEARSE_SLOTS = (8, 13)  # local hours: two departures a day never overlap with the buffers
CANCEL_REASONS = ["Keluarga memakai ambulans desa", "Pemakaman dipindah ke luar kota",
                  "Jenazah dimakamkan esok hari"]
PARTS = ["Ban belakang 24 inci", "Bantalan duduk", "Rem tangan", "Sandaran punggung"]
WORK = ["Setel ulang rem dan sandaran", "Ganti ban dan pelumasan roda",
        "Asesmen postur dan ukuran kursi", "Penyesuaian tinggi pijakan kaki"]


def _resources(now):
    stamp = dict(created_at=now, created_by="admin", updated_at=now, updated_by="admin")
    for plate, name in VEHICLES:
        Vehicle.create(plate=plate, name=name, **stamp)
    for name, kelurahan in CEMETERIES:
        Cemetery.create(name=name, kelurahan=kelurahan, **stamp)
    rng = random.Random(11)
    for _ in range(4):
        Driver.create(name=identities.full_name(rng, "L"),
                      phone=f"08{rng.randint(10**9, 10**10 - 1)}", **stamp)
    for sex in "LLP":
        Technician.create(name=identities.full_name(rng, sex),
                          phone=f"08{rng.randint(10**9, 10**10 - 1)}", **stamp)


def _hearse(rng, size, now, region, vehicles, drivers, cemeteries):
    today = local_date(now)
    rows = []
    for offset in range(-DAYS_BACK, 4):
        day = today + datetime.timedelta(days=offset)
        for slot, hour in enumerate(HEARSE_SLOTS):
            if rng.random() > min(0.9, size / 250):
                continue
            departure = to_utc(datetime.datetime.combine(day, datetime.time(hour,
                                                                             rng.choice((0, 30)))))
            if offset >= 0 and departure < now:
                continue
            start = departure - datetime.timedelta(minutes=30)
            end = departure + datetime.timedelta(minutes=150)
            if offset < 0:
                state = "cancelled" if rng.random() < 0.05 else "completed"
            else:
                state = rng.choice(("booked", "confirmed"))
            cemetery = rng.choice(cemeteries)
            sex = rng.choice("LP")
            birth = identities.birth_date(rng, 25, 70, today)
            district = rng.choice(list(identities.KELURAHAN))
            place = identities.address(rng, district)
            rows.append(dict(
                created_at=min(now, start - datetime.timedelta(hours=rng.randint(2, 20))),
                created_by="piket", updated_at=min(now, end), updated_by="piket", version=1,
                vehicle=vehicles[(offset + slot) % len(vehicles)],
                driver=drivers[(offset * 2 + slot) % len(drivers)],
                departure_at=departure, duration_minutes=120, buffer_before=30, buffer_after=30,
                start_at=start, end_at=end, state=state,
                cancel_reason=rng.choice(CANCEL_REASONS) if state == "cancelled" else "",
                responsible_nik=identities.nik(rng, region, district, birth, sex,
                                               rng.randint(1, 9999)),
                responsible_name=identities.full_name(rng, sex),
                responsible_phone=f"08{rng.randint(10**9, 10**10 - 1)}",
                responsible_relation=rng.choice(RELATIONS),
                deceased_name=identities.full_name(rng, rng.choice("LP")),
                death_date=day - datetime.timedelta(days=rng.choice((0, 0, 0, 1))),
                pickup_address=f"{place['street']}, RT {place['rt']}/RW {place['rw']}, "
                               f"{place['kelurahan']}",
                cemetery=cemetery.id, cemetery_name=cemetery.name,
                cemetery_kelurahan=cemetery.kelurahan))
    for start in range(0, len(rows), 200):
        HearseBooking.insert_many(rows[start:start + 200]).execute()
    return len(rows)


def _clinic(rng, size, now, region, technicians):
    today = local_date(now)
    rows = []
    for offset in range(-DAYS_BACK, 4):
        day = today + datetime.timedelta(days=offset)
        if day.weekday() >= 5 or rng.random() > min(0.8, size / 300):
            continue
        technician = rng.choice(technicians)  # one service per technician per day
        start = to_utc(datetime.datetime.combine(day, datetime.time(rng.choice((8, 9, 10)))))
        if offset >= 0 and start < now:
            continue
        received = start - datetime.timedelta(hours=rng.randint(3, 20))
        sex = rng.choice("LP")
        birth = identities.birth_date(rng, 8, 80, today)
        district = rng.choice(list(identities.KELURAHAN))
        place = identities.address(rng, district)
        waited = rng.random() < 0.15 and offset < -5
        state = "scheduled" if offset >= 0 else "completed"
        parts_seconds = rng.randint(2, 5) * 86400 if waited else 0
        completed = start + datetime.timedelta(hours=3, seconds=parts_seconds) \
            if state == "completed" else None
        rows.append(dict(
            created_at=min(now, received), created_by="piket", updated_at=min(now, received),
            updated_by="piket", version=1,
            client_nik=identities.nik(rng, region, district, birth, sex, rng.randint(1, 9999)),
            client_kk=f"{region}{district}{rng.randint(10**9, 10**10 - 1)}",
            client_name=identities.full_name(rng, sex),
            client_address=f"{place['street']}, {place['kelurahan']}",
            client_phone=f"08{rng.randint(10**9, 10**10 - 1)}",
            kind=rng.choice(("repair", "repair", "adjustment", "assessment")),
            place=rng.choice(("office", "pickup", "home", "home")), technician=technician,
            start_at=start, end_at=start + datetime.timedelta(hours=3), service_date=day,
            state=state, received_at=received,
            due_at=received + datetime.timedelta(days=1, seconds=parts_seconds),
            parts_seconds=parts_seconds,
            parts_reason="Suku cadang dipesan dari distributor" if waited else "",
            work_done=rng.choice(WORK) if completed else "",
            parts_replaced=rng.choice(PARTS) if waited else "", completed_at=completed))
    for start in range(0, len(rows), 200):
        ClinicRequest.insert_many(rows[start:start + 200]).execute()
    return len(rows)


def _roster(now, drivers, technicians):
    today = local_date(now)
    stamp = dict(created_at=now, created_by="admin", updated_at=now, updated_by="admin")
    for offset in range(-7, 14):
        day = today + datetime.timedelta(days=offset)
        DutyAssignment.create(day=day, duty="driver", driver=drivers[offset % len(drivers)],
                              **stamp)
        if day.weekday() < 5:
            DutyAssignment.create(day=day, duty="technician",
                                  technician=technicians[offset % len(technicians)], **stamp)


def fill(rng: random.Random, size: int, report) -> None:
    if size <= 0 or Vehicle.select().exists():
        return
    from desktop.services.demo.applications_demo import office_region

    now = utcnow()
    region = (office_region() or "3371")[:4]
    changes.ensure_row()
    with db.atomic():
        _resources(now)
        vehicles = [v.id for v in Vehicle.select().order_by(Vehicle.id)]
        drivers = [d.id for d in Driver.select().order_by(Driver.id)]
        technicians = [t.id for t in Technician.select().order_by(Technician.id)]
        cemeteries = list(Cemetery.select().order_by(Cemetery.id))
        report.counts["hearse_booking"] = _hearse(rng, size, now, region, vehicles, drivers,
                                                  cemeteries)
        report.counts["clinic_request"] = _clinic(rng, size, now, region, technicians)
        _roster(now, drivers, technicians)
        changes.bump()
