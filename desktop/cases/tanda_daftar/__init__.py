"""Tanda Daftar LKS: which LKS applies (new or renewal, with its activity report), the technical team's field visit before the certificate is made, its validity, and the signed certificate entered in the LKS register."""
from desktop.cases.tanda_daftar import demo, letters, record, rules
from desktop.cases.tanda_daftar.model import TandaDaftarCase
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="tanda_daftar",
    label="Tanda Daftar LKS",
    services=(rules.SERVICE, rules.RECOMMENDATION),
    models=(TandaDaftarCase,),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.tanda_daftar.panel", "TandaDaftarPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES,
                   record.RECOMMENDATION: letters.RECOMMENDATION_NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING),
                 "visit": (record.VISIT_ROLES, record.VISIT_DOING)},
)
