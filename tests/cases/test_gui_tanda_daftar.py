"""The Tanda Daftar panel in the application detail: the clerk picks the LKS (or records the
applicant as one), the social worker records the visit, a refused form keeps what was typed."""
import datetime

import pytest
from PySide6.QtWidgets import QDialog

from desktop.cases.tanda_daftar import panel as td_panel
from desktop.cases.tanda_daftar import record
from desktop.models import Application, Lks
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.lks import lks_dialog
from desktop.views.shell.session import Session

from tests.cases.one_press import press_once
from tests.factories import make_office


@pytest.fixture
def office(sqlite_db):
    o = make_office()
    org = people.register_organisation(o["clerk"], name="Yayasan Kasih Bunda",
                                       legal_form="Yayasan", address="Jl. Tidar No. 5")
    o["app"] = workflow.complete_step(o["clerk"], workflow.register(
        o["clerk"], service_catalog.get("mgl-tanda-daftar-lks"), organisation=org))
    return o


def detail(qtbot, user, app):
    dialog = ApplicationDetailDialog(Session(user, "Tertanam (SQLite)", "sqlite://"), app.id)
    qtbot.addWidget(dialog)
    return dialog


def accepted(form) -> QDialog.DialogCode:
    return QDialog.DialogCode.Accepted if form.result() else QDialog.DialogCode.Rejected


def test_the_applicant_becomes_an_lks_and_the_check_goes_on(qtbot, office, monkeypatch):
    dialog = detail(qtbot, office["clerk"], office["app"])
    panel = dialog.case_section.panel
    assert "belum dipilih" in panel.label.text()
    dialog.action_buttons["done"].click()
    assert "belum dipilih dari Daftar LKS" in dialog.message.text()

    def new_lks(form):  # the LKS form, opened with the applicant's name and address
        qtbot.addWidget(form)
        assert form.name_edit.text() == "Yayasan Kasih Bunda"
        form.status_combo.setCurrentIndex(form.status_combo.findData("tidak_berbadan_hukum"))
        form.founding_note.setText("Nota Pendirian 3/2020")
        lks_dialog.set_date(form.founding_date, datetime.date(2020, 5, 4))
        form.kecamatan_edit.setText("Magelang Selatan")
        form.field_checks["anak"].setChecked(True)
        form.board_edits["ketua"][0].setText("3371011503850001")
        form.board_edits["ketua"][1].setText("Agus Prasetyo")
        form.save()
        return accepted(form)

    def choose(form):
        qtbot.addWidget(form)
        assert form.new_button.isVisibleTo(form)
        form.new_button.click()
        assert form.results.count() == 1  # found by the name the new LKS was saved under
        form.save()
        return accepted(form)
    monkeypatch.setattr(lks_dialog.LksDialog, "exec", new_lks)
    monkeypatch.setattr(td_panel.ChooseLksDialog, "exec", choose)
    panel.lks_button.click()
    lks = Lks.get()
    assert lks.organisation_id == office["app"].organisation_id  # the applicant, not a copy
    assert "Yayasan Kasih Bunda" in panel.label.text()
    dialog.action_buttons["done"].click()
    assert Application.get_by_id(office["app"].id).current_step == 3


def test_a_refused_visit_keeps_what_was_typed(qtbot, office):
    from desktop.services.lks import lks_records

    from tests.lks.test_lks_records import BOARD, values

    lks = lks_records.save(office["clerk"], values(), BOARD, {})
    case = record.save_registration(office["clerk"], office["app"], None, lks_id=lks.id,
                                    kind="baru", activity_report=False)
    form = td_panel.VisitDialog(Session(office["worker"], "", ""), office["app"], case)
    qtbot.addWidget(form)
    form.findings.setPlainText("Sekretariat sesuai alamat; 12 anak diasuh.")
    form.fit.setChecked(True)
    form.save()  # no team
    assert "anggota tim" in form.error.text()
    assert form.findings.toPlainText().startswith("Sekretariat")
    assert record.read(office["app"]).visit_date is None
    form.team.setPlainText("Dra. Sri Lestari")
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert record.read(office["app"]).visit_result == "layak"


def test_empty_tanda_daftar_forms_mark_every_field_in_one_press(qtbot, office):
    from desktop.services.lks import lks_records

    from tests.lks.test_lks_records import BOARD, values

    session = Session(office["clerk"], "", "")
    form = td_panel.ChooseLksDialog(session, office["app"], None)
    press_once(qtbot, form, [form.search], record.REGISTRATION_REQUIRED)
    lks = lks_records.save(office["clerk"], values(), BOARD, {})
    case = record.save_registration(office["clerk"], office["app"], None, lks_id=lks.id,
                                    kind="baru", activity_report=False)
    form = td_panel.VisitDialog(Session(office["worker"], "", ""), office["app"], case)
    form.date.line.clear()
    press_once(qtbot, form, [form.date, form.team, form.findings,
                             form.errors.fields["Hasil verifikasi"]], record.VISIT_REQUIRED)
    form = td_panel.ValidityDialog(session, office["app"], case)
    form.start.line.clear()
    form.end.line.clear()
    press_once(qtbot, form, [form.start, form.end], record.VALIDITY_REQUIRED)
