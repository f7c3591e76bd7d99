"""The tanda terima berkas handed to the applicant at registration: what was received, what is
still missing, when the service is due, and how to ask about it. Content only; the views lay
it out for half an A4 or a receipt printer (the 'applications.receipt_paper' setting)."""
import datetime
from dataclasses import dataclass

from desktop.models import User
from desktop.services.admin import office, settings
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import masking, permissions, timefmt
from desktop.services.shared.timefmt import utcnow


@dataclass(frozen=True)
class Receipt:
    heading: tuple[str, ...]  # PEMERINTAH KOTA …, DINAS SOSIAL
    office_lines: tuple[str, ...]  # the kop's address and contacts
    emblem: bytes | None
    unit: str  # Dinas Sosial Kota Magelang
    reg_number: str
    applicant: str
    identity: str  # NIK masked to its last 4 digits; an organisation's legal form
    service: str
    received_at: str
    channel: str
    received: tuple[str, ...]  # requirements handed in
    missing: tuple[str, ...]  # requirements still to bring
    due: str
    unlimited: bool  # a conditional service: no date can be promised
    ask: tuple[str, ...]  # where and how to ask about progress
    officer: str
    printed_at: str


def paper() -> str:
    """'a5', '80mm' or '58mm'."""
    return settings.get("applications.receipt_paper")


def build(actor, application_id: int, now: datetime.datetime | None = None) -> Receipt:
    """The receipt of one application, for whoever may read it (a reading of a sensitive
    case is recorded, as opening it is)."""
    permissions.require(actor, "applications.view")
    app = workflow.get(application_id, actor)
    profile = office.get_profile()
    checks = workflow.checks_of(app)
    due, unlimited = due_text(app)
    applicant, identity = _applicant(app)
    return Receipt(
        heading=heading(profile), office_lines=office_lines(profile), emblem=profile.emblem, unit=office.unit_name(profile),
        reg_number=app.reg_number, applicant=applicant, identity=identity,
        service=app.service.name, received_at=timefmt.format_local(app.received_at),
        channel=workflow.CHANNELS.get(app.channel, app.channel),
        received=tuple(_requirement(c) for c in checks if c.state == "ada"),
        missing=tuple(_requirement(c) for c in checks if c.state == "kurang"),
        due=due, unlimited=unlimited, ask=ask_lines(profile, app.reg_number),
        officer=_officer(app.created_by), printed_at=timefmt.format_local(now or utcnow()))


def heading(profile) -> tuple[str, ...]:
    """The kop surat's titles: PEMERINTAH KOTA MAGELANG (once the region is set), DINAS SOSIAL."""
    region = office.region_title(profile) if profile.region_name.strip() else ""
    return tuple(line for line in (region, (profile.office_name or "Dinas Sosial").upper())
                 if line)


def office_lines(profile) -> tuple[str, ...]:
    """The kop's address and contacts, without what the profile leaves blank."""
    contacts = [f"Telepon {profile.phone}" if profile.phone else "",
                f"Pos-el {profile.email}" if profile.email else "", profile.website]
    lines = [profile.address, " · ".join(c.strip() for c in contacts if c.strip())]
    return tuple(line.strip() for line in lines if line and line.strip())


def ask_lines(profile, reg_number: str) -> tuple[str, ...]:
    """How the applicant asks about progress: the number to quote, then the office's ways."""
    whatsapp = settings.get("applications.receipt_whatsapp")
    lines = [f"Sebutkan nomor registrasi {reg_number} saat menanyakan perkembangan "
             "permohonan."]
    for label, value in (("Datang ke kantor", profile.address), ("Telepon", profile.phone),
                         ("WhatsApp", whatsapp), ("Pos-el", profile.email)):
        if value and value.strip():
            lines.append(f"{label}: {value.strip()}")
    return tuple(lines)


def due_text(app) -> tuple[str, bool]:
    """When the service is due, in the applicant's words, and whether it has no time limit."""
    service = app.service
    limit = service_catalog.time_limit(service)
    if app.due_at is not None:
        # Working days end with the office's day; minutes, hours and days end at a moment.
        when = (timefmt.format_local_date(app.due_at) if service.limit_kind == "working_days"
                else timefmt.format_local(app.due_at))
        since = f" (jangka waktu {limit.describe()})" if limit.kind != "conditional" else ""
        return f"Selesai paling lambat {when}{since}.", False
    if limit.kind == "conditional":
        return ("Tanpa batas waktu: layanan kondisional, lamanya bergantung pada prosesnya "
                "(termasuk instansi lain).", True)
    if app.state in workflow.CLOSED:
        return "Permohonan sudah ditutup.", False
    return (f"Jangka waktu {limit.describe()}: batas waktunya dihitung setelah persyaratan "
            "yang belum ada dilengkapi.", False)


def _applicant(app) -> tuple[str, str]:
    if app.person is not None:
        person = app.person
        return person.name, (f"NIK {masking.nik_last4(person.nik)}" if person.nik
                             else "Tanpa NIK")
    org = app.organisation
    return org.name, org.legal_form or "Lembaga"


def _requirement(check) -> str:
    return f"{check.group_name}: {check.text}" if check.group_name else check.text


def _officer(username: str) -> str:
    user = User.get_or_none(User.username == username) if username else None
    return (user.full_name or user.username) if user is not None else (username or "-")
