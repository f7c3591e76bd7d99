"""Pengumpulan uang atau barang (PUB): a perkumpulan or yayasan with its legal number, what it collects, how and where (which decides who issues), the target with costs at most 10% (disaster collections excepted), at most 3 months with one extension of a month, and the reports every 3 months and at the end that a new permit waits for."""
from desktop.cases.pub import demo, letters, record, rules
from desktop.cases.pub.model import CollectionCase, CollectionReport
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="pub",
    label="Pengumpulan uang atau barang",
    services=(rules.SERVICE,),
    models=(CollectionCase, CollectionReport),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.pub.panel", "CollectionPanel"),
    letter_fields={template: letters.NAMES for template in record.TEMPLATES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=record.SETTINGS,
    reminders=record.reminders,
)
