"""The login dialog against a real SQLite database, through desktop.services.shell.auth."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.models import User
from desktop.views.shell import connection_dialog, workers
from desktop.views.shell.first_run_wizard import FirstRunWizard
from desktop.views.shell.login_dialog import CHANGE_CONNECTION, LoginDialog
from tests.factories import PASSWORD, make_user

LABEL = "Tertanam (SQLite): /data/pelita.db"


@pytest.fixture
def sync_workers(monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)


@pytest.fixture
def dialog(qtbot, sqlite_db, sync_workers):
    make_user("budi")
    dlg = LoginDialog(LABEL)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def sign_in(qtbot, dlg, username, password):
    dlg.username_edit.clear()
    qtbot.keyClicks(dlg.username_edit, username)
    dlg.password_edit.clear()
    qtbot.keyClicks(dlg.password_edit, password)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)


def test_shows_the_database_and_a_good_login_accepts(qtbot, dialog):
    assert LABEL in dialog.database_label.text()
    sign_in(qtbot, dialog, "budi", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.username == "budi"
    assert User.get(User.username == "budi").last_login_at is not None


def test_wrong_password_shows_remaining_tries_and_keeps_the_username(qtbot, dialog):
    sign_in(qtbot, dialog, "budi", "salah-sekali1")
    assert dialog.isVisible() and dialog.user is None
    assert "salah" in dialog.error_label.text()
    assert "Sisa 4 kali" in dialog.error_label.text()
    assert not dialog.error_label.isHidden()
    assert dialog.username_edit.text() == "budi"
    assert dialog.password_edit.text() == ""


def test_five_wrong_passwords_lock_the_account(qtbot, dialog):
    for _ in range(5):
        sign_in(qtbot, dialog, "budi", "salah-sekali1")
    assert "terkunci sampai" in dialog.error_label.text()
    # Even the right password is refused while locked.
    sign_in(qtbot, dialog, "budi", PASSWORD)
    assert "terkunci sampai" in dialog.error_label.text()
    assert dialog.user is None and dialog.isVisible()


def test_empty_fields_name_the_field_without_counting_a_failure(qtbot, dialog):
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Nama pengguna: wajib diisi."
    qtbot.keyClicks(dialog.username_edit, "budi")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Kata sandi: wajib diisi."
    assert dialog.isVisible()
    assert User.get(User.username == "budi").failed_attempts == 0


def test_unknown_user_gets_the_same_message_as_a_wrong_password(qtbot, dialog):
    sign_in(qtbot, dialog, "siapa", "apa-saja-123")
    assert dialog.error_label.text() == "Nama pengguna atau kata sandi salah."


def test_change_connection_returns_its_own_result(qtbot, dialog):
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CHANGE_CONNECTION
    assert CHANGE_CONNECTION not in (QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected)


def test_login_through_the_thread_pool(qtbot, sqlite_db):
    make_user("sari")
    dlg = LoginDialog(LABEL, username="sari")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.password_edit, PASSWORD)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.user is not None, timeout=10000)
    assert dlg.user.username == "sari"
    assert dlg.result() == QDialog.DialogCode.Accepted
    workers.wait_for_all()


def test_a_failed_login_through_the_thread_pool_reports_on_the_dialog(qtbot, sqlite_db,
                                                                     monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)  # this one runs the real pool
    make_user("sari")
    dlg = LoginDialog(LABEL, username="sari")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.password_edit, "salah-sekali1")
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert not dlg.login_button.isEnabled()  # busy until the worker answers
    qtbot.waitUntil(lambda: "Sisa 4 kali" in dlg.error_label.text(), timeout=10000)
    assert dlg.login_button.isEnabled() and dlg.user is None
    workers.wait_for_all()


# --- start-up: connection, new database, login (desktop.views.shell.app) ------------------------


def fake_exec(qtbot, monkeypatch, cls, act):
    """Replace cls.exec: `act(dialog)` fills and submits, then the dialog's result is returned."""
    seen = []

    def exec_(self):
        qtbot.addWidget(self)
        seen.append(self)
        act(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return seen


def test_a_new_database_gets_its_schema_and_first_administrator(qtbot, tmp_path, monkeypatch,
                                                                 sync_workers):
    from desktop.services.shell import schema
    from desktop.views.shell import app

    def first_run(wizard):
        from tests.shell.test_gui_first_run import FINISH, NEXT, fill_admin, fill_office

        wizard.show()
        wizard.button(NEXT).click()
        fill_office(wizard)
        wizard.button(NEXT).click()
        wizard.button(NEXT).click()
        fill_admin(wizard, password="melati-2026")
        wizard.admin_page.repeated.setText("melati-2027")
        wizard.button(FINISH).click()
        assert "tidak sama" in wizard.admin_page.message.text()
        wizard.admin_page.repeated.setText("melati-2026")
        wizard.button(FINISH).click()

    def login(dlg):
        assert dlg.username_edit.text() == "admin"  # prefilled from the first run
        dlg.password_edit.setText("melati-2026")
        dlg.attempt_login()

    first = fake_exec(qtbot, monkeypatch, FirstRunWizard, first_run)
    logins = fake_exec(qtbot, monkeypatch, LoginDialog, login)
    url = "sqlite:///" + str(tmp_path / "baru.db")
    session = app.open_session(url)
    assert len(first) == 1 and len(logins) == 1
    assert session.user.username == "admin" and session.user.role == "administrator"
    assert session.url == url and session.database_label.endswith("baru.db")
    assert schema.status().state == "current"


def test_first_start_on_a_new_pc_creates_the_default_folder(qtbot, tmp_path, monkeypatch,
                                                             sync_workers):
    from desktop import connection_profile, database
    from desktop.views.shell import app

    default = tmp_path / "data" / "pelita" / "pelita.db"
    monkeypatch.setattr(database, "default_sqlite_path", lambda: default)
    monkeypatch.setattr(connection_profile, "profile_path", lambda: tmp_path / "none.json")
    connections = fake_exec(qtbot, monkeypatch, connection_dialog.ConnectionDialog, lambda dlg: dlg.reject())
    first = fake_exec(qtbot, monkeypatch, FirstRunWizard, lambda dlg: dlg.reject())
    assert app.open_session(None) is None
    assert len(first) == 1 and default.parent.is_dir()
    # Cancelling the first run goes back to the connection dialog, saying why.
    assert "belum disiapkan" in connections[0].error_label.text()


def test_an_unopenable_database_opens_the_connection_dialog_with_the_reason(
        qtbot, tmp_path, monkeypatch):
    from desktop.views.shell import app

    shown = fake_exec(qtbot, monkeypatch, connection_dialog.ConnectionDialog, lambda dlg: dlg.reject())
    missing = tmp_path / "tidak-ada" / "pelita.db"
    assert app.open_session("sqlite:///" + str(missing)) is None
    assert len(shown) == 1
    assert "tidak ada" in shown[0].error_label.text() and str(missing.parent) in \
        shown[0].error_label.text()


def test_a_schema_from_a_newer_pelita_is_refused(qtbot, sqlite_db, monkeypatch):
    from desktop.services.shell import schema
    from desktop.views.shell import app

    newer = schema.SchemaStatus(applied=["0001_initial"], pending=[], unknown=["0042_baru"])
    monkeypatch.setattr(schema, "status", lambda: newer)
    shown = fake_exec(qtbot, monkeypatch, connection_dialog.ConnectionDialog, lambda dlg: dlg.reject())
    assert app.open_session(sqlite_db) is None
    assert "lebih baru" in shown[0].error_label.text()
    assert "0042_baru" in shown[0].error_label.text()


def test_demo_user_skips_the_login_dialog(qtbot, sqlite_db, monkeypatch):
    from desktop.views.shell import app

    make_user("budi")
    logins = fake_exec(qtbot, monkeypatch, LoginDialog, lambda dlg: dlg.reject())
    session = app.open_session(sqlite_db, demo_user="budi")
    assert session.user.username == "budi" and not logins


def test_only_an_administrator_may_upgrade_the_schema(sqlite_db):
    from desktop.errors import PermissionDenied
    from desktop.views.shell import app

    make_user("budi")
    with pytest.raises(PermissionDenied):
        app.upgrade_as("budi", PASSWORD)
    make_user("admin", role="administrator")
    assert app.upgrade_as("admin", PASSWORD) == []  # nothing pending on a current schema


def test_an_upgrade_reads_only_what_the_oldest_user_table_has(sqlite_db):
    """A later version adds a column to `user`: its administrator must still be able to sign
    in to upgrade a database that does not have that column yet."""
    from peewee import CharField, OperationalError

    from desktop.errors import AuthError
    from desktop.models import User
    from desktop.services.shell import auth
    from desktop.views.shell import app

    make_user("admin", role="administrator")
    User._meta.add_field("added_later", CharField(default=""))
    try:
        with pytest.raises(OperationalError):  # the ordinary login reads the whole model
            auth.authenticate("admin", PASSWORD)
        assert app.upgrade_as("admin", PASSWORD) == []
        with pytest.raises(AuthError):
            app.upgrade_as("admin", "salah-sekali-1")
    finally:
        User._meta.remove_field("added_later")
    assert User.get(User.username == "admin").failed_attempts == 1  # the failure counted
