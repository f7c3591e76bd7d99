"""The public satisfaction survey (SKM, PermenPANRB 14/2017): questionnaires recorded from paper
or the kiosk, and per period each element's average, the index (mean of the nine averages ×
25), its grade, the respondents against the sample the population needs, the weakest
element. Averages come from the database's sums, so the index is exact before rounding."""
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from peewee import fn

from desktop.errors import ValidationError
from desktop.models import Application, Service, SkmResponse
from desktop.services.applications import case_access
from desktop.services.shared import periods, permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import require_past_date
from desktop.services.survey import sample
from desktop.services.survey.questionnaire import (AGE_RANGE, CODES, EDUCATION, ELEMENTS,
                                                   OCCUPATIONS, SEXES, SOURCES, Element)

# (lowest index of the grade, grade, its words): PermenPANRB 14/2017's conversion table.
GRADES = ((Decimal("88.31"), "A", "Sangat baik"), (Decimal("76.61"), "B", "Baik"),
          (Decimal("65.00"), "C", "Kurang baik"), (Decimal("25.00"), "D", "Tidak baik"))
HUNDREDTH = Decimal("0.01")


def field_of(element: Element) -> str:
    """'U1 Persyaratan': the field a refusal names, as the forms label it."""
    return f"U{element.code[1:]} {element.name}"


def grade_of(index: Decimal) -> tuple[str, str]:
    for lowest, grade, words in GRADES:
        if index >= lowest:
            return grade, words
    return GRADES[-1][1:]


def index_of(sums: dict[str, int], respondents: int) -> Decimal:
    """25 × the mean of the element averages, rounded half up to two decimals."""
    exact = Fraction(25 * sum(sums[c] for c in CODES), len(CODES) * respondents)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass
class Result:
    respondents: int
    sums: dict[str, int]
    population: int
    averages: dict[str, Decimal] = field(init=False)
    index: Decimal | None = field(init=False)

    def __post_init__(self):
        n = self.respondents
        self.averages = ({c: (Decimal(self.sums[c]) / n).quantize(Decimal("0.001"),
                                                                   rounding=ROUND_HALF_UP)
                          for c in CODES} if n else {})
        self.index = index_of(self.sums, n) if n else None

    @property
    def grade(self) -> str:
        return grade_of(self.index)[0] if self.index is not None else ""

    @property
    def grade_words(self) -> str:
        return grade_of(self.index)[1] if self.index is not None else ""

    @property
    def required(self) -> int:
        return sample.required_sample(self.population)

    @property
    def below_sample(self) -> bool:
        return self.respondents < self.required

    @property
    def lowest(self) -> Element | None:
        """The element with the lowest average (the first of equals)."""
        if not self.respondents:
            return None
        return min(ELEMENTS, key=lambda e: Fraction(self.sums[e.code], self.respondents))


def _sums():
    return [fn.COUNT(SkmResponse.id)] + [fn.SUM(getattr(SkmResponse, c)) for c in CODES]


def _result(row, population: int) -> Result:
    count, *sums = row
    return Result(int(count or 0), {c: int(s or 0) for c, s in zip(CODES, sums)}, population)


def _served(actor, start: datetime.date, end: datetime.date):
    """The period's received applications `actor` may count (a sensitive case only for its
    readers, as every count)."""
    first, after = periods.utc_bounds(start, end)
    where = (Application.received_at >= first) & (Application.received_at < after)
    visible = case_access.visible(actor)
    return where if visible is None else where & visible


def population(actor, start: datetime.date, end: datetime.date, service_id=None) -> int:
    """The people served in the period: applications received (index service, received_at)."""
    query = Application.select(fn.COUNT(Application.id)).where(_served(actor, start, end))
    if service_id is not None:
        query = query.where(Application.service == service_id)
    return int(query.scalar() or 0)


def result(actor, start, end, service_id=None, with_population: bool = True) -> Result:
    """The unit's (or one service's) result over the period; without the population (and so
    the sample) when only the index is wanted (the dashboard: a year of applications less
    to count)."""
    permissions.require(actor, "survey.view")
    start, end = periods.check(start, end)
    query = SkmResponse.select(*_sums()).where(SkmResponse.responded_on.between(start, end))
    if service_id is not None:
        query = query.where(SkmResponse.service == service_id)
    served = population(actor, start, end, service_id) if with_population else 0
    return _result(query.tuples().get(), served)


def by_service(actor, start, end) -> list[tuple[Service, Result]]:
    """Each service with responses or applications in the period: two GROUP BY queries."""
    permissions.require(actor, "survey.view")
    start, end = periods.check(start, end)
    rows = {r[0]: r[1:] for r in (SkmResponse.select(SkmResponse.service, *_sums())
                                  .where(SkmResponse.responded_on.between(start, end))
                                  .group_by(SkmResponse.service).tuples())}
    served = dict(Application.select(Application.service, fn.COUNT(Application.id))
                  .where(_served(actor, start, end)).group_by(Application.service).tuples())
    empty = (0,) * (len(CODES) + 1)
    services = Service.select().where(Service.id.in_(list(set(rows) | set(served))))
    return sorted(((s, _result(rows.get(s.id, empty), served.get(s.id, 0))) for s in services),
                  key=lambda pair: pair[0].name)


def by_year(actor, years: list[int]) -> dict[int, Result]:
    """The unit's result per calendar year, for the dashboard and the trend."""
    permissions.require(actor, "survey.view")
    return {year: result(actor, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
            for year in years}


def _score(value, element: Element) -> int:
    if value is None or value == "":
        raise ValidationError(field_of(element), "belum dijawab; pilih salah satu dari empat "
                              "jawaban.")
    if isinstance(value, bool) or not isinstance(value, int) and not str(value).isdigit():
        raise ValidationError(field_of(element), "nilainya 1 sampai 4.")
    number = int(value)
    if not 1 <= number <= 4:
        raise ValidationError(field_of(element), f"nilainya 1 sampai 4 (tertulis {number}).")
    return number


def _optional_choice(value, choices: dict, label: str) -> str:
    value = value or ""
    if value and value not in choices:
        raise ValidationError(label, "pilih dari daftar, atau kosongkan.")
    return value


def _age(value) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ValidationError("Umur", "isi dengan angka tahun.") from None
    if not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
        raise ValidationError("Umur", f"antara {AGE_RANGE[0]} dan {AGE_RANGE[1]} tahun.")
    return age


def record(actor, *, service_id, scores: dict, responded_on=None, source: str = "kertas",
           age=None, sex: str = "", education: str = "", occupation: str = "",
           today: datetime.date | None = None) -> SkmResponse:
    """One questionnaire: all nine elements answered, or nothing is saved."""
    permissions.require(actor, "survey.record")
    checks = FieldChecks()  # every unanswered element named at once, in the sheet's order
    run = checks.run
    if service_id is None or Service.get_or_none(Service.id == service_id) is None:
        checks.add("Layanan", "pilih layanan yang diterima responden.")
    today = today or timefmt.office_today()
    day = run(require_past_date, responded_on or today, "Tanggal pengisian", today)
    values = {e.code: run(_score, scores.get(e.code), e) for e in ELEMENTS}
    values.update(
        service=service_id, responded_on=day,
        source=run(_optional_choice, source, SOURCES, "Sumber") or "kertas",
        age=run(_age, age), sex=run(_optional_choice, sex, SEXES, "Jenis kelamin"),
        education=run(_optional_choice, education, EDUCATION, "Pendidikan"),
        occupation=run(_optional_choice, occupation, OCCUPATIONS, "Pekerjaan"))
    checks.raise_errors()
    return records.create(SkmResponse, actor, **values)


def respondent_counts(actor, start, end) -> dict[str, dict[str, int]]:
    """Respondents by sex, education and occupation over the period, for the report."""
    permissions.require(actor, "survey.view")
    start, end = periods.check(start, end)
    counts = {}
    for column in ("sex", "education", "occupation"):
        field_ = getattr(SkmResponse, column)
        counts[column] = dict(SkmResponse.select(field_, fn.COUNT(SkmResponse.id))
                              .where(SkmResponse.responded_on.between(start, end))
                              .group_by(field_).tuples())
    return counts
