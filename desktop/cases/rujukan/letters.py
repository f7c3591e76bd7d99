"""What a referral gives its letter: the person's group and condition from the assessment, and
the institution by its own name, kind and head ('Direktur Rumah Sakit Jiwa ...', not a
'balai'), with the companion on a Pendampingan."""
from desktop.services.referrals import institutions

NAMES = ("target_group", "destination_name", "destination_address", "referral_service",
         "condition", "guardian_name", "companion_name", "addressee", "addressee_place")


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
