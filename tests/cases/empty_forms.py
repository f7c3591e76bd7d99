"""For the case kinds' GUI tests: a form emptied and saved with one press, then every
required field it can leave empty marked with its message, the first focused."""
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from desktop.views.shared.date_field import DateEdit, DateTimeEdit
from desktop.views.shared.forms import REQUIRED_MARK, is_marked, set_date
from tests.form_marks import label_of, message_under


def press_empty(form) -> None:
    """Every text and date of the form emptied (drop-downs keep their choice), one press."""
    for widget in set(form.errors.fields.values()):
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.clear()
        elif isinstance(widget, DateTimeEdit):
            widget.setDateTime(None)
        elif isinstance(widget, DateEdit):
            set_date(widget, None)
    form.save_button.click()


def assert_marked_at_once(form, required) -> None:
    """Each of `required` carries "*"; those not a drop-down are marked with their message
    after the one press, and the first of them has the focus."""
    assert not form.result()
    emptied = []
    for label in required:
        widget = form.errors.fields[label]
        assert REQUIRED_MARK in label_of(widget), label
        if isinstance(widget, QComboBox):
            continue
        assert is_marked(widget), label
        assert message_under(widget), label
        emptied.append(widget)
    if emptied:
        first = emptied[0]
        assert form.focusWidget() in (first, getattr(first, "line", None)), form.focusWidget()
    if len(emptied) > 1:
        assert form.error.text().startswith(f"{len(emptied)} isian perlu diperbaiki"), \
            form.error.text()
