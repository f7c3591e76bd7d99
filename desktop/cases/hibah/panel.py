"""The grant recommendation in the application detail: who asks, the proposal, its budget
lines, the verification; the forms for the proposal and for the visit."""
import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem)

from desktop.cases.hibah import record as grant
from desktop.services.cases.kind import accepts_case_data
from desktop.services.letters import formatting
from desktop.services.lks import lks_records, registrations
from desktop.services.shared import timefmt
from desktop.services.shared.validators import rupiah_or_none
from desktop.views.applications.application_table import thousands
from desktop.views.cases.case_form import CaseForm, CasePanel
from desktop.views.shared.forms import date_edit, date_of, follow_required, set_date
from desktop.views.shared.rich_text import typed_text


def summary(case) -> str:
    if case is None:
        return ("<i>Proposal hibah belum dicatat.</i> Catat pemohonnya (LKS terdaftar atau "
                "badan hukum), tahun anggaran, jumlah dan rinciannya.")
    if case.lks_id:
        state = registrations.state_of(case.lks.registered_until, case.lks.revoked,
                                       datetime.date.today())
        who = (f"LKS {typed_text(case.lks.organisation.name)} (Tanda Daftar "
               f"{registrations.STATES[state].lower()})")
    else:
        who = f"badan hukum SK {typed_text(case.legal_number)}"
    lines = [f"<b>{formatting.rupiah(case.requested)}</b> untuk {typed_text(case.purpose)} · "
             f"TA {case.budget_year} · {who}",
             " · ".join(f"{typed_text(line)} {formatting.rupiah(amount)}"
                        for line, amount in grant.lines_of(case))]
    if case.visit_date:
        lines.append(f"Verifikasi {timefmt.format_date(case.visit_date)}: "
                     f"<b>{grant.RESULTS[case.visit_result]}</b>"
                     + (f", direkomendasikan {formatting.rupiah(case.recommended)}"
                        if case.recommended else ""))
    else:
        lines.append("<span style='color:#666'>Verifikasi lapangan belum dicatat.</span>")
    return "<br/>".join(lines)


class GrantPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [("Catat proposal…", lambda: self.open_form(ProposalDialog)),
                                   ("Catat verifikasi…",
                                    lambda: self.open_form(VerificationDialog))], parent)
        self.proposal_button, self.visit_button = self.buttons

    def show_record(self, application, case) -> None:
        from desktop.cases.hibah import KIND

        self.application, self.case = application, case
        self.label.setText(summary(case))
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        self.proposal_button.setVisible(may)
        self.proposal_button.setText("Ubah proposal…" if case else "Catat proposal…")
        self.proposal_button.setEnabled(open_)
        self.visit_button.setVisible(may and case is not None)
        self.visit_button.setEnabled(open_)


class ProposalDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Proposal hibah", parent, width=600)
        self.session, self.application, self.case = session, application, case
        own = lks_records.of_organisation(session.user, application.organisation_id)
        self.applicant = self.row("Pemohon", QComboBox(), "LKS")
        if own is not None:
            self.applicant.addItem(f"LKS terdaftar: {own.organisation.name}", own.id)
        self.applicant.addItem("Badan hukum yang bukan LKS terdaftar", None)
        self.legal = self.row("Nomor SK badan hukum", QLineEdit())
        self.since = self.row("Berdomisili sejak", date_edit())
        self.year = self.row("Tahun anggaran", QSpinBox())
        this_year = datetime.date.today().year
        self.year.setRange(this_year - 1, this_year + 2)
        self.year.setValue(this_year + 1)
        self.purpose = self.row("Peruntukan hibah", QPlainTextEdit())
        self.purpose.setFixedHeight(54)
        self.requested = self.row("Jumlah yang diajukan", QLineEdit())
        self.lines = QTableWidget(0, 2)
        self.lines.setHorizontalHeaderLabels(["Rincian anggaran", "Jumlah (Rp)"])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.errors.add("Rincian anggaran", self.lines)
        add = QPushButton("Tambah rincian")
        add.clicked.connect(lambda: self.add_line("", ""))
        self.total = QLabel()
        self.lines.itemChanged.connect(self._update_total)
        self.requested.textChanged.connect(self._update_total)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(self.total)
        self.body.insertWidget(1, self.lines)
        self.body.insertLayout(2, row)
        help_text = QLabel(grant.DOMICILE_YEARS.help)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #4b5563;")
        self.body.insertWidget(3, help_text)
        self.applicant.currentIndexChanged.connect(self._follow_applicant)
        if case is not None:
            self.applicant.setCurrentIndex(max(self.applicant.findData(case.lks_id), 0))
            self.legal.setText(case.legal_number)
            set_date(self.since, case.domiciled_since)
            self.year.setValue(case.budget_year)
            self.purpose.setPlainText(case.purpose)
            self.requested.setText(thousands(case.requested))
            for line, amount in grant.lines_of(case):
                self.add_line(line, thousands(amount))
        else:
            self.add_line("", "")
        self._follow_applicant()
        self.mark_required(grant.REQUIRED)
        follow_required(self.errors.fields,
                        lambda: grant.required_fields(self.applicant.currentData()),
                        grant.LEGAL_ENTITY_REQUIRED, self.applicant.currentIndexChanged)

    def _follow_applicant(self) -> None:
        other = self.applicant.currentData() is None
        self.legal.setEnabled(other)
        self.since.setEnabled(other)

    def add_line(self, line: str, amount: str) -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        self.lines.setItem(row, 0, QTableWidgetItem(line))
        self.lines.setItem(row, 1, QTableWidgetItem(amount))

    def budget_lines(self) -> list:
        rows = []
        for row in range(self.lines.rowCount()):
            line, amount = (self.lines.item(row, c).text() if self.lines.item(row, c) else ""
                            for c in (0, 1))
            if line.strip() or amount.strip():
                rows.append((line, amount))
        return rows

    def _update_total(self) -> None:
        total = 0
        for _, amount in self.budget_lines():
            total += rupiah_or_none(amount) or 0
        self.total.setText(f"Jumlah rincian: <b>{formatting.rupiah(total)}</b>")

    def save(self) -> None:
        for number in range(1, self.lines.rowCount() + 1):  # a line's refusal marks the list
            self.errors.add(f"Rincian {number}", self.lines)
            self.errors.add(f"Jumlah rincian {number}", self.lines)
        self.attempt(lambda: grant.save(
            self.session.user, self.application, self.case, lks_id=self.applicant.currentData(),
            legal_number=self.legal.text(), domiciled_since=date_of(self.since),
            budget_year=self.year.value(), requested=self.requested.text(),
            purpose=self.purpose.toPlainText(), budget_lines=self.budget_lines()))


class VerificationDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Verifikasi lapangan hibah", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.date = self.row("Tanggal verifikasi", date_edit(optional=False))
        self.result = self.row("Hasil verifikasi", QComboBox())
        for code, label in grant.RESULTS.items():
            self.result.addItem(label, code)
        self.note = self.row("Catatan verifikasi", QPlainTextEdit())
        self.note.setFixedHeight(70)
        self.amount = self.row("Jumlah yang direkomendasikan", QLineEdit())
        self.amount.setText(thousands(case.requested))
        self.result.currentIndexChanged.connect(
            lambda: self.amount.setEnabled(self.result.currentData() == "layak"))
        if case.visit_date:
            self.date.setDate(QDate(case.visit_date))
            self.result.setCurrentIndex(self.result.findData(case.visit_result))
            self.note.setPlainText(case.visit_note)
            if case.recommended:
                self.amount.setText(thousands(case.recommended))
        self.mark_required(grant.VISIT_REQUIRED)
        follow_required(self.errors.fields,
                        lambda: grant.visit_required(self.result.currentData()),
                        ("Jumlah yang direkomendasikan",), self.result.currentIndexChanged)

    def save(self) -> None:
        self.attempt(lambda: grant.save_visit(
            self.session.user, self.application, self.case,
            visit_date=date_of(self.date), result=self.result.currentData(),
            note=self.note.toPlainText(), recommended=self.amount.text()))
