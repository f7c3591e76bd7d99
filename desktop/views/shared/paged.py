"""A printable document painted page by page onto a PDF or a printer, under a progress dialog
whose Batal stops it: QTextDocument.print_() does it in one call that cannot be followed or
stopped. A stopped PDF leaves no file."""
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)
from PySide6.QtWidgets import QApplication

from desktop.errors import Cancelled, PelitaError
from desktop.services.shared import files
from desktop.views.shared import export_runner

PDF_DPI = 150
FOOTER_PT = 7.5


def a4(orientation=QPageLayout.Orientation.Landscape) -> QPageLayout:
    """An A4 page with 12 mm margins; landscape unless told."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)


def paint(document: QTextDocument, device, progress=None, footer=None) -> int:
    """Lay `document` out on `device`'s pages and paint them; `progress(page, pages)`
    returning False stops (Cancelled). `footer(page, pages)` gives a (left, right) pair of
    texts printed at each page's foot (page counts from 1). The number of pages painted."""
    # Laid out for the device, the screen's copy untouched. The copy lives only as long as
    # the original's wrapper (PySide keeps it the original's child): `document` stays held.
    laid = document.clone()
    laid.documentLayout().setPaintDevice(device)
    area = device.pageLayout().paintRectPixels(device.resolution())
    font = QFont(laid.defaultFont())
    font.setPointSizeF(FOOTER_PT)
    band = QFontMetricsF(font, device).height() * 2 if footer is not None else 0
    height = area.height() - band
    laid.setPageSize(QSizeF(area.width(), height))
    pages = laid.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise PelitaError("Printer atau berkas PDF tidak bisa dibuka; periksa lalu coba lagi.")
    try:
        for page in range(pages):
            if progress is not None and not progress(page, pages):
                raise Cancelled("Dibatalkan; tidak ada yang dicetak atau disimpan.")
            if page:
                device.newPage()
            top = page * height
            painter.save()
            painter.translate(0, -top)
            laid.drawContents(painter, QRectF(0, top, area.width(), height))
            painter.restore()
            if footer is not None:
                _foot(painter, font, QRectF(0, height, area.width(), band),
                      footer(page + 1, pages))
        if progress is not None:
            progress(pages, pages)
    finally:
        painter.end()
    return pages


def _foot(painter: QPainter, font: QFont, band: QRectF, texts: tuple[str, str]) -> None:
    painter.save()
    painter.setFont(font)
    align = Qt.AlignmentFlag.AlignBottom
    painter.drawText(band, align | Qt.AlignmentFlag.AlignLeft, texts[0])
    painter.drawText(band, align | Qt.AlignmentFlag.AlignRight, texts[1])
    painter.restore()


def write_pdf(document: QTextDocument, path: str, title: str, progress=None,
              layout: QPageLayout | None = None, footer=None) -> int:
    """A PDF on `layout`'s pages (A4 landscape unless told), never half a file
    (files.write_beside). Pages written."""

    def write(partial) -> int:
        writer = QPdfWriter(str(partial))
        if layout is None:
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        else:
            writer.setPageLayout(layout)
        writer.setResolution(PDF_DPI)
        writer.setTitle(title)
        try:
            return paint(document, writer, progress, footer)
        finally:
            del writer  # ends the PDF, and lets go of the file

    return files.write_beside(path, write)


def progress_dialog(parent, title: str):
    """The exports' progress dialog (export_runner's), and the `progress` callable that
    drives it page by page on this thread."""
    dialog = export_runner.progress_dialog(parent, title)

    def progress(page: int, pages: int) -> bool:
        dialog.setMaximum(pages)
        dialog.setValue(page)
        dialog.setLabelText(f"{title}: halaman {min(page + 1, pages)} dari {pages}")
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return dialog, progress


def ask_printer(parent, document_name: str, layout: QPageLayout | None = None):
    """A printer the user chose in the system's print dialog (a PDF printer among them), set
    to `layout` (landscape unless told) before the dialog lets the user change it; or None
    (Batal)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if layout is None:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    else:
        printer.setPageLayout(layout)
    printer.setDocName(document_name)
    return printer if QPrintDialog(printer, parent).exec() else None


def print_with_progress(parent, document: QTextDocument, printer, title: str,
                        footer=None) -> int:
    """paint() under the progress dialog; the pages printed (PelitaError, Cancelled as it)."""
    dialog, progress = progress_dialog(parent, title)
    try:
        return paint(document, printer, progress, footer)
    finally:
        dialog.reset()


def pdf_with_progress(parent, document: QTextDocument, path: str, title: str,
                      layout: QPageLayout | None = None, footer=None) -> int:
    """write_pdf() under the progress dialog "Menyimpan PDF"; the pages written."""
    dialog, progress = progress_dialog(parent, "Menyimpan PDF")
    try:
        return write_pdf(document, path, title, progress, layout, footer)
    finally:
        dialog.reset()
