"""A list printed as shown: its visible columns in the user's order, every row (those not read
yet too, up to the limit), NIKs cut short, a title, the filter, the time printed and page
numbers; A4 landscape when wide, portrait when not."""
import datetime
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QMessageBox, QTableView

from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.views.applications.applications_page import ApplicationsPage
from desktop.views.lks.registry_page import LksRegistryPage
from desktop.views.shared import file_dialogs, list_print
from desktop.views.shell.session import Session
from tests.factories import make_office, make_person

pytestmark = pytest.mark.skipif(not (shutil.which("pdfinfo") and shutil.which("pdftotext")),
                                reason="poppler-utils (pdfinfo, pdftotext) not installed")
A4 = (595.28, 841.89)
WIDE = ["No.", "Nama", "NIK", "Alamat", "Layanan", "Status", "Catatan", "Tenggat"]


def pdf_pages(path) -> tuple[int, tuple[float, float]]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.MULTILINE).groups()
    return pages, (float(w), float(h))


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def table(qtbot, headers, rows) -> QTableView:
    model = QStandardItemModel(0, len(headers))
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        model.appendRow([QStandardItem(text) for text in row])
    view = QTableView()
    view.setModel(model)
    view.model_ref = model  # the view does not own a model set on it
    qtbot.addWidget(view)
    return view


def wide_rows(count):
    return [[str(i), f"Warga {i:03d}", f"33710115038500{i % 100:02d}", "Jl. Tidar", "SLRT",
             "Diproses", "rahasia", "1 Des 2026"] for i in range(1, count + 1)]


def test_a_wide_list_prints_landscape_as_shown(qtbot, tmp_path):
    view = table(qtbot, WIDE, wide_rows(120))
    view.setColumnHidden(WIDE.index("Catatan"), True)
    header = view.horizontalHeader()
    header.moveSection(WIDE.index("Nama"), 0)  # the user dragged Nama first
    assert list_print.visible_columns(view)[:2] == [1, 0]
    path = tmp_path / "daftar.pdf"
    pages = list_print.write_pdf(view, str(path), "Daftar permohonan", "Status: Diproses",
                                 masked={WIDE.index("NIK")})
    count, size = pdf_pages(path)
    assert count == pages > 1
    assert size == (pytest.approx(A4[1], abs=1), pytest.approx(A4[0], abs=1))  # landscape
    text = text_of(path)
    assert "Daftar permohonan" in text and "Status: Diproses" in text and "120 baris." in text
    assert re.search(r"Nama\s+No\.\s+NIK", text)  # the columns in the user's order
    assert "Catatan" not in text and "rahasia" not in text  # the hidden column stays out
    assert "Warga 001" in text and "Warga 120" in text
    assert "************0001" in text and "3371011503850001" not in text
    assert f"Halaman 1 dari {pages}" in text and f"Halaman {pages} dari {pages}" in text
    assert "dicetak" in text


def test_a_narrow_list_prints_portrait(qtbot, tmp_path):
    view = table(qtbot, ["Kecamatan", "Jumlah"], [["Magelang Selatan", "12"]])
    for column in range(2):
        view.setColumnWidth(column, 150)
    assert not list_print.is_wide(view)
    path = tmp_path / "kecil.pdf"
    list_print.write_pdf(view, str(path), "Rekap kecamatan")
    assert pdf_pages(path) == (1, (pytest.approx(A4[0], abs=1), pytest.approx(A4[1], abs=1)))
    view.setColumnWidth(0, 900)  # one column widened past a portrait page: landscape
    assert list_print.is_wide(view)


class PagedModel(QStandardItemModel):
    """Rows read 10 at a time as a paged list model reads them."""

    def __init__(self, total):
        super().__init__(0, 1)
        self.total = total
        self.fetchMore()

    def canFetchMore(self, parent=QModelIndex()):
        return self.rowCount() < self.total

    def fetchMore(self, parent=QModelIndex()):
        for i in range(self.rowCount(), min(self.rowCount() + 10, self.total)):
            self.appendRow([QStandardItem(f"baris {i + 1}")])


def test_rows_not_read_yet_are_printed_up_to_the_limit(qtbot):
    model = PagedModel(35)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    assert model.rowCount() == 10
    page = list_print.list_html(view, "Daftar")
    assert "baris 35" in page and "35 baris." in page
    model = PagedModel(50)
    view.setModel(model)
    page = list_print.list_html(view, "Daftar", limit=20)
    assert "baris 20<" in page and "baris 21<" not in page
    assert "20 baris pertama dicetak" in page and "ekspor Excel" in page


@pytest.fixture
def office(sqlite_db):
    return make_office()


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda *args, _name=name, **kw: shown.append((_name, args[2])))
    return shown


def test_the_applications_page_prints_its_filtered_list(qtbot, office, tmp_path, monkeypatch,
                                                        boxes):
    dtks = service_catalog.get("mgl-surat-keterangan-dtks")
    other = make_person(nik="3371024508900002", name="Sri Lestari", sex="P",
                        birth_date=datetime.date(1990, 8, 5))
    apps = [workflow.register(office["clerk"], dtks, person=p)
            for p in (office["person"], other)]
    page = ApplicationsPage(Session(office["clerk"], "test", "sqlite:///test.db"))
    qtbot.addWidget(page)
    page.search_edit.setText("Sri")
    page.apply_filter()
    assert page.model.rowCount() == 1
    saved = tmp_path / "permohonan.pdf"
    monkeypatch.setattr(file_dialogs, "save_path", lambda *args: str(saved))
    action = next(a for a in page.print_button.menu().actions()
                  if a.text() == "Simpan sebagai PDF…")
    action.trigger()
    assert boxes == [("information", f"Daftar permohonan (1 halaman) disimpan ke {saved}.")]
    count, (width, height) = pdf_pages(saved)
    assert count == 1 and width > height  # eight columns: landscape
    text = text_of(saved)
    assert apps[1].reg_number in text and apps[0].reg_number not in text
    assert 'Pencarian: "Sri"' in text
    assert "************0002" in text and "3371024508900002" not in text


def test_the_lks_register_has_its_print_button(qtbot, office, tmp_path, monkeypatch, boxes):
    page = LksRegistryPage(Session(office["admin"], "test", "sqlite:///test.db"))
    qtbot.addWidget(page)
    saved = tmp_path / "lks.pdf"
    monkeypatch.setattr(file_dialogs, "save_path", lambda *args: str(saved))
    page.print_button.menu().actions()[1].trigger()
    assert boxes and boxes[0][0] == "information"
    assert "Daftar LKS" in text_of(saved) and "Tidak ada baris." in text_of(saved)


def test_the_filter_summary_says_a_typed_date_filter(qtbot):
    from desktop.views.shared.forms import filter_date, set_date

    since, until = filter_date("Dari"), filter_date("Sampai")
    for edit in (since, until):
        qtbot.addWidget(edit)
    set_date(since, datetime.date(2027, 12, 15))
    until.line.setText("31/02/2027")  # no date: not printed as a filter
    assert list_print.filter_summary(("Dari", since), ("Sampai", until)) == \
        "Dari: 15 Desember 2027"
    set_date(since, None)
    assert list_print.filter_summary(("Dari", since)) == ""
