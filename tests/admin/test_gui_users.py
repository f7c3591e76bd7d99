"""The account form reports every field at fault after one press, each marked with its
message, the first focused; required fields carry "*"."""
from desktop.models import User
from desktop.services.admin import users
from desktop.services.shared import permissions
from desktop.views.admin.users_page import UsersPage
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import label_of, message_under


def test_an_empty_account_marks_every_required_field_in_one_press(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    page = UsersPage(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    page.show()
    page.role_combo.setCurrentIndex(page.role_combo.findData(permissions.HEAD))
    page.password2_edit.setText("lain")
    assert not page.save()
    wrong = (page.username_edit, page.full_name_edit, page.password_edit, page.nip_edit)
    for widget in wrong:
        assert is_marked(widget) and message_under(widget).startswith("Wajib diisi")
    assert not is_marked(page.password2_edit)  # no password yet: nothing to repeat
    assert page.form_message.text().startswith("4 isian perlu diperbaiki")
    assert page.focusWidget() is page.username_edit
    for label in users.REQUIRED + (users.REPEAT_FIELD,):
        assert REQUIRED_MARK in label_of(page.field_widgets[label]), label
    assert User.select().count() == 1

    page.username_edit.setText("kadis")
    page.full_name_edit.setText("Dra. Sri")
    page.password_edit.setText("Kuat12345x")
    assert not page.save()
    assert not is_marked(page.username_edit) and not message_under(page.username_edit)
    assert is_marked(page.password2_edit) and is_marked(page.nip_edit)
    assert page.focusWidget() is page.password2_edit


def test_the_nip_is_starred_for_a_kepala_only(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    page = UsersPage(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    page.show()
    assert REQUIRED_MARK not in label_of(page.nip_edit)
    page.role_combo.setCurrentIndex(page.role_combo.findData(permissions.HEAD))
    assert label_of(page.nip_edit) == "NIP *:"
    assert not page.save()  # the service asks it too
    assert is_marked(page.nip_edit) and "Kepala" in message_under(page.nip_edit)
    page.role_combo.setCurrentIndex(page.role_combo.findData(permissions.SOCIAL_WORKER))
    assert label_of(page.nip_edit) == "NIP:"
