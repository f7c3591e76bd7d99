"""The main window: a sidebar of sections, each page built the first time it is opened."""
import logging

from peewee import DatabaseError
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMainWindow, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)
from shiboken6 import isValid

from desktop.errors import PelitaError
from desktop.services.admin import office, users
from desktop.services.shared import permissions
from desktop.views.shared import window_size
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import ERROR_TEXT_STYLE, dialog_buttons, error_label
from desktop.views.shell.idle_lock import IdleLock
from desktop.views.shell.sections import Section, visible_sections

log = logging.getLogger(__name__)

SETTINGS_ORG = SETTINGS_APP = "Pelita"
KEY_GEOMETRY = "main/geometry"
KEY_STATE = "main/state"
KEY_SECTION = "main/section"  # followed by /username: each user comes back to their own
TASKS_SECTION = "tugas"
BADGE_INTERVAL_MS = 60_000


def section_key(username: str) -> str:
    """A kadis on the admin's PC must not land on Jejak Audit: the last section is per user."""
    return f"{KEY_SECTION}/{username}"


def window_title(profile, demo: bool = False) -> str:
    """Dinas Sosial Kota Magelang [DEMO] — Pelita: ending with the application's display name,
    as every Pelita window's title does, so the platform does not add it a second time."""
    place = f" {profile.region_kind} {profile.region_name}" if profile.region_name else ""
    return f"{profile.office_name}{place}{' [DEMO]' if demo else ''} — Pelita"


class ChangePasswordDialog(QDialog):
    """The signed-in user changes their own password; the rules live in services.users."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Ganti kata sandi")
        self.setMinimumWidth(380)
        self.old_edit, self.new_edit, self.repeat_edit = (QLineEdit() for _ in range(3))
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("Kata sandi lama", self.old_edit)
        form.addRow("Kata sandi baru", self.new_edit)
        form.addRow("Ulangi kata sandi baru", self.repeat_edit)
        self.error_label = error_label()
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _error(self, message: str, widget: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget.setFocus()

    def save(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self._error("Ulangi kata sandi baru: tidak sama dengan kata sandi baru. Ketik ulang.",
                        self.repeat_edit)
            return
        try:
            self.session.user = users.change_own_password(
                self.session.user, self.old_edit.text(), self.new_edit.text())
        except PelitaError as exc:
            field = getattr(exc, "field", "")
            self._error(exc.message, self.new_edit if field == "Kata sandi" else self.old_edit)
            return
        self.accept()


class MainWindow(QMainWindow):
    def __init__(self, session, idle_timeout_ms: int | None = None, demo: bool = False):
        super().__init__()
        self.session = session
        self.sections: list[Section] = visible_sections(session.user)
        self.pages: dict[str, QWidget] = {}
        self._demo = demo
        self.signed_out = False  # 'Keluar akun': the app shows the login again, not quits
        self.update_title()

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(210)
        self.sidebar.setStyleSheet("QListWidget#sidebar { border: none; background: #f3f4f6; }"
                                   "QListWidget#sidebar::item { padding: 6px 4px; }")
        for number, section in enumerate(self.sections, start=1):
            item = QListWidgetItem(_icon(section.icon), section.title)
            if number <= 9:
                item.setToolTip(f"{section.title} (Ctrl+{number})")
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        self.idle_lock = IdleLock(self, session, idle_timeout_ms)

        self.sidebar.currentRowChanged.connect(self._show_row)
        self._restore()

        self._badge_timer = QTimer(self)
        self._badge_timer.setInterval(BADGE_INTERVAL_MS)
        self._badge_timer.timeout.connect(self.update_task_badge)
        self._badge_timer.start()
        self.update_task_badge()
        self._remind_backup()

    # --- building ----------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        user = self.session.user
        self.user_label = QLabel(f"{user.full_name} ({user.username})")
        self.role_label = QLabel(permissions.role_label(user.role))
        database_text = self.session.database_label + (" — DEMO" if self._demo else "")
        self.database_label = QLabel(database_text)
        bar = self.statusBar()
        from desktop.views.shell.connection_status import ConnectionStatus

        self.connection_status = ConnectionStatus(bar)
        bar.addPermanentWidget(self.connection_status)
        for label in (self.user_label, self.role_label, self.database_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def _build_menus(self) -> None:
        # setShortcuts([...]): PySide6's setShortcut() overloads build Qt's whole namespace
        # (20 ms) to pick one; the window's first frame does without it.
        account = self.menuBar().addMenu("&Akun")
        self.change_password_action = account.addAction("Ganti kata sandi…")
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = account.addAction("Kunci layar")
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock_now)
        account.addSeparator()
        self.sign_out_action = account.addAction("Keluar akun")
        self.sign_out_action.setToolTip("Keluar dari akun ini lalu masuk sebagai pengguna lain "
                                        "tanpa menutup Pelita")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = account.addAction("Keluar")
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)

        view = self.menuBar().addMenu("&Tampilan")
        self.refresh_action = view.addAction("Muat ulang halaman")
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.triggered.connect(self.refresh_current)
        view.addSeparator()
        for number, section in enumerate(self.sections[:9], start=1):
            action = QAction(section.title, self)
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(
                lambda _=False, row=number - 1: self.sidebar.setCurrentRow(row))
            view.addAction(action)

        help_menu = self.menuBar().addMenu("&Bantuan")
        self.about_action = help_menu.addAction("Tentang Pelita…")
        self.about_action.triggered.connect(self.show_about)

    def _restore(self) -> None:
        settings = QSettings(SETTINGS_ORG, SETTINGS_APP)
        geometry = settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            window_size.fit(self, 1100, 720)
        state = settings.value(KEY_STATE)
        if state is not None:
            self.restoreState(state)
        keys = [s.key for s in self.sections]
        last = settings.value(section_key(self.session.user.username), "")
        row = keys.index(last) if last in keys else 0
        if self.sidebar.currentRow() == row:
            self._show_row(row)  # already current: setCurrentRow would not signal
        self.sidebar.setCurrentRow(row)

    # --- pages -------------------------------------------------------------------------------

    def current_section(self) -> Section | None:
        row = self.sidebar.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def select_section(self, key: str) -> None:
        keys = [s.key for s in self.sections]
        if key in keys:
            self.sidebar.setCurrentRow(keys.index(key))

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        section = self.sections[row]
        page = self.pages.get(section.key)
        if page is None:
            # A new page loads its data itself; refresh() is for coming back to it.
            page = self._create_page(section)
            self.pages[section.key] = page
            self.stack.addWidget(_framed(page))
            self.stack.setCurrentWidget(self._frame_of(page))
        else:
            self.stack.setCurrentWidget(self._frame_of(page))
            self._refresh(page)

    def show_in_section(self, key: str, item) -> None:
        """Open section `key` on `item` (a waiting booking: its calendar, on its day)."""
        self.select_section(key)
        show = getattr(self.pages.get(key), "show_record", None)
        if callable(show):
            show(item.kind, item.record_id, item.when)

    @staticmethod
    def _frame_of(page: QWidget) -> QWidget:
        return page.parentWidget().parentWidget()  # the scroll area's viewport, then itself

    def current_page(self) -> QWidget | None:
        frame = self.stack.currentWidget()
        return frame.widget() if isinstance(frame, QScrollArea) else frame

    def _create_page(self, section: Section) -> QWidget:
        try:
            page = section.create(self.session, self)
            changed = getattr(page, "data_changed", None)
            if changed is not None:  # a page that changes applications: recount the badge
                changed.connect(self.update_task_badge)
            navigate = getattr(page, "navigate_requested", None)
            if navigate is not None:  # Tugas Saya opens a booking in the schedule
                navigate.connect(self.show_in_section)
            return page
        except Exception as exc:  # a broken page must not take the window down
            log.error("Cannot open section %s", section.key)
            detail = describe(exc, "Kesalahan tak terduga.")
            label = QLabel(f"Halaman «{section.title}» tidak bisa dibuka.\n{detail}\n\n"
                           "Laporkan pesan ini kepada administrator.")
            from PySide6.QtCore import Qt  # Qt's namespace costs 20 ms: not before the window

            label.setObjectName("pageError")
            label.setStyleSheet(ERROR_TEXT_STYLE)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

    def _refresh(self, page: QWidget) -> None:
        refresh = getattr(page, "refresh", None)
        if not callable(refresh):
            return
        try:
            refresh()
        except PelitaError as exc:
            self.statusBar().showMessage(exc.message, 10000)
        except DatabaseError:  # a driver error no service explained: never its raw text
            log.warning("Refreshing a page failed", exc_info=False)
            self.statusBar().showMessage("Database menolak memuat halaman ini. Tekan F5 untuk "
                                         "mencoba lagi; bila terus begini, hubungi "
                                         "administrator.", 15000)
        finally:
            self.update_task_badge()

    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            self._refresh(page)

    # --- task badge --------------------------------------------------------------------------

    def _section_item(self, key: str) -> QListWidgetItem | None:
        keys = [s.key for s in self.sections]
        return self.sidebar.item(keys.index(key)) if key in keys else None

    def update_task_badge(self) -> None:
        """'Tugas Saya (3)': counted off the UI thread at start, after changes, every minute."""
        if self._section_item(TASKS_SECTION) is None:
            return
        from desktop.views.shell import workers

        user = self.session.user
        workers.run_task(lambda: _count_tasks(user), self._show_task_badge,
                         lambda exc: log.warning("Cannot count tasks: %s", exc))

    def _show_task_badge(self, count: int) -> None:
        item = self._section_item(TASKS_SECTION) if isValid(self) else None
        if item is None:
            return
        title = next(s.title for s in self.sections if s.key == TASKS_SECTION)
        item.setText(f"{title} ({count})" if count else title)

    def _remind_backup(self) -> None:
        """An administrator hears when the last backup is older than the office's setting."""
        if not permissions.can(self.session.user, "schema.upgrade"):
            return
        from desktop.views.shell import workers

        workers.run_task(_backup_reminder, self._show_backup_reminder,
                         lambda exc: log.warning("Cannot read the last backup: %s", exc))

    def _show_backup_reminder(self, text: str | None) -> None:
        if text and isValid(self):
            self.statusBar().showMessage(text, 30000)

    # --- account -----------------------------------------------------------------------------

    def update_title(self) -> None:
        try:
            profile = office.get_profile()
        except Exception:  # the title is not worth failing the window for
            log.exception("Cannot read the office profile")
            self.setWindowTitle("Pelita")
            return
        self.setWindowTitle(window_title(profile, self._demo))

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage("Kata sandi sudah diganti.", 5000)

    def lock_now(self) -> None:
        self.idle_lock.lock(manual=True)

    def sign_out(self) -> None:
        """Close this user's window; app.run shows the login for the next one."""
        self.signed_out = True
        if not self.close():  # unsaved work kept: stay signed in
            self.signed_out = False

    def show_about(self) -> None:
        from desktop.views.shell.about_dialog import AboutDialog

        AboutDialog(self.session, self).exec()

    def unsaved_work(self) -> list[str]:
        """Where typed input is not saved yet: built pages, then dialogs open over them."""
        from desktop.views.shared import unsaved

        titles = {s.key: s.title for s in self.sections}
        named = {titles.get(key, key): page for key, page in self.pages.items()}
        named.update({w.windowTitle() or "Jendela lain": w for w in unsaved.open_dialogs()
                      if w is not self})
        return unsaved.unsaved_names(named)

    def _confirm_leaving(self) -> bool:
        """Quitting or signing out with unsaved input asks first; Batal is the default."""
        where = self.unsaved_work()
        if not where:
            return True
        from PySide6.QtWidgets import QMessageBox

        doing = "keluar dari akun" if self.signed_out else "menutup Pelita"
        answer = QMessageBox.question(
            self, "Ada isian yang belum disimpan",
            f"Isian di {', '.join(where)} belum disimpan. Bila Anda {doing} sekarang, isian "
            "itu hilang.\n\nKeluar tanpa menyimpan? Pilih No untuk kembali lalu menyimpannya.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.idle_lock.watch(self.windowHandle())  # also before the window first has focus

    def closeEvent(self, event) -> None:
        asks = not (self.idle_lock.is_locked or self.idle_lock.quitting)
        if asks and not self._confirm_leaving():
            event.ignore()
            return
        settings = QSettings(SETTINGS_ORG, SETTINGS_APP)
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(KEY_STATE, self.saveState())
        section = self.current_section()
        if section is not None:
            settings.setValue(section_key(self.session.user.username), section.key)
        settings.sync()
        self.idle_lock.stop()
        self.connection_status.stop()
        self._badge_timer.stop()
        for page in self.pages.values():  # timers, LISTEN connections, the SKM kiosk
            stop = getattr(page, "stop", None)
            if callable(stop):
                stop()
        if self.signed_out:
            from desktop.services.shell import auth

            try:
                auth.sign_out(self.session.user)
            except Exception:  # the audit line is not worth keeping the user signed in
                log.warning("Cannot record the sign-out", exc_info=False)
        super().closeEvent(event)


def _backup_reminder() -> str | None:
    from desktop.services.shared.timefmt import utcnow
    from desktop.views.admin.backup_box import reminder_text

    text, overdue = reminder_text(utcnow())
    return text + " (Pengaturan → Cadangkan sekarang)" if overdue else None


def _count_tasks(user) -> int:
    from desktop.views.applications.tasks_page import \
        task_badge_count  # in the worker: not before the window

    return task_badge_count(user)


def _icon(name: str):
    from desktop.views.shared import icons

    return icons.icon(name)


def _framed(page: QWidget) -> QScrollArea:
    """A section's page in a frameless scroll area: a page wider or taller than the window
    scrolls instead of growing the window past the size the user gave it."""
    frame = QScrollArea()
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setWidgetResizable(True)
    frame.setWidget(page)
    return frame
