"""A read-only table configured the way every list in Pelita behaves."""
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.views.shared.columns import ColumnLayout


def read_only_table(model, list_key: str | None = None, **fitting) -> QTableView:
    """Whole rows selected one at a time, no in-place editing, no row numbers. With a
    `list_key`, columns fitted to their content and the user's widths kept (ColumnLayout,
    which takes `samples` and `elastic`); the layout is the table's `columns`."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    if list_key:
        table.columns = ColumnLayout(table, list_key, **fitting)
    return table
