"""The DTKS panel in the application detail, as the clerk and the kepala use it."""
import datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from desktop.cases.dtks import panel as dtks_panel
from desktop.cases.dtks import record
from desktop.cases.dtks.model import DtksCheck
from desktop.models import Application
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.cases import case_section
from desktop.views.shell.session import Session

from tests.cases.one_press import press_once
from tests.factories import make_office


@pytest.fixture
def office(sqlite_db):
    return make_office()


def detail(qtbot, user, app):
    dialog = ApplicationDetailDialog(Session(user, "Tertanam (SQLite)", "sqlite://"), app.id)
    qtbot.addWidget(dialog)
    return dialog


def at_siks_ng_step(office):
    app = workflow.register(office["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                            person=office["person"])
    return workflow.complete_step(office["clerk"], app)


def test_a_plain_application_shows_no_case_section(qtbot, office):
    app = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                            person=office["person"])
    assert detail(qtbot, office["clerk"], app).case_section.isHidden()


def test_the_clerk_records_the_check_and_the_step_goes_on(qtbot, office, monkeypatch):
    app = at_siks_ng_step(office)
    dialog = detail(qtbot, office["clerk"], app)
    section = dialog.case_section
    assert not section.isHidden()
    assert "belum dicatat" in section.panel.label.text()
    assert "✖" in case_section.rule_text(section.standings[0])
    dialog.action_buttons["done"].click()  # refused, with the rule's reason
    assert "hasil pengecekan di SIKS-NG belum dicatat" in dialog.message.text()
    assert Application.get_by_id(app.id).current_step == 2

    def fill_and_save(form):
        qtbot.addWidget(form)
        form.registered.setChecked(True)
        form.data_id.setText("3371020101000123")
        form.decile.setValue(2)
        form.programmes["PKH"].setChecked(True)
        form.period.setDate(QDate(2026, 10, 1))
        form.decile.setValue(12)  # the spin box stops at 10
        form.save()
        return QDialog.DialogCode.Accepted if form.result() else QDialog.DialogCode.Rejected
    monkeypatch.setattr(dtks_panel.DtksCheckDialog, "exec", fill_and_save)
    section.panel.record_button.click()
    check = DtksCheck.get()
    assert (check.registered, check.decile, check.programmes) == (True, 10, ",PKH,")
    assert check.data_period == datetime.date(2026, 10, 1)
    assert "Terdaftar" in section.panel.label.text() and "desil 10" in section.panel.label.text()
    assert section.standings[0].passes
    dialog.action_buttons["done"].click()
    assert Application.get_by_id(app.id).current_step == 3


def test_a_refused_form_keeps_what_was_typed(qtbot, office):
    app = at_siks_ng_step(office)
    form = dtks_panel.DtksCheckDialog(Session(office["clerk"], "", ""), app)
    qtbot.addWidget(form)
    form.not_registered.setChecked(False)
    form.registered.setChecked(False)  # neither chosen
    form.note.setPlainText("Pemohon membawa KK lama")
    form.save()
    assert "pilih terdaftar atau tidak terdaftar" in form.error.text()
    assert form.note.toPlainText() == "Pemohon membawa KK lama"
    assert DtksCheck.select().count() == 0


def test_the_kepala_overrides_from_the_panel(qtbot, office, monkeypatch):
    app = at_siks_ng_step(office)
    def override_buttons(dialog):
        return [b for b in dialog.case_section.findChildren(case_section.QPushButton)
                if b.text() == "Kesampingkan…"]
    assert override_buttons(detail(qtbot, office["clerk"], app)) == []  # only a kepala
    dialog = detail(qtbot, office["head"], app)
    button, = override_buttons(dialog)
    assert not dialog.case_section.panel.record_button.isVisibleTo(dialog)  # not her task

    def give_reason(form):
        qtbot.addWidget(form)
        form.reason.setPlainText("SIKS-NG gangguan; dicek lewat data bayar PKH")
        form.save()
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(case_section.OverrideDialog, "exec", give_reason)
    button.click()
    standing, = dialog.case_section.standings
    assert standing.passes and standing.override.username == "kabid"
    assert "Dikesampingkan oleh kabid" in case_section.rule_text(standing)
    app = workflow.complete_step(office["clerk"], workflow.get(app.id, office["clerk"]))
    assert app.current_step == 3


def test_typed_text_shows_as_typed(qtbot, office):
    app = at_siks_ng_step(office)
    check = record.save(office["clerk"], app, registered=False,
                        data_period=datetime.date(2026, 10, 1),
                        note="desil<3 menurut <b>RT</b>\nbaris kedua")
    text = dtks_panel.summary(check)
    assert "desil&lt;3 menurut &lt;b&gt;RT&lt;/b&gt;<br/>baris kedua" in text


def test_the_catalog_says_which_services_carry_the_check(office):
    from desktop.views.catalog.catalog_page import detail_html

    text = detail_html(service_catalog.get("mgl-surat-keterangan-dtks"))
    assert "Data kasus: Pengecekan DTKS" in text and "aturan: Pengecekan DTKS" in text
    assert "Data kasus" not in detail_html(service_catalog.get("dpk-slrt"))


def test_an_empty_check_marks_the_choice_in_one_press(qtbot, office):
    app = at_siks_ng_step(office)
    form = dtks_panel.DtksCheckDialog(Session(office["clerk"], "", ""), app)
    press_once(qtbot, form, [form.errors.fields["Hasil pengecekan"]], record.REQUIRED)
    assert "pilih terdaftar atau tidak terdaftar" in form.error.text()


def test_the_period_is_the_month_and_year_chosen(qtbot, office):
    app = at_siks_ng_step(office)
    form = dtks_panel.DtksCheckDialog(Session(office["clerk"], "", ""), app)
    qtbot.addWidget(form)
    today = datetime.date.today()
    assert form.period.value() == today.replace(day=1)  # this month, to start with
    assert not form.period.month.isEditable() and not form.period.year.isEditable()
    assert form.period.year.itemData(form.period.year.count() - 1) == 2015
    form.not_registered.setChecked(True)
    form.period.month.setCurrentIndex(form.period.month.findText("Februari"))
    form.period.year.setCurrentIndex(form.period.year.findData(2016))
    form.save()
    assert record.read(app).data_period == datetime.date(2016, 2, 1)
    form = dtks_panel.DtksCheckDialog(Session(office["clerk"], "", ""), app, record.read(app))
    qtbot.addWidget(form)
    assert (form.period.month.currentText(), form.period.year.currentText()) == \
        ("Februari", "2016")
