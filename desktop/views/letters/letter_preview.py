"""A letter's preview: the real document, the DOCX converted to PDF (LibreOffice) and its
pages drawn as images by poppler's pdftoppm, all off the UI thread. Without either tool the
pane says so and offers the DOCX to open in Word or LibreOffice instead.
"""
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton,
                               QVBoxLayout, QWidget)
from shiboken6 import isValid

from desktop.errors import PelitaError
from desktop.services.letters import lifecycle, pdf
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import ERROR_TEXT_STYLE
from desktop.views.shell import workers

PREVIEW_DPI = 110  # sharp enough at the pane's width, quick to render
# Zoom steps, as a share of the page drawn at PREVIEW_DPI; None is "as wide as the pane".
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PDFTOPPM_TIMEOUT_S = 120
NO_POPPLER = ("Pratinjau halaman memerlukan Poppler (pdftoppm), yang tidak terpasang di PC ini. "
              "Surat tetap dapat dibuka di Word atau LibreOffice dengan tombol 'Buka dokumen'. "
              "Untuk pratinjau, pasang Poppler (di Debian/Ubuntu: sudo apt install "
              "poppler-utils; di Windows: poppler for Windows, folder bin di PATH).")


# --- rendering pages (Qt-free: runs in worker threads) ----------------------------------------

def pdf_pages(data: bytes, dpi: int = PREVIEW_DPI) -> list[bytes]:
    """Each page of a PDF as PNG bytes, drawn by pdftoppm. Raises PelitaError without it."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PelitaError(NO_POPPLER)
    with tempfile.TemporaryDirectory(prefix="pelita-pages-") as tmp:
        source = Path(tmp) / "surat.pdf"
        source.write_bytes(data)
        try:
            result = subprocess.run([tool, "-png", "-r", str(dpi), str(source),
                                     str(Path(tmp) / "hal")], capture_output=True,
                                    timeout=PDFTOPPM_TIMEOUT_S, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PelitaError(f"pdftoppm gagal menggambar halaman surat ({exc}). Buka "
                              "dokumennya di Word atau LibreOffice.") from None
        pages = sorted(Path(tmp).glob("hal*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
        if result.returncode != 0 or not pages:
            detail = result.stderr.decode(errors="replace").strip().splitlines()
            raise PelitaError("pdftoppm gagal menggambar halaman surat"
                              + (f" ({detail[-1]})" if detail else "")
                              + ". Buka dokumennya di Word atau LibreOffice.")
        return [p.read_bytes() for p in pages]


def letter_pdf(actor, letter) -> bytes:
    """A signed letter's kept PDF (made once), or a draft converted now."""
    if letter.state in lifecycle.ISSUED:
        return lifecycle.pdf_of(actor, letter)
    return pdf.docx_to_pdf(lifecycle.preview(letter))


@dataclass
class Rendered:
    """What the preview pane shows: the DOCX, and its pages when they could be drawn."""

    letter_id: int
    version: int
    docx: bytes
    pages: list = field(default_factory=list)  # PNG bytes, one per page
    problem: str = ""  # why there are no pages


def render_letter_pages(actor, letter_id: int, dpi: int = PREVIEW_DPI) -> Rendered:
    letter = lifecycle.get(letter_id, actor)
    docx = lifecycle.preview(letter)  # a tampered signed letter raises here: nothing to show
    rendered = Rendered(letter.id, letter.version, docx)
    try:
        rendered.pages = pdf_pages(letter_pdf(actor, letter), dpi)
    except PelitaError as exc:
        rendered.problem = exc.message
    return rendered


def document_name(letter) -> str:
    """A file name for the letter: its number once signed, else konsep-surat-<id>."""
    base = letter.number or f"konsep-surat-{letter.id}"
    return re.sub(r"[^\w.-]+", "_", base).strip("_") or f"surat-{letter.id}"


def open_docx(letter, data: bytes) -> tuple[bool, str]:
    """Write the document to a temporary file and hand it to Word/LibreOffice."""
    folder = Path(tempfile.gettempdir()) / "pelita-surat"
    folder.mkdir(exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=document_name(letter) + "-", suffix=".docx",
                                    dir=folder)
    with os.fdopen(handle, "wb") as fh:
        fh.write(data)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(name)), name


# --- the preview pane --------------------------------------------------------------------------

class LetterPreview(QWidget):
    """A letter's pages as images in a scroll area, drawn in the background."""

    rendered = Signal(object)  # the Rendered shown, or None after an error (tests wait on it)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.letter_id: int | None = None
        self.current: Rendered | None = None
        self._letter = None
        self._generation = 0
        self._pixmaps: list[QPixmap] = []
        self._cache: dict[tuple[int, int], Rendered] = {}

        self.status = QLabel("Pilih surat untuk melihat pratinjaunya.")
        self.status.setWordWrap(True)
        self.open_button = QPushButton("Buka dokumen")
        self.open_button.setToolTip("Buka surat di Word atau LibreOffice")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_document)
        self.open_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)

        self.zoom: float | None = None  # None: fit the pane's width
        self.zoom_out_button = self._zoom_button("−", "Perkecil (Ctrl+-, Ctrl+roda tetikus)",
                                                 lambda: self.step_zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._zoom_button("+", "Perbesar (Ctrl++, Ctrl+roda tetikus)",
                                                lambda: self.step_zoom(1))
        self.fit_button = self._zoom_button("Sesuai lebar", "Halaman selebar panel (Ctrl+0)",
                                            self.fit_width)
        self.zoom_bar = QWidget()
        zoom_row = QHBoxLayout(self.zoom_bar)
        zoom_row.setContentsMargins(0, 0, 0, 0)
        zoom_row.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_button):
            zoom_row.addWidget(widget)
        self.zoom_bar.hide()
        for keys, action in ((QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
                             ("Ctrl+=", lambda: self.step_zoom(1)),
                             (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
                             ("Ctrl+0", self.fit_width)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

        self.pages_widget = QWidget()
        self.pages_widget.setStyleSheet("background: #6b7280;")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setContentsMargins(12, 12, 12, 12)
        self.pages_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.setMinimumWidth(320)
        self.scroll.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.zoom_bar)
        layout.addWidget(self.scroll, 1)

    def _zoom_button(self, text: str, tip: str, action) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(action)
        return button

    def page_labels(self) -> list[QLabel]:
        return [self.pages_layout.itemAt(i).widget() for i in range(self.pages_layout.count())
                if self.pages_layout.itemAt(i).widget() is not None]

    def clear(self, text: str = "Pilih surat untuk melihat pratinjaunya.") -> None:
        self._generation += 1
        self.letter_id, self.current, self._letter = None, None, None
        self._set_pages([])
        self._say(text)
        self.open_button.hide()

    def show_letter(self, letter_id: int, version: int | None = None) -> None:
        """Render (or take from the cache) and show; a later call wins over an earlier one."""
        self._generation += 1
        generation = self._generation
        self.letter_id = letter_id
        cached = self._cache.get((letter_id, version)) if version is not None else None
        if cached is not None:
            self._show(generation, cached)
            return
        self._set_pages([])
        self.open_button.hide()
        self._say("Menyiapkan pratinjau surat…")
        actor = self.session.user
        workers.run_task(lambda: render_letter_pages(actor, letter_id),
                         lambda result: self._show(generation, result),
                         lambda exc: self._failed(generation, exc))

    def _show(self, generation: int, result: Rendered) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._cache[(result.letter_id, result.version)] = result
        if len(self._cache) > 20:
            self._cache.pop(next(iter(self._cache)))
        self.current = result
        self._set_pages(result.pages)
        if result.pages:
            count = len(result.pages)
            self._say(f"{count} halaman." if count > 1 else "1 halaman.")
            self.open_button.hide()
        else:
            self._say(result.problem, error=True)
            self.open_button.show()
        self.rendered.emit(result)

    def _failed(self, generation: int, exc: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.current = None
        self._set_pages([])
        self._say(describe(exc, "Pratinjau gagal dibuat."), error=True)
        self.open_button.hide()
        self.rendered.emit(None)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_TEXT_STYLE if error else "color: #444;")
        self.status.setText(text)

    def _set_pages(self, pngs: list[bytes]) -> None:
        for label in self.page_labels():
            self.pages_layout.removeWidget(label)
            label.hide()  # deleteLater waits for the event loop: until then it would show
            label.deleteLater()
        self._pixmaps = []
        for number, png in enumerate(pngs, 1):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self._pixmaps.append(pixmap)
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setToolTip(f"Halaman {number}")
            self.pages_layout.insertWidget(self.pages_layout.count() - 1, label, 0,
                                           Qt.AlignmentFlag.AlignHCenter)
        self._fit()

    def _fit(self) -> None:
        """Pages at the chosen zoom; fitted, as wide as the pane (never enlarged past the
        rendered size)."""
        factor = self.shown_zoom()
        for label, pixmap in zip(self.page_labels(), self._pixmaps):
            if pixmap.isNull():
                continue
            width = round(pixmap.width() * factor)
            shown = pixmap if width == pixmap.width() else pixmap.scaledToWidth(
                max(width, 1), Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(shown)
            label.setFixedSize(shown.size())  # wider than the pane: it scrolls sideways
        self.zoom_bar.setVisible(bool(self._pixmaps))
        self.zoom_label.setText(f"{round(factor * 100)}%")
        self.zoom_out_button.setEnabled(factor > ZOOMS[0] + 0.001)
        self.zoom_in_button.setEnabled(factor < ZOOMS[-1] - 0.001)
        self.fit_button.setEnabled(self.zoom is not None)

    def shown_zoom(self) -> float:
        """The pages' scale now: the chosen step, or what fitting the pane's width gives."""
        if self.zoom is not None:
            return self.zoom
        widest = max((p.width() for p in self._pixmaps if not p.isNull()), default=0)
        if not widest:
            return 1.0
        # Room for the vertical scroll bar whether it shows yet or not: a page fitted before
        # it appeared would otherwise be refitted narrower a moment later.
        bar = self.scroll.verticalScrollBar()
        room = self.scroll.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())
        return min(max(room - 24, 200) / widest, 1.0)

    def step_zoom(self, direction: int) -> None:
        """The next zoom step larger (1) or smaller (-1) than the pages' scale now."""
        if not self._pixmaps:
            return
        now = self.shown_zoom()
        steps = [z for z in ZOOMS if (z > now + 0.001 if direction > 0 else z < now - 0.001)]
        if steps:
            self.zoom = steps[0] if direction > 0 else steps[-1]
            self._fit()

    def fit_width(self) -> None:
        self.zoom = None
        self._fit()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport():
            if event.type() == QEvent.Type.Resize and self.zoom is None:
                self._fit()
            elif (event.type() == QEvent.Type.Wheel
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                if event.angleDelta().y():
                    self.step_zoom(1 if event.angleDelta().y() > 0 else -1)
                return True  # Ctrl+wheel zooms, it does not scroll
        return super().eventFilter(watched, event)

    def open_document(self) -> None:
        if self.current is None:
            return
        try:
            letter = lifecycle.get(self.current.letter_id, self.session.user)
        except PelitaError as exc:
            self._say(exc.message, error=True)
            return
        opened, name = open_docx(letter, self.current.docx)
        if not opened:
            self._say(f"Tidak ada aplikasi untuk membuka dokumen Word di PC ini; berkasnya "
                      f"tersimpan di {name}.", error=True)
