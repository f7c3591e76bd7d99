"""The region list (Kepmendagri 2025): its codes are the ones the NIK check knows, and a city
or regency chosen sets the office's NIK prefix, letterhead and time zone."""
import datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.admin import regions
from desktop.services.shared import validators


def test_the_provinces_are_the_ones_the_nik_check_knows():
    assert {p.code for p in regions.provinces()} == validators.PROVINCE_CODES
    assert len(regions.provinces()) == 38


def test_every_city_and_regency_code_is_a_nik_prefix_of_its_province():
    everything = [r for p in regions.provinces() for r in regions.regencies(p.code)]
    assert len(everything) == 514
    for region in everything:
        assert len(region.code) == 4 and region.code[2:] != "00", region
        nik = f"{region.code}011508900001"  # a man born 15 Aug 1990 in its first kecamatan
        assert validators.check_nik(nik, today=datetime.date(2026, 12, 1)).birth_date.year == 1990


def test_the_demo_offices_regions_and_their_kecamatan():
    assert regions.regency("3371").name == "Kota Magelang"
    assert regions.regency("3520").name == "Kabupaten Magetan"
    assert regions.regency("3276").name == "Kota Depok"
    assert [d.name for d in regions.districts("3371")] == [
        "Magelang Selatan", "Magelang Utara", "Magelang Tengah"]
    assert "Rejowinangun Selatan" in [v.name for v in regions.villages("337101")]
    assert all(v.code.startswith("337101") and len(v.code) == 10
               for v in regions.villages("337101"))


@pytest.mark.parametrize("code, values", [
    ("3371", dict(region_code="3371", region_kind="Kota", region_name="Magelang",
                  time_zone="Asia/Jakarta")),
    ("3520", dict(region_code="3520", region_kind="Kabupaten", region_name="Magetan",
                  time_zone="Asia/Jakarta")),
    ("7371", dict(region_code="7371", region_kind="Kota", region_name="Makassar",
                  time_zone="Asia/Makassar")),
    ("9171", dict(region_code="9171", region_kind="Kota", region_name="Jayapura",
                  time_zone="Asia/Jayapura")),
])
def test_a_chosen_region_sets_the_nik_prefix_letterhead_and_time_zone(code, values):
    assert regions.office_region(code) == values


def test_a_nik_from_another_region_is_not_a_resident(sqlite_db):
    from desktop.models import OfficeProfile
    from desktop.services.shared import permissions
    from desktop.services.admin import office
    from desktop.services.schedule import hearse
    from tests.factories import make_user

    admin = make_user("admin", role=permissions.ADMIN)
    office.save_profile(admin, OfficeProfile(), office_name="Dinas Sosial", address="Jl. A 1",
                        unit_code="DINSOS", classification_code="400.9",
                        **regions.office_region("3520"))
    assert office.region_title(office.get_profile()) == "PEMERINTAH KABUPATEN MAGETAN"
    hearse._check_resident("3520011508900001", "NIK")
    with pytest.raises(ValidationError, match="kode wilayah 3371, bukan 3520"):
        hearse._check_resident("3371011508900001", "NIK")
