"""The grant proposal form: the LKS offered as the applicant, the budget lines' total as
typed, a refusal beside the lines with every row kept."""
import datetime

from desktop.cases.hibah import panel as grant_panel
from desktop.cases.hibah import record
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.services.lks import lks_records, registrations
from desktop.views.shell.session import Session

from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from tests.cases.one_press import press_once
from tests.factories import make_office
from tests.form_marks import label_of
from tests.lks.test_lks_records import BOARD, values


def test_the_proposal_form(qtbot, sqlite_db):
    o = make_office()
    lks = lks_records.save(o["clerk"], values(), BOARD, {})
    today = datetime.date.today()
    registrations.record(o["clerk"], lks, "TD/1", today, today, today.replace(year=today.year + 3))
    app = workflow.register(o["clerk"], service_catalog.get("mgt-01-rekomendasi-hibah"),
                            organisation=lks.organisation)
    form = grant_panel.ProposalDialog(Session(o["clerk"], "", ""), app)
    qtbot.addWidget(form)
    assert form.applicant.currentData() == lks.id and not form.legal.isEnabled()
    # A registered LKS shows its Tanda Daftar: no SK or domicile asked (a legal entity's are).
    assert REQUIRED_MARK not in label_of(form.legal) + label_of(form.since)
    form.applicant.setCurrentIndex(form.applicant.findData(None))
    assert REQUIRED_MARK in label_of(form.legal) and REQUIRED_MARK in label_of(form.since)
    form.applicant.setCurrentIndex(form.applicant.findData(lks.id))
    assert REQUIRED_MARK not in label_of(form.legal) + label_of(form.since)
    form.purpose.setPlainText("Operasional anak asuh")
    form.requested.setText("30.000.000")
    form.lines.item(0, 0).setText("Bahan makanan")
    form.lines.item(0, 1).setText("20.000.000")
    form.add_line("Honor pengasuh", "5.000.000")
    assert "Rp 25.000.000,00" in form.total.text()
    form.save()
    assert "tidak sama" in form.error.text() and form.lines.styleSheet()
    assert form.lines.rowCount() == 2
    form.lines.item(1, 1).setText("10.000.000")
    form.save()
    assert form.result() and record.read(app).requested == 30_000_000


def test_empty_proposal_and_verification_forms_mark_every_field_in_one_press(qtbot,
                                                                              sqlite_db):
    o = make_office()
    org = people.register_organisation(o["clerk"], name="Perkumpulan Baru",
                                       legal_form="Perkumpulan", address="Jl. Pemuda 3")
    app = workflow.register(o["clerk"], service_catalog.get("mgt-01-rekomendasi-hibah"),
                            organisation=org)
    session = Session(o["clerk"], "", "")
    form = grant_panel.ProposalDialog(session, app)
    assert form.applicant.currentData() is None and form.legal.isEnabled()
    press_once(qtbot, form, [form.legal, form.since, form.purpose, form.requested,
                             form.lines], record.REQUIRED)
    case = record.save(o["clerk"], app, None, legal_number="AHU-9",
                       domiciled_since=datetime.date(2000, 1, 1),
                       budget_year=datetime.date.today().year + 1, requested="1.000.000",
                       purpose="Operasional", budget_lines=[("Bahan", "1.000.000")])
    form = grant_panel.VerificationDialog(session, app, case)
    form.date.line.clear()
    form.result.setCurrentIndex(form.result.findData("tidak_layak"))
    assert REQUIRED_MARK not in label_of(form.amount)
    press_once(qtbot, form, [form.date, form.note], record.VISIT_REQUIRED)
    form.result.setCurrentIndex(form.result.findData("layak"))
    assert label_of(form.amount).count("*") == 1  # the amount recommended is asked
    form.amount.clear()
    form.save_button.click()
    assert is_marked(form.amount)
