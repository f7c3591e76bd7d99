"""The Qt binding itself: a PySide6 release that mishandles references would crash the app."""
import gc
import sys

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QListWidget, QListWidgetItem, QTableWidget,
                               QTableWidgetItem)

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


PAINT_A_SCROLL_BAR = """
import os, sys
if sys.argv[1] == "app":
    from desktop.views.shell.app import configure_qt
    configure_qt()
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(["pelita", "-style", "Fusion"])
before = len(os.listdir("/proc/self/task"))
view = QTextBrowser()  # the detail's timeline: a scroll bar as tall as the window
view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
view.resize(600, 800)
view.show()
app.processEvents()
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_painting_stays_on_the_gui_thread(tmp_path):
    """Qt hands a tall gradient (a Fusion scroll bar's groove) to its GUI thread pool in
    64-row pieces and waits: on two cores that made painting the detail 5 times slower.
    The app turns the pool off; the control shows Qt would otherwise start threads."""
    import os
    import subprocess

    script = tmp_path / "paint.py"
    script.write_text(PAINT_A_SCROLL_BAR)
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def threads_started(mode: str) -> int:
        done = subprocess.run([sys.executable, str(script), mode], env=env, cwd=os.getcwd(),
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.split()[-1])

    if threads_started("plain") == 0:
        pytest.skip("this Qt paints on one thread here anyway (one core?)")
    assert threads_started("app") == 0
