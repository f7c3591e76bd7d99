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
        """Every kelurahan, or those of `kecamatan` when it is one of the list; a name two
        kecamatan share is listed once."""
        wanted = self.find_kecamatan(kecamatan)
        return sorted({k for kec, names in self.kecamatan.items() if wanted in (None, kec)
                       for k in names})

    def find_kecamatan(self, text: str) -> str | None:
        return next((k for k in self.kecamatan if _key(k) == _key(text)), None)

    def places(self, text: str) -> list[tuple[str, str]]:
        """Every (kelurahan, its kecamatan) of that name: a regency may have several
        (Kabupaten Magelang has 30 such names)."""
        return [(k, kec) for kec, names in self.kecamatan.items() for k in names
                if _key(k) == _key(text)]

    def find_kelurahan(self, text: str, kecamatan: str = "") -> tuple[str, str] | None:
        """(kelurahan, its kecamatan) as the list writes them: the one in `kecamatan`, or the
        only one of the name; None when there is none or the kecamatan must say which."""
        found = self.places(text)
        kec = self.find_kecamatan(kecamatan) if kecamatan else None
        inside = [place for place in found if place[1] == kec]
        if inside:
            return inside[0]
        return found[0] if len(found) == 1 and kec is None else None

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
    places = region.places(kelurahan) if kelurahan else []
    if kelurahan and not places:
        raise ValidationError("Kelurahan", f"'{kelurahan.strip()}' bukan kelurahan di "
                              f"{region.name}; {outside}")
    found = region.find_kelurahan(kelurahan, kec or "") if places else None
    if places and found is None:
        where = ", ".join(place[1] for place in places)
        if kec is not None:
            raise ValidationError("Kecamatan", f"Kelurahan {places[0][0]} ada di Kecamatan "
                                  f"{where}, bukan {kec}.")
        raise ValidationError("Kecamatan", f"Kelurahan {places[0][0]} ada di beberapa "
                              f"kecamatan ({where}): isi kecamatannya.")
    if found is not None:
        kec = found[1]
    return {"kelurahan": found[0] if found else "", "kecamatan": kec,
            "city": typed["city"].strip() or region.name}
