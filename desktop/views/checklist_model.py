"""An application's requirement checklist as a Qt table model, edited in place.

One view and a model instead of a combo box and a line edit per requirement: the detail screen
opens with a single widget for the whole list, and an editor exists only while a cell is edited.
"""
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from desktop.services.applications import CHECK_STATES

COLUMNS = ["Persyaratan", "Status", "Catatan"]
REQUIREMENT, STATE, NOTE = range(3)


class ChecklistModel(QAbstractTableModel):
    """Rows are RequirementCheck records. An edit calls `on_state(check, key)` or
    `on_note(check, text)`; the owner saves it and passes the reloaded checks to `set_checks`."""

    def __init__(self, on_state: Callable, on_note: Callable, parent=None):
        super().__init__(parent)
        self.checks: list = []
        self.editable = False
        self._on_state = on_state
        self._on_note = on_note

    def set_checks(self, checks: list, editable: bool) -> None:
        if [c.id for c in checks] == [c.id for c in self.checks]:
            # The same requirements reloaded (after an edit): no reset, so an open editor and
            # the current row stay where they are.
            self.checks, self.editable = list(checks), editable
            if checks:
                self.dataChanged.emit(self.index(0, 0), self.index(len(checks) - 1, NOTE))
            return
        self.beginResetModel()
        self.checks, self.editable = list(checks), editable
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.checks)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        check, column = self.checks[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == REQUIREMENT:
                text = f"{check.position}. {check.text}"
                return f"[{check.group_name}] {text}" if check.group_name else text
            if column == STATE:
                return CHECK_STATES.get(check.state, check.state)
            return check.note
        if role == Qt.ItemDataRole.EditRole:
            return check.state if column == STATE else check.note if column == NOTE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REQUIREMENT:
                return check.text
            if self.editable and column in (STATE, NOTE):
                return "Klik untuk mengubah"
        return None

    def flags(self, index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in (STATE, NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable:
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
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def _picked(self, combo) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)
