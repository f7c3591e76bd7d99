"""The Surat list: letters searched by number, subject, applicant, state and a date range,
read a page at a time in one query (applicant, complaint and signer joined in), with each
tab's count. Only letters the actor may read are listed or counted: a sensitive case's
(ABH, children) to those who work it, as `lifecycle.readable` says."""
import datetime
import functools
import operator
from dataclasses import dataclass, replace
from typing import NamedTuple

from peewee import JOIN

from desktop.errors import ValidationError
from desktop.models import Application, Complaint, Letter, Organisation, Person, Service, User
from desktop.services.applications.people import name_key
from desktop.services.cases import registry
from desktop.services.letters import catalogue, lifecycle
from desktop.services.shared import list_export, periods, permissions, timefmt

DATE_FIELDS = {"created": "Dibuat", "signed": "Ditandatangani", "updated": "Diperbarui"}
TEXT_MAX = 120  # longer than any number, subject or name worth typing


@dataclass(frozen=True)
class LetterFilter:
    number: str = ""
    subject: str = ""
    applicant: str = ""  # a name, a registration number or a complaint number
    state: str | None = None  # within the tab's own state (a tab's state wins)
    date_field: str = "created"  # one of DATE_FIELDS
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None  # inclusive

    def is_empty(self) -> bool:
        return self == LetterFilter(date_field=self.date_field)


class LetterRow(NamedTuple):
    id: int
    version: int
    state: str
    return_note: str
    subject: str
    applicant: str
    signer: str
    number: str
    kind: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    signed_at: datetime.datetime | None


def check(flt: LetterFilter) -> LetterFilter:
    """The filter as the query uses it, or the refusal naming the field to correct."""
    for label, value in (("Nomor", flt.number), ("Hal", flt.subject),
                         ("Pemohon", flt.applicant)):
        if len(value.strip()) > TEXT_MAX:
            raise ValidationError(label, f"paling banyak {TEXT_MAX} karakter; persingkat "
                                  "kata pencariannya.")
    if flt.state is not None and flt.state not in lifecycle.STATES:
        raise ValidationError("Status", "status surat tidak dikenal; pilih dari daftar.")
    if flt.date_field not in DATE_FIELDS:
        raise ValidationError("Tanggal", "pilih tanggal dibuat, ditandatangani atau "
                              "diperbarui.")
    if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
        raise ValidationError("Tanggal sampai", f"{timefmt.format_date(flt.date_to)} sebelum "
                              f"tanggal awal ({timefmt.format_date(flt.date_from)}); pilih "
                              "tanggal yang sama atau sesudahnya.")
    return flt


def _applicant_condition(text: str):
    key = name_key(text)
    return (Person.name_key.contains(key) | Organisation.name_key.contains(key)
            | Application.reg_number.contains(text) | Complaint.number.contains(text))


def _filter_conditions(flt: LetterFilter) -> list:
    where = []
    if flt.number.strip():
        where.append(Letter.number.contains(flt.number.strip()))
    if flt.subject.strip():
        where.append(Letter.subject.contains(flt.subject.strip()))
    if flt.applicant.strip():
        where.append(_applicant_condition(flt.applicant.strip()))
    if flt.state is not None:
        where.append(Letter.state == flt.state)
    column = {"created": Letter.created_at, "signed": Letter.signed_at,
              "updated": Letter.updated_at}[flt.date_field]
    if flt.date_from:
        where.append(column >= periods.utc_bounds(flt.date_from, flt.date_from)[0])
    if flt.date_to:
        where.append(column < periods.utc_bounds(flt.date_to, flt.date_to)[1])
    return where


def _joined(query):
    """The applicant's, complaint's and service's tables beside each letter (left joins)."""
    return (query.join(Application, JOIN.LEFT_OUTER, on=(Letter.application == Application.id))
            .join(Person, JOIN.LEFT_OUTER, on=(Application.person == Person.id))
            .switch(Application)
            .join(Organisation, JOIN.LEFT_OUTER, on=(Application.organisation == Organisation.id))
            .switch(Application)
            .join(Service, JOIN.LEFT_OUTER, on=(Application.service == Service.id))
            .switch(Letter)
            .join(Complaint, JOIN.LEFT_OUTER, on=(Letter.complaint == Complaint.id)))


def _where(actor, flt: LetterFilter, state: str | None):
    conditions = lifecycle.queue_conditions(actor, state) + _filter_conditions(check(flt))
    return functools.reduce(operator.and_, conditions) if conditions else None


def _select(actor, flt: LetterFilter, state: str | None, *columns):
    permissions.require(actor, "letters.view")
    query = _joined(Letter.select(*columns))
    where = _where(actor, flt, state)
    return query if where is None else query.where(where)


COLUMNS = (Letter.id, Letter.version, Letter.state, Letter.return_note, Letter.subject,
           Letter.number, Letter.template_key, Letter.signing_as, Letter.signer,
           Letter.created_at, Letter.updated_at, Letter.signed_at, Application.reg_number,
           Person.name, Organisation.name, Service.case_kind, Complaint.number)


def _kind(template_key: str) -> str:
    try:
        return catalogue.spec(template_key).title
    except KeyError:
        return template_key


def _applicant(reg_number, person, organisation, case_kind, complaint) -> str:
    if complaint is not None:
        return f"Pengaduan {complaint}"
    if reg_number is None:
        return "-"
    who = registry.listed_name(case_kind or "", person or organisation or "")
    return f"{who} ({reg_number})".strip()


def page(actor, flt: LetterFilter, state: str | None = None, offset: int = 0,
         limit: int = 200) -> list[LetterRow]:
    """One page, newest first: two queries (the letters, and the signers' names) whatever
    the page's size."""
    query = (_select(actor, flt, state, *COLUMNS)
             .order_by(Letter.updated_at.desc(), Letter.id.desc()).offset(offset).limit(limit))
    found = list(query.tuples())
    signers = {row[8] for row in found}
    names = dict(User.select(User.id, User.full_name).where(User.id.in_(signers)).tuples()) \
        if signers else {}
    rows = []
    for (letter_id, version, letter_state, note, subject, number, template_key, signing_as,
         signer, created, updated, signed, reg_number, person, organisation, case_kind,
         complaint) in found:
        rows.append(LetterRow(
            letter_id, version, letter_state, note or "", subject, _applicant(
                reg_number, person, organisation, case_kind, complaint),
            ((signing_as + " ") if signing_as else "") + names.get(signer, "-"),
            number or "-", _kind(template_key), timefmt.as_datetime(created),
            timefmt.as_datetime(updated), timefmt.as_datetime(signed) if signed else None))
    return rows


def count(actor, flt: LetterFilter, state: str | None = None) -> int:
    return _select(actor, flt, state, Letter.id).count()


def tab_counts(actor, flt: LetterFilter) -> dict[str, int]:
    """The matching letters in each of the actor's tabs (each tab is a state: the filter's
    own state choice is left out), one query per tab."""
    flt = replace(flt, state=None)
    return {state: count(actor, flt, state) for state in lifecycle.states_for(actor)}


# --- export ------------------------------------------------------------------------------------

# What each list column exports: dates as dates (office time), the rest as shown.
VALUES = {
    "subject": lambda row: row.subject,
    "applicant": lambda row: row.applicant,
    "signer": lambda row: row.signer,
    "number": lambda row: row.number,
    "state": lambda row: lifecycle.STATES.get(row.state, row.state),
    "kind": lambda row: row.kind,
    "created": lambda row: list_export.local_time(row.created_at),
    "updated": lambda row: list_export.local_time(row.updated_at),
    "signed": lambda row: list_export.local_time(row.signed_at),
}


def export_xlsx(actor, flt: LetterFilter, state: str | None, path,
                columns: list[tuple[str, str]], progress=None) -> int:
    """Every letter the list shows for `flt` and `state` to `path`: `columns` are (header,
    VALUES key) in the list's order. Returns the rows written."""
    unknown = [key for _header, key in columns if key not in VALUES]
    if unknown or not columns:
        raise ValidationError("Kolom", "tidak ada kolom yang bisa diekspor; tampilkan "
                              "setidaknya satu kolom daftar.")
    getters = [VALUES[key] for _header, key in columns]
    return list_export.write_xlsx(
        actor, path, title="Daftar surat", headers=[header for header, _key in columns],
        pages=lambda offset, limit: page(actor, flt, state, offset, limit),
        values=lambda row: [get(row) for get in getters],
        total=count(actor, flt, state), progress=progress, table="letter")
