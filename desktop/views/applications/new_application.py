"""Register an application at the front desk: service, applicant, checklist, confirmation.

Keyboard first: every step starts with the cursor where typing begins, Enter moves on, Esc
cancels. Typed values stay when a step is refused. Nothing is written before Simpan: a new
person or organisation is checked at its step and saved with the application.
"""
import datetime
import re
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateTimeEdit, QDialog,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QRadioButton, QScrollArea,
                               QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.errors import PelitaError, ValidationError
from desktop.services.shared.timefmt import utcnow
from desktop.services.applications import intake, people, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import timefmt
from desktop.services.shared.validators import check_nik
from desktop.views.applications.person_form import INDONESIAN, PersonForm
from desktop.views.applications.receipt_print import ReceiptButton
from desktop.views.shared import file_dialogs, window_size
from desktop.views.shared.forms import ERROR_TEXT_STYLE, OK_TEXT_STYLE, FieldErrors, submit

SCAN_FILTER = "Pindaian (*.pdf *.jpg *.jpeg *.png)"
STEP_TITLES = ["1. Layanan", "2. Pemohon", "3. Persyaratan", "4. Selesai"]
HEADING_STYLE = "font-size: 16px; font-weight: bold;"


def person_address(person) -> str:
    return people.address_text(person) or "alamat belum diisi"


def _local_now() -> QDateTime:
    return QDateTime(timefmt.to_local(utcnow()).replace(tzinfo=None))


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter belongs to the dialog's Lanjut button
    return button


class _CheckRow:
    """One requirement's controls on the checklist page."""

    def __init__(self, requirement, on_attach):
        self.requirement = requirement
        self.files: list[Path] = []
        self.label = QLabel(f"{requirement.position}. {requirement.text}")
        self.label.setWordWrap(True)
        self.state = QComboBox()
        for key, label in workflow.CHECK_STATES.items():
            self.state.addItem(label, key)
        self.state.setCurrentIndex(self.state.findData("kurang"))
        self.note = QLineEdit()
        self.note.setPlaceholderText("catatan")
        self.attach_button = _button("Lampirkan pindaian…")
        self.attach_button.clicked.connect(lambda: on_attach(self))
        self.files_label = QLabel()
        self.files_label.setStyleSheet("color: #555;")
        self.files_label.setWordWrap(True)
        self.files_label.hide()

    def show_files(self) -> None:
        self.files_label.setText("Pindaian: " + ", ".join(p.name for p in self.files))
        self.files_label.setVisible(bool(self.files))


class NewApplicationDialog(QDialog):
    """After accept, `.application_id` is the registered application's id."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.application_id: int | None = None
        self.application = None
        self.service = None
        self.person = None  # an applicant already registered
        self.new_person: dict | None = None  # a new one's checked values, saved on Simpan
        self.new_organisation: dict | None = None
        self.check_rows: list[_CheckRow] = []
        self.attach_errors: list[str] = []
        self.setWindowTitle("Permohonan baru — Pelita")
        window_size.fit(self, 900, 640)

        self.step_label = QLabel()
        self.step_label.setStyleSheet(HEADING_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._service_page())
        self.stack.addWidget(self._applicant_page())
        self.stack.addWidget(self._checklist_page())
        self.stack.addWidget(self._done_page())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.errors = FieldErrors(self.message)

        self.back_button = _button("Kembali")
        self.back_button.clicked.connect(self.back)
        self.cancel_button = _button("Batal")
        self.cancel_button.clicked.connect(self.reject)
        self.next_button = QPushButton("Lanjut")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        # Explicit shortcuts: button mnemonics are not reliable on every platform.
        for keys, slot in (("Alt+S", self._all_present_shortcut),
                           ("Alt+O", lambda: self._kind_shortcut(self.person_radio)),
                           ("Alt+L", lambda: self._kind_shortcut(self.org_radio))):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self._show_page(0)

    def _all_present_shortcut(self) -> None:
        if self.stack.currentIndex() == 2:
            self.mark_all_present()

    def _kind_shortcut(self, radio: QRadioButton) -> None:
        if self.stack.currentIndex() == 1:
            radio.setChecked(True)

    # -- step 1: service ------------------------------------------------------------------
    def _service_page(self) -> QWidget:
        self.service_filter = QLineEdit()
        self.service_filter.setPlaceholderText("Ketik nama layanan, misalnya: ket dtks")
        self.service_filter.textChanged.connect(self._filter_services)
        self.service_filter.installEventFilter(self)
        self.service_list = QTreeWidget()
        self.service_list.setHeaderLabels(["Layanan", "Sumber", "Jangka waktu"])
        self.service_list.setRootIsDecorated(False)
        self.service_list.setAlternatingRowColors(True)
        self.service_list.itemDoubleClicked.connect(lambda *_: self.next())
        for service in service_catalog.list_services(include_inactive=False):
            item = QTreeWidgetItem([service.name, service.source_office,
                                    service_catalog.time_limit(service).describe()])
            item.setData(0, Qt.ItemDataRole.UserRole, service)
            item.setToolTip(0, service.name)
            self.service_list.addTopLevelItem(item)
        self.service_list.setColumnWidth(0, 460)
        self.service_list.setColumnWidth(1, 230)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.service_filter)
        layout.addWidget(self.service_list, 1)
        self._filter_services("")
        return page

    def _filter_services(self, text: str) -> None:
        words = text.lower().split()
        first = None
        for i in range(self.service_list.topLevelItemCount()):
            item = self.service_list.topLevelItem(i)
            service = item.data(0, Qt.ItemDataRole.UserRole)
            haystack = f"{service.name} {service.source_office} {service.code}".lower()
            hidden = not all(w in haystack for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.service_list.currentItem()
        if current is None or current.isHidden():
            self.service_list.setCurrentItem(first)

    def _move_current(self, view, step: int) -> None:
        """Up/Down in a search box moves through the visible rows of the list below it."""
        if isinstance(view, QTreeWidget):
            rows = [view.topLevelItem(i) for i in range(view.topLevelItemCount())
                    if not view.topLevelItem(i).isHidden()]
            if not rows:
                return
            current = view.currentItem()
            index = rows.index(current) if current in rows else -1
            view.setCurrentItem(rows[max(0, min(len(rows) - 1, index + step))])
        elif view.count():
            view.setCurrentRow(max(0, min(view.count() - 1, view.currentRow() + step)))

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down,
                                                                     Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            if watched is self.service_filter:
                self._move_current(self.service_list, step)
                return True
            if watched is self.search_edit:
                self._move_current(self.search_results, step)
                return True
        return super().eventFilter(watched, event)

    def _pick_service(self) -> bool:
        item = self.service_list.currentItem()
        if item is None or item.isHidden():
            self.errors.fields = {"Layanan": self.service_filter}
            self.errors.show(ValidationError("Layanan", "pilih layanan dari daftar; ketik "
                                             "sebagian namanya untuk mencari."))
            return False
        service = item.data(0, Qt.ItemDataRole.UserRole)
        if service is not self.service:
            self.service = service
            self._build_checklist()
        return True

    # -- step 2: applicant ----------------------------------------------------------------
    def _applicant_page(self) -> QWidget:
        self.person_radio = QRadioButton("Orang (Alt+O)")
        self.org_radio = QRadioButton("Lembaga (Alt+L)")
        self.person_radio.setChecked(True)
        kind = QButtonGroup(self)
        kind.addButton(self.person_radio)
        kind.addButton(self.org_radio)
        self.person_radio.toggled.connect(self._kind_changed)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("NIK (16 angka) atau nama pemohon")
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.installEventFilter(self)
        self.no_identity_button = _button("Tanpa identitas (NIK belum ada)")
        self.no_identity_button.clicked.connect(self._no_identity)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.search_results = QListWidget()
        self.search_results.itemDoubleClicked.connect(lambda *_: self.next())
        self.person_form = PersonForm()
        self.person_form.hide()
        self.person_box = QWidget()
        box = QVBoxLayout(self.person_box)
        box.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.no_identity_button)
        box.addLayout(search_row)
        box.addWidget(self.found_label)
        box.addWidget(self.search_results, 1)
        box.addWidget(self.person_form)

        self.org_box = QWidget()
        self.org_name_edit = QLineEdit()
        self.org_form_combo = QComboBox()
        self.org_form_combo.addItem("-", "")
        for form in people.LEGAL_FORMS:
            self.org_form_combo.addItem(form, form)
        self.org_address_edit = QLineEdit()
        self.org_contact_edit = QLineEdit()
        self.org_phone_edit = QLineEdit()
        org_form = QFormLayout(self.org_box)
        org_form.addRow("Nama lembaga", self.org_name_edit)
        org_form.addRow("Bentuk lembaga", self.org_form_combo)
        org_form.addRow("Alamat lembaga", self.org_address_edit)
        org_form.addRow("Narahubung", self.org_contact_edit)
        org_form.addRow("Telepon/WA", self.org_phone_edit)
        self.org_box.hide()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.person_box, 1)
        inner_layout.addWidget(self.org_box)
        inner_layout.addStretch(0)
        scroll.setWidget(inner)
        page = QWidget()
        layout = QVBoxLayout(page)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel("Pemohon:"))
        kinds.addWidget(self.person_radio)
        kinds.addWidget(self.org_radio)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        layout.addWidget(scroll, 1)
        return page

    def _applicant_fields(self) -> dict:
        if self.org_radio.isChecked():
            return {"Nama lembaga": self.org_name_edit, "Bentuk lembaga": self.org_form_combo,
                    "Alamat lembaga": self.org_address_edit,
                    "Narahubung": self.org_contact_edit, "Telepon/WhatsApp": self.org_phone_edit}
        if not self.person_form.isHidden():
            return {**self.person_form.fields, "Pemohon": self.search_edit}
        return {"NIK": self.search_edit, "Pemohon": self.search_edit}

    def _kind_changed(self) -> None:
        organisation = self.org_radio.isChecked()
        self.org_box.setVisible(organisation)
        self.person_box.setVisible(not organisation)
        self.errors.clear()
        (self.org_name_edit if organisation else self.search_edit).setFocus()

    def _set_person(self, person) -> None:
        self.person = person
        if person is None:
            self.found_label.clear()
            return
        self.found_label.setStyleSheet("color: #1e6b35; font-weight: bold;")
        text = f"Sudah terdaftar: {person.name}, {person_address(person)}"
        earlier = self._earlier_cases(person)
        if earlier:
            self.found_label.setStyleSheet("color: #a93226; font-weight: bold;")
            text += ("\nPernah dibantu sebelumnya: " + "; ".join(
                f"{a.reg_number} ({timefmt.format_local_date(a.received_at)})"
                for a in earlier))
        self.found_label.setText(text)

    def _earlier_cases(self, person) -> list:
        """The person's earlier cases of the chosen service's kind (a stranded person helped
        before), for the clerk to see before registering again."""
        from desktop.services.cases import registry

        kind = registry.kind_of(self.service) if self.service is not None else None
        if kind is None or kind.earlier is None:
            return []
        return kind.earlier(self.session.user, person)

    def _open_person_form(self, values: dict) -> None:
        self.person_form.set_values(values)
        self.search_results.hide()
        self.person_form.show()

    def _search_changed(self, text: str) -> None:
        self.errors.clear()
        self._set_person(None)
        digits = re.sub(r"\s", "", text)
        if len(digits) == 16 and digits.isdigit():
            self.search_results.clear()
            known = people.lookup_nik(self.session.user, digits)
            if known is not None:
                self.person_form.hide()
                self.search_results.hide()
                self._set_person(known)
                return
            try:
                check_nik(digits)
            except ValidationError as exc:
                self.person_form.hide()
                self.errors.fields = {"NIK": self.search_edit}
                self.errors.show(exc)
                self.search_edit.setFocus()
                return
            # A new, valid NIK: register the person right here, birth date and sex from it.
            self.found_label.setStyleSheet("")
            self.found_label.setText("NIK belum terdaftar: lengkapi data orang baru di bawah. "
                                     "Data disimpan bersama permohonan saat Simpan.")
            self._open_person_form({"nik": digits})
            self.person_form.name_edit.setFocus()
            return
        # Searching again leaves the new-person form; what was typed there stays in it.
        self.person_form.hide()
        self.search_results.show()
        self.search_results.clear()
        query = text.strip()
        for person in people.search_people(self.session.user, query) if len(query) >= 3 else []:
            item = QListWidgetItem(f"{person.name} — NIK {person.nik or 'belum ada'} — "
                                   f"{person_address(person)}")
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.search_results.addItem(item)
        if self.search_results.count():
            self.search_results.setCurrentRow(0)
            self.found_label.setStyleSheet("")
            self.found_label.setText("↑/↓ memilih, Enter memakai pemohon yang dipilih.")
        elif len(query) >= 3:
            self.found_label.setStyleSheet("")
            self.found_label.setText("Tidak ada yang cocok. Ketik NIK lengkap (16 angka) untuk "
                                     "mendaftarkan orang baru, atau pilih 'Tanpa identitas'.")

    def _no_identity(self) -> None:
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._set_person(None)
        self.found_label.setStyleSheet("")
        self.found_label.setText("Orang tanpa identitas: isi nama dan keterangan identitas. "
                                 "Data disimpan bersama permohonan saat Simpan.")
        self._open_person_form({"nik": "", "identity_note": ""})
        self.person_form.no_identity_check.setChecked(True)
        self.person_form.name_edit.setFocus()

    def _pick_applicant(self) -> bool:
        """Check the applicant; a new one is only checked here, and saved on Simpan."""
        user = self.session.user
        self.new_person = self.new_organisation = None
        try:
            if self.org_radio.isChecked():
                self.person = None
                self.new_organisation = self._organisation_values()
                people.check_organisation(**self.new_organisation)
                return True
            if self.person is not None:
                return True
            if not self.person_form.isHidden():
                def checked() -> dict:
                    values = self.person_form.values()
                    people.check_new_person(user, documented=self.person_form.documented(),
                                            at_desk=True, **values)
                    return values

                try:
                    values = submit(checked)
                except people.DuplicatePerson as exc:
                    if exc.existing is None:
                        raise
                    # Registered on another PC meanwhile: offer that record to check.
                    self._use_registered(exc.existing)
                    self.errors.show(exc)
                    return False
                self.new_person = values
                return True
            item = self.search_results.currentItem()
            if item is not None:
                self._set_person(item.data(Qt.ItemDataRole.UserRole))
                return True
            raise ValidationError("Pemohon", "ketik NIK atau nama lalu pilih pemohon, atau "
                                  "pilih 'Tanpa identitas'.")
        except PelitaError as exc:
            self.new_person = self.new_organisation = None
            self.errors.fields = self._applicant_fields()
            self.errors.show(exc)
            return False

    def _organisation_values(self) -> dict:
        return dict(name=self.org_name_edit.text(),
                    legal_form=self.org_form_combo.currentData(),
                    address=self.org_address_edit.text(),
                    contact_person=self.org_contact_edit.text(),
                    phone=self.org_phone_edit.text())

    def _use_registered(self, person) -> None:
        self.person_form.hide()
        self.search_edit.blockSignals(True)
        self.search_edit.setText(person.nik or person.name)
        self.search_edit.blockSignals(False)
        self._set_person(person)

    # -- step 3: checklist ----------------------------------------------------------------
    def _checklist_page(self) -> QWidget:
        self.all_present_button = _button("Semua ada (Alt+S)")
        self.all_present_button.setToolTip("Tandai semua persyaratan 'Ada'")
        self.all_present_button.clicked.connect(self.mark_all_present)
        self.checklist_box = QWidget()
        self.checklist_grid = QGridLayout(self.checklist_box)
        self.checklist_grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.checklist_box)

        self.channel_combo = QComboBox()
        for key, label in workflow.CHANNELS.items():
            self.channel_combo.addItem(label, key)
        self.received_edit = QDateTimeEdit()
        self.received_edit.setLocale(INDONESIAN)
        self.received_edit.setDisplayFormat("d MMMM yyyy HH.mm")
        self.received_edit.setCalendarPopup(True)
        self._received_default = _local_now()
        self.received_edit.setDateTime(self._received_default)
        self.summary_edit = QLineEdit()
        self.summary_edit.setPlaceholderText("Ringkasan permohonan (opsional)")
        details = QFormLayout()
        details.addRow("Cara permohonan", self.channel_combo)
        details.addRow("Waktu diterima", self.received_edit)
        details.addRow("Ringkasan", self.summary_edit)

        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.checklist_title = QLabel()
        self.checklist_title.setWordWrap(True)
        top.addWidget(self.checklist_title, 1)
        top.addWidget(self.all_present_button)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(details)
        return page

    def _build_checklist(self) -> None:
        while self.checklist_grid.count():
            widget = self.checklist_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.check_rows = []
        row, group = 0, None
        for requirement in service_catalog.requirements_of(self.service):
            if requirement.group_name and requirement.group_name != group:
                group = requirement.group_name
                heading = QLabel(group)
                heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
                self.checklist_grid.addWidget(heading, row, 0, 1, 3)
                # SLRT-style groups are alternatives: one click sets the rest aside.
                skip = _button("Grup ini tidak berlaku")
                skip.clicked.connect(lambda _=False, g=group: self.mark_group(g, "tidak_berlaku"))
                self.checklist_grid.addWidget(skip, row, 3)
                row += 1
            check = _CheckRow(requirement, self._choose_files)
            self.check_rows.append(check)
            self.checklist_grid.addWidget(check.label, row, 0)
            self.checklist_grid.addWidget(check.state, row, 1)
            self.checklist_grid.addWidget(check.note, row, 2)
            self.checklist_grid.addWidget(check.attach_button, row, 3)
            self.checklist_grid.addWidget(check.files_label, row + 1, 0, 1, 4)
            row += 2
        if not self.check_rows:
            self.checklist_grid.addWidget(QLabel("Layanan ini tidak mencantumkan persyaratan."),
                                          0, 0)
        self.checklist_grid.setRowStretch(row, 1)
        self.all_present_button.setEnabled(bool(self.check_rows))
        self.checklist_title.setText(f"Persyaratan {self.service.name}")

    def mark_group(self, group: str, state: str) -> None:
        for check in self.check_rows:
            if check.requirement.group_name == group:
                check.state.setCurrentIndex(check.state.findData(state))

    def mark_all_present(self) -> None:
        """Every requirement not set aside as 'Tidak berlaku' is present."""
        for check in self.check_rows:
            if check.state.currentData() != "tidak_berlaku":
                check.state.setCurrentIndex(check.state.findData("ada"))

    def _choose_files(self, check: _CheckRow) -> None:
        names = file_dialogs.open_paths(self, "Pilih pindaian", SCAN_FILTER)
        if names:
            check.files = [Path(n) for n in names]
            check.show_files()

    def _received_at(self) -> datetime.datetime | None:
        """UTC for the service; None (meaning now) unless the officer changed the time."""
        value = self.received_edit.dateTime()
        if value == self._received_default:
            return None
        local = value.toPython().replace(tzinfo=timefmt.office_tz())
        return local.astimezone(datetime.timezone.utc).replace(tzinfo=None)

    def _confirm_missing(self, checks: dict) -> bool:
        """A requirement left 'Belum ada' is registered only once the officer says so."""
        missing = workflow.missing_requirements(self.service, checks)
        if not missing:
            return True
        names = "\n".join(f"• {r.position}. {r.text}" for r in missing)
        answer = QMessageBox.question(
            self, "Persyaratan belum lengkap",
            f"Persyaratan berikut belum ada:\n{names}\n\nPermohonan didaftarkan dengan status "
            f"'{workflow.STATES['waiting']}': jangka waktu layanan berhenti sampai berkas "
            "dilengkapi. Simpan sekarang?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _register(self) -> bool:
        checks = {c.requirement.position: c.state.currentData() for c in self.check_rows}
        notes = {c.requirement.position: c.note.text() for c in self.check_rows
                 if c.note.text().strip()}
        if not self._confirm_missing(checks):
            return False
        try:
            self.application = intake.register(
                self.session.user, self.service, person=self.person,
                new_person=self.new_person, documented=self.person_form.documented(),
                new_organisation=self.new_organisation, accept_missing=True,
                channel=self.channel_combo.currentData(), received_at=self._received_at(),
                summary=self.summary_edit.text(), checks=checks, notes=notes)
        except people.DuplicatePerson as exc:
            if exc.existing is not None:  # saved on another PC since the person step
                self._use_registered(exc.existing)
                self.new_person = None
            self.errors.show(exc)
            return False
        except PelitaError as exc:
            self.errors.fields = {"Cara permohonan": self.channel_combo,
                                  "Waktu diterima": self.received_edit,
                                  **{f"Persyaratan {c.requirement.position}": c.state
                                     for c in self.check_rows}}
            self.errors.show(exc)
            return False
        self.application_id = self.application.id
        self._attach_files()
        return True

    def _attach_files(self) -> None:
        """Scans go in after registration; a refused file does not undo the application."""
        self.attach_errors = []
        by_position = {c.position: c for c in workflow.checks_of(self.application)}
        for row in self.check_rows:
            for path in row.files:
                try:
                    data = path.read_bytes()
                    workflow.attach(self.session.user, self.application, path.name, data,
                                        check=by_position.get(row.requirement.position))
                except OSError as exc:
                    self.attach_errors.append(f"{path.name}: tidak bisa dibaca ({exc.strerror}).")
                except PelitaError as exc:
                    self.attach_errors.append(exc.message)

    # -- step 4: confirmation -------------------------------------------------------------
    def _done_page(self) -> QWidget:
        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.attach_label = QLabel()
        self.attach_label.setWordWrap(True)
        self.attach_label.setStyleSheet(ERROR_TEXT_STYLE)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Permohonan terdaftar dengan nomor:"))
        layout.addWidget(self.number_label)
        layout.addWidget(self.done_label)
        layout.addWidget(self.attach_label)
        # The applicant leaves with a receipt (views.applications.receipt_print).
        self.receipt_button = ReceiptButton(self.session, lambda: self.application_id,
                                            self._receipt_said)
        layout.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _receipt_said(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_TEXT_STYLE if error else OK_TEXT_STYLE)
        self.message.setText(text)

    def _fill_done(self) -> None:
        app = self.application
        applicant = (app.person or app.organisation).name
        due = ("Batas waktu: dihitung lagi setelah berkas dilengkapi" if app.state == "waiting"
               else f"Batas waktu: {timefmt.format_local(app.due_at)}" if app.due_at else
               "Batas waktu: " + ("mulai dihitung setelah berkas lengkap"
                                  if self.service.limit_starts == "complete"
                                  and app.complete_at is None else "kondisional"))
        missing = [c.requirement.text for c in self.check_rows
                   if c.state.currentData() == "kurang"]
        lines = [f"Layanan: {self.service.name}", f"Pemohon: {applicant}", due,
                 f"Status: {workflow.STATES[app.state]}"]
        if missing:
            lines.append("Belum ada: " + "; ".join(missing) + ". Setelah pemohon melengkapinya, "
                         "tandai di rincian permohonan lalu tekan 'Berkas dilengkapi'.")
        self.number_label.setText(app.reg_number)
        self.done_label.setText("\n".join(lines))
        self.attach_label.setText("\n".join(["Lampiran gagal disimpan (tambahkan lagi dari "
                                             "rincian permohonan):"] + self.attach_errors)
                                  if self.attach_errors else "")

    # -- navigation -----------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.step_label.setText("  ›  ".join(
            f"<b>{t}</b>" if i == index else t for i, t in enumerate(STEP_TITLES)))
        self.step_label.setStyleSheet("font-size: 14px; color: #333;")
        self.back_button.setEnabled(0 < index < 3)
        self.cancel_button.setEnabled(index < 3)
        self.next_button.setText({2: "Simpan", 3: "Selesai"}.get(index, "Lanjut"))
        if index == 0:
            self.service_filter.setFocus()
        elif index == 1:
            if self.org_radio.isChecked():
                self.org_name_edit.setFocus()
            else:
                self.search_edit.setFocus()
                self.search_edit.selectAll()
        elif index == 2:
            (self.all_present_button if self.check_rows else self.summary_edit).setFocus()

    def back(self) -> None:
        self.errors.clear()
        self._show_page(max(0, self.stack.currentIndex() - 1))

    def next(self) -> None:
        index = self.stack.currentIndex()
        self.errors.clear()
        if index == 0 and self._pick_service():
            self._show_page(1)
        elif index == 1 and self._pick_applicant():
            self._show_page(2)
        elif index == 2 and self._register():
            self._fill_done()
            self._show_page(3)
        elif index == 3:
            self.accept()

    def reject(self) -> None:
        if self.application_id is not None:
            self.accept()  # registered already: closing must not look like a cancel
            return
        super().reject()

