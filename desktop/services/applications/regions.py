"""The office's own kecamatan and their kelurahan, from the Kemendagri list
(services/admin/regions) for the regency or city whose NIK code the office profile names. An
address in that region names them from the list; elsewhere, any text."""
import functools
from dataclasses import dataclass

from desktop.errors import ValidationError
from desktop.services.admin import regions as kemendagri


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
    """The city or regency `code` (four digits) with its kecamatan and kelurahan."""
    found = kemendagri.regency(code) if code and len(code) == 4 and code.isdigit() else None
    if found is None:
        return None
    kecamatan = {d.code: d.name for d in kemendagri.districts(code)}
    villages: dict[str, list[str]] = {name: [] for name in kecamatan.values()}
    for village in kemendagri.villages_of_regency(code):
        villages[kecamatan[village.code[:6]]].append(village.name)
    return Region(code=code, name=found.name, aliases=_aliases(found),
                  kecamatan={k: tuple(sorted(v)) for k, v in villages.items()})


def _aliases(found) -> tuple[str, ...]:
    """Other ways staff write the city or regency: Magelang; Kab. Magetan."""
    short = found.short_name
    return (short, f"Kab. {short}", f"Kab {short}") if found.kind == "Kabupaten" else (short,)


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
