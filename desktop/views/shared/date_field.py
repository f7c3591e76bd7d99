"""A date field typed as text (15/12/2027, 15/12/27, 1/2/2027) with a calendar beside it.
QDateEdit's sections turned typed dates into others (15/12/2027 became 01/12/2027) and
dropped out-of-range years without a word; this keeps what was typed and says what is wrong.
It answers QDateEdit's calls the forms use (date, setDate, dateChanged, minimum/maximum)."""
import datetime
import re

from PySide6.QtCore import QDate, QDateTime, Qt, Signal, Slot
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout,
                               QWidget)

from desktop.views.shared.dates import (DateTextError, format_typed, format_typed_datetime,
                                        parse_date, parse_datetime)
from desktop.views.shared.icons import icon

FULL_YEAR = re.compile(r"(\D\d{4}|^\d{8})$")
NO_DATE = QDate(1900, 1, 1)  # what date() gives for an optional field left empty


def _format(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


class DateEdit(QWidget):
    dateChanged = Signal(QDate)
    default_name = "Tanggal"  # until FieldErrors names it after the form's label

    def __init__(self, optional: bool = True, past: bool = False, parent=None):
        super().__init__(parent)
        self.optional, self.past = optional, past
        self.field_name = self.default_name
        self._minimum: datetime.date | None = None
        self._maximum: datetime.date | None = None
        self._last: datetime.date | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText(self._placeholder(optional))
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

    @staticmethod
    def _placeholder(may_be_empty: bool) -> str:
        return "hh/bb/tttt" + (" (boleh kosong)" if may_be_empty else "")

    def show_required(self, required: bool) -> None:
        """A field the form marks "*" does not say "boleh kosong" (forms.mark_required);
        a placeholder of the form's own is left alone."""
        if self.line.placeholderText() in (self._placeholder(True), self._placeholder(False)):
            self.line.setPlaceholderText(self._placeholder(self.optional and not required))

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

    @Slot(str)  # a real slot: Qt drops the connection when the field is destroyed
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

    @Slot()  # a focus lost while the dialog is destroyed reaches no half-gone field
    def _finished(self) -> None:
        if getattr(self, "line", None) is None:
            return  # the dialog is being destroyed: its focus lost reaches a half-gone field
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


FULL_TIME = re.compile(r"\d{4}\s+\d{1,2}[.:]?\d{2}$")


class DateTimeEdit(DateEdit):
    """A date and time typed as 15/12/2027 09.30 (QDateTimeEdit kept the old day of
    15/12/2027 10.30); the calendar sets the date and keeps the typed time. Answers
    QDateTimeEdit's dateTime, setDateTime and dateTimeChanged."""

    dateTimeChanged = Signal(QDateTime)
    default_name = "Waktu"

    def __init__(self, parent=None):
        super().__init__(optional=False, parent=parent)
        self.line.setPlaceholderText("hh/bb/tttt jj.mm")
        width = self.line.fontMetrics().horizontalAdvance("00/00/00000 00.000") + 24
        self.line.setMinimumWidth(width)

    def moment(self) -> datetime.datetime | None:
        """The date and time, None when empty; DateTextError otherwise."""
        return parse_datetime(self.line.text())

    def value(self) -> datetime.date | None:
        moment = self.moment()
        return None if moment is None else moment.date()

    def problem(self) -> str:
        try:
            self.moment()
        except DateTextError as exc:
            return str(exc)
        return ""

    def dateTime(self) -> QDateTime:
        try:
            moment = self.moment()
        except DateTextError:
            return QDateTime()
        return QDateTime() if moment is None else QDateTime(moment)

    def setDateTime(self, value) -> None:
        moment = value.toPython() if isinstance(value, QDateTime) else value
        self.line.setText(format_typed_datetime(moment))
        self._moment_changed(moment)

    def setDate(self, value) -> None:
        """The calendar's pick: that day at the typed time (or 09.00)."""
        day = value.toPython() if isinstance(value, QDate) else value
        if day is None:
            return
        try:
            moment = self.moment()
        except DateTextError:
            moment = None
        time = moment.time() if moment else datetime.time(9, 0)
        self.setDateTime(datetime.datetime.combine(day, time))

    def _moment_changed(self, moment) -> None:
        if moment is not None and moment != getattr(self, "_last_moment", None):
            self._last_moment = moment
            self.dateTimeChanged.emit(QDateTime(moment))
            self._changed(moment.date())

    @Slot(str)  # a real slot: Qt drops the connection when the field is destroyed
    def _edited(self, text: str) -> None:
        if not FULL_TIME.search(text.strip()):
            return  # "15/12/2027 1" on the way to "15/12/2027 10.30"
        try:
            self._moment_changed(self.moment())
        except DateTextError:
            pass

    @Slot()  # a focus lost while the dialog is destroyed reaches no half-gone field
    def _finished(self) -> None:
        if getattr(self, "line", None) is None:
            return  # being destroyed, as in DateEdit._finished
        self.line.setToolTip(self.problem())
        try:
            moment = self.moment()
        except DateTextError:
            return
        if moment is not None:
            self.line.setText(format_typed_datetime(moment))
            self._moment_changed(moment)
