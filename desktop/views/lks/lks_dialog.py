"""One LKS: its identity, legal documents, NPWP and bank, board and beneficiaries (one Save
for all, checked by the service), its Tanda Daftar history with recording and revoking, and
the organisation's applications (registrations, permits, grants)."""
import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.applications import people
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.lks import lks_records, registrations
from desktop.services.lks.lks_records import BoardEntry
from desktop.services.shared import permissions, timefmt
from desktop.views.applications.application_table import (ApplicationTableModel,
                                                          ApplicationTableView, open_application)
from desktop.views.lks.lks_table import state_colour
from desktop.views.shared import reason_dialog, window_size
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import (FieldErrors, date_edit, date_of, dialog_buttons,
                                       error_label, follow_required, required_note, set_date,
                                       submit)

class LksDialog(QDialog):
    def __init__(self, session, lks_id: int | None, parent=None, organisation=None):
        """`organisation`: for a new LKS, the applicant it is (its name and address shown)."""
        super().__init__(parent)
        self.session = session
        self.lks = lks_records.get(session.user, lks_id) if lks_id else None
        self.organisation = organisation
        self.changed = False
        self.editable = permissions.can(session.user, "lks.edit")
        self.setWindowTitle(self.lks.organisation.name if self.lks else "LKS baru")
        window_size.fit(self, 900, 680)
        self.fields: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._identity_tab(), "Identitas dan legalitas")
        self.tabs.addTab(self._board_tab(), "Pengurus dan penerima manfaat")
        self.registration_tab = self._registration_tab()
        self.tabs.addTab(self.registration_tab, "Tanda Daftar")
        if self.lks is not None:
            self.tabs.addTab(self._applications_tab(), "Riwayat permohonan")
        self.message = error_label()
        self.errors = FieldErrors(self.message, self.fields)
        self.errors.mark_required(lks_records.REQUIRED)
        # The legal documents, the bank account's parts and the domicile letter's date are
        # asked only by what else is written: their "*" follows.
        follow_required(self.fields, lambda: lks_records.required_fields(self._conditions()),
                        lks_records.CONDITIONAL, self.status_combo.currentIndexChanged,
                        *(edit.textChanged for edit in (self.bank_name, self.bank_account,
                                                        self.bank_account_name,
                                                        self.domicile_number)))
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        self.save_button.setVisible(self.editable)
        layout = QVBoxLayout(self)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.state_label)
        layout.addWidget(self.tabs, 1)
        if self.editable:
            layout.addWidget(required_note())
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._load()

    # --- building -----------------------------------------------------------------------

    def _line(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.fields[field] = edit
        return edit

    def _identity_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        left, right = QFormLayout(), QFormLayout()
        self.name_edit = self._line("Nama LKS")
        self.legal_form_combo = QComboBox()
        self.legal_form_combo.addItem("—", "")
        for form in people.LEGAL_FORMS:
            self.legal_form_combo.addItem(form, form)
        self.fields["Bentuk lembaga"] = self.legal_form_combo
        self.address_edit = self._line("Alamat sekretariat", "Jalan, nomor, RT/RW")
        self.kelurahan_edit = self._line("Kelurahan/desa")
        self.kecamatan_edit = self._line("Kecamatan")
        self.contact_edit = self._line("Narahubung")
        self.phone_edit = self._line("Telepon/WhatsApp")
        self.email_edit = self._line("E-mail")
        for label, widget in (("Nama LKS", self.name_edit), ("Bentuk lembaga", self.legal_form_combo),
                              ("Alamat sekretariat", self.address_edit),
                              ("Kelurahan/desa", self.kelurahan_edit),
                              ("Kecamatan", self.kecamatan_edit), ("Narahubung", self.contact_edit),
                              ("Telepon/WhatsApp", self.phone_edit), ("E-mail", self.email_edit)):
            left.addRow(label + ":", widget)
        self.status_combo = QComboBox()
        for code, label in lks_records.LEGAL_STATUSES.items():
            self.status_combo.addItem(label, code)
        self.fields["Status hukum"] = self.status_combo
        self.deed_number = self._line("Nomor akta notaris")
        self.deed_date = date_edit()
        self.fields["Tanggal akta notaris"] = self.deed_date
        self.deed_notary = self._line("Nama notaris")
        self.sk_number = self._line("Nomor SK Kemenkumham", "AHU-…")
        self.sk_date = date_edit()
        self.fields["Tanggal SK Kemenkumham"] = self.sk_date
        self.founding_note = self._line("Nota pendirian (dilegalisasi)")
        self.founding_date = date_edit()
        self.fields["Tanggal nota pendirian"] = self.founding_date
        self.npwp_edit = self._line("NPWP", "15 atau 16 angka")
        self.bank_name = self._line("Nama bank")
        self.bank_account = self._line("Nomor rekening")
        self.bank_account_name = self._line("Nama pemilik rekening", "atas nama LKS")
        self.domicile_number = self._line("Nomor surat domisili")
        self.domicile_date = date_edit()
        self.fields["Tanggal surat domisili"] = self.domicile_date
        self.legal_rows = []
        for label, widget in (("Status hukum", self.status_combo),
                              ("Nomor akta notaris", self.deed_number),
                              ("Tanggal akta notaris", self.deed_date),
                              ("Nama notaris", self.deed_notary),
                              ("Nomor SK Kemenkumham", self.sk_number),
                              ("Tanggal SK Kemenkumham", self.sk_date),
                              ("Nota pendirian (dilegalisasi)", self.founding_note),
                              ("Tanggal nota pendirian", self.founding_date),
                              ("NPWP", self.npwp_edit), ("Nama bank", self.bank_name),
                              ("Nomor rekening", self.bank_account),
                              ("Nama pemilik rekening", self.bank_account_name),
                              ("Nomor surat domisili", self.domicile_number),
                              ("Tanggal surat domisili", self.domicile_date)):
            right.addRow(label + ":", widget)
        self.status_combo.currentIndexChanged.connect(self._show_legal_fields)
        self._right_form = right
        fields_box = QWidget()
        fields_layout = QGridLayout(fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        self.field_checks: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(lks_records.FIELDS.items()):
            check = QCheckBox(label)
            self.field_checks[code] = check
            fields_layout.addWidget(check, i // 2, i % 2)
        self.fields["Bidang pelayanan"] = fields_box
        self.staff_spin = QSpinBox()
        self.staff_spin.setRange(0, lks_records.MAX_COUNT)
        self.fields["Jumlah staf"] = self.staff_spin
        self.grade_combo = QComboBox()
        self.grade_combo.addItem("Belum terakreditasi", "")
        for grade in lks_records.ACCREDITATIONS:
            self.grade_combo.addItem(f"Akreditasi {grade}", grade)
        self.fields["Akreditasi"] = self.grade_combo
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(54)
        self.fields["Catatan"] = self.note_edit
        bottom = QFormLayout()
        bottom.addRow("Bidang pelayanan:", fields_box)
        bottom.addRow("Jumlah staf pelaksana:", self.staff_spin)
        bottom.addRow("Akreditasi:", self.grade_combo)
        bottom.addRow("Catatan:", self.note_edit)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addLayout(bottom, 1, 0, 1, 2)
        return page

    def _show_legal_fields(self) -> None:
        legal = self.status_combo.currentData() == "berbadan_hukum"
        for widget in (self.deed_number, self.deed_date, self.deed_notary, self.sk_number,
                       self.sk_date):
            self._right_form.setRowVisible(widget, legal)
        for widget in (self.founding_note, self.founding_date):
            self._right_form.setRowVisible(widget, not legal)

    def _board_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        board = QGridLayout()
        board.addWidget(QLabel("Jabatan"), 0, 0)
        board.addWidget(QLabel("NIK (sesuai KTP)"), 0, 1)
        board.addWidget(QLabel("Nama"), 0, 2)
        self.board_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for row, (position, label) in enumerate(lks_records.POSITIONS.items(), start=1):
            nik, name = self._line(f"NIK {label}", "16 angka"), self._line(f"Nama {label}")
            nik.setMaxLength(20)
            board.addWidget(QLabel(label + (" *" if position == "ketua" else "")), row, 0)
            board.addWidget(nik, row, 1)
            board.addWidget(name, row, 2)
            self.board_edits[position] = (nik, name)
        self.fields["Pengurus"] = self.board_edits["ketua"][0]
        layout.addWidget(QLabel("<b>Pengurus</b> (satu orang satu jabatan; orang baru dicatat "
                                "di Data Pemohon dari NIK-nya)"))
        layout.addLayout(board)
        layout.addSpacing(12)
        layout.addWidget(QLabel("<b>Penerima manfaat</b> menurut jenis (jumlah orang)"))
        counts = QFormLayout()
        self.beneficiary_spins: dict[str, QSpinBox] = {}
        for code, label in lks_records.FIELDS.items():
            spin = QSpinBox()
            spin.setRange(0, lks_records.MAX_COUNT)
            spin.setGroupSeparatorShown(True)
            self.beneficiary_spins[code] = spin
            self.fields[f"Penerima manfaat ({label})"] = spin
            counts.addRow(label + ":", spin)
        layout.addLayout(counts)
        layout.addStretch(1)
        return page

    def _registration_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.registration_table = QTableWidget(0, 6)
        self.registration_table.setHorizontalHeaderLabels(
            ["Nomor", "Jenis", "Terbit", "Berlaku mulai", "Berlaku sampai", "Keterangan"])
        self.registration_table.horizontalHeader().setStretchLastSection(True)
        self.registration_table.verticalHeader().hide()
        self.registration_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.record_button = QPushButton("Catat Tanda Daftar…")
        self.record_button.clicked.connect(self.record_registration)
        self.revoke_button = QPushButton("Cabut Tanda Daftar…")
        self.revoke_button.clicked.connect(self.revoke_registration)
        self.record_button.setVisible(permissions.can(self.session.user, "lks.register"))
        self.revoke_button.setVisible(permissions.can(self.session.user, "lks.revoke"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        row.addWidget(self.record_button)
        layout.addWidget(self.registration_table, 1)
        layout.addLayout(row)
        return page

    def _applications_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.applications = ApplicationTableModel(self.session.user, page)
        view = ApplicationTableView(self.applications, list_key="lks-permohonan")
        view.open_requested.connect(lambda app_id: open_application(self.session, app_id, self))
        layout.addWidget(view)
        self.applications.set_filter(ApplicationFilter(organisation_id=self.lks.organisation_id))
        return page

    # --- showing ------------------------------------------------------------------------

    def _load(self) -> None:
        self._show_legal_fields()
        if self.lks is None:
            self.state_label.setText("LKS baru: isi identitas, legalitas dan pengurusnya.")
            org = self.organisation
            if org is not None:
                for edit, value in ((self.name_edit, org.name), (self.address_edit, org.address),
                                    (self.contact_edit, org.contact_person),
                                    (self.phone_edit, org.phone), (self.email_edit, org.email)):
                    edit.setText(value or "")
                    edit.setCursorPosition(0)
                self.legal_form_combo.setCurrentIndex(
                    max(self.legal_form_combo.findData(org.legal_form), 0))
            self.registration_tab.setEnabled(False)
            self.tabs.setTabToolTip(2, "Simpan LKS dulu, lalu catat Tanda Daftarnya.")
            return
        lks, org = self.lks, self.lks.organisation
        for edit, value in ((self.name_edit, org.name), (self.address_edit, org.address),
                            (self.contact_edit, org.contact_person), (self.phone_edit, org.phone),
                            (self.email_edit, org.email), (self.kelurahan_edit, lks.kelurahan),
                            (self.kecamatan_edit, lks.kecamatan),
                            (self.deed_number, lks.deed_number),
                            (self.deed_notary, lks.deed_notary), (self.sk_number, lks.sk_number),
                            (self.founding_note, lks.founding_note),
                            (self.npwp_edit, lks_records.npwp_text(lks.npwp)),
                            (self.bank_name, lks.bank_name), (self.bank_account, lks.bank_account),
                            (self.bank_account_name, lks.bank_account_name),
                            (self.domicile_number, lks.domicile_number)):
            edit.setText(value or "")
            edit.setCursorPosition(0)  # a long address shows its start
        self.legal_form_combo.setCurrentIndex(max(self.legal_form_combo.findData(org.legal_form), 0))
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(lks.legal_status), 0))
        for edit, value in ((self.deed_date, lks.deed_date), (self.sk_date, lks.sk_date),
                            (self.founding_date, lks.founding_date),
                            (self.domicile_date, lks.domicile_date)):
            set_date(edit, value)
        for code in lks_records.field_codes(lks.fields):
            if code in self.field_checks:
                self.field_checks[code].setChecked(True)
        self.staff_spin.setValue(lks.staff_count)
        self.grade_combo.setCurrentIndex(max(self.grade_combo.findData(lks.accreditation), 0))
        self.note_edit.setPlainText(lks.note)
        for position, person in lks_records.board_of(lks).items():
            nik, name = self.board_edits[position]
            nik.setText(person.nik or "")
            name.setText(person.name)
        for kind, count in lks_records.beneficiaries_of(lks).items():
            self.beneficiary_spins[kind].setValue(count)
        self._show_registrations()
        for widget in self.fields.values():
            widget.setEnabled(self.editable)

    def _show_registrations(self) -> None:
        today = datetime.date.today()
        state = registrations.state_of(self.lks.registered_until, self.lks.revoked, today)
        label = registrations.STATES[state]
        until = (f" · berlaku sampai {timefmt.format_date(self.lks.registered_until)}"
                 if self.lks.registered_until else "")
        self.state_label.setText(f"{self.lks.organisation.name} — Tanda Daftar: {label}{until}")
        self.state_label.setStyleSheet(f"font-weight: 600; color: {state_colour(state)};")
        history = registrations.history(self.lks)
        self.registration_table.setRowCount(len(history))
        for row, item in enumerate(history):
            note = (f"Dicabut {timefmt.format_date(item.revoked_on)}: {item.revoke_reason}"
                    if item.revoked_on else "")
            for column, text in enumerate((item.number, registrations.KINDS[item.kind],
                                           timefmt.format_date(item.issued_on),
                                           timefmt.format_date(item.valid_from),
                                           timefmt.format_date(item.valid_until), note)):
                self.registration_table.setItem(row, column, QTableWidgetItem(text))
        self.registration_table.resizeColumnsToContents()
        self.revoke_button.setEnabled(state in ("berlaku", "segera_habis"))

    # --- saving -------------------------------------------------------------------------

    def values(self) -> dict:
        return {"name": self.name_edit.text(), "legal_form": self.legal_form_combo.currentData(),
                "address": self.address_edit.text(), "kelurahan": self.kelurahan_edit.text(),
                "kecamatan": self.kecamatan_edit.text(),
                "contact_person": self.contact_edit.text(), "phone": self.phone_edit.text(),
                "email": self.email_edit.text(),
                "legal_status": self.status_combo.currentData(),
                "deed_number": self.deed_number.text(), "deed_date": date_of(self.deed_date),
                "deed_notary": self.deed_notary.text(),
                "sk_number": self.sk_number.text(), "sk_date": date_of(self.sk_date),
                "founding_note": self.founding_note.text(),
                "founding_date": date_of(self.founding_date), "npwp": self.npwp_edit.text(),
                "bank_name": self.bank_name.text(), "bank_account": self.bank_account.text(),
                "bank_account_name": self.bank_account_name.text(),
                "domicile_number": self.domicile_number.text(),
                "domicile_date": date_of(self.domicile_date),
                "fields": [c for c, check in self.field_checks.items() if check.isChecked()],
                "staff_count": self.staff_spin.value(),
                "accreditation": self.grade_combo.currentData(),
                "note": self.note_edit.toPlainText()}

    def _conditions(self) -> dict:
        """The values that decide which fields are required (no date: one may be typed
        wrong)."""
        return {"legal_status": self.status_combo.currentData(),
                "bank_name": self.bank_name.text(), "bank_account": self.bank_account.text(),
                "bank_account_name": self.bank_account_name.text(),
                "domicile_number": self.domicile_number.text()}

    def board(self) -> dict[str, BoardEntry]:
        return {position: BoardEntry(nik.text(), name.text())
                for position, (nik, name) in self.board_edits.items()}

    def save(self) -> None:
        beneficiaries = {code: spin.value() for code, spin in self.beneficiary_spins.items()}
        try:
            self.lks = submit(lambda: lks_records.save(
                self.session.user, self.values(), self.board(), beneficiaries, lks=self.lks,
                organisation=self.organisation))
        except PelitaError as exc:
            self.errors.show(exc)  # opens the tab of the first field at fault
            return
        except Exception as exc:  # noqa: BLE001 (the database's error: typed values stay)
            self.message.setText(describe(exc, "Penyimpanan gagal; isian tidak hilang."))
            self.message.show()
            return
        self.changed = True
        self.accept()

    def record_registration(self) -> None:
        dialog = RegistrationDialog(self.session, self.lks, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self._show_registrations()

    def revoke_registration(self) -> None:
        # The reason's dialog revokes, keeping a refusal (a reason too short) to itself.
        dialog = reason_dialog.ask(
            self, "Cabut Tanda Daftar", "Alasan pencabutan (tercatat dan dibaca pemeriksa):",
            lambda reason: registrations.revoke(self.session.user, self.lks, reason),
            accept_text="Cabut", field="Alasan pencabutan")
        if dialog.result() != QDialog.DialogCode.Accepted:
            return
        self.changed = True
        self._show_registrations()


class RegistrationDialog(QDialog):
    """Record a Tanda Daftar: issued here, or on paper before Pelita."""

    def __init__(self, session, lks, parent=None):
        super().__init__(parent)
        self.session, self.lks = session, lks
        self.setWindowTitle("Catat Tanda Daftar")
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("400.9.12/…")
        self.kind_combo = QComboBox()
        for code, label in registrations.KINDS.items():
            self.kind_combo.addItem(label, code)
        if lks.registered_until:
            self.kind_combo.setCurrentIndex(1)
        self.issued_edit = date_edit(optional=False)
        self.from_edit = date_edit(optional=False)
        self.until_edit = date_edit(optional=False)
        self.from_edit.dateChanged.connect(self._suggest_until)
        self._suggest_until()
        form = QFormLayout()
        form.addRow("Nomor Tanda Daftar:", self.number_edit)
        form.addRow("Jenis:", self.kind_combo)
        form.addRow("Tanggal terbit:", self.issued_edit)
        form.addRow("Berlaku mulai:", self.from_edit)
        form.addRow("Berlaku sampai:", self.until_edit)
        hint = QLabel("Masa berlaku diusulkan dari Pengaturan (lks.validity_years, Permensos "
                      "184/2011 tidak menyebutnya; perlu dikonfirmasi).")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #4b5563;")
        self.message = error_label()
        self.errors = FieldErrors(self.message, {
            "Nomor Tanda Daftar": self.number_edit, "Jenis pendaftaran": self.kind_combo,
            "Tanggal terbit": self.issued_edit, "Berlaku mulai": self.from_edit,
            "Berlaku sampai": self.until_edit})
        buttons, _ = dialog_buttons(self, "Catat", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _suggest_until(self) -> None:
        self.until_edit.setDate(QDate(registrations.default_until(self.from_edit.date().toPython())))

    def save(self) -> None:
        try:
            submit(lambda: registrations.record(
                self.session.user, self.lks, self.number_edit.text(), date_of(self.issued_edit),
                date_of(self.from_edit), date_of(self.until_edit),
                kind=self.kind_combo.currentData()))
        except PelitaError as exc:
            self.errors.show(exc)
            self.message.show()
            return
        self.accept()
