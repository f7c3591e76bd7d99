"""A disaster as its workers see it: the distribution form refuses aid beyond the stock and
keeps what was typed; the panel's distribution list then shows each hand-over, the
household list what each received; the stock page shows what is left."""
import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.cases.bencana import panel as disaster_panel
from desktop.cases.bencana import record
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.services.stock import stock
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.shell.session import Session
from desktop.views.stock import stock_page

from tests.cases.one_press import press_once
from tests.factories import make_person, make_user

H = datetime.timedelta(hours=1)


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def flood():
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER)}
    app = workflow.register(o["clerk"], service_catalog.get("mgl-korban-bencana"),
                            person=make_person(name="Pak RT Sumadi"))
    now = timefmt.to_local(utcnow()).replace(tzinfo=None, second=0, microsecond=0)
    case = record.save_event(o["worker"], app, None, hazard="banjir", occurred_at=now - 3 * H,
                             reported_at=now - 2 * H, place="Bantaran Progo RW 05",
                             kelurahan="Tidar Utara")
    for name in ("Sutrisno", "Siti Aminah"):
        record.save_household(o["worker"], app, case, head_name=name,
                              address="Bantaran Progo", adults=2)
    o["beras"] = stock.save_item(o["clerk"], name="Beras", unit="kg")
    stock.receive(o["clerk"], o["beras"].id, 15, moved_on=now.date(), source="Kemensos RI")
    return o, app, case


def test_a_distribution_beyond_the_stock_is_refused_then_listed(qtbot, sqlite_db):
    o, app, case = flood()
    dialog = ApplicationDetailDialog(session(o["worker"]), app.id)
    qtbot.addWidget(dialog)
    panel = dialog.case_section.panel
    assert panel.households.rowCount() == 2 and panel.distributions.rowCount() == 0
    assert "2 rumah tangga, 4 jiwa" in panel.label.text()
    form = disaster_panel.DistributionDialog(session(o["worker"]), app, case)
    qtbot.addWidget(form)
    assert "stok 15 kg" in form.item.currentText()
    form.household.setCurrentIndex(form.household.findText(
        "Sutrisno", flags=Qt.MatchFlag.MatchStartsWith))
    assert form.received_by.text() == "Sutrisno"
    form.quantity.setValue(20)
    form.save()
    assert not form.result()
    assert form.error.text().startswith("Jumlah:") and "tinggal 15 kg" in form.error.text()
    assert form.quantity.value() == 20  # what was typed stays
    form.quantity.setValue(10)
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    panel.show_record(app, record.read(app))
    assert panel.distributions.rowCount() == 1
    cells = [panel.distributions.item(0, c).text() for c in range(4)]
    assert cells[1:] == ["Sutrisno", "Beras 10 kg", "Sutrisno"]
    received = {panel.households.item(r, 0).text(): panel.households.item(r, 6).text()
                for r in range(2)}
    assert received == {"Sutrisno": "Beras 10 kg", "Siti Aminah": "belum"}
    page = stock_page.StockPage(session(o["clerk"]))
    qtbot.addWidget(page)
    assert [page.items.item(0, c).text() for c in range(5)] == ["Beras", "kg", "15", "10", "5"]
    assert page.movements.rowCount() == 2 and page.receive_button.isVisibleTo(page)


def test_empty_disaster_forms_mark_every_field_in_one_press(qtbot, sqlite_db):
    o, app, case = flood()
    worker = session(o["worker"])
    form = disaster_panel.EventDialog(worker, app)
    form.occurred.line.clear()
    press_once(qtbot, form, [form.occurred, form.place, form.kelurahan],
               record.EVENT_REQUIRED)
    form = disaster_panel.HouseholdDialog(worker, app, case)
    press_once(qtbot, form, [form.head, form.address, form.counts["adults"]],
               record.HOUSEHOLD_REQUIRED)
    form = disaster_panel.ActivityDialog(worker, app, case)
    form.start.line.clear()
    press_once(qtbot, form, [form.start], record.ACTIVITY_REQUIRED)
    form = disaster_panel.DistributionDialog(worker, app, case)
    form.given_on.line.clear()
    form.received_by.clear()
    press_once(qtbot, form, [form.given_on, form.received_by], record.DISTRIBUTION_REQUIRED)
