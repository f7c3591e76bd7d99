"""The head's dashboard: what is overdue and due today by section, letters waiting for their
paraf or signature, today's bookings, open complaints by clock, this year's SKM, and the last
twelve months' volume and on-time share.

A constant number of queries, none reading every application: the open ones through the
(state, due_at) index, the month's completions through (state, closed_at), and the months
that have ended from kept figures (MonthlyFigure), computed once each."""
import datetime
import hashlib
from dataclasses import dataclass, field

from peewee import Case, fn

from desktop.models import Application, Complaint, Letter, MonthlyFigure, Service, db
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import case_access
from desktop.services.complaints import clocks, complaints
from desktop.services.letters import lifecycle
from desktop.services.schedule import clinic, hearse
from desktop.services.shared import permissions, timefmt
from desktop.services.survey import skm

MONTHS_SHOWN = 12


@dataclass
class Month:
    year: int
    month: int
    received: int
    completed: int
    on_time: int

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.completed if self.completed else None

    @property
    def label(self) -> str:
        return f"{timefmt.MONTHS[self.month - 1][:3]}\n{self.year % 100:02d}"


@dataclass
class Dashboard:
    today: datetime.date
    sections: list[tuple[str, int, int]]  # (section, overdue, due today)
    letters: dict[str, int]  # waiting_paraf, waiting_signature (as the Surat tabs list them)
    bookings: tuple[int, int]  # hearse bookings and clinic visits today
    complaints: dict[str, int] = field(default_factory=dict)  # clock standing -> open ones
    survey: skm.Result | None = None  # this year's SKM so far
    months: list[Month] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(late for _, late, _ in self.sections)

    @property
    def due_today(self) -> int:
        return sum(today for _, _, today in self.sections)


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timefmt.to_utc(datetime.datetime.combine(day, datetime.time()))


def _visible(actor, query):
    condition = case_access.visible(actor)
    return query if condition is None else query.where(condition)


def sections(actor, now: datetime.datetime, today: datetime.date) -> list[tuple[str, int, int]]:
    """Open applications past their time limit, and due later today, per catalog section."""
    tomorrow = _local_midnight(today + datetime.timedelta(days=1))
    late = fn.SUM(Case(None, [(Application.due_at < now, 1)], 0))
    query = (Application.select(Service.category, late, fn.COUNT(Application.id))
             .join(Service, on=(Application.service == Service.id))
             .where((Application.state == "open") & (Application.due_at < tomorrow))
             .group_by(Service.category))
    return sorted(((category or "Lainnya", int(overdue or 0), int(count) - int(overdue or 0))
                   for category, overdue, count in _visible(actor, query).tuples()),
                  key=lambda row: (-row[1], -row[2], row[0]))


def letters(actor) -> dict[str, int]:
    """The letters of the Surat tabs' "Menunggu paraf" and "Menunggu tanda tangan", counted
    as those tabs list them for `actor` (a kepala: others' letters to initial, their own to
    sign; a sensitive case's letters only for its readers)."""
    counts = {}
    readable = lifecycle.readable(actor)
    for state in ("waiting_paraf", "waiting_signature"):
        query = Letter.select(fn.COUNT(Letter.id)).where(Letter.state == state)
        if readable is not None:
            query = query.where(readable)
        if getattr(actor, "role", "") == permissions.HEAD:
            mine = Letter.signer == actor.id
            query = query.where(mine if state == "waiting_signature" else ~mine)
        counts[state] = int(query.scalar() or 0)
    return counts


def bookings(today: datetime.date) -> tuple[int, int]:
    return (len(hearse.on_day(today, include_cancelled=False)),
            len(clinic.on_day(today, include_cancelled=False)))


def open_complaints(actor, today: datetime.date) -> dict[str, int]:
    """Open complaints by how their running clock stands today: only the dates the clocks
    need, of the complaints `actor` may see."""
    counts = {key: 0 for key in clocks.STANDING}
    days, figures = WorkCalendar(), clocks.limits()
    query = (Complaint.select(Complaint.kind, Complaint.received_on, Complaint.verified_on,
                              Complaint.followed_up_on, Complaint.file_complete_on,
                              Complaint.resolved_on)
             .where(Complaint.state.in_(complaints.OPEN_STATES)
                    & (Complaint.kind == "pengaduan")))
    condition = complaints.visible(actor)
    if condition is not None:
        query = query.where(condition)
    for complaint in query:
        clock = clocks.running(clocks.clocks_of(complaint, days, figures))
        if clock is not None:
            counts[clock.standing(today)] += 1
    return counts


def scope_of(actor) -> str:
    """Whose visibility kept months follow: the role and the sensitive services it does not
    read (changing a service's readers starts a new scope)."""
    role = getattr(actor, "role", "")
    if isinstance(actor, permissions.SystemActor):
        return "semua"
    closed = sorted(sid for (sid,) in case_access.closed_services(actor).tuples())
    digest = hashlib.sha1(",".join(map(str, closed)).encode()).hexdigest()[:16]
    return f"{role}:{digest}"


def _month_bounds(year: int, month: int):
    first = datetime.date(year, month, 1)
    after = datetime.date(year + month // 12, month % 12 + 1, 1)
    return _local_midnight(first), _local_midnight(after)


def _role_visible(actor):
    """The role's part of case_access.visible (no own-cases exception: kept months are
    shared by everyone of the role)."""
    if isinstance(actor, permissions.SystemActor):
        return None
    return Application.service.not_in(case_access.closed_services(actor))


def count_month(actor, year: int, month: int) -> Month:
    first, after = _month_bounds(year, month)
    visible = _role_visible(actor)

    def scoped(query):
        return query if visible is None else query.where(visible)

    received = scoped(Application.select(fn.COUNT(Application.id)).where(
        (Application.received_at >= first) & (Application.received_at < after))).scalar()
    on_time = fn.SUM(Case(None, [((Application.due_at.is_null())
                                  | (Application.closed_at <= Application.due_at), 1)], 0))
    done, in_time = scoped(Application.select(fn.COUNT(Application.id), on_time).where(
        (Application.state == "completed") & (Application.closed_at >= first)
        & (Application.closed_at < after))).tuples().get()
    return Month(year, month, int(received or 0), int(done or 0), int(in_time or 0))


def months(actor, today: datetime.date, count: int = MONTHS_SHOWN) -> list[Month]:
    """The last `count` months up to this one: ended months from their kept figures (counted
    and kept the first time one is asked for), this month counted now."""
    wanted = []
    year, month = today.year, today.month
    for _ in range(count):
        wanted.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    wanted.reverse()
    scope = scope_of(actor)
    kept = {(f.year, f.month): f for f in MonthlyFigure.select().where(
        (MonthlyFigure.scope == scope)
        & ((MonthlyFigure.year * 100 + MonthlyFigure.month)
           >= wanted[0][0] * 100 + wanted[0][1]))}
    result = []
    for year, month in wanted:
        if (year, month) == (today.year, today.month):
            result.append(count_month(actor, year, month))
        elif (year, month) in kept:
            f = kept[(year, month)]
            result.append(Month(year, month, f.received, f.completed, f.on_time))
        else:
            figures = count_month(actor, year, month)
            with db.atomic():
                (MonthlyFigure.insert(scope=scope, year=year, month=month,
                                      received=figures.received, completed=figures.completed,
                                      on_time=figures.on_time, computed_at=timefmt.utcnow())
                 .on_conflict_ignore().execute())  # another PC kept it first: the same figures
            result.append(figures)
    return result


def forget_months() -> None:
    """Drop the kept figures (after a restore or an import changed past months)."""
    MonthlyFigure.delete().execute()


def load(actor, now: datetime.datetime | None = None) -> Dashboard:
    permissions.require(actor, "reports.view")
    now = now or timefmt.utcnow()
    today = timefmt.to_local(now).date()
    board = Dashboard(today, sections(actor, now, today), letters(actor), bookings(today))
    board.complaints = open_complaints(actor, today)
    board.survey = skm.result(actor, datetime.date(today.year, 1, 1), today,
                              with_population=False)
    board.months = months(actor, today)
    return board


@dataclass
class MyDay:
    tasks: int  # applications waiting at a step of the user's role
    received_today: int  # the counter's queue: applications received today
    mine_today: int  # of those, registered by the user
    returned: int  # the user's applications returned to the citizen for completion
    letters_ready: int  # signed letters not handed over yet


def my_day(actor, now: datetime.datetime | None = None) -> MyDay:
    """The Beranda of front-office staff and workers: their own day, in five counts."""
    from desktop.services.applications import application_query

    now = now or timefmt.utcnow()
    today = timefmt.to_local(now).date()
    first = _local_midnight(today)
    after = _local_midnight(today + datetime.timedelta(days=1))
    todays = _visible(actor, Application.select(
        fn.COUNT(Application.id),
        fn.SUM(Case(None, [(Application.created_by == actor.username, 1)], 0)))
        .where((Application.received_at >= first) & (Application.received_at < after)))
    received, mine = todays.tuples().get()
    returned = (Application.select(fn.COUNT(Application.id))
                .where((Application.state == "waiting")
                       & (Application.created_by == actor.username)).scalar())
    ready = (Letter.select(fn.COUNT(Letter.id))
             .where((Letter.state == "signed") & (Letter.drafted_by == actor.id)).scalar())
    return MyDay(application_query.task_count(actor), int(received or 0), int(mine or 0),
                 int(returned or 0), int(ready or 0))
