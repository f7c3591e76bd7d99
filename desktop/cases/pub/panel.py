"""The PUB in the application detail: what was recorded, who issues, the reports owed with
their state; the form (with the exemptions explained), the one extension and each report."""
import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QWidget)

from desktop.cases.pub import record as pub
from desktop.services.admin import settings
from desktop.services.cases.kind import accepts_case_data
from desktop.services.letters import formatting
from desktop.services.shared import timefmt
from desktop.services.shared.validators import rupiah_or_none
from desktop.views.applications.application_table import thousands
from desktop.views.cases.case_form import CaseForm, CasePanel
from desktop.views.shared.forms import date_edit, date_of, follow_required
from desktop.views.shared.rich_text import typed_text

STATE_COLOURS = {"tertunggak": "#9b1c1c", "terlambat": "#7a4b00", "diterima": "#1e6b35",
                 "ditunggu": "#4b5563"}


def summary(case, issued: bool = True) -> str:
    if case is None:
        return ("<i>Data pengumpulan belum dicatat.</i> Catat penyelenggara, tujuan, cara, "
                "wilayah, target, biaya dan jangka waktunya.")
    today = datetime.date.today()
    lines = [f"<b>{typed_text(case.purpose)}</b>",
             f"{pub.GOODS[case.goods]} · target {formatting.rupiah(case.target)} · biaya "
             f"{pub.cost_percent(case):g}%" + (" (bencana)" if case.disaster else ""),
             f"{pub.AREAS[case.area_level][0]}: izin oleh {pub.AREAS[case.area_level][1]}",
             f"{timefmt.format_date(case.period_start)} s.d. "
             f"{timefmt.format_date(case.period_end)}"
             + (f", diperpanjang s.d. {timefmt.format_date(case.extension_end)}"
                if case.extension_end else "")]
    if not issued:
        lines.append("<span style='color:#666'>Laporan diwajibkan setelah izin atau "
                     "rekomendasinya terbit.</span>")
    for due in pub.dues(case) if issued else ():
        state = due.state(today)
        lines.append(f"Laporan {'akhir' if due.final else '3 bulanan'} s.d. "
                     f"{timefmt.format_date(due.due_on)}: <span style='color:"
                     f"{STATE_COLOURS[state]}'>{pub.REPORT_STATES[state]}</span> (batas "
                     f"{timefmt.format_date(due.deadline())})")
    return "<br/>".join(lines)


class CollectionPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Catat data pengumpulan…", lambda: self.open_form(CollectionDialog)),
            ("Perpanjangan…", lambda: self.open_form(ExtensionDialog)),
            ("Catat laporan…", lambda: self.open_form(ReportDialog))], parent)
        self.record_button, self.extend_button, self.report_button = self.buttons

    def show_record(self, application, case) -> None:
        from desktop.cases.pub import KIND

        self.application, self.case = application, case
        issued = case is not None and pub.is_issued(application)
        self.label.setText(summary(case, issued))
        may = KIND.can(self.session.user, "record")
        self.record_button.setVisible(may)
        self.record_button.setText("Ubah data pengumpulan…" if case else
                                   "Catat data pengumpulan…")
        self.record_button.setEnabled(accepts_case_data(application))
        self.extend_button.setVisible(may and case is not None and case.extension_end is None)
        self.report_button.setVisible(may and issued and any(
            d.report is None for d in pub.dues(case)))


def _combo(choices: dict) -> QComboBox:
    combo = QComboBox()
    for code, label in choices.items():
        combo.addItem(label if isinstance(label, str) else label[0], code)
    return combo


class CollectionDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Pengumpulan uang atau barang", parent)
        self.session, self.application, self.case = session, application, case
        exemptions = QLabel(pub.EXEMPTIONS)
        exemptions.setWordWrap(True)
        exemptions.setStyleSheet("color: #4b5563;")
        self.body.insertWidget(0, exemptions)
        self.organiser = self.row("Bentuk penyelenggara", _combo(pub.ORGANISERS))
        self.legal = self.row("Nomor SK badan hukum", QLineEdit())
        self.goods = self.row("Jenis sumbangan", _combo(pub.GOODS))
        self.disaster = self.row("", QCheckBox("Untuk korban bencana (batas biaya tidak "
                                               "berlaku)"), "Bencana")
        self.purpose = self.row("Tujuan pengumpulan", QPlainTextEdit())
        self.purpose.setFixedHeight(54)
        methods = QWidget()
        grid = QGridLayout(methods)
        grid.setContentsMargins(0, 0, 0, 0)
        self.methods = {}
        for i, (code, label) in enumerate(pub.METHODS.items()):
            self.methods[code] = QCheckBox(label)
            grid.addWidget(self.methods[code], i // 3, i % 3)
        self.methods_box = self.row("Cara pengumpulan", methods)
        self.area = self.row("Wilayah pengumpulan", _combo(pub.AREAS))
        self.issuer = QLabel()
        self.issuer.setStyleSheet("color: #4b5563;")
        self.form.addRow("", self.issuer)
        self.area_names = self.row("Nama wilayah", QPlainTextEdit())
        self.area_names.setFixedHeight(48)
        self.bank = self.row("Rekening", QLineEdit())
        self.target = self.row("Target hasil", QLineEdit())
        self.cost = self.row("Rencana biaya", QLineEdit(), "Rencana biaya")
        self.cost_hint = QLabel()
        self.form.addRow("", self.cost_hint)
        self.start = self.row("Mulai pengumpulan", date_edit(optional=False))
        self.end = self.row("Akhir pengumpulan", date_edit(optional=False))
        for edit in (self.target, self.cost):
            edit.setPlaceholderText("rupiah, misalnya 25.000.000")
            edit.textChanged.connect(self._update_costs)
        self.disaster.toggled.connect(self._update_costs)
        self.area.currentIndexChanged.connect(self._update_issuer)
        self.start.dateChanged.connect(self._suggest_end)
        self.mark_required(pub.REQUIRED)
        follow_required(self.errors.fields,
                        lambda: pub.required_fields(self.area.currentData()),
                        ("Nama wilayah",), self.area.currentIndexChanged)
        self._fill()

    def _fill(self) -> None:
        case = self.case
        if case is None:
            self._suggest_end()
        else:
            self.organiser.setCurrentIndex(self.organiser.findData(case.organiser_form))
            self.legal.setText(case.legal_number)
            self.goods.setCurrentIndex(self.goods.findData(case.goods))
            self.disaster.setChecked(case.disaster)
            self.purpose.setPlainText(case.purpose)
            for code in case.methods.strip(",").split(","):
                if code in self.methods:
                    self.methods[code].setChecked(True)
            self.area.setCurrentIndex(self.area.findData(case.area_level))
            self.area_names.setPlainText(case.area_names)
            self.bank.setText(case.bank_account)
            self.target.setText(thousands(case.target))
            self.cost.setText(thousands(case.planned_cost))
            self.start.setDate(QDate(case.period_start))
            self.end.setDate(QDate(case.period_end))
        self._update_issuer()
        self._update_costs()

    def _suggest_end(self) -> None:
        if not self.start.date().isValid():
            return  # being typed
        start = self.start.date().toPython()
        self.end.setDate(QDate(pub.last_day_of_months(start, settings.value(pub.PERIOD_MONTHS))))

    def _update_issuer(self) -> None:
        self.issuer.setText(f"Izin diterbitkan oleh {pub.AREAS[self.area.currentData()][1]}.")

    def _update_costs(self) -> None:
        target, cost = rupiah_or_none(self.target.text()), rupiah_or_none(self.cost.text())
        most = settings.value(pub.COST_PERCENT)
        if not target:
            self.cost_hint.setText(f"Paling banyak {most}% dari target hasil.")
            return
        text = f"Paling banyak {formatting.rupiah(target * most // 100)} ({most}%)"
        if cost is not None:
            percent = round(cost * 100 / target, 1)
            over = percent > most and not self.disaster.isChecked()
            text += f" · rencana {percent:g}%" + (" — <b style='color:#9b1c1c'>melebihi</b>"
                                                  if over else "")
        self.cost_hint.setText(text)

    def values(self) -> dict:
        return dict(organiser_form=self.organiser.currentData(), legal_number=self.legal.text(),
                    goods=self.goods.currentData(), disaster=self.disaster.isChecked(),
                    purpose=self.purpose.toPlainText(),
                    methods=[c for c, box in self.methods.items() if box.isChecked()],
                    area_level=self.area.currentData(),
                    area_names=self.area_names.toPlainText(), bank_account=self.bank.text(),
                    target=self.target.text(), planned_cost=self.cost.text(),
                    period_start=date_of(self.start),
                    period_end=date_of(self.end))

    def save(self) -> None:
        self.attempt(lambda: pub.save(self.session.user, self.application, self.case,
                                      **self.values()))


class ExtensionDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Perpanjangan izin PUB", parent)
        self.session, self.application, self.case = session, application, case
        self.until = self.row("Perpanjangan sampai", date_edit(optional=False))
        self.until.setDate(QDate(pub.last_day_of_months(
            case.period_end + datetime.timedelta(days=1), settings.value(pub.EXTENSION_MONTHS))))
        note = QLabel("Izin dapat diperpanjang satu kali.")
        note.setStyleSheet("color: #4b5563;")
        self.form.addRow("", note)
        self.mark_required(pub.EXTENSION_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: pub.extend(self.session.user, self.application, self.case,
                                        date_of(self.until)))


class ReportDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Laporan pengumpulan", parent)
        self.session, self.application, self.case = session, application, case
        self.due = self.row("Laporan untuk", QComboBox())
        final = {}
        for due in pub.dues(case):
            final[due.due_on] = due.final
            if due.report is None:
                self.due.addItem(f"{'Laporan akhir' if due.final else 'Laporan 3 bulanan'} "
                                 f"s.d. {timefmt.format_date(due.due_on)}", due.due_on)
        self.received = self.row("Tanggal laporan diterima", date_edit(optional=False))
        self.collected = self.row("Hasil terkumpul", QLineEdit())
        self.costs = self.row("Biaya", QLineEdit())
        self.distributed = self.row("Disalurkan", QLineEdit())
        self.recipients = self.row("Penerima", QPlainTextEdit())
        self.recipients.setFixedHeight(60)
        self.auditor = self.row("Akuntan publik", QLineEdit())
        self.auditor.setPlaceholderText("wajib bila hasil di atas batas audit (laporan akhir)")
        self.mark_required(pub.REPORT_REQUIRED)
        # A final report collecting over the audit threshold names its public accountant.
        follow_required(self.errors.fields, lambda: pub.report_required(
            final.get(self.due.currentData(), False), self.collected.text()),
            ("Akuntan publik",), self.due.currentIndexChanged, self.collected.textChanged)

    def save(self) -> None:
        self.attempt(lambda: pub.record_report(
            self.session.user, self.application, self.case, due_on=self.due.currentData(),
            received_on=date_of(self.received), collected=self.collected.text(),
            costs=self.costs.text(), distributed=self.distributed.text(),
            recipients=self.recipients.toPlainText(), auditor=self.auditor.text()))
