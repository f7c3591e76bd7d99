"""A report period: a preset (this year, this month, ...) or two dates typed or picked."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.shared import periods, timefmt
from desktop.views.shared.forms import (ERROR_TEXT_STYLE, check_dates, date_edit, filter_value,
                                        set_date)

CUSTOM = "pilih"


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, initial: str = "tahun", parent=None):
        super().__init__(parent)
        self.preset = QComboBox()
        for key, label in periods.PRESETS.items():
            self.preset.addItem(label, key)
        self.preset.addItem("Pilih tanggal…", CUSTOM)
        self.start = date_edit(optional=False)
        self.end = date_edit(optional=False)
        self.start.field_name, self.end.field_name = "Awal periode", "Akhir periode"
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column.addLayout(row)
        row.addWidget(QLabel("Periode:"))
        row.addWidget(self.preset)
        row.addWidget(self.start)
        row.addWidget(QLabel("s.d."))
        row.addWidget(self.end)
        self.message = QLabel()  # a date typed wrong or emptied, and what is shown meanwhile
        self.message.setStyleSheet(ERROR_TEXT_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        column.addWidget(self.message)  # under the dates: the page keeps its width
        self.preset.setCurrentIndex(max(self.preset.findData(initial), 0))
        self._apply_preset()
        self._last = (filter_value(self.start), filter_value(self.end))
        self.preset.currentIndexChanged.connect(lambda _: self._apply_preset(emit=True))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _: self._typed())
            edit.line.editingFinished.connect(self.period)  # a wrong date said on leaving it

    def _apply_preset(self, emit: bool = False) -> None:
        key = self.preset.currentData()
        if key != CUSTOM:
            start, end = periods.preset(key, timefmt.office_today())
            for edit, day in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                set_date(edit, day)
                edit.blockSignals(False)
        if emit:
            self.changed.emit()

    def _typed(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
        self.preset.blockSignals(False)
        self.changed.emit()

    def period(self):
        """(start, end) as shown, the services check the order; while a date is typed wrong
        or emptied, the last whole period, and the message under the dates says so."""
        typed_right = check_dates(self.message, self.start, self.end)  # marks a wrong one
        start, end = filter_value(self.start), filter_value(self.end)
        if typed_right and None not in (start, end):
            self._last = (start, end)
            self.message.hide()
            return self._last
        problems = [f"{edit.field_name}: {edit.problem() or 'wajib diisi.'}"
                    for edit, day in ((self.start, start), (self.end, end)) if day is None]
        self.message.setText(" ".join(problems) + " Yang tampil: "
                             f"{timefmt.format_date(self._last[0])} s.d. "
                             f"{timefmt.format_date(self._last[1])}.")
        self.message.show()
        return self._last
