"""Recording a Tanda Daftar application's own data: the LKS and the kind of registration, the
field visit, the validity; and entering the signed Tanda Daftar in the LKS register."""
import datetime

from desktop.cases.tanda_daftar.model import TandaDaftarCase
from desktop.errors import ConflictError, ValidationError
from desktop.models import Letter, Lks, LksRegistration, Organisation
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.lks import registrations
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import DATE_REQUIRED, clean_text

RECORD_ROLES = frozenset({permissions.FRONT_OFFICE, permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat data pendaftaran LKS"
VISIT_ROLES = frozenset({permissions.SOCIAL_WORKER, permissions.FRONT_OFFICE})
VISIT_DOING = "mencatat hasil verifikasi lapangan"
RESULTS = {"layak": "Layak", "tidak_layak": "Tidak layak"}
TEMPLATE = "tanda_daftar_lks"
RECOMMENDATION = "rekomendasi_terdaftar_lks"  # Magetan recommends; the issuer certifies
TEMPLATES = (TEMPLATE, RECOMMENDATION)
SIGNED = ("signed", "handed_over")
IN_REVIEW = ("waiting_paraf", "waiting_signature")
MIN_FINDINGS = 10


def read(application) -> TandaDaftarCase | None:
    """The case record with its LKS and organisation (one query)."""
    return (TandaDaftarCase.select(TandaDaftarCase, Lks, Organisation)
            .join(Lks).join(Organisation)
            .where(TandaDaftarCase.application == application.id).first())


# What each empty form is refused for, in the form's order; the dialogs mark these.
REGISTRATION_REQUIRED = ("LKS", "Jenis pendaftaran")
VISIT_REQUIRED = ("Tanggal kunjungan", "Tim teknis", "Temuan", "Hasil verifikasi")
VALIDITY_REQUIRED = ("Berlaku mulai", "Berlaku sampai")


def save_registration(actor, application, existing: TandaDaftarCase | None, *, lks_id,
                      kind: str, activity_report: bool) -> TandaDaftarCase:
    """Which LKS applies, and whether for a first Tanda Daftar or a renewal (which needs the
    previous one in the register and the activity report)."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    checks = FieldChecks()
    lks = Lks.get_or_none(Lks.id == lks_id) if lks_id else None
    if lks is None:
        checks.add("LKS", "pilih LKS dari Daftar LKS (catat dulu di sana bila belum ada).")
    if kind not in registrations.KINDS:
        checks.add("Jenis pendaftaran", "pilih pendaftaran baru atau perpanjangan.")
    elif kind == "perpanjangan" and lks is not None and not registrations.history(lks):
        checks.add("Jenis pendaftaran", "perpanjangan memerlukan Tanda Daftar sebelumnya di "
                   "Daftar LKS; catat dulu Tanda Daftar lama, atau pilih pendaftaran baru.")
    checks.raise_errors()
    values = dict(lks=lks.id, kind=kind, activity_report=bool(activity_report))
    if existing is None:
        return records.create(TandaDaftarCase, actor, application=application.id, **values,
                              duplicate=lambda: ConflictError(
                                  "Data pendaftaran untuk permohonan ini baru saja dicatat di "
                                  "PC lain. Muat ulang untuk melihatnya."))
    _refuse_under_letter(application)
    if existing.lks_id != lks.id:  # another institution: its visit and validity are its own
        values.update(visit_date=None, visit_team="", visit_findings="", visit_result="",
                      visited_by="", valid_from=None, valid_until=None)
    return records.update(existing, actor, **values)


def _visit_date(visit_date, application, today: datetime.date) -> datetime.date:
    if not isinstance(visit_date, datetime.date):
        raise ValidationError("Tanggal kunjungan", DATE_REQUIRED)
    if visit_date > today:
        raise ValidationError("Tanggal kunjungan", "tidak boleh di masa depan.")
    received = timefmt.to_local(application.received_at).date()
    if visit_date < received:
        raise ValidationError("Tanggal kunjungan", "tidak boleh sebelum permohonan diterima "
                              f"({timefmt.format_date(received)}).")
    return visit_date


def save_visit(actor, application, existing: TandaDaftarCase | None, *, visit_date, team: str,
               findings: str, result: str, today: datetime.date | None = None
               ) -> TandaDaftarCase:
    """The technical team's field visit: when, who, what it found, layak or not; every field
    at fault refused at once."""
    require_case_writer(actor, VISIT_ROLES, VISIT_DOING, application)
    if existing is None:
        raise ValidationError("LKS", "catat dulu LKS yang mendaftar, lalu hasil kunjungannya.")
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    run = checks.run
    visit_date = run(_visit_date, visit_date, application, today)
    team = run(clean_text, team, "Tim teknis", 1000, multiline=True)
    members = [line.strip() for line in (team or "").splitlines() if line.strip()]
    if team is not None and not members:
        checks.add("Tim teknis", "tulis nama anggota tim, satu nama per baris.")
    findings = run(clean_text, findings, "Temuan", 4000, multiline=True)
    if findings is not None and len(findings) < MIN_FINDINGS:
        checks.add("Temuan", "tulis yang ditemukan di lokasi (sekretariat, pelayanan, "
                   "penerima manfaat, pengurus).")
    if result not in RESULTS:
        checks.add("Hasil verifikasi", "pilih layak atau tidak layak.")
    checks.raise_errors()
    _refuse_under_letter(application)
    return records.update(existing, actor, visit_date=visit_date, visit_team="\n".join(members),
                          visit_findings=findings, visit_result=result,
                          visited_by=actor.username)


def save_validity(actor, application, existing: TandaDaftarCase | None, *, valid_from,
                  valid_until) -> TandaDaftarCase:
    """The validity the Tanda Daftar will state (proposed from the setting)."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("LKS", "catat dulu LKS yang mendaftar.")
    checks = FieldChecks()
    if not isinstance(valid_from, datetime.date):
        checks.add("Berlaku mulai", DATE_REQUIRED)
    if not isinstance(valid_until, datetime.date):
        checks.add("Berlaku sampai", DATE_REQUIRED)
    elif isinstance(valid_from, datetime.date) and valid_until <= valid_from:
        checks.add("Berlaku sampai", "harus sesudah tanggal mulai berlaku.")
    checks.raise_errors()
    _refuse_under_letter(application)
    return records.update(existing, actor, valid_from=valid_from, valid_until=valid_until)


def signed_letter(application) -> Letter | None:
    return (Letter.select().where((Letter.application == application.id)
                                  & (Letter.template_key == TEMPLATE)
                                  & Letter.state.in_(SIGNED))
            .order_by(Letter.signed_at.desc()).first())


def entry(application) -> LksRegistration | None:
    """The register's entry made from this application, if it was entered."""
    return LksRegistration.get_or_none(LksRegistration.application == application.id)


def enter_in_register(actor, application, existing: TandaDaftarCase | None) -> LksRegistration:
    """The signed Tanda Daftar into the LKS register: its number, its signing day, the
    validity it states. Once per application."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("LKS", "catat dulu LKS yang mendaftar.")
    letter = signed_letter(application)
    if letter is None:
        raise ValidationError("Tanda Daftar", "belum ada Tanda Daftar yang ditandatangani "
                              "untuk permohonan ini.")
    if entry(application) is not None:
        raise ValidationError("Tanda Daftar", "Tanda Daftar permohonan ini sudah tercatat di "
                              "Daftar LKS.")
    signed_on = timefmt.to_local(letter.signed_at).date()
    valid_from = existing.valid_from or signed_on
    return registrations.record(actor, existing.lks, letter.number, signed_on, valid_from,
                                existing.valid_until or registrations.default_until(valid_from),
                                kind=existing.kind, application=application.id,
                                today=max(signed_on, timefmt.to_local(timefmt.utcnow()).date()))


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, TEMPLATES, "Tanda Daftar", "Tanda Daftar atau rekomendasinya")