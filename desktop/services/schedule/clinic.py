"""Wheelchair seating clinic (Magelang seed): one service per technician per day, done within
one day of the request unless spare parts are awaited (the clock pauses, with the reason)."""
import datetime

from peewee import IntegrityError

from desktop.errors import ValidationError
from desktop.models import ClinicRequest, Technician, utcnow
from desktop.services.admin import settings
from desktop.services.schedule import clashes
from desktop.services.schedule.clashes import ClashError
from desktop.services.schedule.fields import day_bounds, digits, local_date, phone, to_utc
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_nik, optional_text, require_text

KINDS = {"repair": "Perbaikan/servis", "adjustment": "Penyesuaian", "assessment": "Asesmen"}
PLACES = {"office": "Di kantor Dinas Sosial", "pickup": "Jemput bola",
          "home": "Kunjungan rumah"}
STATES = {"scheduled": "Dijadwalkan", "waiting_parts": "Menunggu suku cadang",
          "completed": "Selesai", "cancelled": "Batal"}
TIME_LIMIT = datetime.timedelta(days=1)
PAST_GRACE = datetime.timedelta(minutes=5)
SEARCH_DAYS = 60


def default_minutes() -> int:
    return settings.get("schedule.clinic_minutes")


# What an empty form is refused for; the dialog marks these labels "*".
REQUIRED = ("NIK pengguna kursi roda", "No. KK", "Nama pengguna kursi roda", "Alamat",
            "Telepon/WhatsApp", "Jenis layanan", "Tempat layanan", "Waktu layanan", "Teknisi")


def _choice(value, choices: dict, field: str, message: str):
    if value not in choices:
        raise ValidationError(field, message)
    return value


def _validated(values: dict, today: datetime.date, checks: FieldChecks) -> dict:
    """Every field's check, refusals collected in `checks`."""
    run = checks.run
    nik = run(digits, values.get("client_nik", ""), "NIK pengguna kursi roda", 16)
    if nik:
        run(check_nik, nik, "NIK pengguna kursi roda", today=today)
    kk = run(digits, values.get("client_kk", ""), "No. KK", 16)
    if nik and kk and kk[:4] != nik[:4]:
        checks.add("No. KK", "kode wilayah (4 angka pertama) harus sama dengan NIK.")
    return dict(client_nik=nik, client_kk=kk,
                client_name=run(require_text, values.get("client_name", ""),
                                "Nama pengguna kursi roda", 120),
                client_address=run(require_text, values.get("client_address", ""), "Alamat",
                                   400),
                client_phone=run(phone, values.get("client_phone", ""), "Telepon/WhatsApp",
                                 required=True),
                kind=run(_choice, values.get("kind"), KINDS, "Jenis layanan",
                         "pilih perbaikan/servis, penyesuaian atau asesmen."),
                place=run(_choice, values.get("place"), PLACES, "Tempat layanan",
                          "pilih di kantor, jemput bola atau kunjungan rumah."))


def _times(values: dict, moved, now) -> tuple[datetime.datetime, datetime.datetime]:
    start = values.get("start_at")
    if not isinstance(start, datetime.datetime):
        raise ValidationError("Waktu layanan", "wajib diisi (tanggal dan jam).")
    end = values.get("end_at")
    if end is None:
        minutes = values.get("duration_minutes") or default_minutes()
        end = start + datetime.timedelta(minutes=int(minutes))
    if end <= start:
        raise ValidationError("Waktu selesai", "harus sesudah waktu mulai.")
    if local_date(end - datetime.timedelta(seconds=1)) != local_date(start):
        raise ValidationError("Waktu selesai", "layanan harus selesai pada hari yang sama.")
    if moved(start) and start < now - PAST_GRACE:
        raise ValidationError("Waktu layanan", f"{timefmt.format_local(start)} sudah lewat; "
                              "pilih waktu yang akan datang.")
    return start, end


def _technician(technician_id) -> Technician:
    technician = Technician.get_or_none(Technician.id == technician_id) if technician_id else None
    if technician is None:
        raise ValidationError("Teknisi", "pilih dari daftar.")
    if not technician.active:
        raise ValidationError("Teknisi", f"{technician.name} sedang tidak aktif; pilih teknisi "
                              "lain.")
    return technician


def _same_day(technician_id: int, day: datetime.date, exclude_id=None):
    query = ClinicRequest.select().where(
        (ClinicRequest.technician == technician_id) & (ClinicRequest.service_date == day)
        & (ClinicRequest.state != "cancelled"))
    if exclude_id:
        query = query.where(ClinicRequest.id != exclude_id)
    return query.first()


def next_free_day(technician_id: int, start: datetime.datetime, length: datetime.timedelta,
                  exclude_id=None) -> datetime.datetime | None:
    """The same local time on the first later day the technician has no service nor blackout."""
    local = timefmt.to_local(start).replace(tzinfo=None)
    for offset in range(1, SEARCH_DAYS + 1):
        candidate = to_utc(local + datetime.timedelta(days=offset))
        if _same_day(technician_id, local_date(candidate), exclude_id) is None and not \
                clashes.busy_periods("technician", technician_id, candidate, candidate + length,
                                     exclude_id):
            return candidate
    return None


def _check_free(technician, start, end, exclude_id):
    length = end - start
    day = local_date(start)
    busy = clashes.busy_periods("technician", technician.id, start, end, exclude_id)
    # On PostgreSQL each statement reads anew: a service committed between the two reads is
    # seen by the second only, so a busy period on the same day also counts as that day's.
    other = _same_day(technician.id, day, exclude_id) or next(
        (b.record for b in busy
         if isinstance(b.record, ClinicRequest) and b.record.service_date == day), None)
    if other is None and not busy:
        return
    suggestion = next_free_day(technician.id, start, length, exclude_id)
    proposal = (f" Hari kosong berikutnya untuk {technician.name}: "
                f"{timefmt.format_local(suggestion)}." if suggestion else "")
    if other is not None:
        raise ClashError("Teknisi", f"{technician.name} sudah menangani "
                         f"{clashes.describe(other)}; satu teknisi hanya melayani satu "
                         f"permohonan per hari.{proposal}", conflict=other, suggestion=suggestion)
    raise ClashError("Teknisi", f"{technician.name} bentrok dengan "
                     f"{clashes.describe(busy[0].record)}.{proposal}",
                     conflict=busy[0].record, suggestion=suggestion)


def save(actor, request: ClinicRequest | None = None, *, now=None, **values) -> ClinicRequest:
    """Create (request None) or change a service. Values: client_nik, client_kk, client_name,
    client_address, client_phone, kind, place, technician_id, start_at (naive UTC), and
    duration_minutes or end_at."""
    permissions.require(actor, "schedule.manage")
    now = now or utcnow()
    if request is not None:
        if request.state not in ("scheduled", "waiting_parts"):
            raise ValidationError("Status", f"layanan yang {STATES[request.state].lower()} "
                                  "tidak bisa diubah lagi.")
        values = {**_current(request), **values}
    checks = FieldChecks()
    clean = _validated(values, local_date(now), checks)
    times = checks.run(_times, values, lambda s: request is None or s != request.start_at, now)
    start, end = times or (None, None)
    technician = checks.run(_technician, values.get("technician_id"))
    checks.raise_errors()
    exclude_id = request.id if request is not None else None
    clean.update(technician=technician, start_at=start, end_at=end,
                 service_date=local_date(start))
    if request is None:
        clean.update(received_at=now, due_at=now + TIME_LIMIT, state="scheduled")
    try:
        with clashes.serialised(technician):
            _check_free(technician, start, end, exclude_id)
            if request is None:
                return records.create(ClinicRequest, actor, **clean)
            return records.update(request, actor, **clean)
    except IntegrityError as exc:
        if not clashes.is_overlap_violation(exc):
            raise
        _check_free(technician, start, end, exclude_id)
        raise ClashError("Teknisi", "Teknisi ini baru saja dijadwalkan di PC lain pada hari "
                         "itu. Muat ulang jadwal dan pilih hari lain.") from None


def _current(request: ClinicRequest) -> dict:
    fields = ["client_nik", "client_kk", "client_name", "client_address", "client_phone",
              "kind", "place", "start_at", "end_at"]
    current = {f: getattr(request, f) for f in fields}
    current["technician_id"] = request.technician_id
    return current


def reschedule(actor, request: ClinicRequest, start_at: datetime.datetime,
               technician_id: int | None = None, now=None) -> ClinicRequest:
    """Move a service, keeping its length, under the same rules."""
    changes = {"start_at": start_at, "end_at": start_at + (request.end_at - request.start_at)}
    if technician_id is not None:
        changes["technician_id"] = technician_id
    return save(actor, request, now=now, **changes)


def wait_for_parts(actor, request: ClinicRequest, reason: str, now=None) -> ClinicRequest:
    """Pause the one-day limit: spare parts must be replaced (the seed's exception)."""
    permissions.require(actor, "schedule.manage")
    if request.state != "scheduled":
        raise ValidationError("Status", "hanya layanan yang dijadwalkan bisa menunggu suku "
                              "cadang.")
    reason = require_text(reason, "Alasan menunggu suku cadang", 1000)
    with clashes.serialised():
        return records.update(request, actor, state="waiting_parts", parts_since=now or utcnow(),
                              parts_reason=reason)


def _resumed(request: ClinicRequest, now) -> dict:
    waited = max(0, int((now - request.parts_since).total_seconds()))
    due = request.due_at + datetime.timedelta(seconds=waited) if request.due_at else None
    return dict(parts_since=None, parts_seconds=request.parts_seconds + waited, due_at=due)


def parts_arrived(actor, request: ClinicRequest, now=None) -> ClinicRequest:
    """Resume the clock: the time waited moves the deadline on."""
    permissions.require(actor, "schedule.manage")
    if request.state != "waiting_parts":
        raise ValidationError("Status", "layanan ini tidak sedang menunggu suku cadang.")
    with clashes.serialised():
        return records.update(request, actor, state="scheduled",
                              **_resumed(request, now or utcnow()))


def complete(actor, request: ClinicRequest, work_done: str, parts_replaced: str = "",
             now=None) -> ClinicRequest:
    permissions.require(actor, "schedule.manage")
    if request.state not in ("scheduled", "waiting_parts"):
        raise ValidationError("Status", f"layanan yang {STATES[request.state].lower()} tidak "
                              "bisa diselesaikan.")
    now = now or utcnow()
    changes = dict(state="completed", completed_at=now,
                   work_done=require_text(work_done, "Pekerjaan yang dilakukan", 2000),
                   parts_replaced=optional_text(parts_replaced, "Suku cadang yang diganti", 2000))
    if request.state == "waiting_parts":
        changes.update(_resumed(request, now))
    with clashes.serialised():
        return records.update(request, actor, **changes)


def cancel(actor, request: ClinicRequest, reason: str) -> ClinicRequest:
    permissions.require(actor, "schedule.manage")
    if request.state not in ("scheduled", "waiting_parts"):
        raise ValidationError("Status", f"layanan yang {STATES[request.state].lower()} tidak "
                              "bisa dibatalkan.")
    with clashes.serialised():
        return records.update(request, actor, state="cancelled",
                              cancel_reason=require_text(reason, "Alasan pembatalan", 1000))


def clock(request: ClinicRequest, now=None) -> str:
    """The one-day limit in words: met, late, paused for parts, or time left."""
    now = now or utcnow()
    if request.state == "waiting_parts":
        return f"Terhenti: menunggu suku cadang ({request.parts_reason})"
    if request.state == "cancelled" or request.due_at is None:
        return "-"
    if request.state == "completed":
        late = request.completed_at and request.completed_at > request.due_at
        return "Terlambat" if late else "Tepat waktu"
    if now > request.due_at:
        return f"Lewat batas {timefmt.format_local(request.due_at)}"
    return f"Batas {timefmt.format_local(request.due_at)}"


def between(start: datetime.datetime, end: datetime.datetime,
            include_cancelled: bool = True) -> list[ClinicRequest]:
    query = (ClinicRequest.select(ClinicRequest, Technician).join(Technician)
             .where((ClinicRequest.start_at < end) & (ClinicRequest.end_at > start)))
    if not include_cancelled:
        query = query.where(ClinicRequest.state != "cancelled")
    return list(query.order_by(ClinicRequest.start_at))


def on_day(day: datetime.date, days: int = 1, include_cancelled: bool = True):
    return between(*day_bounds(day, days), include_cancelled=include_cancelled)


def free_technicians(start: datetime.datetime, minutes: int | None = None) -> list[Technician]:
    end = start + datetime.timedelta(minutes=minutes or default_minutes())
    return [t for t in Technician.select().where(Technician.active == True)  # noqa: E712
            .order_by(Technician.id)
            if _same_day(t.id, local_date(start)) is None
            and not clashes.busy_periods("technician", t.id, start, end)]
