"""The Beranda's working part. A kepala or an administrator sees the office at a glance: tiles
that count what is late, due today and waiting for them, each opening the list it counts
(filtered), and the last twelve months as charts; everyone else sees their own day."""
from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QSizePolicy, QVBoxLayout)

from desktop.services.reports import dashboard
from desktop.services.shared import permissions
from desktop.services.survey.report import decimal_text
from desktop.views.shared.errors import describe
from desktop.views.shell import workers

TILE_STYLE = ("QFrame#tile {{ border-radius: 6px; border: 1px solid {border}; "
              "background: {background}; }} QFrame#tile:hover {{ border-color: #1f3f7a; }}")
TONES = {"alarm": ("#e8a39c", "#fdecea"), "warn": ("#e8c880", "#fff4dc"),
         "calm": ("#b7c9c6", "#f4f7f6")}


def number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Tile(QFrame):
    """A count in large type and what it counts; clicking opens that list."""

    clicked = Signal()

    def __init__(self, target: tuple):
        super().__init__()
        self.target = target  # (section key, filter keywords)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(140)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-size: 18pt; font-weight: bold; border: none; "
                                       "background: transparent;")
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setStyleSheet("border: none; background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.count_label)
        layout.addWidget(self.words_label)

    def text(self) -> str:
        return f"{self.count_label.text()}\n{self.words_label.text()}"

    def show_text(self, big: str, words: str, tone: str) -> None:
        self.count_label.setText(big)
        self.words_label.setText(words)
        border, background = TONES[tone]
        self.setStyleSheet(TILE_STYLE.format(border=border, background=background))

    def show_count(self, count: int, words: str, tone: str | None = None) -> None:
        self.show_text(number(count), words, tone or ("alarm" if count else "calm"))

    def click(self) -> None:
        self.clicked.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class TilePanel(QGroupBox):
    """Tiles in a grid; `open_list(section, filter)` is emitted by a click."""

    open_list = Signal(str, dict)

    def __init__(self, title: str, targets: dict[str, tuple], columns: int = 4):
        super().__init__(title)
        self.grid = QGridLayout()
        self.tiles: dict[str, Tile] = {}
        for i, (key, target) in enumerate(targets.items()):
            tile = Tile(target)
            tile.clicked.connect(lambda t=tile: self.open_list.emit(*t.target))
            self.grid.addWidget(tile, i // columns, i % columns)
            self.tiles[key] = tile
        self.status = QLabel("Memuat…")
        self.status.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.grid)
        self.body.addWidget(self.status)


HEAD_TILES = {
    "overdue": ("permohonan", {"due": "terlambat"}),
    "due_today": ("permohonan", {"due": "hari_ini"}),
    "paraf": ("surat", {"state": "waiting_paraf"}),
    "signature": ("surat", {"state": "waiting_signature"}),
    "bookings": ("jadwal", {}),
    "complaints_late": ("pengaduan", {"shown": "terlambat"}),
    "complaints_today": ("pengaduan", {"shown": "hari_ini"}),
    "skm": ("skm", {}),
}


class DashboardPanel(TilePanel):
    def __init__(self, session, parent=None):
        super().__init__("Keadaan kantor hari ini", HEAD_TILES)
        self.session = session
        self.board = None
        self.sections_label = QLabel()
        self.sections_label.setWordWrap(True)
        self.body.insertWidget(1, self.sections_label)
        self.charts = QHBoxLayout()
        self.body.addLayout(self.charts)
        self.canvas = None

    def refresh(self) -> None:
        user = self.session.user
        workers.run_task(lambda: dashboard.load(user), self.show_board,
                         lambda exc: self.status.setText(describe(exc, "Dasbor tidak bisa "
                                                                       "dimuat.")))

    def show_board(self, board) -> None:
        self.board = board
        t = self.tiles
        t["overdue"].show_count(board.overdue, "permohonan terlambat")
        t["due_today"].show_count(board.due_today, "jatuh tempo hari ini",
                                  "warn" if board.due_today else "calm")
        t["paraf"].show_count(board.letters["waiting_paraf"], "surat menunggu paraf",
                              "warn" if board.letters["waiting_paraf"] else "calm")
        signer = self.session.user.role == permissions.HEAD
        t["signature"].show_count(board.letters["waiting_signature"],
                                  "menunggu tanda tangan Anda" if signer
                                  else "surat menunggu tanda tangan",
                                  "warn" if board.letters["waiting_signature"] else "calm")
        hearses, visits = board.bookings
        t["bookings"].show_count(hearses + visits, f"jadwal hari ini ({hearses} mobil jenazah, "
                                 f"{visits} seating clinic)", "calm")
        t["complaints_late"].show_count(board.complaints["terlambat"], "pengaduan terlambat")
        t["complaints_today"].show_count(
            board.complaints["hari_ini"], f"pengaduan jatuh tempo hari ini "
            f"({board.complaints['berjalan']} lainnya berjalan)",
            "warn" if board.complaints["hari_ini"] else "calm")
        result = board.survey
        if result.respondents:
            t["skm"].show_text(f"IKM {decimal_text(result.index)} ({result.grade})",
                               f"{result.grade_words}, {result.respondents} responden "
                               f"{board.today.year}",
                               "alarm" if result.grade in ("C", "D") else "calm")
        else:
            t["skm"].show_text("IKM —", f"belum ada kuesioner {board.today.year}", "warn")
        self.sections_label.setText(
            "Per bidang (terlambat / jatuh tempo hari ini): " + "; ".join(
                f"{name} {late}/{today}" for name, late, today in board.sections)
            if board.sections else "Tidak ada permohonan yang terlambat atau jatuh tempo hari "
            "ini.")
        self.status.setText("")
        self.draw_months(board.months)

    def draw_months(self, months) -> None:
        """Volume as bars and the on-time share as a line, drawn by matplotlib into an image;
        the same twelve months are drawn once (kept months change only with this month)."""
        if self.canvas is None:
            self.canvas = QLabel()
            self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.canvas.setStyleSheet("background: white;")
            self.charts.addWidget(self.canvas)
        key = tuple((m.year, m.month, m.received, m.completed, m.on_time) for m in months)
        self.canvas.setPixmap(QPixmap.fromImage(months_chart(key)))


@lru_cache(maxsize=4)
def months_chart(key: tuple) -> QImage:
    """The chart of `key`'s months ((year, month, received, completed, on time) each)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # only when drawn
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    months = [dashboard.Month(*values) for values in key]
    # Fixed margins: constrained layout measured every label and took two thirds of the
    # drawing time.
    figure = Figure(figsize=(10, 2.8), dpi=90)
    figure.subplots_adjust(left=0.05, right=0.99, bottom=0.17, top=0.88, wspace=0.16)
    canvas = FigureCanvasAgg(figure)
    volume = figure.add_subplot(1, 2, 1)
    labels = [m.label for m in months]
    volume.bar(labels, [m.received for m in months], color="#1e7a6a")
    volume.set_title("Permohonan diterima per bulan", fontsize=10)
    share = figure.add_subplot(1, 2, 2)
    share.plot(labels, [m.on_time_share * 100 if m.on_time_share is not None else float("nan")
                        for m in months], marker="o", color="#1f3f7a")
    share.set_ylim(0, 100)
    share.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:.0f}%"))
    share.set_title("Selesai tepat waktu (% dari yang selesai)", fontsize=10)
    for axes in (volume, share):
        axes.tick_params(labelsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    canvas.draw()
    width, height = canvas.get_width_height()
    return QImage(bytes(canvas.buffer_rgba()), width, height,
                  QImage.Format.Format_RGBA8888).copy()


MY_TILES = {
    "tasks": ("tugas", {}),
    "received_today": ("permohonan", {"received_today": True}),
    "returned": ("permohonan", {"state": "waiting"}),
    "letters_ready": ("surat", {"state": "signed"}),
}


class MyDayPanel(TilePanel):
    def __init__(self, session, parent=None):
        super().__init__("Hari Anda", MY_TILES)
        self.session = session

    def refresh(self) -> None:
        user = self.session.user
        workers.run_task(lambda: dashboard.my_day(user), self.show_day,
                         lambda exc: self.status.setText(describe(exc, "Belum bisa dimuat.")))

    def show_day(self, day) -> None:
        t = self.tiles
        t["tasks"].show_count(day.tasks, "tugas menunggu Anda", "warn" if day.tasks else "calm")
        t["received_today"].show_count(day.received_today, f"diterima hari ini (Anda: "
                                       f"{day.mine_today})", "calm")
        t["returned"].show_count(day.returned, "Anda kembalikan untuk dilengkapi warga",
                                 "warn" if day.returned else "calm")
        t["letters_ready"].show_count(day.letters_ready, "surat Anda siap diserahkan",
                                      "warn" if day.letters_ready else "calm")
        self.status.setText("")
