"""Any list as shown to an xlsx workbook: the list's query read a chunk at a time, the columns
the list shows in its order under its header texts. Header bold and frozen, columns as wide
as their contents, dates and times as Excel dates. `progress(done, total)` returning False
stops the export (Cancelled) and leaves no file."""
import datetime

from desktop.errors import Cancelled
from desktop.services.shared import audit, files, timefmt

CHUNK = 500
WIDTH_SAMPLE = 200  # rows measured for the column widths (written before the rows)
WIDTH_MIN, WIDTH_MAX = 8, 60
DATE_FORMAT, MOMENT_FORMAT = "DD-MM-YYYY", "DD-MM-YYYY HH:MM"
CANCELLED = "Ekspor dibatalkan; tidak ada berkas yang ditulis."


def local_time(utc_naive: datetime.datetime | None) -> datetime.datetime | None:
    """A stored (UTC) moment as the office's wall time, naive: what Excel shows as is."""
    return timefmt.to_local(utc_naive).replace(tzinfo=None) if utc_naive else None


def _shown(value) -> str:
    if isinstance(value, datetime.datetime):
        return "00-00-0000 00:00"
    if isinstance(value, datetime.date):
        return "00-00-0000"
    return "" if value is None else str(value)


def widths(headers, rows) -> list[float]:
    """Each column as wide as its longest text among `rows` (and its header), within limits."""
    result = []
    for column, header in enumerate(headers):
        longest = max([len(header)] + [len(_shown(row[column])) for row in rows])
        result.append(min(max(longest + 2, WIDTH_MIN), WIDTH_MAX))
    return result


def _rows(pages, chunk: int):
    offset = 0
    while True:
        found = pages(offset, chunk)
        yield from found
        if len(found) < chunk:
            return
        offset += chunk


def write_xlsx(actor, path, *, title: str, headers: list[str], pages, values, total: int,
               progress=None, table: str, chunk: int = CHUNK) -> int:
    """Write `values(row)` of every row `pages(offset, limit)` reads; returns the rows written.
    The audit trail records who exported which list and how many rows."""
    from openpyxl import Workbook  # imported when used: not needed to start Pelita
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    written = 0  # rows read and turned into cells so far: the progress

    def tick():
        if progress is not None and not progress(written, max(total, written)):
            sheet.close()  # ends openpyxl's stream into its temporary file, which it removes
            raise Cancelled(CANCELLED)

    tick()
    rows = _rows(pages, chunk)
    first = []
    for row in rows:
        first.append(values(row))
        written += 1
        if written % chunk == 0:
            tick()
        if len(first) >= WIDTH_SAMPLE:
            break
    for column, width in enumerate(widths(headers, first), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)

    def cells(line):
        out = []
        for value in line:
            if isinstance(value, datetime.date):
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = MOMENT_FORMAT if isinstance(value, datetime.datetime) \
                    else DATE_FORMAT
                out.append(cell)
            else:
                out.append(value)
        return out

    for line in first:
        sheet.append(cells(line))
    for row in rows:
        sheet.append(cells(values(row)))
        written += 1
        if written % chunk == 0:
            tick()
    tick()
    files.write_beside(path, book.save)
    audit.record(actor, "export", table, None, new={"daftar": title, "baris": written})
    return written
