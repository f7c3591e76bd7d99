"""One LKS: its details checked field by field, saved with its board and beneficiaries in one
transaction, and read back for its page."""
import datetime
import re
from dataclasses import dataclass

from desktop.errors import NotFound, ValidationError
from desktop.models import Lks, LksBeneficiary, LksBoardMember, Organisation, Person, db
from desktop.services.applications import people
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (DATE_REQUIRED, check_nik, optional_text,
                                               require_text)

LEGAL_STATUSES = {"berbadan_hukum": "Berbadan hukum", "tidak_berbadan_hukum": "Tidak berbadan hukum"}
# Fields of service (Permensos 184/2011's areas of social welfare).
FIELDS = {"anak": "Anak", "disabilitas": "Penyandang disabilitas", "lansia": "Lanjut usia",
          "tuna_sosial": "Tuna sosial dan korban perdagangan orang",
          "napza": "Korban penyalahgunaan NAPZA", "bencana": "Korban bencana",
          "kemiskinan": "Fakir miskin"}
POSITIONS = {"ketua": "Ketua", "sekretaris": "Sekretaris", "bendahara": "Bendahara"}
ACCREDITATIONS = ("A", "B", "C")
MAX_COUNT = 1_000_000
EARLIEST = datetime.date(1945, 8, 17)


@dataclass(frozen=True)
class BoardEntry:
    nik: str
    name: str


def get(actor, lks_id: int) -> Lks:
    permissions.require(actor, "lks.view")
    lks = (Lks.select(Lks, Organisation).join(Organisation)
           .where(Lks.id == lks_id).first())
    if lks is None:
        raise NotFound("Data LKS ini tidak ditemukan; mungkin sudah dihapus di PC lain.")
    return lks


def of_organisation(actor, organisation_id: int | None) -> Lks | None:
    """The LKS an applicant organisation is, if it is in the register."""
    permissions.require(actor, "lks.view")
    if organisation_id is None:
        return None
    return (Lks.select(Lks, Organisation).join(Organisation)
            .where(Lks.organisation == organisation_id).first())


def board_of(lks: Lks) -> dict[str, Person]:
    """position -> person, one query."""
    rows = (LksBoardMember.select(LksBoardMember, Person).join(Person)
            .where(LksBoardMember.lks == lks))
    return {row.position: row.person for row in rows}


def beneficiaries_of(lks: Lks) -> dict[str, int]:
    return {row.kind: row.count
            for row in LksBeneficiary.select().where(LksBeneficiary.lks == lks)}


def field_codes(stored: str) -> list[str]:
    return [code for code in stored.strip(",").split(",") if code]


def fields_text(stored: str) -> str:
    return ", ".join(FIELDS.get(code, code) for code in field_codes(stored))


def save(actor, values: dict, board: dict[str, BoardEntry], beneficiaries: dict[str, int],
         lks: Lks | None = None, today: datetime.date | None = None,
         organisation: Organisation | None = None) -> Lks:
    """Record a new LKS (with a new organisation, or `organisation`, an applicant already
    known) or change one. Everything is checked before anything is written, and written in one
    transaction: nothing is saved half way."""
    permissions.require(actor, "lks.edit")
    today = today or datetime.date.today()
    known = organisation
    checks = FieldChecks()  # every field's refusal shown at once
    organisation = _organisation_values(values, checks)
    clean = _lks_values(values, today, checks)
    counts = checks.run(_beneficiary_values, beneficiaries)
    entries = _board_values(board, today, checks)
    checks.raise_errors()
    with db.atomic():
        on_board = set() if lks is None else {row.person_id for row in LksBoardMember.select(
            LksBoardMember.person).where(LksBoardMember.lks == lks.id)}
        members = {position: _person(actor, entry, today, on_board)
                   for position, entry in entries.items()}
        if lks is None and known is not None:
            if Lks.select().where(Lks.organisation == known.id).exists():
                raise ValidationError("Nama LKS", "lembaga ini sudah tercatat di Daftar LKS; "
                                      "buka dari sana.")
            org = records.update(Organisation(**known.__data__), actor, **organisation)
            lks = records.create(Lks, actor, organisation=org, **clean)
        elif lks is None:
            org = records.create(Organisation, actor, **organisation)
            lks = records.create(Lks, actor, organisation=org, **clean)
        else:
            # Copies: if a later step fails, the caller's record keeps the version it read.
            org = records.update(Organisation(**lks.organisation.__data__), actor, **organisation)
            lks = records.update(Lks(**lks.__data__), actor, **clean)
            lks.organisation = org
        _replace_board(actor, lks, members)
        _replace_beneficiaries(actor, lks, counts)
    return lks


# -- checking --------------------------------------------------------------------------------

# What an empty form is refused for; the dialog marks these labels "*".
REQUIRED = ("Nama LKS", "Alamat sekretariat", "Status hukum", "Kecamatan", "Bidang pelayanan",
            "NIK Ketua", "Nama Ketua")
# The documents each legal status is recorded with.
LEGAL_REQUIRED = {"berbadan_hukum": ("Nomor akta notaris", "Tanggal akta notaris",
                                     "Nomor SK Kemenkumham", "Tanggal SK Kemenkumham"),
                  "tidak_berbadan_hukum": ("Nota pendirian (dilegalisasi)",
                                           "Tanggal nota pendirian")}
BANK_FIELDS = {"bank_name": "Nama bank", "bank_account": "Nomor rekening",
               "bank_account_name": "Nama pemilik rekening"}
# Required only for some values of the other fields (required_fields); the form's "*" follows.
CONDITIONAL = (*LEGAL_REQUIRED["berbadan_hukum"], *LEGAL_REQUIRED["tidak_berbadan_hukum"],
               *BANK_FIELDS.values(), "Tanggal surat domisili")


def _bank_given(values: dict) -> bool:
    """Any part of a bank account written (the number's dots, dashes and spaces are none)."""
    return any(re.sub(r"[\s.\-]" if key == "bank_account" else r"\s", "",
                      str(values.get(key) or "")) for key in BANK_FIELDS)


def required_fields(values: dict) -> tuple[str, ...]:
    """REQUIRED and the fields `values` (save()'s) make required too: the legal status's
    documents, all three parts of a bank account once one is given, and the domicile
    letter's date once its number is."""
    found = REQUIRED + LEGAL_REQUIRED.get(values.get("legal_status", ""), ())
    if _bank_given(values):
        found += tuple(BANK_FIELDS.values())
    if str(values.get("domicile_number") or "").strip():
        found += ("Tanggal surat domisili",)
    return found


def _organisation_values(values: dict, checks: FieldChecks) -> dict:
    from desktop.services.shared.validators import check_email, check_phone

    run = checks.run
    name = run(require_text, values.get("name", ""), "Nama LKS", 200)
    legal_form = values.get("legal_form", "")
    if legal_form and legal_form not in people.LEGAL_FORMS:
        checks.add("Bentuk lembaga", "pilih dari daftar.")
    return {"name": name, "name_key": people.name_key(name or ""), "legal_form": legal_form,
            "address": run(require_text, values.get("address", ""), "Alamat sekretariat", 2000),
            "contact_person": run(optional_text, values.get("contact_person", ""),
                                  "Narahubung", 120),
            "phone": run(check_phone, values.get("phone", "")),
            "email": run(check_email, values.get("email", ""))}


def _date(value, field: str, today: datetime.date, required: bool) -> datetime.date | None:
    if value is None:
        if required:
            raise ValidationError(field, DATE_REQUIRED)
        return None
    if not isinstance(value, datetime.date):
        raise ValidationError(field, "bukan tanggal; pilih dari kalender.")
    if value > today:
        raise ValidationError(field, "tidak boleh di masa depan.")
    if value < EARLIEST:
        raise ValidationError(field, "terlalu lama; periksa tahunnya.")
    return value


def check_npwp(value: str) -> str:
    """The NPWP's digits: 15 (the old form) or 16 (since 2024), checked by python-stdnum."""
    from stdnum.exceptions import InvalidLength
    from stdnum.exceptions import ValidationError as InvalidNumber
    from stdnum.id import npwp  # imported when used: not needed to start Pelita

    digits = re.sub(r"[\s.\-]", "", value or "")
    if not digits:
        return ""
    if not digits.isdigit():
        raise ValidationError("NPWP", "hanya angka (titik dan strip boleh); periksa lagi.")
    try:
        return npwp.compact(npwp.validate(digits))
    except InvalidLength:
        raise ValidationError("NPWP", f"harus 15 angka, atau 16 angka untuk NPWP sejak 2024 "
                              f"(tertulis {len(digits)} angka).") from None
    except InvalidNumber:
        raise ValidationError("NPWP", "tidak sah (kode wilayah atau angka pemeriksanya tidak "
                              "cocok); salin lagi dari kartu NPWP.") from None


def npwp_text(digits: str) -> str:
    """01.234.567.8-901.000, as printed on the card."""
    if not digits:
        return ""
    from stdnum.id import npwp

    return npwp.format(digits)


def _legal_values(values: dict, today: datetime.date, checks: FieldChecks) -> dict:
    """The deed and its ratification, or the founding note, by the legal status."""
    run = checks.run
    status = values.get("legal_status", "")
    clean = {"legal_status": status, "deed_number": "", "deed_date": None, "deed_notary": "",
             "sk_number": "", "sk_date": None, "founding_note": "", "founding_date": None}
    if status not in LEGAL_STATUSES:
        checks.add("Status hukum", "pilih berbadan hukum atau tidak berbadan hukum.")
    elif status == "berbadan_hukum":
        clean["deed_number"] = run(require_text, values.get("deed_number", ""),
                                   "Nomor akta notaris", 60)
        clean["deed_date"] = run(_date, values.get("deed_date"), "Tanggal akta notaris", today,
                                 True)
        clean["deed_notary"] = run(optional_text, values.get("deed_notary", ""),
                                   "Nama notaris", 120)
        clean["sk_number"] = run(require_text, values.get("sk_number", ""),
                                 "Nomor SK Kemenkumham", 80)
        clean["sk_date"] = run(_date, values.get("sk_date"), "Tanggal SK Kemenkumham", today,
                               True)
        if clean["sk_date"] and clean["deed_date"] and clean["sk_date"] < clean["deed_date"]:
            checks.add("Tanggal SK Kemenkumham", "tidak boleh sebelum tanggal akta notaris: SK "
                       "mengesahkan akta itu.")
    else:
        clean["founding_note"] = run(require_text, values.get("founding_note", ""),
                                     "Nota pendirian (dilegalisasi)", 120)
        clean["founding_date"] = run(_date, values.get("founding_date"),
                                     "Tanggal nota pendirian", today, True)
    return clean


def _bank_values(values: dict, checks: FieldChecks) -> dict:
    """A bank account: all three parts or none."""
    bank = {key: checks.run(optional_text, values.get(key, ""), label, length) or ""
            for key, label, length in (("bank_name", "Nama bank", 80),
                                       ("bank_account", "Nomor rekening", 30),
                                       ("bank_account_name", "Nama pemilik rekening", 200))}
    bank["bank_account"] = re.sub(r"[\s.\-]", "", bank["bank_account"])
    if _bank_given(values) and not checks.failed(*BANK_FIELDS.values()):
        for key, label in BANK_FIELDS.items():
            if not bank[key]:
                checks.add(label, "wajib diisi bila rekening bank dicatat.")
        if bank["bank_account"] and not re.fullmatch(r"\d{5,20}", bank["bank_account"]):
            checks.add("Nomor rekening", "5 sampai 20 angka (titik, strip dan spasi boleh).")
    return bank


def _lks_values(values: dict, today: datetime.date, checks: FieldChecks) -> dict:
    run = checks.run
    clean = _legal_values(values, today, checks)
    clean["npwp"] = run(check_npwp, values.get("npwp", ""))
    clean.update(_bank_values(values, checks))
    clean["domicile_number"] = run(optional_text, values.get("domicile_number", ""),
                                   "Nomor surat domisili", 80)
    clean["domicile_date"] = run(_date, values.get("domicile_date"), "Tanggal surat domisili",
                                 today, "Tanggal surat domisili" in required_fields(values))
    clean["kelurahan"] = run(optional_text, values.get("kelurahan", ""), "Kelurahan/desa", 80)
    clean["kecamatan"] = run(require_text, values.get("kecamatan", ""), "Kecamatan", 80)
    fields = list(dict.fromkeys(values.get("fields") or ()))
    unknown = [f for f in fields if f not in FIELDS]
    if unknown or not fields:
        checks.add("Bidang pelayanan", "pilih sekurang-kurangnya satu bidang dari daftar.")
    clean["fields"] = "," + ",".join(f for f in FIELDS if f in fields) + ","
    clean["staff_count"] = run(_count, values.get("staff_count", 0), "Jumlah staf")
    accreditation = values.get("accreditation", "") or ""
    if accreditation and accreditation not in ACCREDITATIONS:
        checks.add("Akreditasi", "pilih A, B, C, atau belum terakreditasi.")
    clean["accreditation"] = accreditation
    clean["note"] = run(optional_text, values.get("note", ""), "Catatan", 2000, multiline=True)
    return clean


def _count(value, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip().replace(".", ""))
        except ValueError:
            raise ValidationError(field, "harus bilangan bulat, misalnya 12.") from None
    if not 0 <= value <= MAX_COUNT:
        raise ValidationError(field, f"antara 0 dan {MAX_COUNT:,}.".replace(",", "."))
    return value


def _beneficiary_values(beneficiaries: dict) -> dict[str, int]:
    counts = {}
    for kind, count in (beneficiaries or {}).items():
        if kind not in FIELDS:
            raise ValidationError("Penerima manfaat", "jenisnya harus dari daftar bidang.")
        number = _count(count, f"Penerima manfaat ({FIELDS[kind]})")
        if number:
            counts[kind] = number
    return counts


def _board_values(board: dict, today: datetime.date,
                  checks: FieldChecks) -> dict[str, BoardEntry]:
    entries = {}
    for position, label in POSITIONS.items():
        entry = (board or {}).get(position)
        nik = re.sub(r"\s", "", entry.nik) if entry else ""
        name = entry.name.strip() if entry else ""
        if not nik and not name:
            if position == "ketua":
                checks.add("NIK Ketua", "ketua wajib dicatat dengan NIK dan nama sesuai KTP.")
                checks.add("Nama Ketua", "wajib diisi.")
            continue
        nik_ok = checks.run(check_nik, nik, field=f"NIK {label}", today=today) is not None
        name = checks.run(require_text, name, f"Nama {label}", 120)
        if nik_ok and name:
            entries[position] = BoardEntry(nik, name)
    niks = [e.nik for e in entries.values()]
    if len(set(niks)) != len(niks):
        checks.add("Pengurus", "satu orang tidak boleh memegang dua jabatan (ketua, sekretaris, "
                   "bendahara).")
    return entries


def _person(actor, entry: BoardEntry, today: datetime.date, on_board: set[int]) -> Person:
    """The board member's person: the one with this NIK, or a new one from the NIK's birth
    date and sex. Someone already on this LKS's board stays there, even when the actor may not
    open their other cases (a board member who is also a referral's applicant)."""
    existing = people.find_by_nik(entry.nik)
    if existing is not None:
        if existing.id not in on_board and not people.can_see(actor, existing):
            raise ValidationError("Pengurus", f"NIK {entry.nik[:6]}… sudah terdaftar, tetapi "
                                  "datanya tidak dapat Anda buka; minta Kepala untuk "
                                  "mencatatnya.")
        return existing
    info = check_nik(entry.nik, today=today)
    return people.register_person(actor, today=today, nik=entry.nik, name=entry.name,
                                  birth_date=info.birth_date, sex=info.sex)


# -- writing ---------------------------------------------------------------------------------

def _replace_board(actor, lks: Lks, members: dict[str, Person]) -> None:
    current = {row.position: row for row in LksBoardMember.select().where(
        LksBoardMember.lks == lks)}
    for position, row in current.items():
        if position not in members:
            records.delete(row, actor)
        elif row.person_id != members[position].id:
            records.update(row, actor, person=members[position])
    for position, person in members.items():
        if position not in current:
            records.create(LksBoardMember, actor, lks=lks, position=position, person=person)


def _replace_beneficiaries(actor, lks: Lks, counts: dict[str, int]) -> None:
    current = {row.kind: row for row in LksBeneficiary.select().where(
        LksBeneficiary.lks == lks)}
    for kind, row in current.items():
        if kind not in counts:
            records.delete(row, actor)
        elif row.count != counts[kind]:
            records.update(row, actor, count=counts[kind])
    for kind, count in counts.items():
        if kind not in current:
            records.create(LksBeneficiary, actor, lks=lks, kind=kind, count=count)
