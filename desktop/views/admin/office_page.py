"""Profil Kantor: the office's name, address, head and codes, used by letters and the status bar."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from desktop.errors import ConflictError, PelitaError, ValidationError
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import office
from desktop.services.shared import permissions, timefmt
from desktop.views.shared import file_dialogs
from desktop.views.shared.forms import FieldErrors, required_note

LINE_FIELDS = {  # field: (label on the form, placeholder)
    "office_name": ("Nama dinas", "Dinas Sosial"),
    "region_name": ("Nama kota/kabupaten", "contoh: Magelang"),
    "phone": ("Telepon", "contoh: (0293) 362001"),
    "email": ("E-mail", "contoh: dinsos@magelangkota.go.id"),
    "website": ("Situs web", "contoh: dinsos.magelangkota.go.id"),
    "head_name": ("Nama kepala dinas", "nama lengkap dengan gelar"),
    "head_rank": ("Pangkat/golongan", "contoh: Pembina Utama Muda (IV/c)"),
    "head_nip": ("NIP kepala dinas", "18 angka"),
    "unit_code": ("Kode unit", "contoh: Dinsos"),
    "classification_code": ("Kode klasifikasi", "contoh: 400.9"),
    "region_code": ("Kode wilayah (NIK)", "4 angka, contoh: 3371"),
}
# The service's field names in ValidationError.field that differ from the form's labels.
SERVICE_LABELS = {"Nama dinas": "office_name", "Nama kota/kabupaten": "region_name",
                  "Alamat": "address", "Telepon": "phone", "Situs web": "website",
                  "Nama kepala dinas": "head_name",
                  "Pangkat/golongan kepala dinas": "head_rank", "Kode unit": "unit_code",
                  "Kode klasifikasi": "classification_code", "Jenis daerah": "region_kind",
                  "E-mail": "email", "Zona waktu": "time_zone", "NIP kepala dinas": "head_nip",
                  "Kode wilayah (NIK)": "region_code", "Lambang daerah": "emblem"}
EMBLEM_SIZE = 120


class OfficePage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_edit = permissions.can(session.user, "office.edit")
        self.profile = None
        self.baseline = {}
        self.emblem = None  # bytes of the emblem shown in the form

        self.edits = {key: QLineEdit() for key in LINE_FIELDS}
        for key, (_, placeholder) in LINE_FIELDS.items():
            self.edits[key].setPlaceholderText(placeholder)
        self.edits["head_nip"].setMaxLength(24)
        self.edits["region_code"].setMaxLength(4)
        self.region_kind = QComboBox()
        self.region_kind.addItems(["Kota", "Kabupaten"])
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(64)
        self.time_zone = QComboBox()
        for key, short in timefmt.TIME_ZONES.items():
            self.time_zone.addItem(f"{short} ({key})", key)
        self.widgets = {**self.edits, "region_kind": self.region_kind, "address": self.address,
                        "time_zone": self.time_zone}

        office_box = QGroupBox("Kantor")
        form = QFormLayout(office_box)
        form.addRow("Nama dinas:", self.edits["office_name"])
        region_row = QHBoxLayout()
        region_row.addWidget(self.region_kind)
        region_row.addWidget(self.edits["region_name"], 1)
        form.addRow("Kota/Kabupaten:", region_row)
        form.addRow("Alamat:", self.address)
        form.addRow("Telepon:", self.edits["phone"])
        form.addRow("E-mail:", self.edits["email"])
        form.addRow("Situs web:", self.edits["website"])
        form.addRow("Zona waktu:", self.time_zone)

        head_box = QGroupBox("Kepala dinas (penanda tangan surat)")
        head_form = QFormLayout(head_box)
        head_form.addRow("Nama:", self.edits["head_name"])
        head_form.addRow("Pangkat/golongan:", self.edits["head_rank"])
        head_form.addRow("NIP:", self.edits["head_nip"])

        codes_box = QGroupBox("Kode surat dan wilayah")
        codes_form = QFormLayout(codes_box)
        codes_form.addRow("Kode klasifikasi:", self.edits["classification_code"])
        codes_form.addRow("Kode unit:", self.edits["unit_code"])
        codes_form.addRow("Kode wilayah (NIK):", self.edits["region_code"])
        self.number_example = QLabel()
        self.number_example.setStyleSheet("color: #555;")
        codes_form.addRow("Contoh nomor surat:", self.number_example)
        for key in ("classification_code", "unit_code"):
            self.edits[key].textChanged.connect(self._update_example)

        emblem_box = QGroupBox("Lambang daerah (kop surat)")
        self.emblem_preview = QLabel()
        self.emblem_preview.setFixedSize(EMBLEM_SIZE, EMBLEM_SIZE)
        self.emblem_preview.setAlignment(Qt.AlignCenter)
        self.emblem_preview.setFrameShape(QFrame.StyledPanel)
        self.choose_emblem_button = QPushButton("Pilih gambar…")
        self.choose_emblem_button.clicked.connect(self.choose_emblem)
        self.clear_emblem_button = QPushButton("Hapus lambang")
        self.clear_emblem_button.clicked.connect(lambda: self.set_emblem(None))
        emblem_hint = QLabel("PNG atau JPEG, paling besar 2 MB.")
        emblem_hint.setWordWrap(True)
        emblem_buttons = QVBoxLayout()
        emblem_buttons.addWidget(self.choose_emblem_button)
        emblem_buttons.addWidget(self.clear_emblem_button)
        emblem_buttons.addWidget(emblem_hint)
        emblem_buttons.addStretch(1)
        emblem_layout = QHBoxLayout(emblem_box)
        emblem_layout.addWidget(self.emblem_preview)
        emblem_layout.addLayout(emblem_buttons, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.reload_button = QPushButton("Muat ulang")
        self.reload_button.setToolTip("Muat data terbaru dari database; isian Anda diterapkan "
                                      "kembali di atasnya.")
        self.reload_button.clicked.connect(self.reload_keeping_input)
        self.reload_button.hide()
        self.save_button = QPushButton("Simpan profil")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #555;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.save_button)

        grid = QGridLayout()
        grid.addWidget(office_box, 0, 0, 2, 1)
        grid.addWidget(head_box, 0, 1)
        grid.addWidget(codes_box, 1, 1)
        grid.addWidget(emblem_box, 2, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(grid)
        content_layout.addWidget(required_note())
        content_layout.addWidget(self.updated_label)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        # The service's field names -> the widgets they mark ("Nama kepala dinas" is "Nama:").
        self.errors = FieldErrors(self.message, {
            label: self.emblem_preview if key == "emblem" else self.widgets[key]
            for label, key in SERVICE_LABELS.items()})
        self.errors.mark_required(office.REQUIRED)
        if not self.can_edit:
            for widget in (*self.widgets.values(), self.choose_emblem_button,
                           self.clear_emblem_button):
                widget.setEnabled(False)
            self.save_button.hide()
        self.refresh()

    # --- form <-> record -----------------------------------------------------
    def values(self) -> dict:
        data = {key: edit.text() for key, edit in self.edits.items()}
        data.update(region_kind=self.region_kind.currentText(),
                    address=self.address.toPlainText(),
                    time_zone=self.time_zone.currentData(), emblem=self.emblem)
        return data

    def _set_values(self, data: dict) -> None:
        for key, edit in self.edits.items():
            if key in data:
                edit.setText(data[key] or "")
        if "region_kind" in data:
            self.region_kind.setCurrentText(data["region_kind"] or "Kota")
        if "address" in data:
            self.address.setPlainText(data["address"] or "")
        if "time_zone" in data:
            self.time_zone.setCurrentIndex(max(self.time_zone.findData(data["time_zone"]), 0))
        if "emblem" in data:
            self.set_emblem(data["emblem"])

    def _record_values(self, profile) -> dict:
        data = {key: getattr(profile, key) or "" for key in LINE_FIELDS}
        data.update(region_kind=profile.region_kind, address=profile.address or "",
                    time_zone=profile.time_zone,
                    emblem=bytes(profile.emblem) if profile.emblem else None)
        return data

    def load(self, profile) -> None:
        self.profile = profile
        self._set_values(self._record_values(profile))
        # What the form showed right after loading: typed changes are measured against it.
        self.baseline = self.values()
        if profile.id is None:
            self.updated_label.setText("Profil kantor belum pernah disimpan.")
        else:
            self.updated_label.setText(f"Terakhir diubah oleh {profile.updated_by or '-'} pada "
                                       f"{timefmt.format_local(profile.updated_at)}.")

    def typed_changes(self) -> dict:
        current = self.values()
        return {k: v for k, v in current.items() if v != self.baseline.get(k)}

    def has_unsaved_changes(self) -> bool:
        """Typed and not saved (views.shared.unsaved: quitting asks first)."""
        return self.profile is not None and bool(self.typed_changes())

    def refresh(self) -> None:
        """Shown again: reload unless the user has unsaved typing in the form."""
        if self.profile is not None and self.typed_changes():
            self._show_message("Ada isian yang belum disimpan, jadi halaman tidak dimuat "
                               "ulang. Simpan, atau tekan Muat ulang untuk memuat data "
                               "terbaru dengan isian Anda di atasnya.", ok=False)
            self.reload_button.show()
            return
        self._clear_errors()
        self.load(office.get_profile())

    def _update_example(self) -> None:
        code = self.edits["classification_code"].text().strip() or "…"
        unit = self.edits["unit_code"].text().strip() or "…"
        year = timefmt.to_local(utcnow()).year
        self.number_example.setText(f"{code}/0001/{unit}/{year}")

    # --- emblem --------------------------------------------------------------
    def set_emblem(self, data: bytes | None) -> None:
        self.emblem = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.emblem_preview.setPixmap(pixmap.scaled(EMBLEM_SIZE - 8, EMBLEM_SIZE - 8,
                                                        Qt.KeepAspectRatio,
                                                        Qt.SmoothTransformation))
        else:
            self.emblem_preview.setPixmap(QPixmap())
            self.emblem_preview.setText("Belum ada\nlambang")
        self.clear_emblem_button.setEnabled(self.can_edit and bool(data))

    def choose_emblem(self) -> bool:
        path = file_dialogs.open_path(self, "Pilih lambang daerah",
                                      "Gambar PNG atau JPEG (*.png *.jpg *.jpeg)")
        if not path:
            return False
        self._clear_errors()
        try:
            with open(path, "rb") as fh:
                data = fh.read(office.EMBLEM_MAX_BYTES + 1)
            office.check_emblem(data)
        except OSError as exc:
            self._show_message(f"Berkas tidak bisa dibaca: {exc.strerror or exc}", ok=False)
            return False
        except ValidationError as exc:
            self._show_error(exc)
            return False
        self.set_emblem(data)
        return True

    # --- saving --------------------------------------------------------------
    def _clear_errors(self) -> None:
        self.errors.clear()
        self.reload_button.hide()

    def _show_message(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1e6b35;" if ok else "color: #a93226;")
        self.message.setText(text)

    def _show_error(self, exc: PelitaError) -> None:
        """Every field at fault marked with its message, the first focused."""
        self.errors.show(exc)

    def save(self) -> bool:
        self._clear_errors()
        try:
            saved = office.save_profile(self.session.user, self.profile, **self.values())
        except ConflictError as exc:
            self._show_error(exc)
            self.reload_button.show()
            return False
        except ValidationError as exc:
            self._show_error(exc)
            if exc.field == "Profil kantor":  # another PC created the row first
                self.reload_button.show()
            return False
        except PelitaError as exc:
            self._show_error(exc)
            return False
        self.load(saved)
        self._show_message("Profil kantor disimpan.", ok=True)
        return True

    def reload_keeping_input(self) -> None:
        """Load the newest record, then put back every value the user had typed."""
        typed = self.typed_changes()
        self._clear_errors()
        self.load(office.get_profile())
        self._set_values(typed)
        if typed:
            self._show_message("Data terbaru dimuat dan isian Anda diterapkan kembali di "
                               "atasnya. Periksa, lalu tekan Simpan profil.", ok=True)
        else:
            self._show_message("Data terbaru dimuat.", ok=True)
