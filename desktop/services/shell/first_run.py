"""A new office's first start: its region and profile, the published service standards it
starts from, and its first administrator, written together at the end (nothing before), so a
wizard closed half way leaves the database as it found it. An administrator runs the office and
catalog part again later (`reconfigure`)."""
import functools
from collections import Counter
from dataclasses import dataclass, field

from desktop.errors import PelitaError, ValidationError
from desktop.models import OfficeProfile, Service, db
from desktop.services.admin import office, regions, settings, users
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, records
from desktop.services.shell import auth, schema

# The shipped catalog's offices, in the order the wizard offers them, with what each holds.
STANDARD_LABELS = {
    "Dinas Sosial Kota Magelang": "Standar pelayanan Dinas Sosial Kota Magelang",
    "Dinas Sosial Kabupaten Magetan": "Standar pelayanan Dinas Sosial Kabupaten Magetan",
    "Dinas Sosial Kota Depok": "SLRT Kota Depok (Sistem Layanan dan Rujukan Terpadu)",
}
PROFILE_ID = 1  # the one office profile: a second PC's insert of it is refused, not doubled


class AlreadySetUp(PelitaError):
    """Another PC finished the first run on this database while this one was filling it in."""


@dataclass(frozen=True)
class Standard:
    source_office: str
    label: str
    services: int


@dataclass
class OfficeSetup:
    """What the wizard gathered: the office's region and profile, the standards chosen."""
    regency_code: str = ""
    office_name: str = "Dinas Sosial"
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    head_name: str = ""
    emblem: bytes | None = None
    time_zone: str = ""  # empty: the region's own
    standards: list[str] = field(default_factory=list)  # source offices; none: empty catalog


@functools.cache  # the shipped file does not change while Pelita runs; read it once
def standards() -> tuple[Standard, ...]:
    """The published service standards Pelita ships (resources/catalog.json)."""
    counts = Counter(definition["source_office"]
                     for definition in service_catalog.read_shipped())
    ordered = [s for s in STANDARD_LABELS if s in counts] + sorted(set(counts) - set(
        STANDARD_LABELS))
    return tuple(Standard(s, STANDARD_LABELS.get(s, s), counts[s]) for s in ordered)


def profile_values(setup: OfficeSetup) -> dict:
    """The office profile's fields, checked as the profile page checks them; nothing saved."""
    region = regions.office_region(setup.regency_code)
    if not region:
        raise ValidationError("Kota/kabupaten", "pilih provinsi lalu kota atau kabupaten kantor "
                              "dari daftar.")
    if setup.time_zone:
        region["time_zone"] = setup.time_zone
    values = dict(region, office_name=setup.office_name, address=setup.address,
                  phone=setup.phone, email=setup.email, website=setup.website,
                  head_name=setup.head_name, emblem=setup.emblem,
                  unit_code="DINSOS", classification_code="400.9")
    return office._validated(values)


def letterhead(regency_code: str) -> str:
    """PEMERINTAH KABUPATEN MAGETAN, as the letters' kop will read; empty before a choice."""
    region = regions.office_region(regency_code)
    if not region:
        return ""
    return office.region_title(OfficeProfile(region_kind=region["region_kind"],
                                             region_name=region["region_name"]))


def check_standards(chosen: list[str]) -> list[str]:
    known = {s.source_office for s in standards()}
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise ValidationError("Standar pelayanan", f"{unknown[0]} tidak ada di katalog Pelita.")
    return list(dict.fromkeys(chosen))


def check_admin(username: str, full_name: str, password: str, repeated: str) -> str:
    username = auth.check_username(username)
    if not (full_name or "").strip():
        raise ValidationError("Nama lengkap", "wajib diisi: nama administrator.")
    empty = schema.status().state == "empty"  # no settings table yet: the shipped minimum
    minimum = settings.DEFINITIONS["password.min_length"].default if empty else None
    auth.check_password_strength(password, username, minimum)
    if password != repeated:
        raise ValidationError("Ulangi kata sandi", "tidak sama dengan kata sandi. Ketik ulang.")
    return username


def is_set_up() -> bool:
    """Another PC may have finished while this one's wizard was open."""
    return schema.status().state != "empty" and users.has_any_user()


def set_up(setup: OfficeSetup, username: str, full_name: str, password: str):
    """The whole first run in one transaction: profile, catalog, first administrator.
    Returns the administrator."""
    clean = profile_values(setup)
    chosen = check_standards(setup.standards)
    check_admin(username, full_name, password, password)
    if schema.status().state == "empty":
        schema.upgrade()  # the tables and the shipped catalog: no office data yet
    if users.has_any_user():
        raise _already()
    with db.atomic():
        records.create(OfficeProfile, permissions.SYSTEM, duplicate=_already, id=PROFILE_ID,
                       **clean)
        _choose_standards(permissions.SYSTEM, chosen)
        admin = users.create_first_admin(username, full_name, password)
    from desktop.services.shared import timefmt

    timefmt.set_office_time_zone(clean["time_zone"])
    return admin


def reconfigure(actor, setup: OfficeSetup) -> OfficeProfile:
    """An administrator's second run: the office profile and which standards are active."""
    permissions.require(actor, "office.edit")
    permissions.require(actor, "catalog.edit")
    clean = profile_values(setup)
    chosen = check_standards(setup.standards)
    with db.atomic():
        saved = office.save_profile(actor, office.get_profile(), **clean)
        _choose_standards(actor, chosen)
    return saved


def chosen_standards() -> list[str]:
    """The standards with an active service now: the wizard's second run starts from them."""
    active = {s.source_office for s in Service.select(Service.source_office)
              .where(Service.active)}
    return [s.source_office for s in standards() if s.source_office in active]


def _choose_standards(actor, chosen: list[str]) -> None:
    """Services of the chosen standards active, the rest kept but inactive: an administrator
    turns any of them on later in Katalog Layanan."""
    shipped = [s.source_office for s in standards()]  # the office's own services stay as they are
    for service in Service.select().where(Service.source_office.in_(shipped)):
        wanted = service.source_office in chosen
        if service.active != wanted:
            records.update(service, actor, active=wanted)


def _already() -> AlreadySetUp:
    return AlreadySetUp("Database ini baru saja disiapkan dari PC lain. Tidak ada yang "
                        "disimpan dua kali: masuk dengan akun administrator yang dibuat di sana.")

