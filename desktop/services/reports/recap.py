"""The monthly and yearly recap per service: of the applications received in the period, how
many were completed within their time limit and late, rejected, withdrawn and still open,
and the median working days to completion; the same cohort by channel, kelurahan, sex and
age group of the applicant; the SPM social indicators (PP 2/2018) the case kinds record.

Each figure is one GROUP BY in the database over the received_at index; only the completed
applications' two timestamps come back, for the median. Sensitive cases count only for the
readers of their service (case_access.visible), as on every other path."""
import bisect
import datetime
import statistics
from dataclasses import dataclass, field

from peewee import JOIN, Case, fn

from desktop.models import Application, Person, Service, db
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import case_access
from desktop.services.applications.workflow import CHANNELS
from desktop.services.cases import registry
from desktop.services.shared import periods, permissions, timefmt

OUTCOMES = ("on_time", "late", "rejected", "withdrawn", "open")
OUTCOME_LABELS = {"received": "Diterima", "on_time": "Selesai tepat waktu",
                  "late": "Selesai terlambat", "rejected": "Ditolak", "withdrawn": "Dicabut",
                  "open": "Masih diproses"}
AGE_GROUPS = (("< 18", 0), ("18–29", 18), ("30–44", 30), ("45–59", 45), ("60+", 60))
_AGE_FROM = [lowest for _, lowest in AGE_GROUPS]
NO_PERSON = "Lembaga"  # an organisation's application has no sex or age
UNKNOWN = "Tidak tercatat"
SPM_INDICATORS = {
    "disabilitas": "Rehabilitasi sosial dasar penyandang disabilitas terlantar di luar panti",
    "anak": "Rehabilitasi sosial dasar anak terlantar di luar panti",
    "lansia": "Rehabilitasi sosial dasar lanjut usia terlantar di luar panti",
    "gepeng": "Rehabilitasi sosial dasar tuna sosial, khususnya gelandangan dan pengemis, di "
              "luar panti",
    "bencana": "Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana "
               "bagi korban bencana kabupaten/kota",
}


@dataclass
class ServiceLine:
    service_id: int | None
    name: str
    category: str = ""
    received: int = 0
    on_time: int = 0
    late: int = 0
    rejected: int = 0
    withdrawn: int = 0
    open: int = 0
    median_days: float | None = None

    @property
    def completed(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.completed if self.completed else None


@dataclass
class Recap:
    start: datetime.date
    end: datetime.date
    lines: list[ServiceLine]
    total: ServiceLine
    by_channel: dict[str, int] = field(default_factory=dict)
    by_kelurahan: dict[str, int] = field(default_factory=dict)
    by_sex_age: dict[tuple[str, str], int] = field(default_factory=dict)
    spm: dict[str, int] = field(default_factory=dict)


def cohort(actor, start: datetime.date, end: datetime.date):
    """The conditions on Application for the period's received cases `actor` may count."""
    first, after = periods.utc_bounds(start, end)
    where = (Application.received_at >= first) & (Application.received_at < after)
    visible = case_access.visible(actor)
    return where if visible is None else where & visible


def _outcome_case():
    on_time = (Application.due_at.is_null() | (Application.closed_at <= Application.due_at))
    return Case(None, [((Application.state == "completed") & on_time, "on_time"),
                       (Application.state == "completed", "late"),
                       (Application.state == "rejected", "rejected"),
                       (Application.state == "withdrawn", "withdrawn")], "open")


class WorkingDayIndex:
    """Working days between two dates by a lookup: the working days up to each date of the
    span counted once, so a year's completions cost no walk through the calendar each."""

    def __init__(self, first: datetime.date, last: datetime.date, calendar: WorkCalendar):
        self.first = first
        self.counts, running, day = [], 0, first
        while day <= last:
            running += calendar.is_working_day(day)
            self.counts.append(running)
            day += datetime.timedelta(days=1)

    def between(self, start: datetime.date, end: datetime.date) -> int:
        """As WorkCalendar.working_days_between: after `start`, up to and including `end`."""
        return self.counts[(end - self.first).days] - self.counts[(start - self.first).days]


def _medians(where) -> dict[int, float]:
    query = (Application.select(Application.service, Application.received_at,
                                Application.closed_at)
             .where(where & (Application.state == "completed")
                    & Application.closed_at.is_null(False)))
    rows = db.execute_sql(*query.sql()).fetchall()  # the ORM's date parsing cost most of it
    if not rows:
        return {}
    offset, moment = timefmt.office_offset(), timefmt.as_datetime
    local = [(sid, (moment(got) + offset).date(), (moment(done) + offset).date())
             for sid, got, done in rows]
    first = min(got for _, got, _ in local)
    last = max(max(done, got) for _, got, done in local)
    index = WorkingDayIndex(first, last, WorkCalendar())
    days: dict[int, list[int]] = {}
    for sid, got, done in local:
        days.setdefault(sid, []).append(index.between(got, max(got, done)))
    days[None] = [d for values in list(days.values()) for d in values]
    return {sid: statistics.median(values) for sid, values in days.items()}


def age_group(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    at = bisect.bisect_right(_AGE_FROM, age) - 1
    return AGE_GROUPS[max(at, 0)][0]


def recap(actor, start, end) -> Recap:
    permissions.require(actor, "reports.view")
    start, end = periods.check(start, end)
    where = cohort(actor, start, end)
    outcome = _outcome_case().alias("outcome")
    lines: dict[int, ServiceLine] = {}
    names = {sid: (name, category) for sid, name, category in
             Service.select(Service.id, Service.name, Service.category).tuples()}
    for service_id, kind, count in (Application.select(Application.service, outcome,
                                                       fn.COUNT(Application.id))
                                    .where(where).group_by(Application.service, outcome)
                                    .tuples()):
        name, category = names.get(service_id, ("?", ""))
        line = lines.setdefault(service_id, ServiceLine(service_id, name, category))
        setattr(line, kind, getattr(line, kind) + count)
        line.received += count
    medians = _medians(where)
    total = ServiceLine(None, "Jumlah")
    for line in lines.values():
        line.median_days = medians.get(line.service_id)
        for name in ("received",) + OUTCOMES:
            setattr(total, name, getattr(total, name) + getattr(line, name))
    total.median_days = medians.get(None)
    result = Recap(start, end, sorted(lines.values(), key=lambda l: (l.category, l.name)), total)
    result.by_channel = {CHANNELS.get(channel, channel): count for channel, count in
                         Application.select(Application.channel, fn.COUNT(Application.id))
                         .where(where).group_by(Application.channel).tuples()}
    for name, count in (Application.select(Person.kelurahan, fn.COUNT(Application.id))
                        .join(Person, on=(Application.person == Person.id),
                              join_type=JOIN.LEFT_OUTER)
                        .where(where).group_by(Person.kelurahan).tuples()):
        key = NO_PERSON if name is None else name or UNKNOWN
        result.by_kelurahan[key] = result.by_kelurahan.get(key, 0) + count
    result.by_sex_age = _by_sex_age(where, end)
    result.spm = spm(actor, start, end)
    return result


def _by_sex_age(where, end: datetime.date) -> dict[tuple[str, str], int]:
    """(sex, age group) → applications; the age at the period's end, from the birth year
    (grouped by year in the database: a hundred rows, not one per applicant)."""
    year = fn.COALESCE(Person.birth_date.year, 0).coerce(False)
    counts: dict[tuple[str, str], int] = {}
    for sex, born, count in (
            Application.select(Person.sex, year, fn.COUNT(Application.id))
            .join(Person, on=(Application.person == Person.id), join_type=JOIN.LEFT_OUTER)
            .where(where).group_by(Person.sex, year).tuples()):
        if sex is None:  # no person joined: an organisation applied
            key = (NO_PERSON, NO_PERSON)
        else:
            key = ({"L": "Laki-laki", "P": "Perempuan"}.get(sex or "", UNKNOWN),
                   age_group(end.year - int(born) if born else None))
        counts[key] = counts.get(key, 0) + count
    return counts


def spm(actor, start, end) -> dict[str, int]:
    """People each SPM indicator counts in the period, from the case kinds that record them
    (ATENSI, referrals, stranded people, disasters)."""
    visible = case_access.visible(actor)
    counts = {code: 0 for code in SPM_INDICATORS}
    for kind in registry.KINDS.values():
        if kind.spm is None:
            continue
        for code, count in kind.spm(start, end, visible).items():
            counts[code] += count
    return counts
