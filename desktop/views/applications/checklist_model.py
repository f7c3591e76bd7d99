"""An application's requirement checklist as a Qt table model, edited in place.

One view and a model instead of a combo box and a line edit per requirement: the detail screen
opens with a single widget for the whole list, and an editor exists only while a cell is edited.
The cells live in Qt's own QStandardItemModel, so painting them never calls into Python.
"""
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from desktop.services.applications.workflow import CHECK_STATES

COLUMNS = ["Persyaratan", "Status", "Catatan"]
REQUIREMENT, STATE, NOTE = range(3)
KEY = Qt.ItemDataRole.UserRole  # the status cell's CHECK_STATES key
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable


class ChecklistModel(QStandardItemModel):
    """Rows are RequirementCheck records (`checks`). An edit calls `on_state(check, key)` or
    `on_note(check, text)`; the owner saves it and passes the reloaded checks to `set_checks`."""

    def __init__(self, on_state: Callable, on_note: Callable, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.checks: list = []
        self.editable = False
        self._on_state = on_state
        self._on_note = on_note

    def set_checks(self, checks: list, editable: bool) -> None:
        """Show `checks`. The same requirements reloaded (after an edit) are updated in place,
        so the current row and an open editor stay where they are."""
        same = [c.id for c in checks] == [c.id for c in self.checks]
        self.checks, self.editable = list(checks), editable
        if not same:
            self.setRowCount(0)
            for _ in checks:
                self.appendRow([QStandardItem() for _ in COLUMNS])
        cell_flags = _EDITABLE if editable else _READ_ONLY
        for row, check in enumerate(checks):
            text = f"{check.position}. {check.text}"
            requirement = self.item(row, REQUIREMENT)
            requirement.setText(f"[{check.group_name}] {text}" if check.group_name else text)
            requirement.setToolTip(check.text)
            requirement.setFlags(_READ_ONLY)
            state = self.item(row, STATE)
            state.setText(CHECK_STATES.get(check.state, check.state))
            state.setData(check.state, KEY)
            note = self.item(row, NOTE)
            note.setText(check.note)
            for item in (state, note):
                item.setFlags(cell_flags)
                item.setToolTip("Klik untuk mengubah" if editable else "")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        """Only edits from the view come here: they are saved, then shown by set_checks."""
        if role != Qt.ItemDataRole.EditRole or not self.editable or not index.isValid():
            return False
        check = self.checks[index.row()]
        if index.column() == STATE and value != check.state:
            self._on_state(check, value)
            return True
        if index.column() == NOTE and (value or "").strip() != check.note:
            self._on_note(check, value or "")
            return True
        return False


class StateDelegate(QStyledItemDelegate):
    """The status cell's editor: a combo box that saves as soon as a state is picked."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for key, label in CHECK_STATES.items():
            combo.addItem(label, key)
        combo.activated.connect(lambda _=0, c=combo: self._picked(c))
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(KEY))))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def _picked(self, combo) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)
