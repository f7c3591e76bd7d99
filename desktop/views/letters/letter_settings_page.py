"""Templat & Tanda Tangan: replace a letter template, and signers' scanned signature and stamp.

A replacement is checked before it is stored (Jinja syntax, smart quotes, variables Pelita
does not provide); the checker's problems are shown naming the template and the tag, and
nothing changes then. Signed letters keep the document they were issued with.
"""
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from desktop.errors import PelitaError, ValidationError
from desktop.services.admin import users
from desktop.services.letters import lifecycle, templates
from desktop.services.shared import timefmt
from desktop.views.shared import file_dialogs
from desktop.views.shared.forms import FieldErrors, error_label
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Jenis surat", "Berkas", "Status", "Diganti oleh", "Waktu"]
PREVIEW_W, PREVIEW_H = 220, 110
IMAGE_LABELS = {"signature": "Tanda tangan pindaian", "stamp": "Cap dinas"}
IMAGE_FILTER = "Gambar PNG atau JPEG (*.png *.jpg *.jpeg)"


def problems_text(exc: PelitaError) -> str:
    """The checker's message, one problem a line: 'Templat x.docx:' then each problem."""
    field = getattr(exc, "field", "")
    reason = getattr(exc, "reason", exc.message)
    parts = [p.strip() for p in reason.split("; ") if p.strip()]
    if field.startswith("Templat ") and len(parts) > 1:
        return f"{field} tidak diterima:\n" + "\n".join(f"• {p}" for p in parts)
    if field.startswith("Templat "):
        return f"{field} tidak diterima: {reason}"
    return exc.message


def to_png(data: bytes) -> bytes:
    """PNG as is; a JPEG (or other image Qt reads) converted to PNG, as letters take PNG."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    image = QImage()
    if not image.loadFromData(data):
        raise ValidationError("Gambar", "berkas bukan gambar PNG atau JPEG yang dapat dibaca.")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


class LetterSettingsPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.infos: list[templates.TemplateInfo] = []
        self.images = {"signature": None, "stamp": None}

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_templates_box(), 3)
        layout.addWidget(self._build_signer_box(), 0)
        self.refresh()

    # --- templates -------------------------------------------------------------------------
    def _build_templates_box(self) -> QGroupBox:
        box = QGroupBox("Templat surat")
        intro = QLabel("Templat bawaan dapat diganti dengan dokumen Word (.docx) buatan kantor. "
                       "Pelita memeriksanya dahulu: penulisan tag, tanda kutip lengkung, dan "
                       "variabel yang tidak disediakan (lihat «Daftar variabel»). "
                       "Surat yang sudah ditandatangani tidak berubah.")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.replace_button = QPushButton("Ganti templat…")
        self.replace_button.clicked.connect(self.replace_template)
        self.download_button = QPushButton("Unduh templat…")
        self.download_button.setToolTip("Simpan templat yang sedang dipakai, untuk diubah di "
                                        "Word lalu diunggah kembali")
        self.download_button.clicked.connect(self.download_template)
        self.restore_button = QPushButton("Kembalikan ke bawaan")
        self.restore_button.clicked.connect(self.restore_template)
        self.variables_button = QPushButton("Daftar variabel…")
        self.variables_button.setToolTip("Variabel yang boleh dipakai templat: nama, arti dan "
                                         "contohnya, untuk templat terpilih")
        self.variables_button.clicked.connect(self.show_variables)
        self.variables_dialog = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.variables_button)
        self.template_message = error_label()
        self.template_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.template_errors = FieldErrors(self.template_message)
        outer = QVBoxLayout(box)
        outer.addWidget(intro)
        outer.addWidget(self.table, 1)
        outer.addLayout(buttons)
        outer.addWidget(self.template_message)
        return box

    def refresh(self) -> None:
        key = self.selected_key()
        self.infos = templates.list_templates()
        self.model.removeRows(0, self.model.rowCount())
        for info in self.infos:
            when = timefmt.format_local(info.updated_at) if info.updated_at else ""
            status = "Diganti" if info.replaced else "Bawaan"
            row = [QStandardItem(info.title), QStandardItem(info.file_name),
                   QStandardItem(status), QStandardItem(info.updated_by), QStandardItem(when)]
            if info.replaced:
                row[2].setToolTip(f"Berkas asal: {info.filename or '-'}")
                font = row[2].font()
                font.setBold(True)
                row[2].setFont(font)
            row[0].setData(info.key, Qt.ItemDataRole.UserRole)
            self.model.appendRow(row)
        if key is not None:
            self.select_key(key)
        elif self.infos:
            self.table.selectRow(0)
        self._update_buttons()
        self._load_signers()

    def selected_key(self) -> str | None:
        index = self.table.currentIndex() if hasattr(self, "table") else None
        if index is None or not index.isValid():
            return None
        return self.model.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)

    def selected_info(self) -> templates.TemplateInfo | None:
        key = self.selected_key()
        return next((i for i in self.infos if i.key == key), None)

    def select_key(self, key: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(row)
                return

    def show_variables(self):
        """The variables of the selected template (the dialog offers every template too)."""
        from desktop.views.letters.variables_dialog import VariablesDialog

        if self.variables_dialog is None:
            self.variables_dialog = VariablesDialog(self.selected_key() or "", self)
        else:
            combo = self.variables_dialog.template_combo
            combo.setCurrentIndex(max(0, combo.findData(self.selected_key() or "")))
        self.variables_dialog.show()
        self.variables_dialog.raise_()
        return self.variables_dialog

    def _update_buttons(self) -> None:
        info = self.selected_info()
        self.replace_button.setEnabled(info is not None)
        self.download_button.setEnabled(info is not None)
        self.restore_button.setEnabled(info is not None and info.replaced)

    def replace_template(self) -> bool:
        info = self.selected_info()
        if info is None:
            return False
        path = file_dialogs.open_path(self, f"Ganti templat {info.title}",
                                      "Dokumen Word (*.docx)")
        if not path:
            return False
        self.template_errors.clear()
        self.template_message.show()
        try:
            with open(path, "rb") as fh:
                data = fh.read(templates.TEMPLATE_MAX_BYTES + 1)
        except OSError as exc:
            self._template_error_text(f"Berkas tidak bisa dibaca: {exc.strerror or exc}")
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            templates.replace(self.session.user, info.key, data, Path(path).name)
        except PelitaError as exc:
            self._template_error_text(problems_text(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.refresh()
        self.template_errors.success(f"Templat {info.file_name} diganti dengan "
                                     f"{Path(path).name}. Surat berikutnya memakai templat ini.")
        return True

    def _template_error_text(self, text: str) -> None:
        self.template_errors.clear()
        self.template_message.setStyleSheet("color: #a93226;")
        self.template_message.setText(text)
        self.template_message.show()

    def download_template(self) -> bool:
        info = self.selected_info()
        if info is None:
            return False
        path = file_dialogs.save_path(self, f"Simpan templat {info.title}", info.file_name,
                                      "Dokumen Word", ".docx")
        if not path:
            return False
        try:
            Path(path).write_bytes(templates.template_bytes(info.key))
        except OSError as exc:
            self._template_error_text(f"Berkas tidak bisa disimpan: {exc.strerror or exc}")
            return False
        except PelitaError as exc:
            self._template_error_text(exc.message)
            return False
        self.template_message.show()
        self.template_errors.success(f"Templat {info.file_name} disimpan di {path}.")
        return True

    def restore_template(self) -> bool:
        info = self.selected_info()
        if info is None or not info.replaced:
            return False
        answer = QMessageBox.question(
            self, "Kembalikan ke templat bawaan",
            f"Pakai lagi templat bawaan untuk {info.title}? Templat pengganti "
            f"({info.filename or info.file_name}) dihapus dari database. Surat yang sudah "
            "ditandatangani tidak berubah.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            templates.restore_shipped(self.session.user, info.key)
        except PelitaError as exc:
            self._template_error_text(exc.message)
            self.refresh()
            return False
        self.refresh()
        self.template_message.show()
        self.template_errors.success(f"Templat {info.file_name} kembali memakai templat "
                                     "bawaan.")
        return True

    # --- signers' images -------------------------------------------------------------------
    def _build_signer_box(self) -> QGroupBox:
        box = QGroupBox("Tanda tangan dan cap pindaian (hanya pada surat bertanda tangan)")
        self.signer_combo = QComboBox()
        self.signer_combo.setMinimumWidth(260)
        self.signer_combo.currentIndexChanged.connect(lambda *_: self._show_signer())
        hint = QLabel("PNG atau JPEG, paling besar 2 MB; sebaiknya PNG berlatar transparan.")
        hint.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(QLabel("Pejabat (Kepala):"))
        top.addWidget(self.signer_combo)
        top.addWidget(hint, 1)

        grid = QGridLayout()
        self.previews, self.upload_buttons, self.remove_buttons = {}, {}, {}
        for column, (kind, label) in enumerate(IMAGE_LABELS.items()):
            preview = QLabel()
            preview.setFixedSize(PREVIEW_W, PREVIEW_H)
            preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            preview.setFrameShape(QFrame.Shape.StyledPanel)
            preview.setStyleSheet("background: white;")
            upload = QPushButton(f"Unggah {label.lower()}…")
            upload.clicked.connect(lambda _=False, k=kind: self.upload_image(k))
            remove = QPushButton("Hapus")
            remove.clicked.connect(lambda _=False, k=kind: self.remove_image(k))
            self.previews[kind], self.upload_buttons[kind] = preview, upload
            self.remove_buttons[kind] = remove
            title = QLabel(label + ":")
            grid.addWidget(title, 0, column * 2, 1, 2)
            grid.addWidget(preview, 1, column * 2, 1, 2)
            grid.addWidget(upload, 2, column * 2)
            grid.addWidget(remove, 2, column * 2 + 1)
        grid.setColumnStretch(4, 1)

        self.signer_message = error_label()
        self.signer_errors = FieldErrors(self.signer_message, {
            "Tanda tangan pindaian": self.previews["signature"],
            "Cap dinas": self.previews["stamp"]})
        outer = QVBoxLayout(box)
        outer.addLayout(top)
        outer.addLayout(grid)
        outer.addWidget(self.signer_message)
        return box

    def _load_signers(self) -> None:
        current = self.signer_combo.currentData()
        self.signer_combo.blockSignals(True)
        self.signer_combo.clear()
        for user in users.signers(self.session.user):
            text = user.full_name + (f" — {user.position}" if user.position else "")
            self.signer_combo.addItem(f"{text} ({user.username})", user.id)
        index = self.signer_combo.findData(current) if current is not None else 0
        self.signer_combo.setCurrentIndex(max(index, 0))
        self.signer_combo.blockSignals(False)
        self._show_signer()

    def selected_signer(self):
        user_id = self.signer_combo.currentData()
        if user_id is None:
            return None
        return next((u for u in users.signers(self.session.user) if u.id == user_id), None)

    def _show_signer(self) -> None:
        signer = self.selected_signer()
        signature, stamp = templates.signer_images(signer) if signer else (None, None)
        self.images = {"signature": signature, "stamp": stamp}
        for kind in IMAGE_LABELS:
            self._set_preview(kind)
            self.upload_buttons[kind].setEnabled(signer is not None)
            self.remove_buttons[kind].setEnabled(bool(self.images[kind]))
        if signer is None:
            self.signer_message.setText("Belum ada pengguna berperan Kepala. Tambahkan di menu "
                                        "Pengguna.")
            self.signer_message.setStyleSheet("color: #555;")
            self.signer_message.show()

    def _set_preview(self, kind: str) -> None:
        preview, data = self.previews[kind], self.images[kind]
        pixmap = QPixmap()
        if data and pixmap.loadFromData(QByteArray(data)):
            preview.setPixmap(pixmap.scaled(PREVIEW_W - 8, PREVIEW_H - 8,
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        else:
            preview.setPixmap(QPixmap())
            preview.setText("Belum ada")

    def _store(self, kind: str, data: bytes | None) -> bool:
        signer = self.selected_signer()
        if signer is None:
            return False
        values = dict(self.images)
        values[kind] = data
        self.signer_message.show()
        try:
            lifecycle.set_signer_images(self.session.user, signer, **values)
        except PelitaError as exc:
            self.signer_errors.show(exc)
            return False
        self._show_signer()
        done = "disimpan" if data else "dihapus"
        self.signer_errors.success(f"{IMAGE_LABELS[kind]} {signer.full_name} {done}.")
        return True

    def upload_image(self, kind: str) -> bool:
        label = IMAGE_LABELS[kind]
        path = file_dialogs.open_path(self, f"Pilih {label.lower()}", IMAGE_FILTER)
        if not path:
            return False
        self.signer_message.show()
        try:
            with open(path, "rb") as fh:
                data = fh.read(lifecycle.IMAGE_MAX_BYTES + 1)
            if len(data) > lifecycle.IMAGE_MAX_BYTES:
                raise ValidationError(label, "berkas terlalu besar: paling besar 2 MB.")
            data = to_png(data)
        except OSError as exc:
            self.signer_message.setStyleSheet("color: #a93226;")
            self.signer_message.setText(f"Berkas tidak bisa dibaca: {exc.strerror or exc}")
            return False
        except ValidationError as exc:
            self.signer_errors.show(ValidationError(label, exc.reason))
            return False
        return self._store(kind, data)

    def remove_image(self, kind: str) -> bool:
        return self._store(kind, None)
