"""Column widths a list can be read by: sized to their content within the view's width, long
names cut in the middle (the two DTKS services differ only at their end: "… Secara Online",
"… Secara Offline") with the whole text on hover, and the user's own widths, once they drag a
column, kept per list on this PC (QSettings). "Atur ulang lebar kolom" on the header's menu
goes back to the fitted widths."""
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QToolTip
from shiboken6 import isValid

PADDING = 18  # a cell's margins and the header's sort arrow
SETTINGS = ("Pelita", "Pelita")  # QSettings' organisation and application, as the window's
MAX_NATURAL = 520  # a column sized by its content never takes more than this


class ColumnLayout(QObject):
    """Installed on a QTableView: `samples` gives the widths of fixed-size columns (dates,
    numbers: the longest text they hold); `elastic` the columns that give way when the view is
    narrow, each with the least width it keeps (by default every column, down to its title:
    the widest give the most)."""

    def __init__(self, view: QTableView, key: str, samples: dict[int, str] | None = None,
                 elastic: dict[int, int] | None = None):
        super().__init__(view)
        self.view, self.key = view, f"lists/{key}/header"
        self.samples = dict(samples or {})
        self.elastic = dict(elastic) if elastic is not None else None
        self.user_sized = False
        self._fitting = False
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        self._dragging = False
        header.viewport().installEventFilter(self)
        self._refit_on_rows = True  # the first rows after a (re)load size the columns
        model = view.model()
        if model is not None:
            model.modelReset.connect(self._reloaded)
            model.rowsInserted.connect(self._rows_arrived)
        saved = QSettings(*SETTINGS).value(self.key)
        if saved is not None and header.restoreState(saved):
            self.user_sized = True
        else:
            self.fit()

    # -- fitting ---------------------------------------------------------------------------
    def natural_widths(self) -> dict[int, int]:
        view, metrics = self.view, self.view.fontMetrics()
        model = view.model()
        widths = {}
        for column in range(model.columnCount() if model is not None else 0):
            if view.isColumnHidden(column):
                continue  # takes no room
            width = self._title_width(column)
            if column in self.samples:
                width = max(width, metrics.horizontalAdvance(self.samples[column]) + PADDING)
            else:  # the rows loaded so far (a page at most): Qt measures those it has
                width = max(width, min(MAX_NATURAL, view.sizeHintForColumn(column) + 6))
            widths[column] = width
        return widths

    def _title_width(self, column: int) -> int:
        title = self.view.model().headerData(column, Qt.Orientation.Horizontal)
        return self.view.fontMetrics().horizontalAdvance(str(title or "")) + PADDING

    def fit(self) -> None:
        """Content widths; where they do not fit, the widest elastic columns give way first:
        short ones (a kecamatan, a state) stay whole while long names share the cut."""
        widths = self.natural_widths()
        room = self.view.viewport().width()
        elastic = self.elastic if self.elastic is not None else dict.fromkeys(widths, 0)
        floors = {c: max(least, self._title_width(c)) for c, least in elastic.items()
                  if c in widths}
        if sum(widths.values()) > room and floors:
            widths.update(_capped(widths, floors, room))
        self._fitting = True
        try:
            for column, width in widths.items():
                self.view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def refit(self) -> None:
        """Fit again (a column shown or hidden), unless the user has sized the columns."""
        if not self.user_sized:
            self.fit()

    def _reloaded(self) -> None:
        self._refit_on_rows = True
        self._rows_arrived()

    def _rows_arrived(self, *_args) -> None:
        model = self.view.model()
        if self._refit_on_rows and not self.user_sized and model.rowCount():
            self._refit_on_rows = False  # not on every page scrolled in: widths stay still
            self.fit()

    def reset(self) -> None:
        QSettings(*SETTINGS).remove(self.key)
        self.user_sized = False
        self.fit()

    # -- the user's widths -----------------------------------------------------------------
    def _resized(self, *_args) -> None:
        # Only a drag on the header is the user's: the last column stretching with the view,
        # or a fit, is not.
        if self._fitting or not self._dragging:
            return
        self.user_sized = True
        QSettings(*SETTINGS).setValue(self.key, self.view.horizontalHeader().saveState())

    def _menu(self, position) -> None:
        menu = QMenu(self.view)
        menu.addAction("Atur ulang lebar kolom", self.reset)
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))

    # -- events: refit while the user has not sized; the whole text of a cut cell on hover --
    def eventFilter(self, watched, event) -> bool:
        if not isValid(self.view):  # the view's last events, as it is destroyed
            return False
        kind = event.type()
        if watched is self.view and kind in (QEvent.Type.Show, QEvent.Type.Resize):
            if not self.user_sized:
                self.fit()
        elif watched is self.view.viewport() and kind == QEvent.Type.ToolTip:
            return self._tooltip(event)
        elif watched is self.view.horizontalHeader().viewport():
            if kind == QEvent.Type.MouseButtonPress:
                self._dragging = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._dragging = False
        return False

    def _tooltip(self, event) -> bool:
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tooltip
        text = str(index.data() or "")
        cell = self.view.visualRect(index)
        if text and self.view.fontMetrics().horizontalAdvance(text) + 8 > cell.width():
            QToolTip.showText(event.globalPos(), text, self.view.viewport(), cell)
            return True
        return False  # shown whole: the view's own tooltip, if it has one


def _capped(widths: dict[int, int], floors: dict[int, int], room: int) -> dict[int, int]:
    """The elastic columns' widths under one common ceiling, the highest with which every
    column fits `room` (none below its floor): a column narrower than the ceiling keeps its
    own width, as a browser lays out a table too wide for the page."""
    fixed = sum(w for c, w in widths.items() if c not in floors)

    def total(ceiling: int) -> int:
        return fixed + sum(min(widths[c], max(ceiling, floor)) for c, floor in floors.items())

    low, high = 0, max(widths[c] for c in floors)
    while low < high:  # the highest ceiling whose total fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if total(middle) <= room else (low, middle - 1)
    return {c: min(widths[c], max(low, floor)) for c, floor in floors.items()}
