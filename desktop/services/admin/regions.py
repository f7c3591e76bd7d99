"""Indonesia's regions with their Kemendagri codes (resources/regions.json.gz, built by
scripts/build_regions.py): provinces, cities and regencies, kecamatan, kelurahan/desa. A city's
or regency's four-digit code is the prefix of its residents' NIK; its province gives the
office's time zone."""
import functools
import gzip
import json
from dataclasses import dataclass

from desktop import data_files

REGIONS_FILE = data_files.resource("regions.json.gz")

# Provinces by their code's first digit, as UU 14/2024's zones fall: Sumatra, Java and the
# west and centre of Kalimantan on WIB; Bali, Nusa Tenggara, the rest of Kalimantan and
# Sulawesi on WITA; Maluku and Papua on WIT.
WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT_FIRST_DIGITS = {"8", "9"}


@dataclass(frozen=True)
class Region:
    code: str
    name: str

    @property
    def kind(self) -> str:
        """Kota or Kabupaten, for a city or regency ("Kota Administrasi …" in Jakarta too)."""
        return "Kabupaten" if self.name.startswith("Kabupaten") else "Kota"

    @property
    def short_name(self) -> str:
        """Magelang for Kota Magelang: the name the letterhead puts after its kind."""
        for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
            if self.name.startswith(prefix):
                return self.name[len(prefix):]
        return self.name


@functools.cache
def _data() -> dict[str, list[list[str]]]:
    """[code, name] pairs per level, sorted by code (90,000 of them: Regions made on demand)."""
    with gzip.open(REGIONS_FILE, "rt", encoding="utf-8") as source:
        return json.load(source)


def _under(level: str, parent_code: str) -> list[Region]:
    return [Region(code, name) for code, name in _data()[level] if code.startswith(parent_code)]


def provinces() -> list[Region]:
    return _under("provinces", "")


def regencies(province_code: str) -> list[Region]:
    """The cities and regencies of a province, by their code."""
    return _under("regencies", province_code) if len(province_code) == 2 else []


def districts(regency_code: str) -> list[Region]:
    """The kecamatan of a city or regency."""
    return _under("districts", regency_code) if len(regency_code) == 4 else []


def villages(district_code: str) -> list[Region]:
    """The kelurahan and desa of a kecamatan."""
    return _under("villages", district_code) if len(district_code) == 6 else []


def villages_of_regency(regency_code: str) -> list[Region]:
    """Every kelurahan and desa of a city or regency, in one pass over the list."""
    return _under("villages", regency_code) if len(regency_code) == 4 else []


def regency(code: str) -> Region | None:
    return next((Region(c, name) for c, name in _data()["regencies"] if c == code), None)


def time_zone(province_code: str) -> str:
    """The IANA zone of a province (timefmt.TIME_ZONES names them WIB, WITA, WIT)."""
    if province_code[:1] in WIT_FIRST_DIGITS:
        return "Asia/Jayapura"
    return "Asia/Makassar" if province_code in WITA_PROVINCES else "Asia/Jakarta"


def office_region(regency_code: str) -> dict:
    """The office profile's values a city or regency sets: the NIK prefix residents' checks
    compare, the letterhead's "PEMERINTAH KOTA …" and the default time zone."""
    found = regency(regency_code)
    if found is None:
        return {}
    return dict(region_code=found.code, region_kind=found.kind, region_name=found.short_name,
                time_zone=time_zone(found.code[:2]))
