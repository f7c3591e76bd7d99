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


def test_a_beranda_tile_opens_the_list_it_counts(qtbot, sqlite_db, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop import database
    from desktop.models import Application
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog
    from desktop.services.complaints import complaints
    from desktop.services.shared import timefmt
    from desktop.views.shell.main_window import MainWindow

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    o = make_office()
    late = workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"])
    workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"])
    Application.update(due_at=timefmt.utcnow() - datetime.timedelta(hours=2)).where(
        Application.id == late.id).execute()
    complaints.record(o["clerk"], kind="pengaduan", channel="telepon", subject="Lama",
                      category="waktu", name="Ani", received_at=datetime.datetime.now().replace(
                          microsecond=0) - datetime.timedelta(days=30))
    window = MainWindow(Session(o["head"], database.parse_url(sqlite_db).describe(), sqlite_db))
    qtbot.addWidget(window)
    window.show()
    window.select_section("beranda")
    home = window.pages["beranda"]
    tiles = home.work_panel.tiles
    assert tiles["overdue"].text().startswith("1\n")
    tiles["overdue"].click()
    assert window.current_section().key == "permohonan"
    page = window.pages["permohonan"]
    assert page.due_combo.currentData() == "terlambat"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    window.select_section("beranda")
    tiles["complaints_late"].click()
    complaints_page = window.pages["pengaduan"]
    assert window.current_section().key == "pengaduan"
    assert complaints_page.shown.currentData() == "terlambat"
    assert complaints_page.model.rowCount() == 1
    window.close()


def test_a_period_typed_wrong_keeps_the_last_one_and_says_so(qtbot, sqlite_db):
    o = make_office()
    page = reports_page.ReportsPage(session(o["head"]))
    qtbot.addWidget(page)
    page.picker.start.setDate(datetime.date(2026, 11, 1))
    page.picker.end.setDate(datetime.date(2026, 11, 30))
    page.picker.end.line.setText("31/02/2026")
    page.picker.end.line.editingFinished.emit()
    message = page.picker.message
    assert message.isVisibleTo(page) and message.text().startswith(
        "Akhir periode: tanggal 31 tidak ada pada Februari 2026")
    assert message.text().endswith("Yang tampil: 1 November 2026 s.d. 30 November 2026.")
    page.refresh()  # no unexpected error: the recap of the period shown
    assert page.result.end == datetime.date(2026, 11, 30)
    page.picker.start.line.clear()
    assert page.picker.period() == (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert message.text().startswith("Awal periode: wajib diisi. Akhir periode: tanggal 31")
    page.picker.start.setDate(datetime.date(2026, 10, 1))
    page.picker.end.setDate(datetime.date(2026, 10, 31))
    assert page.result.start == datetime.date(2026, 10, 1) and not message.isVisibleTo(page)
