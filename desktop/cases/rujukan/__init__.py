"""Rujukan rehabilitasi sosial (Magetan 16 to 26): the person assessed by a social worker,
referred to a balai, panti or hospital that takes their group, by letter (Rekomendasi) or
taken there (Pendampingan); the institution's answer, follow-up visits and the outcome. A
sensitive case: read by the kepala and social workers (the catalog's referral services)."""
from desktop.cases.rujukan import demo, letters, record, reminders, rules, spm
from desktop.cases.rujukan.model import ReferralCase, ReferralVisit
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="rujukan",
    label="Rujukan rehabilitasi sosial",
    services=rules.SERVICES,
    models=(ReferralCase, ReferralVisit),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.rujukan.panel", "ReferralPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    classification=letters.classification,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=(record.ANSWER_DAYS,),
    reminders=reminders.due,
    demo_open=demo.RUNNING,
    spm=spm.counts,
)
