"""Reading applications for lists and task counts: filtering, sorting and paging in the database."""
import datetime
from dataclasses import dataclass, replace
from typing import NamedTuple

from peewee import JOIN, PostgresqlDatabase

from desktop.models import Application, Organisation, Person, Service, db, utcnow
from desktop.services.applications import case_access
from desktop.services.applications.people import name_key
from desktop.services.shared import timefmt

SORTS = {"received": Application.received_at, "due": Application.due_at,
         "number": Application.reg_number, "step": Application.current_step}
ACTIVE = ("open", "waiting")


@dataclass(frozen=True)
class ApplicationFilter:
    text: str = ""  # registration number, NIK prefix or name prefix
    service_id: int | None = None
    step: int | None = None
    state: str | None = None  # a state, or "aktif" for open and waiting
    due: str | None = None  # terlambat, segera, normal, tanpa_batas, hari_ini
    received_from: datetime.date | None = None
    received_to: datetime.date | None = None  # inclusive
    actor_role: str | None = None  # "my tasks": open at a step this role performs
    person_id: int | None = None
    organisation_id: int | None = None


class ApplicationRow(NamedTuple):  # built 100 at a time: a tuple is made in C
    id: int
    reg_number: str
    received_at: datetime.datetime
    service_name: str
    applicant: str
    nik: str
    current_step: int
    state: str
    due_at: datetime.datetime | None
    due_soon_at: datetime.datetime | None


# Beyond this many matching people the subquery is the better plan again.
PERSON_LIST_MAX = 5000


def _prefix_range(column, prefix: str):
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


def _local_midnight_utc(day: datetime.date) -> datetime.datetime:
    return timefmt.to_utc(datetime.datetime.combine(day, datetime.time()))


def _applicants(condition):
    """Applications of the people matching `condition`.

    On PostgreSQL, when few people match, their ids are read first and listed so the server
    starts from them. Given the subquery, its planner walked the whole received_at index
    backwards checking each application's person: 250 ms to 1 s for an 8-digit NIK prefix
    among a million applications, 10 ms this way. SQLite and MariaDB start from the person
    index by themselves.
    """
    people = Person.select(Person.id).where(condition)
    if isinstance(db.obj, PostgresqlDatabase):
        ids = [pid for (pid,) in people.limit(PERSON_LIST_MAX + 1).tuples()]
        if len(ids) <= PERSON_LIST_MAX:
            return Application.person.in_(ids)
    return Application.person.in_(people)


def _text_condition(text: str):
    text = text.strip()
    if text.isdigit() and len(text) >= 6:
        return _applicants(_prefix_range(Person.nik, text))
    if any(ch.isdigit() for ch in text):
        return _prefix_range(Application.reg_number, text.upper())
    key = name_key(text)
    organisations = Organisation.select(Organisation.id).where(
        _prefix_range(Organisation.name_key, key))
    return (_applicants(_prefix_range(Person.name_key, key))
            | Application.organisation.in_(organisations))


def _conditions(f: ApplicationFilter, now: datetime.datetime) -> list:
    where = []
    if f.text.strip():
        where.append(_text_condition(f.text))
    if f.service_id is not None:
        where.append(Application.service == f.service_id)
    if f.step is not None:
        where.append(Application.current_step == f.step)
    if f.state == "aktif":
        where.append(Application.state.in_(ACTIVE))
    elif f.state:
        where.append(Application.state == f.state)
    if f.actor_role:
        where += [Application.current_actor == f.actor_role, Application.state == "open"]
    if f.person_id is not None:
        where.append(Application.person == f.person_id)
    if f.organisation_id is not None:
        where.append(Application.organisation == f.organisation_id)
    if f.received_from:
        where.append(Application.received_at >= _local_midnight_utc(f.received_from))
    if f.received_to:
        where.append(Application.received_at
                     < _local_midnight_utc(f.received_to + datetime.timedelta(days=1)))
    if f.due:
        # Only applications the office is working on: a returned one's clock is paused.
        open_only = Application.state == "open"
        where.append({
            "terlambat": open_only & (Application.due_at < now),
            "segera": open_only & (Application.due_soon_at <= now) & (Application.due_at >= now),
            "normal": open_only & (Application.due_at >= now)
            & ((Application.due_soon_at > now) | Application.due_soon_at.is_null()),
            "tanpa_batas": open_only & Application.due_at.is_null(),
            # Still in time but due before the office's midnight (the dashboard's tile).
            "hari_ini": open_only & (Application.due_at >= now) & (Application.due_at < (
                _local_midnight_utc(timefmt.to_local(now).date() + datetime.timedelta(days=1)))),
        }[f.due])
    return where


def _base(actor, f: ApplicationFilter, now: datetime.datetime, columns):
    query = Application.select(*columns)
    for condition in _conditions(f, now):
        query = query.where(condition)
    visible = case_access.visible(actor)  # sensitive cases: their readers only
    return query if visible is None else query.where(visible)


def page(actor, f: ApplicationFilter, sort: str = "received", descending: bool = True,
         offset: int = 0, limit: int = 200, now: datetime.datetime | None = None
         ) -> list[ApplicationRow]:
    """One page of rows: one query, whatever the page's position or the table's size."""
    now = now or utcnow()
    column = SORTS[sort]
    order = [column.desc(), Application.id.desc()] if descending else [column, Application.id]
    if sort == "due":
        order.insert(0, Application.due_at.is_null())  # no time limit: last, on every backend
    query = (_base(actor, f, now, [Application.id, Application.reg_number, Application.received_at,
                            Application.current_step, Application.state, Application.due_at,
                            Application.due_soon_at, Service.name, Person.name, Person.nik,
                            Organisation.name.alias("org_name"), Service.case_kind])
             .join(Service, on=(Application.service == Service.id))
             .join(Person, JOIN.LEFT_OUTER, on=(Application.person == Person.id))
             .join(Organisation, JOIN.LEFT_OUTER,
                   on=(Application.organisation == Organisation.id))
             .order_by(*order).offset(offset).limit(limit))
    # The cursor's rows as they come, only the three times converted: peewee's per-value
    # conversion of 11 columns took a third of the time a page of 100 rows took to read.
    when = Application.received_at.python_value
    from desktop.services.cases.registry import CHILD_KINDS, listed_name

    return [ApplicationRow(r[0], r[1], when(r[2]), r[7], r[8] or r[10] or "", r[9] or "", r[3],
                           r[4], when(r[5]), when(r[6])) if r[11] not in CHILD_KINDS else
            # a child's case: initials and no NIK, in every list and task
            ApplicationRow(r[0], r[1], when(r[2]), r[7], listed_name(r[11], r[8] or r[10] or ""),
                           "", r[3], r[4], when(r[5]), when(r[6]))
            for r in db.execute_sql(*query.sql()).fetchall()]


def count(actor, f: ApplicationFilter, now: datetime.datetime | None = None) -> int:
    return _base(actor, f, now or utcnow(), [Application.id]).count()


def task_count(actor) -> int:
    """The sidebar badge: applications waiting at a step the actor's role performs."""
    return count(actor, ApplicationFilter(actor_role=actor.role))


def my_tasks(actor, limit: int = 200, offset: int = 0) -> list[ApplicationRow]:
    """Oldest due first; those without a time limit after them."""
    return page(actor, ApplicationFilter(actor_role=actor.role), sort="due", descending=False,
                offset=offset, limit=limit)


def with_filter(f: ApplicationFilter, **changes) -> ApplicationFilter:
    return replace(f, **changes)
