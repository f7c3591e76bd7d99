"""Bantuan → Tentang Pelita: services.shell.about in a dialog, copyable for a ticket or an audit."""
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from desktop.services.shell import about
from desktop.views.shared import window_size
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Komponen", "Versi", "Lisensi"]


def about_text(info: about.About, qt_version: str, database_label: str) -> str:
    """The same facts as plain text, for 'Salin ke papan klip'."""
    lines = [f"Pelita {info.version}", f"Database: {database_label}",
             f"Backend: {info.backend} {info.server_version}",
             f"Skema: {info.schema_state} Migrasi terakhir: {info.last_migration}",
             f"Qt {qt_version} (LGPL-3.0)", "", "Komponen:"]
    lines += [f"- {c.name} {c.version}: {c.licence}" for c in info.components]
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Tentang Pelita")
        self.info = about.gather()
        self.text = about_text(self.info, qVersion(), session.database_label)
        heading = QLabel(f"Pelita {self.info.version}")
        heading.setObjectName("aboutHeading")
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        subtitle = QLabel("Pelayanan Terpadu Dinas Sosial")
        subtitle.setStyleSheet("color: #555;")
        form = QFormLayout()
        for label, value in (("Database", session.database_label),
                             ("Backend", f"{self.info.backend} {self.info.server_version}"),
                             ("Skema", self.info.schema_state),
                             ("Migrasi terakhir", self.info.last_migration),
                             ("Qt", f"{qVersion()} (LGPL-3.0)")):
            shown = QLabel(value)
            shown.setWordWrap(True)
            form.addRow(label, shown)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        for c in self.info.components:
            row = [QStandardItem(c.name), QStandardItem(c.version), QStandardItem(c.licence)]
            if not c.from_metadata:
                row[2].setToolTip("Paket ini tidak mencantumkan lisensinya; yang tampil adalah "
                                  "lisensi yang diketahui untuk paket ini.")
            self.model.appendRow(row)
        self.table = read_only_table(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        note = QLabel("Komponen LGPL dipakai sebagai pustaka terpisah dan dapat diganti dengan "
                      "versi lain yang kompatibel; teks lisensinya ada di folder paket masing-"
                      "masing.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555; font-size: 11px;")

        copy_button = QPushButton("Salin ke papan klip")
        copy_button.clicked.connect(self.copy)
        close_button = QPushButton("Tutup")
        close_button.setDefault(True)
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
        window_size.fit(self, 620, 640)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
