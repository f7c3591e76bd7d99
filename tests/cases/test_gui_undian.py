"""The raffle form's prize list: totals and the least contribution as staff type, a refusal
beside its field with every row kept, the saved list back in the form."""
import datetime

import pytest
from PySide6.QtCore import QDate

from desktop.cases.undian import panel as raffle_panel
from desktop.cases.undian import record
from desktop.models import Application
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.views.shell.session import Session

from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from tests.cases.one_press import press_once
from tests.factories import make_office
from tests.form_marks import label_of, message_under


@pytest.fixture
def app(sqlite_db):
    o = make_office()
    org = people.register_organisation(o["clerk"], name="PT Toserba Sejahtera",
                                       legal_form="Perseroan terbatas", address="Jl. Pemuda 12")
    application = workflow.register(o["clerk"], service_catalog.get(
        "mgt-03-izin-undian-gratis-berhadiah"), organisation=org)
    Application.update(received_at=datetime.datetime(2026, 12, 8, 3)).where(
        Application.id == application.id).execute()
    return Session(o["clerk"], "", ""), Application.get_by_id(application.id)


def test_the_prize_list_totals_as_typed_and_a_refusal_keeps_the_rows(qtbot, app):
    session, application = app
    form = raffle_panel.RaffleDialog(session, application)
    qtbot.addWidget(form)
    form.name.setText("Undian Belanja Akhir Tahun")
    form.start.setDate(QDate(2026, 12, 1))
    form.end.setDate(QDate(2026, 12, 29))
    form.draw.setDate(QDate(2026, 12, 30))
    assert "8 Desember 2026" in form.deadline_label.text()
    assert "terlambat" not in form.deadline_label.text()
    form.place.setText("Gedung Wanita")
    form.notary.setText("Hj. Sri Wahyuni, S.H.")
    form.prizes.item(0, 0).setText("Sepeda motor matik")
    form.prizes.item(0, 2).setText("18.500.000")
    form.add_row("Televisi LED 32 inci", 3, "2.500.000")
    assert form.prizes.item(1, 3).text() == "Rp 7.500.000,00"
    assert "Rp 26.000.000,00" in form.total_label.text()
    assert "Rp 2.600.000,00" in form.least_label.text()
    form.contribution.setText("2.000.000")
    assert "kurang" in form.least_label.text()
    form.save()
    assert "Rp 2.600.000,00" in form.error.text()
    assert form.contribution.styleSheet()  # marked
    assert form.prizes.rowCount() == 2 and form.prizes.item(1, 0).text() == "Televisi LED 32 inci"
    assert record.read(application) is None
    form.prizes.cellWidget(1, 1).setValue(4)  # one more television
    assert "Rp 28.500.000,00" in form.total_label.text()
    form.contribution.setText("2.850.000")
    form.save()
    case = record.read(application)
    assert case is not None and record.prize_total(case) == 28_500_000
    again = raffle_panel.RaffleDialog(session, application, case)
    qtbot.addWidget(again)
    assert again.prizes.rowCount() == 2 and again.prizes.cellWidget(1, 1).value() == 4
    assert again.contribution.text() == "2.850.000"


def test_an_empty_raffle_form_marks_every_field_in_one_press(qtbot, app):
    session, application = app
    form = raffle_panel.RaffleDialog(session, application)
    form.start.setDate(QDate(2026, 12, 1))  # the dates in time for the draw, whatever today is
    form.end.setDate(QDate(2026, 12, 29))
    form.draw.setDate(QDate(2026, 12, 30))
    press_once(qtbot, form, [form.name, form.place, form.notary, form.prizes,
                             form.contribution], record.REQUIRED)
    assert "Daftar hadiah: isi sekurang-kurangnya satu hadiah" in form.error.text()


def test_a_body_that_is_no_legal_entity_is_asked_its_founding_date(qtbot, app):
    session, application = app
    form = raffle_panel.RaffleDialog(session, application)
    qtbot.addWidget(form)
    form.organiser.setCurrentIndex(form.organiser.findData("badan_hukum"))
    assert REQUIRED_MARK not in label_of(form.founded)
    form.organiser.setCurrentIndex(form.organiser.findData("badan_lain"))
    assert label_of(form.founded).count("*") == 1
    form.founded.line.clear()
    form.save_button.click()  # the service asks it too
    assert is_marked(form.founded) and message_under(form.founded).startswith("Wajib diisi")
    form.organiser.setCurrentIndex(form.organiser.findData("badan_hukum"))
    assert REQUIRED_MARK not in label_of(form.founded)


def test_an_empty_report_form_marks_the_hand_over(qtbot, app):
    session, application = app
    case = record.save(session.user, application, None, organiser_status="badan_hukum",
                       raffle_name="Undian", period_start=datetime.date(2026, 12, 1),
                       period_end=datetime.date(2026, 12, 29),
                       draw_date=datetime.date(2026, 12, 30), draw_place="Gedung Wanita",
                       notary="Notaris", prizes=[("TV", 1, "1.000.000")],
                       contribution="100.000")
    form = raffle_panel.ReportDialog(session, application, case)
    form.handover.setDate(None)
    form.handover.line.clear()
    press_once(qtbot, form, [form.handover], record.REPORT_REQUIRED)
