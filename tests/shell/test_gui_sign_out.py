"""Keluar akun: the window closes with everything it started, the login comes back and the next
user's window has only their permissions. The last section is each user's own. Quitting or
signing out with unsaved input asks first."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from shiboken6 import isValid

from desktop import database
from desktop.models import AuditEntry
from desktop.services.letters import converter
from desktop.services.shared import permissions
from desktop.views.shell import app as app_module, workers
from desktop.views.shell.login_dialog import LoginDialog
from desktop.views.shell.main_window import MainWindow, section_key
from desktop.views.shell.session import Session
from tests.factories import PASSWORD, make_user


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def open_window(qtbot, url, user):
    window = MainWindow(Session(user, database.parse_url(url).describe(), url))
    qtbot.addWidget(window)
    window.show()
    return window


def sections(window) -> set[str]:
    return {s.key for s in window.sections}


def test_sign_out_then_another_user_signs_in_without_restarting(qtbot, sqlite_db, monkeypatch):
    make_user("kadis", role=permissions.HEAD)
    make_user("piket", role=permissions.DUTY_OFFICER)
    rounds, stopped = [], []
    monkeypatch.setattr(converter, "shutdown", lambda: stopped.append(True))

    def fake_exec(_app):
        """The event loop: the first user signs out, the second quits."""
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        rounds.append((window, window.session.user.username, sections(window)))
        if len(rounds) == 1:
            window.sign_out_action.trigger()
            assert not window.isVisible() and window.signed_out
            # Nothing of the first session keeps running behind the login dialog.
            assert not window._badge_timer.isActive()
            assert not window.idle_lock._timer.isActive()
        else:
            window.quit_action.trigger()
        return 0

    def fake_login(dialog):
        dialog.username_edit.setText("piket")
        dialog.password_edit.setText(PASSWORD)
        dialog.attempt_login()
        return dialog.result()

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(LoginDialog, "exec", fake_login)
    assert app_module.run(sqlite_db, demo_user="kadis") == 0

    (first, first_name, first_sections), (second, second_name, second_sections) = rounds
    assert (first_name, second_name) == ("kadis", "piket")
    assert not isValid(first) and not isValid(second)  # deleted with their pages and timers
    assert "audit" in first_sections and "audit" not in second_sections
    assert "pengguna" not in second_sections
    assert stopped == [True, True]  # the converter stopped after each session
    actions = [(e.username, e.action) for e in AuditEntry.select().order_by(AuditEntry.id)
               if e.action in ("login", "logout")]
    assert actions[-2:] == [("kadis", "logout"), ("piket", "login")]


def test_giving_up_at_the_login_after_signing_out_ends_the_app(qtbot, sqlite_db, monkeypatch):
    make_user("kadis", role=permissions.HEAD)
    rounds = []

    def fake_exec(_app):
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        rounds.append(window.session.user.username)
        window.sign_out()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert app_module.run(sqlite_db, demo_user="kadis") == 0
    assert rounds == ["kadis"]


def test_the_last_section_is_remembered_per_user(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    kadis = make_user("kadis", role=permissions.HEAD)
    window = open_window(qtbot, sqlite_db, admin)
    window.select_section("audit")
    window.close()
    window = open_window(qtbot, sqlite_db, kadis)  # may see Jejak Audit, never chose it
    assert "audit" in sections(window) and window.current_section().key == "beranda"
    window.select_section("surat")
    window.close()
    assert QSettings("Pelita", "Pelita").value(section_key("admin")) == "audit"
    assert open_window(qtbot, sqlite_db, admin).current_section().key == "audit"
    assert open_window(qtbot, sqlite_db, kadis).current_section().key == "surat"


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox.question answered from a list; the questions asked are kept."""
    asked, replies = [], []

    def question(parent, title, text, *args, **kwargs):
        asked.append((title, text))
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, replies


def test_quitting_with_unsaved_input_asks_first(qtbot, sqlite_db, answers):
    asked, replies = answers
    window = open_window(qtbot, sqlite_db, make_user("admin", role=permissions.ADMIN))
    window.select_section("profil")
    assert window.unsaved_work() == []
    window.pages["profil"].edits["office_name"].setText("Dinas Sosial Baru")
    assert window.unsaved_work() == ["Profil Kantor"]

    replies.append(QMessageBox.StandardButton.No)
    window.quit_action.trigger()
    assert window.isVisible()  # kept open: the input is still there to save
    assert asked[0][0] == "Ada isian yang belum disimpan"
    assert "Profil Kantor" in asked[0][1] and "menutup Pelita" in asked[0][1]

    replies.append(QMessageBox.StandardButton.Yes)
    window.quit_action.trigger()
    assert not window.isVisible() and len(asked) == 2


def test_signing_out_with_unsaved_input_can_be_cancelled(qtbot, sqlite_db, answers):
    asked, replies = answers
    window = open_window(qtbot, sqlite_db, make_user("admin", role=permissions.ADMIN))
    window.select_section("pengaturan")
    page = window.pages["pengaturan"]
    editor = next(e for e in page.editors.values() if hasattr(e, "setValue"))
    editor.setValue(editor.value() + 1)
    replies.append(QMessageBox.StandardButton.No)
    window.sign_out()
    assert window.isVisible() and not window.signed_out
    assert "Pengaturan" in asked[0][1] and "keluar dari akun" in asked[0][1]
    page.save()  # saved: nothing to ask about
    window.sign_out()
    assert not window.isVisible() and window.signed_out and len(asked) == 1


def test_an_open_dialog_with_unsaved_input_counts(qtbot, sqlite_db):
    window = open_window(qtbot, sqlite_db, make_user("admin", role=permissions.ADMIN))

    class Form(QDialog):
        def has_unsaved_changes(self):
            return True

    form = Form(window)
    form.setWindowTitle("Pemesanan mobil jenazah")
    form.show()
    assert window.unsaved_work() == ["Pemesanan mobil jenazah"]
    form.hide()
    assert window.unsaved_work() == []


def test_keluar_on_the_lock_screen_does_not_ask(qtbot, sqlite_db, monkeypatch):
    """Whoever stands at a locked PC cannot save the owner's input; a question would only
    show them where it is (refuse_message_boxes fails the test if one is asked)."""
    from desktop.views.shell.lock_dialog import QUIT

    monkeypatch.setattr(QApplication, "quit", lambda: None)
    window = open_window(qtbot, sqlite_db, make_user("admin", role=permissions.ADMIN))
    window.select_section("profil")
    window.pages["profil"].edits["office_name"].setText("Dinas Sosial Baru")
    window.lock_now()
    window.idle_lock.dialog.done(QUIT)
    assert not window.isVisible()
