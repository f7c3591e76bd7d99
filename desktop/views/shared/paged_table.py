"""A read-only table model that reads a page of rows at a time as the user scrolls (Qt's
fetchMore) and counts the total off the UI thread, after the first paint. Subclasses say how
to read a page, how to count, and how a row becomes Qt's own items (painting then never calls
into Python)."""
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from shiboken6 import isValid

from desktop.views.shell import workers

PAGE_SIZE = 100


class PagedTableModel(QStandardItemModel):
    count_changed = Signal(int)

    def __init__(self, columns: list[str], parent=None, page_size: int = PAGE_SIZE):
        super().__init__(0, len(columns), parent)
        self.setHorizontalHeaderLabels(columns)
        self.page_size = page_size
        self.total: int | None = None
        self._rows: list = []
        self._exhausted = True
        self._generation = 0  # ignores a count that arrives after the filter changed

    # -- what a subclass provides ---------------------------------------------------------

    def read_page(self, offset: int) -> list:
        raise NotImplementedError

    def count_task(self):
        """A callable that counts the current filter's rows (run on a pool thread)."""
        raise NotImplementedError

    def items(self, row) -> list[QStandardItem]:
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Show the first page; count the total in the background."""
        rows = self.read_page(0)
        self.blockSignals(True)  # filled quietly, announced as one reset
        try:
            self.setRowCount(0)
            self._rows = []
            self._exhausted = len(rows) < self.page_size
            self._append(rows)
        finally:
            self.blockSignals(False)
        self.beginResetModel()
        self.endResetModel()
        self._count()

    def _append(self, rows) -> None:
        for row in rows:
            self.appendRow(self.items(row))
        self._rows.extend(rows)

    def _count(self) -> None:
        self._generation += 1
        generation = self._generation
        self.total = None
        if self._exhausted:  # the first page holds everything: no need to ask
            self._set_total(generation, len(self._rows))
            return
        task = self.count_task()

        def start():
            if isValid(self) and generation == self._generation:
                workers.run_task(task, lambda total: self._set_total(generation, total))
        workers.after_paint(start)

    def _set_total(self, generation: int, total: int) -> None:
        if isValid(self) and generation == self._generation:
            self.total = total
            self.count_changed.emit(total)

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()):
        if parent.isValid() or self._exhausted:
            return
        rows = self.read_page(len(self._rows))
        self._exhausted = len(rows) < self.page_size
        known = {r.id for r in self._rows[-self.page_size:]}  # a row added meanwhile
        self._append([r for r in rows if r.id not in known])

    # -- reading --------------------------------------------------------------------------

    def rows(self) -> list:
        return list(self._rows)

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None
