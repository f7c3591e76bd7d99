"""Laporan as a head uses it: the month's recap on screen, its Excel export through the
progress dialog, the row export stopped by Batal, and the PDF for printing."""
import datetime

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from desktop.services.reports import recap
from desktop.views.reports import reports_page
from desktop.views.shared import export_runner
from desktop.views.shell.session import Session
from tests.factories import make_office
from tests.reports.test_recap import application, at


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def test_the_recap_on_screen_to_excel_and_pdf(qtbot, sqlite_db, tmp_path, monkeypatch):
    o = make_office()
    application(o, state="completed", closed_at=at(3), due_at=at(7))
    application(o, channel="telepon")
    page = reports_page.ReportsPage(session(o["head"]))
    qtbot.addWidget(page)
    page.picker.start.setDate(datetime.date(2026, 11, 1))
    page.picker.end.setDate(datetime.date(2026, 11, 30))
    assert page.result.start == datetime.date(2026, 11, 1)
    rows = [[page.services.item(r, c).text() for c in range(page.services.columnCount())]
            for r in range(page.services.rowCount())]
    assert rows[-1][1] == "Jumlah" and rows[-1][2:4] == ["2", "1"]
    assert "2 permohonan diterima" in page.status.text()
    assert page.spm.rowCount() == len(recap.SPM_INDICATORS)

    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: messages.append(a[2]))
    target = tmp_path / "rekap.xlsx"
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(target))
    page.export_recap()
    assert load_workbook(target)["Rekap per layanan"].max_row == 4 + 1
    assert messages[-1] == f"Rekap disimpan ke {target}."

    rows_file = tmp_path / "daftar.xlsx"
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(rows_file))
    monkeypatch.setattr(export_runner.Progress, "__call__", lambda self, d, t: False)  # Batal
    page.export_rows()
    assert "dibatalkan" in messages[-1] and not rows_file.exists()

    pdf = tmp_path / "rekap.pdf"
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(pdf))
    page.save_pdf()
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    assert "Jumlah" in reports_page.recap_html(page.result, "Dinas Sosial Kota Magelang")
