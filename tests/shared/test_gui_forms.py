"""FieldErrors and the typed date field on a small form."""
import datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCalendarWidget, QComboBox, QDialog, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from desktop.errors import ValidationError, ValidationErrors
from desktop.views.shared.forms import (FIELD_MESSAGE_STYLE, FieldErrors, date_edit, date_of,
                                        form_row, is_marked, set_date)


class Form(QDialog):
    def __init__(self):
        super().__init__()
        layout = QVBoxLayout(self)
        form = self.form = QFormLayout()
        layout.addLayout(form)
        self.name, self.city = QLineEdit(), QComboBox()
        self.city.addItems(["", "Magelang"])
        self.born = date_edit(past=True)
        form.addRow("Nama", self.name)
        form.addRow("Kota", self.city)
        form.addRow("Tanggal lahir", self.born)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.errors = FieldErrors(self.message, {"Nama": self.name, "Kota": self.city,
                                                 "Tanggal lahir": self.born})


@pytest.fixture
def form(qtbot):
    dialog = Form()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _messages(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.styleSheet() == FIELD_MESSAGE_STYLE]


def test_every_field_marked_with_its_message_and_the_first_focused(form):
    form.errors.show(ValidationErrors([ValidationError("Kota", "pilih dari daftar."),
                                       ValidationError("Nama", "wajib diisi."),
                                       ValidationError("Alasan", "wajib diisi.")]))
    assert is_marked(form.name) and is_marked(form.city) and not is_marked(form.born)
    assert sorted(_messages(form)) == ["Pilih dari daftar.", "Wajib diisi."]
    _, row = form_row(form.name)
    assert form.form.itemAt(row + 1, QFormLayout.ItemRole.FieldRole).widget().text() == \
        "Wajib diisi."
    assert form.focusWidget() is form.name  # first on the form, not first in the list
    # A field the form does not show is said in the summary line.
    assert form.message.text().splitlines() == [
        "2 isian perlu diperbaiki; pesannya di bawah isian yang bertanda merah.",
        "Alasan: wajib diisi."]
    form.errors.clear()
    assert not is_marked(form.name) and not _messages(form) and not form.message.text()
    assert form.form.rowCount() == 3


def test_an_own_stylesheet_comes_back_after_the_mark(form):
    form.name.setStyleSheet("color: #555;")
    form.errors.show(ValidationError("Nama", "wajib diisi."))
    assert 'fieldError="true"' in form.name.styleSheet()
    form.errors.clear()
    assert form.name.styleSheet() == "color: #555;"


def test_typed_dates_are_kept_as_typed(form, qtbot):
    seen = []
    form.born.dateChanged.connect(seen.append)
    qtbot.keyClicks(form.born.line, "15/12/1987")
    assert date_of(form.born) == datetime.date(1987, 12, 15)
    assert seen[-1] == QDate(1987, 12, 15)
    form.born.line.clear()
    qtbot.keyClicks(form.born.line, "1/2/87")
    form.born.line.editingFinished.emit()
    assert form.born.text() == "01/02/1987" and date_of(form.born) == datetime.date(1987, 2, 1)
    set_date(form.born, None)
    assert date_of(form.born) is None and form.born.text() == ""
    set_date(form.born, datetime.date(2001, 5, 9))
    assert form.born.date() == QDate(2001, 5, 9)


def test_a_wrong_date_is_refused_with_the_field_named(form, qtbot):
    qtbot.keyClicks(form.born.line, "31/02/2020")
    with pytest.raises(ValidationError) as caught:
        date_of(form.born)
    assert caught.value.field == "Tanggal lahir"
    assert "tanggal 31 tidak ada pada Februari 2020" in caught.value.message
    # A service's refusal of another field still shows the date's own problem too.
    form.errors.show(ValidationError("Nama", "wajib diisi."))
    assert is_marked(form.born) and is_marked(form.name)


def test_a_date_beyond_the_maximum_is_said_not_ignored(form, qtbot):
    form.born.setMaximumDate(QDate(2026, 12, 3))
    qtbot.keyClicks(form.born.line, "15/12/2027")
    # Read as typed: the service refuses it together with the other fields ...
    assert date_of(form.born) == datetime.date(2027, 12, 15)
    assert form.born.text() == "15/12/2027"
    # ... and the form says it even when the service named other fields only.
    form.errors.show(ValidationError("Nama", "wajib diisi."))
    assert is_marked(form.born) and "Tidak boleh di masa depan." in _messages(form)


def test_the_calendar_sets_the_date(form):
    form.born.open_calendar()
    calendar = form.born.calendar_popup.findChild(QCalendarWidget)
    calendar.clicked.emit(QDate(2000, 1, 31))
    assert date_of(form.born) == datetime.date(2000, 1, 31)


def test_typing_is_followed_once_the_year_is_whole(form, qtbot):
    seen = []
    form.born.dateChanged.connect(seen.append)
    qtbot.keyClicks(form.born.line, "1/1/20")
    assert seen == []  # not 2020 on the way to 2026
    qtbot.keyClicks(form.born.line, "26")
    assert seen == [QDate(2026, 1, 1)]
    form.born.line.clear()
    qtbot.keyClicks(form.born.line, "3/4/05")
    form.born.line.editingFinished.emit()
    assert seen[-1] == QDate(2005, 4, 3) and form.born.text() == "03/04/2005"


def test_two_refusals_of_one_field_count_once_and_both_show(form):
    form.errors.show(ValidationErrors([ValidationError("Nama", "wajib diisi."),
                                       ValidationError("Nama", "terlalu pendek.")]))
    assert form.message.text().startswith("1 isian perlu diperbaiki")
    assert _messages(form) == ["Wajib diisi.\nTerlalu pendek."]


def test_a_date_marked_required_does_not_say_it_may_be_empty(form):
    from desktop.views.shared.forms import mark_required

    assert form.born.line.placeholderText() == "hh/bb/tttt (boleh kosong)"
    mark_required(form.errors.fields, ["Tanggal lahir"])
    assert form.born.line.placeholderText() == "hh/bb/tttt"
    mark_required(form.errors.fields, ["Tanggal lahir"], required=False)
    assert form.born.line.placeholderText() == "hh/bb/tttt (boleh kosong)"
    form.born.line.setPlaceholderText("kapan saja (hh/bb/tttt)")  # the form's own words stay
    mark_required(form.errors.fields, ["Tanggal lahir"])
    assert form.born.line.placeholderText() == "kapan saja (hh/bb/tttt)"


def test_submit_asks_on_trial_and_keeps_a_refusal_with_more_to_it(form, qtbot, sqlite_db):
    from desktop.views.shared.forms import submit

    class Clash(ValidationError):  # as a booking clash carries its free slot
        suggestion = "besok 09.00"

    asked = []

    def service(born, name):
        asked.append(born)
        if not name:  # the date is asked too, so its "wajib diisi" must give way
            raise ValidationErrors([ValidationError("Nama", "wajib diisi."),
                                    ValidationError("Tanggal lahir", "wajib diisi.")])
        raise Clash("Waktu", "bentrok.")

    qtbot.keyClicks(form.born.line, "31/02/2020")
    with pytest.raises(ValidationErrors) as caught:
        submit(lambda: service(date_of(form.born), form.name.text()))
    assert asked == [None]  # asked once, on trial, with the date read as empty
    assert [(e.field, e.reason) for e in caught.value.errors] == [
        ("Tanggal lahir", "tanggal 31 tidak ada pada Februari 2020 (hanya sampai tanggal 29)."),
        ("Nama", "wajib diisi.")]  # the date's own words, not "wajib diisi"
    form.name.setText("Ani")
    with pytest.raises(Clash) as clash:
        submit(lambda: service(date_of(form.born), form.name.text()))
    assert clash.value.suggestion == "besok 09.00"
