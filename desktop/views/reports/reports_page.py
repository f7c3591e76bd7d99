"""Laporan: the month's or the year's recap per service (received, completed on time and late,
rejected, withdrawn, still open, median working days), the same applications by channel,
kelurahan, sex and age, and the SPM indicators; to Excel, to PDF and to the printer."""
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.admin import office
from desktop.services.reports import export, recap
from desktop.services.shared import periods, timefmt
from desktop.views.shared import export_runner, paged
from desktop.views.shared.errors import describe
from desktop.views.shared.period import PeriodPicker
from desktop.views.shared.tables import read_only_table
from desktop.views.shell import workers

SERVICE_COLUMNS = ["Bidang", "Layanan", "Diterima", "Tepat waktu", "Terlambat", "Ditolak",
                   "Dicabut", "Diproses", "Tepat waktu (%)", "Median hari kerja"]


def number(value) -> str:
    return f"{value:,}".replace(",", ".")


def share_text(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def median_text(value) -> str:
    return "—" if value is None else f"{float(value):.1f}".replace(".", ",")


def line_cells(line) -> list[str]:
    return [line.category, line.name, number(line.received), number(line.on_time),
            number(line.late), number(line.rejected), number(line.withdrawn), number(line.open),
            share_text(line.on_time_share), median_text(line.median_days)]


def _table(columns, stretch: int = 0):
    model = QStandardItemModel(0, len(columns))
    model.setHorizontalHeaderLabels(columns)
    table = read_only_table(model)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "... (DTKS) Secara Offline"
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return model, table


def _fill(model, rows, bold_last: bool = False) -> None:
    model.removeRows(0, model.rowCount())
    for cells in rows:
        items = [QStandardItem(text) for text in cells]
        for column, item in enumerate(items):
            item.setToolTip(item.text())
            if column >= 2 or len(cells) <= 3 and column >= 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.appendRow(items)
    if bold_last and model.rowCount():
        for column in range(model.columnCount()):
            font = model.item(model.rowCount() - 1, column).font()
            font.setBold(True)
            model.item(model.rowCount() - 1, column).setFont(font)


def recap_html(result, unit: str) -> str:
    """The recap as a printable page (landscape A4): the service table and the SPM figures."""
    esc = html.escape
    widths = {0: "12%", 1: "30%"}
    head = "".join(f"<th width={widths.get(i, '')}>{esc(c)}</th>" if i in widths
                   else f"<th>{esc(c)}</th>" for i, c in enumerate(SERVICE_COLUMNS))
    rows = "".join("<tr>" + "".join(f"<td{' align=right' if i >= 2 else ''}>{esc(v)}</td>"
                                    for i, v in enumerate(line_cells(line))) + "</tr>"
                   for line in result.lines)
    total = "<tr>" + "".join(f"<td{' align=right' if i >= 2 else ''}><b>{esc(v)}</b></td>"
                             for i, v in enumerate(line_cells(result.total))) + "</tr>"
    spm = "".join(f"<tr><td>{esc(label)}</td><td align=right>{number(result.spm.get(code, 0))}"
                  "</td></tr>" for code, label in recap.SPM_INDICATORS.items())
    return (f"<h3>Rekapitulasi Layanan {esc(unit)}</h3>"
            f"<p>{esc(periods.describe(result.start, result.end))} · permohonan yang diterima "
            f"dalam periode, keadaannya per {esc(timefmt.format_local(timefmt.utcnow()))}</p>"
            "<table border=1 cellspacing=0 cellpadding=3 width=100%>"
            f"<thead><tr>{head}</tr></thead>{rows}{total}</table>"
            "<h4>Standar Pelayanan Minimal bidang sosial (PP 2/2018)</h4>"
            "<table border=1 cellspacing=0 cellpadding=3 width=100%>"
            f"<tr><th>Indikator</th><th>Orang dilayani</th></tr>{spm}</table>")


class ReportsPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.result = None
        self.picker = PeriodPicker("bulan")
        self.picker.changed.connect(self.refresh)
        self.buttons = {}
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        for key, text, slot in (("xlsx", "Ekspor Excel…", self.export_recap),
                                ("rows", "Daftar permohonan (Excel)…", self.export_rows),
                                ("pdf", "Simpan PDF…", self.save_pdf),
                                ("print", "Cetak…", self.print_recap)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            top.addWidget(button)
            self.buttons[key] = button
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.services, self.service_table = _table(SERVICE_COLUMNS, stretch=1)
        self.channels, channel_table = _table(["Saluran", "Permohonan"])
        self.areas, area_table = _table(["Kelurahan", "Permohonan"])
        self.people, people_table = _table(["Jenis kelamin"] + [g for g, _ in recap.AGE_GROUPS]
                                           + [recap.UNKNOWN, "Jumlah"])
        self.spm, spm_table = _table(["Indikator SPM bidang sosial (PP 2/2018)",
                                      "Orang dilayani"])
        self.tabs = QTabWidget()
        for table, title in ((self.service_table, "Per layanan"), (channel_table, "Saluran"),
                             (area_table, "Kelurahan"), (people_table, "Jenis kelamin && umur"),
                             (spm_table, "SPM")):
            self.tabs.addTab(table, title)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.picker.period()
        user = self.session.user
        self.status.setText("Memuat rekap…")
        for button in self.buttons.values():
            button.setEnabled(False)
        workers.run_task(lambda: recap.recap(user, start, end), self.show_recap, self.failed)

    def failed(self, exc) -> None:
        self.status.setText(describe(exc, "Rekap tidak bisa dimuat."))

    def show_recap(self, result) -> None:
        self.result = result
        total = result.total
        self.status.setText(
            f"<b>{periods.describe(result.start, result.end)}</b>: {number(total.received)} "
            f"permohonan diterima; {number(total.completed)} selesai, "
            f"{share_text(total.on_time_share)} tepat waktu; median "
            f"{median_text(total.median_days)} hari kerja. Keadaan permohonan per saat ini.")
        _fill(self.services, [line_cells(line) for line in result.lines]
              + [line_cells(total)], bold_last=True)
        _fill(self.channels, [[k, number(v)] for k, v in result.by_channel.items()])
        _fill(self.areas, [[k, number(v)] for k, v in sorted(result.by_kelurahan.items())])
        groups = [g for g, _ in recap.AGE_GROUPS] + [recap.UNKNOWN]
        rows = []
        for sex in ("Laki-laki", "Perempuan", recap.UNKNOWN):
            counts = [result.by_sex_age.get((sex, g), 0) for g in groups]
            if any(counts):
                rows.append([sex] + [number(c) for c in counts] + [number(sum(counts))])
        institutions = result.by_sex_age.get((recap.NO_PERSON, recap.NO_PERSON), 0)
        if institutions:
            rows.append([recap.NO_PERSON] + ["—"] * len(groups) + [number(institutions)])
        _fill(self.people, rows)
        _fill(self.spm, [[label, number(result.spm.get(code, 0))]
                         for code, label in recap.SPM_INDICATORS.items()])
        for button in self.buttons.values():
            button.setEnabled(True)

    def _name(self, what: str, suffix: str) -> str:
        return f"{what}-{self.result.start:%Y%m%d}-{self.result.end:%Y%m%d}{suffix}"

    def export_recap(self) -> None:
        path = export_runner.save_path(self, "Ekspor rekap", self._name("rekap-layanan", ".xlsx"),
                                       "Buku kerja Excel", ".xlsx")
        if path:
            user, result = self.session.user, self.result
            export_runner.run(self, "Ekspor rekap",
                              lambda progress: export.recap_xlsx(user, result, path),
                              lambda _: f"Rekap disimpan ke {path}.")

    def export_rows(self) -> None:
        path = export_runner.save_path(self, "Ekspor daftar permohonan",
                                       self._name("daftar-permohonan", ".xlsx"),
                                       "Buku kerja Excel", ".xlsx")
        if path:
            user, start, end = self.session.user, self.result.start, self.result.end
            export_runner.run(self, "Ekspor daftar permohonan",
                              lambda progress: export.applications_xlsx(user, start, end, path,
                                                                        progress),
                              lambda rows: f"{number(rows)} permohonan disimpan ke {path}.")

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultStyleSheet("body { font-size: 8pt; } th { background: #e8eef9; }")
        document.setHtml(recap_html(self.result, office.unit_name(office.get_profile())))
        return document

    def save_pdf(self) -> None:
        path = export_runner.save_path(self, "Simpan rekap sebagai PDF",
                                       self._name("rekap-layanan", ".pdf"), "Dokumen PDF", ".pdf")
        if not path:
            return
        try:
            pages = paged.pdf_with_progress(self, self.document(), path, "Rekapitulasi layanan")
        except (OSError, PelitaError) as exc:
            self.status.setText(describe(exc, "PDF tidak bisa disimpan."))
            return
        self.status.setText(f"Rekap disimpan sebagai PDF ({pages} halaman): {path}")

    def print_recap(self) -> None:
        printer = paged.ask_printer(self, "Rekapitulasi layanan")
        if printer is None:
            return
        try:
            pages = paged.print_with_progress(self, self.document(), printer, "Mencetak rekap")
        except PelitaError as exc:
            self.status.setText(describe(exc, "Rekap tidak bisa dicetak."))
            return
        self.status.setText(f"{pages} halaman rekap dikirim ke printer.")
