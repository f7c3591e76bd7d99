"""The audit trail in words a head reads: a sentence per entry ("Surat ditandatangani"), its
changes with field names, state labels, office-local times, Ya/Tidak and names instead of ids.
The raw entry stays as stored; screens show it on request."""
import datetime
import json
from dataclasses import dataclass

import peewee

from desktop.models import (ALL_MODELS, Application, Cemetery, Complaint, Driver, Service,
                            Technician, User, Vehicle)
from desktop.services.admin import calendar
from desktop.services.applications import workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.complaints import complaints
from desktop.services.letters import catalogue, lifecycle
from desktop.services.lks import registrations
from desktop.services.referrals import institutions
from desktop.services.schedule import clinic, hearse
from desktop.services.shared import permissions, timefmt
from desktop.services.stock import stock

# Bookkeeping every record carries; the raw view still has it.
SKIPPED = {"id", "created_at", "created_by", "updated_at", "updated_by", "version", "name_key",
           "sha256", "shipped_hash", "password_hash"}

NOUNS = {  # the record as the subject of a sentence
    "user": "Pengguna", "office_profile": "Profil kantor", "service": "Layanan",
    "service_children": "Persyaratan dan langkah layanan", "holiday_override": "Hari libur",
    "setting": "Pengaturan", "person": "Data pemohon", "organisation": "Data lembaga",
    "application": "Permohonan", "requirement_check": "Pemeriksaan persyaratan",
    "attachment": "Pindaian", "step_event": "Langkah permohonan", "letter": "Surat",
    "signer_image": "Tanda tangan/cap pindaian", "template_override": "Templat surat",
    "rule_override": "Pengecualian aturan", "vehicle": "Kendaraan", "driver": "Pengemudi",
    "technician": "Teknisi", "cemetery": "Pemakaman", "blackout": "Waktu tidak tersedia",
    "duty_assignment": "Jadwal piket", "hearse_booking": "Pemesanan mobil jenazah",
    "clinic_request": "Layanan seating clinic", "lks": "Data LKS",
    "lks_board_member": "Pengurus LKS", "lks_beneficiary": "Penerima manfaat LKS",
    "lks_registration": "Tanda Daftar LKS", "case_person": "Orang dalam perkara",
    "institution": "Lembaga rujukan", "aid_item": "Barang bantuan",
    "stock_movement": "Mutasi stok", "complaint": "Pengaduan", "skm_response": "Survei SKM",
}
VERBS = {
    "create": "ditambahkan", "update": "diubah", "delete": "dihapus", "view": "dibuka",
    "sign": "ditandatangani", "revoke": "dicabut", "verify": "diperiksa keasliannya",
    "export": "diekspor", "publish": "diterbitkan", "override": "dicatat",
}
SENTENCES = {  # where the noun and verb read wrong together
    ("create", "application"): "Permohonan didaftarkan",
    ("view", "application"): "Berkas permohonan dibuka",
    ("update", "requirement_check"): "Persyaratan diperiksa",
    ("create", "letter"): "Konsep surat dibuat",
    ("verify", "letter"): "Keaslian surat diperiksa",
    ("publish", "letter"): "Halaman verifikasi surat diterbitkan",
    ("override", "rule_override"): "Aturan dikesampingkan oleh kepala",
    ("login", "user"): "Masuk ke Pelita",
    ("login_failed", "user"): "Gagal masuk: kata sandi salah",
    ("lockout", "user"): "Akun dikunci sementara",
    ("export", "application"): "Laporan permohonan diekspor",
    ("export", "skm_response"): "Laporan survei SKM diekspor",
    ("export", "lks"): "Daftar LKS diekspor",
}

FIELD_LABELS = {
    # people, users, office
    "username": "nama pengguna", "full_name": "nama lengkap", "role": "peran",
    "active": "aktif", "failed_attempts": "gagal masuk", "locked_until": "terkunci sampai",
    "last_login_at": "terakhir masuk", "position": "jabatan", "rank": "pangkat", "nip": "NIP",
    "name": "nama", "day": "tanggal", "is_holiday": "libur", "kind": "jenis", "key": "kunci",
    "value": "nilai", "office_name": "nama dinas", "region_kind": "jenis daerah",
    "region_name": "daerah", "address": "alamat", "phone": "telepon", "email": "pos-el",
    "website": "situs web", "time_zone": "zona waktu", "head_name": "kepala dinas",
    "head_rank": "pangkat kepala", "head_nip": "NIP kepala", "unit_code": "kode unit",
    "classification_code": "kode klasifikasi", "region_code": "kode wilayah", "code": "kode",
    "nik": "NIK", "kk_number": "nomor KK", "birth_place": "tempat lahir",
    "birth_date": "tanggal lahir", "sex": "jenis kelamin", "religion": "agama",
    "marital_status": "status perkawinan", "street": "jalan", "rt": "RT", "rw": "RW",
    "kelurahan": "kelurahan", "kecamatan": "kecamatan", "city": "kota",
    "identity_note": "catatan identitas", "legal_form": "bentuk lembaga",
    "contact_person": "narahubung",
    # catalog
    "source_office": "sumber", "category": "kategori", "limit_kind": "jenis jangka waktu",
    "limit_value": "jangka waktu", "limit_starts": "awal jangka waktu",
    "limit_note": "catatan", "fee": "biaya", "product": "produk", "complaint": "pengaduan",
    "customized": "diubah admin", "requirements": "persyaratan", "steps": "langkah",
    "sensitive": "rahasia", "readers": "pembaca", "case_kind": "jenis perkara",
    # applications
    "reg_number": "nomor registrasi", "service": "layanan", "person": "pemohon",
    "organisation": "lembaga", "application": "permohonan", "state": "status",
    "current_step": "langkah", "current_actor": "pelaksana", "assigned_to": "petugas",
    "waiting_since": "menunggu sejak", "waiting_seconds": "lama menunggu (detik)",
    "due_at": "batas waktu", "due_soon_at": "segera jatuh tempo",
    "complete_at": "berkas lengkap", "closed_at": "ditutup", "outcome_reason": "alasan",
    "summary": "ringkasan", "channel": "cara permohonan", "received_at": "waktu diterima",
    "note": "catatan", "filename": "nama berkas", "size": "ukuran (byte)", "mime": "jenis berkas",
    "rule": "aturan", "reason": "alasan", "group_name": "kelompok", "text": "teks",
    # letters
    "template_key": "jenis surat", "series": "seri nomor", "classification": "klasifikasi",
    "subject": "hal", "fields": "isian", "drafted_by": "konseptor", "paraf_by": "pemaraf",
    "paraf_at": "waktu paraf", "return_note": "catatan pengembalian", "signer": "penanda tangan",
    "signing_as": "menandatangani sebagai", "number": "nomor", "sequence": "nomor urut",
    "year": "tahun", "signed_at": "waktu tanda tangan", "verification_code": "kode verifikasi",
    "handed_over_at": "waktu diserahkan", "handed_over_by": "diserahkan oleh",
    "revoked_at": "waktu dicabut", "revoked_by": "dicabut oleh",
    "revocation_reason": "alasan pencabutan", "found": "ditemukan", "letters": "jumlah surat",
    "revoked": "dicabut", "hidden_subjects": "hal disembunyikan",
    "publication": "terbitan", "user": "pengguna",
    # schedule
    "vehicle": "kendaraan", "driver": "pengemudi", "technician": "teknisi",
    "cemetery": "pemakaman", "plate": "nomor polisi", "departure_at": "berangkat",
    "duration_minutes": "lama layanan (menit)", "buffer_before": "jeda sebelum (menit)",
    "buffer_after": "jeda sesudah (menit)", "start_at": "mulai", "end_at": "selesai",
    "cancel_reason": "alasan batal", "responsible_nik": "NIK penanggung jawab",
    "responsible_name": "penanggung jawab", "responsible_phone": "telepon penanggung jawab",
    "responsible_relation": "hubungan penanggung jawab", "deceased_name": "nama almarhum",
    "deceased_nik": "NIK almarhum", "death_date": "tanggal wafat",
    "pickup_address": "alamat penjemputan", "cemetery_name": "nama pemakaman",
    "cemetery_kelurahan": "kelurahan pemakaman", "resource_kind": "jenis sumber daya",
    "resource_id": "sumber daya", "duty": "tugas", "officer_name": "petugas",
    "client_nik": "NIK klien", "client_kk": "nomor KK klien", "client_name": "nama klien",
    "client_address": "alamat klien", "client_phone": "telepon klien", "place": "tempat",
    "service_date": "tanggal layanan", "parts_since": "menunggu suku cadang sejak",
    "parts_reason": "suku cadang yang ditunggu", "parts_seconds": "lama menunggu suku cadang",
    "work_done": "pekerjaan", "parts_replaced": "suku cadang diganti",
    "completed_at": "waktu selesai",
    # lks, stock, complaints, reports
    "valid_from": "berlaku mulai", "valid_until": "berlaku sampai", "issued_on": "terbit",
    "revoked_on": "dicabut pada", "revoke_reason": "alasan pencabutan",
    "registration_number": "nomor tanda daftar", "registered_until": "terdaftar sampai",
    "item": "barang", "quantity": "jumlah", "moved_on": "tanggal", "source": "sumber",
    "unit": "satuan", "received_on": "tanggal diterima", "verified_on": "diverifikasi",
    "followed_up_on": "ditindaklanjuti", "resolved_on": "diselesaikan",
    "handler": "penanggung jawab", "description": "uraian", "reply": "jawaban",
    "outcome": "hasil", "laporan": "laporan", "periode": "periode", "baris": "baris",
    "rows": "baris", "count": "jumlah",
}


def _labels(choices: dict) -> dict:
    """A choice list whose values are (label, …) tuples, as labels only."""
    return {k: v[0] if isinstance(v, tuple) else v for k, v in choices.items()}


# Stored codes by (table, field), shown through each feature's own labels.
VALUE_LABELS = {
    ("application", "state"): workflow.STATES,
    ("application", "channel"): workflow.CHANNELS,
    ("requirement_check", "state"): workflow.CHECK_STATES,
    ("letter", "state"): lifecycle.STATES,
    ("letter", "signing_as"): lifecycle.SIGNING_AS,
    ("letter", "template_key"): {key: spec.title for key, spec in catalogue.TEMPLATES.items()},
    ("template_override", "template_key"): {key: spec.title
                                            for key, spec in catalogue.TEMPLATES.items()},
    ("hearse_booking", "state"): hearse.STATES,
    ("clinic_request", "state"): clinic.STATES,
    ("clinic_request", "kind"): clinic.KINDS,
    ("clinic_request", "place"): clinic.PLACES,
    ("service", "limit_kind"): service_catalog.LIMIT_KINDS,
    ("service", "limit_starts"): {"receipt": "sejak diterima", "complete": "sejak berkas lengkap"},
    ("office_profile", "time_zone"): timefmt.TIME_ZONES,
    ("complaint", "state"): complaints.STATES,
    ("complaint", "kind"): complaints.KINDS,
    ("complaint", "channel"): complaints.CHANNELS,
    ("holiday_override", "kind"): calendar.KINDS,
    ("stock_movement", "kind"): stock.KINDS,
    ("lks_registration", "kind"): registrations.KINDS,
    ("institution", "kind"): _labels(institutions.KINDS),
}
ROLE_FIELDS = {"role", "current_actor"}

# Foreign keys shown by name (model, how), read once per table for a page of entries.
# People stay ids: a name there could be a child's (UU 11/2012 SPPA).
NAMED = {
    "user": (User, lambda u: u.full_name or u.username),
    "service": (Service, lambda s: s.name),
    "vehicle": (Vehicle, lambda v: f"{v.name} ({v.plate})" if v.plate else v.name),
    "driver": (Driver, lambda d: d.name),
    "technician": (Technician, lambda t: t.name),
    "cemetery": (Cemetery, lambda c: c.name),
    "application": (Application, lambda a: a.reg_number),
    "complaint": (Complaint, lambda c: c.number),
}


@dataclass(frozen=True)
class Change:
    label: str
    old: str | None  # None: the entry has no old value (a record added, a letter signed)
    new: str | None  # None: the record was deleted

    def text(self) -> str:
        if self.old is None:
            return f"{self.label}: {self.new}"
        if self.new is None:
            return f"{self.label}: {self.old}"
        return f"{self.label}: {self.old} → {self.new}"


@dataclass(frozen=True)
class Described:
    sentence: str
    changes: tuple[Change, ...]

    def summary(self, separator: str = "; ") -> str:
        return separator.join(change.text() for change in self.changes)


def _models() -> dict:
    found = {model._meta.table_name: model for model in ALL_MODELS}
    found.update(registry.case_tables())
    return found


MODELS = _models()


def load(raw: str | None) -> dict:
    """An entry's stored JSON as a dict ({} when empty; {'nilai': …} when not a dict)."""
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {"nilai": raw}
    return data if isinstance(data, dict) else {"nilai": data}


def noun(table_name: str) -> str:
    return NOUNS.get(table_name) or registry.table_labels().get(table_name) or table_name


def sentence(entry) -> str:
    """What happened, as a head says it: 'Surat ditandatangani'."""
    fixed = SENTENCES.get((entry.action, entry.table_name))
    if fixed:
        return fixed
    subject = noun(entry.table_name)
    new, old = load(entry.new_values), load(entry.old_values)
    if entry.action == "update" and "state" in new and new.get("state") != old.get("state"):
        shown = VALUE_LABELS.get((entry.table_name, "state"), {}).get(new["state"], new["state"])
        return f"Status {_lower_first(subject)}: {shown}"
    verb = VERBS.get(entry.action)
    return f"{subject} {verb}" if verb else f"{subject}: {entry.action}"


def _lower_first(text: str) -> str:
    # "Pemesanan …" reads "pemesanan …" mid-sentence; "LKS …" keeps its capitals.
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def matching(text: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The actions, tables and (action, table) sentences whose words contain `text`
    ("ditandatangani", "mobil jenazah"), so a search finds what the rows say, not only what
    is stored."""
    wanted = text.strip().lower()
    if len(wanted) < 3:
        return [], [], []
    actions = sorted(action for action, verb in VERBS.items() if wanted in verb)
    tables = sorted(table for table in MODELS.keys() | NOUNS.keys()
                    if wanted in noun(table).lower())
    pairs = sorted(pair for pair, said in SENTENCES.items() if wanted in said.lower())
    return actions, tables, pairs


def label(field: str) -> str:
    text = FIELD_LABELS.get(field, field.replace("_", " "))
    return text[0].upper() + text[1:]


def _field(table_name: str, name: str):
    model = MODELS.get(table_name)
    return model._meta.fields.get(name) if model is not None else None


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def value_text(table_name: str, name: str, value, names: dict | None = None,
               width: int = 60) -> str:
    """One stored value in words: labels, local time, Ya/Tidak, a name for an id."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    choices = VALUE_LABELS.get((table_name, name))
    if choices is not None and isinstance(value, str):
        return choices.get(value, value)
    if name in ROLE_FIELDS and isinstance(value, str):
        return permissions.role_label(value)
    field = _field(table_name, name)
    if isinstance(field, peewee.BooleanField) and value in (0, 1):
        return "Ya" if value else "Tidak"
    if isinstance(field, peewee.ForeignKeyField):
        shown = (names or {}).get((field.rel_model._meta.table_name, value))
        return _short(shown, width) if shown else f"data #{value}"  # a person: its id only
    if isinstance(field, (peewee.DateTimeField, peewee.DateField)) and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return _short(value, width)
        if isinstance(field, peewee.DateTimeField):  # stored in UTC
            return timefmt.format_local(moment.replace(tzinfo=None))
        return timefmt.format_date(moment.date())
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _short(text, width)


def _wanted_names(entries) -> dict[str, set]:
    """The ids each named table must be read for, over all entries."""
    wanted: dict[str, set] = {}
    for entry in entries:
        for data in (load(entry.old_values), load(entry.new_values)):
            for name, value in data.items():
                field = _field(entry.table_name, name)
                if isinstance(field, peewee.ForeignKeyField) and isinstance(value, int):
                    target = field.rel_model._meta.table_name
                    if target in NAMED:
                        wanted.setdefault(target, set()).add(value)
    return wanted


def names_for(entries) -> dict:
    """{(table, id): name} for the foreign keys in `entries`: one query per table named."""
    names = {}
    for table, ids in _wanted_names(entries).items():
        model, shown = NAMED[table]
        for row in model.select().where(model.id.in_(sorted(ids))):
            names[(table, row.id)] = shown(row)
    return names


def describe(entry, names: dict | None = None, width: int = 60) -> Described:
    old, new = load(entry.old_values), load(entry.new_values)
    changes = []
    if old and new:
        for key in new:
            if key in SKIPPED:
                continue
            table = entry.table_name
            before = value_text(table, key, old[key], names, width) if key in old else None
            changes.append(Change(label(key), before, value_text(table, key, new[key], names,
                                                                 width)))
    else:
        data, deleted = (old, True) if old else (new, False)
        for key, value in data.items():
            if key in SKIPPED or value in ("", None):
                continue
            shown = value_text(entry.table_name, key, value, names, width)
            changes.append(Change(label(key), shown if deleted else None,
                                  None if deleted else shown))
    return Described(sentence(entry), tuple(changes))


def describe_all(entries, width: int = 60) -> list[Described]:
    """Each entry in words, with the names its foreign keys need read in a few queries."""
    entries = list(entries)
    names = names_for(entries)
    return [describe(entry, names, width) for entry in entries]


def raw_text(entry) -> str:
    """The entry as stored, for the one who needs the exact values."""
    def pretty(raw):
        if not raw:
            return "-"
        try:
            return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)
        except ValueError:
            return raw

    return (f"Tindakan: {entry.action}\nTabel: {entry.table_name}\n"
            f"ID baris: {'-' if entry.record_id is None else entry.record_id}\n"
            f"Waktu (UTC): {entry.at}\nPengguna: {entry.username or '-'}\n\n"
            f"Nilai lama:\n{pretty(entry.old_values)}\n\nNilai baru:\n{pretty(entry.new_values)}")
