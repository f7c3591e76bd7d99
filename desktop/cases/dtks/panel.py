"""The DTKS check in the application detail: what was found, and the form to record it."""
import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.cases.dtks import letters, record
from desktop.errors import PelitaError
from desktop.services.cases.kind import accepts_case_data
from desktop.services.shared import timefmt
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import (FieldErrors, dialog_buttons, error_label,
                                        mark_required, required_note)
from desktop.views.shared.rich_text import typed_text


def summary(check) -> str:
    """The panel's text: one line of what was found, one of who looked and when."""
    if check is None:
        return ("<i>Hasil pengecekan di SIKS-NG belum dicatat.</i> Catat setelah membuka data "
                "pemohon di SIKS-NG; Surat Keterangan baru bisa dibuat sesudahnya.")
    period = check.data_period
    found = [f"<b>{'Terdaftar' if check.registered else 'Tidak terdaftar'}</b>",
             f"periode {timefmt.MONTHS[period.month - 1]} {period.year}"]
    if check.data_id:
        found.append(f"ID {typed_text(check.data_id)}")
    if check.decile is not None:
        found.append(f"desil {check.decile}")
    programmes = record.programmes_text(check)
    found.append(f"bantuan: {typed_text(programmes)}" if programmes else
                 "tanpa bantuan sosial tercatat")
    text = " · ".join(found)
    text += (f"<br/><span style='color:#666'>Dicek oleh {typed_text(check.checked_by)} pada "
             f"{timefmt.format_local(check.checked_at)}</span>")
    if check.note:
        text += f"<br/>Catatan: {typed_text(check.note)}"
    return text


class DtksPanel(QWidget):
    """Shown by desktop.views.cases.case_section for applications of the DTKS kind."""

    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.application = None
        self.check = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.record_button = QPushButton("Catat hasil pengecekan…")
        self.record_button.setToolTip("Isi dengan yang tampil di aplikasi SIKS-NG")
        self.record_button.clicked.connect(self.open_form)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)

    def show_record(self, application, check) -> None:
        from desktop.cases.dtks import KIND

        self.application, self.check = application, check
        self.label.setText(summary(check))
        self.record_button.setText("Ubah hasil pengecekan…" if check else
                                   "Catat hasil pengecekan…")
        self.record_button.setVisible(KIND.can(self.session.user, "record"))
        self.record_button.setEnabled(accepts_case_data(application))

    def open_form(self) -> None:
        dialog = DtksCheckDialog(self.session, self.application, self.check, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()


class MonthField(QWidget):
    """A month picked from two lists, month and year: nothing typed, so the month chosen is
    the month saved (a month edit's sections turned typed or out-of-range months into
    others). A month the service refuses (one to come) is said beside the field."""

    def __init__(self, first_year: int, last_year: int, parent=None):
        super().__init__(parent)
        self.month = QComboBox()
        for number, name in enumerate(timefmt.MONTHS, start=1):
            self.month.addItem(name, number)
        self.month.setAccessibleName("Bulan")
        self.year = QComboBox()
        for year in range(last_year, first_year - 1, -1):
            self.year.addItem(str(year), year)
        self.year.setAccessibleName("Tahun")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.month)
        row.addWidget(self.year)
        row.addStretch(1)
        self.setFocusProxy(self.month)

    def value(self) -> datetime.date:
        return datetime.date(self.year.currentData(), self.month.currentData(), 1)

    def date(self) -> QDate:
        return QDate(self.value())

    def setDate(self, value) -> None:
        day = value.toPython() if isinstance(value, QDate) else value
        if self.year.findData(day.year) < 0:  # an old record's year outside the list
            self.year.addItem(str(day.year), day.year)
        self.year.setCurrentIndex(self.year.findData(day.year))
        self.month.setCurrentIndex(day.month - 1)


class DtksCheckDialog(QDialog):
    def __init__(self, session, application, check=None, parent=None):
        super().__init__(parent)
        self.session, self.application, self.check = session, application, check
        self.setWindowTitle("Hasil pengecekan DTKS — Pelita")
        self.registered = QRadioButton("Terdaftar")
        self.not_registered = QRadioButton("Tidak terdaftar")
        choice = QButtonGroup(self)
        choice.addButton(self.registered)
        choice.addButton(self.not_registered)
        found = QHBoxLayout()
        found.addWidget(self.registered)
        found.addWidget(self.not_registered)
        found.addStretch(1)
        found_box = QWidget()
        found_box.setLayout(found)
        found_box.setFocusProxy(self.registered)
        self.data_id = QLineEdit()
        self.data_id.setPlaceholderText("angka seperti di SIKS-NG; kosongkan bila tidak ada")
        self.decile = QSpinBox()
        self.decile.setRange(0, 10)
        self.decile.setSpecialValueText("tidak tampil")
        self.programmes = {code: QCheckBox(label) for code, label in record.PROGRAMMES.items()}
        programme_box = QWidget()
        programme_rows = QVBoxLayout(programme_box)
        programme_rows.setContentsMargins(0, 0, 0, 0)
        for box in self.programmes.values():
            programme_rows.addWidget(box)
        self.other = QLineEdit()
        self.other.setPlaceholderText("bantuan lain yang tampil, bila ada")
        today = timefmt.to_local(timefmt.utcnow()).date()
        self.period = MonthField(record.EARLIEST_PERIOD.year, today.year)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.registered.toggled.connect(self._follow_choice)

        form = QFormLayout()
        form.addRow("Hasil pengecekan:", found_box)
        form.addRow("ID data:", self.data_id)
        form.addRow("Desil:", self.decile)
        form.addRow("Program bantuan:", programme_box)
        form.addRow("Bantuan lain:", self.other)
        form.addRow("Periode data:", self.period)
        form.addRow("Catatan:", self.note)
        source = QLabel(f"Sumber: aplikasi SIKS-NG, {letters.source_name()}.")
        source.setStyleSheet("color: #666;")
        self.error = error_label()
        self.errors = FieldErrors(self.error, {
            "Hasil pengecekan": found_box, "ID data": self.data_id, "Desil": self.decile,
            "Program bantuan": programme_box, "Bantuan lain": self.other,
            "Periode data": self.period, "Catatan": self.note})
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(source)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        mark_required(self.errors.fields, record.REQUIRED)
        self._fill()

    def _fill(self) -> None:
        check = self.check
        today = timefmt.to_local(timefmt.utcnow()).date()
        if check is None:
            self.period.setDate(today.replace(day=1))
            self._follow_choice()
            return
        (self.registered if check.registered else self.not_registered).setChecked(True)
        self.data_id.setText(check.data_id)
        self.decile.setValue(check.decile or 0)
        for code in record.programme_codes(check):
            self.programmes[code].setChecked(True)
        self.other.setText(check.other_programmes)
        self.period.setDate(QDate(check.data_period.year, check.data_period.month, 1))
        self.note.setPlainText(check.note)

    def _follow_choice(self) -> None:
        """Who is not registered has no ID, decile or programmes: those fields rest."""
        on = self.registered.isChecked()
        for widget in (self.data_id, self.decile, self.other, *self.programmes.values()):
            widget.setEnabled(on)

    def values(self) -> dict:
        registered = (True if self.registered.isChecked() else
                      False if self.not_registered.isChecked() else None)
        on = registered is True
        return dict(
            registered=registered, data_id=self.data_id.text() if on else "",
            decile=(self.decile.value() or None) if on else None,
            programmes=[c for c, box in self.programmes.items() if on and box.isChecked()],
            other_programmes=self.other.text() if on else "",
            data_period=self.period.value(),
            note=self.note.toPlainText())

    def save(self) -> None:
        try:
            self.check = record.save(self.session.user, self.application, self.check,
                                     **self.values())
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        except Exception as exc:  # the database refused: the form stays as typed
            self.error.show()
            self.error.setText(describe(exc, "Hasil pengecekan belum tersimpan."))
            return
        self.accept()
