"""Lembaga Rujukan: the balai, panti, hospitals and shelters referrals go to, the groups each
accepts, its capacity and how many it cares for now; the administrator adds and changes them
(an institution no longer used is made inactive, so old referrals keep their destination)."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.cases.rujukan import record as rujukan
from desktop.services.referrals import institutions
from desktop.services.shared import permissions
from desktop.views.cases.case_form import CaseForm, choices_combo, select
from desktop.views.shared import list_export
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Nama lembaga", "Jenis", "Kelompok sasaran", "Kapasitas", "Dirawat", "Kota",
           "Telepon", "Status"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class InstitutionsPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_edit = permissions.can(session.user, "institutions.manage")
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model, "lembaga-rujukan")
        self.table.doubleClicked.connect(lambda _: self.edit())
        self.add_button = QPushButton("Tambah lembaga…")
        self.edit_button = QPushButton("Ubah…")
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self.edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        intro = QLabel("Lembaga tujuan rujukan, dengan kelompok sasaran yang diterimanya. "
                       "Rujukan hanya menawarkan lembaga yang aktif dan menerima kelompok "
                       "penerima manfaat.")
        intro.setWordWrap(True)  # else the page is wider than a laptop's window
        buttons.addWidget(intro, 1)
        self.export_button = list_export.export_button(self, self.table, "Daftar lembaga",
                                                       self._export)
        buttons.addWidget(self.export_button)
        for button in (self.add_button, self.edit_button):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def _export(self, path, columns, headers):
        return list_export.rows_task(self.session.user, path, columns, headers,
                                     title="Daftar lembaga rujukan", table="institution",
                                     rows=list_export.shown_rows(self.model))

    def refresh(self) -> None:
        rows = institutions.listing()
        in_care = rujukan.in_care_counts(self.session.user)
        self.model.removeRows(0, self.model.rowCount())
        for place in rows:
            cells = [place.name, institutions.KINDS[place.kind][0],
                     institutions.groups_text(place),
                     str(place.capacity) if place.capacity else "—",
                     str(in_care.get(place.id, 0)), place.city or "—", place.phone or "—",
                     "Aktif" if place.active else "Tidak aktif"]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setToolTip(item.text())
            items[0].setData(place.id, ID_ROLE)
            items[0].setToolTip(", ".join(p for p in (place.name, place.address, place.note)
                                          if p))
            self.model.appendRow(items)
        missing = sum(1 for place in rows if not place.address)
        self.status.setText(f"{len(rows)} lembaga"
                            + (f"; {missing} belum dicatat alamatnya — lengkapi agar surat "
                               "rujukan mencantumkannya." if missing else "."))

    def selected(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return institutions.get(self.model.index(index.row(), 0).data(ID_ROLE))

    def edit(self) -> None:
        if self.can_edit and self.selected() is not None:
            self._open(self.selected())

    def _open(self, place) -> None:
        if InstitutionDialog(self.session, place, self).exec():
            self.refresh()


class InstitutionDialog(CaseForm):
    def __init__(self, session, place=None, parent=None):
        super().__init__("Lembaga rujukan", parent, width=640)
        self.session, self.place = session, place
        self.name = self.row("Nama lembaga", QLineEdit(place.name if place else ""))
        self.kind = self.row("Jenis lembaga", choices_combo(
            {code: label for code, (label, _) in institutions.KINDS.items()}))
        select(self.kind, place.kind if place else "balai")
        self.leader = self.row("Sebutan pimpinan", QLineEdit(place.leader_title if place
                                                              else "Kepala"))
        self.leader.setPlaceholderText("Kepala, Direktur, Ketua: dipakai di alamat surat")
        groups = self.groups_box = QWidget()
        groups.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # shows the error mark
        grid = QGridLayout(groups)
        grid.setContentsMargins(0, 0, 0, 0)
        chosen = institutions.groups_of(place) if place else []
        self.groups = {}
        for number, (code, label) in enumerate(institutions.GROUPS.items()):
            box = QCheckBox(label)
            box.setChecked(code in chosen)
            grid.addWidget(box, number // 2, number % 2)
            self.groups[code] = box
        self.row("Kelompok sasaran", groups)
        self.address = self.row("Alamat", QLineEdit(place.address if place else ""))
        self.city = self.row("Kota/kabupaten", QLineEdit(place.city if place else ""))
        self.phone = self.row("Telepon", QLineEdit(place.phone if place else ""))
        self.email = self.row("Pos-el", QLineEdit(place.email if place else ""))
        self.capacity = self.row("Kapasitas", QLineEdit(
            str(place.capacity) if place and place.capacity else ""))
        self.capacity.setPlaceholderText("jumlah tempat; kosongkan bila belum diketahui")
        self.note = self.row("Catatan", QPlainTextEdit(place.note if place else ""))
        self.note.setFixedHeight(60)
        self.active = self.row("", QCheckBox("Aktif: ditawarkan pada rujukan baru"))
        self.active.setChecked(place.active if place else True)
        self.mark_required(institutions.REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: institutions.save(
            self.session.user, self.place, name=self.name.text(),
            kind=self.kind.currentData(), leader_title=self.leader.text(),
            groups=[code for code, box in self.groups.items() if box.isChecked()],
            address=self.address.text(), city=self.city.text(), phone=self.phone.text(),
            email=self.email.text(), capacity=self.capacity.text(),
            note=self.note.toPlainText(), active=self.active.isChecked()))
