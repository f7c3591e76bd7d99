"""Applicants: people (one record per NIK) and organisations."""
import datetime
import re

from peewee import SQL, PostgresqlDatabase, fn

from desktop.errors import NotFound, ValidationError
from desktop.models import Application, CasePerson, Organisation, Person, db
from desktop.services.applications import case_access, regions
from desktop.services.shared import records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_nik, check_phone, optional_text, require_text

SEXES = {"L": "Laki-laki", "P": "Perempuan"}
RELIGIONS = ["Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Konghucu",
             "Kepercayaan terhadap Tuhan YME"]
MARITAL = ["Belum kawin", "Kawin", "Cerai hidup", "Cerai mati"]
LEGAL_FORMS = ["Yayasan", "Perkumpulan", "Organisasi kemasyarakatan", "Perseroan terbatas",
               "Lembaga tidak berbadan hukum", "Lainnya"]
EARLIEST_BIRTH = datetime.date(1900, 1, 1)
PERSON_TEXT = {  # field: (label, max length)
    "name": ("Nama lengkap", 120), "birth_place": ("Tempat lahir", 80),
    "street": ("Alamat (jalan)", 200), "kelurahan": ("Kelurahan", 80),
    "kecamatan": ("Kecamatan", 80), "city": ("Kota/kabupaten", 80),
    "identity_note": ("Keterangan identitas", 2000),
}


def name_key(name: str) -> str:
    return " ".join((name or "").lower().split())


def address_text(person, formal: bool = False) -> str:
    """Jl. Tidar No. 5, RT 002/RW 003, Kel. Magersari, Kec. Magelang Selatan, Kota Magelang.

    `formal`, for letters, writes out Kelurahan and Kecamatan.
    """
    kel, kec, rt_rw = (("Kelurahan", "Kecamatan", "RT {} RW {}") if formal
                       else ("Kel.", "Kec.", "RT {}/RW {}"))
    parts = [person.street]
    if person.rt or person.rw:
        parts.append(rt_rw.format(person.rt or "-", person.rw or "-"))
    if person.kelurahan:
        parts.append(f"{kel} {person.kelurahan}")
    if person.kecamatan:
        parts.append(f"{kec} {person.kecamatan}")
    parts.append(person.city)
    return ", ".join(p.strip() for p in parts if p and p.strip())


def find_by_nik(nik: str) -> Person | None:
    digits = re.sub(r"\s", "", nik or "")
    return Person.get_or_none(Person.nik == digits) if digits else None


def lookup_nik(actor, nik: str) -> Person | None:
    """The person with this NIK, if `actor` may see them (screens that look a NIK up)."""
    person = find_by_nik(nik)
    return person if person is not None and can_see(actor, person) else None


PERSON_HIDDEN = ("Data orang ini tidak ditemukan, atau hanya tercatat pada kasus sensitif yang "
                 "dibuka oleh petugas yang menanganinya.")


def seen_by(actor):
    """A condition on Person: those `actor` may see. A person who appears only in sensitive
    cases the actor does not read (a child in an adoption case) is not shown; None: all.
    Correlated EXISTS per person (its application.person and case_person.person indexes),
    so a search looks only at the people it finds, not at every case."""
    visible = case_access.visible(actor)
    if visible is None:
        return None
    hidden_app, hidden_named = _named_in(~visible)
    shown_app, shown_named = _named_in(visible)
    return ((~fn.EXISTS(hidden_app) & ~fn.EXISTS(hidden_named))
            | fn.EXISTS(shown_app) | fn.EXISTS(shown_named))


def _named_in(cases) -> tuple:
    """Subqueries for the person of the outer query among the cases matching `cases`: as
    their applicant, and as a person a case's record names (CasePerson: the adopted child,
    the COTA)."""
    queries = (Application.select(SQL("1")).where((Application.person == Person.id) & cases),
               CasePerson.select(SQL("1"))
               .join(Application, on=(CasePerson.application == Application.id))
               .where((CasePerson.person == Person.id) & cases))
    if isinstance(db.obj, PostgresqlDatabase):
        # LIMIT 1 OFFSET 0 keeps PostgreSQL's subquery correlated (one index probe per person
        # found) instead of hashing every hidden case's people: 85 ms to 5 ms on 100,000
        # applications. SQLite is slower with it (8 ms to 35 ms), so only here.
        queries = tuple(q.limit(1).offset(0) for q in queries)
    return queries


def link_case_people(application, people_by_role: dict) -> None:
    """Keep the people a case's record names on the envelope ({role: Person or None}), in the
    caller's transaction, so they are hidden with the case. A link is never removed: a person
    recorded by mistake (a mistyped NIK, corrected) stays as closed as the case."""
    known = {row.person_id: row for row in CasePerson.select().where(
        CasePerson.application == application.id)}
    for role, person in people_by_role.items():
        if person is None:
            continue
        if person.id not in known:
            CasePerson.create(application=application.id, person=person.id, role=role)
        elif known[person.id].role != role:
            CasePerson.update(role=role).where(CasePerson.id == known[person.id].id).execute()


def can_see(actor, person: Person) -> bool:
    condition = seen_by(actor)
    return condition is None or Person.select().where(
        (Person.id == person.id) & condition).exists()


def get(actor, person_id: int) -> Person:
    person = Person.get_or_none(Person.id == person_id)
    if person is None or not can_see(actor, person):
        raise NotFound(PERSON_HIDDEN)
    return person


def _digits(value: str, field: str, length: int) -> str:
    text = re.sub(r"\s", "", value or "")
    if text and not re.fullmatch(rf"\d{{{length}}}", text):
        raise ValidationError(field, f"harus {length} angka (tertulis {len(text)} karakter).")
    return text


PLACE = ("kelurahan", "kecamatan", "city")


# What an empty form is refused for (a documented person); the form marks these "*".
REQUIRED = ("NIK", "Nama lengkap", "Tanggal lahir")
# Registered at the desk (Data Warga, a new application): the address on the KTP too, which
# the letters and the receipt print; a person without identity may have none.
DESK_REQUIRED = REQUIRED + ("Alamat (jalan)",)
# Asked by whether the person has identity papers (required_fields); the form's "*" follows.
IDENTITY_CONDITIONAL = ("NIK", "Tanggal lahir", "Alamat (jalan)", "Keterangan identitas")


def required_fields(documented: bool, at_desk: bool = False) -> tuple[str, ...]:
    """What registering refuses empty: REQUIRED of a person with identity papers
    (DESK_REQUIRED at the desk); of one without (and no NIK given), the name and a note on
    who they are instead."""
    if documented:
        return DESK_REQUIRED if at_desk else REQUIRED
    return ("Nama lengkap", "Keterangan identitas")


def _birth_date(birth, today: datetime.date):
    if birth is not None and not isinstance(birth, datetime.date):
        raise ValidationError("Tanggal lahir", "bukan tanggal; pilih dari kalender.")
    if birth is not None and birth > today:
        raise ValidationError("Tanggal lahir", "tidak boleh di masa depan "
                              f"({timefmt.format_date(birth)}); periksa tahunnya.")
    if birth is not None and birth < EARLIEST_BIRTH:
        raise ValidationError("Tanggal lahir", f"tidak boleh sebelum tahun {EARLIEST_BIRTH.year}; "
                              "periksa tahunnya.")
    return birth


def _choice(value: str, choices, field: str, message: str) -> str:
    if value and value not in choices:
        raise ValidationError(field, message)
    return value


def _validated(values: dict, today: datetime.date, documented: bool,
               place: bool = True, at_desk: bool = False) -> dict:
    """Every field's check; all refusals raised together (ValidationErrors). `place`: check
    kelurahan and kecamatan against the office region's list; `at_desk`: DESK_REQUIRED."""
    checks = FieldChecks()
    run = checks.run
    clean = {}
    for key, (label, length) in PERSON_TEXT.items():
        if key in values:
            clean[key] = run(optional_text, values[key], label, length)
    clean["name"] = run(require_text, values.get("name", ""), "Nama lengkap", 120)
    if at_desk and documented and not clean.get("street") and not checks.failed(
            "Alamat (jalan)"):
        checks.add("Alamat (jalan)", "wajib diisi: tulis alamat sesuai KTP/KK (jalan, "
                   "nomor rumah atau dusun).")
    if place and any(key in values for key in PLACE):
        clean.update(run(regions.check_place, clean.get("kelurahan", ""),
                         clean.get("kecamatan", ""), clean.get("city", "")) or {})
    birth = run(_birth_date, values.get("birth_date"), today)
    sex = run(_choice, values.get("sex", ""), SEXES, "Jenis kelamin",
              "pilih Laki-laki atau Perempuan.")
    clean.update(birth_date=birth, sex=sex,
                 religion=run(_choice, values.get("religion", ""), RELIGIONS, "Agama",
                              "pilih dari daftar."),
                 marital_status=run(_choice, values.get("marital_status", ""), MARITAL,
                                    "Status perkawinan", "pilih dari daftar."),
                 rt=run(_digits, values.get("rt", ""), "RT", 3) if values.get("rt") else "",
                 rw=run(_digits, values.get("rw", ""), "RW", 3) if values.get("rw") else "",
                 phone=run(check_phone, values.get("phone", "")),
                 kk_number=run(_digits, values.get("kk_number", ""), "No. KK", 16))
    nik = re.sub(r"\s", "", values.get("nik") or "")
    if documented or nik:
        info = run(check_nik, nik, today=today)
        if birth is None and not checks.failed("Tanggal lahir"):
            checks.add("Tanggal lahir", "wajib diisi bila NIK diisi.")
        if info is not None:
            _matches_nik(checks, info, nik, clean)
        clean["nik"] = nik
    else:
        clean["nik"] = None
        if not clean.get("identity_note") and not checks.failed("Keterangan identitas"):
            checks.add("Keterangan identitas", "isi keterangan untuk orang tanpa NIK "
                       "(misalnya: tanpa identitas, ditemukan di ...).")
    checks.raise_errors()
    clean["name_key"] = name_key(clean["name"])
    return clean


def _matches_nik(checks: FieldChecks, info, nik: str, clean: dict) -> None:
    """The birth date, sex and KK agree with what the NIK encodes."""
    birth, sex = clean["birth_date"], clean["sex"]
    if birth is not None and info.birth_date != birth:
        checks.add("Tanggal lahir", "tidak cocok dengan NIK: NIK menyatakan "
                   f"{timefmt.format_date(info.birth_date)}. Periksa NIK atau tanggal lahir "
                   "pada KTP.")
    if sex and info.sex != sex:
        checks.add("Jenis kelamin", f"tidak cocok dengan NIK: NIK menyatakan {SEXES[info.sex]}. "
                   "Periksa NIK atau jenis kelamin.")
    clean["sex"] = sex or info.sex
    if clean["kk_number"] and clean["kk_number"][:4] != nik[:4]:
        checks.add("No. KK", "kode wilayah (4 angka pertama) harus sama dengan NIK.")


def check_new_person(actor, today: datetime.date | None = None, documented: bool = True,
                     at_desk: bool = False, **values) -> dict:
    """What register_person would save, checked without writing: a screen that saves the
    person later (with the application) refuses the values here first."""
    clean = _validated(values, today or datetime.date.today(), documented, at_desk=at_desk)
    existing = find_by_nik(clean["nik"]) if clean["nik"] else None
    if existing is not None:
        raise _already_registered(actor, existing, "; pilih data yang ada")
    return clean


def register_person(actor, today: datetime.date | None = None, documented: bool = True,
                    at_desk: bool = False, **values) -> Person:
    """A new person. With `documented` False the NIK may be left empty and completed later;
    `at_desk`: registered by staff from the person's KTP, so DESK_REQUIRED."""
    clean = check_new_person(actor, today, documented, at_desk, **values)
    if not clean["nik"]:
        return records.create(Person, actor, **clean)
    # Another PC may register the same NIK this very moment: the loser is offered the winner.
    return records.create(Person, actor, **clean, duplicate=lambda: _already_registered(
        actor, find_by_nik(clean["nik"]), "; data dari PC lain itu yang dipakai"))


class DuplicatePerson(ValidationError):
    """The NIK is registered already; `existing` is that person when the actor may see them."""

    def __init__(self, message: str, existing: Person | None):
        super().__init__("NIK", message)
        self.existing = existing


def _already_registered(actor, existing: Person | None, advice: str) -> DuplicatePerson:
    if existing is None or not can_see(actor, existing):  # never a hidden case's name
        return DuplicatePerson("sudah terdaftar, tetapi datanya tidak dapat Anda buka; minta "
                               "Kepala untuk melanjutkan.", None)
    return DuplicatePerson(f"sudah terdaftar atas nama {existing.name}{advice}.", existing)


def update_person(actor, person: Person, today: datetime.date | None = None,
                  **values) -> Person:
    today = today or datetime.date.today()
    if not can_see(actor, person):
        raise NotFound(PERSON_HIDDEN)
    documented = bool(values.get("nik") or person.nik)
    # An address saved before the region's list (or as typed then) is checked once changed.
    clean = _validated({**_current(person), **values}, today, documented,
                       place=any(key in values for key in PLACE))
    if clean["nik"] and clean["nik"] != person.nik:
        existing = find_by_nik(clean["nik"])
        if existing is not None and existing.id != person.id:
            raise _already_registered(actor, existing, "")
    return records.update(person, actor, **clean)


def _current(person: Person) -> dict:
    fields = list(PERSON_TEXT) + ["nik", "kk_number", "birth_date", "sex", "religion",
                                  "marital_status", "rt", "rw", "phone"]
    return {f: getattr(person, f) for f in fields}


def search_people(actor, prefix: str, limit: int = 20) -> list[Person]:
    """NIK prefix (digits) or name prefix, using indexed range scans; people `actor` may see."""
    text = (prefix or "").strip()
    if not text:
        return []
    if text.isdigit():
        column, key = Person.nik, text
    else:
        column, key = Person.name_key, name_key(text)
    upper = key[:-1] + chr(ord(key[-1]) + 1)
    query = Person.select().where((column >= key) & (column < upper))
    seen = seen_by(actor)
    if seen is not None:
        query = query.where(seen)
    return list(query.order_by(column).limit(limit))


def search_organisations(prefix: str, limit: int = 20) -> list[Organisation]:
    key = name_key(prefix)
    if not key:
        return []
    upper = key[:-1] + chr(ord(key[-1]) + 1)
    return list(Organisation.select()
                .where((Organisation.name_key >= key) & (Organisation.name_key < upper))
                .order_by(Organisation.name_key).limit(limit))


def check_organisation(**values) -> dict:
    """What register_organisation would save, checked without writing."""
    name = require_text(values.get("name", ""), "Nama lembaga", 200)
    legal_form = values.get("legal_form", "")
    if legal_form and legal_form not in LEGAL_FORMS:
        raise ValidationError("Bentuk lembaga", "pilih dari daftar.")
    from desktop.services.shared.validators import check_email

    return dict(name=name, legal_form=legal_form,
                address=require_text(values.get("address", ""), "Alamat lembaga", 2000),
                contact_person=optional_text(values.get("contact_person", ""), "Narahubung",
                                             120),
                phone=check_phone(values.get("phone", "")),
                email=check_email(values.get("email", "")), name_key=name_key(name))


def register_organisation(actor, **values) -> Organisation:
    return records.create(Organisation, actor, **check_organisation(**values))
