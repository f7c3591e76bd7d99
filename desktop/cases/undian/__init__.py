"""Undian gratis berhadiah: the organiser, the draw at least 14 working days after the application (office calendar), the prizes at market value and the social contribution of at least 10% in figures and words, the notary, and the report due 30 days after the prizes are handed over."""
from desktop.cases.undian import demo, letters, record, rules
from desktop.cases.undian.model import RaffleCase
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="undian",
    label="Undian gratis berhadiah",
    services=(rules.SERVICE,),
    models=(RaffleCase,),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.undian.panel", "RafflePanel"),
    letter_fields={template: letters.NAMES for template in record.TEMPLATES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=record.SETTINGS,
    reminders=record.reminders,
)
