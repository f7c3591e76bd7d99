"""The first run of a new office: nothing written before the end, then the profile, the chosen
service standards (the rest inactive) and the first administrator together; a second PC
finishing on the same database is told so, with nothing written twice."""
import pytest

from desktop import database
from desktop.errors import ValidationError
from desktop.models import OfficeProfile, Service, User
from desktop.services.admin import office
from desktop.services.catalog import service_catalog
from desktop.services.shell import first_run, schema
from tests.races import run_together

MAGELANG, MAGETAN, DEPOK = ("Dinas Sosial Kota Magelang", "Dinas Sosial Kabupaten Magetan",
                            "Dinas Sosial Kota Depok")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def setup(**changes) -> first_run.OfficeSetup:
    values = dict(regency_code="3520", address="Jl. Tripandita No. 17, Magetan",
                  phone="(0351) 895 000", standards=[MAGETAN], emblem=PNG)
    values.update(changes)
    return first_run.OfficeSetup(**values)


@pytest.fixture
def empty_db(tmp_path):
    url = "sqlite:///" + str(tmp_path / "baru.db")
    database.connect(url)
    assert schema.status().state == "empty"
    yield url
    database.close()


def test_the_standards_offered_are_the_shipped_offices():
    offered = {s.source_office: s.services for s in first_run.standards()}
    assert offered == {MAGELANG: 11, MAGETAN: 28, DEPOK: 1}


def test_only_the_chosen_standard_s_services_are_active(empty_db):
    admin = first_run.set_up(setup(), "admin", "Sri Wahyuni", "magetan-2026")
    assert admin.role == "administrator" and User.select().count() == 1
    active = {s.source_office for s in Service.select().where(Service.active)}
    assert active == {MAGETAN}
    assert Service.select().where(Service.active).count() == 28
    assert Service.select().count() == 40  # the others kept, to turn on later
    profile = office.get_profile()
    assert (profile.region_code, profile.region_kind, profile.region_name) == (
        "3520", "Kabupaten", "Magetan")
    assert office.region_title(profile) == "PEMERINTAH KABUPATEN MAGETAN"
    assert profile.time_zone == "Asia/Jakarta" and bytes(profile.emblem) == PNG


def test_several_standards_or_an_empty_catalog(tmp_path):
    for name, chosen, expected in (("dua", [MAGELANG, DEPOK], 12), ("kosong", [], 0)):
        database.connect("sqlite:///" + str(tmp_path / f"{name}.db"))
        first_run.set_up(setup(standards=chosen), "admin", "Sri Wahyuni", "magetan-2026")
        assert Service.select().where(Service.active).count() == expected
        database.close()


@pytest.mark.parametrize("changes, field", [
    (dict(regency_code=""), "Kota/kabupaten"),
    (dict(address=""), "Alamat"),
    (dict(emblem=b"GIF89a not a png"), "Lambang daerah"),
    (dict(standards=["Dinas Sosial Kota Antah"]), "Standar pelayanan"),
])
def test_an_incomplete_step_is_refused_and_nothing_is_written(empty_db, changes, field):
    with pytest.raises(ValidationError) as refused:
        first_run.set_up(setup(**changes), "admin", "Sri Wahyuni", "magetan-2026")
    assert refused.value.field == field
    assert schema.status().state == "empty"


@pytest.mark.parametrize("password, repeated, field", [
    ("pendek1", "pendek1", "Kata sandi"), ("tanpaangka", "tanpaangka", "Kata sandi"),
    ("magetan-2026", "magetan-2025", "Ulangi kata sandi")])
def test_a_weak_administrator_password_is_refused_before_anything_exists(
        empty_db, password, repeated, field):
    with pytest.raises(ValidationError) as refused:
        first_run.check_admin("admin", "Sri Wahyuni", password, repeated)
    assert refused.value.field == field
    assert schema.status().state == "empty"


def test_a_second_pc_finishing_later_is_told_and_writes_nothing(empty_db):
    first_run.set_up(setup(), "admin", "Sri Wahyuni", "magetan-2026")
    assert first_run.is_set_up()
    with pytest.raises(first_run.AlreadySetUp, match="PC lain"):
        first_run.set_up(setup(regency_code="3371"), "admin2", "Budi", "magelang-2026")
    assert User.select().count() == 1 and OfficeProfile.select().count() == 1
    assert office.get_profile().region_code == "3520"


def _set_up_at_once(url, username, start, results):
    from desktop import database
    from desktop.errors import PelitaError
    from desktop.services.shell import first_run

    database.connect(url)
    start.wait()
    try:
        first_run.set_up(setup(), username, "Admin " + username, "kantor-2026")
        results.put("ok")
    except PelitaError as exc:
        results.put(type(exc).__name__)
    database.close()


def test_two_pcs_finishing_at_the_same_moment_make_one_office(backend_db):
    # The migrated test database as a server's new one: tables and catalog, no office yet.
    service_catalog.load_shipped()
    database.close()
    outcomes = run_together(_set_up_at_once, [(backend_db, "admin"), (backend_db, "tata")])
    database.connect(backend_db)
    assert sorted(outcomes)[0] == "AlreadySetUp" and outcomes.count("ok") == 1, outcomes
    assert User.select().count() == 1 and OfficeProfile.select().count() == 1


def test_an_administrator_runs_it_again_for_the_profile_and_catalog(empty_db):
    admin = first_run.set_up(setup(), "admin", "Sri Wahyuni", "magetan-2026")
    assert first_run.chosen_standards() == [MAGETAN]
    first_run.reconfigure(admin, setup(standards=[MAGELANG, MAGETAN], phone="0351 1"))
    assert first_run.chosen_standards() == [MAGELANG, MAGETAN]
    assert office.get_profile().phone == "0351 1"
    assert OfficeProfile.select().count() == 1
