"""What the adoption case gives its recommendation: the COTA, the child and the stages, from
the record (no retyping); the letter is confidential."""
from desktop.cases.adopsi import record as adoption
from desktop.services.applications.people import SEXES, address_text
from desktop.services.letters import formatting

NAMES = ("father_name", "father_nik", "father_birth", "father_occupation", "mother_name",
         "mother_nik", "mother_birth", "mother_occupation", "parents_religion",
         "parents_address", "marriage_date", "child_name", "child_birth", "child_sex",
         "child_origin", "care_since", "social_report_reference", "nature")


def child_origin(case) -> str:
    """"anak terlantar yang tinggal di LKSA Panti Asuhan Darul Hadlonah"."""
    status = adoption.CHILD_STATUSES[case.child_status].lower()
    if case.child_lives == "keluarga":
        where = "keluarga" + (f" ({case.child_guardian})" if case.child_guardian else "")
    else:
        where = case.child_place
    return f"{status} yang tinggal di {where}"


def fill(application, case) -> dict:
    values = {"nature": "Rahasia"}
    if case is None:
        return values
    for prefix, person, occupation in (("father", case.husband, case.husband_occupation),
                                       ("mother", case.wife, case.wife_occupation)):
        if person is not None:
            values.update({f"{prefix}_name": person.name, f"{prefix}_nik": person.nik or "",
                           f"{prefix}_birth": formatting.place_and_date(person.birth_place,
                                                                        person.birth_date),
                           f"{prefix}_occupation": occupation})
    parents = [p for p in (case.husband, case.wife) if p is not None]
    address = next((text for text in (address_text(p, formal=True) for p in parents) if text),
                   "")
    if address:  # a couple known only by their NIKs: the drafter types it
        values["parents_address"] = address
    values.update(
        parents_religion=parents[0].religion if parents else "",
        marriage_date=formatting.format_date(case.marriage_date),
        child_name=case.child.name,
        child_birth=formatting.place_and_date(case.child.birth_place, case.child.birth_date),
        child_sex=SEXES.get(case.child.sex, ""), child_origin=child_origin(case))
    for event in adoption.events_of(application.id):
        if event.stage == "izin_pengasuhan":
            values["care_since"] = formatting.format_date(event.on_date)
        elif event.stage == "laporan_sosial":
            values["social_report_reference"] = (f"Nomor {event.reference} tanggal "
                                                 f"{formatting.format_date(event.on_date)}")
    return values
