"""Applicants: NIK checked against what was typed, one record per NIK, search by prefix."""
import datetime

import pytest

from desktop.errors import ValidationError
from desktop.models import Person
from desktop.services.applications import people
from desktop.services.shared import permissions
from tests.factories import make_person

D = datetime.date


def test_register_and_find_by_nik(backend_db):
    person = make_person()
    assert people.find_by_nik("3371 0115 0385 0001").id == person.id
    assert person.name_key == "agus prasetyo"


@pytest.mark.parametrize("values, field", [
    (dict(nik="33710115038500"), "NIK"),
    (dict(nik="9971011503850001"), "NIK"),
    (dict(birth_date=D(1985, 3, 16)), "Tanggal lahir"),
    (dict(sex="P"), "Jenis kelamin"),
    (dict(birth_date=D(2999, 1, 1)), "Tanggal lahir"),
    (dict(name=""), "Nama lengkap"),
    (dict(kk_number="123"), "No. KK"),
    (dict(kk_number="3471010101010001"), "No. KK"),
    (dict(phone="08xx"), "Telepon/WhatsApp"),
    (dict(rt="12345"), "RT"),
])
def test_bad_person_input_is_refused_naming_the_field(backend_db, values, field):
    with pytest.raises(ValidationError) as caught:
        make_person(**values)
    assert caught.value.field == field
    assert not Person.select().exists()


def test_one_record_per_nik(backend_db):
    make_person()
    with pytest.raises(ValidationError) as caught:
        make_person(name="Orang Lain")
    assert "Agus Prasetyo" in caught.value.reason


def test_women_have_forty_added_to_the_day(backend_db):
    person = make_person(nik="3371015503100002", name="Siti Rahayu", birth_date=D(2010, 3, 15),
                         sex="P")
    assert person.sex == "P"


def test_undocumented_person_then_completed(backend_db):
    person = people.register_person(permissions.SYSTEM, documented=False, name="Mr. X",
                                    identity_note="Tanpa identitas, ditemukan di terminal")
    assert person.nik is None
    people.register_person(permissions.SYSTEM, documented=False, name="Mrs. Y",
                           identity_note="Tanpa identitas")
    with pytest.raises(ValidationError) as caught:
        people.register_person(permissions.SYSTEM, documented=False, name="Z")
    assert caught.value.field == "Keterangan identitas"
    done = people.update_person(permissions.SYSTEM, person, nik="3371011503850001",
                                name="Agus Prasetyo", birth_date=D(1985, 3, 15))
    assert done.nik == "3371011503850001" and done.version == 2


def test_prefix_search_by_nik_and_name(backend_db):
    make_person()
    make_person(nik="3371015503100002", name="Siti Rahayu", birth_date=D(2010, 3, 15), sex="P")
    make_person(nik="3371020101900003", name="Siti Aminah", birth_date=D(1990, 1, 1))
    assert [p.name for p in people.search_people(permissions.SYSTEM, "siti")] == ["Siti Aminah", "Siti Rahayu"]
    assert [p.name for p in people.search_people(permissions.SYSTEM, "337102")] == ["Siti Aminah"]
    assert people.search_people(permissions.SYSTEM, "zzz") == []


@pytest.mark.parametrize("documented, at_desk", [(True, True), (True, False), (False, True)])
def test_required_fields_names_what_registering_refuses_empty(backend_db, documented, at_desk):
    from desktop.errors import ValidationErrors

    asked = people.required_fields(documented, at_desk)
    assert asked == ((people.DESK_REQUIRED if at_desk else people.REQUIRED) if documented
                     else ("Nama lengkap", "Keterangan identitas"))
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        people.register_person(permissions.SYSTEM, documented=documented, at_desk=at_desk)
    errors = getattr(caught.value, "errors", [caught.value])
    assert {e.field for e in errors} == set(asked)
