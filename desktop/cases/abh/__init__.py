"""Anak berhadapan dengan hukum (UU 11/2012 SPPA): the offence and its threatened sentence, so
Pelita says at every stage whether diversion is mandatory; the legal clocks in hours with
their countdowns; accompaniment, diversion deliberations, the social report signed by its
writer and known by the kepala, the outcome. A child's case: read by the kepala, the
assigned social worker and whoever registered it; lists show the child's initials."""
from desktop.cases.abh import clocks, demo, letters, record, reminders, rules
from desktop.cases.abh.model import AbhCase, AbhEvent
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="abh",
    label="Anak berhadapan dengan hukum (ABH)",
    services=rules.SERVICES,
    models=(AbhCase, AbhEvent),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.abh.panel", "AbhPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=(clocks.DUE_SOON,),
    reminders=reminders.due,
    child_identity=True,
    deadline=record.deadline,
    demo_open=demo.RUNNING,
)
