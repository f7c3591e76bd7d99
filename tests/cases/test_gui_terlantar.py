"""A shelter stay as the worker on duty sees it: the check-out form refuses an eighth night
without an emergency reason and keeps what was typed; with the reason the guest leaves the
Rumah Singgah page, which showed them red past the limit. Every form marks all its empty
required fields in one press."""
import datetime

from PySide6.QtWidgets import QDialog

from desktop.cases.terlantar import panel as stranded_panel
from desktop.cases.terlantar import record
from desktop.services.applications import assignment, workflow
from desktop.services.catalog import service_catalog
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.referrals import shelter_page
from desktop.views.shared.forms import REQUIRED_MARK
from desktop.views.shell.session import Session

from tests.factories import make_person, make_user
from tests.form_marks import label_of, message_under

D = datetime.timedelta(days=1)


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def local(at):
    return timefmt.to_local(at).replace(tzinfo=None, second=0, microsecond=0)


def test_a_check_out_after_the_limit_asks_for_the_emergency_reason(qtbot, sqlite_db):
    service_catalog.load_shipped()
    institutions.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    worker = make_user("peksos", role=permissions.SOCIAL_WORKER)
    head = make_user("kadis", role=permissions.HEAD)
    app = workflow.register(clerk, service_catalog.get("mgl-orang-terlantar-tuna-sosial"),
                            person=make_person(name="Slamet"))
    app = assignment.assign(head, app, "peksos")
    case = record.save_report(worker, app, None, track="tuna_sosial", source="satpol_pp",
                              found_place="Jl. Pemuda", reported_at=local(utcnow() - 10 * D))
    record.check_in(worker, app, case, at=local(utcnow() - 9 * D))
    page = shelter_page.ShelterPage(session(worker))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and "1 melewati batas" in page.title.text()
    assert "malam ke-10" in page.model.item(0, 4).text()
    dialog = ApplicationDetailDialog(session(worker), app.id)
    qtbot.addWidget(dialog)
    panel = dialog.case_section.panel
    out_button = next(b for b in panel.buttons if b.text() == "Keluar rumah singgah…")
    assert out_button.isVisibleTo(dialog)
    form = stranded_panel.CheckOutDialog(session(worker), app, panel.open_stay())
    qtbot.addWidget(form)
    assert label_of(form.reason).count("*") == 1  # leaving now: past the nights allowed
    form.at.setDateTime(local(utcnow() - 8 * D))  # had they left after one night
    assert REQUIRED_MARK not in label_of(form.reason)
    form.at.setDateTime(local(utcnow()))
    assert REQUIRED_MARK in label_of(form.reason)
    form.note.setText("Dijemput adik kandung")
    form.save()
    assert not form.result()
    assert form.error.text().startswith("Alasan darurat:") and form.reason.styleSheet()
    assert message_under(form.reason)
    assert form.note.text() == "Dijemput adik kandung"  # what was typed stays
    form.reason.setPlainText("Dirawat jalan; keluarga baru dapat menjemput hari ini.")
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    page.refresh()
    assert page.model.rowCount() == 0 and "0 orang" in page.title.text()
    panel.show_record(app, record.read(app))
    assert "keluar" in panel.label.text() and not out_button.isVisibleTo(dialog)
    # Back after the nights allowed: checking in again asks the reason from the start.
    again = stranded_panel.CheckInDialog(session(worker), app, record.read(app))
    qtbot.addWidget(again)
    assert label_of(again.reason).count("*") == 1
    again.save_button.click()
    assert message_under(again.reason)


def test_registering_someone_helped_before_shows_the_earlier_case(qtbot, sqlite_db):
    from desktop.views.applications.new_application import NewApplicationDialog

    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    person = make_person(name="Sutrisno")
    service = service_catalog.get("mgt-11-pemulangan-orang-terlantar")
    first = workflow.register(clerk, service, person=person)
    dialog = NewApplicationDialog(session(clerk))
    qtbot.addWidget(dialog)
    dialog.service = service
    dialog._set_person(person)
    assert f"Pernah dibantu sebelumnya: {first.reg_number}" in dialog.found_label.text()
    dialog.service = service_catalog.get("dpk-slrt")  # another kind: nothing to recall
    dialog._set_person(person)
    assert "Pernah dibantu" not in dialog.found_label.text()


def test_every_form_marks_its_required_fields_in_one_press(qtbot, sqlite_db):
    from desktop.cases.terlantar.model import ShelterStay
    from tests.cases.empty_forms import assert_marked_at_once, press_empty

    service_catalog.load_shipped()
    institutions.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    worker = make_user("peksos", role=permissions.SOCIAL_WORKER)
    head = make_user("kadis", role=permissions.HEAD)

    def application(service, person):
        return assignment.assign(head, workflow.register(
            clerk, service_catalog.get(service), person=person), "peksos")

    def pressed(dialog_class, app, record_or_stay, required):
        form = dialog_class(session(worker), app, record_or_stay)
        qtbot.addWidget(form)
        form.show()
        press_empty(form)
        assert_marked_at_once(form, required)
        return form

    shelter = application("mgl-orang-terlantar-tuna-sosial", make_person(name="Slamet"))
    form = pressed(stranded_panel.ReportDialog, shelter, None, record.REPORT_REQUIRED)
    assert form.focusWidget() is form.found_place
    case = record.save_report(worker, shelter, None, track="tuna_sosial", source="satpol_pp",
                              found_place="Jl. Pemuda", reported_at=local(utcnow() - 10 * D))
    for dialog_class, required in (
            (stranded_panel.OutreachDialog, record.OUTREACH_REQUIRED),
            (stranded_panel.TracingDialog, record.TRACING_REQUIRED),
            (stranded_panel.MedicalDialog, record.MEDICAL_REQUIRED),
            (stranded_panel.CheckInDialog, record.CHECK_IN_REQUIRED)):
        pressed(dialog_class, shelter, case, required)
    stay = record.check_in(worker, shelter, case, at=local(utcnow() - 2 * D))
    pressed(stranded_panel.CheckOutDialog, shelter, stay, record.CHECK_OUT_REQUIRED)
    pressed(stranded_panel.EmergencyDialog, shelter, stay, record.EMERGENCY_REQUIRED)
    child = application("mgt-12-pemulangan-anak-terlantar", make_person(
        nik="3371014107150003", name="Putri", sex="P", birth_date=datetime.date(2015, 7, 1)))
    trip = record.save_report(worker, child, None, track="perjalanan", source="polisi",
                              found_place="Terminal Tidar", reported_at=local(utcnow() - D))
    form = pressed(stranded_panel.JourneyDialog, child, trip, record.journey_required(child))
    assert form.error.text().startswith("5 isian") and form.focusWidget() is form.police
    assert record.read(child).destination == "" and record.read(shelter).outreach_at is None
    assert ShelterStay.get_by_id(stay.id).check_out is None
