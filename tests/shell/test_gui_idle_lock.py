"""The idle lock: covers the window after inactivity and unlocks with the user's password."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from desktop import database
from desktop.services.admin import settings
from desktop.services.shared import permissions
from desktop.views.shell import workers
from desktop.views.shell.idle_lock import IdleLock
from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.session import Session
from tests.factories import PASSWORD, make_user


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))


@pytest.fixture
def window(qtbot, sqlite_db):
    user = make_user("budi")
    session = Session(user, database.parse_url(sqlite_db).describe(), sqlite_db)
    win = MainWindow(session, idle_timeout_ms=150)
    qtbot.addWidget(win)
    win.show()
    return win


def add_draft(window, text_on_screen):
    """A line edit on the current page, as a half-filled form would be."""
    edit = QLineEdit(window.stack)
    window.stack.addWidget(edit)
    window.stack.setCurrentWidget(edit)
    edit.setText(text_on_screen)
    return edit


def unlock_with(qtbot, window, password):
    dialog = window.idle_lock.dialog
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_idle_time_locks_and_only_the_right_password_unlocks(qtbot, window):
    edit = add_draft(window, "Siti Aminah, NIK 3371014507800001")
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=5000)
    dialog = window.idle_lock.dialog
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert "Budi Santoso (budi)" in dialog.info_label.text()
    assert "karena tidak dipakai" in dialog.info_label.text()
    # The data on screen is hidden, not cleared.
    assert not window.centralWidget().isVisible() and not edit.isVisible()
    assert not window.menuBar().isEnabled()

    unlock_with(qtbot, window, "bukan-sandinya-1")
    assert window.idle_lock.is_locked and dialog.isVisible()
    # only the password was asked: the refusal names only the password
    assert dialog.error_label.text().startswith("Kata sandi salah. Sisa 4 kali")
    assert dialog.password_edit.text() == ""
    assert not edit.isVisible()

    unlock_with(qtbot, window, PASSWORD)
    assert not window.idle_lock.is_locked
    assert edit.isVisible() and edit.text() == "Siti Aminah, NIK 3371014507800001"
    assert window.menuBar().isEnabled()
    # The idle timer runs again after unlocking.
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=5000)


def test_escape_does_not_unlock(qtbot, window):
    window.lock_now()
    dialog = window.idle_lock.dialog
    assert dialog.info_label.text().startswith("Layar dikunci.")  # not "tidak dipakai"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.idle_lock.is_locked and dialog.isVisible()


def test_lockout_applies_on_the_lock_screen(qtbot, window):
    window.lock_now()
    for _ in range(5):
        unlock_with(qtbot, window, "bukan-sandinya-1")
    unlock_with(qtbot, window, PASSWORD)
    assert window.idle_lock.is_locked
    dialog = window.idle_lock.dialog
    assert "terkunci sampai" in dialog.error_label.text()
    # the dialog grew to the long message: none of it cut off
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())


def test_an_open_dialog_is_covered_and_keeps_its_text(qtbot, window):
    form = QDialog(window)
    edit = QLineEdit("catatan kunjungan rumah", form)
    QVBoxLayout(form).addWidget(edit)
    form.show()
    window.lock_now()
    assert form.isVisible() and not edit.isVisible()
    unlock_with(qtbot, window, PASSWORD)
    assert edit.isVisible() and edit.text() == "catatan kunjungan rumah"


def test_activity_restarts_the_idle_period(qtbot, window):
    window.idle_lock.stop()
    lock = IdleLock(window, window.session, timeout_ms=500)
    edit = add_draft(window, "")
    window.activateWindow()
    edit.setFocus()
    for _ in range(10):  # a second of typing, never 500 ms apart
        # Through the window, as the keyboard's events come (qtbot.keyClick(edit) would
        # hand them to the widget directly).
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
        qtbot.wait(100)
    assert not lock.is_locked and edit.text() == "a" * 10
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    lock.stop()


def test_typing_in_a_dialog_window_counts_as_activity(qtbot, window):
    window.idle_lock.stop()
    lock = IdleLock(window, window.session, timeout_ms=500)
    form = QDialog(window)
    edit = QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is form.windowHandle())
    edit.setFocus()
    for _ in range(10):
        QTest.keyClick(form.windowHandle(), Qt.Key.Key_B)
        qtbot.wait(100)
    assert not lock.is_locked and edit.text() == "b" * 10
    lock.stop()


def test_idle_minutes_come_from_the_settings(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    settings.set_value(admin, "session.idle_minutes", 3)
    session = Session(admin, "x", sqlite_db)
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert win.idle_lock._timer.interval() == 3 * 60_000
    win.idle_lock.stop()


def test_closing_a_locked_window_takes_the_lock_dialog_with_it(qtbot, window):
    window.lock_now()
    dialog = window.idle_lock.dialog
    window.close()
    assert not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
