"""Start Pelita: open the database, prepare a new or older one, sign in, show the main window."""
import logging
import os
import sys
from pathlib import Path

from peewee import DatabaseError
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop import data_files, database
from desktop.errors import ConnectionLost, DatabaseProblem
from desktop.services.admin import office, users
from desktop.services.shared import permissions, timefmt
from desktop.services.shell import auth, schema
from desktop.views.shared.errors import install_excepthook, user_message
from desktop.views.shared.forms import dialog_buttons, error_label
from desktop.views.shell import workers
from desktop.views.shell.session import Session

log = logging.getLogger(__name__)

NOT_PREPARED = ("Database baru belum disiapkan, jadi Pelita belum bisa dipakai. Hubungkan lagi "
                "lalu selesaikan persiapan kantor, atau pilih database lain.")


def on_first_frame() -> None:
    """PELITA_EXIT_AFTER_SHOW: say the first frame is painted (benchmarks replace this).

    Set to 1 the app exits once the main window is painted (a `--demo` smoke start, tests and
    benchmarks); set to `login`, once the sign-in window is."""
    print("shown", flush=True)


def configure_qt() -> None:
    """Qt settings that must be made before the QApplication exists.

    Qt's raster engine hands a blended fill of 96 or more pixel rows (a Fusion scroll bar's
    gradient groove, beside every list) to a pool of threads in 64-row pieces and waits for
    them. The hand-off costs more than the fill: on a 2-core PC, repainting the application
    detail took 2.6 ms with the pool and 0.5 ms without it, the difference spent waking
    threads. QT_NO_GUI_THREADPOOL keeps those fills on the GUI thread.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run(url: str | None, demo: bool = False, demo_user=None) -> int:
    """The desktop app's entry point; returns the process exit code.

    `demo_user` (a User or a username) signs that user in without the login dialog.
    """
    app = QApplication.instance()
    if app is None:  # not under a test runner, which owns the excepthook
        configure_qt()
        install_excepthook(_show_unexpected)
        # Fusion on every platform, named on the command line: setStyle() afterwards would
        # build a second style and PySide6's QStyle enums (about 6 ms of start-up).
        app = QApplication([sys.argv[0], "-style", "Fusion", *sys.argv[1:]])
    app.setOrganizationName("Pelita")
    app.setApplicationName("Pelita")
    app.setApplicationDisplayName("Pelita")
    app.setWindowIcon(QIcon(str(data_files.resource("pelita.png"))))  # windows and taskbar
    from desktop.views.shell import translations

    translations.install(app)  # before the first dialog: its buttons read OK/Batal
    session = open_session(url, demo_user)
    code = 0
    demo = demo or demo_user is not None
    while session is not None:
        window = show_window(session, demo)
        if os.environ.get("PELITA_EXIT_AFTER_SHOW"):
            # Benchmarks: report once the first frame is painted, like their bare-Qt baseline.
            app.processEvents()
            on_first_frame()
            workers.wait_for_all()
            database.close()
            return 0
        code = app.exec()
        signed_out = window.signed_out
        dispose(window)
        if not signed_out:
            break
        # 'Keluar akun': the next user signs in on the same connection (or changes it).
        session = open_session(session.url)
    database.close()
    return code


def show_window(session: Session, demo: bool):
    from desktop.views.shell.main_window import MainWindow  # after login: qtawesome is not free

    workers.hold()  # the window's first frame before its pages' background loads
    window = MainWindow(session, demo=demo)
    window.show()
    workers.after_paint(workers.release)  # pool threads never compete with the first frame
    return window


def dispose(window) -> None:
    """After a window closed: finish its background tasks, stop the letter converter (the
    next user starts their own), and delete the window with its pages, timers and watchers,
    so nothing of the previous user outlives their session."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.services.letters import converter

    workers.wait_for_all()
    QCoreApplication.sendPostedEvents()  # results of finished tasks, while the window exists
    converter.shutdown()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _report_shown(dialog) -> None:
    """PELITA_EXIT_AFTER_SHOW=login: a start to the sign-in window, as every member of staff
    starts Pelita, measured without a password (benchmarks/bundle_startup.py)."""
    dialog.show()
    QApplication.processEvents()
    on_first_frame()
    database.close()
    return None


def _show_unexpected(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(QApplication.activeWindow(), "Pelita", message)


def open_session(url: str | None, demo_user=None) -> Session | None:
    """Connect, prepare the schema, sign in. None when the user gives up (Keluar/Batal)."""
    url = database.resolve_url(url)
    _make_default_folder(url)
    problem: str | None = None
    ask = False  # the first round tries the resolved URL before asking anything
    while True:
        if ask:
            from desktop.views.shell.connection_dialog import ConnectionDialog

            dialog = ConnectionDialog(problem)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            url = dialog.url
        ask = True
        try:
            target = database.connect(url)
        except DatabaseProblem as exc:
            problem = exc.message
            continue
        label = target.describe()
        try:
            problem, username = prepare_database(label, url)
            if problem is not None:
                continue
            if demo_user is not None:
                user = demo_user if hasattr(demo_user, "username") else users.get(demo_user)
            else:
                from desktop.views.shell.login_dialog import CHANGE_CONNECTION, LoginDialog

                login = LoginDialog(label, username)
                if os.environ.get("PELITA_EXIT_AFTER_SHOW") == "login":
                    return _report_shown(login)
                result = login.exec()
                if result == CHANGE_CONNECTION:
                    problem = None
                    continue
                if result != QDialog.DialogCode.Accepted:
                    return None
                user = login.user
            timefmt.set_office_time_zone(office.get_profile().time_zone)
        except ConnectionLost as exc:  # the server went away between steps
            problem = exc.message
            continue
        except DatabaseError as exc:
            problem = database.explain_error(exc, target)
            continue
        return Session(user, label, url)


def _make_default_folder(url: str) -> None:
    """First start on a new PC: the embedded database's own folder does not exist yet."""
    default = database.default_sqlite_path()
    try:
        target = database.parse_url(url)
    except DatabaseProblem:
        return
    if target.is_embedded and Path(target.name) == default:
        try:
            default.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # connect() explains the folder problem to the user


def prepare_database(label: str, url: str = "") -> tuple[str | None, str]:
    """Bring the schema up to date and make sure an account exists (a new office's first
    run: first_run_wizard).

    Returns (message for the connection dialog or None when ready, username to prefill).
    """
    status = schema.status()
    if status.state == "newer":
        return status.describe(), ""
    if status.state == "older":
        upgrade = UpgradeDialog(status.describe(), label)
        if upgrade.exec() != QDialog.DialogCode.Accepted:
            return status.describe(), ""
        return None, upgrade.username
    if status.state == "empty" or not users.has_any_user():
        from desktop.views.shell import first_run_wizard as wizard

        first = wizard.FirstRunWizard(label, url)
        result = first.exec()
        if result == wizard.CHANGE_CONNECTION:
            return "", ""  # the connection dialog, with nothing wrong to say
        if result == wizard.ALREADY_SET_UP:
            return None, ""  # another PC set it up: its administrator signs in
        if result != QDialog.DialogCode.Accepted:
            return NOT_PREPARED, ""
        return None, first.username
    return None, ""


def upgrade_as(username: str, password: str) -> list[str]:
    """Upgrade the schema after checking the credentials of an administrator."""
    user = auth.authenticate_before_upgrade(username, password)
    permissions.require(user, "schema.upgrade")
    return schema.upgrade()


class _CredentialsDialog(QDialog):
    """Shared frame: an explanation, a form, a red message line, Batal and one action."""

    def __init__(self, title: str, explanation: str, database_label: str, action: str):
        super().__init__()
        self.username = ""
        self.setWindowTitle(f"{title} — Pelita")
        self.setMinimumWidth(460)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        text = QLabel(explanation)
        text.setWordWrap(True)
        where = QLabel(f"Database: {database_label}")
        where.setWordWrap(True)
        where.setStyleSheet("color: #555; font-size: 11px;")
        self.form = QFormLayout()
        self.error_label = error_label()
        buttons, self.action_button = dialog_buttons(self, action, self.submit)
        self._action_text = action
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(where)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _password_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _busy(self, busy: bool, text: str = "") -> None:
        self.action_button.setEnabled(not busy)
        self.action_button.setText(text if busy else self._action_text)

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        message = user_message(exc)
        if message is None:
            raise exc
        self.show_error(message)

    def submit(self) -> None:
        raise NotImplementedError


class UpgradeDialog(_CredentialsDialog):
    """An older schema: an administrator signs in to apply the pending migrations."""

    def __init__(self, description: str, database_label: str):
        super().__init__(
            "Pembaruan database",
            f"{description}\nMasuk sebagai administrator untuk memperbaruinya sekarang. "
            "Pastikan sudah ada cadangan database dan PC lain sudah menutup Pelita.",
            database_label, "Perbarui")
        self.username_edit = QLineEdit()
        self.password_edit = self._password_edit()
        self.form.addRow("Nama pengguna administrator", self.username_edit)
        self.form.addRow("Kata sandi", self.password_edit)

    def submit(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            self.show_error("Isi nama pengguna dan kata sandi administrator.")
            return
        self._busy(True, "Memperbarui…")
        workers.run_task(lambda: upgrade_as(username, password), self._done, self._failed)

    def _failed(self, exc: Exception) -> None:
        super()._failed(exc)
        self.password_edit.clear()

    def _done(self, _applied) -> None:
        self._busy(False)
        self.username = self.username_edit.text().strip().lower()
        self.accept()
