"""The main window: sidebar per role, status bar, lazy pages, remembered section."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from desktop import database
from desktop.services.shared import permissions
from desktop.services.shell import auth
from desktop.views.shell import main_window as main_window_module, workers
from desktop.views.shell.main_window import ChangePasswordDialog, MainWindow, section_key
from desktop.views.shell.sections import SECTIONS, Section
from desktop.views.shell.session import Session
from tests.factories import PASSWORD, make_user


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings("Pelita", "Pelita") reads and writes under tmp_path only."""
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield tmp_path / "qsettings"


def open_window(qtbot, url, user, **kwargs):
    session = Session(user, database.parse_url(url).describe(), url)
    window = MainWindow(session, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def sidebar_titles(window):
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_administrator_sees_the_admin_sections(qtbot, sqlite_db):
    window = open_window(qtbot, sqlite_db, make_user("admin", role=permissions.ADMIN))
    titles = sidebar_titles(window)
    assert {"Pengguna", "Profil Kantor", "Pengaturan", "Jejak Audit"} <= set(titles)
    assert titles[0] == "Beranda"


def test_front_office_does_not_see_admin_sections(qtbot, sqlite_db):
    window = open_window(qtbot, sqlite_db, make_user("budi", role=permissions.FRONT_OFFICE))
    titles = sidebar_titles(window)
    assert "Katalog Layanan" in titles
    assert not {"Pengguna", "Profil Kantor", "Pengaturan", "Jejak Audit"} & set(titles)


def test_status_bar_and_title(qtbot, sqlite_db):
    window = open_window(qtbot, sqlite_db, make_user("kadis", role=permissions.HEAD))
    assert window.user_label.text() == "Kadis Santoso (kadis)"
    assert window.role_label.text() == "Kepala"
    assert window.database_label.text().startswith("Tertanam (SQLite): ")
    assert window.database_label.text().endswith("pelita.db")
    assert window.windowTitle().startswith("Dinas Sosial") and window.windowTitle().endswith(
        " — Pelita")
    for label in (window.user_label, window.role_label, window.database_label):
        assert label.isVisible()


def test_last_section_is_remembered_across_windows(qtbot, sqlite_db, isolated_settings):
    admin = make_user("admin", role=permissions.ADMIN)
    first = open_window(qtbot, sqlite_db, admin)
    first.select_section("kalender")
    assert first.current_section().key == "kalender"
    first.close()
    assert QSettings("Pelita", "Pelita").value(section_key("admin")) == "kalender"
    assert any(isolated_settings.rglob("*")), "settings must be written under tmp_path"
    second = open_window(qtbot, sqlite_db, admin)
    assert second.current_section().key == "kalender"
    assert second.current_page() is second.pages["kalender"]


def test_a_section_the_user_may_not_see_falls_back_to_the_first(qtbot, sqlite_db):
    QSettings("Pelita", "Pelita").setValue(section_key("budi"), "pengguna")
    window = open_window(qtbot, sqlite_db, make_user("budi"))
    assert window.current_section().key == "beranda"


def test_a_page_that_fails_to_import_shows_an_error_in_its_slot(qtbot, sqlite_db, monkeypatch):
    broken = Section("rusak", "Halaman Rusak", "fa5s.bug", None, "desktop.views.no_such_page",
                     "NoSuchPage")
    monkeypatch.setattr(main_window_module, "visible_sections",
                        lambda user: [SECTIONS[0], broken])
    window = open_window(qtbot, sqlite_db, make_user("budi"))
    window.select_section("rusak")
    page = window.current_page()
    assert isinstance(page, QLabel) and page.objectName() == "pageError"
    assert "Halaman Rusak" in page.text() and "tidak bisa dibuka" in page.text()
    window.select_section("beranda")  # the rest of the window still works
    assert window.current_page() is window.pages["beranda"]


def test_pages_are_built_once_and_refreshed_when_shown_again(qtbot, sqlite_db, monkeypatch):
    calls = []

    class CountingPage(QLabel):
        def __init__(self, session, parent=None):
            super().__init__("halaman", parent)
            calls.append("init")

        def refresh(self):
            calls.append("refresh")

    monkeypatch.setattr(Section, "create", lambda self, session, parent=None:
                        CountingPage(session, parent))
    window = open_window(qtbot, sqlite_db, make_user("budi"))
    window.select_section("kalender")
    window.select_section("beranda")
    window.refresh_action.trigger()  # F5
    assert calls == ["init", "init", "refresh", "refresh"]
    assert len(window.pages) == 2


def test_keyboard_shortcuts_select_sections_and_lock(qtbot, sqlite_db):
    window = open_window(qtbot, sqlite_db, make_user("budi"))
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.lock_action))}
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+L", "Ctrl+Q", "F5"} <= shortcuts
    window.activateWindow()
    qtbot.waitActive(window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_3, ctrl)
    assert window.current_section().key == window.sections[2].key
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, ctrl)
    assert window.idle_lock.is_locked


def test_change_own_password(qtbot, sqlite_db):
    user = make_user("budi")
    session = Session(user, "x", sqlite_db)
    dialog = ChangePasswordDialog(session)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(PASSWORD)
    dialog.new_edit.setText("melati-2027")
    dialog.repeat_edit.setText("melati-2028")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "tidak sama" in dialog.error_label.text()
    dialog.repeat_edit.setText("melati-2027")
    dialog.old_edit.setText("bukan-ini-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "salah" in dialog.error_label.text()
    dialog.old_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert auth.authenticate("budi", "melati-2027").username == "budi"
