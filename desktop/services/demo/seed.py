"""Fill a database with a realistic demo office. Later features register their own fillers."""
import datetime
import random
from dataclasses import dataclass, field

from desktop.models import Application, OfficeProfile, Service, User
from desktop.services.admin import office, users
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.demo import identities
from desktop.services.referrals import institutions
from desktop.services.shared import permissions
from desktop.services.shell import schema

DEMO_PASSWORD = "pelita2026"
HEAD = "kadis"  # the head of the office: named in the office profile, signs letters


@dataclass
class DemoReport:
    users: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


STAFF = [  # username, role, sex, position, rank
    ("admin", permissions.ADMIN, "L", "Pranata Komputer", "Penata Muda (III/a)"),
    ("kadis", permissions.HEAD, "P", "Kepala Dinas Sosial", "Pembina Utama Muda (IV/c)"),
    ("kabid", permissions.HEAD, "L", "Kepala Bidang Perlindungan dan Jaminan Sosial",
     "Pembina (IV/a)"),
    ("layanan", permissions.FRONT_OFFICE, "P", "Petugas Pelayanan Puskesos",
     "Pengatur (II/c)"),
    ("peksos", permissions.SOCIAL_WORKER, "P", "Pekerja Sosial Ahli Pertama",
     "Penata Muda (III/a)"),
    ("piket", permissions.DUTY_OFFICER, "L", "Pengemudi Mobil Jenazah", "Pengatur Muda (II/a)"),
]


def _office(head: User | None) -> None:
    """The profile names as head the demo kadis, who signs the demo's letters."""
    profile = office.get_profile()
    if profile.id is not None:
        return
    office.save_profile(
        permissions.SYSTEM, profile, office_name="Dinas Sosial", region_kind="Kota",
        region_name="Magelang", address="Jl. Jenderal Sudirman No. 46, Magelang 56126",
        phone="(0293) 362316", email="dinsos@magelangkota.go.id",
        website="dinsos.magelangkota.go.id", time_zone="Asia/Jakarta",
        head_name=head.full_name if head else "", head_rank=head.rank if head else "",
        head_nip=head.nip if head else "", unit_code="Dinsos",
        classification_code="400.9", region_code="3371")


def _staff(rng: random.Random, report: DemoReport) -> None:
    for username, role, sex, position, rank in STAFF:
        if User.select().where(User.username == username).exists():
            continue
        birth = identities.birth_date(rng, *((48, 56) if username == HEAD else (28, 55)))
        appointed = datetime.date(birth.year + 24, rng.randint(1, 12), 1)
        name = identities.full_name(rng, sex)
        if username == HEAD:  # as the profile and the letters' signature block show her
            name = f"Dra. {name}, M.Si."
        users.add_user(permissions.SYSTEM, username, name, role,
                       DEMO_PASSWORD, nip=identities.nip(rng, birth, appointed, sex),
                       rank=rank, position=position)
        report.users.append(username)


def fill(size: int = 100, seed: int = 2026) -> DemoReport:
    """Create the schema if needed, then an office, its staff and `size`-scaled records."""
    if schema.status().state != "current":
        schema.upgrade()
    if not Service.select().exists():
        service_catalog.load_shipped()
    institutions.load_shipped()
    rng = random.Random(seed)
    report = DemoReport()
    _staff(rng, report)
    _office(User.get_or_none(User.username == HEAD))
    from desktop.services.demo import (applications_demo, feedback_demo, letters_demo, lks_demo,
                                       schedule_demo)

    applications_demo.fill(rng, size, report)
    lks_demo.fill(rng, size, report)
    report.counts.update(registry.fill_demo(rng))  # each case kind's own records
    applications_demo.refit_checklists()  # to the applicants the kinds put in
    for filler in (schedule_demo.fill, letters_demo.fill, feedback_demo.fill):
        filler(rng, size, report)
    schema.refresh_statistics()
    # a case kind may register the cases it needs running (ABH's clocks): count them all
    report.counts["applications"] = Application.select().count()
    report.counts["users"] = User.select().count()
    report.counts["office_profile"] = OfficeProfile.select().count()
    return report

