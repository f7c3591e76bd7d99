"""The register's table model: a page of LKS at a time as the user scrolls (Qt's fetchMore),
the total counted off the UI thread, each row's state coloured."""
import datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from shiboken6 import isValid

from desktop.services.admin import settings
from desktop.services.lks import lks_records, registrations, registry_query
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import timefmt
from desktop.views.shell import workers

PAGE_SIZE = 100
TOOLTIP_AFTER = 30  # characters
COLUMNS = ["Nama LKS", "Status hukum", "Bidang pelayanan", "Kecamatan", "No. Tanda Daftar",
           "Berlaku sampai", "Status", "Akreditasi"]
COL_NAME, COL_LEGAL, COL_FIELDS, COL_KECAMATAN, COL_NUMBER, COL_UNTIL, COL_STATE, COL_GRADE = \
    range(len(COLUMNS))
# state -> (foreground, background)
STATE_COLOURS = {"segera_habis": ("#7a4b00", "#fff1c2"), "habis": ("#9b1c1c", "#fde2e1"),
                 "dicabut": ("#9b1c1c", "#fde2e1"), "belum": ("#6b7280", None)}


class LksTableModel(QStandardItemModel):
    count_changed = Signal(int)

    def __init__(self, actor, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(0, len(COLUMNS), parent)
        self.actor = actor
        self.setHorizontalHeaderLabels(COLUMNS)
        self.page_size = page_size
        self.filter = LksFilter()
        self.sort_key = "name"
        self.today = datetime.date.today
        self.total: int | None = None
        self._rows: list[registry_query.LksRow] = []
        self._exhausted = True
        self._generation = 0
        self.warn_days = 90  # lks.warn_days, read with each new filter
        self._field_texts: dict[str, str] = {}  # a few combinations repeat on every page

    def set_filter(self, flt: LksFilter | None = None, sort: str | None = None) -> None:
        if flt is not None:
            self.filter = flt
        if sort is not None:
            self.sort_key = sort
        self.warn_days = settings.get("lks.warn_days")
        rows = self._read(0)
        self.blockSignals(True)
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

    def reload(self) -> None:
        self.set_filter()

    def _read(self, offset: int) -> list[registry_query.LksRow]:
        return registry_query.page(self.actor, self.filter, self.sort_key, offset=offset,
                                   limit=self.page_size, today=self.today(),
                                   warn_days=self.warn_days)

    def _append(self, rows) -> None:
        today = self.today()
        for row in rows:
            self.appendRow(self._items(row, today))
        self._rows.extend(rows)

    def _items(self, row: registry_query.LksRow, today: datetime.date) -> list[QStandardItem]:
        state = row.state(today, self.warn_days)
        texts = [row.name, lks_records.LEGAL_STATUSES.get(row.legal_status, "-"),
                 self._fields_text(row.fields), row.kecamatan or "-",
                 row.registration_number or "-",
                 timefmt.format_date(row.registered_until) if row.registered_until else "-",
                 registrations.STATES[state], row.accreditation or "-"]
        items = [QStandardItem(text) for text in texts]
        for column in (COL_NAME, COL_FIELDS):  # whole where the column cuts it short
            if len(texts[column]) > TOOLTIP_AFTER:
                items[column].setToolTip(texts[column])
        foreground, background = STATE_COLOURS.get(state, (None, None))
        for item in (items[COL_UNTIL], items[COL_STATE]):
            if foreground:
                item.setForeground(QBrush(QColor(foreground)))
            if background:
                item.setBackground(QBrush(QColor(background)))
        return items

    def _fields_text(self, stored: str) -> str:
        text = self._field_texts.get(stored)
        if text is None:
            text = self._field_texts[stored] = lks_records.fields_text(stored)
        return text

    def _count(self) -> None:
        self._generation += 1
        generation, flt, today, warn_days = (self._generation, self.filter, self.today(),
                                             self.warn_days)
        self.total = None
        if self._exhausted:
            self._set_total(generation, len(self._rows))
            return
        actor = self.actor

        def start():
            if isValid(self) and generation == self._generation:
                workers.run_task(lambda: registry_query.count(actor, flt, today, warn_days),
                                 lambda total: self._set_total(generation, total))
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
        rows = self._read(len(self._rows))
        self._exhausted = len(rows) < self.page_size
        known = {r.id for r in self._rows[-self.page_size:]}
        self._append([r for r in rows if r.id not in known])

    def lks_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, lks_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == lks_id), None)

    def rows(self) -> list[registry_query.LksRow]:
        return list(self._rows)


def state_colour(state: str) -> str:
    return STATE_COLOURS.get(state, ("#1e6b35", None))[0]


