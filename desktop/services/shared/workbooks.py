"""Saving an openpyxl workbook: written beside the target and moved into place, so a full
disk or a crash never leaves half a workbook under the name the user chose."""
from pathlib import Path


def save(book, path) -> None:
    path = Path(path)
    partial = path.with_name(path.name + ".sebagian")
    try:
        book.save(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
