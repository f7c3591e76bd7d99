"""The office's own kecamatan and their kelurahan, shipped as resources/regions/<code>.json
for the regency or city whose NIK code the office profile names. An address in that region
names them from the list; without a list (another region, or none shipped), any text."""
import functools
import json
from dataclasses import dataclass

from desktop import data_files
from desktop.errors import ValidationError

REGIONS_DIR = data_files.resource("regions")


def _key(text: str) -> str:
    return " ".join((text or "").lower().split())


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # "Kota Magelang"
    aliases: tuple[str, ...]  # other ways staff write the city: "Magelang"
    kecamatan: dict[str, tuple[str, ...]]  # kecamatan: its kelurahan

    def kelurahan(self, kecamatan: str = "") -> list[str]:
        """Every kelurahan, or those of `kecamatan` when it is one of the list."""
        wanted = self.find_kecamatan(kecamatan)
        return sorted(k for kec, names in self.kecamatan.items() if wanted in (None, kec)
                      for k in names)

    def find_kecamatan(self, text: str) -> str | None:
        return next((k for k in self.kecamatan if _key(k) == _key(text)), None)

    def find_kelurahan(self, text: str) -> tuple[str, str] | None:
        """(kelurahan, its kecamatan) as the list writes them."""
        return next(((k, kec) for kec, names in self.kecamatan.items() for k in names
                     if _key(k) == _key(text)), None)

    def covers(self, city: str) -> bool:
        """An address with this city (or none) lies in the region."""
        return _key(city) in {"", _key(self.name), *map(_key, self.aliases)}


@functools.cache
def load(code: str) -> Region | None:
    path = REGIONS_DIR / f"{code}.json"
    if not code or not code.isdigit() or not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Region(code=data["code"], name=data["name"], aliases=tuple(data.get("aliases", ())),
                  kecamatan={k: tuple(v) for k, v in data["kecamatan"].items()})


def office_region() -> Region | None:
    """The list for the office profile's region code, if one is shipped."""
    from desktop.services.admin import office

    return load(office.get_profile().region_code or "")


def check_place(kelurahan: str, kecamatan: str, city: str,
                region: Region | None = None) -> dict:
    """{kelurahan, kecamatan, city} as the region's list writes them; refused when an address
    in the office's region names a place not in its list. Elsewhere, as typed."""
    region = region or office_region()
    typed = {"kelurahan": kelurahan or "", "kecamatan": kecamatan or "", "city": city or ""}
    if region is None or not region.covers(city) or not (kelurahan or kecamatan):
        return typed
    outside = (f"pilih dari daftar, atau isi Kota/kabupaten bila alamatnya di luar "
               f"{region.name}.")
    kec = region.find_kecamatan(kecamatan) if kecamatan else None
    if kecamatan and kec is None:
        raise ValidationError("Kecamatan", f"'{kecamatan.strip()}' bukan kecamatan di "
                              f"{region.name}; {outside}")
    found = region.find_kelurahan(kelurahan) if kelurahan else None
    if kelurahan and found is None:
        raise ValidationError("Kelurahan", f"'{kelurahan.strip()}' bukan kelurahan di "
                              f"{region.name}; {outside}")
    if found is not None:
        if kec is not None and kec != found[1]:
            raise ValidationError("Kecamatan", f"Kelurahan {found[0]} ada di Kecamatan "
                                  f"{found[1]}, bukan {kec}.")
        kec = found[1]
    return {"kelurahan": found[0] if found else "", "kecamatan": kec,
            "city": typed["city"].strip() or region.name}
