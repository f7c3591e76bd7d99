"""Show a service's error beside the field it names, in every form the same way; date fields
that may be left empty."""
import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.errors import PelitaError

FIELD_ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"
ERROR_TEXT_STYLE = "color: #a93226;"
OK_TEXT_STYLE = "color: #1e6b35;"


class FieldErrors:
    """Maps the field labels the services use (ValidationError.field) to the form's widgets."""

    def __init__(self, message_label: QLabel, fields: dict[str, QWidget] | None = None):
        self.message_label = message_label
        self.message_label.setWordWrap(True)
        self.fields: dict[str, QWidget] = dict(fields or {})
        self._marked: list[QWidget] = []

    def add(self, field: str, widget: QWidget) -> None:
        self.fields[field] = widget

    def clear(self) -> None:
        for widget in self._marked:
            widget.setStyleSheet("")
        self._marked.clear()
        self.message_label.clear()

    def show(self, exc: PelitaError) -> QWidget | None:
        """Show the message; mark and focus the named field. Returns the marked widget."""
        self.clear()
        self.message_label.setStyleSheet(ERROR_TEXT_STYLE)
        self.message_label.setText(exc.message)
        widget = self.fields.get(getattr(exc, "field", ""))
        if widget is not None:
            widget.setStyleSheet(FIELD_ERROR_STYLE)
            widget.setFocus()
            self._marked.append(widget)
        return widget

    def success(self, text: str) -> None:
        self.clear()
        self.message_label.setStyleSheet(OK_TEXT_STYLE)
        self.message_label.setText(text)


def error_label() -> QLabel:
    """A hidden red line under a dialog's fields, shown when a service refuses the input."""
    label = QLabel()
    label.setStyleSheet(ERROR_TEXT_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def dialog_buttons(dialog, accept_text: str, on_accept) -> tuple[QHBoxLayout, QPushButton]:
    """Batal on the left of the default action, right-aligned; returns (row, action button)."""
    cancel = QPushButton("Batal")
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    action = QPushButton(accept_text)
    action.setDefault(True)
    action.clicked.connect(on_accept)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(action)
    return row, action


NO_DATE = QDate(1900, 1, 1)  # the date edits' minimum, shown as "—" (not filled in)


def date_edit(optional: bool = True) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
    else:
        edit.setDate(QDate.currentDate())
    return edit


def date_of(edit: QDateEdit) -> datetime.date | None:
    value = edit.date()
    return None if value == NO_DATE and edit.specialValueText() else value.toPython()


def set_date(edit: QDateEdit, value: datetime.date | None) -> None:
    edit.setDate(QDate(value) if value else NO_DATE)


def clear_choice(group) -> None:
    """No button of an exclusive QButtonGroup checked (the next respondent's, sheet's)."""
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)
