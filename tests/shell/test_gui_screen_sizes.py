"""The smallest screen offices have: a 1366×768 laptop with a taskbar. The main window keeps the
size the user gives it whatever section opens, and every large dialog fits with its title bar.
(The test session's offscreen screen is 1366×768: tests/conftest.py; the demo office:
tests/shell/conftest.py.)"""
from PySide6.QtCore import QRect

from desktop.models import Application, Letter, Lks, Service, User
from desktop.views.shared import window_size
from desktop.views.shell.session import Session

TASKBAR = 40  # Windows' taskbar: availableGeometry leaves it out


def session(username: str, url: str) -> Session:
    return Session(User.get(User.username == username), "Tertanam (SQLite): demo.db", url)


def test_the_main_window_keeps_its_size_as_sections_open(qtbot, demo):
    from desktop.views.shell.main_window import MainWindow

    window = MainWindow(session("admin", demo))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        qtbot.wait(1)
        assert (window.width(), window.height()) == (1100, 700), window.sections[row].key
        assert window.current_page() is window.pages[window.sections[row].key]


def test_large_dialogs_fit_a_laptop_screen_with_its_taskbar(qtbot, demo, monkeypatch):
    from desktop.views.applications.application_detail import ApplicationDetailDialog
    from desktop.views.applications.new_application import NewApplicationDialog
    from desktop.views.catalog.catalog_page import ServiceEditor
    from desktop.views.letters.letter_dialog import LetterDialog
    from desktop.views.lks.lks_dialog import LksDialog

    laptop = QRect(0, 0, 1366, 768 - TASKBAR)
    monkeypatch.setattr(window_size, "available", lambda widget=None: laptop)
    admin, head = session("admin", demo), session("kadis", demo)
    dialogs = {
        "permohonan": ApplicationDetailDialog(admin, Application.select().first().id),
        "permohonan baru": NewApplicationDialog(session("layanan", demo)),
        "surat": LetterDialog(head, Letter.select().first().id),
        "LKS": LksDialog(admin, Lks.select().first().id),
        "layanan": ServiceEditor(admin, Service.select().first()),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        assert window_size.fits(dialog), (name, dialog.size())
        needed = dialog.minimumSizeHint()
        assert needed.width() + window_size.FRAME <= laptop.width(), (name, needed)
        assert needed.height() + window_size.TITLE_BAR <= laptop.height(), (name, needed)
