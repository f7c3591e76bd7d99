"""The SKM's figures as PermenPANRB 14/2017 defines them: the index at every grade boundary
and on a worked example, the sample table, the refusals that save nothing, and the results
per service and period on every backend."""
import datetime
from decimal import Decimal

import pytest

from desktop.errors import ValidationError
from desktop.models import SkmResponse
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from desktop.services.survey import sample, skm
from desktop.services.survey.questionnaire import CODES
from tests.factories import make_office

DAY = datetime.date(2026, 11, 10)


def sums_for(total: int, respondents: int = 1) -> dict:
    """Element sums adding up to `total` (spread as evenly as the integers allow)."""
    base, extra = divmod(total, 9)
    return {c: base + (1 if i < extra else 0) for i, c in enumerate(CODES)}


@pytest.mark.parametrize("index, grade", [
    ("100.00", "A"), ("88.31", "A"), ("88.30", "B"), ("76.61", "B"), ("76.60", "C"),
    ("65.00", "C"), ("64.99", "D"), ("25.00", "D")])
def test_the_grade_at_every_boundary(index, grade):
    assert skm.grade_of(Decimal(index))[0] == grade


def test_the_index_rounds_half_up_at_the_boundary():
    # 25 × total / (9 × n): a total of 12,719 over 400 respondents is 88.326…: A.
    assert skm.index_of(sums_for(12719), 400) == Decimal("88.33")
    # 3179/(9·100)·25 = 88.305…: rounds to 88.31, an A, not 88.30.
    assert skm.index_of(sums_for(3179), 100) == Decimal("88.31")
    assert skm.grade_of(skm.index_of(sums_for(3179), 100))[0] == "A"
    assert skm.index_of(sums_for(3178), 100) == Decimal("88.28")


def test_a_worked_example():
    """Ten respondents; element averages 3.2, 3.0, 2.5, 4.0, 3.1, 3.4, 3.5, 2.8, 2.9: their
    mean 3.1555… × 25 = 78.89, grade B (baik); the weakest element is U3, completion time."""
    averages = [Decimal(x) for x in ("3.2", "3.0", "2.5", "4.0", "3.1", "3.4", "3.5", "2.8",
                                     "2.9")]
    sums = {c: int(a * 10) for c, a in zip(CODES, averages)}
    result = skm.Result(10, sums, population=12)
    assert result.averages["u3"] == Decimal("2.500")
    assert result.index == Decimal("78.89") and (result.grade, result.grade_words) == ("B", "Baik")
    assert result.lowest.code == "u3"
    assert result.required == 12 and result.below_sample  # of 12 served, all (table: 14)


def test_the_sample_table():
    assert [sample.required_sample(n) for n in (0, 7, 10, 11, 15, 100, 101, 1000, 250000)] == \
        [0, 7, 10, 11, 14, 80, 86, 278, 384]


@pytest.fixture
def office(backend_db):
    return make_office()


def answers(score: int = 3, **changed) -> dict:
    values = {c: score for c in CODES}
    values.update(changed)
    return values


def test_a_score_outside_one_to_four_or_left_empty_is_refused(office):
    service = service_catalog.get("dpk-slrt")
    for scores, field in [(answers(u1=5), "U1 Persyaratan"), (answers(u9=0), "U9 Sarana dan "
                                                                          "prasarana"),
                          ({c: 3 for c in CODES[:8]}, "U9 Sarana dan prasarana"),
                          (answers(u4=""), "U4 Biaya/tarif"), (answers(u2="x"),
                                                                "U2 Sistem, mekanisme dan "
                                                                "prosedur")]:
        with pytest.raises(ValidationError) as refused:
            skm.record(office["clerk"], service_id=service.id, scores=scores, responded_on=DAY)
        assert refused.value.field == field
    for values, field in [(dict(age=9), "Umur"), (dict(sex="X"), "Jenis kelamin"),
                          (dict(service_id=None), "Layanan"),
                          (dict(responded_on=datetime.date.today() + datetime.timedelta(1)),
                           "Tanggal pengisian")]:
        given = dict(service_id=service.id, scores=answers(), responded_on=DAY)
        given.update(values)
        with pytest.raises(ValidationError) as refused:
            skm.record(office["clerk"], **given)
        assert refused.value.field == field
    assert SkmResponse.select().count() == 0


def test_the_database_itself_refuses_a_score_out_of_range(office):
    from peewee import DatabaseError  # MariaDB reports a CHECK as an OperationalError

    service = service_catalog.get("dpk-slrt")
    row = skm.record(office["clerk"], service_id=service.id, scores=answers(), responded_on=DAY)
    with pytest.raises(DatabaseError):
        SkmResponse.update(u5=7).where(SkmResponse.id == row.id).execute()


def test_results_per_service_and_period(office):
    slrt, dtks = service_catalog.get("dpk-slrt"), service_catalog.get("mgl-surat-keterangan-dtks")
    for _ in range(3):
        skm.record(office["clerk"], service_id=slrt.id, scores=answers(4), responded_on=DAY)
    skm.record(office["clerk"], service_id=dtks.id, scores=answers(2, u3=1), responded_on=DAY,
               age=40, sex="P", education="sma", occupation="wirausaha", source="kiosk")
    skm.record(office["clerk"], service_id=dtks.id, scores=answers(1),
               responded_on=datetime.date(2025, 6, 1))  # outside the period
    workflow.register(office["clerk"], slrt, person=office["person"])
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    unit = skm.result(office["head"], start, end)
    assert unit.respondents == 4 and unit.sums["u1"] == 14 and unit.sums["u3"] == 13
    assert unit.index == skm.index_of(unit.sums, 4) and unit.lowest.code == "u3"
    per = {s.code: r for s, r in skm.by_service(office["head"], start, end)}
    assert per["dpk-slrt"].index == Decimal("100.00") and per["dpk-slrt"].grade == "A"
    assert per["dpk-slrt"].population == 1 and not per["dpk-slrt"].below_sample
    assert per["mgl-surat-keterangan-dtks"].grade == "D"
    assert skm.respondent_counts(office["head"], start, end)["sex"] == {"": 3, "P": 1}
    with pytest.raises(ValidationError) as refused:
        skm.result(office["head"], end, start)
    assert refused.value.field == "Periode sampai"
    assert skm.result(office["head"], DAY, DAY).respondents == 4
    assert not permissions.can(office["admin"], "complaints.route")


def test_the_population_counts_a_sensitive_case_only_for_its_readers(office):
    from tests.factories import make_person

    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    service = service_catalog.get("mgt-26-rekomendasi-anjal-at")
    workflow.register(office["clerk"], service, person=child)
    today = datetime.date.today()
    year = (datetime.date(today.year, 1, 1), today)
    assert skm.result(office["head"], *year).population == 1
    assert skm.result(office["admin"], *year).population == 0
    assert service.id not in {s.id for s, _ in skm.by_service(office["admin"], *year)}


def test_an_empty_sheet_names_the_service_and_every_unanswered_element_at_once(backend_db):
    from desktop.errors import ValidationErrors
    from desktop.services.survey import skm
    from desktop.services.survey.questionnaire import ELEMENTS
    from tests.factories import make_office

    office = make_office()
    with pytest.raises(ValidationErrors) as caught:
        skm.record(office["clerk"], service_id=None, scores={}, age="x")
    fields = [error.field for error in caught.value.errors]
    assert fields == ["Layanan", *(skm.field_of(e) for e in ELEMENTS), "Umur"]
    assert SkmResponse.select().count() == 0
