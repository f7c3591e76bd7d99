"""The tanda terima berkas laid out for its paper: half an A4 (A5 landscape, the top half of an
A4 sheet) or a receipt printer's roll (80 or 58 mm wide, as long as the receipt), printed
through the print dialog or saved as PDF with views.shared.paged."""
import html
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QMenu, QToolButton

from desktop.errors import Cancelled, PelitaError
from desktop.services.applications import receipt as receipt_service
from desktop.services.shared import files
from desktop.views.shared import file_dialogs, paged
from desktop.views.shared.errors import describe

EMBLEM_URL = "pelita://lambang"


@dataclass(frozen=True)
class Paper:
    width_mm: float
    margins_mm: tuple[float, float, float, float]  # left, top, right, bottom
    font_pt: float
    roll: bool  # a receipt printer's roll: one page as long as the receipt


PAPERS = {
    "a5": Paper(210, (10, 8, 10, 8), 9, False),
    "80mm": Paper(80, (4, 3, 4, 3), 8, True),  # 72 mm printable, as 80 mm printers have
    "58mm": Paper(58, (5, 3, 5, 3), 7, True),  # 48 mm printable
}
MIN_ROLL_MM = 60  # the cutter needs some paper even under a short receipt
ROLL_SLACK_MM = 4
ROLL_INDENT_PX = 16
SMALLEST_PT = 6.5  # still read on half an A4; a longer checklist takes a second page


def _e(text: str) -> str:
    return html.escape(text or "")


def _items(lines: tuple[str, ...], empty: str) -> str:
    if not lines:
        return f"<p><i>{_e(empty)}</i></p>"
    return "<ol>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ol>"


def _fields(receipt) -> list[tuple[str, str]]:
    return [("Pemohon", f"{receipt.applicant} ({receipt.identity})"),
            ("Layanan", receipt.service),
            ("Diterima", f"{receipt.received_at}, {receipt.channel.lower()}"),
            ("Batas waktu", receipt.due)]


def _letterhead(receipt, base: float, with_emblem: bool) -> str:
    """The kop: region and office in bold, then address and contacts smaller."""
    sizes = [base * 1.1, base * 1.25][-len(receipt.heading):]
    bold = "".join(_line(line, size) for line, size in zip(receipt.heading, sizes))
    rest = "".join(_line(line, base * 0.85) for line in receipt.office_lines)
    head = f'<div align="center"><b>{bold}</b>{rest}</div>'
    if with_emblem:
        return (f'<table width="100%"><tr><td width="60"><img src="{EMBLEM_URL}" height="54">'
                f'</td><td>{head}</td><td width="60"></td></tr></table>')
    return head


def _line(text: str, size: float) -> str:
    return f'<div style="font-size: {size:.1f}pt">{_e(text)}</div>'


def receipt_html(receipt, paper: str, base: float | None = None) -> str:
    """The receipt as HTML for a QTextDocument on `paper` ('a5', '80mm', '58mm'), its body
    type `base` points (the paper's own size unless told)."""
    base = base or PAPERS[paper].font_pt
    wide = not PAPERS[paper].roll
    head = _letterhead(receipt, base, wide and receipt.emblem is not None)
    title = (f'<p align="center" style="font-size: {base * 1.15:.1f}pt; margin-top: 4px">'
             '<b>TANDA TERIMA BERKAS PERMOHONAN</b></p>')
    number = (f'<p align="center" style="font-size: {base * 1.6:.1f}pt; margin: 2px"><b>'
              f'{_e(receipt.reg_number)}</b></p>')
    received = _items(receipt.received, "Belum ada berkas yang diterima.")
    missing = _items(receipt.missing, "Tidak ada: berkas sudah lengkap.")
    received_title = f"<b>Berkas diterima ({len(receipt.received)})</b>"
    missing_title = f"<b>Berkas belum ada ({len(receipt.missing)})</b>"
    ask = ("<p><b>Menanyakan perkembangan</b><br/>"
           + "<br/>".join(_e(line) for line in receipt.ask) + "</p>")
    # A kop's rule: a bordered empty table (a <hr> after a table is not painted).
    rule = ('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 3px; '
            'margin-bottom: 3px"><tr><td style="border-bottom: 1.5px solid #000; '
            'font-size: 1pt">&nbsp;</td></tr></table>')
    if wide:
        rows = "".join(f'<tr><td width="18%">{_e(label)}</td><td>: {_e(value)}</td></tr>'
                       for label, value in _fields(receipt))
        body = (f'<table width="100%" cellspacing="0" cellpadding="1">{rows}</table>'
                f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
                f'style="border-color: #888; margin-top: 6px"><tr>'
                f'<td width="50%">{received_title}{received}</td>'
                f'<td width="50%">{missing_title}{missing}</td></tr></table>'
                f'<table width="100%" style="margin-top: 4px"><tr><td width="62%">{ask}</td>'
                f'<td align="center">{_e(receipt.unit)},<br/>Petugas penerima<br/><br/><br/>'
                f'<b>{_e(receipt.officer)}</b></td></tr></table>')
    else:
        rows = "".join(f'<p style="margin-top: 4px; margin-bottom: 0"><b>{_e(label)}</b>'
                       f"<br/>{_e(value)}</p>"
                       for label, value in _fields(receipt))
        body = (f"{rule}{rows}{rule}<p>{received_title}</p>{received}<p>{missing_title}</p>"
                f"{missing}{rule}{ask}<p>Petugas penerima: <b>{_e(receipt.officer)}</b></p>")
    printed = (f'<p style="font-size: {base * 0.8:.1f}pt; color: #555">Dicetak '
               f'{_e(receipt.printed_at)}</p>')
    return (f'<html><body style="font-family: sans-serif; font-size: {base}pt">'
            f'{head}{rule}{title}{number}{body}{printed}</body></html>')


def receipt_document(receipt, paper: str, base: float | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)  # the page's margins are the printer's
    if PAPERS[paper].roll:
        document.setIndentWidth(ROLL_INDENT_PX)  # a list's numbers, not a third of the width
    if receipt.emblem:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(EMBLEM_URL),
                             QImage.fromData(receipt.emblem))
    document.setHtml(receipt_html(receipt, paper, base))
    return document


def fitted_document(device, receipt, paper: str) -> QTextDocument:
    """The receipt for `device`: on a roll, the page made as long as the receipt; on half an
    A4, in one page, its type made smaller for a long checklist (an LKS has 11 documents)."""
    if PAPERS[paper].roll:
        document = receipt_document(receipt, paper)
        fit_roll(device, document, paper)
        return document
    area = device.pageLayout().paintRectPixels(device.resolution())
    base = PAPERS[paper].font_pt
    while True:
        document = receipt_document(receipt, paper, base)
        probe = document.clone()
        probe.documentLayout().setPaintDevice(device)
        probe.setPageSize(QSizeF(area.width(), area.height()))
        if probe.pageCount() == 1 or base <= SMALLEST_PT:
            return document
        base -= 0.5


def page_layout(paper: str, length_mm: float = MIN_ROLL_MM) -> QPageLayout:
    """A5 landscape; or the roll's width and `length_mm` (fit_roll sets the true length)."""
    spec = PAPERS[paper]
    margins = QMarginsF(*spec.margins_mm)
    if not spec.roll:
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                           QPageLayout.Orientation.Landscape, margins,
                           QPageLayout.Unit.Millimeter)
    size = QPageSize(QSizeF(spec.width_mm, length_mm), QPageSize.Unit.Millimeter,
                     f"Struk {paper}", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins,
                       QPageLayout.Unit.Millimeter)


def fit_roll(device, document: QTextDocument, paper: str) -> None:
    """A roll's page as long as `document` lays out on `device` (its own fonts and resolution:
    a length measured elsewhere can wrap a line more and spill onto a second receipt). A page
    the user changed in the print dialog (another width) is left as chosen."""
    spec = PAPERS[paper]
    if not spec.roll:
        return
    mm = QPageLayout.Unit.Millimeter
    if abs(device.pageLayout().fullRect(mm).width() - spec.width_mm) > 0.5:
        return
    device.setPageLayout(page_layout(paper))
    probe = document.clone()
    probe.documentLayout().setPaintDevice(device)
    probe.setTextWidth(device.pageLayout().paintRectPixels(device.resolution()).width())
    height = probe.size().height() / device.resolution() * 25.4
    _, top, _, bottom = spec.margins_mm
    device.setPageLayout(page_layout(paper, max(MIN_ROLL_MM, height + top + bottom
                                                + ROLL_SLACK_MM)))


def write_pdf(user, application_id: int, path: str) -> int:
    """The receipt as a PDF on the setting's paper, never half a file. Pages written."""
    receipt, paper = receipt_service.build(user, application_id), receipt_service.paper()

    def write(partial) -> int:
        writer = QPdfWriter(str(partial))
        writer.setResolution(paged.PDF_DPI)
        writer.setTitle(f"Tanda terima {receipt.reg_number}")
        writer.setPageLayout(page_layout(paper))
        try:
            return paged.paint(fitted_document(writer, receipt, paper), writer)
        finally:
            del writer  # ends the PDF, and lets go of the file

    return files.write_beside(path, write)


class ReceiptButton(QToolButton):
    """'Cetak tanda terima' to a printer through the print dialog; its menu saves a PDF.
    `application_id()` says which application; `say(text, error)` reports the outcome."""

    def __init__(self, session, application_id, say, parent=None):
        super().__init__(parent)
        self.session, self.application_id, self.say = session, application_id, say
        self.setText("Cetak tanda terima")
        self.setToolTip("Tanda terima berkas untuk pemohon: nomor registrasi, berkas diterima "
                        "dan yang belum ada, batas waktu, cara menanyakan perkembangan")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self)
        menu.addAction("Cetak ke printer…", self.print_receipt)
        menu.addAction("Simpan sebagai PDF…", self.save_pdf)
        self.setMenu(menu)
        self.clicked.connect(self.print_receipt)

    def print_receipt(self) -> None:
        try:
            receipt = receipt_service.build(self.session.user, self.application_id())
            paper = receipt_service.paper()
        except PelitaError as exc:
            self.say(describe(exc, "Tanda terima tidak bisa disiapkan."), True)
            return
        printer = paged.ask_printer(self, f"Tanda terima {receipt.reg_number}",
                                    page_layout(paper))
        if printer is None:
            return
        try:
            paged.print_with_progress(self, fitted_document(printer, receipt, paper), printer,
                                      "Mencetak tanda terima")
        except Cancelled as exc:
            self.say(exc.message, False)
            return
        except PelitaError as exc:
            self.say(describe(exc, "Tanda terima tidak bisa dicetak."), True)
            return
        self.say(f"Tanda terima {receipt.reg_number} dikirim ke printer.", False)

    def save_pdf(self) -> None:
        path = file_dialogs.save_path(self, "Simpan tanda terima sebagai PDF",
                                      "tanda-terima.pdf", "Dokumen PDF", ".pdf")
        if not path:
            return
        try:
            write_pdf(self.session.user, self.application_id(), path)
        except (OSError, PelitaError) as exc:
            self.say(describe(exc, "PDF tanda terima tidak bisa disimpan."), True)
            return
        self.say(f"Tanda terima disimpan ke {path}.", False)
