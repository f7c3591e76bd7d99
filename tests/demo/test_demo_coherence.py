"""The demo tells one plausible story: applicants fit their services, the staff who act are
demo accounts of the right role at working hours, one after another, and the head named in
the office profile signs the letters."""
import datetime

import pytest
from PySide6.QtGui import QGuiApplication

from desktop import database
from desktop.models import (Application, AuditEntry, Letter, Person, RequirementCheck, Service,
                            StepEvent, User, utcnow)
from desktop.services.admin import office
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications.workflow import acting_role
from desktop.services.catalog import service_catalog
from desktop.services.demo import profiles, seed
from desktop.services.shared import ages, permissions, timefmt
from desktop.services.shell import schema

OPEN, CLOSE = datetime.time(8, 0), datetime.time(15, 30)
AGES = {"anak": (0, 17), "lansia": (60, 130), "dewasa": (18, 130)}


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    url = "sqlite:///" + str(tmp_path_factory.mktemp("demo") / "pelita.db")
    database.connect(url)
    schema.migrate()
    seed.fill(size=300)
    database.close()
    return url


@pytest.fixture
def demo(demo_url):
    database.connect(demo_url)
    timefmt.set_office_time_zone(office.get_profile().time_zone)
    yield demo_url
    database.close()


def _local(moment):
    return timefmt.to_local(moment).replace(tzinfo=None)


def _in_working_hours(moment, calendar) -> bool:
    local = _local(moment)
    return calendar.is_working_day(local.date()) and OPEN <= local.time() <= CLOSE


def _applicants():
    return (Application.select(Application, Service, Person).join(Service)
            .switch(Application).join(Person).order_by(Application.id))


def test_every_applicant_fits_the_service(demo):
    requirements = {}
    for app in _applicants():
        service = app.service
        if service.id not in requirements:
            requirements[service.id] = [r.text for r in service_catalog.requirements_of(service)]
        profile = profiles.profile_of(service, requirements[service.id])
        age = ages.age_on(app.person.birth_date, _local(app.received_at).date())
        low, high = AGES[profile.kind] if profile.kind in AGES else (None, None)
        assert profile.kind != "lembaga", f"{service.code}: a person applies for an institution"
        assert low <= age <= high, f"{app.reg_number} {service.code}: aged {age}"
        if service.case_kind == "abh" or "lansia" in service.name.lower():
            assert (age < 18) if service.case_kind == "abh" else (age >= 60), service.code
    for service in Service.select().where(Service.category.in_(
            profiles.INSTITUTION_CATEGORIES)):
        assert not Application.select().where((Application.service == service)
                                               & Application.person.is_null(False)).exists()


def test_checklists_fit_the_applicant(demo):
    ticked = (RequirementCheck.select(RequirementCheck, Application, Person)
              .join(Application).join(Person).where(RequirementCheck.state == "ada"))
    seen = set()
    for check in ticked:
        text, app = check.text.lower(), check.application
        age = ages.age_on(app.person.birth_date, _local(app.received_at).date())
        if "usia anak" in text:
            seen.add("anak")
            assert age < 18, f"{app.reg_number}: '{check.text}' ticked for someone aged {age}"
        if "paling rendah 30 tahun, paling tinggi 55 tahun" in text:
            seen.add("cota")
            assert 30 <= age <= 55, f"{app.reg_number}: '{check.text}' aged {age}"
    assert seen == {"anak", "cota"}


def test_an_age_requirement_is_ticked_only_for_an_applicant_of_that_age(demo):
    """A case kind's demo may put in an applicant who misses the rule on purpose."""
    from desktop.services.demo import applications_demo

    check = (RequirementCheck.select().where(RequirementCheck.text.contains("paling tinggi 55"))
             .join(Application).where(Application.person.is_null(False)).first())
    app = check.application
    old_birth = app.person.birth_date
    Person.update(birth_date=ages.add_years(app.received_at.date(), -57)).where(
        Person.id == app.person_id).execute()
    try:
        applications_demo.refit_checklists()
        assert RequirementCheck.get_by_id(check.id).state == "kurang"
    finally:
        Person.update(birth_date=old_birth).where(Person.id == app.person_id).execute()
        applications_demo.refit_checklists()
    assert RequirementCheck.get_by_id(check.id).state == "ada"


def test_histories_name_demo_staff_of_the_right_role(demo):
    roles = dict(User.select(User.username, User.role).tuples())
    assert set(roles) == {username for username, *_ in seed.STAFF}
    steps = {}
    for event in StepEvent.select(StepEvent, Application).join(Application):
        assert roles.get(event.username) == event.role, (event.username, event.role)
        service_id = event.application.service_id
        if service_id not in steps:
            steps[service_id] = service_catalog.steps_of(Service.get_by_id(service_id))
        if event.action in ("done", "approve", "reject") and steps[service_id]:
            step = steps[service_id][event.step_number - 1]
            assert event.role == acting_role(step.actor), (event.application.reg_number, step.text)
        if event.action == "registered":  # the clerk, or a confidential case's social worker
            assert event.username in ("layanan", "peksos")
            assert event.username == event.application.created_by
    for (username,) in AuditEntry.select(AuditEntry.username).distinct().tuples():
        assert username in roles or username == permissions.SYSTEM.username, username
    for model in (Application, Person, Letter):
        for (created, updated) in model.select(model.created_by, model.updated_by).distinct() \
                .tuples():
            assert {created, updated} <= set(roles), (model.__name__, created, updated)


def test_history_happens_in_working_hours_one_step_after_another(demo):
    calendar = WorkCalendar()
    now = utcnow()
    events = {}
    for event in StepEvent.select().order_by(StepEvent.application, StepEvent.at, StepEvent.id):
        assert _in_working_hours(event.at, calendar), (event.application_id, _local(event.at))
        assert event.at <= now
        events.setdefault(event.application_id, []).append(event)
    for app in Application.select():
        history = events[app.id]
        assert history[0].action == "registered" and history[0].at >= app.received_at
        assert _in_working_hours(app.received_at, calendar), app.reg_number
        numbers = [e.step_number for e in history]
        assert numbers == sorted(numbers), app.reg_number
        if app.closed_at is not None:
            assert app.closed_at == history[-1].at, app.reg_number
    spread = [(h[-1].at - h[0].at) for h in events.values() if len(h) > 3]
    assert max(spread) > datetime.timedelta(days=2)  # a procedure runs over days


def test_letters_move_on_hours_or_days_apart(demo):
    calendar = WorkCalendar()
    letters = list(Letter.select())
    assert letters
    for letter in letters:
        stages = [m for m in (letter.created_at, letter.paraf_at, letter.signed_at,
                              letter.handed_over_at) if m is not None]
        assert stages == sorted(stages), letter.id
        assert all(_in_working_hours(m, calendar) for m in stages), letter.id
        if letter.signed_at is not None:
            assert letter.signed_at - letter.created_at >= datetime.timedelta(hours=1)
        for entry in AuditEntry.select().where((AuditEntry.table_name == "letter")
                                               & (AuditEntry.record_id == letter.id)):
            assert _in_working_hours(entry.at, calendar), (letter.id, entry.action)


def test_the_head_in_the_office_profile_signs_every_letter(demo):
    profile = office.get_profile()
    head = User.get(User.username == "kadis")
    assert (profile.head_name, profile.head_nip, profile.head_rank) == \
        (head.full_name, head.nip, head.rank)
    signed = Letter.select().where(Letter.signed_at.is_null(False))
    assert signed.count() >= 3
    assert {letter.signer_id for letter in signed} == {head.id}


def test_the_demo_window_title_names_pelita_and_the_demo_once(qtbot, demo, monkeypatch):
    from desktop.views.shell import workers
    from desktop.views.shell.main_window import MainWindow
    from desktop.views.shell.session import Session

    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    shown_name = QGuiApplication.applicationDisplayName()
    QGuiApplication.setApplicationDisplayName("Pelita")  # as the app sets it
    try:
        session = Session(User.get(User.username == "kadis"),
                          database.parse_url(demo).describe(), demo)
        window = MainWindow(session, demo=True)
        qtbot.addWidget(window)
        title = window.windowTitle()
        # Qt adds " — <display name>" to a title that does not end with it (X11, Windows)
        shown = title if title.endswith("Pelita") else f"{title} — Pelita"
    finally:
        QGuiApplication.setApplicationDisplayName(shown_name)
    assert shown.count("[DEMO]") == 1 and shown.count("Pelita") == 1, shown
    assert "Dinas Sosial Kota Magelang" in shown


def test_letters_are_drafted_by_who_works_the_case_and_some_come_back(demo):
    drafters = {letter.drafted_by.username for letter in Letter.select()}
    assert drafters == {"layanan", "peksos"}  # the clerk's and the social worker's letters
    returned = list(Letter.select().where(Letter.state == "returned"))
    assert returned and all(letter.return_note for letter in returned)  # the kabid's reason
    assert len({letter.return_note for letter in returned}) == len(returned)  # each its own


SUMMARY = """
import sys
from desktop import database
from desktop.models import Application, Letter
from desktop.services.demo import seed
from desktop.services.shell import schema
database.connect("sqlite:///" + sys.argv[1])
schema.migrate()
seed.fill(size=60)
print([(a.service_id, a.person_id, a.state) for a in Application.select().order_by(Application.id)])
print([(l.application_id, l.state, l.drafted_by_id) for l in Letter.select().order_by(Letter.id)])
"""


def test_the_same_seed_gives_the_same_demo_whatever_the_hash_seed(tmp_path):
    """A reviewer's demo and a test's demo are the same office: no set's order decides it."""
    import os
    import subprocess
    import sys
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        outputs.append(subprocess.run(
            [sys.executable, "-c", SUMMARY, str(tmp_path / f"demo{hash_seed}.db")], env=env,
            capture_output=True, text=True, check=True, timeout=300).stdout)
    assert outputs[0].strip() and outputs[0] == outputs[1]
