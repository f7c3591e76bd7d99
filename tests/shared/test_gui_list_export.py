"""'Ekspor xlsx…' on every main list page, on demo data: the file holds the page's columns as
shown (a hidden one left out) and as many rows as the page's query counts, not only those
scrolled into view."""
import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QTableView

from desktop.models import User
from desktop.services.demo import seed
from desktop.views.shared import export_runner, list_export
from desktop.views.shell.session import Session


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from desktop import database
    from desktop.services.shell import schema

    url = "sqlite:///" + str(tmp_path_factory.mktemp("demo") / "demo.db")
    database.connect(url)
    schema.migrate()
    seed.fill(size=150)
    yield url
    database.close()


@pytest.fixture
def demo(demo_db):
    from desktop import database

    database.connect(demo_db)  # other modules' fixtures close it between tests
    yield demo_db


def session(username, url):
    return Session(User.get(User.username == username), "Tertanam (SQLite): demo.db", url)


def applications(s):
    from desktop.views.applications.applications_page import ApplicationsPage
    page = ApplicationsPage(s)
    return page, page.view, lambda: page.model.total


def letters(s):
    from desktop.views.letters.letters_page import LettersPage
    page = LettersPage(s)
    page.select_state(None)
    return page, page.table, lambda: page.model.rowCount()


def complaints(s):
    from desktop.views.complaints.complaints_page import ComplaintsPage
    page = ComplaintsPage(s)
    page.shown.setCurrentIndex(page.shown.findData(""))  # every complaint
    return page, page.table, lambda: page.model.rowCount()


def audit(s):
    from desktop.views.admin.audit_page import AuditPage
    page = AuditPage(s)
    return page, page.view, lambda: page.model.rowCount()


def permits(s):
    from desktop.views.permits.permits_page import PermitsPage
    page = PermitsPage(s)
    return page, page.view, lambda: page.model.total


def atensi(s):
    from desktop.views.referrals.atensi_page import AtensiPage
    page = AtensiPage(s)
    table = next(t for t in page.findChildren(QTableView) if t.model() is page.kelurahan)
    page.export_button = page.export_buttons[1]  # the recap per kelurahan
    return page, table, lambda: page.kelurahan.rowCount()


def institutions(s):
    from desktop.views.referrals.institutions_page import InstitutionsPage
    page = InstitutionsPage(s)
    return page, page.table, lambda: page.model.rowCount()


def shelter(s):
    from desktop.views.referrals.shelter_page import ShelterPage
    page = ShelterPage(s)
    return page, page.table, lambda: page.model.rowCount()


def stock(s):
    from desktop.views.stock.stock_page import StockPage
    page = StockPage(s)
    return page, page.item_table, lambda: page.items.rowCount()


PAGES = {"permohonan": ("kadis", applications), "surat": ("kadis", letters),
         "pengaduan": ("kadis", complaints), "audit": ("admin", audit),
         "izin": ("kadis", permits), "atensi": ("kadis", atensi),
         "lembaga": ("kadis", institutions), "rumah singgah": ("kadis", shelter),
         "stok": ("kadis", stock)}


@pytest.mark.parametrize("name", PAGES)
def test_every_list_page_exports_what_it_shows(qtbot, demo, tmp_path, monkeypatch, name):
    username, build = PAGES[name]
    page, table, expected_rows = build(session(username, demo))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: expected_rows() is not None, timeout=3000)
    assert expected_rows() > 0, "the demo should give this list rows"
    shown = list_export.visible_columns(table)
    table.setColumnHidden(shown[-1], True)
    headers = list_export.header_texts(table, shown[:-1])
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    target = tmp_path / f"{name}.xlsx"
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(target))
    page.export_button.click()
    assert said and said[0].startswith(f"{expected_rows():,}".replace(",", ".") + " baris"), said
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == headers
    assert len(rows) - 1 == expected_rows()
