"""Pengguna: staff accounts, added and changed by an administrator."""
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.errors import ConflictError, PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import users
from desktop.services.shared import permissions, records, timefmt
from desktop.views.shared.forms import FieldErrors, follow_required, required_note
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Nama pengguna", "Nama lengkap", "Peran", "Aktif", "Terkunci sampai"]
REPEAT_FIELD = users.REPEAT_FIELD


class UsersPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.editing = None  # the User being edited, None while adding

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.new_button = QPushButton("Tambah pengguna baru")
        self.new_button.clicked.connect(self.start_new)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        left.addLayout(buttons)

        right = QVBoxLayout()
        right.addWidget(self._build_form())
        right.addWidget(self._build_account_box())
        right.addStretch(1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setFixedWidth(430)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(right_widget)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refresh()
        self.start_new()

    def _build_form(self) -> QGroupBox:
        self.form_box = QGroupBox()
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText("contoh: budi.s")
        self.full_name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for key, label in permissions.ROLE_LABELS.items():
            self.role_combo.addItem(label, key)
        self.role_combo.setCurrentIndex(self.role_combo.findData(permissions.FRONT_OFFICE))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password2_edit = QLineEdit()
        self.password2_edit.setEchoMode(QLineEdit.Password)
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText("18 angka")
        self.nip_edit.setMaxLength(24)
        self.rank_edit = QLineEdit()
        self.rank_edit.setPlaceholderText("contoh: Pembina (IV/a)")
        self.position_edit = QLineEdit()
        self.active_check = QCheckBox("Akun aktif")
        self.active_check.setChecked(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.form_message = QLabel()
        self.form_message.setWordWrap(True)

        outer = QVBoxLayout(self.form_box)
        form = QFormLayout()
        outer.addLayout(form)
        self.form = form
        form.addRow("Nama pengguna:", self.username_edit)
        form.addRow("Nama lengkap:", self.full_name_edit)
        form.addRow("Peran:", self.role_combo)
        form.addRow("Kata sandi:", self.password_edit)
        form.addRow("Ulangi kata sandi:", self.password2_edit)
        form.addRow("NIP:", self.nip_edit)
        form.addRow("Pangkat/golongan:", self.rank_edit)
        form.addRow("Jabatan:", self.position_edit)
        form.addRow("", self.active_check)
        form.addRow("", self.save_button)
        self.field_widgets = {
            "Nama pengguna": self.username_edit, "Nama lengkap": self.full_name_edit,
            "Peran": self.role_combo, "Kata sandi": self.password_edit,
            REPEAT_FIELD: self.password2_edit, "NIP": self.nip_edit,
            "Pangkat/golongan": self.rank_edit, "Jabatan": self.position_edit,
        }
        self.errors = FieldErrors(self.form_message, self.field_widgets)
        self.errors.mark_required(users.REQUIRED + (REPEAT_FIELD,))
        # A Kepala's NIP is printed under the letters' signature: starred for that role.
        follow_required(self.field_widgets,
                        lambda: users.required_fields(self.role_combo.currentData()),
                        ("NIP",), self.role_combo.currentIndexChanged)
        self.required_note = required_note()
        outer.addWidget(self.required_note)
        outer.addWidget(self.form_message)
        return self.form_box

    def _build_account_box(self) -> QGroupBox:
        self.account_box = QGroupBox("Kata sandi dan kunci akun")
        self.reset_edit = QLineEdit()
        self.reset_edit.setEchoMode(QLineEdit.Password)
        self.reset2_edit = QLineEdit()
        self.reset2_edit.setEchoMode(QLineEdit.Password)
        self.reset_button = QPushButton("Atur ulang kata sandi")
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton("Buka kunci akun")
        self.unlock_button.clicked.connect(self.unlock)
        self.account_message = QLabel()
        self.account_message.setWordWrap(True)
        outer = QVBoxLayout(self.account_box)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow("Kata sandi baru:", self.reset_edit)
        form.addRow("Ulangi:", self.reset2_edit)
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addWidget(self.unlock_button)
        form.addRow(row)
        outer.addWidget(self.account_message)
        self.account_errors = FieldErrors(self.account_message, {
            "Kata sandi": self.reset_edit, REPEAT_FIELD: self.reset2_edit})
        return self.account_box

    # --- table ---------------------------------------------------------------
    def refresh(self) -> None:
        current = self.editing.username if self.editing else None
        self._users = users.list_users(self.session.user)
        now = utcnow()
        self.model.removeRows(0, self.model.rowCount())
        for user in self._users:
            locked = (timefmt.format_local(user.locked_until)
                      if user.locked_until and user.locked_until > now else "-")
            cells = [user.username, user.full_name, permissions.role_label(user.role),
                     "Ya" if user.active else "Tidak", locked]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(user.username, Qt.UserRole)
            self.model.appendRow(items)
        if current:
            self.select_username(current)

    def select_username(self, username: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(Qt.UserRole) == username:
                self.table.selectRow(row)
                return True
        return False

    def _row_changed(self, current, previous) -> None:
        if current.isValid():
            self.start_edit(self._users[current.row()])

    # --- form ----------------------------------------------------------------
    def _clear_errors(self) -> None:
        self.errors.clear()
        self.account_errors.clear()

    def _show(self, label: QLabel, text: str, ok: bool) -> None:
        errors = self.errors if label is self.form_message else self.account_errors
        if ok:
            errors.success(text)
        else:
            errors.clear()
            label.setStyleSheet("color: #a93226;")
            label.setText(text)

    def _show_error(self, exc: PelitaError, errors: FieldErrors | None = None) -> None:
        """Every field at fault marked with its message, the first focused."""
        (errors or self.errors).show(exc)

    def start_new(self) -> None:
        self.editing = None
        self.table.setCurrentIndex(QModelIndex())
        self._clear_errors()
        self.form_box.setTitle("Pengguna baru")
        for edit in (self.username_edit, self.full_name_edit, self.password_edit,
                     self.password2_edit, self.nip_edit, self.rank_edit, self.position_edit):
            edit.clear()
        self.username_edit.setReadOnly(False)
        self.role_combo.setCurrentIndex(self.role_combo.findData(permissions.FRONT_OFFICE))
        self.active_check.setChecked(True)
        self.active_check.setEnabled(False)
        self._set_password_rows(True)
        self.save_button.setText("Tambah pengguna")
        self.account_box.setEnabled(False)
        self.username_edit.setFocus()

    def start_edit(self, user) -> None:
        self.editing = user
        self._clear_errors()
        self.form_box.setTitle(f"Ubah pengguna: {user.username}")
        self.username_edit.setText(user.username)
        self.username_edit.setReadOnly(True)
        self.full_name_edit.setText(user.full_name)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(user.role), 0))
        self.nip_edit.setText(user.nip)
        self.rank_edit.setText(user.rank)
        self.position_edit.setText(user.position)
        self.active_check.setEnabled(True)
        self.active_check.setChecked(user.active)
        self._set_password_rows(False)
        self.save_button.setText("Simpan perubahan")
        self.account_box.setEnabled(True)
        locked = bool(user.locked_until and user.locked_until > utcnow())
        self.unlock_button.setEnabled(locked or user.failed_attempts > 0)

    def _set_password_rows(self, visible: bool) -> None:
        for edit in (self.password_edit, self.password2_edit):
            self.form.setRowVisible(edit, visible)
        self.required_note.setVisible(visible)  # a change has no empty required field

    def save(self) -> bool:
        self._clear_errors()
        signing = dict(nip=self.nip_edit.text(), rank=self.rank_edit.text(),
                       position=self.position_edit.text())
        try:
            if self.editing is None:
                saved = users.add_user(self.session.user, self.username_edit.text(),
                                       self.full_name_edit.text(),
                                       self.role_combo.currentData(),
                                       self.password_edit.text(),
                                       repeat=self.password2_edit.text(), **signing)
                done = f"Pengguna '{saved.username}' ditambahkan."
            else:
                saved = users.update_user(self.session.user, self.editing,
                                          self.full_name_edit.text(),
                                          self.role_combo.currentData(),
                                          self.active_check.isChecked(), **signing)
                done = f"Perubahan '{saved.username}' disimpan."
        except ConflictError as exc:
            # Take the newest version's lock but keep every typed value in the form.
            try:
                self.editing = records.reload(self.editing)
            except PelitaError as gone:
                self._show_error(gone)
                return False
            self._show(self.form_message, exc.message + " Data terbaru sudah dimuat: tekan "
                       "Simpan perubahan lagi untuk menerapkan isian Anda.", ok=False)
            return False
        except PelitaError as exc:
            self._show_error(exc)
            return False
        self.editing = saved
        self.refresh()
        self.start_edit(saved)
        self._show(self.form_message, done, ok=True)
        return True

    def reset_password(self) -> bool:
        if self.editing is None:
            return False
        self._clear_errors()
        try:
            self.editing = users.reset_password(self.session.user, self.editing,
                                                self.reset_edit.text(),
                                                repeat=self.reset2_edit.text())
        except PelitaError as exc:
            self._show_error(exc, self.account_errors)
            return False
        self.reset_edit.clear()
        self.reset2_edit.clear()
        self.refresh()
        self._show(self.account_message, f"Kata sandi '{self.editing.username}' diganti dan "
                   "kuncinya dibuka. Beri tahu pengguna secara langsung.", ok=True)
        return True

    def unlock(self) -> bool:
        if self.editing is None:
            return False
        self._clear_errors()
        try:
            self.editing = users.unlock(self.session.user, self.editing)
        except PelitaError as exc:
            self._show(self.account_message, exc.message, ok=False)
            return False
        self.refresh()
        self.start_edit(self.editing)
        self._show(self.account_message, f"Akun '{self.editing.username}' dibuka kuncinya.",
                   ok=True)
        return True
