"""Several PCs register the same new NIK at the same moment: one record, the others are offered
it by name, and the NIK never reaches the database server's log."""
import datetime
import glob
import os
import random

from desktop.models import AuditEntry, Person
from desktop.services.applications import people
from desktop.services.shared import permissions
from tests.factories import make_user
from tests.races import run_together

PROCESSES = 6


def fresh_nik() -> str:
    """A valid NIK no earlier run used, so the server log check means something."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=random.randrange(20000))
    return f"337101{born.day:02d}{born.month:02d}{born.year % 100:02d}{random.randrange(1, 9999):04d}"


def _register(url, nik, index, start, results):
    from desktop import database
    from desktop.errors import PelitaError
    from desktop.models import User
    from desktop.services.applications import people

    database.connect(url)
    actor = User.get(User.username == "layanan")
    start.wait()
    try:
        person = people.register_person(
            actor, nik=nik, name=f"Pendaftar {index}", birth_date=people_birth(nik),
            street="Jl. Tidar 1", rt="001", rw="002", kelurahan="Magersari",
            kecamatan="Magelang Selatan", city="Kota Magelang")
        results.put(("ok", person.id, ""))
    except people.DuplicatePerson as exc:
        results.put(("offered", exc.existing.id if exc.existing else None, exc.message))
    except PelitaError as exc:
        results.put(("error", None, exc.message))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("error", None, type(exc).__name__))
    finally:
        database.close()


def people_birth(nik: str) -> datetime.date:
    from desktop.services.shared.validators import check_nik

    return check_nik(nik).birth_date


def _server_log_tail() -> str:
    logs = sorted(glob.glob("/var/log/postgresql/*.log"), key=os.path.getmtime)
    if not logs or not os.access(logs[-1], os.R_OK):
        return ""
    with open(logs[-1], "rb") as fh:
        fh.seek(max(0, os.path.getsize(logs[-1]) - 2_000_000))
        return fh.read().decode("utf-8", "replace")


def test_same_new_nik_on_several_pcs_gives_one_person_and_offers_it(backend_db):
    make_user("layanan", role=permissions.FRONT_OFFICE)
    nik = fresh_nik()
    outcomes = run_together(_register, [(backend_db, nik, i) for i in range(PROCESSES)])
    winners = [o for o in outcomes if o[0] == "ok"]
    offered = [o for o in outcomes if o[0] == "offered"]
    assert len(winners) == 1, outcomes
    assert len(offered) == PROCESSES - 1, outcomes
    winner = Person.get(Person.nik == nik)
    assert all(o[1] == winner.id for o in offered)
    assert all(winner.name in o[2] and o[2].startswith("NIK:") for o in offered)
    assert Person.select().where(Person.nik == nik).count() == 1
    assert AuditEntry.select().where((AuditEntry.table_name == "person")
                                     & (AuditEntry.action == "create")).count() == 1
    if backend_db.startswith("postgresql"):
        assert nik not in _server_log_tail()


def test_registering_a_known_nik_offers_the_person(backend_db):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    nik = fresh_nik()
    values = dict(birth_date=people_birth(nik), street="Jl. Tidar 1", rt="001", rw="002",
                  kelurahan="Magersari", kecamatan="Magelang Selatan", city="Kota Magelang")
    first = people.register_person(clerk, nik=nik, name="Pertama", **values)
    try:
        people.register_person(clerk, nik=nik, name="Kedua", **values)
    except people.DuplicatePerson as exc:
        assert exc.existing.id == first.id and "Pertama" in exc.message
    else:
        raise AssertionError("a second person with the same NIK was saved")
