"""Jadwal: hearse and seating-clinic calendars (day/week by vehicle, driver, technician), the
duty roster, and the fleet and staff lists. Open calendars follow other PCs' changes live."""
import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout,
                               QLabel, QPushButton, QScrollArea, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.schedule import clinic, hearse, resources
from desktop.services.schedule.clashes import booking_label
from desktop.services.schedule.fields import day_bounds, format_span, format_time, local_date
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.validators import require_text
from desktop.views.schedule.schedule_calendar import (STATE_COLOURS, STATE_LABELS, CalendarItem,
                                                      TimelineWidget)
from desktop.views.schedule.schedule_dialogs import ClinicDialog, HearseDialog, local_naive
from desktop.views.schedule.schedule_print import schedule_document
from desktop.views.schedule.schedule_watch import ScheduleWatcher
from desktop.views.shared import file_dialogs, paged, reason_dialog
from desktop.views.shared.errors import describe
from desktop.views.shared.date_field import DateEdit
from desktop.views.shared.forms import ERROR_TEXT_STYLE, OK_TEXT_STYLE, check_dates

HEARSE_ACTIONS = [("confirmed", "Konfirmasi"), ("departed", "Berangkat"),
                  ("completed", "Selesai")]


def _qdate(day: datetime.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> datetime.date:
    return datetime.date(value.year(), value.month(), value.day())


class CalendarTab(QWidget):
    """One calendar: 'hearse' (by vehicle or driver) or 'clinic' (by technician)."""

    def __init__(self, page, kind: str):
        super().__init__(page)
        self.page, self.kind = page, kind
        self.records: dict[object, object] = {}
        self.day = local_date(utcnow())

        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.today_button = QPushButton("Hari ini")
        self.date_edit = DateEdit(optional=False)  # typed as 15/12/2027 or 15/12/27
        self.date_edit.field_name = "Tanggal"
        self.date_edit.setDate(self.day)
        self.view_combo = QComboBox()
        self.view_combo.addItem("Hari", 1)
        self.view_combo.addItem("Minggu", 7)
        self.group_combo = QComboBox()
        if kind == "hearse":
            self.group_combo.addItem("Per kendaraan", "vehicle")
            self.group_combo.addItem("Per pengemudi", "driver")
        else:
            self.group_combo.addItem("Per teknisi", "technician")
        self.new_button = QPushButton("Pesan mobil jenazah" if kind == "hearse"
                                      else "Jadwalkan layanan")
        self.print_button = QPushButton("Cetak jadwal…")
        self.print_button.setToolTip("Mencetak jadwal yang tampil (hari atau minggu) untuk "
                                     "pengemudi dan teknisi, sehari satu halaman.")
        self.pdf_button = QPushButton("Simpan PDF…")
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        for button in (self.prev_button, self.next_button):
            button.setMaximumWidth(40)  # arrows: room goes to the day's title instead
        for widget in (self.prev_button, self.date_edit, self.next_button, self.today_button,
                       self.view_combo, self.group_combo):
            top.addWidget(widget)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.new_button)

        self.timeline = TimelineWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)
        states = (["booked", "confirmed", "departed", "completed", "cancelled"]
                  if kind == "hearse" else ["scheduled", "waiting_parts", "completed",
                                            "cancelled"])
        legend = QHBoxLayout()
        for state in states + ["blackout"]:
            swatch = QLabel(f"  {STATE_LABELS[state]}  ")
            swatch.setStyleSheet(f"background: {STATE_COLOURS[state]}; border-radius: 3px;")
            legend.addWidget(swatch)
        legend.addStretch(1)
        legend.addWidget(QLabel("Seret blok untuk memindah; klik dua kali untuk mengubah."))

        self.detail_label = QLabel("Pilih pemesanan pada kalender untuk melihat rinciannya.")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton("Ubah / pindah")
        self.action_buttons: dict[str, QPushButton] = {}
        actions = (HEARSE_ACTIONS + [("cancelled", "Batalkan")] if kind == "hearse" else
                   [("waiting_parts", "Menunggu suku cadang"), ("parts_arrived",
                                                                "Suku cadang datang"),
                    ("completed", "Selesai"), ("cancelled", "Batalkan")])
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        for state, label in actions:
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=state: self.apply_action(s))
            self.action_buttons[state] = button
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(legend)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)

        manage = page.can_manage
        for widget in [self.new_button, self.edit_button, *self.action_buttons.values()]:
            widget.setVisible(manage)
        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.today_button.clicked.connect(lambda: self.go_to(local_date(utcnow())))
        self.date_edit.dateChanged.connect(lambda d: self.go_to(_date(d)))
        self.date_edit.line.editingFinished.connect(self.check_date)
        self.view_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.group_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.print_button.clicked.connect(self.print_schedule)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.timeline.selected.connect(self._show_detail)
        self.timeline.activated.connect(lambda key: self.open_dialog(self.records.get(key)))
        self.timeline.moved.connect(self.move)
        self._show_detail(None)

    # ---- navigation ----
    @property
    def days(self) -> int:
        return self.view_combo.currentData()

    def range_start(self) -> datetime.date:
        if self.days == 7:
            return self.day - datetime.timedelta(days=self.day.weekday())
        return self.day

    def shift(self, direction: int) -> None:
        self.go_to(self.day + datetime.timedelta(days=direction * self.days))

    def check_date(self) -> bool:
        """A typed text that is no date is marked and said; the calendar stays on its day."""
        return check_dates(self.page.message_label, self.date_edit)

    def go_to(self, day: datetime.date) -> None:
        if day != self.day:
            self.day = day
        if self.date_edit.date() != _qdate(day):
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(_qdate(day))
            self.date_edit.blockSignals(False)
        self.check_date()
        self.refresh()

    # ---- data ----
    def refresh(self) -> None:
        start_day, days = self.range_start(), self.days
        group = self.group_combo.currentData()
        if group == "vehicle":
            rows = [(v.id, f"{v.plate}\n{v.name}") for v in resources.vehicles(active_only=True)]
        elif group == "driver":
            rows = [(d.id, d.name) for d in resources.drivers(active_only=True)]
        else:
            rows = [(t.id, t.name) for t in resources.technicians(active_only=True)]
        items, self.records = [], {}
        if self.kind == "hearse":
            for b in hearse.on_day(start_day, days):
                key = ("hearse", b.id)
                self.records[key] = b
                items.append(CalendarItem(
                    key, b.vehicle_id if group == "vehicle" else b.driver_id,
                    local_naive(b.start_at), local_naive(b.end_at),
                    f"{format_time(b.departure_at)} {booking_label(b)} alm. {b.deceased_name}",
                    f"{b.driver.name if group == 'vehicle' else b.vehicle.plate} → "
                    f"{b.cemetery_name}", b.state, movable=b.state in hearse.EDITABLE,
                    short=f"{format_time(b.departure_at)}\nalm. {b.deceased_name}\n"
                          f"{b.cemetery_name}"))
        else:
            for r in clinic.on_day(start_day, days):
                key = ("clinic", r.id)
                self.records[key] = r
                items.append(CalendarItem(
                    key, r.technician_id, local_naive(r.start_at), local_naive(r.end_at),
                    f"{format_time(r.start_at)} {booking_label(r)} {r.client_name}",
                    f"{clinic.KINDS[r.kind]}, {clinic.PLACES[r.place]}", r.state,
                    movable=r.state in ("scheduled", "waiting_parts"),
                    short=f"{format_time(r.start_at)}\n{r.client_name}\n"
                          f"{clinic.PLACES[r.place]}"))
        first, last = day_bounds(start_day, days)
        for blackout in resources.blackouts_between(first, last):
            if blackout.resource_kind == group:
                items.append(CalendarItem(("blackout", blackout.id), blackout.resource_id,
                                          local_naive(blackout.start_at),
                                          local_naive(blackout.end_at), blackout.reason,
                                          "tidak tersedia", "blackout", movable=False))
        self.timeline.set_range(start_day, days)
        self.timeline.set_content(rows, items)
        end_day = start_day + datetime.timedelta(days=days - 1)
        self.title_label.setText(
            f"{timefmt.DAYS[start_day.weekday()]}, {timefmt.format_date(start_day)}" if days == 1
            else f"{timefmt.format_date(start_day)} – {timefmt.format_date(end_day)}")
        self.today_button.setText("Hari ini" if days == 1 else "Minggu ini")
        self._show_detail(self.timeline.selected_key)

    def selected_record(self):
        return self.records.get(self.timeline.selected_key)

    def _show_detail(self, key) -> None:
        record = self.records.get(key)
        self.edit_button.setEnabled(False)
        for button in self.action_buttons.values():
            button.setEnabled(False)
        if record is None:
            self.detail_label.setText("Pilih pemesanan pada kalender untuk melihat rinciannya.")
            return
        if hearse.is_booking(record):
            b = record
            text = (f"<b>{booking_label(b)}</b> · {hearse.STATES[b.state]} · berangkat "
                    f"{timefmt.format_local(b.departure_at)} ({b.duration_minutes} menit, "
                    f"terpakai {format_span(b.start_at, b.end_at)})<br/>"
                    f"Alm. {b.deceased_name}; rumah duka {b.pickup_address} → {b.cemetery_name}"
                    f"<br/>Penanggung jawab {b.responsible_name} ({b.responsible_relation or '-'})"
                    f", {b.responsible_phone} · {b.vehicle.plate} · {b.driver.name}")
            if b.cancel_reason:
                text += f"<br/>Alasan batal: {b.cancel_reason}"
            allowed = hearse.NEXT_STATES[b.state]
            editable = b.state in hearse.EDITABLE
        else:
            r = record
            text = (f"<b>{booking_label(r)}</b> · {clinic.STATES[r.state]} · "
                    f"{format_span(r.start_at, r.end_at)} · {r.technician.name}<br/>"
                    f"{r.client_name}, {r.client_address}, {r.client_phone} · "
                    f"{clinic.KINDS[r.kind]}, {clinic.PLACES[r.place]}<br/>"
                    f"Batas waktu: {clinic.clock(r)}")
            if r.work_done:
                text += f"<br/>Hasil: {r.work_done}; suku cadang: {r.parts_replaced or '-'}"
            active = r.state in ("scheduled", "waiting_parts")
            allowed = {"waiting_parts": r.state == "scheduled",
                       "parts_arrived": r.state == "waiting_parts",
                       "completed": active, "cancelled": active}
            allowed = [k for k, ok in allowed.items() if ok]
            editable = active
        self.detail_label.setText(text)
        self.edit_button.setEnabled(editable)
        for state, button in self.action_buttons.items():
            button.setEnabled(state in allowed)

    # ---- actions ----
    def open_dialog(self, record) -> QDialog | None:
        if not self.page.can_manage:
            return None
        dialog = self.make_dialog(record)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.page.notify("Jadwal disimpan.")
            self.after_change(dialog.result_record)
        return dialog

    def make_dialog(self, record) -> QDialog:
        """The booking dialog (tests drive it without exec)."""
        dialog_class = HearseDialog if self.kind == "hearse" else ClinicDialog
        return dialog_class(self.page.session.user, record, parent=self)

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.open_dialog(record)

    def after_change(self, record) -> None:
        if record is not None:
            self.timeline.selected_key = (self.kind, record.id)
        self.page.refresh()

    def move(self, key, new_start_local: datetime.datetime, row) -> None:
        """A block was dragged: the same rules as the dialog, the refusal shown in words."""
        record = self.records.get(key)
        if record is None:
            return
        actor = self.page.session.user
        shift = new_start_local - local_naive(record.start_at)
        group = self.group_combo.currentData()
        try:
            if hearse.is_booking(record):
                extra = {"vehicle_id": row} if group == "vehicle" else {"driver_id": row}
                saved = hearse.reschedule(actor, record, record.departure_at + shift, **extra)
            else:
                saved = clinic.reschedule(actor, record, record.start_at + shift,
                                          technician_id=row)
        except PelitaError as exc:
            self.page.notify(exc.message, error=True)
            self.refresh()
            return
        moment = saved.departure_at if self.kind == "hearse" else saved.start_at
        self.page.notify(f"{booking_label(saved)} dipindah ke {timefmt.format_local(moment)}.")
        self.after_change(saved)

    def apply_action(self, state: str) -> None:
        record = self.selected_record()
        if record is None:
            return
        actor = self.page.session.user
        ask = self.page.ask_reason  # a reason's dialog saves, keeping a refusal to itself
        try:
            if hearse.is_booking(record) and state == "cancelled":
                saved = ask("Batalkan pemesanan", "Alasan pembatalan:",
                            lambda reason: hearse.advance(actor, record, state, reason),
                            "Alasan pembatalan")
            elif hearse.is_booking(record):
                saved = hearse.advance(actor, record, state, "")
            elif state == "waiting_parts":
                saved = ask("Menunggu suku cadang", "Suku cadang yang ditunggu dan alasannya:",
                            lambda reason: clinic.wait_for_parts(actor, record, reason),
                            "Alasan menunggu suku cadang")
            elif state == "parts_arrived":
                saved = clinic.parts_arrived(actor, record)
            elif state == "completed":
                work = ask("Layanan selesai", "Pekerjaan yang dilakukan:",
                           lambda text: require_text(text, "Pekerjaan yang dilakukan", 2000),
                           "Pekerjaan yang dilakukan")
                saved = work and ask(
                    "Layanan selesai", "Suku cadang yang diganti (kosongkan bila tidak ada):",
                    lambda parts: clinic.complete(actor, record, work, parts),
                    "Suku cadang yang diganti")
            else:
                saved = ask("Batalkan layanan", "Alasan pembatalan:",
                            lambda reason: clinic.cancel(actor, record, reason),
                            "Alasan pembatalan")
        except PelitaError as exc:
            self.page.notify(exc.message, error=True)
            return
        if saved is None:  # cancelled
            return
        self.page.notify(f"{booking_label(saved)}: status disimpan.")
        self.after_change(saved)

    def shown_days(self) -> list[datetime.date]:
        return [self.range_start() + datetime.timedelta(days=i) for i in range(self.days)]

    def _shown_title(self) -> str:
        days = self.shown_days()
        return (timefmt.format_date(days[0]) if len(days) == 1
                else f"{timefmt.format_date(days[0])} – {timefmt.format_date(days[-1])}")

    def print_schedule(self) -> None:
        """To a printer through the system's print dialog (where a PDF printer is a choice)."""
        printer = paged.ask_printer(self, f"Jadwal {self._shown_title()}")
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer) -> None:
        try:
            pages = paged.print_with_progress(self, schedule_document(self.shown_days()),
                                              printer, "Mencetak jadwal")
        except PelitaError as exc:
            self.page.notify(describe(exc, "Jadwal tidak bisa dicetak."), error=True)
            return
        self.page.notify(f"Jadwal {self._shown_title()} ({pages} halaman) dikirim ke printer.")

    def save_pdf(self) -> None:
        first = self.shown_days()[0]
        name = f"jadwal-{first:%Y-%m-%d}" + ("-seminggu" if self.days == 7 else "") + ".pdf"
        path = file_dialogs.save_path(self, "Simpan jadwal sebagai PDF", name, "Dokumen PDF",
                                      ".pdf")
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        try:
            paged.pdf_with_progress(self, schedule_document(self.shown_days()), path,
                                    f"Jadwal {self._shown_title()}")
        except (OSError, PelitaError) as exc:
            self.page.notify(describe(exc, "PDF tidak bisa disimpan."), error=True)
            return
        self.page.notify(f"Jadwal {self._shown_title()} disimpan ke {path}.")


class SchedulePage(QWidget):
    def __init__(self, session, parent=None, poll_ms: int | None = None):
        super().__init__(parent)
        self.session = session
        self.can_manage = permissions.can(session.user, "schedule.manage")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.hearse_tab = CalendarTab(self, "hearse")
        self.clinic_tab = CalendarTab(self, "clinic")
        from desktop.views.schedule.schedule_admin import ResourcesTab, RosterTab

        self.roster_tab = RosterTab(self)
        self.resources_tab = ResourcesTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.hearse_tab, "Mobil Jenazah")
        self.tabs.addTab(self.clinic_tab, "Seating Clinic Kursi Roda")
        self.tabs.addTab(self.roster_tab, "Jadwal Piket")
        self.tabs.addTab(self.resources_tab, "Armada, Petugas && Pemakaman")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        kwargs = {} if poll_ms is None else {"poll_ms": poll_ms}
        self.watcher = ScheduleWatcher(self, **kwargs)
        self.watcher.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for tab in (self.hearse_tab, self.clinic_tab, self.roster_tab, self.resources_tab):
            tab.refresh()

    def stop(self) -> None:
        """The main window closes: no more polling, and PostgreSQL's LISTEN connection closed."""
        self.watcher.stop()

    def show_record(self, kind: str, record_id: int, when) -> bool:
        """Tugas Saya opens a booking: its calendar on its day, the booking selected."""
        tab = self.hearse_tab if kind == "hearse" else self.clinic_tab
        self.tabs.setCurrentWidget(tab)
        tab.timeline.selected_key = (kind, record_id)
        tab.go_to(local_date(when))
        return (kind, record_id) in tab.records

    def notify(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_TEXT_STYLE if error else OK_TEXT_STYLE)
        self.message_label.setText(text)

    def ask_reason(self, title: str, label: str, save, field: str):
        """What `save(text)` returned once it accepted the typed text; None when cancelled.
        `field`: the name the service's refusal of the text carries."""
        dialog = reason_dialog.ask(self, title, label, save, field=field)
        return dialog.saved if dialog.result() == QDialog.DialogCode.Accepted else None
