"""Penanganan korban bencana (the Magelang seed; Magetan 14 and 15): the event and its
response clock, the assessment of the households affected, the kitchen, shelter,
psychosocial support and Tagana, aid handed to each household from the office's stock, the
hand-over record (berita acara serah terima) and the report to the kepala."""
from desktop.cases.bencana import demo, letters, record, rules, spm
from desktop.cases.bencana.model import (DisasterActivity, DisasterCase, DisasterDistribution,
                                         DisasterHousehold)
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="bencana",
    label="Penanganan korban bencana",
    services=rules.SERVICES,
    models=(DisasterCase, DisasterHousehold, DisasterActivity, DisasterDistribution),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.bencana.panel", "DisasterPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING)},
    settings=(record.RESPONSE_HOURS,),
    deadline=record.deadline,
    classification=letters.classification,
    spm=spm.counts,
)
