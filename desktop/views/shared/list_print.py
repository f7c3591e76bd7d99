"""A list printed as it is shown: its visible columns in their order and at their widths, its
rows (those not yet read are read first, up to MAX_ROWS), under a title and what it is filtered
by, with the time printed and page numbers at each foot; A4, landscape when the columns are
wide. To a printer through the print dialog (a PDF printer among its choices), or to a PDF."""
import html

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPageLayout, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QLineEdit, QMenu, QMessageBox,
                               QSpinBox, QToolButton)

from desktop.errors import Cancelled, PelitaError
from desktop.services.shared import masking, timefmt
from desktop.views.shared import file_dialogs, paged
from desktop.views.shared.date_field import NO_DATE, DateEdit
from desktop.views.shared.errors import describe

MAX_ROWS = 2000  # about 50 pages; a longer list is for the Excel export
PORTRAIT_MAX_PX = 760  # columns wider than this on screen do not fit a portrait A4
PORTRAIT_MAX_COLUMNS = 5
STYLE = ("body { font-family: sans-serif; font-size: 8pt; } h1 { font-size: 12pt; } "
         "th { background: #e8edf2; text-align: left; } td, th { padding: 2px; }")


def visible_columns(view) -> list[int]:
    """The model's columns the view shows, in the order the user sees them."""
    header = view.horizontalHeader()
    model = view.model()
    shown = (header.logicalIndex(visual) for visual in range(model.columnCount()))
    return [column for column in shown if not view.isColumnHidden(column)]


def is_wide(view) -> bool:
    columns = visible_columns(view)
    header = view.horizontalHeader()
    return (len(columns) > PORTRAIT_MAX_COLUMNS
            or sum(header.sectionSize(c) for c in columns) > PORTRAIT_MAX_PX)


def page_layout(view) -> QPageLayout:
    return paged.a4(QPageLayout.Orientation.Landscape if is_wide(view)
                    else QPageLayout.Orientation.Portrait)


def read_all(model, limit: int = MAX_ROWS) -> bool:
    """Read the rows a paged model has not read yet, up to `limit`; True when rows remain
    beyond what will be printed."""
    root = QModelIndex()
    while model.rowCount() < limit and model.canFetchMore(root):
        before = model.rowCount()
        model.fetchMore(root)
        if model.rowCount() == before:
            break
    return model.rowCount() > limit or model.canFetchMore(root)


def list_html(view, title: str, subtitle: str = "", masked=(), limit: int = MAX_ROWS) -> str:
    """The view's rows as an HTML table; NIKs in the `masked` columns show their last 4
    digits only (paper leaves the office)."""
    model = view.model()
    cut = read_all(model, limit)
    columns = visible_columns(view)
    header = view.horizontalHeader()
    total = sum(header.sectionSize(c) for c in columns) or 1
    head = "".join(
        f'<th width="{max(1, round(100 * header.sectionSize(c) / total))}%">'
        f"{html.escape(str(model.headerData(c, Qt.Orientation.Horizontal) or ''))}</th>"
        for c in columns)
    rows = []
    for row in range(min(model.rowCount(), limit)):
        cells = []
        for column in columns:
            text = str(model.data(model.index(row, column)) or "")
            if column in masked:
                text = masking.mask_niks(text)
            cells.append(f"<td>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    shown = min(model.rowCount(), limit)
    count = (f"{shown:,} baris pertama dicetak; persempit filter atau gunakan ekspor Excel "
             "untuk semuanya." if cut else f"{shown:,} baris.").replace(",", ".")
    lines = [f"<h1>{html.escape(title)}</h1>"]
    if subtitle:
        lines.append(f"<p>{html.escape(masking.mask_niks(subtitle))}</p>")
    lines.append(f"<p>{count}</p>")
    body = (f'<table border="1" cellspacing="0" width="100%"><thead><tr>{head}</tr></thead>'
            + "".join(rows) + "</table>") if rows else "<p><i>Tidak ada baris.</i></p>"
    return (f"<html><head><style>{STYLE}</style></head><body>" + "".join(lines) + body
            + "</body></html>")


def list_document(view, title: str, subtitle: str = "", masked=()) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(list_html(view, title, subtitle, masked))
    return document


def footer(title: str):
    """Each page's foot: the title and when it was printed; the page number."""
    printed = timefmt.format_local(timefmt.utcnow())
    return lambda page, pages: (f"{title} · dicetak {printed}", f"Halaman {page} dari {pages}")


def write_pdf(view, path: str, title: str, subtitle: str = "", masked=(), parent=None) -> int:
    """The list as a PDF under the progress dialog; the pages written."""
    return paged.pdf_with_progress(parent or view, list_document(view, title, subtitle, masked),
                                   path, title, page_layout(view), footer(title))


def filter_summary(*widgets) -> str:
    """What a list's filter widgets say when they are not at their first choice:
    'Status: Diproses · Pencarian: "agus"' (`widgets` are (label, widget) pairs)."""
    parts = []
    for label, widget in widgets:
        if isinstance(widget, QComboBox) and widget.currentIndex() > 0:
            parts.append(f"{label}: {widget.currentText()}")
        elif isinstance(widget, QLineEdit) and widget.text().strip():
            parts.append(f'{label}: "{widget.text().strip()}"')
        elif isinstance(widget, QCheckBox) and widget.isChecked():
            parts.append(label)
        elif isinstance(widget, QSpinBox) and widget.value() != widget.minimum():
            parts.append(f"{label}: {widget.value()}")
        elif isinstance(widget, DateEdit):
            day = widget.date()  # NO_DATE when empty, invalid when typed as no date
            if day.isValid() and day != NO_DATE:
                parts.append(f"{label}: {timefmt.format_date(day.toPython())}")
        elif isinstance(widget, QDateEdit) and widget.date() != widget.minimumDate():
            parts.append(f"{label}: {timefmt.format_date(widget.date().toPython())}")
    return " · ".join(parts)


class PrintListButton(QToolButton):
    """'Cetak…' for a list page: the view's list to a printer; its menu saves a PDF.
    `subtitle()` says what the list is filtered by; NIKs in `masked` columns are cut short."""

    def __init__(self, view, title: str, subtitle=None, masked=(), parent=None):
        super().__init__(parent)
        self.view, self.title, self.masked = view, title, frozenset(masked)
        self.subtitle = subtitle or (lambda: "")
        self.setText("Cetak…")
        self.setToolTip(f"Cetak {title.lower()} seperti yang tampil (kolom dan filternya)")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self)
        menu.addAction("Cetak ke printer…", self.print_list)
        menu.addAction("Simpan sebagai PDF…", self.save_pdf)
        self.setMenu(menu)
        self.clicked.connect(self.print_list)

    def document(self) -> QTextDocument:
        return list_document(self.view, self.title, self.subtitle(), self.masked)

    def print_list(self) -> None:
        printer = paged.ask_printer(self, self.title, page_layout(self.view))
        if printer is None:
            return
        try:
            pages = paged.print_with_progress(self, self.document(), printer,
                                              f"Mencetak {self.title.lower()}",
                                              footer(self.title))
        except Cancelled as exc:
            QMessageBox.information(self, "Pelita", exc.message)
            return
        except PelitaError as exc:
            QMessageBox.warning(self, "Pelita", describe(exc, "Daftar tidak bisa dicetak."))
            return
        QMessageBox.information(self, "Pelita", f"{self.title} ({pages} halaman) dikirim ke "
                                "printer.")

    def save_pdf(self) -> None:
        name = f"{self.title.lower().replace(' ', '-')}-{timefmt.office_today():%Y-%m-%d}"
        path = file_dialogs.save_path(self, f"Simpan {self.title.lower()} sebagai PDF",
                                      name + ".pdf", "Dokumen PDF", ".pdf")
        if not path:
            return
        try:
            pages = write_pdf(self.view, path, self.title, self.subtitle(), self.masked, self)
        except Cancelled as exc:
            QMessageBox.information(self, "Pelita", exc.message)
            return
        except OSError as exc:
            QMessageBox.warning(self, "Pelita", "Berkas tidak bisa ditulis "
                                f"({exc.strerror or 'ditolak'}). Pilih folder lain.")
            return
        except PelitaError as exc:
            QMessageBox.warning(self, "Pelita", describe(exc, "PDF tidak bisa disimpan."))
            return
        QMessageBox.information(self, "Pelita", f"{self.title} ({pages} halaman) disimpan ke "
                                f"{path}.")
