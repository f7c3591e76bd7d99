"""Profil Kantor reports every field at fault after one press of Simpan profil, each marked
with its message, the first focused; required fields carry "*"."""
from desktop.models import OfficeProfile
from desktop.services.admin import office
from desktop.services.shared import permissions, timefmt
from desktop.views.admin.office_page import OfficePage
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import label_of, message_under


def test_an_empty_profile_marks_every_required_field_in_one_press(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    page = OfficePage(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    page.show()
    for key in ("office_name", "classification_code", "unit_code"):  # emptied defaults
        page.edits[key].clear()
    page.edits["email"].setText("bukan-email")
    try:
        assert not page.save()
    finally:
        timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)
    wrong = [page.edits["office_name"], page.edits["region_name"], page.address,
             page.edits["email"], page.edits["classification_code"], page.edits["unit_code"]]
    for widget in wrong:
        assert is_marked(widget), widget
    assert message_under(page.address) == "Wajib diisi."
    assert message_under(page.edits["email"]).startswith("Bukan alamat e-mail")
    assert page.message.text().startswith("6 isian perlu diperbaiki")
    assert page.focusWidget() is page.edits["office_name"]
    for label in office.REQUIRED:
        assert REQUIRED_MARK in label_of(page.errors.fields[label]), label
    assert OfficeProfile.select().count() == 0
