"""Pengaturan: office-wide settings shared by every PC, and this PC's database connection."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.admin import number_preview, settings
from desktop.services.cases import registry
from desktop.services.shared import permissions
from desktop.views.shared.forms import FieldErrors


class SettingsPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_edit = permissions.can(session.user, "settings.edit")

        self.editors = {}
        self.previews = {}  # pattern setting: its label of the next number
        settings_box = QGroupBox("Pengaturan bersama (berlaku di semua PC)")
        form = QFormLayout(settings_box)
        for key, definition in registry.all_settings().items():
            shown_default = definition.default
            if definition.choices:
                editor = QComboBox()
                for value, label in definition.choices:
                    editor.addItem(label, value)
                shown_default = dict(definition.choices)[definition.default].lower()
            elif isinstance(definition.default, str):
                editor = QLineEdit()
                editor.setMinimumWidth(max(260, min(420, 7 * len(definition.default))))
                editor.setToolTip(f"Bawaan: {definition.default}")
            else:
                editor = QSpinBox()
                editor.setRange(definition.minimum, definition.maximum)
                if definition.unit:
                    editor.setSuffix(f" {definition.unit}")
                editor.setToolTip(f"{definition.minimum} s.d. {definition.maximum} "
                                  f"{definition.unit}; bawaan {definition.default}.")
                editor.setMinimumWidth(140)
            editor.setEnabled(self.can_edit)
            self.editors[key] = editor
            default = QLabel(f"bawaan: {shown_default}")
            default.setStyleSheet("color: #666;")
            row = QHBoxLayout()
            row.addWidget(editor)
            row.addWidget(default)
            row.addStretch(1)
            form.addRow(f"{definition.label}:", row)
            if key in number_preview.PREVIEWS:
                self._add_preview(form, key, editor)
            if definition.help:
                note = QLabel(definition.help)
                note.setWordWrap(True)
                note.setStyleSheet("color: #666;")
                form.addRow("", note)
        self.save_button = QPushButton("Simpan pengaturan")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.can_edit)
        self.defaults_button = QPushButton("Isi nilai bawaan")
        self.defaults_button.clicked.connect(self.fill_defaults)
        self.defaults_button.setVisible(self.can_edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2)
        self.errors = FieldErrors(self.message, {settings.DEFINITIONS[key].label: editor
                                                 for key, editor in self.editors.items()})

        db_box = QGroupBox("Koneksi database (PC ini)")
        self.database_label = QLabel(session.database_label)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.connection_button = QPushButton("Ubah koneksi…")
        self.connection_button.clicked.connect(self.change_connection)
        self.connection_message = QLabel("Koneksi baru berlaku saat Pelita dibuka lagi.")
        self.connection_message.setWordWrap(True)
        self.connection_message.setStyleSheet("color: #555;")
        db_form = QFormLayout(db_box)
        db_form.addRow("Database sekarang:", self.database_label)
        db_row = QHBoxLayout()
        db_row.addWidget(self.connection_button)
        db_row.addStretch(1)
        db_form.addRow(db_row)
        db_form.addRow(self.connection_message)

        from desktop.views.admin.backup_box import BackupBox

        self.backup_box = BackupBox(session)
        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(self.backup_box)
        layout.addWidget(db_box)
        layout.addWidget(self._setup_box(session))
        layout.addStretch(1)
        self.refresh()

    def _setup_box(self, session) -> QGroupBox:
        """The first run's office and catalog steps again (first_run_wizard)."""
        box = QGroupBox("Profil kantor dan standar pelayanan")
        text = QLabel("Wilayah, kop surat, lambang dan standar pelayanan yang dipakai, seperti "
                      "saat persiapan kantor baru. Layanan standar yang tidak dipilih menjadi "
                      "tidak aktif; layanan buatan kantor sendiri tidak diubah.")
        text.setWordWrap(True)
        self.setup_button = QPushButton("Jalankan lagi persiapan kantor…")
        self.setup_button.clicked.connect(lambda: self.run_setup(session))
        allowed = all(permissions.can(session.user, p) for p in ("office.edit", "catalog.edit"))
        box.setVisible(allowed)
        self.setup_message = QLabel()
        self.setup_message.setStyleSheet("color: #1e6b35;")
        column = QVBoxLayout(box)
        column.addWidget(text)
        column.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.setup_message)
        return box

    def run_setup(self, session) -> None:
        from desktop.views.shell.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(actor=session.user, parent=self)
        if wizard.exec() == QDialog.Accepted:
            self.setup_message.setText("Profil kantor dan standar pelayanan disimpan.")

    def _add_preview(self, form: QFormLayout, key: str, editor: QLineEdit) -> None:
        """The next number the typed pattern gives, live, and what each {…} stands for."""
        preview = QLabel()
        preview.setTextFormat(Qt.PlainText)
        preview.setTextInteractionFlags(Qt.TextSelectableByMouse)
        preview.setToolTip("Pratinjau saja: tidak memakai nomor. Bila PC lain mendaftarkan "
                           "lebih dulu, nomornya bergeser.")
        self.previews[key] = preview
        form.addRow("", preview)
        legend = QLabel("Keterangan:\n" + number_preview.LEGENDS[key])
        legend.setTextFormat(Qt.PlainText)
        legend.setStyleSheet("color: #666;")
        form.addRow("", legend)
        editor.textChanged.connect(lambda text, k=key: self._show_preview(k, text))

    def _show_preview(self, key: str, pattern: str) -> None:
        shown = number_preview.PREVIEWS[key](pattern)
        label = self.previews[key]
        label.setWordWrap(bool(shown.error))  # a refusal is long; a number fits a line
        if shown.error:
            label.setStyleSheet("color: #a93226;")
            label.setText(shown.error)
            return
        label.setStyleSheet("color: #1e6b35;")
        example = f" ({shown.example})" if shown.example else ""
        label.setText(f"Nomor berikutnya: {shown.number}{example}")

    @staticmethod
    def _value(editor):
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text() if isinstance(editor, QLineEdit) else editor.value()

    @staticmethod
    def _set(editor, value) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))
            editor.setCursorPosition(0)  # a long name shows its beginning
        else:
            editor.setValue(int(value))

    def has_unsaved_changes(self) -> bool:
        """A value changed and not saved (views.shared.unsaved: quitting asks first)."""
        return any(self._value(editor) != settings.get(key)
                   for key, editor in self.editors.items())

    def refresh(self) -> None:
        if hasattr(self, "backup_box"):
            self.backup_box.refresh()
        self.errors.clear()
        for key, editor in self.editors.items():
            self._set(editor, settings.get(key))
        for key in self.previews:  # the counters move while the page is open
            self._show_preview(key, self._value(self.editors[key]))

    def fill_defaults(self) -> None:
        for key, editor in self.editors.items():
            self._set(editor, settings.DEFINITIONS[key].default)

    def save(self) -> bool:
        """Every changed setting stored together, or none: each value refused is marked with
        its message under it, the first focused."""
        self.errors.clear()
        changed = {key: self._value(editor) for key, editor in self.editors.items()
                   if self._value(editor) != settings.get(key)}
        try:
            settings.set_values(self.session.user, changed)
        except PelitaError as exc:
            self.errors.show(exc)
            return False
        self.errors.success(f"{len(changed)} pengaturan disimpan." if changed
                            else "Tidak ada yang berubah.")
        return True

    def change_connection(self) -> None:
        # Imported here: the dialog is only needed when the administrator asks for it.
        from desktop.views.shell.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(None)
        if dialog.exec() == QDialog.Accepted:
            self.connection_message.setText("Profil koneksi baru disimpan. Tutup dan buka lagi "
                                            "Pelita untuk memakainya; sampai saat itu Pelita "
                                            "tetap memakai database sekarang.")
            self.connection_message.setStyleSheet("color: #1e6b35;")
