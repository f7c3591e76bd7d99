"""The service editor reports every field at fault after one press of Simpan, each marked
with its message (a list row's under the form, its row selected), the first focused."""
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from desktop.views.catalog.catalog_page import ServiceEditor
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import label_of, message_under


def test_an_emptied_service_marks_every_field_at_fault_in_one_press(qtbot, sqlite_db):
    service_catalog.load_shipped()
    admin = make_user("admin", role=permissions.ADMIN)
    service = service_catalog.get("dpk-slrt")
    editor = ServiceEditor(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"),
                           service)
    qtbot.addWidget(editor)
    editor.show()
    editor.name_edit.clear()
    editor.value_spin.setValue(0)
    editor.fee_edit.clear()
    editor.steps_editor.model.item(2, 0).setText(" ")
    assert not editor.save()
    for widget in (editor.name_edit, editor.value_spin, editor.fee_edit,
                   editor.steps_editor.view):
        assert is_marked(widget), widget
    assert message_under(editor.name_edit) == "Wajib diisi."
    assert message_under(editor.fee_edit).startswith("Wajib diisi")
    assert "Langkah 3: wajib diisi." in editor.error_label.text()
    assert editor.steps_editor.view.currentIndex().row() == 2
    assert editor.focusWidget() is editor.name_edit
    for label in service_catalog.REQUIRED:
        assert REQUIRED_MARK in label_of(editor.errors.fields[label]), label
    fresh = service_catalog.get("dpk-slrt")
    assert fresh.version == service.version and not fresh.customized
