"""ATENSI in the application detail: the beneficiary's year and cluster, the plan per
component against what was delivered, each assistance; the kepala's determination, the
social worker's plan and deliveries."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget,
                               QTableWidgetItem)

from desktop.cases.atensi import record as atensi
from desktop.services.cases.kind import accepts_case_data
from desktop.services.letters import formatting
from desktop.services.shared import timefmt
from desktop.views.cases.case_form import (CaseForm, CasePanel, choices_combo, date_field,
                                           fill_rows, office_now, record_table, select)
from desktop.views.shared.forms import date_of, follow_required
from desktop.views.shared.rich_text import typed_text


def summary(case, plans, given) -> str:
    if case is None:
        return ("<i>Belum ditetapkan.</i> Kepala menetapkan penerima manfaat ATENSI tahun "
                "anggaran ini dari data PMKS (lanjut usia terlantar, penyandang disabilitas).")
    lines = [f"<b>Tahun anggaran {case.budget_year}</b> · {atensi.CLUSTERS[case.cluster]} · "
             f"data PMKS {typed_text(case.pmks_reference)} · ditetapkan "
             f"{typed_text(case.determined_by)} {timefmt.format_date(case.determined_on)}"]
    if case.condition:
        lines.append(f"<b>Kondisi:</b> {typed_text(case.condition)}")
    delivered = {}
    for d in given:
        delivered.setdefault(d.component, []).append(d)
    if plans:
        lines.append("<b>Rencana dan realisasi:</b>")
        for p in plans:
            done = delivered.get(p.component, [])
            money = sum(d.amount or 0 for d in done)
            lines.append(f"&nbsp;&nbsp;{atensi.COMPONENTS[p.component]}: rencana "
                         f"{formatting.rupiah(p.amount) if p.amount else '-'}"
                         + (f" ({typed_text(p.note)})" if p.note else "")
                         + f" · {len(done)} kali diberikan"
                         + (f", {formatting.rupiah(money)}" if money else ""))
    else:
        lines.append("<b>Rencana:</b> <span style='color:#666'>belum disusun</span>")
    return "<br/>".join(lines)


class AtensiPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Tetapkan penerima…", lambda: self.open_form(DetermineDialog)),
            ("Rencana tahunan…", lambda: self.open_form(PlanDialog)),
            ("Catat layanan…", lambda: self.open_form(DeliveryDialog))], parent)
        self.table = record_table(["Tanggal", "Komponen", "Bentuk layanan", "Petugas"], 140)
        self.layout().addWidget(self.table)

    def show_record(self, application, case) -> None:
        from desktop.cases.atensi import KIND

        self.application, self.case = application, case
        plans = atensi.plans_of(application.id) if case else []
        given = atensi.deliveries_of(application.id) if case else []
        self.label.setText(summary(case, plans, given))
        fill_rows(self.table, [[timefmt.format_date(d.delivered_on),
                                atensi.COMPONENTS[d.component], atensi.delivery_text(d),
                                d.delivered_by] for d in given])
        self.table.setVisible(bool(given))
        open_ = accepts_case_data(application)
        determine, plan, deliver = self.buttons
        determine.setText("Ubah penetapan…" if case else "Tetapkan penerima…")
        determine.setVisible(KIND.can(self.session.user, "determine"))
        for button in (plan, deliver):
            button.setVisible(KIND.can(self.session.user, "record") and case is not None)
        for button in self.buttons:
            button.setEnabled(open_)


class DetermineDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Penetapan penerima ATENSI", parent, width=560)
        self.session, self.application, self.case = session, application, case
        self.year = self.row("Tahun anggaran", QSpinBox())
        self.year.setRange(2000, 2100)
        self.year.setValue(case.budget_year if case else office_now().year)
        self.cluster = self.row("Klaster", choices_combo(atensi.CLUSTERS))
        self.pmks = self.row("Nomor data PMKS", QLineEdit(case.pmks_reference if case else ""))
        self.condition = self.row("Kondisi", QPlainTextEdit(case.condition if case else ""))
        self.condition.setFixedHeight(70)
        if case is not None:
            select(self.cluster, case.cluster)
        self.mark_required(atensi.DETERMINE_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: atensi.determine(
            self.session.user, self.application, self.case, budget_year=self.year.value(),
            cluster=self.cluster.currentData(), pmks_reference=self.pmks.text(),
            condition=self.condition.toPlainText()))


class PlanDialog(CaseForm):
    """One row per component: a planned rupiah value and what is planned; empty rows are
    not part of the plan."""

    def __init__(self, session, application, case, parent=None):
        super().__init__(f"Rencana ATENSI {case.budget_year}", parent, width=760)
        self.session, self.application, self.case = session, application, case
        self.grid = QTableWidget(len(atensi.COMPONENTS), 3)
        self.grid.setHorizontalHeaderLabels(["Komponen", "Rencana (Rp)", "Keterangan"])
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setMinimumHeight(290)
        existing = {p.component: p for p in atensi.plans_of(application.id)}
        for row, (code, label) in enumerate(atensi.COMPONENTS.items()):
            name = QTableWidgetItem(label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.grid.setItem(row, 0, name)
            plan = existing.get(code)
            self.grid.setItem(row, 1, QTableWidgetItem(
                formatting.rupiah(plan.amount).replace("Rp ", "").replace(",00", "")
                if plan and plan.amount else ""))
            self.grid.setItem(row, 2, QTableWidgetItem(plan.note if plan else ""))
        self.row("", self.grid, "Komponen")
        for label in atensi.COMPONENTS.values():  # a row's refusal marks the grid
            self.errors.add(f"Rencana {label.lower()}", self.grid)
            self.errors.add(f"Keterangan {label.lower()}", self.grid)

    def rows(self) -> list:
        found = []
        for row, code in enumerate(atensi.COMPONENTS):
            amount, note = (self.grid.item(row, c).text().strip() for c in (1, 2))
            if amount or note:
                found.append((code, amount or 0, note))
        return found

    def save(self) -> None:
        self.attempt(lambda: atensi.save_plan(self.session.user, self.application, self.case,
                                              self.rows()))


class DeliveryDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Layanan ATENSI", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.component = self.row("Komponen", choices_combo(atensi.COMPONENTS))
        self.delivered_on = self.row("Tanggal layanan", date_field())
        self.items = self.row("Bentuk layanan", QPlainTextEdit())
        self.items.setFixedHeight(60)
        self.items.setPlaceholderText("barang yang diberikan atau kegiatan yang dilakukan")
        self.amount = self.row("Nilai", QLineEdit())
        self.amount.setPlaceholderText("rupiah, bila berupa uang atau barang bernilai")
        self.by = self.row("Petugas", QLineEdit(session.user.full_name))
        self.note = self.row("Catatan", QLineEdit())
        planned = [p.component for p in atensi.plans_of(application.id)]
        if planned:
            select(self.component, planned[0])
        self.mark_required(atensi.DELIVERY_REQUIRED)
        # Money or goods of a value typed: what they were need not be written too.
        follow_required(self.errors.fields,
                        lambda: atensi.delivery_required(self.amount.text()),
                        ("Bentuk layanan",), self.amount.textChanged)

    def save(self) -> None:
        self.attempt(lambda: atensi.deliver(
            self.session.user, self.application, self.case,
            component=self.component.currentData(), delivered_on=date_of(self.delivered_on),
            items=self.items.toPlainText(), amount=self.amount.text() or None,
            delivered_by=self.by.text(), note=self.note.text()))
