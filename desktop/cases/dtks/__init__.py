"""Pengecekan DTKS: what the officer found in SIKS-NG (registered or not, decile, programmes, the data's month), which the certificate needs before it is drafted."""
from desktop.cases.dtks import demo, letters, record, rules
from desktop.cases.dtks.model import DtksCheck
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="dtks",
    label="Pengecekan DTKS",
    services=("mgl-cek-dtks-pkh", "mgl-surat-keterangan-dtks", "mgt-08-sk-dtks-offline",
              "mgt-09-sk-dtks-online"),
    models=(DtksCheck,),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.dtks.panel", "DtksPanel"),
    letter_fields={"keterangan_dtks": letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=(letters.SOURCE,),
)
