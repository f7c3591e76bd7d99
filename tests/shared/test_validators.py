import datetime

import pytest

from desktop.errors import ValidationError
from desktop.services.shared.validators import check_nik, check_nip

TODAY = datetime.date(2026, 11, 25)


def test_valid_nip_parts():
    info = check_nip("198503152010012003", today=TODAY)
    assert info.birth_date == datetime.date(1985, 3, 15)
    assert info.appointed == (2010, 1) and info.sex == "P"


@pytest.mark.parametrize("nip, fragment", [
    ("19850315201001200", "18 angka"),
    ("19850315201001200X", "18 angka"),
    ("198513152010012003", "tanggal lahir"),
    ("198503152010132003", "pengangkatan"),
    ("198503151990012003", "pengangkatan"),  # appointed at 4
    ("198503152010013003", "angka ke-15"),
    ("198503152010012000", "nomor urut"),
])
def test_invalid_nip_names_the_problem(nip, fragment):
    with pytest.raises(ValidationError) as caught:
        check_nip(nip, today=TODAY)
    assert caught.value.field == "NIP" and fragment in caught.value.reason


def test_nik_decodes_birth_date_sex_and_century():
    male = check_nik("3371011503850001", today=TODAY)
    assert male.birth_date == datetime.date(1985, 3, 15) and male.sex == "L"
    female = check_nik("3371015503100002", today=TODAY)
    assert female.birth_date == datetime.date(2010, 3, 15) and female.sex == "P"


@pytest.mark.parametrize("nik, fragment", [
    ("337101150385", "16 angka"),
    ("9971011503850001", "provinsi"),
    ("3300011503850001", "kecamatan"),
    ("3371013102850001", "tanggal lahir"),
    ("3371011512260001", "masa depan"),
    ("3371011503850000", "nomor urut"),
])
def test_invalid_nik(nik, fragment):
    with pytest.raises(ValidationError) as caught:
        check_nik(nik, today=TODAY)
    assert fragment in caught.value.reason
