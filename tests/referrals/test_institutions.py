"""The institutions list on every backend: shipped once, kept by the administrator, each
refusal naming its field; a referral is offered only the active ones that take its group."""
import pytest

from desktop.errors import PermissionDenied, ValidationError, ValidationErrors
from desktop.models import Institution
from desktop.services.referrals import institutions
from desktop.services.shared import permissions

from tests.factories import make_user

RSJ = "Rumah Sakit Jiwa Prof. dr. Soerojo Magelang"


@pytest.fixture
def admin(backend_db):
    institutions.load_shipped()
    return make_user("admin", role=permissions.ADMIN)


def values(**changes):
    base = dict(name="Panti Wreda Budi Luhur", kind="panti", groups=["lansia"],
                leader_title="Ketua", address="Jl. Pahlawan 3", city="Magelang",
                phone="0293-362000", capacity="40")
    base.update(changes)
    return base


def test_the_shipped_list_is_loaded_once_and_the_office_keeps_its_own(admin):
    names = {i.name for i in institutions.listing()}
    assert {RSJ, "RSUD Tidar Kota Magelang", "Rumah Lansia Mulia Karangrejo",
            "Balai Rehabilitasi Sosial Karya Wanita (BRSKW)"} <= names
    assert len(names) == 10
    rsj = Institution.get(Institution.name == RSJ)
    institutions.save(admin, rsj, name=rsj.name, kind="rumah_sakit", groups=["odgj"],
                      leader_title="Direktur", address=rsj.address, city="Kota Magelang",
                      active=False)
    assert institutions.load_shipped() == 0  # nothing added back or overwritten
    assert Institution.get(Institution.name == RSJ).city == "Kota Magelang"


def test_a_referral_is_offered_only_active_institutions_taking_its_group(admin):
    odgj = {i.name for i in institutions.accepting("odgj")}
    assert RSJ in odgj and "Balai Rehabilitasi Sosial Karya Wanita (BRSKW)" not in odgj
    rsj = Institution.get(Institution.name == RSJ)
    institutions.save(admin, rsj, name=rsj.name, kind=rsj.kind, groups=["odgj"],
                      leader_title="Direktur", active=False)
    assert RSJ not in {i.name for i in institutions.accepting("odgj")}
    with pytest.raises(ValidationError) as refused:
        institutions.require_accepting(rsj.id, "odgj")
    assert refused.value.field == "Lembaga rujukan"


def test_an_institution_not_taking_the_group_is_refused_naming_those_that_do(admin):
    brskw = Institution.get(Institution.name.contains("BRSKW"))
    with pytest.raises(ValidationError) as refused:
        institutions.require_accepting(brskw.id, "odgj")
    assert refused.value.field == "Lembaga rujukan"
    assert "tidak menerima" in refused.value.message and RSJ in refused.value.message


def test_the_administrator_adds_one_with_its_groups_and_capacity(admin):
    place = institutions.save(admin, **values())
    assert place.groups == ",lansia," and place.capacity == 40 and place.phone == "0293362000"
    assert institutions.addressee(place) == "Ketua Panti Wreda Budi Luhur"
    assert institutions.service_phrase(place) == "pelayanan sosial dalam panti"


@pytest.mark.parametrize("changes, field", [
    ({"name": " "}, "Nama lembaga"),
    ({"name": RSJ}, "Nama lembaga"),  # already listed
    ({"groups": []}, "Kelompok sasaran"),
    ({"groups": ["pengemis"]}, "Kelompok sasaran"),
    ({"kind": "hotel"}, "Jenis lembaga"),
    ({"capacity": "empat puluh"}, "Kapasitas"),
    ({"capacity": "0"}, "Kapasitas"),
    ({"phone": "12"}, "Telepon"),
    ({"email": "bukan-surel"}, "Pos-el"),
    ({"leader_title": ""}, "Sebutan pimpinan"),
])
def test_bad_input_is_refused_by_field_and_nothing_is_saved(admin, changes, field):
    before = Institution.select().count()
    with pytest.raises(ValidationError) as refused:
        institutions.save(admin, **values(**changes))
    assert refused.value.field == field
    assert Institution.select().count() == before


def test_only_the_administrator_keeps_the_list(admin):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    with pytest.raises(PermissionDenied):
        institutions.save(clerk, **values())


def test_an_empty_form_names_every_required_field_and_saves_nothing(admin):
    before = Institution.select().count()
    with pytest.raises(ValidationErrors) as caught:
        institutions.save(admin, name="", kind="", groups=[], leader_title="")
    assert tuple(e.field for e in caught.value.errors) == institutions.REQUIRED
    assert caught.value.errors[0].reason == "wajib diisi."
    assert Institution.select().count() == before


def test_wrong_values_are_named_together_in_the_form_s_order(admin):
    with pytest.raises(ValidationErrors) as caught:
        institutions.save(admin, **values(name=RSJ, groups=["pengemis"], phone="12",
                                          email="bukan-surel", capacity="0"))
    assert [e.field for e in caught.value.errors] == [
        "Nama lembaga", "Kelompok sasaran", "Telepon", "Pos-el", "Kapasitas"]
