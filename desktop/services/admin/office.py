"""The office profile: one row, edited by the administrator, used by letters and the status bar."""
import re

from desktop.errors import ConflictError, ValidationError
from desktop.models import OfficeProfile
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_email, check_nip, normalise_nip,
                                                optional_text, require_text)

EMBLEM_MAX_BYTES = 2 * 1024 * 1024
TEXT_FIELDS = {  # field: (label, max length, required)
    "office_name": ("Nama dinas", 160, True),
    "region_name": ("Nama kota/kabupaten", 120, True),
    "address": ("Alamat", 400, True),
    "phone": ("Telepon", 60, False),
    "website": ("Situs web", 120, False),
    "head_name": ("Nama kepala dinas", 120, False),
    "head_rank": ("Pangkat/golongan kepala dinas", 80, False),
    "unit_code": ("Kode unit", 40, True),
    "classification_code": ("Kode klasifikasi", 40, True),
}

# The form's order (the office, its head, the letter codes), in which refusals are listed.
FORM_ORDER = ("office_name", "region_kind", "region_name", "address", "phone", "email",
              "website", "time_zone", "head_name", "head_rank", "head_nip",
              "classification_code", "unit_code", "region_code", "emblem")
# What an empty profile is refused for, in the form's order; the page marks them "*".
REQUIRED = tuple(TEXT_FIELDS[key][0] for key in FORM_ORDER
                 if key in TEXT_FIELDS and TEXT_FIELDS[key][2])


def get_profile() -> OfficeProfile:
    """The saved profile, or an unsaved blank one on a new database."""
    profile = OfficeProfile.select().order_by(OfficeProfile.id).first()
    return profile or OfficeProfile()


def region_title(profile: OfficeProfile) -> str:
    """PEMERINTAH KOTA MAGELANG"""
    kind = "KABUPATEN" if profile.region_kind == "Kabupaten" else "KOTA"
    return f"PEMERINTAH {kind} {profile.region_name.upper()}".strip()


def unit_name(profile: OfficeProfile) -> str:
    """Dinas Sosial Kota Magelang: the service unit, as the survey and reports name it."""
    if not profile.region_name:
        return profile.office_name or "Dinas Sosial"
    kind = "Kabupaten" if profile.region_kind == "Kabupaten" else "Kota"
    return f"{profile.office_name or 'Dinas Sosial'} {kind} {profile.region_name}"


def _region_kind(value) -> str:
    if value not in ("Kota", "Kabupaten"):
        raise ValidationError("Jenis daerah", "pilih Kota atau Kabupaten.")
    return value


def _time_zone(value) -> str:
    if value not in timefmt.TIME_ZONES:
        raise ValidationError("Zona waktu", "pilih WIB, WITA atau WIT.")
    return value


def _head_nip(value) -> str:
    nip = normalise_nip(value)
    if nip:
        check_nip(nip, "NIP kepala dinas")
    return nip


def _region_code(value) -> str:
    code = (value or "").strip()
    if code and not re.fullmatch(r"\d{4}", code):
        raise ValidationError("Kode wilayah (NIK)", "4 angka: kode provinsi dan kota/"
                              "kabupaten, contoh 3371 untuk Kota Magelang.")
    return code


def _validated(values: dict) -> dict:
    """The given fields checked, every refusal raised together in the form's order."""
    checks = FieldChecks()
    clean = {}
    for key in FORM_ORDER:
        if key not in values:
            continue
        value = values[key]
        if key in TEXT_FIELDS:
            label, length, required = TEXT_FIELDS[key]
            check = require_text if required else optional_text
            clean[key] = checks.run(check, value, label, length)
        else:
            check = {"region_kind": _region_kind, "email": check_email,
                     "time_zone": _time_zone, "head_nip": _head_nip,
                     "region_code": _region_code, "emblem": check_emblem}[key]
            clean[key] = checks.run(check, value)
    checks.raise_errors()
    return clean


def check_emblem(data: bytes | None) -> bytes | None:
    if not data:
        return None
    if len(data) > EMBLEM_MAX_BYTES:
        raise ValidationError("Lambang daerah", "berkas terlalu besar: paling besar 2 MB.")
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError("Lambang daerah", "harus gambar PNG atau JPEG.")
    return bytes(data)


def save_profile(actor, profile: OfficeProfile, **values) -> OfficeProfile:
    """Validate and save; the first save creates the row."""
    permissions.require(actor, "office.edit")
    clean = _validated(values)
    if profile.id is None:
        existing = OfficeProfile.select().order_by(OfficeProfile.id).first()
        if existing is not None:
            raise ConflictError(
                f"Profil kantor sudah disimpan oleh {existing.updated_by or 'pengguna lain'} "
                f"pada {timefmt.format_local(existing.updated_at)} di PC lain. Muat ulang; "
                "isian Anda tetap ada di formulir.",
                changed_by=existing.updated_by, changed_at=existing.updated_at)
        saved = records.create(OfficeProfile, actor, **clean)
    else:
        saved = records.update(profile, actor, **clean)
    timefmt.set_office_time_zone(saved.time_zone)
    return saved
