"""'Ekspor xlsx…' on a list page: the table's visible columns in their on-screen order and
header texts go to the page's export (the service reads the list's query, every row, not the
rows scrolled into view) on a background thread under export_runner's progress and Batal."""
import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

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
