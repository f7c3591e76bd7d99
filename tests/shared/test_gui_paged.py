"""A long printable document goes to PDF page by page under its progress, all of it; Batal
stops it and leaves no file, not even the partial one beside it."""
import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QTextDocument

from desktop.errors import Cancelled
from desktop.views.shared import paged

ROWS = 400


def long_document() -> QTextDocument:
    document = QTextDocument()
    rows = "".join(f"<tr><td>Layanan {i}</td><td align=right>{i * 7}</td></tr>"
                   for i in range(1, ROWS + 1))
    document.setHtml(f"<h3>Rekap</h3><table border=1>{rows}</table>")
    return document


def test_every_page_is_painted_and_reported(qtbot, tmp_path):
    seen = []
    target = tmp_path / "rekap.pdf"
    pages = paged.write_pdf(long_document(), str(target), "Rekap",
                            lambda page, total: seen.append((page, total)) or True)
    assert pages > 3 and seen[0] == (0, pages) and seen[-1] == (pages, pages)
    assert len(seen) == pages + 1
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert list(tmp_path.iterdir()) == [target]
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE), info
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                              text=True).stdout
        assert f"Layanan {ROWS}" in text and "Layanan 1\n" in text


def test_batal_leaves_no_file(qtbot, tmp_path):
    target = tmp_path / "rekap.pdf"
    with pytest.raises(Cancelled):
        paged.write_pdf(long_document(), str(target), "Rekap", lambda page, total: page < 2)
    assert list(tmp_path.iterdir()) == []
