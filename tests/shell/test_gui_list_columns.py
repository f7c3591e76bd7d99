"""Every list a section shows can be read on the screen it runs on: each column at least as wide
as its title (nothing crushed to "yan"), the columns within the view (no sideways scrolling to
find the state), on a 1366×768 laptop and a 1920×1080 monitor (test_gui_screens.py)."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.models import User
from desktop.views.shared.columns import ColumnLayout
from desktop.views.shell.session import Session

# The lists of each role's sections, and the least each shows once filled.
LISTS = {"admin": ["katalog", "lks", "pub", "pengaduan", "lembaga-rujukan"],
         "layanan": ["permohonan"], "kadis": ["surat"]}


def fitted_lists(window) -> dict[str, tuple[QTableView, ColumnLayout]]:
    found = {}
    for key in [section.key for section in window.sections]:
        window.select_section(key)
        page = window.current_page()
        for view in page.findChildren(QTableView):
            layout = view.findChild(ColumnLayout)
            if layout is not None and view.isVisible():
                found[layout.key.split("/")[1]] = (view, layout)
    return found


@pytest.mark.parametrize("username", sorted(LISTS))
def test_every_list_fits_its_view_with_no_column_below_its_title(qtbot, demo, username):
    from desktop.views.shell.main_window import MainWindow

    window = MainWindow(Session(User.get(User.username == username), "demo", demo))
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.wait(10)
    found = fitted_lists(window)
    assert set(LISTS[username]) <= set(found), sorted(found)
    for key in LISTS[username]:
        view, layout = found[key]
        layout.fit()
        if key == "permohonan":  # always filled in the demo, whatever its size
            assert view.model().rowCount(), key
        shown = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
        for column in shown:
            title = view.model().headerData(column, Qt.Orientation.Horizontal)
            assert view.columnWidth(column) >= layout._title_width(column), (key, title)
        # The last column stretches to the edge; the ones before it end within the view.
        assert sum(view.columnWidth(c) for c in shown[:-1]) < view.viewport().width(), key


def test_the_session_runs_on_the_screen_it_names(qapp):
    from tests.conftest import SCREEN

    size = qapp.primaryScreen().size()
    assert f"{size.width()}x{size.height()}" == SCREEN
