"""ATENSI: the budget year's plan against what was delivered, per component and per
kelurahan (summed by the database, over the beneficiaries the user may read)."""
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from desktop.cases.atensi import record as atensi
from desktop.services.letters import formatting
from desktop.services.shared import timefmt
from desktop.views.shared import list_export
from desktop.views.shared.tables import read_only_table

COMPONENT_COLUMNS = ["Komponen", "Penerima direncanakan", "Rencana (Rp)", "Penerima dilayani",
                     "Layanan", "Realisasi (Rp)", "Realisasi"]
KELURAHAN_COLUMNS = ["Kelurahan", "Penerima manfaat", "Rencana (Rp)", "Realisasi (Rp)",
                     "Layanan", "Realisasi"]


def percent(done: int, planned: int) -> str:
    return f"{done * 100 / planned:.0f}%" if planned else "—"


def _money(value: int) -> str:
    return formatting.rupiah(value).replace(",00", "") if value else "—"


def _table(columns, parent):
    model = QStandardItemModel(0, len(columns), parent)
    model.setHorizontalHeaderLabels(columns)
    table = read_only_table(model)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return model, table


def _append(model, cells) -> None:
    items = [QStandardItem(str(c)) for c in cells]
    for item in items[1:]:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    model.appendRow(items)


class AtensiPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.year = QComboBox()
        self.summary = QLabel()
        self.components, component_table = _table(COMPONENT_COLUMNS, self)
        self.kelurahan, kelurahan_table = _table(KELURAHAN_COLUMNS, self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Asistensi Rehabilitasi Sosial (Permensos 7/2021 jo. 7/2022), "
                             "tahun anggaran"))
        top.addWidget(self.year)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.export_buttons = []
        for title, table in (("Per komponen", component_table),
                             ("Per kelurahan", kelurahan_table)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            heading = QHBoxLayout()
            heading.addWidget(QLabel(f"<b>{title}</b>"), 1)
            name = f"ATENSI {title.lower()}"
            button = list_export.export_button(self, table, name,
                                               lambda path, columns, headers, t=table, n=name:
                                               self._export(t, n, path, columns, headers))
            self.export_buttons.append(button)
            heading.addWidget(button)
            column.addLayout(heading)
            column.addWidget(table)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._fill_years()
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()

    def _export(self, table, name, path, columns, headers):
        """The recap as shown, with its budget year in the title."""
        return list_export.rows_task(self.session.user, path, columns, headers,
                                     title=f"{name} {self.year.currentData()}",
                                     rows=list_export.shown_rows(table.model()),
                                     table="atensi_delivery")

    def _fill_years(self) -> None:
        this_year = timefmt.to_local(timefmt.utcnow()).year
        for year in sorted(set(atensi.years(self.session.user)) | {this_year}, reverse=True):
            self.year.addItem(str(year), year)

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        self.components.removeRows(0, self.components.rowCount())
        planned_total = given_total = 0
        for code, planned_n, planned, served, times, given in atensi.recap_by_component(
                self.session.user, year):
            planned_total, given_total = planned_total + planned, given_total + given
            _append(self.components, [atensi.COMPONENTS[code], planned_n, _money(planned),
                                      served, times, _money(given), percent(given, planned)])
        self.kelurahan.removeRows(0, self.kelurahan.rowCount())
        people = 0
        for name, count, planned, given, times in atensi.recap_by_kelurahan(
                self.session.user, year):
            people += count
            _append(self.kelurahan, [name, count, _money(planned), _money(given), times,
                                     percent(given, planned)])
        self.summary.setText(f"{people} penerima manfaat · rencana {_money(planned_total)} · "
                             f"realisasi {_money(given_total)} "
                             f"({percent(given_total, planned_total)})")
