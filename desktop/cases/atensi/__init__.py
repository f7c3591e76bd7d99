"""Asistensi Rehabilitasi Sosial (ATENSI; Permensos 7/2021 as amended by 7/2022; the
Magelang seed): the kepala determines the year's beneficiaries from the PMKS data (neglected
elderly, people with disabilities), the social worker plans each component and records each
assistance delivered inside its budget year; the year's plan against what was delivered, per
component and per kelurahan; the service record letter."""
from desktop.cases.atensi import demo, letters, record, rules, spm
from desktop.cases.atensi.model import AtensiCase, AtensiDelivery, AtensiPlan
from desktop.services.cases.kind import CaseKind

KIND = CaseKind(
    code="atensi",
    label="Asistensi Rehabilitasi Sosial (ATENSI)",
    services=rules.SERVICES,
    models=(AtensiCase, AtensiPlan, AtensiDelivery),
    record=record.read,
    rules=rules.RULES,
    panel=("desktop.cases.atensi.panel", "AtensiPanel"),
    letter_fields={record.TEMPLATE: letters.NAMES},
    fill=letters.fill,
    demo=demo.fill,
    permissions={"record": (record.RECORD_ROLES, record.RECORD_DOING),
                 "determine": (record.DETERMINE_ROLES, record.DETERMINE_DOING)},
    demo_open=demo.RUNNING,
    spm=spm.counts,
)
