"""The person dialog reports every field at fault after one press; a typed birth date is read
as typed, and a future one is refused with the field named."""
import datetime

from PySide6.QtWidgets import QFormLayout

from desktop.models import Person
from desktop.views.applications.person_form import PersonDialog
from desktop.views.shared.forms import REQUIRED_MARK, form_row, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_office
from tests.form_marks import label_of, message_under


def _dialog(qtbot):
    office = make_office()
    dialog = PersonDialog(Session(office["clerk"], "Tertanam (SQLite)", "sqlite://"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_empty_person_marks_nik_name_address_and_birth_date_at_once(qtbot, sqlite_db):
    dialog = _dialog(qtbot)
    before = Person.select().count()
    form = dialog.form
    qtbot.keyClicks(form.birth_date_edit.line, "15/12/2030")  # a future year, typed
    dialog.save_button.click()
    assert Person.select().count() == before
    assert message_under(form.nik_edit) == "Wajib diisi."
    assert message_under(form.name_edit) == "Wajib diisi."
    assert message_under(form.street_edit).startswith("Wajib diisi: tulis alamat sesuai KTP")
    assert message_under(form.birth_date_edit).startswith("Tidak boleh di masa depan")
    assert all(is_marked(w) for w in (form.nik_edit, form.name_edit, form.street_edit,
                                      form.birth_date_edit))
    assert not is_marked(form.kk_edit)
    assert form.birth_date_edit.text() == "15/12/2030"  # kept, to be corrected
    assert dialog.focusWidget() is form.nik_edit
    assert dialog.message.text().startswith("4 isian perlu diperbaiki")
    form_layout, row = form_row(form.nik_edit)
    label = form_layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
    assert label == "NIK" + REQUIRED_MARK


def test_a_typed_birth_date_with_a_two_digit_year_is_saved_as_meant(qtbot, sqlite_db):
    dialog = _dialog(qtbot)
    form = dialog.form
    form.no_identity_check.setChecked(True)
    form.identity_note_edit.setText("tanpa identitas, dirujuk dari RSUD Tidar")
    qtbot.keyClicks(form.name_edit, "Sulastri")
    qtbot.keyClicks(form.birth_date_edit.line, "15/12/27")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    assert dialog.person.birth_date == datetime.date(1927, 12, 15)  # a birth: the past century


def test_an_impossible_birth_date_is_named(qtbot, sqlite_db):
    dialog = _dialog(qtbot)
    people_before = Person.select().count()
    qtbot.keyClicks(dialog.form.birth_date_edit.line, "31/02/1990")
    dialog.save_button.click()
    assert dialog.message.text().startswith("4 isian perlu diperbaiki")
    assert message_under(dialog.form.birth_date_edit) == (
        "Tanggal 31 tidak ada pada Februari 1990 (hanya sampai tanggal 28).")
    # The fields left empty are named in the same press, and nobody is registered.
    for edit in (dialog.form.nik_edit, dialog.form.name_edit, dialog.form.street_edit):
        assert message_under(edit).startswith("Wajib diisi"), label_of(edit)
    assert is_marked(dialog.form.birth_date_edit) and Person.select().count() == people_before


def test_the_stars_follow_what_the_service_asks(qtbot, sqlite_db):
    from tests.factories import make_person

    dialog = _dialog(qtbot)
    form = dialog.form
    assert REQUIRED_MARK in label_of(form.nik_edit) and REQUIRED_MARK in label_of(form.street_edit)
    form.no_identity_check.setChecked(True)  # no papers: no NIK, no KTP address to give
    assert REQUIRED_MARK not in label_of(form.nik_edit)
    assert REQUIRED_MARK not in label_of(form.street_edit)
    assert REQUIRED_MARK not in label_of(form.birth_date_edit)  # no NIK to match it
    assert REQUIRED_MARK in label_of(form.name_edit)
    assert REQUIRED_MARK in label_of(form.identity_note_edit)  # who they are, instead
    dialog.save_button.click()  # the service asks the same
    assert message_under(form.identity_note_edit) and message_under(form.name_edit)
    assert not is_marked(form.birth_date_edit) and not is_marked(form.street_edit)
    form.no_identity_check.setChecked(False)
    assert label_of(form.street_edit).count("*") == 1  # asked again, once
    assert REQUIRED_MARK in label_of(form.birth_date_edit)
    assert REQUIRED_MARK not in label_of(form.identity_note_edit)
    # A change keeps what was registered: update_person asks no address.
    person = make_person(nik="3371011503850009", street="")
    edit = PersonDialog(dialog.session, person)
    qtbot.addWidget(edit)
    assert REQUIRED_MARK not in label_of(edit.form.street_edit)
    assert REQUIRED_MARK in label_of(edit.form.nik_edit)
    edit.form.no_identity_check.setChecked(True)
    edit.form.no_identity_check.setChecked(False)
    assert REQUIRED_MARK not in label_of(edit.form.street_edit)  # still not, after a toggle


def test_a_change_with_an_optional_date_typed_wrong_keeps_nothing_and_saves_next(qtbot,
                                                                                 sqlite_db):
    """The service asked on trial accepts the change (no birth date is needed without
    papers): nothing is kept, not even in the dialog's own record, so fixing the date and
    pressing again saves, with no false "changed by someone else"."""
    from tests.factories import make_person

    office = make_office()
    person = make_person(nik="", documented=False, birth_date=None,
                         identity_note="tanpa identitas, dari RSUD Tidar")
    dialog = PersonDialog(Session(office["clerk"], "Tertanam (SQLite)", "sqlite://"), person)
    qtbot.addWidget(dialog)
    dialog.show()
    version = person.version
    dialog.form.name_edit.setText("Sulastri")
    qtbot.keyClicks(dialog.form.birth_date_edit.line, "31/02/1990")
    dialog.save_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.message.text().startswith("Tanggal lahir: tanggal 31 tidak ada")
    assert (person.name, person.version) == ("Agus Prasetyo", version)
    assert Person.get_by_id(person.id).name == "Agus Prasetyo"
    dialog.form.birth_date_edit.line.clear()
    qtbot.keyClicks(dialog.form.birth_date_edit.line, "28/02/1990")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    saved = Person.get_by_id(person.id)
    assert (saved.name, saved.birth_date) == ("Sulastri", datetime.date(1990, 2, 28))
