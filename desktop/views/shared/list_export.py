"""'Ekspor xlsx…' on a list page: the table's visible columns in their on-screen order and
header texts go to the page's export (the service reads the list's query, every row, not the
rows scrolled into view) on a background thread under export_runner's progress and Batal."""
import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.services.shared import list_export as shared_export
from desktop.views.shared import export_runner

BUTTON_TEXT = "Ekspor xlsx…"


def visible_columns(table) -> list[int]:
    """The model's columns the view shows, left to right as the user arranged them."""
    header = table.horizontalHeader()
    return [header.logicalIndex(visual) for visual in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(visual))]


def header_texts(table, columns: list[int]) -> list[str]:
    model = table.model()
    return [str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in columns]


def done_text(path: str):
    def text(written: int) -> str:
        rows = f"{written:,}".replace(",", ".")
        return f"{rows} baris diekspor ke {path}."
    return text


def export_table(parent, table, title: str, work) -> None:
    """Ask where to save; `work(path, columns, headers)`, called here on the UI thread (it
    reads the page's filter), returns the task run in the background with a progress callback.
    Columns are the model's column numbers as shown, headers their texts."""
    columns = visible_columns(table)
    headers = header_texts(table, columns)
    stem = title.lower().replace(" ", "-")
    path = export_runner.save_path(parent, f"Ekspor {title.lower()}",
                                   f"{stem}-{datetime.date.today():%Y-%m-%d}.xlsx",
                                   "Buku kerja Excel", ".xlsx")
    if not path:
        return
    task = work(path, columns, headers)
    export_runner.run(parent, f"Mengekspor {title.lower()}", task, done_text(path))


def export_button(parent, table, title: str, work) -> QPushButton:
    """The page's 'Ekspor xlsx…' button for `table`; see export_table for `work`."""
    button = QPushButton(BUTTON_TEXT)
    button.setToolTip(f"Simpan {title.lower()} seperti yang tampil (filter dan kolomnya), "
                      "semua barisnya, sebagai berkas Excel")
    button.setAutoDefault(False)
    button.clicked.connect(lambda: export_table(parent, table, title, work))
    return button


def query_task(actor, path, columns: list[int], headers: list[str], *, title: str, pages,
               count, values, table: str):
    """The background task of a page whose list is a service query: `pages(offset, limit)`
    and `count()` read it as the page does, `values(row)` gives a row's cells in the model's
    column order (dates as dates), of which the shown `columns` are written."""
    def cells(row) -> list:
        every = values(row)
        return [every[column] for column in columns]

    def task(progress) -> int:
        return shared_export.write_xlsx(actor, path, title=title, headers=headers, pages=pages,
                                        values=cells, total=count(), progress=progress,
                                        table=table)
    return task


def shown_rows(model) -> list[list]:
    """Every row of an in-memory model as displayed; whole numbers as numbers."""
    def value(text):
        return int(text) if text.isdigit() and len(text) < 16 else text  # not a NIK
    return [[value(str(model.index(row, column).data() or ""))
             for column in range(model.columnCount())] for row in range(model.rowCount())]


def rows_task(actor, path, columns: list[int], headers: list[str], *, title: str, rows,
              table: str):
    """The background task of a page whose list is in memory already: `rows` are every row's
    cells in the model's column order, taken on the UI thread."""
    return query_task(actor, path, columns, headers, title=title, table=table,
                      pages=lambda offset, limit: rows[offset:offset + limit],
                      count=lambda: len(rows), values=lambda row: row)
