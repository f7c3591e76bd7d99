"""Kelurahan and kecamatan of the office's region: from the Kemendagri list for any office's
region code, typed text completing in the form, refused by the service when not in the list;
free text elsewhere."""
import datetime

import pytest
from PySide6.QtCore import Qt

from desktop.errors import ValidationError
from desktop.services.admin import office
from desktop.services.applications import people, regions
from desktop.services.shared import permissions
from desktop.views.applications.person_form import PersonForm
from tests.factories import make_person

PROFILE = dict(office_name="Dinas Sosial", region_kind="Kota", region_name="Magelang",
               address="Jl. Jenderal Sudirman No. 46", unit_code="Dinsos",
               classification_code="400.9")


@pytest.fixture
def magelang(sqlite_db):
    """The demo's office: Kota Magelang, NIK code 3371."""
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE, region_code="3371")
    return regions.office_region()


def test_the_shipped_list_of_kota_magelang(magelang):
    assert magelang.name == "Kota Magelang"
    assert sorted(magelang.kecamatan) == ["Magelang Selatan", "Magelang Tengah",
                                          "Magelang Utara"]
    assert len(magelang.kelurahan()) == 17
    assert magelang.kelurahan("magelang utara") == ["Kedungsari", "Kramat Selatan",
                                                    "Kramat Utara", "Potrobangsan", "Wates"]


def test_a_place_in_the_region_is_written_as_the_list_writes_it(magelang):
    person = make_person(kelurahan="  kemirirejo ", kecamatan="", city="")
    assert (person.kelurahan, person.kecamatan, person.city) == \
        ("Kemirirejo", "Magelang Tengah", "Kota Magelang")


@pytest.mark.parametrize("place, field, words", [
    (dict(kelurahan="Kiringan"), "Kelurahan", "'Kiringan' bukan kelurahan di Kota Magelang"),
    (dict(kelurahan="", kecamatan="Mertoyudan"), "Kecamatan", "'Mertoyudan' bukan kecamatan"),
    (dict(kelurahan="Cacaban", kecamatan="Magelang Utara"), "Kecamatan",
     "Kelurahan Cacaban ada di Kecamatan Magelang Tengah, bukan Magelang Utara."),
])
def test_a_name_not_in_the_list_is_refused(magelang, place, field, words):
    with pytest.raises(ValidationError) as refused:
        make_person(**{"kecamatan": "", **place})
    assert refused.value.field == field and words in refused.value.message
    assert "isi Kota/kabupaten bila alamatnya di luar" in refused.value.message \
        or field == "Kecamatan"
    assert people.find_by_nik("3371011503850001") is None


def test_any_office_s_region_has_its_own_list(sqlite_db):
    """Kabupaten Magetan (3520): its 18 kecamatan and their desa, not Kota Magelang's."""
    office.save_profile(permissions.SYSTEM, office.get_profile(),
                        **{**PROFILE, "region_kind": "Kabupaten", "region_name": "Magetan"},
                        region_code="3520")
    magetan = regions.office_region()
    assert magetan.name == "Kabupaten Magetan" and len(magetan.kecamatan) == 18
    assert "Poncol" in magetan.kecamatan and "Magelang Utara" not in magetan.kecamatan
    assert all(magetan.kelurahan(kec) for kec in magetan.kecamatan)
    assert magetan.covers("Kab. Magetan") and magetan.covers("magetan")
    assert not magetan.covers("Kota Magelang")
    place = regions.check_place("", "poncol", "Kabupaten Magetan")
    assert place == {"kelurahan": "", "kecamatan": "Poncol", "city": "Kabupaten Magetan"}


def test_other_regions_and_offices_without_a_list_keep_free_text(sqlite_db):
    assert regions.office_region() is None  # no profile yet
    assert make_person(kelurahan="Kiringan", kecamatan="X").kelurahan == "Kiringan"
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE, region_code="3371")
    # An address in another regency: the Kota Magelang list does not apply.
    other = make_person(nik="3308014107900001", birth_date=datetime.date(1990, 7, 1), sex="P",
                        kelurahan="Mertoyudan", kecamatan="Mertoyudan",
                        city="Kabupaten Magelang")
    assert other.kelurahan == "Mertoyudan"


def test_the_form_completes_typed_text_and_fills_the_kecamatan(qtbot, magelang):
    form = PersonForm()
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)  # focus moves, as at the desk
    kelurahan, kecamatan = form.kelurahan_edit, form.kecamatan_edit
    assert kelurahan.isEditable() and kelurahan.count() == 17
    completer = kelurahan.completer()
    completer.setCompletionPrefix("rejo")  # any part of the name, any case
    shown = completer.completionModel()
    assert [shown.index(i, 0).data() for i in range(shown.rowCount())] == \
        ["Kemirirejo", "Rejowinangun Selatan", "Rejowinangun Utara"]
    kelurahan.setFocus()
    qtbot.keyClicks(kelurahan.lineEdit(), "wates")
    assert form.values()["kecamatan"] == "Magelang Utara"  # set as soon as the name is whole
    qtbot.keyClick(kelurahan.lineEdit(), Qt.Key.Key_Return)  # chosen: as the list writes it
    assert form.values()["kelurahan"] == "Wates"
    assert form.values()["city"] == "Kota Magelang"
    assert kelurahan.count() == 5  # the kecamatan narrows the list
    # A kecamatan chosen first offers its own kelurahan only.
    kecamatan.setText("")
    kecamatan.setText("Magelang Selatan")
    kecamatan.activated.emit(0)
    assert kelurahan.count() == 6 and kelurahan.findText("Jurangombo Utara") >= 0
    kelurahan.setText("Tidak Ada")  # typed text not in the list stays typed: the service says
    assert form.values()["kelurahan"] == "Tidak Ada"


def test_without_a_list_the_form_takes_free_text(qtbot, sqlite_db):
    form = PersonForm()
    qtbot.addWidget(form)
    assert form.kelurahan_edit.count() == 0
    form.kelurahan_edit.setText("Kiringan")
    assert form.values()["kelurahan"] == "Kiringan"


def test_an_address_saved_before_the_list_is_checked_only_once_changed(magelang):
    from desktop.models import Person

    person = make_person()
    Person.update(kelurahan="Kiringan").where(Person.id == person.id).execute()  # as typed then
    person = people.update_person(permissions.SYSTEM, Person.get_by_id(person.id),
                                  phone="08111111111")
    assert person.phone == "08111111111" and person.kelurahan == "Kiringan"
    with pytest.raises(ValidationError) as refused:
        people.update_person(permissions.SYSTEM, person, kelurahan="Kiringan", street="Jl. 1")
    assert refused.value.field == "Kelurahan"


def test_a_name_two_kecamatan_share_is_told_apart_by_the_kecamatan(sqlite_db):
    """Kabupaten Magelang has a Kebonrejo in Salaman and one in Candimulyo."""
    magelang = regions.load("3308")
    assert sorted(kec for _, kec in magelang.places("kebonrejo")) == ["Candimulyo", "Salaman"]
    assert magelang.kelurahan().count("Kebonrejo") == 1  # listed once
    assert regions.check_place("Kebonrejo", "candimulyo", "", region=magelang)["kecamatan"] \
        == "Candimulyo"
    with pytest.raises(ValidationError) as refused:
        regions.check_place("Kebonrejo", "", "", region=magelang)  # which one?
    assert refused.value.field == "Kecamatan" and "isi kecamatannya" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        regions.check_place("Kebonrejo", "Mertoyudan", "", region=magelang)
    assert "bukan Mertoyudan" in refused.value.message
