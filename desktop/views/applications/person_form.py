"""A person's identity and address: the form embedded in other screens, and its own dialog."""
import datetime
import re

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.errors import ConflictError, PelitaError, ValidationError
from desktop.services.applications import people, regions
from desktop.services.shared import records, timefmt
from desktop.services.shared.validators import check_nik
from desktop.views.shared.forms import (FieldErrors, date_edit, date_of, follow_required,
                                       mark_required, required_note, set_date, submit)
from desktop.views.shared.region_picker import RegionPicker

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
NO_IDENTITY = "Tidak punya identitas (NIK belum ada)"


def _date_edit():
    """A birth date: typed (15/12/1987, 15/12/87) or picked; a future one is refused aloud."""
    edit = date_edit(past=True)
    edit.field_name = "Tanggal lahir"  # people.py's name for it, on every screen embedding it
    edit.setLocale(INDONESIAN)
    edit.setMaximumDate(QDate.currentDate())
    return edit


def _digits_edit(length: int, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(length + 4)  # room for spaces typed from a photocopy
    edit.setPlaceholderText(placeholder)
    return edit


class PersonForm(QWidget):
    """Every field of a person; `values()` gives the keyword arguments people.* expects."""

    nik_checked = Signal(object)  # NikInfo when a complete NIK is valid, else None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.nik_edit = _digits_edit(16, "16 angka sesuai KTP/KK")
        self.kk_edit = _digits_edit(16, "16 angka")
        self.no_identity_check = QCheckBox(NO_IDENTITY)
        self.identity_note_edit = QLineEdit()
        self.identity_note_edit.setPlaceholderText(
            "misalnya: tanpa identitas, dirujuk dari RSUD Tidar")
        self.name_edit = QLineEdit()
        self.birth_place_edit = QLineEdit()
        self.birth_date_edit = _date_edit()
        self.sex_combo = QComboBox()
        self.sex_combo.addItem("-", "")
        for key, label in people.SEXES.items():
            self.sex_combo.addItem(label, key)
        self.religion_combo = self._choice_combo(people.RELIGIONS)
        self.marital_combo = self._choice_combo(people.MARITAL)
        self.street_edit = QLineEdit()
        self.rt_edit = _digits_edit(3, "RT")
        self.rw_edit = _digits_edit(3, "RW")
        self.city_edit = QLineEdit()
        # From the office region's list; free text where none is shipped.
        self.region_picker = RegionPicker(regions.office_region(), self.city_edit, self)
        self.kelurahan_edit = self.region_picker.kelurahan
        self.kecamatan_edit = self.region_picker.kecamatan
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("contoh 081234567890")
        self.nik_hint = QLabel()
        self.nik_hint.setStyleSheet("color: #555;")

        birth = QHBoxLayout()
        birth.addWidget(self.birth_place_edit, 1)
        birth.addWidget(self.birth_date_edit)
        rt_rw = QHBoxLayout()
        rt_rw.addWidget(QLabel("RT"))
        rt_rw.addWidget(self.rt_edit)
        rt_rw.addWidget(QLabel("RW"))
        rt_rw.addWidget(self.rw_edit)
        rt_rw.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("NIK", self.nik_edit)
        form.addRow("", self.nik_hint)
        form.addRow("", self.no_identity_check)
        form.addRow("Keterangan identitas", self.identity_note_edit)
        form.addRow("No. KK", self.kk_edit)
        form.addRow("Nama lengkap", self.name_edit)
        form.addRow("Tempat/tanggal lahir", birth)
        form.addRow("Jenis kelamin", self.sex_combo)
        form.addRow("Agama", self.religion_combo)
        form.addRow("Status perkawinan", self.marital_combo)
        form.addRow("Alamat (jalan)", self.street_edit)
        form.addRow("", rt_rw)
        form.addRow("Kelurahan", self.kelurahan_edit)
        form.addRow("Kecamatan", self.kecamatan_edit)
        form.addRow("Kota/kabupaten", self.city_edit)
        form.addRow("Telepon/WA", self.phone_edit)

        # The labels people.py puts in ValidationError.field, mapped to their widgets.
        self.fields = {
            "NIK": self.nik_edit, "No. KK": self.kk_edit, "Nama lengkap": self.name_edit,
            "Tempat lahir": self.birth_place_edit, "Tanggal lahir": self.birth_date_edit,
            "Jenis kelamin": self.sex_combo, "Agama": self.religion_combo,
            "Status perkawinan": self.marital_combo, "Alamat (jalan)": self.street_edit,
            "RT": self.rt_edit, "RW": self.rw_edit, "Kelurahan": self.kelurahan_edit,
            "Kecamatan": self.kecamatan_edit, "Kota/kabupaten": self.city_edit,
            "Telepon/WhatsApp": self.phone_edit,
            "Keterangan identitas": self.identity_note_edit,
        }
        mark_required(self.fields, people.DESK_REQUIRED)
        form.addRow("", required_note())
        self._auto = (None, "")  # birth date and sex last filled from a NIK
        self.nik_edit.textChanged.connect(self._nik_changed)
        self.no_identity_check.toggled.connect(self._identity_toggled)
        self._identity_toggled(False)
        self.at_desk = True  # registered from the KTP; a change (PersonDialog) asks no address
        # Without identity papers there is no NIK, its birth date nor KTP address to ask
        # for, but a note on who the person is.
        self.redraw_required = follow_required(
            self.fields, lambda: people.required_fields(self.documented(), self.at_desk),
            people.IDENTITY_CONDITIONAL, self.no_identity_check.toggled)

    @staticmethod
    def _choice_combo(choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem("-", "")
        for choice in choices:
            combo.addItem(choice, choice)
        return combo

    def documented(self) -> bool:
        return not self.no_identity_check.isChecked()

    def _identity_toggled(self, checked: bool) -> None:
        self.identity_note_edit.setEnabled(checked)
        self.nik_edit.setEnabled(not checked)
        if checked:
            self.nik_hint.clear()

    def _nik_changed(self, text: str) -> None:
        digits = re.sub(r"\s", "", text)
        if len(digits) < 16:
            self.nik_hint.clear()
            self.nik_checked.emit(None)
            return
        try:
            info = check_nik(digits)
        except ValidationError as exc:
            self.nik_hint.setStyleSheet("color: #a93226;")
            self.nik_hint.setText(exc.message)
            self.nik_checked.emit(None)
            return
        self.nik_hint.setStyleSheet("color: #555;")
        self.nik_hint.setText(f"Dari NIK: lahir {timefmt.format_date(info.birth_date)}, "
                              f"{people.SEXES[info.sex]}.")
        # Fill what the NIK encodes, but never overwrite what the officer typed; a value
        # filled from an earlier (mistyped) NIK may be replaced.
        auto_birth, auto_sex = self._auto
        if not self.birth_date_edit.problem() and self.birth_date() in (None, auto_birth):
            set_date(self.birth_date_edit, info.birth_date)
        if self.sex_combo.currentData() in ("", auto_sex):
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(info.sex))
        self._auto = (info.birth_date, info.sex)
        self.nik_checked.emit(info)

    def birth_date(self) -> datetime.date | None:
        """The typed birth date; a text that is not one is refused (ValidationError)."""
        return date_of(self.birth_date_edit)

    def values(self) -> dict:
        return dict(
            nik="" if self.no_identity_check.isChecked() else self.nik_edit.text().strip(),
            kk_number=self.kk_edit.text().strip(), name=self.name_edit.text(),
            birth_place=self.birth_place_edit.text(), birth_date=self.birth_date(),
            sex=self.sex_combo.currentData(), religion=self.religion_combo.currentData(),
            marital_status=self.marital_combo.currentData(), street=self.street_edit.text(),
            rt=self.rt_edit.text().strip(), rw=self.rw_edit.text().strip(),
            kelurahan=self.kelurahan_edit.text(), kecamatan=self.kecamatan_edit.text(),
            city=self.city_edit.text(), phone=self.phone_edit.text().strip(),
            identity_note=self.identity_note_edit.text())

    def set_values(self, values: dict) -> None:
        """Fill from a dict shaped like values() (or a Person's fields)."""
        texts = {"nik": self.nik_edit, "kk_number": self.kk_edit, "name": self.name_edit,
                 "birth_place": self.birth_place_edit, "street": self.street_edit,
                 "rt": self.rt_edit, "rw": self.rw_edit, "kelurahan": self.kelurahan_edit,
                 "kecamatan": self.kecamatan_edit, "city": self.city_edit,
                 "phone": self.phone_edit, "identity_note": self.identity_note_edit}
        for key, edit in texts.items():
            if key in values:
                edit.setText(values[key] or "")
        if "birth_date" in values:
            day = values["birth_date"]
            set_date(self.birth_date_edit, day)
        for key, combo in (("sex", self.sex_combo), ("religion", self.religion_combo),
                           ("marital_status", self.marital_combo)):
            if key in values:
                combo.setCurrentIndex(max(0, combo.findData(values[key] or "")))
        if "nik" in values:
            self.no_identity_check.setChecked(not values["nik"]
                                              and bool(values.get("identity_note")))

    def set_person(self, person) -> None:
        self.set_values({f: getattr(person, f) for f in (
            "nik", "kk_number", "name", "birth_place", "birth_date", "sex", "religion",
            "marital_status", "street", "rt", "rw", "kelurahan", "kecamatan", "city", "phone",
            "identity_note")})


class PersonDialog(QDialog):
    """Register a new person or change one; `.person` holds the saved record after accept."""

    def __init__(self, session, person=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.person = person
        self.setWindowTitle(("Ubah data pemohon" if person else "Daftarkan orang baru")
                            + " — Pelita")
        self.setMinimumWidth(560)
        self.form = PersonForm()
        if person is not None:
            self.form.set_person(person)
            # A change keeps what was registered: the KTP address is asked at registration.
            self.form.at_desk = False
            self.form.redraw_required()
        self.message = QLabel()
        self.errors = FieldErrors(self.message, self.form.fields)
        self.reload_button = QPushButton("Muat ulang")
        self.reload_button.setAutoDefault(False)
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload)
        cancel = QPushButton("Batal")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton("Simpan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def save(self) -> None:
        try:
            self.person = submit(self._saved)
        except ConflictError as exc:
            self.errors.show(exc)  # names who saved it and when
            self.reload_button.show()
            return
        except PelitaError as exc:
            self.errors.show(exc)
            return
        self.accept()

    def _saved(self):
        values = self.form.values()
        if self.person is None:
            return people.register_person(
                self.session.user, documented=self.form.documented(), at_desk=True, **values)
        return people.update_person(self.session.user, self.person, **values)

    def reload(self) -> None:
        """Take the newest version as the base; the officer's typed values stay in the form."""
        try:
            self.person = records.reload(self.person)
        except PelitaError as exc:
            self.errors.show(exc)
            return
        self.reload_button.hide()
        self.errors.success(f"Data terbaru dimuat (diubah oleh {self.person.updated_by}). "
                            "Isian Anda tetap; periksa lalu Simpan.")
