"""Every case kind's declaration holds together: its services are in the shipped catalog, the
steps its rules guard exist there, the letter fields it fills are its templates' variables,
its panel is a widget, its models are one-to-one with the application and have their table."""
import importlib
import json

import pytest
from peewee import ForeignKeyField

from desktop.models import Application, db
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue
from desktop.services.shared import permissions

KINDS = list(registry.KINDS.values())
SHIPPED = {s["code"]: s for s in json.loads(service_catalog.CATALOG_FILE.read_text())["services"]}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_its_services_and_guarded_steps_exist(kind):
    assert kind.services and set(kind.services) <= set(SHIPPED)
    for rule in kind.rules:
        assert set(rule.steps) <= set(kind.services)
        for code, steps in rule.steps.items():
            assert set(steps) <= set(range(1, len(SHIPPED[code]["steps"]) + 1)), (rule, code)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_its_letter_fields_are_its_templates_variables(kind):
    for template_key, names in kind.letter_fields.items():
        assert set(names) <= set(catalogue.spec(template_key).all_variables())
        # Offered by one of its services (whichever way the office's settings pick).
        assert any(template_key in {c.template_key for c in catalogue.SERVICE_LETTERS.get(s, ())}
                   for s in kind.services)
    for rule in kind.rules:
        assert set(rule.letters) <= set(kind.letter_fields) | set(catalogue.TEMPLATES)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_its_panel_is_a_widget_the_detail_can_show(kind, qapp):
    from PySide6.QtWidgets import QWidget

    module, name = kind.panel
    panel_class = getattr(importlib.import_module(module), name)
    assert issubclass(panel_class, QWidget)
    assert hasattr(panel_class, "show_record") and hasattr(panel_class, "changed")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_its_models_belong_to_the_application_and_are_migrated(kind, sqlite_db):
    for position, model in enumerate(kind.models):
        link = model._meta.fields["application"]
        assert isinstance(link, ForeignKeyField) and link.rel_model is Application
        assert link.on_delete == "CASCADE"
        assert link.unique or position > 0  # the record is one per application
        assert model._meta.table_name in db.get_tables()
        assert {c.name for c in db.get_columns(model._meta.table_name)} == \
            {f.column_name for f in model._meta.sorted_fields}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.code)
def test_its_permissions_name_real_roles(kind):
    for roles, doing in kind.permissions.values():
        assert roles and roles <= permissions.ALL_ROLES and doing


def test_a_loaded_catalog_names_each_service_s_kind(sqlite_db):
    service_catalog.load_shipped()
    kinds = {s.code: s.case_kind for s in service_catalog.list_services(include_inactive=True)}
    for kind in KINDS:
        assert {kinds[code] for code in kind.services} == {kind.code}
    assert set(kinds.values()) <= set(registry.KINDS) | {""}
