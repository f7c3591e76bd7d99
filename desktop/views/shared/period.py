"""A report period: a preset (this year, this month, ...) or two dates typed or picked."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.services.shared import periods, timefmt
from desktop.views.shared.forms import date_edit, date_of, set_date

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
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Periode:"))
        row.addWidget(self.preset)
        row.addWidget(self.start)
        row.addWidget(QLabel("s.d."))
        row.addWidget(self.end)
        self.preset.setCurrentIndex(max(self.preset.findData(initial), 0))
        self._apply_preset()
        self.preset.currentIndexChanged.connect(lambda _: self._apply_preset(emit=True))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _: self._typed())

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
        """(start, end) as shown; the services check the order."""
        return date_of(self.start), date_of(self.end)
