"""Lists that can be read: columns fitted within the view, long names cut in the middle and
whole on hover, and the user's own widths kept per list."""
import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from desktop.views.shared.columns import ColumnLayout

ONLINE = "Penerbitan Surat Keterangan Data Terpadu Kesejahteraan Sosial (DTKS) Secara Online"
OFFLINE = ONLINE.replace("Online", "Offline")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def services_view(qtbot, width=700) -> tuple[QTableView, ColumnLayout]:
    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["No. registrasi", "Diterima", "Layanan", "Status"])
    view = QTableView()
    view.setModel(model)
    layout = ColumnLayout(view, "uji", samples={0: "00000/REG/2026", 1: "30 Des 2026 23.59"},
                          elastic={2: 180})
    for name in (ONLINE, OFFLINE):
        model.appendRow([QStandardItem(t) for t in ("00001/REG/2026", "1 Des 2026 08.00",
                                                    name, "Diproses")])
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, layout


def widths(view) -> list[int]:
    return [view.columnWidth(c) for c in range(view.model().columnCount())]


def test_columns_fit_the_view_and_names_are_cut_in_the_middle(qtbot):
    view, _ = services_view(qtbot)
    assert sum(widths(view)) <= view.viewport().width() + 1
    assert view.columnWidth(2) >= 180  # the name keeps its least width
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance("00000/REG/2026")
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    shown = [view.fontMetrics().elidedText(name, view.textElideMode(), view.columnWidth(2) - 8)
             for name in (ONLINE, OFFLINE)]
    assert shown[0] != shown[1] and shown[0].endswith("Online")  # the two DTKS services


def test_a_cut_cell_shows_its_whole_text_on_hover(qtbot):
    view, _ = services_view(qtbot)
    cell = view.visualRect(view.model().index(1, 2))
    event = QHelpEvent(QEvent.Type.ToolTip, cell.center(), view.viewport().mapToGlobal(
        cell.center()))
    QToolTip.hideText()
    QApplication.sendEvent(view.viewport(), event)  # as hovering does
    assert QToolTip.text() == OFFLINE


def test_the_user_s_widths_are_kept_per_list_and_can_be_reset(qtbot):
    view, layout = services_view(qtbot)
    fitted = widths(view)
    layout._dragging = True  # as a drag on the header's handle does
    view.horizontalHeader().resizeSection(0, fitted[0] + 60)
    layout._dragging = False
    assert layout.user_sized
    again, again_layout = services_view(qtbot)
    assert again_layout.user_sized and again.columnWidth(0) == fitted[0] + 60
    again.resize(900, 300)  # a user's widths are not refitted when the window changes
    qtbot.wait(1)
    assert again.columnWidth(0) == fitted[0] + 60
    again_layout.reset()
    assert not again_layout.user_sized and again.columnWidth(0) < fitted[0] + 60
    assert QSettings("Pelita", "Pelita").value("lists/uji/header") is None


def test_a_resize_that_is_not_the_user_s_changes_nothing_kept(qtbot):
    view, layout = services_view(qtbot)
    view.resize(1000, 300)  # the last column stretches with the view
    qtbot.wait(1)
    assert not layout.user_sized
    assert sum(widths(view)) <= view.viewport().width() + 1
