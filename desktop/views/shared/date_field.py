"""A date field typed as text (15/12/2027, 15/12/27, 1/2/2027) with a calendar beside it.
QDateEdit's sections turned typed dates into others (15/12/2027 became 01/12/2027) and
dropped out-of-range years without a word; this keeps what was typed and says what is wrong.
It answers QDateEdit's calls the forms use (date, setDate, dateChanged, minimum/maximum)."""
import datetime
import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout,
                               QWidget)

from desktop.views.shared.dates import DateTextError, format_typed, parse_date
from desktop.views.shared.icons import icon

FULL_YEAR = re.compile(r"(\D\d{4}|^\d{8})$")
NO_DATE = QDate(1900, 1, 1)  # what date() gives for an optional field left empty


def _format(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


class DateEdit(QWidget):
    dateChanged = Signal(QDate)

    def __init__(self, optional: bool = True, past: bool = False, parent=None):
        super().__init__(parent)
        self.optional, self.past = optional, past
        self.field_name = "Tanggal"  # FieldErrors names it after the form's label
        self._minimum: datetime.date | None = None
        self._maximum: datetime.date | None = None
        self._last: datetime.date | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText("hh/bb/tttt" + (" (boleh kosong)" if optional else ""))
        self.line.setMaxLength(20)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._finished)
        self.button = QToolButton()
        self.button.setIcon(icon("fa5s.calendar-alt"))
        self.button.setToolTip("Pilih dari kalender")
        self.button.setAccessibleName("Pilih dari kalender")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.line)
        width = self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24
        self.line.setMinimumWidth(width)

    # QDateEdit's calls that the forms make --------------------------------------------------
    def date(self) -> QDate:
        """The typed date; NO_DATE when empty, an invalid QDate when the text is not a date."""
        try:
            day = self.value()
        except DateTextError:
            return QDate()
        return NO_DATE if day is None else QDate(day)

    def setDate(self, value) -> None:
        day = value.toPython() if isinstance(value, QDate) else value
        if isinstance(value, QDate) and (not value.isValid() or value == NO_DATE):
            day = None
        self.line.setText(format_typed(day))
        self._changed(day)

    def setMinimumDate(self, value: QDate) -> None:
        self._minimum = None if value == NO_DATE else value.toPython()

    def setMaximumDate(self, value: QDate) -> None:
        self._maximum = value.toPython()

    def minimumDate(self) -> QDate:
        return QDate(self._minimum) if self._minimum else NO_DATE

    def maximumDate(self) -> QDate:
        return QDate(self._maximum) if self._maximum else QDate(9999, 12, 31)

    def text(self) -> str:
        return self.line.text()

    # reading --------------------------------------------------------------------------------
    def value(self) -> datetime.date | None:
        """The date, None when empty; DateTextError (an Indonesian sentence) for a text that
        is no date. A date out of the field's range is the service's to refuse, with the other
        fields' refusals."""
        return parse_date(self.line.text(), past=self.past)

    def problem(self) -> str:
        """Why the typed text is not a date, or out of the field's range; '' when fine."""
        try:
            day = self.value()
        except DateTextError as exc:
            return str(exc)
        if day is not None and self._maximum and day > self._maximum:
            return ("tidak boleh di masa depan." if self.past else
                    f"paling lambat {_format(self._maximum)}.")
        if day is not None and self._minimum and day < self._minimum:
            return f"paling awal {_format(self._minimum)}."
        return ""

    def _changed(self, day) -> None:
        if day is None and not self.optional:
            return  # a required date emptied: nothing to follow until one is typed
        if day != self._last:
            self._last = day
            self.dateChanged.emit(NO_DATE if day is None else QDate(day))

    def _edited(self, text: str) -> None:
        # Followed while typing once the year is whole: "1/1/20" on the way to "1/1/2026" must
        # not send a report to 2020. A two-digit year counts when the field is left.
        if text.strip() and not FULL_YEAR.search(text.strip()):
            return
        try:
            day = self.value()
        except DateTextError:
            return  # still typing; said when the field is left or the form is saved
        self._changed(day)

    def _finished(self) -> None:
        self.line.setToolTip(self.problem())  # said on saving too, beside the field
        try:
            day = self.value()
        except DateTextError:
            return
        self.line.setText(format_typed(day))  # 15/12/27 shown as 15/12/2027
        self._changed(day)

    def open_calendar(self) -> None:
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar = QCalendarWidget(popup)
        calendar.setLocale(self.locale())
        calendar.setGridVisible(True)
        if self._minimum:
            calendar.setMinimumDate(QDate(self._minimum))
        if self._maximum:
            calendar.setMaximumDate(QDate(self._maximum))
        shown = self.date()
        calendar.setSelectedDate(shown if shown.isValid() and shown != NO_DATE
                                 else QDate.currentDate())
        calendar.clicked.connect(lambda day: (self.setDate(day), popup.close()))
        calendar.activated.connect(lambda day: (self.setDate(day), popup.close()))
        QVBoxLayout(popup).addWidget(calendar)
        popup.layout().setContentsMargins(0, 0, 0, 0)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        calendar.setFocus()
        self.calendar_popup = popup
