"""Tanda Daftar certificates: recording one (new or a renewal), revoking it, and the state an
LKS is in on a given day (berlaku, segera habis, habis, dicabut, or not registered)."""
import datetime

from desktop.errors import ValidationError
from desktop.models import Lks, LksRegistration, db
from desktop.services.admin import settings
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks, before_change
from desktop.services.shared.validators import DATE_REQUIRED, optional_text, require_text

KINDS = {"baru": "Pendaftaran baru", "perpanjangan": "Perpanjangan"}
STATES = {"berlaku": "Berlaku", "segera_habis": "Segera habis", "habis": "Habis",
          "dicabut": "Dicabut", "belum": "Belum terdaftar"}
MIN_REASON = 10


def state_of(registered_until: datetime.date | None, revoked: bool, today: datetime.date,
             warn_days: int | None = None) -> str:
    if registered_until is None:
        return "belum"
    if revoked:
        return "dicabut"
    if registered_until < today:
        return "habis"
    if warn_days is None:
        warn_days = settings.get("lks.warn_days")
    if registered_until < today + datetime.timedelta(days=warn_days):
        return "segera_habis"
    return "berlaku"


def state_condition(state: str, today: datetime.date, warn_days: int):
    """A condition on Lks for the rows in `state` on `today` (the register's filter)."""
    soon = today + datetime.timedelta(days=warn_days)
    until, live = Lks.registered_until, Lks.revoked == False  # noqa: E712 (peewee)
    return {"belum": until.is_null(),
            "dicabut": until.is_null(False) & (Lks.revoked == True),  # noqa: E712
            "habis": live & (until < today),
            "segera_habis": live & (until >= today) & (until < soon),
            "berlaku": live & (until >= soon)}[state]


def default_until(valid_from: datetime.date) -> datetime.date:
    """The day before the same date `lks.validity_years` later (from 29 February: to 28
    February, the end of that month)."""
    years = settings.get("lks.validity_years")
    try:
        end = valid_from.replace(year=valid_from.year + years)
    except ValueError:  # from 29 February: to the end of February
        end = datetime.date(valid_from.year + years, 3, 1)
    return end - datetime.timedelta(days=1)


def history(lks: Lks) -> list[LksRegistration]:
    return list(LksRegistration.select().where(LksRegistration.lks == lks)
                .order_by(LksRegistration.valid_from.desc(), LksRegistration.id.desc()))


def record(actor, lks: Lks, number: str, issued_on: datetime.date, valid_from: datetime.date,
           valid_until: datetime.date | None = None, kind: str = "baru", application=None,
           today: datetime.date | None = None) -> LksRegistration:
    """A Tanda Daftar issued to `lks` (by this office, or on paper before Pelita). A renewal
    needs an earlier Tanda Daftar; the newest becomes the LKS's current one."""
    permissions.require(actor, "lks.register")
    today = today or datetime.date.today()
    checks = FieldChecks()  # every field's refusal shown at once
    number = checks.run(require_text, number, "Nomor Tanda Daftar", 80)
    if kind not in KINDS:
        checks.add("Jenis pendaftaran", "pilih pendaftaran baru atau perpanjangan.")
    for value, field in ((issued_on, "Tanggal terbit"), (valid_from, "Berlaku mulai")):
        if not isinstance(value, datetime.date):
            checks.add(field, DATE_REQUIRED)
    if isinstance(issued_on, datetime.date) and issued_on > today:
        checks.add("Tanggal terbit", "tidak boleh di masa depan.")
    if isinstance(valid_from, datetime.date):
        valid_until = valid_until or default_until(valid_from)
        if not isinstance(valid_until, datetime.date) or valid_until <= valid_from:
            checks.add("Berlaku sampai", "harus sesudah tanggal mulai berlaku "
                       f"({valid_from:%d-%m-%Y}).")
    earlier = history(lks)
    if kind == "perpanjangan" and not earlier:
        checks.add("Jenis pendaftaran", "perpanjangan memerlukan Tanda Daftar sebelumnya; "
                   "catat dulu Tanda Daftar lama, atau pilih pendaftaran baru.")
    if number and any(r.number == number for r in earlier):
        checks.add("Nomor Tanda Daftar", "sudah tercatat untuk LKS ini.")
    checks.raise_errors()
    with db.atomic():
        registration = records.create(
            LksRegistration, actor, lks=lks, number=number, kind=kind, issued_on=issued_on,
            valid_from=valid_from, valid_until=valid_until, application=application,
            duplicate=lambda: ValidationError(  # one entry per application (unique index)
                "Tanda Daftar", "Tanda Daftar permohonan ini baru saja dicatat di Daftar LKS "
                "dari PC lain."))
        _make_current(actor, lks)
    return registration


def revoke(actor, lks: Lks, reason: str, on: datetime.date | None = None) -> LksRegistration:
    """Revoke the current Tanda Daftar, with the reason (audited)."""
    permissions.require(actor, "lks.revoke")
    reason = optional_text(reason, "Alasan pencabutan", 2000, multiline=True)
    if len(reason) < MIN_REASON:
        raise ValidationError("Alasan pencabutan", f"tulis alasannya (minimal {MIN_REASON} "
                              "karakter): alasan ini tercatat dan dibaca pemeriksa.")
    current = _current(lks)
    if current is None or current.revoked_on is not None:
        raise ValidationError("Tanda Daftar", "LKS ini tidak punya Tanda Daftar yang berlaku "
                              "untuk dicabut.")
    with db.atomic():
        current = records.update(current, actor, revoked_on=on or datetime.date.today(),
                                 revoke_reason=reason, revoked_by=actor.username)
        _make_current(actor, lks)
    return current


def _current(lks: Lks) -> LksRegistration | None:
    """The newest Tanda Daftar (a renewal starts later than what it renews; a revoked one
    ending later does not hide the one issued after it)."""
    return (LksRegistration.select().where(LksRegistration.lks == lks)
            .order_by(LksRegistration.valid_from.desc(), LksRegistration.id.desc()).first())


def _make_current(actor, lks: Lks) -> None:
    """Copy the current Tanda Daftar's number, end and revocation onto the LKS (by a fresh
    read: another PC may have changed the LKS's other details meanwhile)."""
    current = _current(lks)
    fresh = Lks.get_by_id(lks.id)
    records.update(fresh, actor, registration_number=current.number,
                   registered_until=current.valid_until,
                   revoked=current.revoked_on is not None)
    before_change(lks)
    lks.registration_number, lks.registered_until = fresh.registration_number, fresh.registered_until
    lks.revoked, lks.version = fresh.revoked, fresh.version
