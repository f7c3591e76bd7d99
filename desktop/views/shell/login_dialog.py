"""Sign in: username and password, checked by desktop.services.shell.auth."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from desktop.services.shell import auth
from desktop.views.shared.errors import user_message
from desktop.views.shell import workers

ERROR_STYLE = "color: #b3261e;"
CHANGE_CONNECTION = 2  # exec() result: the user wants the connection dialog


class LoginDialog(QDialog):
    """exec() returns Accepted (then `.user` is set), Rejected, or CHANGE_CONNECTION."""

    def __init__(self, database_label: str, username: str = "", parent=None):
        super().__init__(parent)
        self.user = None
        self.setWindowTitle("Masuk — Pelita")
        self.setMinimumWidth(420)

        title = QLabel("Pelita")
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        subtitle = QLabel("Pelayanan Terpadu Dinas Sosial")
        subtitle.setStyleSheet("color: #555;")

        self.username_edit = QLineEdit(username)
        self.username_edit.setPlaceholderText("contoh: budi.s")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("Nama pengguna", self.username_edit)
        form.addRow("Kata sandi", self.password_edit)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.database_label = QLabel(f"Database: {database_label}")
        self.database_label.setWordWrap(True)
        self.database_label.setStyleSheet("color: #555; font-size: 11px;")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.change_button = QPushButton("Ganti koneksi…")
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(lambda: self.done(CHANGE_CONNECTION))
        self.cancel_button = QPushButton("Batal")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.login_button = QPushButton("Masuk")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.attempt_login)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.database_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)

        (self.password_edit if username else self.username_edit).setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def attempt_login(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.show_error("Nama pengguna: wajib diisi.")
            self.username_edit.setFocus()
            return
        if not password:
            self.show_error("Kata sandi: wajib diisi.")
            self.password_edit.setFocus()
            return
        self._set_busy(True)
        workers.run_task(lambda: auth.authenticate(username, password),
                         self._logged_in, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.change_button.setEnabled(not busy)
        self.login_button.setText("Memeriksa…" if busy else "Masuk")

    def _logged_in(self, user) -> None:
        self._set_busy(False)
        self.user = user
        self.show_error("")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        message = user_message(exc)
        if message is None:
            raise exc
        self.show_error(message)
        # Keep the username; the password is retyped from scratch.
        self.password_edit.clear()
        self.password_edit.setFocus()
