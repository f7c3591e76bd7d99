"""Lock the screen after a period without mouse or keyboard use, keeping all open work intact."""
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from desktop.services import auth, settings
from desktop.services.errors import PelitaError
from desktop.views import workers

ERROR_STYLE = "color: #b3261e;"
QUIT = 2  # LockDialog result: the user chose to close Pelita

ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.ShortcutOverride,
})


class LockDialog(QDialog):
    """Asks the signed-in user's password; Escape and the close button do not dismiss it."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        user = session.user
        self.setWindowTitle("Layar terkunci — Pelita")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(400)

        title = QLabel("Layar terkunci")
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.info_label = QLabel(
            "Pelita dikunci karena tidak dipakai. Pekerjaan yang terbuka tetap utuh. "
            f"Masukkan kata sandi {user.full_name} ({user.username}) untuk melanjutkan.")
        self.info_label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("Kata sandi")
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.quit_button = QPushButton("Keluar")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(lambda: self.done(QUIT))
        self.unlock_button = QPushButton("Buka kunci")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.attempt_unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch()
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.info_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Escape must not unlock."""

    def closeEvent(self, event) -> None:
        if self.result() != QDialog.DialogCode.Accepted and self.result() != QUIT:
            event.ignore()

    def attempt_unlock(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._show_error("Kata sandi: wajib diisi untuk membuka kunci.")
            return
        self.unlock_button.setEnabled(False)
        user = self.session.user
        workers.run_task(lambda: auth.verify_current_user(user, password),
                         self._unlocked, self._failed)

    def _unlocked(self, user) -> None:
        self.unlock_button.setEnabled(True)
        self.session.user = user
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.unlock_button.setEnabled(True)
        if not isinstance(exc, PelitaError):
            raise exc
        self._show_error(exc.message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class IdleLock(QObject):
    """Watches the whole application for activity; locks `window` after the idle time."""

    locked_changed = Signal(bool)

    def __init__(self, window, session, timeout_ms: int | None = None):
        super().__init__(window)
        self._window = window
        self._session = session
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        if timeout_ms is None:
            timeout_ms = settings.get("session.idle_minutes") * 60_000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def stop(self) -> None:
        """The window is closing: stop watching, and drop an open lock dialog with it."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.finished.disconnect(self._dialog_finished)
            dialog.hide()
            dialog.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY and self.dialog is None:
            self._timer.start()  # restart: the idle period counts from the last activity
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self._timer.stop()
        self._focus = QApplication.focusWidget()
        self._cover()
        self.dialog = LockDialog(self._session, self._window)
        self.dialog.finished.connect(self._dialog_finished)
        # show(), not exec(): a nested event loop here would stall whoever is waiting on us;
        # not open() either, which would lower the modality to this window only.
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked_changed.emit(True)

    def _cover(self) -> None:
        """Hide what is on screen so it cannot be read; hidden widgets keep their contents."""
        self._hidden = []
        central = self._window.centralWidget()
        if central is not None and central.isVisible():
            central.hide()
            self._hidden.append(central)
        self._window.menuBar().setEnabled(False)
        # Dialogs a page opened: hide their insides, not the dialog (that would end its exec).
        for top in QApplication.topLevelWidgets():
            if top is self._window or not top.isVisible() or not isinstance(top, QDialog):
                continue
            direct = Qt.FindChildOption.FindDirectChildrenOnly
            for child in top.findChildren(QWidget, options=direct):
                if child.isVisible():
                    child.hide()
                    self._hidden.append(child)

    def _uncover(self) -> None:
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        self._window.menuBar().setEnabled(True)
        if self._focus is not None and shiboken6.isValid(self._focus) and self._focus.isVisible():
            self._focus.setFocus()
        self._focus = None

    def _dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QUIT:
            self.stop()
            self._window.close()
            QApplication.quit()
            return
        self._uncover()
        self._timer.start()
        self.locked_changed.emit(False)
