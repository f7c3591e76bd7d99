"""The institution form reports every field at fault after one press of Simpan, each marked
with its message, the first focused; required fields carry "*"."""
from desktop.models import Institution
from desktop.services.referrals import institutions
from desktop.services.shared import permissions
from desktop.views.referrals.institutions_page import InstitutionDialog
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import label_of, message_under


def test_an_empty_institution_marks_every_required_field_in_one_press(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    dialog = InstitutionDialog(Session(admin, "Tertanam (SQLite)", "sqlite://"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.leader.clear()
    dialog.phone.setText("12")
    dialog.save_button.click()
    assert not dialog.result() and Institution.select().count() == 0
    for widget in (dialog.name, dialog.leader, dialog.groups_box, dialog.phone):
        assert is_marked(widget)
    assert message_under(dialog.name) == "Wajib diisi."
    assert message_under(dialog.groups_box).startswith("Centang paling sedikit")
    assert dialog.error.text().startswith("4 isian perlu diperbaiki")
    assert dialog.focusWidget() is dialog.name
    for label in institutions.REQUIRED:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label
