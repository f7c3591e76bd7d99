"""The Surat list's filter bar: number, subject and applicant typed, a state, and a date range
on the created, signed or updated date. It only gathers the filter; letter_query checks it."""
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QWidget)

from desktop.services.letters import lifecycle
from desktop.services.letters.letter_query import DATE_FIELDS, LetterFilter
from desktop.views.shared.forms import check_dates, filter_date, filter_value, set_date

SEARCH_DELAY_MS = 250  # typing a word sends one query, not one per letter


class LetterFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.number_edit = self._search("Nomor surat…")
        self.subject_edit = self._search("Hal…")
        self.applicant_edit = self._search("Nama pemohon, no. registrasi atau pengaduan…")
        self.state_combo = QComboBox()
        self.state_combo.addItem("Semua status", None)
        for key, label in lifecycle.STATES.items():
            self.state_combo.addItem(label, key)
        self.state_combo.setToolTip("Status surat (di tab 'Semua surat'; tab lain sudah "
                                    "menentukan statusnya)")
        self.date_combo = QComboBox()
        for key, label in DATE_FIELDS.items():
            self.date_combo.addItem(label, key)
        self.date_combo.setToolTip("Tanggal yang dibatasi oleh rentang di sampingnya")
        self.from_edit = filter_date("Tanggal sejak")
        self.from_edit.setToolTip("Sejak tanggal ini (kosong: kapan saja)")
        self.to_edit = filter_date("Tanggal sampai")
        self.to_edit.setToolTip("Sampai dengan tanggal ini (kosong: kapan saja)")
        self._applied = LetterFilter()  # what the list shows, kept while a date is wrong
        self.date_message = QLabel()  # a date typed wrong, said beside the dates
        self.date_message.setWordWrap(True)
        self.clear_button = QPushButton("Hapus filter")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        for edit in (self.number_edit, self.subject_edit, self.applicant_edit):
            edit.textChanged.connect(lambda _text: self._timer.start())
        for combo in (self.state_combo, self.date_combo):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _date: self._dates_changed())
            edit.line.editingFinished.connect(self.dates_ok)

        # Two rows: the searches, then state and dates; on a 1366-pixel screen one row would
        # squeeze the search fields to a few characters.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.number_edit, 0, 0)
        grid.addWidget(self.subject_edit, 0, 1)
        grid.addWidget(self.applicant_edit, 0, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 3)
        second = QHBoxLayout()
        second.addWidget(QLabel("Status:"))
        second.addWidget(self.state_combo)
        second.addSpacing(8)
        second.addWidget(QLabel("Tanggal:"))
        second.addWidget(self.date_combo)
        second.addWidget(self.from_edit)
        second.addWidget(QLabel("s.d."))
        second.addWidget(self.to_edit)
        second.addWidget(self.clear_button)
        second.addWidget(self.date_message, 1)
        self.actions = second  # the page adds its buttons at the row's end
        grid.addLayout(second, 1, 0, 1, 3)
        self.setLayout(grid)

    def _search(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(placeholder.rstrip("…") + " (sebagian kata, huruf besar/kecil sama)")
        edit.setClearButtonEnabled(True)
        return edit

    def dates_ok(self) -> bool:
        """False, with the field named beside the dates, while one is typed as no date."""
        return check_dates(self.date_message, self.from_edit, self.to_edit)

    def _dates_changed(self) -> None:
        if self.dates_ok():  # the list keeps its last filter until the date is one
            self.changed.emit()

    def letter_filter(self) -> LetterFilter:
        """The filter as typed; while a date is typed as no date, the last one applied, so the
        list and its export never drop that bound unseen."""
        if not self.dates_ok():
            return self._applied
        state = self.state_combo.currentData() if self.state_combo.isEnabled() else None
        self._applied = LetterFilter(
            number=self.number_edit.text(), subject=self.subject_edit.text(),
            applicant=self.applicant_edit.text(), state=state,
            date_field=self.date_combo.currentData(), date_from=filter_value(self.from_edit),
            date_to=filter_value(self.to_edit))
        return self._applied

    def set_state_choice(self, enabled: bool) -> None:
        """The state choice applies on the all-letters tab only; elsewhere the tab says it."""
        self.state_combo.setEnabled(enabled)

    def clear(self) -> None:
        widgets = (self.number_edit, self.subject_edit, self.applicant_edit, self.state_combo,
                   self.date_combo, self.from_edit, self.to_edit)
        for widget in widgets:
            widget.blockSignals(True)
        for edit in (self.number_edit, self.subject_edit, self.applicant_edit):
            edit.clear()
        self.state_combo.setCurrentIndex(0)
        self.date_combo.setCurrentIndex(0)
        set_date(self.from_edit, None)
        set_date(self.to_edit, None)
        self.dates_ok()  # nothing wrong left to say
        for widget in widgets:
            widget.blockSignals(False)
        self._timer.stop()
        self.changed.emit()
