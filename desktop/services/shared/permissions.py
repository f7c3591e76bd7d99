"""Roles and what each may do. Every service call that changes or reveals data checks here."""
from dataclasses import dataclass

from desktop.errors import PermissionDenied

ADMIN = "administrator"
FRONT_OFFICE = "petugas_layanan"
SOCIAL_WORKER = "pekerja_sosial"
HEAD = "kepala"
DUTY_OFFICER = "petugas_piket"

ROLE_LABELS = {
    ADMIN: "Administrator",
    FRONT_OFFICE: "Petugas Layanan",
    SOCIAL_WORKER: "Pekerja Sosial",
    HEAD: "Kepala",
    DUTY_OFFICER: "Petugas Piket",
}
ALL_ROLES = frozenset(ROLE_LABELS)

# permission -> (roles allowed, what the user was trying to do, for the refusal message)
PERMISSIONS: dict[str, tuple[frozenset[str], str]] = {
    "users.manage": (frozenset({ADMIN}), "mengelola akun pengguna"),
    "office.edit": (frozenset({ADMIN}), "mengubah profil kantor"),
    "catalog.edit": (frozenset({ADMIN}), "mengubah katalog layanan"),
    "holidays.edit": (frozenset({ADMIN}), "mengubah hari libur dan cuti bersama"),
    "settings.edit": (frozenset({ADMIN}), "mengubah pengaturan"),
    "schema.upgrade": (frozenset({ADMIN}), "memperbarui skema database"),
    "audit.view": (frozenset({ADMIN, HEAD}), "melihat jejak audit"),
    "catalog.view": (ALL_ROLES, "melihat katalog layanan"),
    "letters.sign": (frozenset({HEAD}), "menandatangani surat"),
    "letters.draft": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER}),
                      "membuat konsep surat"),
    "letters.paraf": (frozenset({HEAD}), "memaraf atau mengembalikan konsep surat"),
    "letters.view": (ALL_ROLES, "melihat surat"),
    "templates.manage": (frozenset({ADMIN}), "mengganti templat surat"),
    "letters.hand_over": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER}),
                          "menyerahkan surat kepada pemohon"),
    "letters.revoke": (frozenset({HEAD}), "mencabut surat yang sudah ditandatangani"),
    "letters.publish": (frozenset({ADMIN}), "menerbitkan halaman verifikasi surat"),
    "applications.register": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER}),
                              "mendaftarkan permohonan"),
    "applications.view": (ALL_ROLES, "melihat permohonan"),
    "people.edit": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER, ADMIN}),
                    "mengubah data pemohon"),
    "schedule.manage": (frozenset({DUTY_OFFICER, ADMIN}),
                        "mengelola jadwal mobil jenazah dan seating clinic"),
    "schedule.view": (ALL_ROLES, "melihat jadwal mobil jenazah dan seating clinic"),
    "cases.override": (frozenset({HEAD}), "mengesampingkan aturan layanan"),
    "applications.assign": (frozenset({HEAD}), "menugaskan pekerja sosial"),
    "lks.view": (ALL_ROLES, "melihat daftar LKS"),
    "lks.edit": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, ADMIN}), "mengubah data LKS"),
    "lks.register": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, ADMIN}),
                     "mencatat Tanda Daftar LKS"),
    "lks.revoke": (frozenset({HEAD}), "mencabut Tanda Daftar LKS"),
    "institutions.manage": (frozenset({ADMIN}), "mengelola daftar lembaga rujukan"),
    "stock.view": (ALL_ROLES, "melihat stok bantuan"),
    "stock.manage": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, ADMIN}),
                     "mencatat stok bantuan masuk dan keluar"),
    "complaints.view": (ALL_ROLES, "melihat pengaduan"),
    "complaints.record": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER, HEAD}),
                          "mencatat pengaduan, saran dan apresiasi"),
    "complaints.route": (frozenset({HEAD}), "meneruskan pengaduan kepada petugas"),
    "reports.view": (frozenset({HEAD, ADMIN}), "melihat laporan dan dasbor kantor"),
    "survey.view": (ALL_ROLES, "melihat hasil survei kepuasan masyarakat"),
    "survey.record": (frozenset({FRONT_OFFICE, SOCIAL_WORKER, DUTY_OFFICER, HEAD, ADMIN}),
                      "mencatat kuesioner survei kepuasan masyarakat"),
}


@dataclass(frozen=True)
class SystemActor:
    """The actor for command-line administration, run by whoever controls the machine."""

    username: str = "sistem"
    full_name: str = "Administrasi baris perintah"
    role: str = ADMIN


SYSTEM = SystemActor()


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def can(actor, permission: str) -> bool:
    roles, _ = PERMISSIONS[permission]
    return has_role(actor, roles)


def has_role(actor, roles: frozenset[str]) -> bool:
    return actor is not None and actor.role in roles


def require(actor, permission: str) -> None:
    roles, doing = PERMISSIONS[permission]
    require_roles(actor, roles, doing)


def require_roles(actor, roles: frozenset[str], doing: str) -> None:
    """The same refusal for a permission declared elsewhere (a case kind's)."""
    if not has_role(actor, roles):
        who = role_label(actor.role) if actor is not None else "Pengguna yang belum masuk"
        raise PermissionDenied(f"Peran {who} tidak berwenang {doing}. "
                               "Minta pengguna dengan peran yang sesuai.")
