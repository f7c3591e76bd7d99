"""Izin dan Rekomendasi: the collections, raffles and grant recommendations, one kind at a
time, newest first, each with its period, its amount and what it still owes (red when past
a deadline); a double-click opens the application."""
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.services.applications import workflow
from desktop.services.letters import formatting
from desktop.services.permits import permit_query
from desktop.views.applications.application_table import open_application, thousands
from desktop.views.shared import list_export
from desktop.views.shared.paged_table import PagedTableModel
from desktop.views.shared.tables import read_only_table

COLUMNS = ["No. registrasi", "Pemohon", "Uraian", "Nilai", "Jangka waktu", "Status",
           "Yang masih ditunggu"]
COL_NUMBER, COL_ORG, COL_SUMMARY, COL_AMOUNT, COL_PERIOD, COL_STATE, COL_OWED = \
    range(len(COLUMNS))


def texts(row) -> list[str]:
    """A row's cells, in COLUMNS order (the table's and the export's)."""
    return [row.reg_number, row.applicant, row.summary,
            formatting.rupiah(row.amount) if row.amount else "-", row.period,
            workflow.STATES.get(row.state, row.state), row.owed or "-"]


class PermitTableModel(PagedTableModel):
    def __init__(self, actor, parent=None):
        super().__init__(COLUMNS, parent)
        self.actor, self.kind = actor, "pub"

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.load()

    def read_page(self, offset: int):
        return permit_query.page(self.actor, self.kind, offset=offset, limit=self.page_size)

    def count_task(self):
        actor, kind = self.actor, self.kind
        return lambda: permit_query.count(actor, kind)

    def items(self, row) -> list[QStandardItem]:
        items = [QStandardItem(text) for text in texts(row)]
        items[COL_SUMMARY].setToolTip(row.summary)
        items[COL_ORG].setToolTip(row.applicant)
        if row.owed:
            items[COL_OWED].setForeground(QBrush(QColor("#9b1c1c" if row.urgent else "#7a4b00")))
        return items


class PermitsPage(QWidget):
    data_changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        title = QLabel("Izin dan Rekomendasi")
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.kind_combo = QComboBox()
        for code, label in permit_query.KINDS.items():
            self.kind_combo.addItem(label, code)
        self.count_label = QLabel("Menghitung…")
        self.model = PermitTableModel(session.user, self)
        # Filled a page at a time: the fixed columns sized by their longest text.
        self.view = read_only_table(
            self.model, "pub", samples={COL_NUMBER: "00000/REG/2026",
                                        COL_AMOUNT: "Rp 150.000.000,00",
                                        COL_PERIOD: "30 Sep 2026 – 30 Des 2026",
                                        COL_STATE: "Menunggu kelengkapan"},
            elastic={COL_ORG: 140, COL_SUMMARY: 140, COL_OWED: 120})
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.doubleClicked.connect(lambda index: self.open(self.model.row_id(index.row())))
        self.model.count_changed.connect(
            lambda total: self.count_label.setText(f"{thousands(total)} permohonan"
                                                   if total else "Belum ada permohonan."))
        self.export_button = list_export.export_button(self, self.view, "Daftar izin",
                                                       self._export)
        row = QHBoxLayout()
        row.addWidget(self.kind_combo)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.count_label.setText("Menghitung…")
        self.model.set_kind(self.kind_combo.currentData())

    def _export(self, path, columns, headers):
        actor, kind = self.session.user, self.model.kind
        return list_export.query_task(
            actor, path, columns, headers, title=f"Daftar {permit_query.KINDS[kind].lower()}",
            table="application", values=texts,
            pages=lambda offset, limit: permit_query.page(actor, kind, offset=offset,
                                                          limit=limit),
            count=lambda: permit_query.count(actor, kind))

    def open(self, application_id) -> None:
        if application_id and open_application(self.session, application_id, self):
            self.refresh()
            self.data_changed.emit()
