"""Duty roster and the lists behind the calendars: vehicles, drivers, technicians, cemeteries,
blackout periods."""
import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.schedule import resources
from desktop.services.schedule.fields import day_bounds, local_date
from desktop.services.shared import timefmt
from desktop.views.schedule.schedule_dialogs import _datetime_edit, local_naive, utc_of
from desktop.views.shared.date_field import DateEdit
from desktop.views.shared.forms import (FieldErrors, check_dates, date_edit, date_of,
                                        dialog_buttons, error_label, required_note, submit)
from desktop.views.shared.tables import read_only_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _model(headers: list[str], parent) -> QStandardItemModel:
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    return model


def _fill(model: QStandardItemModel, rows: list[tuple[object, list[str]]]) -> None:
    model.removeRows(0, model.rowCount())
    for key, cells in rows:
        items = [QStandardItem(str(c)) for c in cells]
        items[0].setData(key, ID_ROLE)
        model.appendRow(items)


def _selected_key(table):
    index = table.currentIndex()
    if not index.isValid():
        return None
    return table.model().index(index.row(), 0).data(ID_ROLE)


def _table(model):
    table = read_only_table(model)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class RosterTab(QWidget):
    """Who is on duty each day of a week; officers add and remove entries."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        today = local_date(utcnow())
        self.week_edit = DateEdit(optional=False)  # typed as 15/12/2027 or 15/12/27
        self.week_edit.field_name = "Tujuh hari mulai"
        self.week_edit.setDate(today)
        self.week_edit.dateChanged.connect(lambda _: self.refresh())
        self.week_edit.line.editingFinished.connect(self.check_week)
        self.week_message = error_label()
        self.model = _model(["Tanggal", "Tugas", "Nama", "Catatan"], self)
        self.table = _table(self.model)

        self.day_edit = date_edit(optional=False)
        self.day_edit.setDate(today)
        self.duty_combo = QComboBox()
        for key, label in resources.DUTIES.items():
            self.duty_combo.addItem(label, key)
        self.person_combo = QComboBox()
        self.officer_edit = QLineEdit()
        self.officer_edit.setPlaceholderText("nama petugas piket")
        self.note_edit = QLineEdit()
        self.add_button = QPushButton("Tambahkan ke jadwal piket")
        self.remove_button = QPushButton("Hapus yang dipilih")
        self.duty_combo.currentIndexChanged.connect(lambda _: self._duty_changed())
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)

        top = QHBoxLayout()
        top.addWidget(QLabel("Tujuh hari mulai"))
        top.addWidget(self.week_edit)
        top.addWidget(self.week_message, 1)
        top.addStretch(1)
        form_box = QGroupBox("Tambah petugas piket")
        form = self.form = QFormLayout()
        form.addRow("Tanggal", self.day_edit)
        form.addRow("Tugas", self.duty_combo)
        form.addRow("Nama", self.person_combo)
        form.addRow("Nama petugas", self.officer_edit)
        form.addRow("Catatan", self.note_edit)
        form.addRow(self.add_button)
        form.addRow(self.remove_button)
        self.add_error = error_label()
        self.errors = FieldErrors(self.add_error, {
            "Tanggal": self.day_edit, "Tugas": self.duty_combo, "Pengemudi": self.person_combo,
            "Teknisi": self.person_combo, "Teknisi seating clinic": self.person_combo,
            "Nama petugas piket": self.officer_edit, "Petugas piket": self.officer_edit,
            "Catatan": self.note_edit})
        box_layout = QVBoxLayout(form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(required_note())
        box_layout.addWidget(self.add_error)
        self.errors.mark_required(resources.DUTY_REQUIRED
                                  + tuple(resources.DUTY_PERSON.values()))
        form_box.setVisible(page.can_manage)
        body = QHBoxLayout()
        body.addWidget(self.table, 2)
        body.addWidget(form_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._duty_changed()

    def _duty_changed(self) -> None:
        duty = self.duty_combo.currentData()
        self.person_combo.clear()
        people = (resources.drivers(active_only=True) if duty == "driver" else
                  resources.technicians(active_only=True) if duty == "technician" else [])
        for person in people:
            self.person_combo.addItem(person.name, person.id)
        self.form.setRowVisible(self.person_combo, duty != "officer")
        self.form.setRowVisible(self.officer_edit, duty == "officer")

    def check_week(self) -> bool:
        """A typed text that is no date is marked and said; the list stays on its week."""
        return check_dates(self.week_message, self.week_edit)

    def refresh(self) -> None:
        if not self.check_week():
            self._duty_changed()
            return
        start = self.week_edit.value()
        if start is None:  # emptied: the week of today, as the page opened
            start = local_date(utcnow())
        rows = []
        for day, assignments in resources.roster(start, 7).items():
            label = f"{timefmt.DAYS[day.weekday()]}, {timefmt.format_date(day)}"
            if not assignments:
                rows.append((None, [label, "-", "belum ada petugas", ""]))
            for a in assignments:
                rows.append((a.id, [label, resources.DUTIES[a.duty], resources.duty_name(a),
                                    a.note]))
        _fill(self.model, rows)
        self._duty_changed()

    def add(self) -> None:
        duty = self.duty_combo.currentData()
        person = self.person_combo.currentData()
        try:
            submit(lambda: resources.set_duty(
                self.page.session.user, date_of(self.day_edit), duty,
                driver_id=person if duty == "driver" else None,
                technician_id=person if duty == "technician" else None,
                officer_name=self.officer_edit.text(), note=self.note_edit.text()))
        except PelitaError as exc:
            self.add_error.show()
            self.errors.show(exc)
            return
        self.errors.clear()
        self.add_error.hide()
        self.page.notify("Jadwal piket disimpan.")
        self.page.refresh()

    def remove(self) -> None:
        key = _selected_key(self.table)
        assignment = resources.duty(key) if key else None
        if assignment is None:
            return
        try:
            resources.remove_duty(self.page.session.user, assignment)
        except PelitaError as exc:
            self.page.notify(exc.message, error=True)
            return
        self.page.refresh()


class ResourceDialog(QDialog):
    """Add or change a vehicle, driver, technician or cemetery."""

    LABELS = {"vehicle": "Kendaraan", "driver": "Pengemudi", "technician": "Teknisi",
              "cemetery": "Pemakaman"}
    REQUIRED = {"vehicle": resources.VEHICLE_REQUIRED, "driver": resources.DRIVER_REQUIRED,
                "technician": resources.TECHNICIAN_REQUIRED,
                "cemetery": resources.CEMETERY_REQUIRED}

    def __init__(self, actor, kind: str, record=None, parent=None):
        super().__init__(parent)
        self.actor, self.kind, self.record = actor, kind, record
        self.setWindowTitle(("Ubah " if record else "Tambah ") + self.LABELS[kind].lower())
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        form = QFormLayout()
        self.first_edit = QLineEdit()  # plate, or name
        self.second_edit = QLineEdit()  # vehicle name, phone, or kelurahan
        self.active_check = QCheckBox("Aktif (bisa dipesan)")
        self.active_check.setChecked(True)
        first, second = {"vehicle": ("Nomor polisi", "Nama kendaraan"),
                         "driver": ("Nama pengemudi", "Telepon"),
                         "technician": ("Nama teknisi", "Telepon"),
                         "cemetery": ("Nama pemakaman", "Kelurahan")}[kind]
        form.addRow(first, self.first_edit)
        form.addRow(second, self.second_edit)
        form.addRow("", self.active_check)
        self.errors.add(first, self.first_edit)
        self.errors.add(second, self.second_edit)
        if record is not None:
            if kind == "vehicle":
                self.first_edit.setText(record.plate)
                self.second_edit.setText(record.name)
            else:
                self.first_edit.setText(record.name)
                self.second_edit.setText(record.kelurahan if kind == "cemetery"
                                         else record.phone)
            self.active_check.setChecked(record.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        row, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout.addLayout(row)
        self.errors.mark_required(self.REQUIRED[kind])  # once the rows are on the dialog

    def save(self) -> None:
        a, b = self.first_edit.text(), self.second_edit.text()
        active = self.active_check.isChecked()
        try:
            if self.kind == "vehicle":
                resources.save_vehicle(self.actor, self.record, plate=a, name=b, active=active)
            elif self.kind == "driver":
                resources.save_driver(self.actor, self.record, name=a, phone=b, active=active)
            elif self.kind == "technician":
                resources.save_technician(self.actor, self.record, name=a, phone=b,
                                          active=active)
            else:
                resources.save_cemetery(self.actor, self.record, name=a, kelurahan=b,
                                        active=active)
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        self.accept()


class BlackoutDialog(QDialog):
    def __init__(self, actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle("Blokir waktu (servis, tugas lain)")
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.kind_combo = QComboBox()
        for key, (_, label) in resources.KINDS.items():
            self.kind_combo.addItem(label, key)
        self.resource_combo = QComboBox()
        now = local_naive(utcnow()).replace(minute=0, second=0)
        self.start_edit = _datetime_edit(now + datetime.timedelta(hours=1))
        self.end_edit = _datetime_edit(now + datetime.timedelta(hours=5))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("contoh: servis berkala di bengkel")
        form = QFormLayout()
        form.addRow("Jenis", self.kind_combo)
        form.addRow("Nama", self.resource_combo)
        form.addRow("Mulai", self.start_edit)
        form.addRow("Selesai", self.end_edit)
        form.addRow("Alasan", self.reason_edit)
        for label, widget in (("Jenis", self.kind_combo), ("Mulai", self.start_edit),
                              ("Selesai", self.end_edit),
                              ("Alasan", self.reason_edit), ("Kendaraan", self.resource_combo),
                              ("Pengemudi", self.resource_combo),
                              ("Teknisi", self.resource_combo)):
            self.errors.add(label, widget)
        self.kind_combo.currentIndexChanged.connect(lambda _: self._kind_changed())
        self._kind_changed()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        row, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout.addLayout(row)
        self.errors.mark_required(resources.BLACKOUT_REQUIRED)

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.resource_combo.clear()
        records = {"vehicle": resources.vehicles, "driver": resources.drivers,
                   "technician": resources.technicians}[kind]()
        for record in records:
            self.resource_combo.addItem(record.plate if kind == "vehicle" else record.name,
                                        record.id)

    def save(self) -> None:
        try:
            submit(lambda: resources.add_blackout(
                self.actor, self.kind_combo.currentData(), self.resource_combo.currentData(),
                utc_of(self.start_edit), utc_of(self.end_edit), self.reason_edit.text()))
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        self.accept()


class ResourcesTab(QWidget):
    """Fleet, staff, cemeteries and blackouts; officers add and change them."""

    LISTS = [("vehicle", "Kendaraan", ["Nomor polisi", "Nama", "Status"]),
             ("driver", "Pengemudi", ["Nama", "Telepon", "Status"]),
             ("technician", "Teknisi", ["Nama", "Telepon", "Status"]),
             ("cemetery", "Pemakaman", ["Nama", "Kelurahan", "Status"])]

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.tabs = QTabWidget()
        self.models, self.tables = {}, {}
        for kind, title, headers in self.LISTS:
            model = _model(headers, self)
            table = _table(model)
            table.doubleClicked.connect(lambda _i, k=kind: self.edit(k))
            add = QPushButton(f"Tambah {title.lower()}")
            add.clicked.connect(lambda _=False, k=kind: self.open_dialog(k, None))
            edit = QPushButton("Ubah yang dipilih")
            edit.clicked.connect(lambda _=False, k=kind: self.edit(k))
            for button in (add, edit):
                button.setVisible(page.can_manage)
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(edit)
            buttons.addStretch(1)
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.addWidget(table, 1)
            inner.addLayout(buttons)
            self.tabs.addTab(box, title)
            self.models[kind], self.tables[kind] = model, table
        self.blackout_model = _model(["Sumber", "Waktu", "Alasan"], self)
        self.blackout_table = _table(self.blackout_model)
        add = QPushButton("Blokir waktu")
        add.clicked.connect(self.add_blackout)
        remove = QPushButton("Hapus blokir yang dipilih")
        remove.clicked.connect(self.remove_blackout)
        for button in (add, remove):
            button.setVisible(page.can_manage)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel("Blokir waktu 30 hari ke depan (servis kendaraan, cuti, "
                               "tugas lain): tidak bisa dipesan."))
        inner.addWidget(self.blackout_table, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        inner.addLayout(row)
        self.tabs.addTab(box, "Blokir waktu")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _records(self, kind):
        return {"vehicle": lambda: resources.vehicles(), "driver": lambda: resources.drivers(),
                "technician": lambda: resources.technicians(),
                "cemetery": lambda: resources.cemeteries(active_only=False)}[kind]()

    def refresh(self) -> None:
        for kind, _, _ in self.LISTS:
            rows = []
            for r in self._records(kind):
                status = "Aktif" if r.active else "Tidak aktif"
                first = r.plate if kind == "vehicle" else r.name
                second = (r.name if kind == "vehicle" else r.kelurahan if kind == "cemetery"
                          else r.phone)
                rows.append((r.id, [first, second, status]))
            _fill(self.models[kind], rows)
        today = local_date(utcnow())
        start, _ = day_bounds(today)
        _, end = day_bounds(today, 30)
        _fill(self.blackout_model, [
            (b.id, [resources.resource_name(b.resource_kind, b.resource_id),
                    resources.describe_blackout(b).split(": ", 1)[1].rsplit(" (", 1)[0],
                    b.reason]) for b in resources.blackouts_between(start, end)])

    def edit(self, kind) -> None:
        key = _selected_key(self.tables[kind])
        record = next((r for r in self._records(kind) if r.id == key), None)
        if record is not None:
            self.open_dialog(kind, record)

    def make_dialog(self, kind, record) -> ResourceDialog:
        return ResourceDialog(self.page.session.user, kind, record, self)

    def open_dialog(self, kind, record) -> None:
        if self.page.can_manage and self.make_dialog(kind, record).exec() == \
                QDialog.DialogCode.Accepted:
            self.page.refresh()

    def add_blackout(self) -> None:
        if BlackoutDialog(self.page.session.user, self).exec() == QDialog.DialogCode.Accepted:
            self.page.refresh()

    def remove_blackout(self) -> None:
        key = _selected_key(self.blackout_table)
        blackout = resources.blackout(key) if key else None
        if blackout is None:
            return
        try:
            resources.remove_blackout(self.page.session.user, blackout)
        except PelitaError as exc:
            self.page.notify(exc.message, error=True)
            return
        self.page.refresh()
