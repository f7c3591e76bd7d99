"""Rekomendasi hibah: an LKS with a valid Tanda Daftar or a legal entity domiciled in the region, the proposal with budget lines that add up, the verification visit and the amount recommended, and a grant in the previous budget year flagged (grants are not continuous)."""
from desktop.cases.hibah import demo, letters, record, rules
from desktop.cases.hibah.model import GrantCase
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="hibah",
    label="Rekomendasi hibah",
    services=(rules.SERVICE,),
    models=(GrantCase,),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.hibah.panel", "GrantPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=record.SETTINGS,
)
