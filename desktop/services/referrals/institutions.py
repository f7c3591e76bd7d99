"""The balai, panti, hospitals and shelters the office refers people to: reference data the
administrator keeps (shipped as the seeds and DOMAIN.md name them, addresses to be completed
by the office). A referral offers only the institutions that accept the person's group."""
import json
from pathlib import Path

from desktop import data_files
from desktop.errors import NotFound, ValidationError
from desktop.models import Institution, db, utcnow
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_email, check_phone, clean_text,
                                                require_text)

# The target groups of the seeds' referral services (Magetan 16 to 26) and the shelter's.
GROUPS = {"disabilitas": "Penyandang disabilitas",
          "odgj": "Penyandang disabilitas mental (ODGJ)",
          "lansia": "Lanjut usia terlantar",
          "tuna_susila": "Tuna susila",
          "anak": "Anak jalanan dan anak terlantar",
          "tuna_sosial": "Tuna sosial dan orang terlantar"}
# How a letter names the group in a sentence ("merekomendasikan ... berikut").
GROUP_PHRASES = {"disabilitas": "penyandang disabilitas",
                 "odgj": "penyandang disabilitas mental (ODGJ)",
                 "lansia": "lanjut usia terlantar",
                 "tuna_susila": "tuna susila",
                 "anak": "anak jalanan/anak terlantar",
                 "tuna_sosial": "tuna sosial"}
# kind: (label, what a referral there asks for, in the letter's sentence)
KINDS = {"balai": ("Balai rehabilitasi sosial", "layanan rehabilitasi sosial"),
         "panti": ("Panti / rumah lansia", "pelayanan sosial dalam panti"),
         "rumah_sakit": ("Rumah sakit", "pemeriksaan dan perawatan"),
         "rumah_singgah": ("Rumah singgah / shelter", "perlindungan sementara"),
         "lks": ("Lembaga Kesejahteraan Sosial (LKS)", "pelayanan kesejahteraan sosial")}
MAX_CAPACITY = 10_000
SHIPPED_FILE = data_files.resource("institutions.json")
# What an empty form is refused for, in the form's order; the dialog marks them "*".
REQUIRED = ("Nama lembaga", "Jenis lembaga", "Sebutan pimpinan", "Kelompok sasaran")
TO_COMPLETE = "Alamat dan kontak belum dicatat: lengkapi dari surat atau laman lembaga."


def load_shipped(path: Path = SHIPPED_FILE) -> int:
    """The shipped institutions, into a list that has none yet (an office's own list, once
    it has one, is the administrator's: nothing is added back or overwritten). Rows added."""
    if Institution.select().exists():
        return 0
    shipped = json.loads(path.read_text(encoding="utf-8"))["institutions"]
    now = utcnow()
    rows = [dict(name=item["name"], kind=item["kind"], leader_title=item["leader_title"],
                 address=item["address"], city=item["city"], groups=encode_groups(item["groups"]),
                 note="" if item["address"] else TO_COMPLETE, created_at=now,
                 created_by="sistem", updated_at=now, updated_by="sistem", version=1)
            for item in shipped]
    with db.atomic():
        Institution.insert_many(rows).on_conflict_ignore().execute()
    return len(rows)


def encode_groups(groups) -> str:
    chosen = [g for g in GROUPS if g in set(groups)]
    return "," + ",".join(chosen) + "," if chosen else ""


def groups_of(institution) -> list[str]:
    return [g for g in (institution.groups or "").split(",") if g]


def accepts(institution, group: str) -> bool:
    return group in groups_of(institution)


def groups_text(institution) -> str:
    return ", ".join(GROUPS[g] for g in groups_of(institution) if g in GROUPS)


def addressee(institution) -> str:
    """Whom the letter goes to: 'Direktur Rumah Sakit Jiwa ...', 'Kepala Balai ...'."""
    return f"{institution.leader_title} {institution.name}".strip()


def service_phrase(institution) -> str:
    return KINDS.get(institution.kind, KINDS["balai"])[1]


def listing(active_only: bool = False) -> list[Institution]:
    query = Institution.select()
    if active_only:
        query = query.where(Institution.active)
    return list(query.order_by(Institution.name))


def accepting(group: str) -> list[Institution]:
    """The active institutions that take `group`, for a referral's choice."""
    return list(Institution.select()
                .where(Institution.active & Institution.groups.contains(f",{group},"))
                .order_by(Institution.name))


def get(institution_id) -> Institution:
    found = Institution.get_or_none(Institution.id == institution_id)
    if found is None:
        raise NotFound("Lembaga ini tidak ditemukan lagi; mungkin sudah dihapus.")
    return found


def require_accepting(institution_id, group: str, field: str = "Lembaga rujukan"):
    """The institution a referral or a medical referral names: active and taking `group`;
    the refusal names those that do."""
    if institution_id is None:
        raise ValidationError(field, "pilih lembaga tujuan dari daftar.")
    institution = Institution.get_or_none(Institution.id == institution_id)
    if institution is None or not institution.active:
        raise ValidationError(field, "lembaga ini tidak ada lagi atau tidak aktif; pilih yang "
                              "lain dari daftar.")
    if not accepts(institution, group):
        others = ", ".join(i.name for i in accepting(group)) or "belum ada di daftar"
        raise ValidationError(field, f"{institution.name} tidak menerima kelompok sasaran "
                              f"{GROUPS[group].lower()}. Lembaga yang menerimanya: {others}.")
    return institution


def _capacity(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError("Kapasitas", "isi jumlah tempat dengan angka, atau kosongkan "
                              "bila belum diketahui.") from None
    if not 1 <= number <= MAX_CAPACITY:
        raise ValidationError("Kapasitas", f"antara 1 dan {MAX_CAPACITY} tempat.")
    return number


def save(actor, institution: Institution | None = None, *, name: str, kind: str,
         groups, leader_title: str = "Kepala", address: str = "", city: str = "",
         phone: str = "", email: str = "", capacity=None, note: str = "",
         active: bool = True) -> Institution:
    permissions.require(actor, "institutions.manage")
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    run = checks.run
    name = run(require_text, name, "Nama lembaga", 200)
    if name is not None:
        existing = Institution.get_or_none(Institution.name == name)
        if existing is not None and (institution is None or existing.id != institution.id):
            checks.add("Nama lembaga", "sudah ada di daftar; ubah data yang ada.")
    if kind not in KINDS:
        checks.add("Jenis lembaga", "pilih dari daftar.")
    leader_title = run(require_text, leader_title, "Sebutan pimpinan", 60)
    groups = list(groups or [])
    if not groups or any(g not in GROUPS for g in groups):
        checks.add("Kelompok sasaran", "centang paling sedikit satu kelompok yang diterima "
                   "lembaga ini.")
    clean = dict(name=name, kind=kind, groups=encode_groups(groups),
                 leader_title=leader_title,
                 address=run(clean_text, address, "Alamat", 300),
                 city=run(clean_text, city, "Kota/kabupaten", 80),
                 phone=run(check_phone, phone, "Telepon"),
                 email=run(check_email, email, "Pos-el"),
                 capacity=run(_capacity, capacity), note=run(clean_text, note, "Catatan", 2000),
                 active=bool(active))
    checks.raise_errors()
    if institution is None:
        return records.create(Institution, actor, duplicate=lambda: ValidationError(
            "Nama lembaga", "baru saja didaftarkan di PC lain; muat ulang daftarnya."), **clean)
    return records.update(institution, actor, **clean)
