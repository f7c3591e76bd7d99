"""Registration numbers stay unique and gap-free when many PCs register at the same moment."""
from desktop.models import Application, Counter
from desktop.services.catalog import service_catalog
from desktop.services.shared import numbering, permissions
from tests.factories import make_person, make_user
from tests.races import run_together

PROCESSES = 8
EACH = 5


def _register_many(url, person_id, start_event, results):
    from desktop import database
    from desktop.models import Person, User
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog

    database.connect(url)
    clerk = User.get(User.username == "layanan")
    service = service_catalog.get("dpk-slrt")
    person = Person.get_by_id(person_id)
    start_event.wait()
    numbers = [workflow.register(clerk, service, person=person).reg_number
               for _ in range(EACH)]
    database.close()
    results.put(numbers)


def test_concurrent_registrations_get_unique_gap_free_numbers(backend_db):
    service_catalog.load_shipped()
    make_user("layanan", role=permissions.FRONT_OFFICE)
    person = make_person()
    outcomes = run_together(_register_many, [(backend_db, person.id)] * PROCESSES, timeout=120)
    numbers = [n for outcome in outcomes for n in outcome]
    sequences = sorted(int(n.split("/")[0]) for n in numbers)
    assert sequences == list(range(1, PROCESSES * EACH + 1))
    assert Application.select().count() == PROCESSES * EACH
    assert Counter.get(Counter.series == "registrasi").value == PROCESSES * EACH


def test_numbers_per_series_and_year(backend_db):
    assert numbering.next_value("a", 2026) == 1
    assert numbering.next_value("a", 2026) == 2
    assert numbering.next_value("a", 2027) == 1
    assert numbering.next_value("b", 2026) == 1
    assert numbering.format_pattern("{seq:04d}/{roman}/{year}", seq=7, year=2026,
                                    month=11) == "0007/XI/2026"
