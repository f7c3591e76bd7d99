"""Stok Bantuan: each item with what came in, went out and is on hand (summed by the
database), the movements of the chosen item, and the forms for a new item, aid received and
a stock count. Issuing happens where the aid goes: a disaster's distribution form."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout,
                               QWidget)

from desktop.services.shared import permissions, timefmt
from desktop.services.stock import stock
from desktop.views.cases.case_form import CaseForm
from desktop.views.shared.forms import date_edit, date_of, set_date
from desktop.views.shared import list_export
from desktop.views.shared.tables import read_only_table

ITEM_COLUMNS = ["Barang", "Satuan", "Masuk", "Keluar", "Stok di gudang", "Status"]
MOVEMENT_COLUMNS = ["Tanggal", "Jenis", "Jumlah", "Asal / tujuan", "Dicatat oleh", "Catatan"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _model(columns, parent) -> QStandardItemModel:
    model = QStandardItemModel(0, len(columns), parent)
    model.setHorizontalHeaderLabels(columns)
    return model


def _row(cells, key=None) -> list[QStandardItem]:
    items = [QStandardItem(str(c)) for c in cells]
    for item in items:
        item.setToolTip(item.text())
    if key is not None:
        items[0].setData(key, ID_ROLE)
    return items


def _today():
    return timefmt.to_local(timefmt.utcnow()).date()


class StockPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_manage = permissions.can(session.user, "stock.manage")
        self.items = _model(ITEM_COLUMNS, self)
        self.item_table = read_only_table(self.items)
        self.item_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.item_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.item_table.selectionModel().currentRowChanged.connect(lambda *_: self._movements())
        self.movements = _model(MOVEMENT_COLUMNS, self)
        self.movement_table = read_only_table(self.movements)
        self.movement_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.movement_table.horizontalHeader().setStretchLastSection(True)
        self.movement_title = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Persediaan bantuan Dinas Sosial. Barang keluar dicatat dari "
                                 "penyerahan bantuan pada permohonan (misalnya korban "
                                 "bencana)."))
        buttons.addStretch(1)
        self.export_button = list_export.export_button(self, self.item_table, "Stok bantuan",
                                                       self._export)
        buttons.addWidget(self.export_button)
        self.new_button = QPushButton("Barang baru…")
        self.edit_button = QPushButton("Ubah barang…")
        self.receive_button = QPushButton("Catat barang masuk…")
        self.count_button = QPushButton("Hitung stok…")
        for button, slot in ((self.new_button, lambda: self._open(ItemDialog, None)),
                             (self.edit_button, lambda: self._open(ItemDialog, self.selected())),
                             (self.receive_button, lambda: self._open(ReceiveDialog,
                                                                      self.selected())),
                             (self.count_button, lambda: self._open(CountDialog,
                                                                    self.selected()))):
            button.clicked.connect(slot)
            button.setVisible(self.can_manage)
            buttons.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.movement_title)
        lower_layout.addWidget(self.movement_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.item_table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _export(self, path, columns, headers):
        return list_export.rows_task(self.session.user, path, columns, headers,
                                     title="Stok bantuan", table="aid_item",
                                     rows=list_export.shown_rows(self.items))

    def refresh(self) -> None:
        chosen = self.selected_id()
        totals = stock.totals()
        self.items.removeRows(0, self.items.rowCount())
        for item in stock.items():
            got, gone, left = totals.get(item.id, (0, 0, 0))
            self.items.appendRow(_row([item.name, item.unit, got, gone, left,
                                       "Aktif" if item.active else "Tidak aktif"], item.id))
        rows = [r for r in range(self.items.rowCount())
                if self.items.item(r, 0).data(ID_ROLE) == chosen]
        self.item_table.selectRow(rows[0] if rows else 0)
        self._movements()

    def selected_id(self):
        index = self.item_table.currentIndex()
        return self.items.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    def selected(self):
        chosen = self.selected_id()
        return stock.get_item(chosen) if chosen is not None else None

    def _movements(self) -> None:
        self.movements.removeRows(0, self.movements.rowCount())
        item = self.selected()
        for button in (self.edit_button, self.receive_button, self.count_button):
            button.setEnabled(item is not None)
        if item is None:
            self.movement_title.setText("Belum ada barang di daftar stok.")
            return
        self.movement_title.setText(f"<b>Riwayat {item.name}</b> (200 catatan terakhir)")
        for m in stock.movements(item.id):
            self.movements.appendRow(_row([
                timefmt.format_date(m.moved_on), stock.KINDS[m.kind],
                f"{m.quantity:+d} {item.unit}", m.source, m.created_by, m.note]))

    def _open(self, dialog_class, item) -> None:
        if dialog_class(self.session, item, self).exec():
            self.refresh()


class ItemDialog(CaseForm):
    def __init__(self, session, item=None, parent=None):
        super().__init__("Barang bantuan", parent, width=440)
        self.session, self.item = session, item
        self.name = self.row("Nama barang", QLineEdit(item.name if item else ""))
        self.unit = self.row("Satuan", QComboBox())
        self.unit.setEditable(True)
        self.unit.addItems(["kg", "dus", "lembar", "paket", "buah", "liter"])
        self.unit.setCurrentText(item.unit if item else "kg")
        self.active = self.row("", QCheckBox("Aktif: dapat diserahkan"))
        self.active.setChecked(item.active if item else True)
        self.mark_required(stock.ITEM_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: stock.save_item(self.session.user, self.item,
                                             name=self.name.text(),
                                             unit=self.unit.currentText(),
                                             active=self.active.isChecked()))


class ReceiveDialog(CaseForm):
    def __init__(self, session, item, parent=None):
        super().__init__(f"Barang masuk: {item.name}", parent, width=480)
        self.session, self.item = session, item
        self.quantity = self.row("Jumlah", QSpinBox())
        self.quantity.setRange(1, stock.MAX_QUANTITY)
        self.quantity.setSuffix(f" {item.unit}")
        self.moved_on = self.row("Tanggal", date_edit(optional=False))
        set_date(self.moved_on, _today())
        self.source = self.row("Asal barang", QLineEdit())
        self.source.setPlaceholderText("Kementerian Sosial, Dinsos Provinsi, BPBD, donatur")
        self.note = self.row("Catatan", QLineEdit())
        self.mark_required(stock.RECEIVE_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: stock.receive(self.session.user, self.item.id,
                                           self.quantity.value(),
                                           moved_on=date_of(self.moved_on),
                                           source=self.source.text(), note=self.note.text()))


class CountDialog(CaseForm):
    """After counting the warehouse: the difference is recorded as a correction."""

    def __init__(self, session, item, parent=None):
        super().__init__(f"Hitung stok: {item.name}", parent, width=480)
        self.session, self.item = session, item
        self.counted = self.row("Hasil hitung", QSpinBox())
        self.counted.setRange(0, stock.MAX_QUANTITY)
        self.counted.setSuffix(f" {item.unit}")
        self.counted.setValue(stock.on_hand(item.id))
        self.moved_on = self.row("Tanggal", date_edit(optional=False))
        set_date(self.moved_on, _today())
        self.note = self.row("Catatan", QLineEdit())
        self.note.setPlaceholderText("misalnya: 2 lembar rusak terkena air")
        self.mark_required(stock.COUNT_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: stock.correct(self.session.user, self.item.id,
                                           self.counted.value(),
                                           moved_on=date_of(self.moved_on),
                                           note=self.note.text()))
