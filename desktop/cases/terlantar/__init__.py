"""Orang terlantar dan tuna sosial (the Magelang seed; Magetan 11 and 12): the report, the
outreach and identity, the journey home with the police letter and a ticket, or the shelter
stay counted in nights (at most 7, longer only with an emergency reason), family tracing and
a medical referral to RSUD Tidar or RSJ Prof. dr. Soerojo; earlier cases of the same person
are shown."""
from desktop.cases.terlantar import demo, letters, record, reminders, rules
from desktop.cases.terlantar.model import ShelterStay, StrandedCase
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="terlantar",
    label="Orang terlantar dan tuna sosial",
    services=rules.SERVICES,
    models=(StrandedCase, ShelterStay),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.terlantar.panel", "StrandedPanel"),
    letter_fields={record.JOURNEY_LETTER: letters.JOURNEY_NAMES,
                   record.MEDICAL_LETTER: letters.MEDICAL_NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=(record.SHELTER_NIGHTS,),
    reminders=reminders.due,
    deadline=record.deadline,
    deadline_replaces=True,
    demo_open=demo.RUNNING,
    earlier=record.earlier_for_person,
)
