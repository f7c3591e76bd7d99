"""Choose the database this PC uses: an embedded SQLite file or a PostgreSQL/MariaDB server."""
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop import connection_profile, database
from desktop.connection_profile import DEFAULT_PORTS, ConnectionProfile
from desktop.errors import PelitaError, ValidationError
from desktop.services.shell import connection_test
from desktop.views.shell import workers

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1b6e20;"
BANNER_STYLE = ("color: #b3261e; background: #fdecea; border: 1px solid #f2b8b5; "
                "border-radius: 4px; padding: 6px;")
BACKENDS = [("sqlite", "Berkas tertanam (SQLite)"), ("postgresql", "PostgreSQL"),
            ("mysql", "MariaDB/MySQL")]


class ConnectionDialog(QDialog):
    """After accept, `.url` holds the saved profile's URL (with its password)."""

    def __init__(self, error_message: str | None = None, parent=None):
        super().__init__(parent)
        self.url = ""
        self.setWindowTitle("Koneksi database — Pelita")
        self.setMinimumWidth(520)

        self.error_label = QLabel(error_message or "")
        self.error_label.setStyleSheet(BANNER_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(error_message))

        intro = QLabel("Pilih database yang dipakai PC ini. Satu PC saja: berkas tertanam. "
                       "Beberapa PC bersama: server PostgreSQL atau MariaDB di kantor.")
        intro.setWordWrap(True)

        self.backend_combo = QComboBox()
        for key, label in BACKENDS:
            self.backend_combo.addItem(label, key)

        # SQLite field
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(str(database.default_sqlite_path()))
        self.browse_button = QPushButton("Pilih…")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        # Server fields
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("contoh: 192.168.1.10 atau server-dinsos")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORTS["postgresql"])
        self.database_edit = QLineEdit("pelita")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        # One form, so the labels line up; rows are shown per backend.
        self.form = QFormLayout()
        self.form.addRow("Jenis database", self.backend_combo)
        self.form.addRow("Berkas database", path_row)
        self.form.addRow("Server", self.host_edit)
        self.form.addRow("Port", self.port_spin)
        self.form.addRow("Nama database", self.database_edit)
        self.form.addRow("Pengguna", self.user_edit)
        self.form.addRow("Kata sandi", self.password_edit)
        self._sqlite_rows = [path_row]
        self._server_rows = [self.host_edit, self.port_spin, self.database_edit,
                             self.user_edit, self.password_edit]

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        self.test_button = QPushButton("Uji koneksi")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.quit_button = QPushButton("Keluar")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.save_button = QPushButton("Simpan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch()
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.result_label)
        layout.addStretch()
        layout.addLayout(buttons)

        self.backend_combo.currentIndexChanged.connect(self._backend_changed)
        self._backend_changed()
        self._load(connection_profile.load())

    # --- reading and writing the fields -------------------------------------------------

    def _load(self, profile: ConnectionProfile | None) -> None:
        if profile is None:
            self.path_edit.setText(str(database.default_sqlite_path()))
            return
        self.path_edit.setText(profile.sqlite_path or str(database.default_sqlite_path()))
        if profile.backend != "sqlite":
            self.host_edit.setText(profile.host)
            self.database_edit.setText(profile.database)
            self.user_edit.setText(profile.user)
            self.password_edit.setText(connection_profile.get_password(profile))
        self.set_backend(profile.backend)
        if profile.backend != "sqlite" and profile.port:
            self.port_spin.setValue(int(profile.port))

    def set_backend(self, backend: str) -> None:
        index = self.backend_combo.findData(backend)
        self.backend_combo.setCurrentIndex(max(index, 0))

    def backend(self) -> str:
        return self.backend_combo.currentData()

    def _backend_changed(self) -> None:
        new = self.backend()
        for row in self._sqlite_rows:
            self.form.setRowVisible(row, new == "sqlite")
        for row in self._server_rows:
            self.form.setRowVisible(row, new != "sqlite")
        self.adjustSize()
        # Switch the port only when it still holds the other server's default.
        if new in DEFAULT_PORTS and self.port_spin.value() in (*DEFAULT_PORTS.values(), 1):
            self.port_spin.setValue(DEFAULT_PORTS[new])

    def profile(self) -> ConnectionProfile:
        backend = self.backend()
        if backend == "sqlite":
            return ConnectionProfile(backend="sqlite", sqlite_path=self.path_edit.text().strip())
        return ConnectionProfile(backend=backend, host=self.host_edit.text().strip(),
                                 port=self.port_spin.value(),
                                 database=self.database_edit.text().strip(),
                                 user=self.user_edit.text().strip(),
                                 sqlite_path=self.path_edit.text().strip())

    def _field_widget(self, field: str) -> QWidget | None:
        return {"Berkas database": self.path_edit, "Server": self.host_edit,
                "Port": self.port_spin, "Nama database": self.database_edit,
                "Pengguna": self.user_edit, "Jenis database": self.backend_combo}.get(field)

    # --- actions ---------------------------------------------------------------------------

    def browse(self) -> None:
        start = self.path_edit.text().strip() or str(database.default_sqlite_path())
        path, _ = QFileDialog.getSaveFileName(
            self, "Pilih atau buat berkas database", start,
            "Database Pelita (*.db *.sqlite);;Semua berkas (*)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(str(Path(path)))

    def show_result(self, message: str, ok: bool) -> None:
        self.result_label.setText(message)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result_label.setVisible(bool(message))

    def _checked_profile(self) -> ConnectionProfile | None:
        profile = self.profile()
        try:
            profile.validate()
        except ValidationError as exc:
            self.show_result(exc.message, ok=False)
            widget = self._field_widget(exc.field)
            if widget is not None:
                widget.setFocus()
            return None
        return profile

    def test(self) -> None:
        profile = self._checked_profile()
        if profile is None:
            return
        url = profile.url(self.password_edit.text())
        self._set_busy(True)
        self.show_result("Menguji koneksi…", ok=True)
        workers.run_task(lambda: connection_test.test_connection(url),
                         self._tested, self._test_failed)

    def _tested(self, message: str) -> None:
        self._set_busy(False)
        self.show_result(message, ok=True)

    def _test_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if not isinstance(exc, PelitaError):
            raise exc
        self.show_result(exc.message, ok=False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.save_button):
            button.setEnabled(not busy)

    def save(self) -> None:
        profile = self._checked_profile()
        if profile is None:
            return
        password = self.password_edit.text() if profile.backend != "sqlite" else ""
        try:
            connection_profile.save(profile, password)
        except PelitaError as exc:
            self.show_result(exc.message, ok=False)
            return
        self.url = profile.url(password)
        self.accept()
