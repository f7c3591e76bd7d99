"""Pengangkatan anak: the child, the prospective parents (COTA) and their marriage, every rule
of PP 54/2007 checked on the day of the check, the stages from the office to the court with the
6-month care period counted down, and the recommendation from the record. A child's case: read
by the kepala, the assigned social worker and whoever registered it."""
from desktop.cases.adopsi import demo, letters, record, rules
from desktop.cases.adopsi.model import AdoptionCase, AdoptionEvent
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="adopsi",
    label="Pengangkatan anak",
    services=rules.SERVICES,
    models=(AdoptionCase, AdoptionEvent),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.adopsi.panel", "AdoptionPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=rules.SETTINGS,
    child_identity=True,
)
