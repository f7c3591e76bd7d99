"""A printable document painted page by page onto a PDF or a printer, under a progress dialog
whose Batal stops it: QTextDocument.print_() does it in one call that cannot be followed or
stopped. A stopped PDF leaves no file."""
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.errors import Cancelled, PelitaError

PDF_DPI = 150


def paint(document: QTextDocument, device, progress=None) -> int:
    """Lay `document` out on `device`'s pages and paint them; `progress(page, pages)`
    returning False stops (Cancelled). The number of pages painted."""
    document = document.clone()  # laid out for the device, the screen's copy untouched
    document.documentLayout().setPaintDevice(device)
    area = device.pageLayout().paintRectPixels(device.resolution())
    document.setPageSize(QSizeF(area.width(), area.height()))
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise PelitaError("Printer atau berkas PDF tidak bisa dibuka; periksa lalu coba lagi.")
    try:
        for page in range(pages):
            if progress is not None and not progress(page, pages):
                raise Cancelled("Dibatalkan; tidak ada yang dicetak atau disimpan.")
            if page:
                device.newPage()
            top = page * area.height()
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, area.width(), area.height()))
            painter.restore()
        if progress is not None:
            progress(pages, pages)
    finally:
        painter.end()
    return pages


def write_pdf(document: QTextDocument, path: str, title: str, progress=None,
              landscape: bool = True) -> int:
    """A4 PDF written beside the target and moved in: never half a file. Pages written."""
    partial = Path(path).with_name(Path(path).name + ".sebagian")
    writer = QPdfWriter(str(partial))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                              else QPageLayout.Orientation.Portrait)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    try:
        try:
            pages = paint(document, writer, progress)
        finally:
            del writer  # ends the PDF, and lets go of the file
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return pages


def progress_dialog(parent, title: str):
    """A window-modal progress dialog and the `progress` callable that drives it."""
    dialog = QProgressDialog(f"{title}…", "Batal", 0, 0, parent)
    dialog.setWindowTitle("Pelita")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(page: int, pages: int) -> bool:
        dialog.setMaximum(pages)
        dialog.setValue(page)
        dialog.setLabelText(f"{title}: halaman {min(page + 1, pages)} dari {pages}")
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return dialog, progress
