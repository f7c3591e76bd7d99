"""The application list: a table model that reads one page at a time as the user scrolls.

It keeps only the rows it has fetched; the total is counted separately, off the UI thread.
Sorting is done by the database: clicking a sortable header re-queries the first page.
"""
import datetime

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHeaderView, QMessageBox, QTableView,
                               QToolTip)
from shiboken6 import isValid

from desktop.errors import PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.applications import application_query, deadlines, workflow
from desktop.services.applications.application_query import ApplicationFilter, ApplicationRow
from desktop.services.shared import list_export, timefmt
from desktop.views.shared.columns import ColumnLayout
from desktop.views.shared.errors import describe
from desktop.views.shell import workers

PAGE_SIZE = 100
DUE_REFRESH_MS = 60_000
COLUMNS = ["No. registrasi", "Diterima", "Layanan", "Pemohon", "NIK", "Langkah", "Status",
           "Tenggat"]
COL_NUMBER, COL_RECEIVED, COL_SERVICE, COL_APPLICANT, COL_NIK, COL_STEP, COL_STATE, COL_DUE = \
    range(len(COLUMNS))
# Column -> application_query.SORTS key; the other columns are not sortable.
SORT_KEYS = {COL_NUMBER: "number", COL_RECEIVED: "received", COL_STEP: "step", COL_DUE: "due"}
COLUMN_OF_SORT = {key: column for column, key in SORT_KEYS.items()}
ACTIVE_STATES = ("open", "waiting")

# due state -> (foreground, background); None keeps the palette's colour.
DUE_COLOURS = {
    "terlambat": ("#9b1c1c", "#fde2e1"),
    "segera": ("#7a4b00", "#fff1c2"),
    "selesai": ("#6b7280", None),
}
DUE_LABELS = {"terlambat": "Terlambat", "segera": "Segera jatuh tempo", "normal": "Sesuai waktu",
              "tanpa_batas": "Tanpa batas waktu", "selesai": "Sudah ditutup",
              "menunggu": "Menunggu pemohon"}


def thousands(number: int) -> str:
    """1.234 (Indonesian digit grouping)."""
    return f"{number:,}".replace(",", ".")


def count_text(number: int) -> str:
    return f"{thousands(number)} permohonan" if number else "Tidak ada permohonan yang cocok."


def duration_text(delta: datetime.timedelta) -> str:
    """'2 hari 3 jam', '5 jam', '12 menit': the two largest units, rounded down."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam {minutes} menit" if minutes and hours < 3 else f"{hours} jam"
    return f"{minutes} menit" if minutes else "kurang dari 1 menit"


def row_due_state(row: ApplicationRow, now: datetime.datetime) -> str:
    return deadlines.due_state(row.due_at, row.due_soon_at, now, row.state not in ACTIVE_STATES,
                               row.state == "waiting")


def due_text(row: ApplicationRow, now: datetime.datetime | None = None) -> str:
    """The due moment; for a service without a time limit, how long it has been running."""
    if row.due_at is not None:
        return timefmt.short_local(row.due_at)
    if row.state not in ACTIVE_STATES:
        return "-"
    return f"Tanpa batas waktu, berjalan {duration_text((now or utcnow()) - row.received_at)}"


def due_tooltip(row: ApplicationRow, now: datetime.datetime) -> str:
    """'sisa 2 hari 3 jam' or 'terlambat 5 jam', and why when there is no time limit."""
    state = row_due_state(row, now)
    if state == "selesai":
        return f"{workflow.STATES.get(row.state, row.state)}: tenggat tidak dihitung lagi."
    if state == "menunggu":
        return ("Menunggu kelengkapan dari pemohon: jam berhenti sampai berkas dilengkapi; "
                "tenggat bergeser sebanyak waktu menunggu.")
    if state == "tanpa_batas":
        return ("Tanpa batas waktu: layanan kondisional, atau jam belum mulai (menunggu "
                "berkas lengkap).")
    if state == "terlambat":
        text = f"terlambat {duration_text(now - row.due_at)}"
    else:
        text = f"sisa {duration_text(row.due_at - now)}"
        if state == "segera":
            text += " (segera jatuh tempo)"
    return text + f"\nTenggat: {timefmt.format_local(row.due_at)}"


class ApplicationTableModel(QStandardItemModel):
    """Holds only the ApplicationRows it fetched, a page at a time (Qt's fetchMore protocol).

    The cells are Qt's own items, filled when a page is read: painting the list never calls
    into Python (a Python data() was asked about 1,500 times to paint one screenful). The due
    column depends on the time: `refresh_due()` brings it up to date.
    """

    count_changed = Signal(int)  # the total for the current filter, once counted

    def __init__(self, actor, parent=None, page_size: int = PAGE_SIZE):
        super().__init__(0, len(COLUMNS), parent)
        self.actor = actor  # whose lists: sensitive cases show only to their readers
        self.setHorizontalHeaderLabels(COLUMNS)
        for column in range(len(COLUMNS)):
            self.setHeaderData(column, Qt.Orientation.Horizontal,
                               "Klik untuk mengurutkan" if column in SORT_KEYS
                               else "Kolom ini tidak bisa diurutkan",
                               Qt.ItemDataRole.ToolTipRole)
        self.page_size = page_size
        self.filter = ApplicationFilter()
        self.sort_key = "received"
        self.descending = True
        self.total: int | None = None  # None while counting
        self.now = utcnow  # injectable clock for tests
        self._rows: list[ApplicationRow] = []
        self._exhausted = True
        self._generation = 0  # ignores a count that arrives after the filter changed
        self.page_queries = 0  # how many pages were read: tests check rows are read lazily

    # --- loading -------------------------------------------------------------------------

    def set_filter(self, flt: ApplicationFilter | None = None, sort: str | None = None,
                   descending: bool | None = None) -> None:
        """Show the first page for this filter and order; count the total in the background."""
        if flt is not None:
            self.filter = flt
        if sort is not None:
            if sort not in application_query.SORTS:
                raise ValueError(f"unknown sort {sort!r}")
            self.sort_key = sort
        if descending is not None:
            self.descending = descending
        rows = self._read(0)
        # Filled quietly, then announced as one reset: views re-read the page once instead
        # of once per inserted row.
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

    def _read(self, offset: int) -> list[ApplicationRow]:
        self.page_queries += 1
        return application_query.page(self.actor, self.filter, self.sort_key, self.descending,
                                      offset=offset, limit=self.page_size)

    def _append(self, rows: list[ApplicationRow]) -> None:
        now = self.now()
        for found in rows:
            self.appendRow(self._items(found, now))
        self._rows.extend(rows)

    def _items(self, found: ApplicationRow, now: datetime.datetime) -> list[QStandardItem]:
        # Plain items (the view is read-only): every call per cell costs, a page has 800.
        # Tooltips are made when asked for (tooltip()), not stored in 500 cells per page.
        items = [QStandardItem(text) for text in _texts(found, now)]
        _colour_due(items[COL_STATE], items[COL_DUE], found, now, fresh=True)
        return items

    def tooltip(self, row: int, column: int) -> str | None:
        """A cell's tooltip: long names whole, the full received time, the time left."""
        found = self.row(row)
        if found is None:
            return None
        if column == COL_SERVICE:
            return found.service_name
        if column == COL_APPLICANT:
            return found.applicant
        if column == COL_RECEIVED:
            return timefmt.format_local(found.received_at)
        if column in (COL_STATE, COL_DUE):
            return due_tooltip(found, self.now())
        return None

    def refresh_due(self) -> None:
        """Re-colour and re-word the due column for the present moment (call it now and then:
        an application turns 'segera' or 'terlambat' while the list is open)."""
        now = self.now()
        for position, found in enumerate(self._rows):
            items = (self.item(position, COL_STATE), self.item(position, COL_DUE))
            if None not in items:
                items[1].setText(due_text(found, now))
                _colour_due(*items, found, now)

    def _count(self) -> None:
        self._generation += 1
        generation, flt = self._generation, self.filter
        self.total = None
        if self._exhausted:  # the first page holds everything: no need to ask
            self._set_total(generation, len(self._rows))
            return
        # Counting a million rows takes a core for a while: after the first screenful.
        workers.after_paint(lambda: self._start_count(generation, flt))

    def _start_count(self, generation: int, flt: ApplicationFilter) -> None:
        if isValid(self) and generation == self._generation:  # else the filter moved on
            actor = self.actor
            workers.run_task(lambda: application_query.count(actor, flt),
                             lambda total: self._set_total(generation, total))

    def _set_total(self, generation: int, total: int) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.total = total
        self.count_changed.emit(total)

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()):
        if parent.isValid() or self._exhausted:
            return
        rows = self._read(len(self._rows))
        self._exhausted = len(rows) < self.page_size
        if rows:
            # A row inserted since the last page shifts the offsets: skip ids already shown.
            known = {r.id for r in self._rows[-self.page_size:]}
            rows = [r for r in rows if r.id not in known]
        if rows:
            self._append(rows)

    def refresh_application(self, application_id: int) -> None:
        """Re-read one row after it changed; reload the list if it moved or left the filter."""
        position = self.row_of(application_id)
        if position is None:
            return
        fresh = application_query.page(self.actor, self.filter, self.sort_key, self.descending,
                                       offset=position, limit=1)
        self.page_queries += 1
        if fresh and fresh[0].id == application_id:
            self._rows[position] = fresh[0]
            for column, item in enumerate(self._items(fresh[0], self.now())):
                self.setItem(position, column, item)
        else:
            self.reload()

    # --- reading -------------------------------------------------------------------------

    def rows(self) -> list[ApplicationRow]:
        return list(self._rows)

    def row(self, row: int) -> ApplicationRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def application_id(self, row: int) -> int | None:
        found = self.row(row)
        return found.id if found is not None else None

    def row_of(self, application_id: int) -> int | None:
        for position, found in enumerate(self._rows):
            if found.id == application_id:
                return position
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        """Re-query in the database's order; columns without an index are not sortable."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # already in this order (Qt calls sort() when sorting is enabled)
        self.set_filter(sort=key, descending=descending)

    def sort_column(self) -> int:
        return COLUMN_OF_SORT[self.sort_key]


def _texts(found: ApplicationRow, now: datetime.datetime) -> list[str]:
    """A row's cells, in COLUMNS order."""
    return [found.reg_number, timefmt.short_local(found.received_at), found.service_name, found.applicant,
            found.nik or "-", str(found.current_step),
            workflow.STATES.get(found.state, found.state), due_text(found, now)]


def export_values(found: ApplicationRow, now: datetime.datetime | None = None) -> list:
    """A row's cells for the xlsx export, in COLUMNS order: times as office-time dates."""
    texts = _texts(found, now or utcnow())
    texts[COL_RECEIVED] = list_export.local_time(found.received_at)
    texts[COL_STEP] = found.current_step
    if found.due_at is not None:
        texts[COL_DUE] = list_export.local_time(found.due_at)
    return texts


def _colour_due(state_item: QStandardItem, due_item: QStandardItem, found: ApplicationRow,
                now: datetime.datetime, fresh: bool = False) -> None:
    """The due state's colours on the state and due cells. A fresh item has none to clear."""
    foreground, background = DUE_COLOURS.get(row_due_state(found, now), (None, None))
    for item in (state_item, due_item):  # None clears the role: the palette's colour
        if foreground or not fresh:
            item.setData(QBrush(QColor(foreground)) if foreground else None,
                         Qt.ItemDataRole.ForegroundRole)
        if background or not fresh:
            item.setData(QBrush(QColor(background)) if background else None,
                         Qt.ItemDataRole.BackgroundRole)


class ApplicationTableView(QTableView):
    """Rows selected whole, read-only; double-click or Enter asks to open the application."""

    open_requested = Signal(int)

    def __init__(self, model: ApplicationTableModel | None = None, parent=None,
                 list_key: str = "permohonan"):
        super().__init__(parent)
        self.list_key = list_key  # whose column widths the user keeps (columns.ColumnLayout)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        self.doubleClicked.connect(lambda index: self._request(index.row()))
        # Applications turn 'segera' and 'terlambat' while the list is open.
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(DUE_REFRESH_MS)
        self._due_timer.timeout.connect(self.refresh_due)
        self._due_timer.start()
        if model is not None:
            self.setModel(model)

    def refresh_due(self) -> None:
        if self.isVisible() and isinstance(self.model(), ApplicationTableModel):
            self.model().refresh_due()

    def setModel(self, model) -> None:
        super().setModel(model)
        # Dates and 16-digit NIKs as wide as their longest text; the service and applicant
        # names take what is left, cut in the middle, and show whole on hover.
        self.columns = ColumnLayout(
            self, self.list_key,
            samples={COL_NUMBER: "00000/REG/2026", COL_RECEIVED: "30 Des 2026 23.59",
                     COL_NIK: "3371012345678901", COL_STATE: "Menunggu kelengkapan",
                     COL_DUE: "30 Des 2026 23.59"},
            elastic={COL_SERVICE: 180, COL_APPLICANT: 110, COL_STEP: 64, COL_STATE: 110,
                     COL_DUE: 110})
        # Set the indicator first: enabling sorting then asks for the order already loaded.
        self._sync_indicator()
        self.setSortingEnabled(True)
        self.horizontalHeader().sortIndicatorChanged.connect(self._keep_indicator_on_sortable)
        model.modelReset.connect(self._sync_indicator)

    def _sync_indicator(self) -> None:
        """Show the model's order, also when a page set it (the task list: oldest due first)."""
        model, header = self.model(), self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder
                                if model.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _keep_indicator_on_sortable(self, column: int, order) -> None:
        if column not in SORT_KEYS:
            self._sync_indicator()

    def current_application_id(self) -> int | None:
        index = self.currentIndex()
        return self.model().application_id(index.row()) if index.isValid() else None

    def select_application(self, application_id: int) -> bool:
        position = self.model().row_of(application_id)
        if position is None:
            return False
        self.selectRow(position)
        self.scrollTo(self.model().index(position, 0))
        return True

    def _request(self, row: int) -> None:
        application_id = self.model().application_id(row)
        if application_id is not None:
            self.open_requested.emit(application_id)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            model = self.model()
            text = (model.tooltip(index.row(), index.column())
                    if index.isValid() and isinstance(model, ApplicationTableModel) else None)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport(),
                                  self.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._request(self.currentIndex().row())
            return
        super().keyPressEvent(event)


# --- the dialogs every list opens ----------------------------------------------------------------
# Imported when used: they are large, and a list must still open if one of them is broken.

def _missing(parent, what: str, exc: Exception) -> None:
    QMessageBox.warning(parent, "Pelita", f"{what} belum bisa dibuka ("
                        + describe(exc, "kesalahan tak terduga") + ").\n"
                        "Laporkan pesan ini kepada administrator.")


def open_application(session, application_id: int, parent) -> bool:
    """Show one application in its detail dialog; False if it could not be opened."""
    try:
        from desktop.views.applications.application_detail import ApplicationDetailDialog

        dialog = ApplicationDetailDialog(session, application_id, parent)
    except PelitaError as exc:  # e.g. a role that may not read this case file
        QMessageBox.warning(parent, "Pelita", exc.message)
        return False
    except (ImportError, AttributeError) as exc:
        _missing(parent, "Rincian permohonan", exc)
        return False
    dialog.exec()
    return True


def register_application(session, parent) -> int | None:
    """The new-application dialog; the id of the registered application, or None."""
    try:
        from desktop.views.applications.new_application import NewApplicationDialog

        dialog = NewApplicationDialog(session, parent)
    except PelitaError as exc:
        QMessageBox.warning(parent, "Pelita", exc.message)
        return None
    except (ImportError, AttributeError) as exc:
        _missing(parent, "Formulir permohonan baru", exc)
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return getattr(dialog, "application_id", None)
