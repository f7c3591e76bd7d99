"""Every case kind Pelita knows. Adding one: a line below, its package, and a migration."""
from dataclasses import dataclass

from peewee import JOIN

from desktop.cases import (abh, adopsi, atensi, bencana, dtks, hibah, pub, rujukan,
                           tanda_daftar, terlantar, undian)
from desktop.models import ALL_MODELS, Application, RuleOverride
from desktop.services.admin import settings
from desktop.services.cases.kind import CaseKind
from desktop.services.shared.initials import initials

KINDS: dict[str, CaseKind] = {kind.code: kind for kind in (
    dtks.KIND,
    tanda_daftar.KIND,
    undian.KIND,
    pub.KIND,
    hibah.KIND,
    adopsi.KIND,
    abh.KIND,
    rujukan.KIND,
    bencana.KIND,
    terlantar.KIND,
    atensi.KIND,
)}

for _kind in KINDS.values():
    settings.register(_kind.settings)


CHILD_KINDS = frozenset(code for code, kind in KINDS.items() if kind.child_identity)


def listed_name(case_kind: str, name: str) -> str:
    """A name as lists, tasks and letters' lists show it: a child's case shows initials only
    (UU 11/2012 SPPA Pasal 19); the full name is on the case's own screen."""
    return initials(name) if case_kind in CHILD_KINDS else name


def all_settings() -> dict:
    """The settings screen's list: the core settings and every kind's."""
    return settings.DEFINITIONS


def kind_of(service) -> CaseKind | None:
    """The service's case kind (Service.case_kind, loaded with the service: no query)."""
    return KINDS.get(getattr(service, "case_kind", "") or "")


def shipped_kind(service_code: str) -> str:
    """The kind a shipped catalog service has, by its code ("" for a plain application)."""
    return next((kind.code for kind in KINDS.values() if service_code in kind.services), "")


@dataclass(frozen=True)
class CaseFile:
    """A case as its screens and guards need it: the kind, its record (None until recorded)
    and the kepala's overrides by rule key."""

    kind: CaseKind
    application: object
    record: object | None
    overrides: dict


def case_file(application) -> CaseFile | None:
    """The application's kind, record and overrides in one query; None for a plain one."""
    kind = kind_of(application.service)
    if kind is None:
        return None
    if not kind.models:
        overrides = RuleOverride.select().where(RuleOverride.application == application.id)
        return CaseFile(kind, application, None, {o.rule: o for o in overrides})
    model = kind.models[0]
    rows = (Application.select(Application.id, model, RuleOverride)
            .join(model, JOIN.LEFT_OUTER, on=(model.application == Application.id),
                  attr="case_record")
            .switch(Application)
            .join(RuleOverride, JOIN.LEFT_OUTER,
                  on=(RuleOverride.application == Application.id), attr="case_override")
            .where(Application.id == application.id))
    record, overrides = None, {}
    for row in rows:
        found = getattr(row, "case_record", None)
        if found is not None and found.id is not None:
            record = found
        override = getattr(row, "case_override", None)
        if override is not None and override.id is not None:
            overrides[override.rule] = override
    return CaseFile(kind, application, record, overrides)


def all_models() -> list:
    """The core models and every kind's, parents first as ALL_MODELS lists them."""
    return list(ALL_MODELS) + [model for kind in KINDS.values() for model in kind.models]


def letter_owners(template_key: str) -> list[CaseKind]:
    """The kinds whose record fills this template: it is drafted only for their cases."""
    return [kind for kind in KINDS.values() if template_key in kind.letter_fields]


def classification(application, template_key: str) -> str | None:
    """The archive code the application's case gives this letter, None for the template's."""
    kind = kind_of(application.service) if application is not None else None
    if kind is None or kind.classification is None:
        return None
    return kind.classification(application, template_key)


def letter_values(application, template_key: str) -> dict:
    """The letter variables the case kind fills from its record (one query), for the letter
    context; staff do not type these. Without a record (a letter typed before the kind
    existed, or a kepala's override) only what the kind knows without one: the typed values
    stand."""
    kind = kind_of(application.service) if application is not None else None
    names = kind.letter_fields.get(template_key, ()) if kind is not None else ()
    if not names:
        return {}
    values = kind.fill(application, kind.record(application))
    return {name: values[name] for name in names if name in values}


def case_tables() -> dict[str, object]:
    """{table: model} of the records kept per application beside the envelope: the kepala's
    overrides and every kind's models (each has an `application` field)."""
    tables = {RuleOverride._meta.table_name: RuleOverride}
    for kind in KINDS.values():
        tables.update({model._meta.table_name: model for model in kind.models})
    return tables


def table_labels() -> dict[str, str]:
    """The audit trail's names for these tables."""
    labels = {RuleOverride._meta.table_name: "Aturan dikesampingkan"}
    for kind in KINDS.values():
        labels.update({model._meta.table_name: kind.label for model in kind.models})
    return labels


def fill_demo(rng) -> dict[str, int]:
    """Each kind's demo data; {its first table: rows added}."""
    return {(kind.models[0]._meta.table_name if kind.models else kind.code): kind.demo(rng)
            for kind in KINDS.values() if kind.demo is not None}
