"""A printable document painted page by page onto a PDF or a printer, under a progress dialog
whose Batal stops it: QTextDocument.print_() does it in one call that cannot be followed or
stopped. A stopped PDF leaves no file."""
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.errors import Cancelled, PelitaError
from desktop.services.shared import files
from desktop.views.shared import export_runner

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


def write_pdf(document: QTextDocument, path: str, title: str, progress=None) -> int:
    """An A4 landscape PDF, never half a file (files.write_beside). Pages written."""

    def write(partial) -> int:
        writer = QPdfWriter(str(partial))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setResolution(PDF_DPI)
        writer.setTitle(title)
        try:
            return paint(document, writer, progress)
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


def ask_printer(parent, document_name: str):
    """A landscape printer the user chose in the system's print dialog, or None (Batal)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(document_name)
    return printer if QPrintDialog(printer, parent).exec() else None


def print_with_progress(parent, document: QTextDocument, printer, title: str) -> int:
    """paint() under the progress dialog; the pages printed (PelitaError, Cancelled as it)."""
    dialog, progress = progress_dialog(parent, title)
    try:
        return paint(document, printer, progress)
    finally:
        dialog.reset()


def pdf_with_progress(parent, document: QTextDocument, path: str, title: str) -> int:
    """write_pdf() under the progress dialog "Menyimpan PDF"; the pages written."""
    dialog, progress = progress_dialog(parent, "Menyimpan PDF")
    try:
        return write_pdf(document, path, title, progress)
    finally:
        dialog.reset()
