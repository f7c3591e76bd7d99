"""The Surat page's filter bar on a 1366x768 laptop, 'Ekspor xlsx…' of the list as shown
(filters, visible columns in their order, every row), and the preview's zoom."""
import datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.letters import lifecycle
from desktop.views.letters import letters_page
from desktop.views.letters.letter_preview import LetterPreview, ZOOMS
from desktop.views.shared import export_runner
from desktop.views.shared.forms import is_marked
from tests.letters import test_gui_letters
from tests.letters.test_gui_letters import letters_in_every_state, open_queue, session_of

office, no_libreoffice = test_gui_letters.office, test_gui_letters.no_libreoffice  # fixtures


@pytest.fixture
def said(monkeypatch):
    """The closing message of an export (information or warning), instead of a box."""
    messages = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _parent, _title, text, *a, **k: messages.append(text))
    return messages


def test_filter_bar_fits_a_laptop_screen_beside_the_sidebar(qtbot, office, no_libreoffice):
    from desktop.views.shell.main_window import MainWindow

    window = MainWindow(session_of(office["clerk"]))
    qtbot.addWidget(window)
    window.resize(1366 - 16, 768 - 40)  # maximised under a taskbar
    window.show()
    window.select_section("surat")
    page = window.pages["surat"]
    qtbot.wait(10)
    assert (window.width(), window.height()) == (1366 - 16, 768 - 40)
    bar = page.filters
    assert bar.minimumSizeHint().width() <= page.width()
    for widget in (bar.number_edit, bar.subject_edit, bar.applicant_edit, bar.state_combo,
                   bar.date_combo, bar.from_edit, bar.to_edit, bar.clear_button,
                   page.export_button):
        assert widget.isVisible(), widget
        left = widget.mapTo(page, QPoint(0, 0)).x()
        assert left >= 0 and left + widget.width() <= page.width(), widget
    for edit in (bar.number_edit, bar.subject_edit, bar.applicant_edit):
        assert edit.width() >= 200  # room to read what was typed
    assert page.splitter.height() >= 400  # the list keeps most of the screen


def test_filters_narrow_the_list_and_the_tab_counts(qtbot, office, no_libreoffice):
    o = office
    ids = letters_in_every_state(o)
    page = open_queue(qtbot, o["clerk"])
    page.select_state(None)
    assert sorted(page.letter_ids()) == sorted(ids.values())
    assert page.filters.state_combo.isEnabled()  # on 'Semua surat' the state is chosen here
    number = lifecycle.get(ids["handed_over"], o["clerk"]).number
    with qtbot.waitSignal(page.loaded, timeout=2000):
        page.filters.number_edit.setText(number.lower())
    assert page.letter_ids() == [ids["handed_over"]]
    assert page.count_label.text() == "1 surat"
    assert page.tabs.tabText(0) == "Konsep"  # no draft matches: the tab's count goes
    page.filters.clear()
    page.filters.state_combo.setCurrentIndex(page.filters.state_combo.findData("returned"))
    assert page.letter_ids() == [ids["returned"]]
    page.select_state("draft")  # a state's tab: the tab decides, the choice is set aside
    assert not page.filters.state_combo.isEnabled()
    assert page.letter_ids() == [ids["draft"]]
    page.filters.clear()
    page.filters.to_edit.setDate(datetime.date(2026, 1, 2))
    page.filters.from_edit.setDate(datetime.date(2026, 1, 3))
    assert "Tanggal sampai" in page.count_label.text()  # the service's refusal, shown
    page.filters.clear()
    page.select_state(None)
    page.filters.subject_edit.setText("tidak ada surat seperti ini")
    with qtbot.waitSignal(page.loaded, timeout=2000):
        pass
    assert page.letter_ids() == [] and page.count_label.text() == "Tidak ada surat yang cocok."


def test_a_date_typed_wrong_is_named_and_the_list_keeps_its_filter(qtbot, office,
                                                                   no_libreoffice):
    o = office
    ids = letters_in_every_state(o)
    page = open_queue(qtbot, o["clerk"])
    page.select_state(None)
    bar = page.filters
    bar.from_edit.line.setFocus()
    qtbot.keyClicks(bar.from_edit.line, "31/02/27")  # no such day
    bar.from_edit.line.editingFinished.emit()
    assert bar.date_message.text().startswith("Tanggal sejak:")
    assert is_marked(bar.from_edit)
    assert sorted(page.letter_ids()) == sorted(ids.values())  # unfiltered, as before
    page.refresh()  # a tab change or a colleague's letter: still no traceback
    assert sorted(page.letter_ids()) == sorted(ids.values())
    bar.from_edit.line.clear()
    qtbot.keyClicks(bar.from_edit.line, "1/1/2020")  # followed once the year is whole
    bar.from_edit.line.editingFinished.emit()
    bar.to_edit.line.setFocus()
    qtbot.keyClicks(bar.to_edit.line, "31/02/27")  # wrong while the first bound holds
    bar.to_edit.line.editingFinished.emit()
    bar.state_combo.setCurrentIndex(bar.state_combo.findData("returned"))  # another change
    assert page.filters.letter_filter().date_from == datetime.date(2020, 1, 1)
    assert page.filters.letter_filter().state is None  # the last filter applied, whole
    assert sorted(page.letter_ids()) == sorted(ids.values())
    bar.to_edit.line.clear()
    bar.state_combo.setCurrentIndex(0)
    bar.from_edit.line.clear()
    qtbot.keyClicks(bar.from_edit.line, "15/12/27")  # a two-digit year, the field left
    with qtbot.waitSignal(page.loaded, timeout=2000):
        bar.from_edit.line.editingFinished.emit()
    assert bar.from_edit.date().toPython() == datetime.date(2027, 12, 15)
    assert bar.date_message.text() == "" and not is_marked(bar.from_edit)
    assert page.letter_ids() == []  # nothing made after 15 December 2027


def test_export_writes_the_list_as_shown_all_rows(qtbot, office, no_libreoffice, said,
                                                  tmp_path, monkeypatch):
    o = office
    letters_in_every_state(o)
    page = open_queue(qtbot, o["clerk"])
    page.select_state(None)
    monkeypatch.setattr(letters_page, "LIST_MAX", 2)  # fewer on screen than match
    page.refresh()
    assert len(page.letter_ids()) == 2 and "2 terbaru dari 6" in page.count_label.text()
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(letters_page.COL_NUMBER), 0)  # the user's order
    page.table.setColumnHidden(letters_page.COL_SIGNER, True)
    target = tmp_path / "surat.xlsx"
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(target))
    page.export_button.click()
    assert said == [f"6 baris diekspor ke {target}."]
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Nomor", "Hal", "Pemohon", "Status", "Diperbarui")
    assert len(rows) == 1 + 6
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert isinstance(rows[1][4], datetime.datetime)  # a date, not its text
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width / 3
    assert {r[3] for r in rows[1:]} == set(lifecycle.STATES[s] for s in (
        "draft", "waiting_paraf", "returned", "waiting_signature", "signed", "handed_over"))

    # A state's tab: its letters only, without the status column it hides.
    said.clear()
    page.select_state("signed")
    page.export_button.click()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0] == ("Nomor", "Hal", "Pemohon", "Diperbarui") and len(rows) == 2


def test_export_cancelled_leaves_no_file(qtbot, office, no_libreoffice, said, tmp_path,
                                         monkeypatch):
    o = office
    letters_in_every_state(o)
    page = open_queue(qtbot, o["clerk"])

    class CancelledAtOnce(export_runner.Progress):
        def __init__(self):
            super().__init__()
            self.cancelled = True  # as if Batal was pressed before the first rows
    monkeypatch.setattr(export_runner, "Progress", CancelledAtOnce)
    folder = tmp_path / "ekspor"
    folder.mkdir()
    monkeypatch.setattr(export_runner, "save_path", lambda *a: str(folder / "batal.xlsx"))
    page.export_button.click()
    assert said == ["Ekspor dibatalkan; tidak ada berkas yang ditulis."]
    assert list(folder.iterdir()) == []  # neither the file nor a partial one


def a_page(width=1000, height=1400) -> bytes:
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor("white"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data)


def ctrl_wheel(widget, up: bool) -> None:
    event = QWheelEvent(QPointF(10, 10), QPointF(widget.mapToGlobal(QPoint(10, 10))),
                        QPoint(0, 0), QPoint(0, 120 if up else -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)


def test_preview_zooms_with_buttons_wheel_and_keys(qtbot, office):
    preview = LetterPreview(session_of(office["clerk"]))
    qtbot.addWidget(preview)
    preview.resize(640, 700)
    preview.show()
    assert preview.zoom_bar.isHidden()  # nothing to zoom yet
    preview._set_pages([a_page(), a_page()])
    first = preview.page_labels()[0]
    fitted = first.width()
    assert fitted <= preview.scroll.viewport().width() and not preview.fit_button.isEnabled()
    assert preview.zoom_label.text() == f"{round(fitted / 1000 * 100)}%"

    preview.zoom_in_button.click()
    assert preview.zoom == min(z for z in ZOOMS if z > fitted / 1000)
    assert first.width() == round(1000 * preview.zoom) > fitted
    # Wider than the pane: it scrolls sideways (once the layout has run).
    qtbot.waitUntil(lambda: preview.scroll.horizontalScrollBar().maximum() > 0, timeout=1000)
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert first.width() < fitted
    preview.fit_button.click()
    assert preview.zoom is None and first.width() == fitted

    ctrl_wheel(preview.scroll.viewport(), up=True)
    assert first.width() > fitted
    ctrl_wheel(preview.scroll.viewport(), up=False)
    ctrl_wheel(preview.scroll.viewport(), up=False)
    assert first.width() < fitted
    preview.fit_button.click()

    preview.scroll.setFocus()
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert first.width() > fitted
    qtbot.keyClick(preview.scroll, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert first.width() < fitted

    for _ in ZOOMS:
        preview.step_zoom(1)
    assert preview.zoom == ZOOMS[-1] and not preview.zoom_in_button.isEnabled()
