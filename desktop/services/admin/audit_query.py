"""Read the audit trail a page at a time (LIMIT/OFFSET): the table grows without bound."""
from dataclasses import dataclass

from desktop.models import AuditEntry
from desktop.services.admin import audit_words
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
    "sign": "Menandatangani",
    "verify": "Memeriksa keaslian",
    "export": "Mengekspor",
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
        actions, tables, pairs = audit_words.matching(text)  # the words rows show: "surat"
        if actions:
            condition |= AuditEntry.action.in_(actions)
        if tables:
            condition |= AuditEntry.table_name.in_(tables)
        for action, table in pairs:
            condition |= (AuditEntry.action == action) & (AuditEntry.table_name == table)
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
    return TABLE_LABELS.get(table_name) or audit_words.noun(table_name)


def describe_change(entry: AuditEntry, width: int = 40) -> str:
    """One line: `Field: old → new; …` in words (see audit_words)."""
    return audit_words.describe(entry, width=width).summary()
