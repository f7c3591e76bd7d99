"""The raffle in the application detail: what was recorded, the form with its prize list
(totals and the least contribution as staff type), and the hand-over and report."""
import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from desktop.cases.undian import record as raffle
from desktop.errors import PelitaError
from desktop.services.cases.kind import accepts_case_data
from desktop.services.letters import formatting
from desktop.services.shared import timefmt
from desktop.services.shared.validators import rupiah_or_none
from desktop.views.applications.application_table import thousands
from desktop.views.cases.case_form import CasePanel
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import (FieldErrors, date_edit, date_of, dialog_buttons,
                                        error_label, follow_required, required_note, set_date,
                                        submit)
from desktop.views.shared.rich_text import typed_text


def summary(case) -> str:
    if case is None:
        return ("<i>Data undian belum dicatat.</i> Catat penyelenggara, penarikan, hadiah dan "
                "sumbangannya; rekomendasi baru bisa dibuat sesudahnya.")
    total = raffle.prize_total(case)
    lines = [f"<b>{typed_text(case.raffle_name)}</b> · penarikan "
             f"{timefmt.format_date(case.draw_date)} di {typed_text(case.draw_place)}",
             f"Hadiah {formatting.rupiah(total)} ({len(raffle.prizes_of(case))} jenis) · "
             f"sumbangan sosial {formatting.rupiah(case.contribution)} · notaris "
             f"{typed_text(case.notary)}"]
    due = raffle.report_due(case)
    if case.report_received_on:
        late = case.report_received_on > due
        lines.append(f"Laporan diterima {timefmt.format_date(case.report_received_on)}"
                     + (" (<b>terlambat</b>)" if late else " (tepat waktu)"))
    elif due is not None:
        overdue = due < datetime.date.today()
        lines.append(("<b style='color:#9b1c1c'>Laporan terlambat</b>" if overdue
                      else "Laporan ditunggu") + f": batas {timefmt.format_date(due)}")
    return "<br/>".join(lines)


class RafflePanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [("Catat data undian…", lambda: self.open_form(RaffleDialog)),
                                   ("Penyerahan dan laporan…",
                                    lambda: self.open_form(ReportDialog))], parent)
        self.record_button, self.report_button = self.buttons

    def show_record(self, application, case) -> None:
        from desktop.cases.undian import KIND

        self.application, self.case = application, case
        self.label.setText(summary(case))
        may = KIND.can(self.session.user, "record")
        self.record_button.setVisible(may)
        self.record_button.setText("Ubah data undian…" if case else "Catat data undian…")
        self.record_button.setEnabled(accepts_case_data(application))
        self.report_button.setVisible(may and case is not None)


def _money_text(edit: QLineEdit):
    return edit.text().strip()


class RaffleDialog(QDialog):
    PRIZE_COLUMNS = ["Hadiah", "Jumlah", "Harga pasar satuan (Rp)", "Nilai (Rp)"]

    def __init__(self, session, application, case=None, parent=None):
        super().__init__(parent)
        self.session, self.application, self.case = session, application, case
        self.setWindowTitle("Undian gratis berhadiah — Pelita")
        self.resize(760, 640)
        self.organiser = QComboBox()
        for code, label in raffle.ORGANISERS.items():
            self.organiser.addItem(label, code)
        self.founded = date_edit()
        self.name = QLineEdit()
        self.start, self.end = date_edit(optional=False), date_edit(optional=False)
        self.draw = date_edit(optional=False)
        self.place = QLineEdit()
        self.notary = QLineEdit()
        self.prizes = QTableWidget(0, len(self.PRIZE_COLUMNS))
        self.prizes.setHorizontalHeaderLabels(self.PRIZE_COLUMNS)
        self.prizes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.prizes.verticalHeader().hide()
        self.add_prize = QPushButton("Tambah hadiah")
        self.add_prize.clicked.connect(lambda: self.add_row("", 1, ""))
        self.remove_prize = QPushButton("Hapus baris")
        self.remove_prize.clicked.connect(self._remove_row)
        self.total_label = QLabel()
        self.contribution = QLineEdit()
        self.contribution.setPlaceholderText("dalam rupiah, misalnya 2.500.000")
        self.least_label = QLabel()
        self.least_label.setStyleSheet("color: #4b5563;")
        self.deadline_label = QLabel()
        self.deadline_label.setStyleSheet("color: #4b5563;")
        self.deadline_label.setWordWrap(True)
        self.prizes.itemChanged.connect(self._update_totals)
        self.contribution.textChanged.connect(self._update_totals)
        self.draw.dateChanged.connect(self._update_deadline)
        self.organiser.currentIndexChanged.connect(self._follow_organiser)

        form = QFormLayout()
        form.addRow("Penyelenggara:", self.organiser)
        form.addRow("Tanggal berdiri:", self.founded)
        form.addRow("Nama program undian:", self.name)
        form.addRow("Mulai program:", self.start)
        form.addRow("Akhir program:", self.end)
        form.addRow("Tanggal penarikan:", self.draw)
        form.addRow("", self.deadline_label)
        form.addRow("Tempat penarikan:", self.place)
        form.addRow("Notaris:", self.notary)
        prize_buttons = QHBoxLayout()
        prize_buttons.addWidget(self.add_prize)
        prize_buttons.addWidget(self.remove_prize)
        prize_buttons.addStretch(1)
        prize_buttons.addWidget(self.total_label)
        money = QFormLayout()
        money.addRow("Sumbangan sosial:", self.contribution)
        money.addRow("", self.least_label)
        self.error = error_label()
        self.errors = FieldErrors(self.error, {
            "Penyelenggara": self.organiser, "Tanggal berdiri penyelenggara": self.founded,
            "Nama program undian": self.name, "Mulai program": self.start,
            "Akhir program": self.end, "Tanggal penarikan": self.draw,
            "Tempat penarikan": self.place, "Notaris": self.notary,
            "Daftar hadiah": self.prizes, "Sumbangan sosial": self.contribution})
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Daftar hadiah *</b> (harga pasar; hadiah sudah tersedia)"))
        layout.addWidget(self.prizes, 1)
        layout.addLayout(prize_buttons)
        layout.addLayout(money)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.errors.mark_required(raffle.REQUIRED)
        follow_required(self.errors.fields,
                        lambda: raffle.required_fields(self.organiser.currentData()),
                        (raffle.FOUNDED_FIELD,), self.organiser.currentIndexChanged)
        self._fill()

    def _fill(self) -> None:
        case = self.case
        if case is None:
            self.add_row("", 1, "")
        else:
            self.organiser.setCurrentIndex(self.organiser.findData(case.organiser_status))
            set_date(self.founded, case.organiser_founded)
            self.name.setText(case.raffle_name)
            for edit, value in ((self.start, case.period_start), (self.end, case.period_end),
                                (self.draw, case.draw_date)):
                edit.setDate(QDate(value))
            self.place.setText(case.draw_place)
            self.notary.setText(case.notary)
            for prize in raffle.prizes_of(case):
                self.add_row(prize.item, prize.quantity, thousands(prize.value))
            self.contribution.setText(thousands(case.contribution))
        self._follow_organiser()
        self._update_deadline()
        self._update_totals()

    def _follow_organiser(self) -> None:
        self.founded.setEnabled(self.organiser.currentData() == "badan_lain")

    def add_row(self, item: str, quantity: int, value: str) -> None:
        self.prizes.blockSignals(True)
        row = self.prizes.rowCount()
        self.prizes.insertRow(row)
        self.prizes.setItem(row, 0, QTableWidgetItem(item))
        spin = QSpinBox()
        spin.setRange(1, 100000)
        spin.setValue(quantity)
        spin.valueChanged.connect(self._update_totals)
        self.prizes.setCellWidget(row, 1, spin)
        self.prizes.setItem(row, 2, QTableWidgetItem(value))
        total = QTableWidgetItem("")
        total.setFlags(total.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.prizes.setItem(row, 3, total)
        self.prizes.blockSignals(False)
        self._update_totals()

    def _remove_row(self) -> None:
        row = self.prizes.currentRow()
        if row >= 0:
            self.prizes.removeRow(row)
            self._update_totals()

    def prize_rows(self) -> list:
        rows = []
        for row in range(self.prizes.rowCount()):
            item = self.prizes.item(row, 0).text() if self.prizes.item(row, 0) else ""
            value = self.prizes.item(row, 2).text() if self.prizes.item(row, 2) else ""
            quantity = self.prizes.cellWidget(row, 1).value()
            if item.strip() or value.strip():
                rows.append((item, quantity, value))
        return rows

    def _update_totals(self) -> None:
        total = 0
        self.prizes.blockSignals(True)
        for row in range(self.prizes.rowCount()):
            value = rupiah_or_none(self.prizes.item(row, 2).text()) if self.prizes.item(row, 2) \
                else None
            quantity = self.prizes.cellWidget(row, 1).value()
            line = quantity * value if value is not None else None
            total += line or 0
            self.prizes.item(row, 3).setText(formatting.rupiah(line) if line else "")
        self.prizes.blockSignals(False)
        self.total_label.setText(f"Jumlah nilai hadiah: <b>{formatting.rupiah(total)}</b>")
        least = raffle.minimum_contribution(total)
        given = rupiah_or_none(self.contribution.text())
        short = given is not None and given < least
        self.least_label.setText(
            f"Paling sedikit {formatting.rupiah(least)} ({formatting.terbilang_rupiah(least)})"
            + (" — <b style='color:#9b1c1c'>kurang</b>" if short else ""))

    def _update_deadline(self) -> None:
        last = raffle.last_day_to_apply(self.draw.date().toPython())
        received = timefmt.to_local(self.application.received_at).date()
        late = received > last
        self.deadline_label.setText(
            f"Batas pengajuan untuk penarikan ini: {timefmt.format_date(last)} (hari kerja, "
            "kalender kantor)." + (" <b style='color:#9b1c1c'>Permohonan ini terlambat.</b>"
                                   if late else ""))

    def values(self) -> dict:
        return dict(organiser_status=self.organiser.currentData(),
                    organiser_founded=date_of(self.founded), raffle_name=self.name.text(),
                    period_start=date_of(self.start),
                    period_end=date_of(self.end),
                    draw_date=date_of(self.draw), draw_place=self.place.text(),
                    notary=self.notary.text(), prizes=self.prize_rows(),
                    contribution=_money_text(self.contribution))

    def save(self) -> None:
        for number in range(1, self.prizes.rowCount() + 1):  # a row's refusal marks the list
            for field in ("Hadiah", "Jumlah hadiah", "Nilai hadiah"):
                self.errors.add(f"{field} {number}", self.prizes)
        try:
            self.case = submit(lambda: raffle.save(self.session.user, self.application,
                                                   self.case, **self.values()))
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        except Exception as exc:  # noqa: BLE001 (the database refused: the form stays)
            self.error.show()
            self.error.setText(describe(exc, "Data undian belum tersimpan."))
            return
        self.accept()


class ReportDialog(QDialog):
    def __init__(self, session, application, case, parent=None):
        super().__init__(parent)
        self.session, self.application, self.case = session, application, case
        self.setWindowTitle("Penyerahan hadiah dan laporan — Pelita")
        self.setMinimumWidth(520)
        self.handover = date_edit(optional=False)
        self.received = date_edit()
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.note.setPlaceholderText("Berita acara notaris, daftar pemenang, tanda terima, "
                                     "hadiah yang tidak diambil")
        form = QFormLayout()
        form.addRow("Akhir penyerahan hadiah:", self.handover)
        form.addRow("Laporan diterima:", self.received)
        form.addRow("Catatan laporan:", self.note)
        self.error = error_label()
        self.errors = FieldErrors(self.error, {"Akhir penyerahan hadiah": self.handover,
                                               "Tanggal laporan diterima": self.received,
                                               "Catatan laporan": self.note})
        buttons, self.save_button = dialog_buttons(self, "Simpan", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(required_note())
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.errors.mark_required(raffle.REPORT_REQUIRED)
        if case.handover_end:
            self.handover.setDate(QDate(case.handover_end))
        set_date(self.received, case.report_received_on)
        self.note.setPlainText(case.report_note)

    def save(self) -> None:
        try:
            self.case = submit(lambda: raffle.save_report(
                self.session.user, self.application, self.case,
                handover_end=date_of(self.handover), received_on=date_of(self.received),
                note=self.note.toPlainText()))
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        self.accept()
