"""What the case gives its two letters: the journey home (to the transport operator), and
the medical referral (to the hospital, by its own name and head)."""
from desktop.services.letters import catalogue, formatting
from desktop.services.referrals import institutions
from desktop.services.shared import timefmt

JOURNEY_NAMES = ("found_place", "home_address", "police_reference", "transport",
                 "departure_date", "travel_allowance", "travel_allowance_words",
                 "companion_name")
MEDICAL_NAMES = ("found_place", "identity_status", "medical_need", "medical_reason",
                 "destination_name", "destination_address", "addressee", "addressee_place",
                 "person_birth")
UNKNOWN = "tidak diketahui"


def fill(application, case) -> dict:
    if case is None:
        return {}
    values = {"found_place": case.found_place}
    if case.destination:
        transport = case.transport + (f", tiket nomor {case.ticket_number}"
                                      if case.ticket_number else "")
        values.update(home_address=case.destination, police_reference=case.police_reference,
                      transport=transport, companion_name=case.companion,
                      departure_date=formatting.format_date(
                          timefmt.to_local(case.departure_at).date()),
                      **catalogue.money_fields("travel_allowance", case.ticket_cost or 0))
    values["identity_status"] = ("tanpa identitas" if case.identity != "ada"
                                 else "dengan identitas")
    person = application.person if application.person_id else None
    if person is not None and not person.birth_date and not person.birth_place:
        values["person_birth"] = UNKNOWN  # a person without papers: said, not left blank
    if case.medical_institution_id:
        place = case.medical_institution
        mental = institutions.accepts(place, "odgj") and not institutions.accepts(
            place, "tuna_sosial")
        values.update(medical_need="pemeriksaan dan perawatan kejiwaan" if mental
                      else "pemeriksaan dan perawatan medis",
                      medical_reason=case.medical_reason, destination_name=place.name,
                      destination_address=", ".join(p for p in (place.address, place.city)
                                                    if p),
                      addressee=institutions.addressee(place),
                      addressee_place=place.city or "Tempat")
    return values
