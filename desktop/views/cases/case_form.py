"""What every case kind's panel is made of: the panel itself (what was recorded, its buttons)
and the small forms it opens (labelled rows, the error line under them, Batal and Simpan; a
refusal is shown beside its field and the form keeps what was typed)."""
import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from desktop.errors import PelitaError
from desktop.services.catalog import service_catalog
from desktop.services.shared import timefmt
from desktop.views.shared.date_field import DateEdit, DateTimeEdit
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import (FieldErrors, date_edit, datetime_of, dialog_buttons,
                                        error_label, required_note, set_date, submit)


def choices_combo(choices: dict) -> QComboBox:
    """A drop-down of {code: label}, the code as each item's data."""
    combo = QComboBox()
    for code, label in choices.items():
        combo.addItem(label, code)
    return combo


def service_combo(empty: str = "— pilih layanan —") -> QComboBox:
    """Every service of the catalog, its publishing office on hover (two offices name theirs
    alike)."""
    combo = QComboBox()
    combo.addItem(empty, None)
    for service_id, name, office in service_catalog.service_names():
        combo.addItem(name, service_id)
        combo.setItemData(combo.count() - 1, f"{name} ({office})", Qt.ItemDataRole.ToolTipRole)
    combo.setMaximumWidth(460)
    return combo


def select(combo: QComboBox, value) -> None:
    """Show the item whose data is `value` (the first when none is)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))


def office_now() -> datetime.datetime:
    return timefmt.to_local(timefmt.utcnow()).replace(tzinfo=None, second=0, microsecond=0)


def datetime_edit(utc_value=None) -> DateTimeEdit:
    """A local date and time (the office's clock), showing `utc_value` or now; typed as
    15/12/2027 09.30 or picked."""
    edit = DateTimeEdit()
    edit.setDateTime(timefmt.to_local(utc_value).replace(tzinfo=None) if utc_value
                     else office_now())
    return edit


def local_of(edit: DateTimeEdit) -> datetime.datetime | None:
    """The typed local date and time; None when emptied, refused (named) when not one."""
    return datetime_of(edit)


def date_field(value=None) -> DateEdit:
    """A date edit showing `value`, or the office's today for a new entry."""
    edit = date_edit()
    set_date(edit, value or office_now().date())
    return edit


def record_table(columns, min_height: int = 180) -> QTableWidget:
    """A read-only table of a case's rows (households, deliveries), sized to its content."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setMinimumHeight(min_height)
    return table


def fill_rows(table: QTableWidget, rows) -> None:
    """The table's rows anew, one list of texts each; every cell shows its text on hover."""
    table.setRowCount(0)
    for cells in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)


class CaseForm(QDialog):
    def __init__(self, title: str, parent=None, width: int = 560):
        super().__init__(parent)
        self.setWindowTitle(f"{title} — Pelita")
        self.setMinimumWidth(width)
        self.form = QFormLayout()
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addLayout(buttons)
        self.last_error: PelitaError | None = None

    def row(self, label: str, widget, field: str | None = None):
        """A labelled row; `field` is the service's name for it when it differs."""
        self.form.addRow(label + ":" if label else "", widget)
        self.errors.add(field or label, widget)
        return widget

    def mark_required(self, fields) -> None:
        """'*' after the labels of `fields` (the service's REQUIRED), the legend under them."""
        self.errors.mark_required(fields)
        self.body.insertWidget(self.body.indexOf(self.error), required_note())

    def save(self) -> None:
        raise NotImplementedError

    def attempt(self, call) -> None:
        self.last_error = None
        try:
            submit(call)
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            self.last_error = exc
            return
        except Exception as exc:  # noqa: BLE001 (the database refused: the form stays)
            self.error.show()
            self.error.setText(describe(exc, "Belum tersimpan."))
            return
        self.accept()


class CasePanel(QWidget):
    """A case kind's panel: what was recorded on the left, its buttons stacked on the right;
    `open_form(dialog class)` opens one of its forms and says when the case changed."""

    changed = Signal()

    def __init__(self, session, buttons: list[tuple[str, object]], parent=None):
        super().__init__(parent)
        self.session = session
        self.application = self.case = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        column = QVBoxLayout()
        made = []
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            column.addWidget(button)
            made.append(button)
        column.addStretch(1)
        self.buttons = made
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)

    def open_form(self, dialog_class) -> None:
        if dialog_class(self.session, self.application, self.case, self).exec() == \
                QDialog.DialogCode.Accepted:
            self.changed.emit()
