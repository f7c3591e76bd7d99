"""Hari Kerja & Libur: the year's holidays, administrators' changes, and a due-date calculator."""
import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from desktop.errors import PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import calendar
from desktop.services.shared import permissions, timefmt
from desktop.views.shared.date_field import DateEdit
from desktop.views.shared.forms import ERROR_TEXT_STYLE, FieldErrors, check_dates, date_of, submit
from desktop.views.shared.tables import read_only_table

ORIGINS = {"paket": "Kalender nasional", "tambahan": "Ditambahkan administrator",
           "dihapus": "Dihapus: tetap hari kerja"}
COLUMNS = ["Tanggal", "Keterangan", "Asal"]
DATE_ROLE = Qt.UserRole + 1
ORIGIN_ROLE = Qt.UserRole + 2


def long_date(day: datetime.date) -> str:
    return f"{timefmt.DAYS[day.weekday()]}, {timefmt.format_date(day)}"


def _date_edit(day: datetime.date, field: str) -> DateEdit:
    """Typed as 15/12/2027 or 15/12/27, or picked from the calendar."""
    edit = DateEdit(optional=False)
    edit.field_name = field
    edit.setDate(day)
    # Month and day names in the popup calendar in Indonesian, whatever the PC's locale.
    edit.setLocale(QLocale(QLocale.Indonesian, QLocale.Indonesia))
    return edit


class HolidaysPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_edit = permissions.can(session.user, "holidays.edit")
        today = timefmt.to_local(utcnow()).date()

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.year_spin.setPrefix("Tahun ")
        self.summary_label = QLabel()
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)

        top = QHBoxLayout()
        top.addWidget(QLabel("Libur nasional dan cuti bersama:"))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.summary_label)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)

        right = QVBoxLayout()
        self.edit_box = self._build_edit_box(today)
        self.edit_box.setVisible(self.can_edit)
        right.addWidget(self.edit_box)
        right.addWidget(self._build_calculator(today))
        right.addStretch(1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setFixedWidth(400)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(right_widget)

        self.year_spin.valueChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.refresh()

    def _build_edit_box(self, today: datetime.date) -> QGroupBox:
        box = QGroupBox("Ubah kalender (administrator)")
        self.add_date = _date_edit(today, "Tanggal")
        self.add_name = QLineEdit()
        self.add_name.setPlaceholderText("contoh: Cuti Bersama Idul Fitri")
        self.add_kind = QComboBox()
        for key, label in calendar.KINDS.items():
            self.add_kind.addItem(label, key)
        self.add_kind.setCurrentIndex(self.add_kind.findData("cuti_bersama"))
        self.add_button = QPushButton("Tambahkan sebagai hari libur")
        self.add_button.clicked.connect(self.add_holiday)
        self.remove_button = QPushButton("Jadikan hari kerja")
        self.remove_button.setToolTip("Hari libur terpilih dihapus dari kalender kantor.")
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button = QPushButton("Kembalikan sesuai kalender nasional")
        self.restore_button.clicked.connect(self.restore_selected)
        self.edit_message = QLabel()
        self.edit_message.setWordWrap(True)
        outer = QVBoxLayout(box)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow("Tanggal:", self.add_date)
        form.addRow("Keterangan:", self.add_name)
        form.addRow("Jenis:", self.add_kind)
        form.addRow("", self.add_button)
        hint = QLabel("Untuk baris yang dipilih di tabel:")
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.remove_button)
        form.addRow(self.restore_button)
        # Outside the form: a word-wrapped label in a form row gets too little height.
        outer.addWidget(self.edit_message)
        self.field_widgets = {"Tanggal": self.add_date, "Keterangan": self.add_name,
                              "Jenis libur": self.add_kind}
        self.errors = FieldErrors(self.edit_message, self.field_widgets)
        return box

    def _build_calculator(self, today: datetime.date) -> QGroupBox:
        box = QGroupBox("Hitung jatuh tempo (hari kerja)")
        self.calc_start = _date_edit(today, "Mulai")
        self.calc_days = QSpinBox()
        self.calc_days.setRange(0, 365)
        self.calc_days.setValue(7)
        self.calc_days.setSuffix(" hari kerja")
        self.calc_result = QLabel()
        self.calc_result.setWordWrap(True)
        self.calc_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        outer = QVBoxLayout(box)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow("Mulai (berkas diterima):", self.calc_start)
        form.addRow("Jangka waktu:", self.calc_days)
        outer.addWidget(self.calc_result)
        self.calc_start.dateChanged.connect(self.calculate)
        self.calc_start.line.editingFinished.connect(self.calculate)
        self.calc_days.valueChanged.connect(self.calculate)
        return box

    # --- data ----------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year_spin.value()
        rows = calendar.WorkCalendar().year_holidays(year)
        self.model.removeRows(0, self.model.rowCount())
        removed_brush = QBrush(QColor("#8a8a8a"))
        added_brush = QBrush(QColor("#1e5a8a"))
        for day, name, origin in rows:
            items = [QStandardItem(long_date(day)), QStandardItem(name),
                     QStandardItem(ORIGINS.get(origin, origin))]
            items[0].setData(day.isoformat(), DATE_ROLE)
            items[0].setData(origin, ORIGIN_ROLE)
            if origin == "dihapus":
                for item in items:
                    item.setForeground(removed_brush)
                font = items[1].font()
                font.setStrikeOut(True)
                items[1].setFont(font)
            elif origin == "tambahan":
                for item in items:
                    item.setForeground(added_brush)
            self.model.appendRow(items)
        off_weekdays = sum(1 for day, _, origin in rows
                           if origin != "dihapus" and day.weekday() < 5)
        self.summary_label.setText(f"{off_weekdays} hari libur jatuh pada hari kerja")
        self._selection_changed()
        self.calculate()

    def selected(self):
        """(date, origin) of the selected row, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        first = self.model.index(index.row(), 0)
        return datetime.date.fromisoformat(first.data(DATE_ROLE)), first.data(ORIGIN_ROLE)

    def select_date(self, day: datetime.date) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(DATE_ROLE) == day.isoformat():
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self, *args) -> None:
        if not self.can_edit:
            return
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None and chosen[1] != "dihapus")
        self.restore_button.setEnabled(chosen is not None and chosen[1] != "paket")

    # --- administrator actions -------------------------------------------------
    def _clear_errors(self) -> None:
        self.errors.clear()
        self.edit_message.setStyleSheet("")

    def _run(self, action, done_message, day: datetime.date | None = None) -> bool:
        """The day changed is `day`, or what `action()` returns when none is given (the typed
        day of a new holiday); `done_message(day)` says it was done."""
        self._clear_errors()
        try:
            changed = submit(action)
            day = day or changed
        except PelitaError as exc:
            self.errors.show(exc)
            return False
        self.errors.success(done_message(day))
        if day.year != self.year_spin.value():
            self.year_spin.setValue(day.year)  # refreshes
        else:
            self.refresh()
        self.select_date(day)
        return True

    def add_holiday(self) -> bool:
        def add():
            day = date_of(self.add_date)  # a text that is no date: refused, named
            calendar.add_holiday(self.session.user, day, self.add_name.text(),
                                 self.add_kind.currentData())
            return day
        done = self._run(add, lambda day: f"{long_date(day)} ditambahkan sebagai hari libur.")
        if done:
            self.add_name.clear()
        return done

    def remove_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        day = chosen[0]
        return self._run(lambda: calendar.remove_holiday(self.session.user, day),
                         lambda d: f"{long_date(d)} sekarang dihitung sebagai hari kerja.", day)

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        day = chosen[0]
        return self._run(lambda: calendar.restore_package_day(self.session.user, day),
                         lambda d: f"{long_date(d)} kembali mengikuti kalender nasional.", day)

    # --- calculator ------------------------------------------------------------
    def calculate(self) -> None:
        if not check_dates(self.calc_result, self.calc_start):
            return  # the text that is no date is said instead of a due date
        start = self.calc_start.value()
        if start is None:
            self.calc_result.setStyleSheet(ERROR_TEXT_STYLE)
            self.calc_result.setText("Mulai: tulis tanggalnya, misalnya 15/12/2027.")
            return
        self.calc_result.setStyleSheet("")
        count = self.calc_days.value()
        work = calendar.WorkCalendar()
        due = work.add_working_days(start, count)
        skipped = []
        day = start
        while day < due:
            day += datetime.timedelta(days=1)
            name = work.holiday_name(day)
            if name and day.weekday() < 5:
                skipped.append(f"{timefmt.format_date(day)} ({name})")
        text = (f"<b>Jatuh tempo: {long_date(due)}</b><br>"
                f"{(due - start).days} hari kalender; hari mulai tidak dihitung, Sabtu, "
                "Minggu dan hari libur dilewati.")
        if skipped:
            text += "<br>Libur yang dilewati: " + "; ".join(skipped) + "."
        self.calc_result.setText(text)
