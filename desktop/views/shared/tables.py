"""A read-only table configured the way every list in Pelita behaves."""
from PySide6.QtWidgets import QAbstractItemView, QTableView


def read_only_table(model) -> QTableView:
    """Whole rows selected one at a time, no in-place editing, no row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    return table
