"""Survei Kepuasan: the period's index, grade and respondents against the sample the population
needs, each element's average and each service's result; paper questionnaires typed in one
after another, the kiosk opened for the counter, and the report to Word or Excel."""
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QButtonGroup, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QRadioButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.admin import office
from desktop.services.shared import periods, permissions
from desktop.services.survey import report, skm
from desktop.services.survey.report import decimal_text
from desktop.services.survey.questionnaire import (AGE_RANGE, EDUCATION, ELEMENTS, OCCUPATIONS,
                                                   SEXES)
from desktop.views.cases.case_form import CaseForm, choices_combo, date_field, service_combo
from desktop.views.shared import export_runner
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import clear_choice, date_of, submit
from desktop.views.shared.period import PeriodPicker
from desktop.views.shared.tables import read_only_table

SERVICE_COLUMNS = ["Layanan", "Responden", "Dilayani", "Sampel minimal", "IKM", "Mutu",
                   "Unsur terendah"]
WEAK = QColor("#fdecea")


def summary_html(result: skm.Result, period_text: str) -> str:
    if not result.respondents:
        return (f"<b>{period_text}</b>: belum ada kuesioner. Ketik kuesioner kertas atau buka "
                "kiosk di loket.")
    lowest = result.lowest
    sample_text = (f"{result.respondents} responden; sampel minimal {result.required} untuk "
                   f"{result.population} orang yang dilayani (PermenPANRB 14/2017, tabel "
                   "Krejcie-Morgan)")
    if result.below_sample:
        sample_text += " — <span style='color:#a93226'><b>di bawah sampel minimal</b></span>"
    return (f"<span style='font-size:16pt'><b>IKM {decimal_text(result.index)}</b> — mutu "
            f"<b>{result.grade}</b> ({result.grade_words})</span><br/>{period_text} · "
            f"{sample_text}<br/>Unsur terendah: <b>{skm.field_of(lowest)}</b> "
            f"({decimal_text(result.averages[lowest.code], 3)})")


class SurveyPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.kiosk = None
        self.picker = PeriodPicker("tahun")
        self.picker.changed.connect(self.refresh)
        self.paper_button = QPushButton("Ketik kuesioner kertas…")
        self.kiosk_button = QPushButton("Buka kiosk…")
        can_record = permissions.can(session.user, "survey.record")
        for button, slot in ((self.paper_button, self.type_paper),
                             (self.kiosk_button, self.open_kiosk)):
            button.setVisible(can_record)
            button.clicked.connect(slot)
        self.word_button = QPushButton("Laporan Word…")
        self.excel_button = QPushButton("Ekspor Excel…")
        self.word_button.clicked.connect(self.export_word)
        self.excel_button.clicked.connect(self.export_excel)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        for button in (self.paper_button, self.kiosk_button, self.word_button,
                       self.excel_button):
            top.addWidget(button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a93226;")
        self.elements = QStandardItemModel(0, 3, self)
        self.elements.setHorizontalHeaderLabels(["Unsur", "Nilai rata-rata", "Jumlah nilai"])
        self.element_table = read_only_table(self.elements)
        self.element_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.services = QStandardItemModel(0, len(SERVICE_COLUMNS), self)
        self.services.setHorizontalHeaderLabels(SERVICE_COLUMNS)
        self.service_table = read_only_table(self.services)
        self.service_table.setWordWrap(False)
        self.service_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.service_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        header.setSectionResizeMode(len(SERVICE_COLUMNS) - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(len(SERVICE_COLUMNS) - 1, 150)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.element_table)
        splitter.addWidget(self.service_table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.picker.period()
        try:
            unit = skm.result(self.session.user, start, end)
            per_service = skm.by_service(self.session.user, start, end)
        except PelitaError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        self.summary.setText(summary_html(unit, periods.describe(start, end)))
        self.elements.removeRows(0, self.elements.rowCount())
        for element in ELEMENTS:
            average = unit.averages.get(element.code)
            cells = [skm.field_of(element), decimal_text(average, 3) if average else "—",
                     str(unit.sums[element.code])]
            row = [QStandardItem(text) for text in cells]
            if unit.lowest is not None and element.code == unit.lowest.code:
                for item in row:
                    item.setBackground(WEAK)
            self.elements.appendRow(row)
        self.services.removeRows(0, self.services.rowCount())
        for service, result in per_service:
            cells = [service.name, str(result.respondents), str(result.population),
                     str(result.required),
                     decimal_text(result.index) if result.index is not None else "—",
                     result.grade or "—", skm.field_of(result.lowest) if result.lowest else "—"]
            row = [QStandardItem(text) for text in cells]
            row[0].setToolTip(f"{service.name} ({service.source_office})")
            if result.below_sample:
                row[1].setToolTip("Di bawah sampel minimal")
                row[1].setForeground(QColor("#a93226"))
            if result.grade in ("C", "D"):
                for item in row:
                    item.setBackground(WEAK)
            row[-1].setToolTip(row[-1].text())
            self.services.appendRow(row)

    def _file_name(self, suffix: str) -> str:
        start, end = self.picker.period()
        return f"laporan-skm-{start:%Y%m%d}-{end:%Y%m%d}{suffix}"

    def export_word(self) -> None:
        path = export_runner.save_path(self, "Simpan laporan SKM", self._file_name(".docx"),
                                       "Dokumen Word", ".docx")
        if path:
            user, (start, end) = self.session.user, self.picker.period()
            export_runner.run(self, "Laporan SKM",
                              lambda progress: Path(path).write_bytes(
                                  report.docx(user, start, end)),
                              lambda _: f"Laporan SKM disimpan ke {path}.")

    def export_excel(self) -> None:
        path = export_runner.save_path(self, "Ekspor hasil SKM", self._file_name(".xlsx"),
                                       "Buku kerja Excel", ".xlsx")
        if path:
            user, (start, end) = self.session.user, self.picker.period()
            export_runner.run(self, "Ekspor hasil SKM",
                              lambda progress: report.xlsx(user, start, end, path),
                              lambda _: f"Hasil SKM disimpan ke {path}.")

    def type_paper(self) -> None:
        PaperDialog(self.session, self).exec()
        self.refresh()

    def open_kiosk(self) -> None:
        from desktop.views.survey.kiosk import KioskWindow

        if self.kiosk is not None:
            self.kiosk.raise_()
            return
        dialog = KioskSetupDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        profile = office.get_profile()
        self.kiosk = KioskWindow(self.session, dialog.chosen(), office.unit_name(profile))
        lock = getattr(self.window(), "idle_lock", None)
        if lock is not None:
            lock.spare(self.kiosk)
        self.kiosk.closed.connect(self._kiosk_closed)
        self.kiosk.show_on_counter_screen()

    def stop(self) -> None:
        """The main window closes: a kiosk open under this user's account closes with it."""
        if self.kiosk is not None:
            self.kiosk.end()

    def _kiosk_closed(self) -> None:
        lock = getattr(self.window(), "idle_lock", None)
        if lock is not None:
            lock.spare(self.kiosk, False)
        self.kiosk = None
        self.refresh()


class KioskSetupDialog(CaseForm):
    """Which services the kiosk offers: one (the counter's) or every active service."""

    def __init__(self, parent=None):
        super().__init__("Buka kiosk survei", parent, width=520)
        self.save_button.setText("Buka kiosk")
        self.service = self.row("Layanan", service_combo("Semua layanan (responden memilih)"))
        note = QLabel("Kiosk tampil layar penuh di monitor terakhir (monitor kedua loket bila "
                      "ada). Menutupnya memerlukan kata sandi Anda.")
        note.setWordWrap(True)
        self.form.addRow(note)

    def chosen(self) -> list[tuple[int, str]]:
        from desktop.services.catalog import service_catalog

        if self.service.currentData() is not None:
            return [(self.service.currentData(), self.service.currentText())]
        return [(s.id, s.name) for s in service_catalog.list_services(include_inactive=False)]

    def save(self) -> None:
        self.accept()


class ScoreRow(QWidget):
    """One element's four answers as radio buttons, as the paper questionnaire prints them."""

    def __init__(self, element):
        super().__init__()
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for score, words in enumerate(element.answers, start=1):
            button = QRadioButton(f"{score} {words}")
            self.group.addButton(button, score)
            row.addWidget(button)
        row.addStretch(1)

    def value(self):
        return self.group.checkedId() if self.group.checkedId() > 0 else None

    def clear(self) -> None:
        clear_choice(self.group)


class PaperDialog(CaseForm):
    """Paper questionnaires typed in one after another: each saved clears the answers and
    keeps the service and date, for the next sheet of the stack."""

    def __init__(self, session, parent=None):
        super().__init__("Kuesioner SKM dari kertas", parent, width=1080)
        self.session = session
        self.saved = 0
        self.save_button.setText("Simpan, isi berikutnya")
        self.service = self.row("Layanan", service_combo())
        self.day = self.row("Tanggal pengisian", date_field())
        self.rows = {}
        for element in ELEMENTS:
            self.rows[element.code] = self.row(skm.field_of(element), ScoreRow(element))
        self.age = self.row("Umur", QSpinBox())
        self.age.setRange(AGE_RANGE[0] - 1, AGE_RANGE[1])
        self.age.setSpecialValueText("—")
        self.age.setValue(self.age.minimum())
        self.sex = self.row("Jenis kelamin", choices_combo({"": "—", **SEXES}))
        self.education = self.row("Pendidikan", choices_combo({"": "—", **EDUCATION}))
        self.occupation = self.row("Pekerjaan", choices_combo({"": "—", **OCCUPATIONS}))
        self.count = QLabel()
        self.body.insertWidget(1, self.count)

    def save(self) -> None:
        self.errors.clear()
        try:
            submit(lambda: skm.record(
                self.session.user, service_id=self.service.currentData(),
                responded_on=date_of(self.day),
                scores={code: row.value() for code, row in self.rows.items()},
                age=self.age.value() if self.age.value() >= AGE_RANGE[0] else None,
                sex=self.sex.currentData(), education=self.education.currentData(),
                occupation=self.occupation.currentData()))
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        except Exception as exc:  # noqa: BLE001 (the database refused: the sheet stays)
            self.error.show()
            self.error.setText(describe(exc, "Belum tersimpan."))
            return
        self.saved += 1
        for button in self.findChildren(QPushButton):
            if button.text() == "Batal":  # sheets are saved: closing is finishing, not undoing
                button.setText("Selesai")
        for row in self.rows.values():
            row.clear()
        self.age.setValue(self.age.minimum())
        for combo in (self.sex, self.education, self.occupation):
            combo.setCurrentIndex(0)
        self.error.show()
        self.errors.success(f"Tersimpan. {self.saved} kuesioner diketik dalam sesi ini; "
                            "lanjutkan dengan lembar berikutnya, atau tutup bila selesai.")
        self.rows[ELEMENTS[0].code].setFocus()
