"""The lock screen: asks the signed-in user's password again; open work stays as it was."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from desktop.errors import PelitaError
from desktop.services.shell import auth
from desktop.views.shell import workers

ERROR_STYLE = "color: #b3261e;"
QUIT = 2  # LockDialog result: the user chose to close Pelita


class LockDialog(QDialog):
    """Asks the signed-in user's password; Escape and the close button do not dismiss it."""

    def __init__(self, session, parent=None, manual: bool = False):
        super().__init__(parent)
        self.session = session
        user = session.user
        self.setWindowTitle("Layar terkunci — Pelita")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(440)

        title = QLabel("Layar terkunci")
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        why = "Layar dikunci." if manual else "Pelita dikunci karena tidak dipakai."
        self.info_label = QLabel(
            f"{why} Pekerjaan yang terbuka tetap utuh. Masukkan kata sandi {user.full_name} "
            f"({user.username}) untuk melanjutkan.")
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
        self.adjustSize()  # the dialog grows to the message: never cut off
