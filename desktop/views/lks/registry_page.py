"""Daftar LKS: every registered social welfare institution, searched by name or NPWP and
filtered by field, Tanda Daftar state and kecamatan in the database, exported to xlsx."""
import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.lks import export, lks_records, registrations, registry_query
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import permissions
from desktop.views.applications.application_table import thousands
from desktop.views.lks.lks_table import (COL_FIELDS, COL_KECAMATAN, COL_LEGAL, COL_NAME,
                                        COL_NUMBER, COL_STATE, COL_UNTIL, LksTableModel)
from desktop.views.shared import file_dialogs
from desktop.views.shared.errors import describe
from desktop.views.shared.list_print import PrintListButton, filter_summary
from desktop.views.shared.tables import read_only_table

SEARCH_DELAY_MS = 250


class KecamatanFilter(QComboBox):
    """'Semua kecamatan' and, once the user reaches for it, the kecamatan the register holds
    (read then, not with every opening of the page)."""

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.addItem("Semua kecamatan", "")
        self._filled = False

    def ensure_filled(self) -> None:
        if self._filled:
            return
        self._filled = True
        current = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for name in registry_query.kecamatan_names(self.actor):
            self.addItem(name, name)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if index < 0:  # the chosen kecamatan has no LKS any more
            self.currentIndexChanged.emit(0)

    def invalidate(self) -> None:
        self._filled = False

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event) -> None:
        self.ensure_filled()
        super().focusInEvent(event)

    def wheelEvent(self, event) -> None:
        self.ensure_filled()
        super().wheelEvent(event)


class LksRegistryPage(QWidget):
    data_changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Cari awal nama LKS atau NPWP…")
        self.search_edit.setClearButtonEnabled(True)
        self.field_combo = QComboBox()
        self.field_combo.addItem("Semua bidang", "")
        for code, label in lks_records.FIELDS.items():
            self.field_combo.addItem(label, code)
        self.state_combo = QComboBox()
        self.state_combo.addItem("Semua status", "")
        for code, label in registrations.STATES.items():
            self.state_combo.addItem(label, code)
        self.kecamatan_combo = KecamatanFilter(session.user)
        self.new_button = QPushButton("LKS baru…")
        self.new_button.clicked.connect(self.new_lks)
        self.export_button = QPushButton("Ekspor xlsx…")
        self.export_button.clicked.connect(self.export)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.field_combo, 1)
        filters.addWidget(self.state_combo)
        filters.addWidget(self.kecamatan_combo)
        filters.addWidget(self.export_button)
        filters.addWidget(self.new_button)

        self.count_label = QLabel("Menghitung…")
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet("color: #4b5563;")
        self.model = LksTableModel(session.user, self)
        # Filled a page at a time: the fixed columns sized by their longest text.
        self.view = read_only_table(
            self.model, "lks", samples={COL_NUMBER: "400.9.12/0000/TD-LKS/2026",
                                        COL_UNTIL: "30 September 2029",
                                        COL_STATE: "Belum terdaftar"},
            elastic={COL_NAME: 160, COL_FIELDS: 120, COL_LEGAL: 90, COL_KECAMATAN: 90})
        self.print_button = PrintListButton(self.view, "Daftar LKS", lambda: filter_summary(
            ("Pencarian", self.search_edit), ("Bidang", self.field_combo),
            ("Status", self.state_combo), ("Kecamatan", self.kecamatan_combo)))
        filters.insertWidget(filters.indexOf(self.export_button) + 1, self.print_button)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.doubleClicked.connect(lambda index: self.open_lks(
            self.model.lks_id(index.row())))
        self.model.count_changed.connect(self._show_count)

        layout = QVBoxLayout(self)
        title = QLabel("Daftar Lembaga Kesejahteraan Sosial")
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        layout.addWidget(title)
        layout.addLayout(filters)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(self.hint_label)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.new_button.setVisible(permissions.can(session.user, "lks.edit"))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._timer.start)
        for combo in (self.field_combo, self.state_combo, self.kecamatan_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.apply_filter()

    def current_filter(self) -> LksFilter:
        return LksFilter(text=self.search_edit.text().strip(),
                         field=self.field_combo.currentData() or "",
                         state=self.state_combo.currentData() or "",
                         kecamatan=self.kecamatan_combo.currentData() or "")

    def apply_filter(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        # Ending soon: the nearest end first, the list staff call through.
        sort = "until" if flt.state in ("segera_habis", "habis") else "name"
        self.count_label.setText("Menghitung…")
        self.model.set_filter(flt, sort=sort)
        self.hint_label.setText(
            f"Segera habis: berakhir dalam {self.model.warn_days} hari "
            "(Pengaturan)." if flt.state == "segera_habis" else "")

    def _show_count(self, total: int) -> None:
        self.count_label.setText(f"{thousands(total)} LKS" if total
                                 else "Tidak ada LKS yang cocok.")

    def refresh(self) -> None:
        self.kecamatan_combo.invalidate()
        self.apply_filter()

    def open_lks(self, lks_id: int | None) -> None:
        if lks_id is None:
            return
        from desktop.views.lks.lks_dialog import LksDialog

        try:
            dialog = LksDialog(self.session, lks_id, self)
        except PelitaError as exc:
            QMessageBox.warning(self, "Pelita", exc.message)
            return
        dialog.exec()
        if dialog.changed:
            self.refresh()
            self.data_changed.emit()

    def new_lks(self) -> None:
        from desktop.views.lks.lks_dialog import LksDialog

        dialog = LksDialog(self.session, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted or dialog.changed:
            self.refresh()
            self.data_changed.emit()

    def export(self) -> None:
        name = f"daftar-lks-{datetime.date.today():%Y-%m-%d}.xlsx"
        path = file_dialogs.save_path(self, "Ekspor daftar LKS", name, "Buku kerja Excel",
                                      ".xlsx")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            written = export.export_xlsx(self.session.user, self.current_filter(), path)
        except OSError as exc:
            QMessageBox.warning(self, "Pelita", f"Berkas tidak bisa ditulis ({exc.strerror}). "
                                "Pilih folder lain.")
            return
        except Exception as exc:  # noqa: BLE001 (a database error: one message for all)
            QMessageBox.warning(self, "Pelita", describe(exc, "Ekspor gagal."))
            return
        QMessageBox.information(self, "Pelita", f"{thousands(written)} LKS diekspor ke {path}.")
