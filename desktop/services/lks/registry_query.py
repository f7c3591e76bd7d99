"""The LKS register as a list: a page of rows and the count for a filter (name or NPWP,
field of service, state on a day, kecamatan), each one indexed query."""
import datetime
from dataclasses import dataclass

from desktop.models import Lks, Organisation
from desktop.services.admin import settings
from desktop.services.applications import people
from desktop.services.lks import registrations
from desktop.services.shared import permissions

SORTS = ("name", "until")


@dataclass(frozen=True)
class LksFilter:
    text: str = ""  # the start of the name, or of the NPWP's digits
    field: str = ""  # lks_records.FIELDS
    state: str = ""  # registrations.STATES
    kecamatan: str = ""
    expiring_within: int | None = None  # days: current Tanda Daftar ending in that many


@dataclass(frozen=True)
class LksRow:
    id: int
    name: str
    legal_status: str
    fields: str
    kecamatan: str
    registration_number: str
    registered_until: datetime.date | None
    revoked: bool
    accreditation: str
    npwp: str

    def state(self, today: datetime.date, warn_days: int) -> str:
        return registrations.state_of(self.registered_until, self.revoked, today, warn_days)


COLUMNS = (Lks.id, Organisation.name, Lks.legal_status, Lks.fields, Lks.kecamatan,
           Lks.registration_number, Lks.registered_until, Lks.revoked, Lks.accreditation,
           Lks.npwp)


def _query(flt: LksFilter, today: datetime.date, columns, warn_days: int | None):
    query = Lks.select(*columns).join(Organisation)
    text = flt.text.strip()
    if text:
        digits = text.replace(".", "").replace("-", "")
        if digits.isdigit():
            column, key = Lks.npwp, digits
        else:
            column, key = Organisation.name_key, people.name_key(text)
        query = query.where((column >= key) & (column < key[:-1] + chr(ord(key[-1]) + 1)))
    if flt.field:
        query = query.where(Lks.fields.contains(f",{flt.field},"))
    if flt.kecamatan:
        query = query.where(Lks.kecamatan == flt.kecamatan)
    if flt.state:
        if warn_days is None:
            warn_days = settings.get("lks.warn_days")
        query = query.where(registrations.state_condition(flt.state, today, warn_days))
    if flt.expiring_within is not None:
        query = query.where((Lks.revoked == False) & (Lks.registered_until >= today)  # noqa: E712
                            & (Lks.registered_until < today + datetime.timedelta(
                                days=flt.expiring_within)))
    return query


def page(actor, flt: LksFilter, sort: str = "name", offset: int = 0, limit: int = 100,
         today: datetime.date | None = None, warn_days: int | None = None) -> list[LksRow]:
    """`warn_days`: the lks.warn_days setting when the caller read it already."""
    permissions.require(actor, "lks.view")
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    order = ((Organisation.name_key, Lks.id) if sort == "name"
             else (Lks.registered_until, Organisation.name_key, Lks.id))
    query = (_query(flt, today or datetime.date.today(), COLUMNS, warn_days)
             .order_by(*order).offset(offset).limit(limit))
    return [LksRow(*values) for values in query.tuples()]


def count(actor, flt: LksFilter, today: datetime.date | None = None,
          warn_days: int | None = None) -> int:
    permissions.require(actor, "lks.view")
    return _query(flt, today or datetime.date.today(), (Lks.id,), warn_days).count()


def kecamatan_names(actor) -> list[str]:
    permissions.require(actor, "lks.view")
    return [name for (name,) in Lks.select(Lks.kecamatan).distinct()
            .order_by(Lks.kecamatan).tuples() if name]
