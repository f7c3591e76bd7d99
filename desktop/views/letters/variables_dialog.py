"""Daftar variabel templat: what a replacement template may use, searchable, inside the app
(the same list letter_templates/VARIABLES.md is built from)."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout)

from desktop.services.letters import catalogue, variables
from desktop.views.shared import window_size
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Variabel", "Arti", "Contoh", "Dipakai di"]
MANY = 2  # more templates than this are counted, their titles in the tooltip


class VariablesDialog(QDialog):
    def __init__(self, template_key: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle("Daftar variabel templat surat — Pelita")
        window_size.fit(self, 1100, 640)
        intro = QLabel("Tulis variabel di dokumen Word persis seperti kolom Variabel, termasuk "
                       "kurung kurawalnya, misalnya {{ letter_date }}. Daftar dan gambar "
                       "dipakai dengan {% for %} atau {% if %}. Tanggal, jumlah uang dan NIP "
                       "sudah berformat.")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Cari nama, arti atau contoh variabel…")
        self.search_edit.setClearButtonEnabled(True)
        self.template_combo = QComboBox()
        self.template_combo.addItem("Semua templat", "")
        for spec in catalogue.SPECS:
            self.template_combo.addItem(spec.title, spec.key)
        self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template_key)))
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Templat:"))
        filters.addWidget(self.template_combo)
        filters.addWidget(self.search_edit, 1)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 190)
        self.table.doubleClicked.connect(lambda *_: self.copy_tag())
        self.count_label = QLabel()
        self.copy_button = QPushButton("Salin variabel")
        self.copy_button.setToolTip("Salin variabel terpilih, misalnya {{ letter_date }}, untuk "
                                    "ditempel di Word (atau klik dua kali barisnya)")
        self.copy_button.clicked.connect(self.copy_tag)
        close = QPushButton("Tutup")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._timer.start)
        self.template_combo.currentIndexChanged.connect(self.apply_filter)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._timer.stop()
        rows = variables.search(self.search_edit.text(), self.template_combo.currentData() or "")
        self.model.setRowCount(0)
        for variable in rows:
            used = QStandardItem(variable.used_in)
            if len(variable.templates) > MANY and variable.used_in not in (
                    variables.EVERY_TEMPLATE, variables.EVERY_LETTER):
                used.setText(f"{len(variable.templates)} templat")
            used.setToolTip(variable.used_in.replace(", ", "\n"))
            shown = variable.example  # a long sample is cut: the tooltip has it whole
            example = QStandardItem(shown if len(shown) <= 120 else shown[:119] + "…")
            example.setToolTip(variable.example)
            tag = QStandardItem(variable.tag)
            tag.setData(variable.tag, Qt.ItemDataRole.UserRole)
            self.model.appendRow([tag, QStandardItem(variable.meaning), example, used])
        self.table.resizeRowsToContents()
        self.count_label.setText(f"{len(rows)} variabel." if rows
                                 else "Tidak ada variabel yang cocok.")
        if rows:
            self.table.selectRow(0)
        self.copy_button.setEnabled(bool(rows))

    def copy_tag(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        tag = self.model.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        QGuiApplication.clipboard().setText(tag)
        self.count_label.setText(f"{tag} disalin; tempel di dokumen Word.")
        return tag
