"""The office profile's service on every backend: an empty profile names every required
field in the form's order, wrong values are named together, and nothing is saved."""
import pytest

from desktop.errors import ValidationErrors
from desktop.models import OfficeProfile
from desktop.services.admin import office
from desktop.services.shared import permissions
from tests.factories import make_user

KEYS = ("office_name", "region_kind", "region_name", "address", "phone", "email", "website",
        "time_zone", "head_name", "head_rank", "head_nip", "classification_code", "unit_code",
        "region_code")


@pytest.fixture
def admin(backend_db):
    return make_user("admin", role=permissions.ADMIN)


def _fields(admin, **values) -> list[str]:
    with pytest.raises(ValidationErrors) as caught:
        office.save_profile(admin, office.get_profile(), **values)
    return [error.field for error in caught.value.errors]


def test_an_empty_profile_names_every_required_field_and_saves_nothing(admin):
    empty = {key: "" for key in KEYS}
    fields = _fields(admin, **{**empty, "region_kind": "Kota", "time_zone": "Asia/Jakarta"})
    assert tuple(fields) == office.REQUIRED == (
        "Nama dinas", "Nama kota/kabupaten", "Alamat", "Kode klasifikasi", "Kode unit")
    assert OfficeProfile.select().count() == 0


def test_wrong_values_are_named_together_in_the_form_s_order(admin):
    fields = _fields(admin, office_name="Dinas Sosial", region_kind="Desa",
                     region_name="Magelang", address="Jl. Sudirman 1", email="bukan-email",
                     time_zone="UTC", head_nip="123", classification_code="400.9",
                     unit_code="Dinsos", region_code="33", emblem=b"GIF89a")
    assert fields == ["Jenis daerah", "E-mail", "Zona waktu", "NIP kepala dinas",
                      "Kode wilayah (NIK)", "Lambang daerah"]
    assert OfficeProfile.select().count() == 0
