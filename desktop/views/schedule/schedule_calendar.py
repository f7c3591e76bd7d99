"""A painted timeline: one row per vehicle, driver or technician, bookings as coloured blocks.

Day view spans 06.00–22.00 of one day, week view seven whole days. A block can be dragged to
another time or row; the page applies the move through the services, under the usual rules.
"""
import datetime
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.services.shared import timefmt

STATE_COLOURS = {
    "booked": "#f4c542", "confirmed": "#4a90d9", "departed": "#8e5bb5",
    "completed": "#3a9d5d", "cancelled": "#c8c8c8", "scheduled": "#4a90d9",
    "waiting_parts": "#e67e22", "blackout": "#9e9e9e",
}
STATE_LABELS = {"booked": "Dipesan", "confirmed": "Dikonfirmasi", "departed": "Berangkat",
                "completed": "Selesai", "cancelled": "Batal", "scheduled": "Dijadwalkan",
                "waiting_parts": "Menunggu suku cadang", "blackout": "Tidak tersedia"}
LABEL_WIDTH = 170
HEADER_HEIGHT = 38
ROW_HEIGHT = 46
SNAP_MINUTES = 15
DAY_HOURS = (6, 22)


@dataclass
class CalendarItem:
    key: object  # what the page uses to find the record, e.g. ("hearse", 12)
    row: object  # the row's key (resource id)
    start: datetime.datetime  # office-local, naive
    end: datetime.datetime
    title: str
    detail: str
    state: str
    movable: bool = True
    # Shown instead of title and detail when the block is too narrow (a week's column):
    # lines of time, who and where, each cut to the block's width (the tooltip has it all).
    short: str = ""


class TimelineWidget(QWidget):
    selected = Signal(object)  # the item's key, or None
    activated = Signal(object)  # double-click: the item's key
    moved = Signal(object, object, object)  # key, new local start, new row key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[object, str]] = []
        self.items: list[CalendarItem] = []
        self.day = datetime.date.today()
        self.days = 1
        self.selected_key = None
        self._press: tuple[QPoint, CalendarItem] | None = None
        self._drag_offset: tuple[int, int] | None = None  # (dx, dy) while dragging
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ---- data ----
    def set_range(self, day: datetime.date, days: int) -> None:
        self.day, self.days = day, days
        self.updateGeometry()
        self.update()

    def set_content(self, rows, items) -> None:
        self.rows, self.items = list(rows), list(items)
        if self.selected_key not in {i.key for i in self.items}:
            self.selected_key = None
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    # ---- geometry ----
    def _span(self) -> tuple[datetime.datetime, datetime.datetime]:
        if self.days == 1:
            first = datetime.datetime.combine(self.day, datetime.time(DAY_HOURS[0]))
            return first, datetime.datetime.combine(self.day, datetime.time(DAY_HOURS[1]))
        first = datetime.datetime.combine(self.day, datetime.time())
        return first, first + datetime.timedelta(days=self.days)

    def _px_per_minute(self) -> float:
        first, last = self._span()
        minutes = (last - first).total_seconds() / 60
        return max(1, self.width() - LABEL_WIDTH - 4) / minutes

    def x_of(self, moment: datetime.datetime) -> int:
        first, _ = self._span()
        return LABEL_WIDTH + int((moment - first).total_seconds() / 60 * self._px_per_minute())

    def time_at(self, x: int) -> datetime.datetime:
        first, _ = self._span()
        minutes = (x - LABEL_WIDTH) / self._px_per_minute()
        snapped = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
        return first + datetime.timedelta(minutes=snapped)

    def row_at(self, y: int):
        index = (y - HEADER_HEIGHT) // ROW_HEIGHT
        return self.rows[index][0] if 0 <= index < len(self.rows) else None

    def item_rect(self, item: CalendarItem) -> QRect | None:
        index = next((i for i, (key, _) in enumerate(self.rows) if key == item.row), None)
        if index is None:
            return None
        first, last = self._span()
        if item.end <= first or item.start >= last:
            return None
        left = self.x_of(max(item.start, first))
        right = self.x_of(min(item.end, last))
        top = HEADER_HEIGHT + index * ROW_HEIGHT + 4
        return QRect(left, top, max(4, right - left - 1), ROW_HEIGHT - 8)

    def item_at(self, pos: QPoint) -> CalendarItem | None:
        for item in reversed(self.items):  # painted last is on top
            rect = self.item_rect(item)
            if rect is not None and rect.contains(pos):
                return item
        return None

    def sizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + (960 if self.days == 1 else 1120),
                     HEADER_HEIGHT + ROW_HEIGHT * max(1, len(self.rows)) + 2)

    # ---- painting ----
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_grid(painter)
        for item in self.items:
            if item.state == "blackout":
                self._paint_item(painter, item)
        for item in self.items:
            if item.state != "blackout":
                self._paint_item(painter, item)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        first, last = self._span()
        height = HEADER_HEIGHT + ROW_HEIGHT * len(self.rows)
        painter.setPen(QPen(QColor("#dddddd")))
        for index, (_, label) in enumerate(self.rows):
            top = HEADER_HEIGHT + index * ROW_HEIGHT
            if index % 2:
                painter.fillRect(QRect(0, top, self.width(), ROW_HEIGHT), QColor("#f7f9fb"))
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(QRect(8, top, LABEL_WIDTH - 12, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, label)
            painter.setPen(QPen(QColor("#e3e3e3")))
            painter.drawLine(0, top + ROW_HEIGHT, self.width(), top + ROW_HEIGHT)
        step = datetime.timedelta(hours=1 if self.days == 1 else 6)
        moment = first
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        while moment <= last:
            x = self.x_of(moment)
            major = moment.hour == 0 and self.days > 1
            painter.setPen(QPen(QColor("#9aa5b1" if major else "#e3e3e3")))
            painter.drawLine(x, HEADER_HEIGHT - 6 if not major else 0, x, height)
            painter.setPen(QPen(QColor("#555555")))
            if self.days == 1:
                painter.drawText(x + 3, HEADER_HEIGHT - 10, f"{moment:%H.%M}")
            elif major:
                painter.drawText(x + 4, 15, f"{timefmt.DAYS[moment.weekday()]} "
                                 f"{moment.day} {timefmt.MONTHS[moment.month - 1][:3]}")
            else:
                painter.drawText(x + 2, HEADER_HEIGHT - 6, f"{moment:%H}")
            moment += step
        painter.setPen(QPen(QColor("#b0b8c1")))
        painter.drawLine(LABEL_WIDTH, 0, LABEL_WIDTH, height)
        painter.drawLine(0, HEADER_HEIGHT, self.width(), HEADER_HEIGHT)
        now = timefmt.to_local(datetime.datetime.now(datetime.timezone.utc)
                               .replace(tzinfo=None)).replace(tzinfo=None)
        if first <= now <= last:
            painter.setPen(QPen(QColor("#c0392b"), 2))
            painter.drawLine(self.x_of(now), HEADER_HEIGHT, self.x_of(now), height)

    def _paint_item(self, painter: QPainter, item: CalendarItem) -> None:
        rect = self.item_rect(item)
        if rect is None:
            return
        if self._drag_offset and self._press and self._press[1] is item:
            rect = rect.translated(*self._drag_offset)
        colour = QColor(STATE_COLOURS.get(item.state, "#4a90d9"))
        if item.state == "blackout":
            painter.fillRect(rect, QColor(colour.red(), colour.green(), colour.blue(), 70))
            painter.fillRect(rect, Qt.BrushStyle.BDiagPattern)
            painter.setPen(QPen(QColor("#555555")))
        else:
            painter.setBrush(colour)
            border = QColor("#1b2631") if item.key == self.selected_key else colour.darker(130)
            painter.setPen(QPen(border, 2 if item.key == self.selected_key else 1))
            painter.drawRoundedRect(rect, 4, 4)
            light = item.state in ("booked", "cancelled", "waiting_parts")
            painter.setPen(QPen(QColor("#1b2631" if light else "#ffffff")))
        text_rect = rect.adjusted(5, 2, -3, -2)
        font = QFont(self.font())
        font.setStrikeOut(item.state == "cancelled")
        painter.setFont(font)
        metrics = painter.fontMetrics()
        if item.short and metrics.horizontalAdvance(item.title[:12]) > text_rect.width():
            narrow = QFont(font)
            narrow.setPointSizeF(max(6.0, font.pointSizeF() - 2))
            painter.setFont(narrow)
            small = painter.fontMetrics()
            beside = QRect(rect.right() + 3, text_rect.top(),
                           self._free_right(item, rect) - rect.right() - 6, text_rect.height())
            if beside.width() >= small.horizontalAdvance("00.00 alm."):
                # a week's narrow block: its words in the free room after it, as a Gantt chart
                text_rect = beside
                painter.setPen(QPen(QColor("#1b2631")))
            top = text_rect.top()
            for line in item.short.split("\n"):
                if top + small.height() > text_rect.bottom() + 2:
                    break
                painter.drawText(text_rect.left(), top + small.ascent(), small.elidedText(
                    line, Qt.TextElideMode.ElideRight, text_rect.width()))
                top += small.height()
            return
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         metrics.elidedText(item.title, Qt.TextElideMode.ElideRight,
                                            text_rect.width()))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         painter.fontMetrics().elidedText(item.detail, Qt.TextElideMode.ElideRight,
                                                          text_rect.width()))

    def _free_right(self, item: CalendarItem, rect: QRect) -> int:
        """Where the room after a block ends: the next block in its row, or its day's end."""
        day_end = datetime.datetime.combine(item.start.date() + datetime.timedelta(days=1),
                                            datetime.time())
        limit = min(self.x_of(min(day_end, self._span()[1])), self.width() - 2)
        for other in self.items:
            if other is item or other.row != item.row:
                continue
            other_rect = self.item_rect(other)
            if other_rect is not None and other_rect.left() > rect.right():
                limit = min(limit, other_rect.left())
        return limit

    # ---- mouse ----
    def select_key(self, key) -> None:
        self.selected_key = key
        self.update()
        self.selected.emit(key)

    def mousePressEvent(self, event):
        item = self.item_at(event.position().toPoint())
        if item is not None and item.state == "blackout":
            item = None
        self.select_key(item.key if item else None)
        self._press = (event.position().toPoint(), item) if item else None
        self._drag_offset = None

    def mouseMoveEvent(self, event):
        if self._press is None or not self._press[1].movable:
            return
        origin = self._press[0]
        delta = event.position().toPoint() - origin
        if self._drag_offset is None and delta.manhattanLength() < 6:
            return
        row_shift = round(delta.y() / ROW_HEIGHT) * ROW_HEIGHT
        self._drag_offset = (delta.x(), row_shift)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.update()

    def mouseReleaseEvent(self, event):
        press, offset = self._press, self._drag_offset
        self._press, self._drag_offset = None, None
        self.unsetCursor()
        self.update()
        if press is None or offset is None:
            return
        item = press[1]
        rect = self.item_rect(item)
        if rect is None:
            return
        new_start = self.time_at(self.x_of(item.start) + offset[0])
        row = self.row_at(rect.center().y() + offset[1])
        if row is None:
            return
        if new_start != item.start or row != item.row:
            self.moved.emit(item.key, new_start, row)

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            item = self.item_at(event.pos())
            if item is None:
                QToolTip.hideText()
            else:
                span = f"{item.start:%d/%m %H.%M}–{item.end:%H.%M}"
                QToolTip.showText(event.globalPos(), f"{item.title}\n{item.detail}\n{span} "
                                  f"({STATE_LABELS.get(item.state, item.state)})", self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event):
        item = self.item_at(event.position().toPoint())
        if item is not None and item.state != "blackout":
            self.activated.emit(item.key)
