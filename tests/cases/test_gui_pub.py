"""The PUB panel: a report recorded from its dialog, the panel's line for it changing from
overdue to late; a refused collection form keeps what was typed."""
import datetime

import pytest

from desktop.cases.pub import panel as pub_panel
from desktop.cases.pub import record
from desktop.models import Application
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.views.shell.session import Session

from desktop.services.admin import settings
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from tests.cases.one_press import press_once
from tests.factories import make_office
from tests.form_marks import label_of, message_under


@pytest.fixture
def case(sqlite_db):
    o = make_office()
    org = people.register_organisation(o["clerk"], name="Yayasan Peduli Sesama",
                                       legal_form="Yayasan", address="Jl. Tidar 5")
    app = workflow.register(o["clerk"], service_catalog.get(
        "mgt-02-izin-pengumpulan-uang-barang"), organisation=org)
    collection = record.save(o["clerk"], app, None, organiser_form="perkumpulan",
                             legal_number="AHU-0001", goods="uang", purpose="Beasiswa",
                             methods=["kotak"], area_level="kabkota", target=80_000_000,
                             planned_cost=4_000_000, period_start=datetime.date(2026, 6, 1),
                             period_end=datetime.date(2026, 8, 31))
    Application.update(state="completed").where(Application.id == app.id).execute()
    return Session(o["clerk"], "", ""), Application.get_by_id(app.id), collection


def test_a_report_recorded_from_the_panel(qtbot, case):
    session, app, collection = case
    panel = pub_panel.CollectionPanel(session)
    qtbot.addWidget(panel)
    panel.show_record(app, collection)
    assert "Belum masuk, lewat batas" in panel.label.text()
    assert panel.report_button.isVisibleTo(panel)
    form = pub_panel.ReportDialog(session, app, collection, panel)
    qtbot.addWidget(form)
    assert form.due.count() == 1 and "Laporan akhir" in form.due.itemText(0)
    form.collected.setText("75.000.000")
    form.costs.setText("3.000.000")
    form.distributed.setText("80.000.000")  # more than was collected
    form.recipients.setPlainText("40 pelajar SMP dan SMA")
    form.save()
    assert "tidak boleh melebihi" in form.error.text()
    assert form.recipients.toPlainText() == "40 pelajar SMP dan SMA"
    form.distributed.setText("72.000.000")
    form.received.setDate(datetime.date(2026, 10, 20))
    form.save()
    assert form.result()
    panel.show_record(app, collection)
    assert "Diterima terlambat" in panel.label.text()
    assert not panel.report_button.isVisibleTo(panel)


def test_a_refused_collection_form_keeps_the_typing(qtbot, case):
    session, app, _ = case
    form = pub_panel.CollectionDialog(session, app)
    qtbot.addWidget(form)
    form.organiser.setCurrentIndex(0)
    form.legal.setText("AHU-0002")
    form.purpose.setPlainText("Bantuan korban banjir")
    form.methods["transfer"].setChecked(True)
    form.area.setCurrentIndex(form.area.findData("kabkota"))
    assert "bupati/wali kota" in form.issuer.text()
    form.target.setText("10.000.000")
    form.cost.setText("2.000.000")
    assert "melebihi" in form.cost_hint.text()
    form.save()
    assert "10%" in form.error.text() and form.cost.styleSheet()
    assert form.purpose.toPlainText() == "Bantuan korban banjir"
    form.disaster.setChecked(True)
    assert "melebihi" not in form.cost_hint.text()


def test_an_empty_collection_form_marks_every_field_in_one_press(qtbot, case):
    session, app, _ = case
    form = pub_panel.CollectionDialog(session, app)
    press_once(qtbot, form, [form.legal, form.purpose, form.methods_box, form.area_names,
                             form.target, form.cost], record.REQUIRED)


def test_an_empty_report_form_marks_every_field_in_one_press(qtbot, case):
    session, app, collection = case
    form = pub_panel.ReportDialog(session, app, collection)
    press_once(qtbot, form, [form.collected, form.costs, form.distributed, form.recipients],
               record.REPORT_REQUIRED)


def test_the_area_names_are_starred_when_some_kelurahan_or_kecamatan(qtbot, case):
    session, app, _ = case
    form = pub_panel.CollectionDialog(session, app)
    qtbot.addWidget(form)
    form.area.setCurrentIndex(form.area.findData("kabkota"))
    assert REQUIRED_MARK not in label_of(form.area_names)
    form.area.setCurrentIndex(form.area.findData("kecamatan"))
    assert label_of(form.area_names).count("*") == 1
    form.save_button.click()  # the service asks them too
    assert is_marked(form.area_names) and message_under(form.area_names)
    form.area.setCurrentIndex(form.area.findData("provinsi"))
    assert REQUIRED_MARK not in label_of(form.area_names)


def test_the_auditor_is_starred_for_a_final_report_over_the_threshold(qtbot, case):
    session, app, collection = case
    form = pub_panel.ReportDialog(session, app, collection)  # its one due is the final
    qtbot.addWidget(form)
    assert REQUIRED_MARK not in label_of(form.auditor)
    above = settings.value(record.AUDIT_ABOVE) + 1
    form.collected.setText(f"{above:,}".replace(",", "."))
    assert label_of(form.auditor).count("*") == 1
    form.save_button.click()
    assert is_marked(form.auditor) and "akuntan publik" in message_under(form.auditor)
    form.collected.setText("75.000.000")
    assert REQUIRED_MARK not in label_of(form.auditor)
