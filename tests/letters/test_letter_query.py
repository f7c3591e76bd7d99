"""The Surat list's search: each filter, together, case-insensitive on every backend; a
sensitive (ABH) case's letter neither listed, counted nor found by a role that does not work
it; a page read in the same number of queries whatever its length."""
import datetime

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Letter, db
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.letters import lifecycle
from desktop.services.letters.letter_query import LetterFilter, count, page, tab_counts
from desktop.services.shared import permissions, timefmt
from tests.factories import make_person, make_user
from tests.letters.test_letters_lifecycle import (abh_case, complaint_handled_by, ready_to_sign,
                                                  setup_office)


def some_letters(o):
    """A draft for Agus, a signed letter for Siti, an ABH child's report, a complaint's reply."""
    siti = make_person(nik="3371014507900002", name="Siti Rahmawati", sex="P",
                       birth_date=datetime.date(1990, 7, 5))
    siti_app = workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=siti)
    made = {"draft": lifecycle.draft(o["clerk"], o["application"], signer=o["head"],
                                     subject="Rekomendasi Bantuan Rawat Inap")}
    made["signed"] = lifecycle.sign(o["head"], ready_to_sign(o, siti_app))
    made["abh"] = lifecycle.draft(o["worker"], abh_case(o), signer=o["head"],
                                  template_key="laporan_sosial_abh",
                                  subject="Laporan Sosial Anak Berhadapan dengan Hukum")
    complaint = complaint_handled_by(o["clerk"], o["head"])
    made["reply"] = lifecycle.draft(o["clerk"], None, signer=o["head"], complaint=complaint)
    made["complaint_number"] = complaint.number
    made["siti_app"] = siti_app
    return made


def ids(actor, state=None, **filters):
    return {row.id for row in page(actor, LetterFilter(**filters), state)}


@pytest.fixture
def office_letters(backend_db):
    o = setup_office()
    yield o, some_letters(o)
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def test_each_filter_alone_and_combined_case_insensitive(office_letters):
    o, made = office_letters
    head = o["head"]
    signed = Letter.get_by_id(made["signed"].id)
    everything = {made[k].id for k in ("draft", "signed", "abh", "reply")}
    assert ids(head) == everything and count(head, LetterFilter()) == 4

    tail = signed.number.split("/", 1)[1].lower()  # "0001/dinsos/2026": part, other case
    assert ids(head, number=tail) == {signed.id}
    assert ids(head, subject="rawat INAP") == {made["draft"].id}
    assert ids(head, applicant="siti RAHMA") == {signed.id}
    assert ids(head, applicant=made["siti_app"].reg_number[:5]) >= {signed.id}
    assert ids(head, applicant=made["complaint_number"].lower()) == {made["reply"].id}
    assert ids(head, state="signed") == {signed.id}
    assert ids(head, state="draft") == {made["draft"].id, made["abh"].id, made["reply"].id}
    # Combined: each narrows the others.
    assert ids(head, state="draft", subject="laporan sosial") == {made["abh"].id}
    assert ids(head, state="signed", subject="laporan sosial") == set()
    assert ids(head, subject="nothing like this") == set()
    assert count(head, LetterFilter(state="draft", applicant="agus")) == 1


def test_date_range_on_created_and_signed_dates(office_letters):
    o, made = office_letters
    head = o["head"]
    # The draft was made in January (office time): 1 Jan 00.30 WIB is 31 Dec UTC.
    january = timefmt.to_utc(datetime.datetime(2026, 1, 1, 0, 30))
    Letter.update(created_at=january).where(Letter.id == made["draft"].id).execute()
    assert ids(head, date_from=datetime.date(2026, 1, 1),
               date_to=datetime.date(2026, 1, 1)) == {made["draft"].id}
    assert ids(head, date_to=datetime.date(2025, 12, 31)) == set()
    today = timefmt.office_today()
    assert made["draft"].id not in ids(head, date_from=today)
    assert ids(head, date_field="signed", date_from=today, date_to=today) == \
        {made["signed"].id}
    assert ids(head, date_field="signed", date_to=today - datetime.timedelta(days=1)) == set()


def test_a_filter_that_cannot_be_right_is_refused_naming_the_field(office_letters):
    o, _made = office_letters
    with pytest.raises(ValidationError, match="^Tanggal sampai: .*sebelum tanggal awal"):
        page(o["head"], LetterFilter(date_from=datetime.date(2026, 5, 2),
                                     date_to=datetime.date(2026, 5, 1)))
    with pytest.raises(ValidationError, match="^Status: "):
        count(o["head"], LetterFilter(state="lost"))
    with pytest.raises(ValidationError, match="^Hal: paling banyak"):
        page(o["head"], LetterFilter(subject="x" * 121))
    with pytest.raises(PermissionDenied):  # not signed in: nothing, not even a count
        count(None, LetterFilter())


def test_a_role_that_does_not_work_abh_cases_never_finds_their_letters(office_letters):
    o, made = office_letters
    other_clerk = make_user("layanan2", role=permissions.FRONT_OFFICE)
    abh = made["abh"].id
    # The kepala reads the child's case: listed, the child by initials only.
    row = next(r for r in page(o["head"], LetterFilter()) if r.id == abh)
    assert "Putri Anjani" not in row.applicant and row.applicant.startswith("P")
    assert ids(o["head"], applicant="putri anjani") == {abh}
    # Another front-office clerk: not listed, not counted, not found by any search.
    assert abh not in ids(other_clerk)
    assert count(other_clerk, LetterFilter()) == 3
    for search in ({"applicant": "putri"}, {"subject": "berhadapan"}, {"state": "draft"},
                   {"applicant": "/REG/"}):
        assert abh not in ids(other_clerk, **search), search
    assert ids(other_clerk, applicant="putri") == set()
    assert count(other_clerk, LetterFilter(subject="berhadapan")) == 0
    assert tab_counts(other_clerk, LetterFilter())["draft"] == 2  # Agus's and the reply
    assert tab_counts(o["worker"], LetterFilter())["draft"] == 3  # the assigned worker's too
    # The tabs are states: a state chosen on 'Semua surat' does not empty the others.
    assert tab_counts(o["worker"], LetterFilter(state="signed"))["draft"] == 3


def test_a_page_takes_the_same_queries_however_many_letters(office_letters, monkeypatch):
    o, _made = office_letters
    real = db.obj.execute_sql
    statements = []

    def counting(sql, *args, **kwargs):
        statements.append(sql)
        return real(sql, *args, **kwargs)

    def queries_for_page() -> int:
        statements.clear()
        monkeypatch.setattr(db.obj, "execute_sql", counting)
        try:
            rows = page(o["head"], LetterFilter())
        finally:
            monkeypatch.setattr(db.obj, "execute_sql", real)
        return len(rows), len(statements)

    few, few_queries = queries_for_page()
    for _ in range(6):
        lifecycle.sign(o["head"], ready_to_sign(o))
    many, many_queries = queries_for_page()
    assert many == few + 6
    assert many_queries == few_queries
