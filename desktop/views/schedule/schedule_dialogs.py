"""The hearse booking and seating-clinic dialogs: one form for new and changed bookings."""
import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout)

from desktop.errors import PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import office
from desktop.services.applications import people
from desktop.services.schedule import clinic, hearse, resources
from desktop.services.schedule.clashes import ClashError
from desktop.services.schedule.fields import to_utc
from desktop.services.shared import timefmt
from desktop.views.shared.date_field import DateTimeEdit
from desktop.views.shared.forms import (FieldErrors, date_edit, date_of, datetime_of,
                                       dialog_buttons, error_label, mark_required, required_note,
                                       set_date, submit)

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def to_qdatetime(local: datetime.datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime.datetime:
    """The edit's office-local wall time as naive UTC."""
    d, t = value.date(), value.time()
    return to_utc(datetime.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()))


def local_naive(utc_naive: datetime.datetime) -> datetime.datetime:
    return timefmt.to_local(utc_naive).replace(tzinfo=None)


def _datetime_edit(local: datetime.datetime) -> DateTimeEdit:
    edit = DateTimeEdit()
    edit.setDateTime(local)
    edit.setLocale(INDONESIAN)
    return edit


def utc_of(edit: DateTimeEdit) -> datetime.datetime | None:
    """The typed office-local time as naive UTC (None when empty); refused when no time."""
    local = datetime_of(edit)
    return None if local is None else to_utc(local)


def _minutes_spin(value: int, maximum: int = 24 * 60) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSingleStep(15)
    spin.setSuffix(" menit")
    spin.setValue(value)
    return spin


def _fill_choices(combo: QComboBox, records, label, free_ids: set, keep,
                  busy_text: str, duty_ids: frozenset | set = frozenset()) -> None:
    """Free people on duty that day first (marked 'piket'), then the other free ones, then the
    busy ones (marked). `keep` stays selected when listed (the officer's own pick, or the
    booking's); otherwise the first is proposed."""
    combo.blockSignals(True)
    combo.clear()
    for record in sorted(records, key=lambda r: (r.id not in free_ids, r.id not in duty_ids)):
        marks = (["piket"] if record.id in duty_ids else []) + (
            [] if record.id in free_ids else [busy_text])
        combo.addItem(label(record) + (f"  ({', '.join(marks)})" if marks else ""), record.id)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class _BookingDialog(QDialog):
    """What both dialogs share: the error line, the suggested-slot button, saving, and
    remembering which resource the officer picked (a proposal follows the time; a pick
    stays)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._picked: dict[QComboBox, int] = {}

    def _track_pick(self, combo: QComboBox) -> None:
        # Fills block the combo's signals: only a choice made on it counts as picked.
        combo.currentIndexChanged.connect(
            lambda _index, c=combo: self._picked.__setitem__(c, c.currentData()))

    def _kept(self, combo: QComboBox, own_id):
        return self._picked.get(combo) or own_id

    def _finish_layout(self, layout: QVBoxLayout, accept_text: str) -> None:
        self.suggest_button = QPushButton()
        self.suggest_button.hide()
        self.suggest_button.clicked.connect(self.use_suggestion)
        self.suggestion = None
        self.errors.mark_required(self.required)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        layout.addWidget(self.suggest_button)
        row, self.save_button = dialog_buttons(self, accept_text, self.save)
        layout.addLayout(row)

    def _show_error(self, exc: PelitaError) -> None:
        self.error.show()
        self.errors.show(exc)
        self.suggestion = getattr(exc, "suggestion", None) if isinstance(exc, ClashError) \
            else None
        if self.suggestion is not None:
            self.suggest_button.setText(
                f"Pakai jadwal usulan: {timefmt.format_local(self.suggestion)}")
            self.suggest_button.show()
        else:
            self.suggest_button.hide()

    def use_suggestion(self) -> None:
        if self.suggestion is not None:
            self.when_edit.setDateTime(to_qdatetime(local_naive(self.suggestion)))
            self.suggest_button.hide()
            self.refresh_free()

    def save(self) -> None:
        try:
            self.result_record = submit(self._save)
        except PelitaError as exc:
            self._show_error(exc)
            return
        self.accept()


class HearseDialog(_BookingDialog):
    required = hearse.REQUIRED

    def __init__(self, actor, booking=None, departure_local: datetime.datetime | None = None,
                 parent=None):
        super().__init__(parent)
        self.actor, self.booking, self.result_record = actor, booking, None
        self.setWindowTitle("Ubah pemesanan mobil jenazah" if booking
                            else "Pesan mobil jenazah")
        self.setMinimumWidth(600)
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        layout = QVBoxLayout(self)

        family_box = QGroupBox("Penanggung jawab dan almarhum")
        form = QFormLayout(family_box)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(16)
        self.nik_edit.setPlaceholderText("16 angka sesuai KTP")
        self.nik_edit.editingFinished.connect(self._fill_from_nik)
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.relation_combo = QComboBox()
        self.relation_combo.addItems([""] + hearse.RELATIONS)
        self.deceased_edit = QLineEdit()
        self.deceased_nik_edit = QLineEdit()
        self.deceased_nik_edit.setMaxLength(16)
        self.deceased_nik_edit.setPlaceholderText("boleh dikosongkan")
        self.death_edit = date_edit(optional=False, past=True)
        self.death_edit.setLocale(INDONESIAN)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText("alamat rumah duka: jalan, RT/RW, kelurahan")
        for label, widget in (("NIK penanggung jawab", self.nik_edit),
                              ("Nama penanggung jawab", self.name_edit),
                              ("Telepon penanggung jawab", self.phone_edit),
                              ("Hubungan dengan almarhum", self.relation_combo),
                              ("Nama almarhum", self.deceased_edit),
                              ("NIK almarhum", self.deceased_nik_edit),
                              ("Tanggal meninggal", self.death_edit),
                              ("Alamat rumah duka", self.address_edit)):
            form.addRow(label, widget)
            self.errors.add(label, widget)
        layout.addWidget(family_box)

        trip_box = QGroupBox("Tujuan dan waktu")
        trip = self.trip_form = QFormLayout(trip_box)
        self.cemetery_combo = QComboBox()
        self.cemetery_combo.setEditable(True)
        for cemetery in resources.cemeteries():
            self.cemetery_combo.addItem(cemetery.name, cemetery.id)
        self.cemetery_combo.setCurrentIndex(-1)
        self.cemetery_combo.lineEdit().setPlaceholderText("pilih atau ketik nama pemakaman")
        self.cemetery_combo.currentTextChanged.connect(self._cemetery_changed)
        self.kelurahan_edit = QLineEdit()
        self.city_edit = QLineEdit()
        self.city_edit.setPlaceholderText("contoh: Kota Magelang")
        self.typed_hint = QLabel("Di luar daftar: isi kelurahan dan kota (hanya dalam kota).")
        now_local = local_naive(utcnow())
        default_start = departure_local or (now_local + datetime.timedelta(hours=1)).replace(
            minute=0)
        self.when_edit = _datetime_edit(default_start)
        self.duration_spin = _minutes_spin(hearse.default_minutes())
        self.vehicle_combo = QComboBox()
        self.driver_combo = QComboBox()
        for combo in (self.vehicle_combo, self.driver_combo):
            self._track_pick(combo)
        self.free_label = QLabel()
        trip.addRow("Pemakaman", self.cemetery_combo)
        trip.addRow("", self.typed_hint)
        trip.addRow("Kelurahan pemakaman", self.kelurahan_edit)
        trip.addRow("Kota tujuan", self.city_edit)
        trip.addRow("Waktu berangkat", self.when_edit)
        trip.addRow("Lama layanan", self.duration_spin)
        trip.addRow("Kendaraan", self.vehicle_combo)
        trip.addRow("Pengemudi", self.driver_combo)
        trip.addRow("", self.free_label)
        for label, widget in (("Pemakaman", self.cemetery_combo),
                              ("Kelurahan pemakaman", self.kelurahan_edit),
                              ("Kota tujuan", self.city_edit),
                              ("Waktu berangkat", self.when_edit),
                              ("Lama layanan", self.duration_spin),
                              ("Perkiraan selesai", self.duration_spin),
                              ("Kendaraan", self.vehicle_combo),
                              ("Pengemudi", self.driver_combo)):
            self.errors.add(label, widget)
        layout.addWidget(trip_box)
        self._finish_layout(layout, "Simpan perubahan" if booking else "Pesan")

        if booking is not None:
            self._load(booking)
        self._cemetery_changed(self.cemetery_combo.currentText())
        self.when_edit.dateTimeChanged.connect(self.refresh_free)
        self.duration_spin.valueChanged.connect(self.refresh_free)
        self.refresh_free()

    def _load(self, b) -> None:
        self.nik_edit.setText(b.responsible_nik)
        self.name_edit.setText(b.responsible_name)
        self.phone_edit.setText(b.responsible_phone)
        self.relation_combo.setCurrentText(b.responsible_relation)
        self.deceased_edit.setText(b.deceased_name)
        self.deceased_nik_edit.setText(b.deceased_nik)
        set_date(self.death_edit, b.death_date)
        self.address_edit.setText(b.pickup_address)
        index = self.cemetery_combo.findData(b.cemetery_id) if b.cemetery_id else -1
        if index >= 0:
            self.cemetery_combo.setCurrentIndex(index)
        else:
            self.cemetery_combo.setEditText(b.cemetery_name)
            self.kelurahan_edit.setText(b.cemetery_kelurahan)
            profile = office.get_profile()
            self.city_edit.setText(f"{profile.region_kind} {profile.region_name}")
        self.when_edit.setDateTime(to_qdatetime(local_naive(b.departure_at)))
        self.duration_spin.setValue(b.duration_minutes)

    def _fill_from_nik(self) -> None:
        person = people.lookup_nik(self.actor, self.nik_edit.text())
        if person is not None:
            if not self.name_edit.text():
                self.name_edit.setText(person.name)
            if not self.phone_edit.text():
                self.phone_edit.setText(person.phone)

    def _typed(self) -> bool:
        text = self.cemetery_combo.currentText().strip()
        index = self.cemetery_combo.findText(text)
        return bool(text) and index < 0

    def _cemetery_changed(self, _text) -> None:
        typed = self._typed()
        for widget in (self.typed_hint, self.kelurahan_edit, self.city_edit):
            self.trip_form.setRowVisible(widget, typed)
        # A typed cemetery's place is asked by the service: "*" while its rows show.
        mark_required(self.errors.fields, hearse.TYPED_CEMETERY_REQUIRED, required=typed)

    def refresh_free(self, *args) -> None:
        """Free vehicles and drivers first (the drivers on duty that day before the others),
        then the busy ones marked; the officer's pick, or the booking's own, stays chosen."""
        if not self.when_edit.dateTime().isValid():
            return  # being typed; the lists follow the time once it is one
        departure = from_qdatetime(self.when_edit.dateTime())
        minutes = self.duration_spin.value() or None
        own = self.booking
        day = self.when_edit.date().toPython()  # the roster's days are office-local
        for combo, items, free, current, name, duty_ids in (
                (self.vehicle_combo, resources.vehicles(active_only=True),
                 hearse.free_vehicles(departure, minutes), own.vehicle_id if own else None,
                 lambda v: f"{v.plate} – {v.name}", frozenset()),
                (self.driver_combo, resources.drivers(active_only=True),
                 hearse.free_drivers(departure, minutes), own.driver_id if own else None,
                 lambda d: d.name, resources.on_duty(day, "driver"))):
            free_ids = {r.id for r in free} | ({current} if current else set())
            _fill_choices(combo, items, name, free_ids, self._kept(combo, current), "terpakai",
                          duty_ids)
        self.free_label.setText(
            f"Kosong: {len(hearse.free_vehicles(departure, minutes))} kendaraan, "
            f"{len(hearse.free_drivers(departure, minutes))} pengemudi.")

    def values(self) -> dict:
        values = dict(
            responsible_nik=self.nik_edit.text(), responsible_name=self.name_edit.text(),
            responsible_phone=self.phone_edit.text(),
            responsible_relation=self.relation_combo.currentText(),
            deceased_name=self.deceased_edit.text(), deceased_nik=self.deceased_nik_edit.text(),
            death_date=date_of(self.death_edit),
            pickup_address=self.address_edit.text(),
            departure_at=utc_of(self.when_edit),
            duration_minutes=self.duration_spin.value(),
            vehicle_id=self.vehicle_combo.currentData(),
            driver_id=self.driver_combo.currentData())
        if self._typed():
            values.update(cemetery_id=None, cemetery_name=self.cemetery_combo.currentText(),
                          cemetery_kelurahan=self.kelurahan_edit.text(),
                          cemetery_city=self.city_edit.text())
        else:
            index = self.cemetery_combo.findText(self.cemetery_combo.currentText().strip())
            values.update(cemetery_id=self.cemetery_combo.itemData(index) if index >= 0
                          else None, cemetery_name="")
        return values

    def _save(self):
        return hearse.save(self.actor, self.booking, **self.values())


class ClinicDialog(_BookingDialog):
    required = clinic.REQUIRED

    def __init__(self, actor, request=None, start_local: datetime.datetime | None = None,
                 parent=None):
        super().__init__(parent)
        self.actor, self.request, self.result_record = actor, request, None
        self.setWindowTitle("Ubah layanan seating clinic" if request
                            else "Jadwalkan seating clinic kursi roda")
        self.setMinimumWidth(600)
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        layout = QVBoxLayout(self)
        box = QGroupBox("Pengguna kursi roda dan layanan")
        form = QFormLayout(box)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(16)
        self.nik_edit.editingFinished.connect(self._fill_from_nik)
        self.kk_edit = QLineEdit()
        self.kk_edit.setMaxLength(16)
        self.name_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for key, label in clinic.KINDS.items():
            self.kind_combo.addItem(label, key)
        self.place_combo = QComboBox()
        for key, label in clinic.PLACES.items():
            self.place_combo.addItem(label, key)
        start = start_local or (local_naive(utcnow()) + datetime.timedelta(days=1)).replace(
            hour=9, minute=0)
        self.when_edit = _datetime_edit(start)
        self.duration_spin = _minutes_spin(clinic.default_minutes(), 600)
        self.technician_combo = QComboBox()
        self._track_pick(self.technician_combo)
        self.free_label = QLabel()
        for label, widget in (("NIK pengguna kursi roda", self.nik_edit),
                              ("No. KK", self.kk_edit),
                              ("Nama pengguna kursi roda", self.name_edit),
                              ("Alamat", self.address_edit),
                              ("Telepon/WhatsApp", self.phone_edit),
                              ("Jenis layanan", self.kind_combo),
                              ("Tempat layanan", self.place_combo),
                              ("Waktu layanan", self.when_edit),
                              ("Lama layanan", self.duration_spin),
                              ("Teknisi", self.technician_combo)):
            form.addRow(label, widget)
            self.errors.add(label, widget)
        self.errors.add("Waktu selesai", self.duration_spin)
        form.addRow("", self.free_label)
        layout.addWidget(box)
        layout.addWidget(QLabel("Satu teknisi melayani satu permohonan per hari; batas "
                                "penyelesaian 1 hari, kecuali menunggu suku cadang."))
        self._finish_layout(layout, "Simpan perubahan" if request else "Jadwalkan")
        if request is not None:
            self._load(request)
        self.when_edit.dateTimeChanged.connect(self.refresh_free)
        self.duration_spin.valueChanged.connect(self.refresh_free)
        self.refresh_free()

    def _load(self, r) -> None:
        self.nik_edit.setText(r.client_nik)
        self.kk_edit.setText(r.client_kk)
        self.name_edit.setText(r.client_name)
        self.address_edit.setText(r.client_address)
        self.phone_edit.setText(r.client_phone)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(r.kind))
        self.place_combo.setCurrentIndex(self.place_combo.findData(r.place))
        self.when_edit.setDateTime(to_qdatetime(local_naive(r.start_at)))
        self.duration_spin.setValue(int((r.end_at - r.start_at).total_seconds() // 60))

    def _fill_from_nik(self) -> None:
        person = people.lookup_nik(self.actor, self.nik_edit.text())
        if person is None:
            return
        for edit, value in ((self.name_edit, person.name), (self.kk_edit, person.kk_number),
                            (self.phone_edit, person.phone),
                            (self.address_edit, f"{person.street}, {person.kelurahan}")):
            if not edit.text():
                edit.setText(value)

    def refresh_free(self, *args) -> None:
        if not self.when_edit.dateTime().isValid():
            return
        start = from_qdatetime(self.when_edit.dateTime())
        free = {t.id for t in clinic.free_technicians(start, self.duration_spin.value() or None)}
        own = self.request.technician_id if self.request is not None else None
        if own is not None:
            free.add(own)
        _fill_choices(self.technician_combo, resources.technicians(active_only=True),
                      lambda t: t.name, free, self._kept(self.technician_combo, own),
                      "sudah ada layanan hari itu",
                      resources.on_duty(self.when_edit.date().toPython(), "technician"))
        self.free_label.setText(f"Teknisi kosong hari itu: {len(free)}.")

    def values(self) -> dict:
        start = utc_of(self.when_edit)
        return dict(client_nik=self.nik_edit.text(), client_kk=self.kk_edit.text(),
                    client_name=self.name_edit.text(), client_address=self.address_edit.text(),
                    client_phone=self.phone_edit.text(), kind=self.kind_combo.currentData(),
                    place=self.place_combo.currentData(), start_at=start,
                    end_at=None if start is None
                    else start + datetime.timedelta(minutes=self.duration_spin.value()),
                    technician_id=self.technician_combo.currentData())

    def _save(self):
        return clinic.save(self.actor, self.request, **self.values())
