"""What a referral gives its letter: the person's group and condition from the assessment, and
the institution by its own name, kind and head ('Direktur Rumah Sakit Jiwa ...', not a
'balai'), with the companion on a Pendampingan."""
from desktop.cases.rujukan.record import GROUP_OF_SERVICE, TEMPLATE
from desktop.services.admin import settings
from desktop.services.referrals import institutions

NAMES = ("target_group", "destination_name", "destination_address", "referral_service",
         "condition", "guardian_name", "companion_name", "addressee", "addressee_place")


# The archive series of a referral by its group (Permendagri 83/2022's social affairs codes,
# settings): children's welfare, the elderly, tuna sosial; the others rehabilitation.
GROUP_CLASSIFICATION = {"anak": "letters.classification_child",
                        "lansia": "letters.classification_elderly",
                        "tuna_susila": "letters.classification_tuna_sosial"}


def classification(application, template_key: str) -> str | None:
    group = GROUP_OF_SERVICE.get(application.service.code)
    key = GROUP_CLASSIFICATION.get(group) if template_key == TEMPLATE else None
    return settings.get(key) if key else None


def fill(application, case) -> dict:
    if case is None:
        return {}
    condition = case.findings + (f" Kebutuhan: {case.needs}" if case.needs else "")
    values = {"target_group": institutions.GROUP_PHRASES[case.target_group], "condition": condition,
              "guardian_name": case.guardian, "companion_name": case.companions}
    if case.institution_id:
        place = case.institution
        address = ", ".join(p for p in (place.address, place.city) if p)
        values.update(destination_name=place.name, destination_address=address,
                      referral_service=institutions.service_phrase(place),
                      addressee=institutions.addressee(place),
                      addressee_place=place.city or "Tempat")
    return values
