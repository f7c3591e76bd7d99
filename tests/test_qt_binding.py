"""The Qt binding itself: a PySide6 release that mishandles references would crash the app."""
import gc
import sys

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem

CALLS = 500


def _none_references_lost(call) -> int:
    gc.collect()
    before = sys.getrefcount(None)
    for row in range(CALLS):
        call(row)
    gc.collect()
    return before - sys.getrefcount(None)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_filling_views_keeps_none_alive(qtbot):
    """PySide6 6.12.0 lost one reference to None per appendRow/setItem/addItem; after a few
    thousand rows shown, Python aborts with 'deallocating None' (pinned below 6.12)."""
    model, grid = QStandardItemModel(0, 2), QStandardItemModel(CALLS, 2)
    table, listing, combo = QTableWidget(CALLS, 2), QListWidget(), QComboBox()
    for widget in (table, listing, combo):
        qtbot.addWidget(widget)
    calls = {
        "QStandardItemModel.appendRow": lambda _: model.appendRow([QStandardItem("x")]),
        "QStandardItemModel.setItem": lambda row: grid.setItem(row, 1, QStandardItem("x")),
        "QTableWidget.setItem": lambda row: table.setItem(row, 1, QTableWidgetItem("x")),
        "QListWidget.addItem": lambda _: listing.addItem(QListWidgetItem("x")),
        "QComboBox.addItem": lambda _: combo.addItem("x", "key"),
    }
    lost = {name: _none_references_lost(call) for name, call in calls.items()}
    assert all(n < CALLS // 10 for n in lost.values()), lost
