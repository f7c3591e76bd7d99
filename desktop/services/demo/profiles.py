"""Who applies for each demo service, read from the catalog's own words: children for the child
services, the elderly for the elderly's, organisations for the institutional ones."""
import re
from dataclasses import dataclass

from desktop.models import Service


@dataclass(frozen=True)
class Profile:
    kind: str  # anak, lansia, dewasa, lembaga
    min_age: int = 0
    max_age: int = 0


CHILD = Profile("anak", 12, 17)  # ABH's own path starts at 12; its demo adds one younger
STREET_CHILD = Profile("anak", 7, 17)
ELDERLY = Profile("lansia", 60, 88)
ADOPTIVE_PARENT = Profile("dewasa", 31, 50)  # COTA: 30 to 55, married five years
ADULT = Profile("dewasa", 18, 85)
INSTITUTION = Profile("lembaga")

# (words in the service's code, name or requirements, profile): the first match wins, so the
# adoption's parents come before its child and the child services before the elderly.
RULES = (
    (("pengangkatan anak", "adopsi"), ADOPTIVE_PARENT),
    (("-abh", "anak bermasalah hukum", "anak berhadapan dengan hukum", "usia anak"), CHILD),
    (("anak jalanan", "anak terlantar"), STREET_CHILD),
    (("lansia", "lanjut usia", "werdha"), ELDERLY),
)
INSTITUTION_CATEGORIES = ("Kelembagaan", "Perizinan")


def profile_of(service: Service, requirement_texts: list[str] = ()) -> Profile:
    if service.category in INSTITUTION_CATEGORIES:
        return INSTITUTION
    words = " ".join([service.code, service.name, *requirement_texts]).lower()
    for phrases, profile in RULES:
        if any(phrase in words for phrase in phrases):
            return profile
    return ADULT


# A requirement on the applicant's own age, in the catalog's words: (pattern, bounds of the
# match). "Belum berusia 18 tahun" is the adopted child's, not the applicant's: left out.
AGE_TERMS = (
    (re.compile(r"paling rendah (\d+) tahun, paling tinggi (\d+) tahun"),
     lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"usia anak \(kurang dari (\d+) tahun\)"), lambda m: (0, int(m[1]) - 1)),
)


def age_bounds(requirement_text: str) -> tuple[int, int] | None:
    """(youngest, oldest) an applicant may be to meet the requirement, if it is about age."""
    text = requirement_text.lower()
    for pattern, bounds in AGE_TERMS:
        found = pattern.search(text)
        if found:
            return bounds(found)
    return None
