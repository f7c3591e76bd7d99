"""Jejak Audit: who changed what and when, newest first, read a block of rows at a time.
The rows are in words (audit_words); the stored entry of the selected row is one click away."""
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from desktop.services.admin import audit_query, audit_words
from desktop.services.admin.audit_query import AuditFilter
from desktop.services.shared import list_export as shared_export, timefmt
from desktop.views.shared import list_export

COLUMNS = ["Waktu", "Pengguna", "Kejadian", "Perubahan"]
CHANGES = 3
RAW = 4  # the stored entry, after the shown columns
BLOCK_SIZE = 100
CACHED_BLOCKS = 20


def export_values(entry) -> list:
    """An entry's cells for the xlsx export, in COLUMNS order; changes whole, not cut."""
    return [shared_export.local_time(entry.at), entry.username or "-",
            audit_query.action_label(entry.action), audit_query.table_label(entry.table_name),
            entry.record_id, audit_query.describe_change(entry, width=1000)]


class AuditModel(QAbstractTableModel):
    """Holds only the row count; rows are fetched in blocks when the view asks for them."""

    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.filter = AuditFilter()
        self._count = 0
        self._blocks: OrderedDict[int, list[tuple]] = OrderedDict()
        self.fetches = 0  # how many blocks were read: tests check rows are read lazily

    def reload(self, flt: AuditFilter | None = None) -> None:
        self.beginResetModel()
        if flt is not None:
            self.filter = flt
        self._blocks.clear()
        self._count = audit_query.count(self.actor, self.filter)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def _block(self, number: int) -> list[tuple]:
        if number in self._blocks:
            self._blocks.move_to_end(number)
            return self._blocks[number]
        entries = audit_query.fetch(self.actor, self.filter, number * BLOCK_SIZE, BLOCK_SIZE)
        words = audit_words.describe_all(entries)
        rows = [(timefmt.format_local(e.at), e.username or "-", said.sentence, said.summary(),
                 audit_words.raw_text(e), said.summary("\n"))
                for e, said in zip(entries, words)]
        self.fetches += 1
        self._blocks[number] = rows
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    def row(self, row: int) -> tuple | None:
        block = self._block(row // BLOCK_SIZE)
        offset = row % BLOCK_SIZE
        return block[offset] if offset < len(block) else None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        values = self.row(index.row())
        if values is None:  # the trail changed since the count: show a blank row
            return None
        if role == Qt.ToolTipRole:
            return values[5] if index.column() == CHANGES else None
        return values[index.column()]

    def raw(self, row: int) -> str:
        values = self.row(row) if 0 <= row < self._count else None
        return values[RAW] if values else ""


class AuditPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

        self.user_combo = QComboBox()
        self.user_combo.setMinimumContentsLength(14)
        self.table_combo = QComboBox()
        self.table_combo.setMinimumContentsLength(20)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("Cari kejadian (surat, ditandatangani…), isi "
                                          "perubahan atau ID data…")
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Pengguna:"))
        filters.addWidget(self.user_combo)
        filters.addWidget(QLabel("Data:"))
        filters.addWidget(self.table_combo)
        filters.addWidget(self.text_edit, 1)

        self.model = AuditModel(session.user, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 100, 300)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_raw())

        # The stored entry (action, table, row id, JSON values) for whoever needs it exactly.
        self.raw_button = QPushButton("Lihat data mentah")
        self.raw_button.setCheckable(True)
        self.raw_button.setToolTip("Tampilkan catatan baris terpilih apa adanya: tindakan, "
                                   "tabel, ID baris dan nilai JSON (waktu dalam UTC)")
        self.raw_button.toggled.connect(self._toggle_raw)
        self.raw_text = QPlainTextEdit()
        self.raw_text.setReadOnly(True)
        self.raw_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw_text.hide()
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.raw_text)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.raw_button)

        self.export_button = list_export.export_button(self, self.view, "Jejak audit",
                                                       self._export)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filter)
        self.text_edit.textChanged.connect(self._search_timer.start)
        self.user_combo.currentIndexChanged.connect(self.apply_filter)
        self.table_combo.currentIndexChanged.connect(self.apply_filter)
        self.refresh()

    def _fill_combo(self, combo: QComboBox, everyone: str, values: list[tuple[str, str]]):
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, "")
        for label, value in values:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def refresh(self) -> None:
        actor = self.session.user
        self._fill_combo(self.user_combo, "Semua",
                         [(name, name) for name in audit_query.usernames(actor)])
        self._fill_combo(self.table_combo, "Semua data",
                         [(audit_query.table_label(t), t) for t in audit_query.table_names(actor)])
        self.apply_filter()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(username=self.user_combo.currentData() or "",
                           table_name=self.table_combo.currentData() or "",
                           text=self.text_edit.text().strip())

    def _export(self, path, columns, headers):
        actor, flt = self.session.user, self.model.filter
        return list_export.query_task(
            actor, path, columns, headers, title="Jejak audit", table="audit_entry",
            pages=lambda offset, limit: audit_query.fetch(actor, flt, offset, limit),
            count=lambda: audit_query.count(actor, flt), values=export_values)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.reload(self.current_filter())
        total = self.model.rowCount()
        self.count_label.setText(f"{total} catatan, terbaru di atas." if total
                                 else "Tidak ada catatan yang cocok.")
        if total:
            self.view.selectRow(0)
        self._show_raw()

    def _toggle_raw(self, shown: bool) -> None:
        self.raw_text.setVisible(shown)
        self.raw_button.setText("Sembunyikan data mentah" if shown else "Lihat data mentah")
        self._show_raw()

    def _show_raw(self) -> None:
        if self.raw_text.isHidden():
            return  # read only when asked for
        row = self.view.currentIndex().row()
        self.raw_text.setPlainText(self.model.raw(row) if row >= 0
                                   else "Pilih satu baris untuk melihat datanya apa adanya.")
