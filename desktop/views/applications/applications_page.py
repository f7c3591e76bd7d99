"""Permohonan: every application, searched and filtered in the database, read a page at a time."""
import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.services.applications import application_query, workflow
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from desktop.views.applications.application_table import (COL_NIK, ApplicationTableModel,
                                                          ApplicationTableView, count_text,
                                                          export_values, open_application,
                                                          register_application)
from desktop.views.shared import list_export
from desktop.views.shared.date_field import DateEdit
from desktop.views.shared.forms import check_dates, filter_date, filter_value, set_date
from desktop.views.shared.list_print import PrintListButton, filter_summary

SEARCH_DELAY_MS = 250
DUE_CHOICES = [("Semua tenggat", None), ("Terlambat", "terlambat"), ("Segera", "segera"),
               ("Normal", "normal"), ("Tanpa batas", "tanpa_batas"),
               ("Jatuh tempo hari ini", "hari_ini")]


class ServiceFilter(QComboBox):
    """'Semua layanan' and, once the user reaches for it, every service of the catalog.

    Most visits to the list never change the service, so the catalog is read and the items
    added the first time the combo is focused, opened or scrolled, not with every opening of
    the list (3% of it). `invalidate()` makes the next reach read the catalog again.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.addItem("Semua layanan", None)
        self._filled = False

    def ensure_filled(self) -> None:
        if self._filled:
            return
        services = service_catalog.service_names()
        self._filled = True
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem("Semua layanan", None)
        for service_id, name, source_office in services:
            self.addItem(name, service_id)
            self.setItemData(self.count() - 1, f"{name}\n{source_office}",
                             Qt.ItemDataRole.ToolTipRole)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if index < 0 and current is not None:  # the chosen service left the catalog
            self.currentIndexChanged.emit(0)

    def invalidate(self) -> None:
        self._filled = False

    def focusInEvent(self, event) -> None:
        self.ensure_filled()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def wheelEvent(self, event) -> None:
        self.ensure_filled()
        super().wheelEvent(event)


def _date_edit(field: str) -> DateEdit:
    """A received-date bound typed as 15/12/2027 or 15/12/27; empty: no bound."""
    return filter_date(field)


class ApplicationsPage(QWidget):
    data_changed = Signal()  # an application was registered or moved: the sidebar badge recounts

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        user = session.user

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Cari no. registrasi, NIK atau nama…")
        self.search_edit.setClearButtonEnabled(True)
        self.new_button = QPushButton("Permohonan baru")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip("Daftarkan permohonan baru (Ctrl+N)")
        self.new_button.clicked.connect(self.new_application)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)

        self.service_combo = ServiceFilter()
        self.service_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.service_combo.setMinimumContentsLength(26)
        self.service_combo.view().setMinimumWidth(560)
        self.step_spin = QSpinBox()
        self.step_spin.setRange(0, 30)
        self.step_spin.setSpecialValueText("Semua")
        self.step_spin.setToolTip("Nomor langkah prosedur saat ini")
        self.state_combo = QComboBox()
        self.state_combo.addItem("Semua status", None)
        self.state_combo.addItem("Aktif (diproses + menunggu)", "aktif")
        for key, label in workflow.STATES.items():
            self.state_combo.addItem(label, key)
        self.due_combo = QComboBox()
        for label, key in DUE_CHOICES:
            self.due_combo.addItem(label, key)
        self.from_edit = _date_edit("Diterima dari")
        self.from_edit.setToolTip("Diterima sejak tanggal ini (kosong: kapan saja)")
        self.to_edit = _date_edit("Diterima sampai")
        self.to_edit.setToolTip("Diterima sampai dengan tanggal ini (kosong: kapan saja)")
        self.date_message = QLabel()  # a date typed wrong, said beside the dates
        self.date_message.setWordWrap(True)
        self.mine_check = QCheckBox("Tugas saya")
        self.mine_check.setToolTip("Hanya permohonan yang menunggu langkah peran "
                                   f"{permissions.role_label(user.role)}")
        self.clear_button = QPushButton("Hapus filter")
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Layanan:"))
        filters.addWidget(self.service_combo, 1)
        filters.addWidget(QLabel("Langkah:"))
        filters.addWidget(self.step_spin)
        filters.addWidget(QLabel("Status:"))
        filters.addWidget(self.state_combo)
        filters.addWidget(QLabel("Tenggat:"))
        filters.addWidget(self.due_combo)
        dates = QHBoxLayout()
        dates.addWidget(QLabel("Diterima dari:"))
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("sampai:"))
        dates.addWidget(self.to_edit)
        dates.addWidget(self.date_message, 1)
        dates.addSpacing(12)
        dates.addWidget(self.mine_check)
        dates.addStretch()
        dates.addWidget(self.clear_button)

        self.model = ApplicationTableModel(self.session.user, self)
        self.view = ApplicationTableView(self.model)
        self.view.open_requested.connect(self.open_application)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label = QLabel()
        self.model.count_changed.connect(self._show_count)
        self.batch_button = QPushButton("Buat surat untuk yang dipilih")
        self.batch_button.setToolTip("Pilih beberapa baris (Ctrl/Shift + klik), lalu buat "
                                     "konsep suratnya sekaligus")
        self.batch_button.clicked.connect(self.batch_letters)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.print_button = PrintListButton(self.view, "Daftar permohonan", self._filter_text,
                                            masked={COL_NIK})
        self.export_button = list_export.export_button(self, self.view, "Daftar permohonan",
                                                       self._export)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.export_button)
        footer.addWidget(self.print_button)
        footer.addWidget(self.batch_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        # Only once it has a parent: a parentless widget made visible opens as a window.
        self.new_button.setVisible(permissions.can(user, "applications.register"))
        self.batch_button.setVisible(permissions.can(user, "letters.draft"))
        self.batch_button.setEnabled(False)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.step_spin.valueChanged.connect(self._search_timer.start)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._search_timer.start)
            edit.line.editingFinished.connect(self._check_dates)
        for combo in (self.service_combo, self.state_combo, self.due_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.mine_check.toggled.connect(self.apply_filter)

        self.apply_filter()
        self.search_edit.setFocus()

    # --- filtering -------------------------------------------------------------------------

    def current_filter(self) -> ApplicationFilter:
        return ApplicationFilter(
            text=self.search_edit.text().strip(),
            service_id=self.service_combo.currentData(),
            step=self.step_spin.value() or None,
            state=self.state_combo.currentData(),
            due=self.due_combo.currentData(),
            received_from=filter_value(self.from_edit),
            received_to=filter_value(self.to_edit),
            actor_role=self.session.user.role if self.mine_check.isChecked() else None)

    def _filter_text(self) -> str:
        """The filter the list shows in words, printed under the list's title (while a date
        is typed wrong, the one applied before it)."""
        return self._applied_text

    def _typed_filter_text(self) -> str:
        return filter_summary(("Pencarian", self.search_edit), ("Layanan", self.service_combo),
                              ("Langkah", self.step_spin), ("Status", self.state_combo),
                              ("Tenggat", self.due_combo), ("Diterima dari", self.from_edit),
                              ("sampai", self.to_edit), ("Tugas saya", self.mine_check))

    def _check_dates(self) -> bool:
        return check_dates(self.date_message, self.from_edit, self.to_edit)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if not self._check_dates():
            return  # the list stays on the last filter until the date is one
        self.count_label.setText("Menghitung…")
        self._applied_text = self._typed_filter_text()
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        widgets = (self.search_edit, self.service_combo, self.step_spin, self.state_combo,
                   self.due_combo, self.from_edit, self.to_edit, self.mine_check)
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.service_combo, self.state_combo, self.due_combo):
            combo.setCurrentIndex(0)
        self.step_spin.setValue(0)
        set_date(self.from_edit, None)
        set_date(self.to_edit, None)
        self.mine_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def show_only(self, state: str | None = None, due: str | None = None,
                  received_on: datetime.date | None = None) -> None:
        """The list on one filter, the others cleared (a Beranda tile's)."""
        self.clear_filters()
        for combo, value in ((self.state_combo, state), (self.due_combo, due)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        if received_on is not None:
            for edit in (self.from_edit, self.to_edit):
                edit.blockSignals(True)
                set_date(edit, received_on)
                edit.blockSignals(False)
        self.apply_filter()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(count_text(total))

    def refresh(self) -> None:
        self.service_combo.invalidate()
        self.apply_filter()

    def _export(self, path, columns, headers):
        """Every application of the filter, in the list's order, as the list shows it."""
        actor, model = self.session.user, self.model
        flt, sort, descending = model.filter, model.sort_key, model.descending
        return list_export.query_task(
            actor, path, columns, headers, title="Daftar permohonan", table="application",
            pages=lambda offset, limit: application_query.page(
                actor, flt, sort, descending, offset=offset, limit=limit),
            count=lambda: application_query.count(actor, flt), values=export_values)

    # --- opening ---------------------------------------------------------------------------

    def open_application(self, application_id: int) -> None:
        opened = open_application(self.session, application_id, self)
        if opened:
            self.model.refresh_application(application_id)
            self.data_changed.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [i for i in (self.model.application_id(r) for r in rows) if i is not None]

    def _selection_changed(self, *_args) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.batch_button.setEnabled(count > 0)
        self.batch_button.setText(f"Buat surat untuk yang dipilih ({count})" if count
                                  else "Buat surat untuk yang dipilih")

    def batch_letters(self) -> None:
        ids = self.selected_ids()
        if not ids or not permissions.can(self.session.user, "letters.draft"):
            return
        from desktop.views.letters.letter_batch import BatchLetterDialog

        BatchLetterDialog(self.session, ids, self).exec()
        self.data_changed.emit()

    def new_application(self) -> None:
        if not permissions.can(self.session.user, "applications.register"):
            return
        application_id = register_application(self.session, self)
        if application_id is None:
            return
        self.refresh()
        self.view.select_application(application_id)
        self.data_changed.emit()
        self.open_application(application_id)
