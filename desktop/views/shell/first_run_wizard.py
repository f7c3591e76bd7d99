"""Persiapan kantor: the first run of a new office, step by step (database, office, service
standards, first administrator), every step checked by the service as it is left and nothing
written before "Simpan" on the last. An administrator runs the office and catalog steps again
from Pengaturan."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton,
                               QVBoxLayout, QWizard, QWizardPage)

from desktop.errors import PelitaError, ValidationError
from desktop.services.admin import office, regions
from desktop.services.shared import timefmt
from desktop.services.shell import connection_test, first_run
from desktop.views.shared import file_dialogs, window_size
from desktop.views.shared.errors import user_message
from desktop.views.shared.forms import OK_TEXT_STYLE, FieldErrors, error_label
from desktop.views.shell import workers

CHANGE_CONNECTION = 2  # exec() results besides Accepted/Rejected, as the login dialog's
ALREADY_SET_UP = 3
ADMIN_FIELDS = ("Nama pengguna", "Nama lengkap", "Kata sandi", "Ulangi kata sandi")


class _CheckedPage(QWizardPage):
    """A step the service checks when it is left: its error stays on the page, on the field."""

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.message = error_label()
        self.errors = FieldErrors(self.message)

    def check(self) -> None:
        raise NotImplementedError

    def validatePage(self) -> bool:
        try:
            self.check()
        except ValidationError as exc:
            self.show_error(exc)
            return False
        self.errors.clear()
        self.message.hide()
        return True

    def show_error(self, exc: PelitaError) -> None:
        self.message.show()
        self.errors.show(exc)


class DatabasePage(QWizardPage):
    def __init__(self, wizard, database_label: str, url: str):
        super().__init__()
        self.setTitle("Database")
        self.setSubTitle("Di mana data kantor disimpan. Satu PC: database di PC ini. Beberapa "
                         "PC bersama: server database kantor (PostgreSQL atau MariaDB).")
        self.url = url
        self.here = QRadioButton("Database di PC ini")
        self.server = QRadioButton("Server database kantor — atur koneksinya…")
        embedded = url.startswith("sqlite")
        (self.here if embedded else self.server).setChecked(True)
        self.server.toggled.connect(lambda on: on and embedded and wizard.done(CHANGE_CONNECTION))
        where = QLabel(f"Database sekarang: {database_label}")
        where.setWordWrap(True)
        self.test_button = QPushButton("Uji koneksi")
        self.test_button.clicked.connect(self.test)
        self.change_button = QPushButton("Ganti database…")
        self.change_button.clicked.connect(lambda: wizard.done(CHANGE_CONNECTION))
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.here, self.server, where):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def test(self) -> None:
        self.test_button.setEnabled(False)
        self.result.setText("Menguji koneksi…")
        workers.run_task(lambda: connection_test.test_connection(self.url), self._tested,
                         self._tested)

    def _tested(self, outcome) -> None:
        self.test_button.setEnabled(True)
        failed = isinstance(outcome, Exception)
        self.result.setStyleSheet("color: #a93226;" if failed else OK_TEXT_STYLE)
        self.result.setText((user_message(outcome) or "Koneksi gagal.") if failed else outcome)


class OfficePage(_CheckedPage):
    def __init__(self, setup: first_run.OfficeSetup):
        super().__init__("Kantor", "Provinsi dan kota/kabupaten kantor menentukan kode wilayah "
                         "NIK warga, kop surat dan zona waktu.")
        self.setup = setup
        self.province = QComboBox()
        self.province.addItem("— pilih provinsi —", "")
        for province in regions.provinces():
            self.province.addItem(f"{province.name} ({province.code})", province.code)
        self.regency = QComboBox()
        self.time_zone = QComboBox()
        for zone, label in timefmt.TIME_ZONES.items():
            self.time_zone.addItem(label, zone)
        self.letterhead = QLabel()
        self.letterhead.setStyleSheet("font-weight: bold;")
        self.office_name = QLineEdit(setup.office_name)
        self.address = QPlainTextEdit(setup.address)
        self.address.setFixedHeight(54)
        self.phone, self.email = QLineEdit(setup.phone), QLineEdit(setup.email)
        self.website, self.head_name = QLineEdit(setup.website), QLineEdit(setup.head_name)
        self.emblem_preview = QLabel("Belum ada lambang.")
        choose = QPushButton("Pilih gambar…")
        choose.clicked.connect(self.choose_emblem)
        emblem = QHBoxLayout()
        emblem.addWidget(self.emblem_preview)
        emblem.addWidget(choose)
        emblem.addStretch(1)
        form = QFormLayout()
        rows = (("Provinsi *", self.province), ("Kota/kabupaten *", self.regency),
                ("Kop surat", self.letterhead), ("Zona waktu", self.time_zone),
                ("Nama dinas *", self.office_name), ("Alamat *", self.address),
                ("Telepon", self.phone), ("E-mail", self.email), ("Situs web", self.website),
                ("Nama kepala dinas", self.head_name), ("Lambang daerah", emblem))
        for label, widget in rows:
            form.addRow(label, widget)
        for field, widget in (("Kota/kabupaten", self.regency), ("Nama dinas", self.office_name),
                              ("Alamat", self.address), ("Telepon", self.phone),
                              ("E-mail", self.email), ("Situs web", self.website),
                              ("Nama kepala dinas", self.head_name),
                              ("Lambang daerah", self.emblem_preview),
                              ("Zona waktu", self.time_zone)):
            self.errors.add(field, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("* wajib diisi"))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.province.currentIndexChanged.connect(self._province_chosen)
        self.regency.currentIndexChanged.connect(self._regency_chosen)
        self._choose(setup.regency_code)
        if setup.emblem:
            self._show_emblem(setup.emblem)

    def _choose(self, regency_code: str) -> None:
        self.province.setCurrentIndex(max(0, self.province.findData(regency_code[:2])))
        self._province_chosen()
        self.regency.setCurrentIndex(max(0, self.regency.findData(regency_code)))
        if self.setup.time_zone:
            self.time_zone.setCurrentIndex(self.time_zone.findData(self.setup.time_zone))

    def _province_chosen(self) -> None:
        code = self.province.currentData() or ""
        self.regency.blockSignals(True)
        self.regency.clear()
        self.regency.addItem("— pilih kota/kabupaten —", "")
        for regency in regions.regencies(code):
            self.regency.addItem(f"{regency.name} ({regency.code})", regency.code)
        self.regency.blockSignals(False)
        if code:
            self.time_zone.setCurrentIndex(self.time_zone.findData(regions.time_zone(code)))
        self._regency_chosen()

    def _regency_chosen(self) -> None:
        self.letterhead.setText(first_run.letterhead(self.regency.currentData() or "") or "—")

    def choose_emblem(self) -> None:
        path = file_dialogs.open_path(self, "Lambang daerah", "Gambar (*.png *.jpg *.jpeg)")
        if not path:
            return
        try:
            with open(path, "rb") as source:
                data = office.check_emblem(source.read())
        except OSError:
            self.show_error(ValidationError("Lambang daerah", "berkas tidak bisa dibaca."))
            return
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.setup.emblem = data
        self._show_emblem(data)

    def _show_emblem(self, data: bytes) -> None:
        picture = QPixmap()
        picture.loadFromData(data)
        self.emblem_preview.setPixmap(picture.scaledToHeight(48, Qt.SmoothTransformation))

    def check(self) -> None:
        s = self.setup
        s.regency_code = self.regency.currentData() or ""
        s.time_zone = self.time_zone.currentData()
        s.office_name, s.address = self.office_name.text(), self.address.toPlainText()
        s.phone, s.email, s.website = self.phone.text(), self.email.text(), self.website.text()
        s.head_name = self.head_name.text()
        first_run.profile_values(s)


class CatalogPage(_CheckedPage):
    def __init__(self, setup: first_run.OfficeSetup):
        super().__init__("Standar pelayanan", "Layanan mana yang dipakai kantor ini. Yang tidak "
                         "dipilih tetap ada di Katalog Layanan, tidak aktif: administrator dapat "
                         "mengaktifkannya kapan saja.")
        self.setup = setup
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for standard in first_run.standards():
            box = QCheckBox(f"{standard.label} ({standard.services} layanan)")
            box.setChecked(standard.source_office in setup.standards)
            self.boxes[standard.source_office] = box
            layout.addWidget(box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for box in self.boxes.values():
            box.toggled.connect(self._summarise)
        self.errors.add("Standar pelayanan", next(iter(self.boxes.values())))
        self._summarise()

    def chosen(self) -> list[str]:
        return [office_name for office_name, box in self.boxes.items() if box.isChecked()]

    def _summarise(self) -> None:
        self.summary.setText("Tidak ada yang dipilih: katalog dimulai kosong, layanan ditambahkan "
                             "sendiri di Katalog Layanan." if not self.chosen() else "")

    def check(self) -> None:
        self.setup.standards = first_run.check_standards(self.chosen())


class AdminPage(_CheckedPage):
    def __init__(self):
        super().__init__("Administrator pertama", "Akun yang membuat akun pegawai lain. Simpan "
                         "kata sandinya baik-baik.")
        self.username = QLineEdit()
        self.username.setPlaceholderText("contoh: admin")
        self.full_name = QLineEdit()
        self.password, self.repeated = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeated):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for field, widget in zip(ADMIN_FIELDS, (self.username, self.full_name, self.password,
                                                self.repeated)):
            form.addRow(f"{field} *", widget)
            self.errors.add(field, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("* wajib diisi. Kata sandi: huruf dan angka, tanpa nama "
                                "pengguna."))
        layout.addWidget(self.message)
        layout.addStretch(1)

    def values(self) -> tuple[str, str, str]:
        return self.username.text(), self.full_name.text(), self.password.text()

    def check(self) -> None:
        first_run.check_admin(*self.values(), self.repeated.text())


class FirstRunWizard(QWizard):
    """exec(): Accepted (the office is set up; `username` to prefill the login), Rejected,
    CHANGE_CONNECTION, or ALREADY_SET_UP (another PC finished first). With an `actor`, an
    administrator's second run: the office and catalog steps only."""

    def __init__(self, database_label: str = "", url: str = "", actor=None, parent=None):
        super().__init__(parent)
        self.actor, self.username = actor, ""
        self.setWindowTitle(("Profil kantor dan katalog" if actor else "Persiapan kantor baru")
                            + " — Pelita")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in ((QWizard.WizardButton.BackButton, "< Kembali"),
                             (QWizard.WizardButton.NextButton, "Lanjut >"),
                             (QWizard.WizardButton.FinishButton, "Simpan"),
                             (QWizard.WizardButton.CancelButton, "Batal")):
            self.setButtonText(button, text)
        self.setup = first_run.OfficeSetup()
        if actor is not None:
            self._load_current()
        else:
            self.addPage(DatabasePage(self, database_label, url))
        self.office_page, self.catalog_page = OfficePage(self.setup), CatalogPage(self.setup)
        self.addPage(self.office_page)
        self.addPage(self.catalog_page)
        self.admin_page = None
        if actor is None:
            self.admin_page = AdminPage()
            self.addPage(self.admin_page)
        self._saving = False
        window_size.fit(self, 720, 620)

    def _load_current(self) -> None:
        profile = office.get_profile()
        s = self.setup
        s.regency_code, s.time_zone = profile.region_code, profile.time_zone
        s.office_name, s.address, s.phone = profile.office_name, profile.address, profile.phone
        s.email, s.website, s.head_name = profile.email, profile.website, profile.head_name
        s.emblem = bytes(profile.emblem) if profile.emblem else None
        s.standards = first_run.chosen_standards()

    def accept(self) -> None:
        """Simpan on the last step: everything written now, in one transaction."""
        if self._saving or not self.validateCurrentPage():  # QWizard checks it in done()
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        if self.actor is not None:
            job = lambda: first_run.reconfigure(self.actor, self.setup)  # noqa: E731
        else:
            values = self.admin_page.values()
            job = lambda: first_run.set_up(self.setup, *values)  # noqa: E731
        workers.run_task(job, self._saved, self._failed)

    def _saved(self, result) -> None:
        self._saving = False
        self.username = getattr(result, "username", "")
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, first_run.AlreadySetUp):
            QMessageBox.information(self, "Persiapan kantor", exc.message)
            self.done(ALREADY_SET_UP)
            return
        message = user_message(exc)
        if message is None:
            raise exc
        page = self.current_page_for(exc)
        while self.currentPage() is not page and self.currentId() > 0:
            self.back()
        page.show_error(exc if isinstance(exc, PelitaError) else PelitaError(message))

    def current_page_for(self, exc: Exception) -> _CheckedPage:
        """The step whose field the error names: the last one for anything else."""
        field = getattr(exc, "field", "")
        if self.admin_page is not None and (field in ADMIN_FIELDS or field not in (
                "Standar pelayanan", *self.office_page.errors.fields)):
            return self.admin_page
        if field == "Standar pelayanan" or field not in self.office_page.errors.fields:
            return self.catalog_page
        return self.office_page
