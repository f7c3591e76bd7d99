"""Read the audit trail a page at a time (LIMIT/OFFSET): the table grows without bound."""
import json
from dataclasses import dataclass

from desktop.models import AuditEntry
from desktop.services.cases import registry
from desktop.services.shared import permissions

ACTION_LABELS = {
    "create": "Menambah",
    "update": "Mengubah",
    "delete": "Menghapus",
    "login": "Masuk",
    "logout": "Keluar akun",
    "login_failed": "Gagal masuk",
    "lockout": "Akun terkunci",
    "view": "Membuka",
    "override": "Mengesampingkan aturan",
    "revoke": "Mencabut",
    "publish": "Menerbitkan halaman verifikasi",
}
TABLE_LABELS = {
    "user": "Pengguna",
    "office_profile": "Profil kantor",
    "service": "Layanan",
    "service_children": "Persyaratan & langkah layanan",
    "holiday_override": "Hari libur",
    "setting": "Pengaturan",
    "person": "Pemohon",
    "organisation": "Lembaga",
    "application": "Permohonan",
    "requirement_check": "Pemeriksaan persyaratan",
    "attachment": "Lampiran",
    "step_event": "Langkah permohonan",
    **registry.table_labels(),
}

# Column names shown in Indonesian in the change summary; others are shown as stored.
FIELD_LABELS = {
    "username": "nama pengguna", "full_name": "nama lengkap", "role": "peran",
    "active": "aktif", "failed_attempts": "gagal masuk", "locked_until": "terkunci sampai",
    "position": "jabatan", "rank": "pangkat", "nip": "NIP", "name": "nama", "day": "tanggal",
    "is_holiday": "libur", "kind": "jenis", "key": "kunci", "value": "nilai",
    "office_name": "nama dinas", "region_kind": "jenis daerah", "region_name": "daerah",
    "address": "alamat", "phone": "telepon", "website": "situs web", "time_zone": "zona waktu",
    "head_name": "kepala dinas", "head_rank": "pangkat kepala", "head_nip": "NIP kepala",
    "unit_code": "kode unit", "classification_code": "kode klasifikasi",
    "region_code": "kode wilayah", "code": "kode", "source_office": "sumber",
    "category": "kategori", "limit_kind": "jenis jangka waktu", "limit_value": "jangka waktu",
    "limit_starts": "awal jangka waktu", "limit_note": "catatan", "fee": "biaya",
    "product": "produk", "complaint": "pengaduan", "customized": "diubah admin",
    "requirements": "persyaratan", "steps": "langkah", "password_hash": "kata sandi",
}


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""  # exact; empty means everyone
    table_name: str = ""  # exact; empty means every table
    text: str = ""  # substring of the values, action or record id


def _query(actor, flt: AuditFilter):
    permissions.require(actor, "audit.view")
    query = AuditEntry.select()
    if flt.username:
        query = query.where(AuditEntry.username == flt.username)
    if flt.table_name:
        query = query.where(AuditEntry.table_name == flt.table_name)
    text = flt.text.strip()
    if text:
        condition = (AuditEntry.old_values.contains(text) | AuditEntry.new_values.contains(text)
                     | AuditEntry.action.contains(text))
        if text.isdigit():
            condition |= AuditEntry.record_id == int(text)
        query = query.where(condition)
    hidden = _hidden_records(actor)
    return query if hidden is None else query.where(~hidden)


def _hidden_records(actor):
    """Entries about sensitive cases `actor` does not read: the case, its checklist, scans and
    letters, and the people who appear only in such cases. None when nothing is hidden."""
    from desktop.models import Application, Attachment, Letter, Person, RequirementCheck
    from desktop.services.applications import case_access, people

    visible = case_access.visible(actor)
    if visible is None:
        return None
    cases = Application.select(Application.id).where(~visible)
    about = {
        "application": cases,
        "requirement_check": RequirementCheck.select(RequirementCheck.id)
        .where(RequirementCheck.application.in_(cases)),
        "attachment": Attachment.select(Attachment.id).where(Attachment.application.in_(cases)),
        "letter": Letter.select(Letter.id).where(Letter.application.in_(cases)),
        "person": Person.select(Person.id).where(~people.seen_by(actor)),
    }
    for table, model in registry.case_tables().items():  # the case kinds' own records
        about[table] = model.select(model.id).where(model.application.in_(cases))
    condition = None
    for table, ids in about.items():
        part = (AuditEntry.table_name == table) & AuditEntry.record_id.in_(ids)
        condition = part if condition is None else condition | part
    return condition


def count(actor, flt: AuditFilter = AuditFilter()) -> int:
    return _query(actor, flt).count()


def fetch(actor, flt: AuditFilter, offset: int, limit: int) -> list[AuditEntry]:
    """Entries newest first, rows offset .. offset+limit-1."""
    return list(_query(actor, flt)
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                .offset(offset).limit(limit))


def usernames(actor) -> list[str]:
    permissions.require(actor, "audit.view")
    query = AuditEntry.select(AuditEntry.username).distinct().order_by(AuditEntry.username)
    return [row.username for row in query if row.username]


def table_names(actor) -> list[str]:
    permissions.require(actor, "audit.view")
    query = AuditEntry.select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)
    return [row.table_name for row in query]


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def table_label(table_name: str) -> str:
    return TABLE_LABELS.get(table_name, table_name)


def _short(value, width: int = 40) -> str:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[:width - 1] + "…"


def _load(raw: str | None) -> dict:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"nilai": raw}
    return data if isinstance(data, dict) else {"nilai": data}


def describe_change(entry: AuditEntry, width: int = 40) -> str:
    """One line: `field: old → new; …` for an update, `field=value; …` otherwise."""
    old, new = _load(entry.old_values), _load(entry.new_values)
    skip = {"id", "created_at", "created_by", "updated_at", "updated_by", "version"}
    parts = []
    if old and new:
        for key in new:
            if key not in skip:
                parts.append(f"{FIELD_LABELS.get(key, key)}: {_short(old.get(key, ''), width)} → "
                             f"{_short(new[key], width)}")
    else:
        for key, value in (new or old).items():
            if key not in skip and value not in ("", None):
                parts.append(f"{FIELD_LABELS.get(key, key)}={_short(value, width)}")
    return "; ".join(parts)
