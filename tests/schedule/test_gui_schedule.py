"""The schedule screens on SQLite: booking, a refused clash with its suggestion, moving a
booking, clinic actions, printing, and a second open calendar following the first."""
import datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.models import ClinicRequest, HearseBooking
from desktop.services.admin import office
from desktop.services.schedule import hearse, resources
from desktop.services.shared import permissions, timefmt
from desktop.views.schedule.schedule_dialogs import local_naive, to_qdatetime
from desktop.views.schedule.schedule_page import SchedulePage
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.schedule.test_schedule import PROFILE, client, family, local


@pytest.fixture
def office_data(sqlite_db):
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE)
    s = permissions.SYSTEM
    data = dict(
        actor=make_user("piket", role=permissions.DUTY_OFFICER),
        v1=resources.save_vehicle(s, plate="AA 1234 XY", name="Toyota Hiace"),
        v2=resources.save_vehicle(s, plate="AA 5678 ZA", name="Isuzu Elf"),
        d1=resources.save_driver(s, name="Joko Susanto"),
        d2=resources.save_driver(s, name="Heru Wibowo"),
        t1=resources.save_technician(s, name="Bayu Pratama"),
        tpu=resources.save_cemetery(s, name="TPU Giriloyo", kelurahan="Magersari"))
    yield data
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def open_page(qtbot, user, **kwargs):
    page = SchedulePage(Session(user, "Tertanam (SQLite): test.db", "sqlite:///x"), **kwargs)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    return page


def fill_hearse_dialog(dialog, departure):
    dialog.nik_edit.setText("3371011503850001")
    dialog.name_edit.setText("Agus Prasetyo")
    dialog.phone_edit.setText("081234567890")
    dialog.relation_combo.setCurrentText("Anak")
    dialog.deceased_edit.setText("Slamet Riyadi")
    dialog.address_edit.setText("Jl. Tidar No. 5, Magersari")
    dialog.cemetery_combo.setCurrentIndex(dialog.cemetery_combo.findText("TPU Giriloyo"))
    dialog.when_edit.setDateTime(to_qdatetime(local_naive(departure)))


def book(data, departure, **extra):
    values = family(cemetery_id=data["tpu"].id, departure_at=departure,
                    vehicle_id=data["v1"].id, driver_id=data["d1"].id)
    values.update(extra)
    return hearse.save(data["actor"], **values)


def test_book_from_the_dialog_shows_on_the_calendar(qtbot, office_data):
    page = open_page(qtbot, office_data["actor"])
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    dialog = tab.make_dialog(None)
    qtbot.addWidget(dialog)
    fill_hearse_dialog(dialog, local(1, 9))
    assert dialog.free_label.text() == "Kosong: 2 kendaraan, 2 pengemudi."
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    booking = HearseBooking.get()
    assert booking.departure_at == local(1, 9) and booking.vehicle_id == office_data["v1"].id
    tab.after_change(dialog.result_record)
    assert [i.key for i in tab.timeline.items] == [("hearse", booking.id)]
    assert "Slamet Riyadi" in tab.detail_label.text()
    assert tab.action_buttons["confirmed"].isEnabled()


def test_clash_is_refused_with_the_suggested_slot(qtbot, office_data):
    first = book(office_data, local(1, 9))
    page = open_page(qtbot, office_data["actor"])
    dialog = page.hearse_tab.make_dialog(None)
    qtbot.addWidget(dialog)
    fill_hearse_dialog(dialog, local(1, 10))
    # the busy vehicle and driver are listed after the free ones, marked
    assert dialog.vehicle_combo.itemText(1).endswith("(terpakai)")
    dialog.vehicle_combo.setCurrentIndex(dialog.vehicle_combo.findData(office_data["v1"].id))
    dialog.driver_combo.setCurrentIndex(dialog.driver_combo.findData(office_data["d2"].id))
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert f"MJ-{first.id:04d}" in dialog.error.text() and "bentrok" in dialog.error.text()
    assert not dialog.suggest_button.isHidden()
    assert timefmt.format_local(local(1, 12)) in dialog.suggest_button.text()
    assert HearseBooking.select().count() == 1
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    dialog.vehicle_combo.setCurrentIndex(dialog.vehicle_combo.findData(office_data["v1"].id))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert dialog.result_record.departure_at == local(1, 12)


def test_reschedule_by_editing(qtbot, office_data):
    booking = book(office_data, local(1, 9))
    page = open_page(qtbot, office_data["actor"])
    dialog = page.hearse_tab.make_dialog(booking)
    qtbot.addWidget(dialog)
    assert dialog.deceased_edit.text() == "Slamet Riyadi"
    dialog.when_edit.setDateTime(to_qdatetime(local_naive(local(2, 14))))
    dialog.vehicle_combo.setCurrentIndex(dialog.vehicle_combo.findData(office_data["v2"].id))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    saved = HearseBooking.get_by_id(booking.id)
    assert saved.departure_at == local(2, 14) and saved.vehicle_id == office_data["v2"].id
    assert saved.version == 2


def test_reschedule_by_dragging_to_another_vehicle(qtbot, office_data):
    booking = book(office_data, local(1, 9))
    page = open_page(qtbot, office_data["actor"])
    page.show()
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    timeline = tab.timeline
    item = timeline.items[0]
    rect = timeline.item_rect(item)
    one_hour = timeline.x_of(item.start + datetime.timedelta(hours=1)) - timeline.x_of(item.start)
    start = rect.center()
    end = start + QPoint(one_hour, 46)  # an hour later, one row down (the second vehicle)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, start + QPoint(10, 10))
    qtbot.mouseMove(timeline, end)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    saved = HearseBooking.get_by_id(booking.id)
    assert saved.vehicle_id == office_data["v2"].id, page.message_label.text()
    assert saved.departure_at == local(1, 10)
    assert "dipindah" in page.message_label.text()


def test_drag_onto_a_clash_is_refused_in_words(qtbot, office_data):
    book(office_data, local(1, 9))
    other = book(office_data, local(1, 9), vehicle_id=office_data["v2"].id,
                 driver_id=office_data["d2"].id)
    page = open_page(qtbot, office_data["actor"])
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    tab.move(("hearse", other.id), local_naive(other.start_at), office_data["v1"].id)
    assert "bentrok" in page.message_label.text()
    assert HearseBooking.get_by_id(other.id).vehicle_id == office_data["v2"].id


def test_state_buttons_and_cancel_reason(qtbot, office_data, monkeypatch):
    booking = book(office_data, local(1, 9))
    page = open_page(qtbot, office_data["actor"])
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    tab.timeline.select_key(("hearse", booking.id))
    tab.action_buttons["confirmed"].click()
    assert HearseBooking.get_by_id(booking.id).state == "confirmed"
    monkeypatch.setattr(page, "ask_reason",
                        lambda title, label, save, field: save("Keluarga memakai ambulans desa"))
    tab.timeline.select_key(("hearse", booking.id))
    tab.action_buttons["cancelled"].click()
    saved = HearseBooking.get_by_id(booking.id)
    assert saved.state == "cancelled" and saved.cancel_reason.startswith("Keluarga")


def test_clinic_booking_and_parts_wait(qtbot, office_data, monkeypatch):
    page = open_page(qtbot, office_data["actor"])
    tab = page.clinic_tab
    dialog = tab.make_dialog(None)
    qtbot.addWidget(dialog)
    values = client()
    dialog.nik_edit.setText(values["client_nik"])
    dialog.kk_edit.setText(values["client_kk"])
    dialog.name_edit.setText(values["client_name"])
    dialog.address_edit.setText(values["client_address"])
    dialog.phone_edit.setText(values["client_phone"])
    dialog.when_edit.setDateTime(to_qdatetime(local_naive(local(1, 9))))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    request = ClinicRequest.get()
    # a second service for the same technician that day: refused, next day proposed
    second = tab.make_dialog(None)
    qtbot.addWidget(second)
    for edit, key in ((second.nik_edit, "client_nik"), (second.kk_edit, "client_kk"),
                      (second.name_edit, "client_name"), (second.address_edit, "client_address"),
                      (second.phone_edit, "client_phone")):
        edit.setText(values[key])
    second.when_edit.setDateTime(to_qdatetime(local_naive(local(1, 14))))
    assert second.technician_combo.itemText(0).endswith("(sudah ada layanan hari itu)")
    second.save()
    assert "satu permohonan per hari" in second.error.text()
    assert not second.suggest_button.isHidden()
    tab.go_to(local_naive(local(1, 9)).date())
    tab.timeline.select_key(("clinic", request.id))
    monkeypatch.setattr(page, "ask_reason",
                        lambda title, label, save, field: save("Ban belakang dipesan"))
    tab.action_buttons["waiting_parts"].click()
    assert ClinicRequest.get_by_id(request.id).state == "waiting_parts"
    assert "menunggu suku cadang" in tab.detail_label.text()
    # Completing asks what was done, then the parts; cancelling the second completes nothing.
    answers = iter(["Ganti ban belakang", None, "Ganti ban belakang", ""])

    def answer(title, label, save, field):
        text = next(answers)
        return None if text is None else save(text)
    monkeypatch.setattr(page, "ask_reason", answer)
    tab.timeline.select_key(("clinic", request.id))
    tab.action_buttons["completed"].click()
    assert ClinicRequest.get_by_id(request.id).state == "waiting_parts"
    tab.timeline.select_key(("clinic", request.id))
    tab.action_buttons["completed"].click()
    done = ClinicRequest.get_by_id(request.id)
    assert done.state == "completed" and done.work_done == "Ganti ban belakang"


def test_the_roster_proposes_who_is_on_duty_and_a_pick_stays(qtbot, office_data):
    actor, d1, d2 = office_data["actor"], office_data["d1"], office_data["d2"]
    day_one, day_two = (local_naive(local(n, 9)).date() for n in (1, 2))
    resources.set_duty(actor, day_one, "driver", driver_id=d2.id)
    resources.set_duty(actor, day_two, "driver", driver_id=d1.id)
    resources.set_duty(actor, day_one, "technician", driver_id=None,
                       technician_id=office_data["t1"].id)
    page = open_page(qtbot, actor)
    dialog = page.hearse_tab.make_dialog(None)
    qtbot.addWidget(dialog)
    fill_hearse_dialog(dialog, local(1, 9))
    assert dialog.driver_combo.currentData() == d2.id  # on duty that day: proposed
    assert dialog.driver_combo.itemText(0) == "Heru Wibowo  (piket)"
    dialog.when_edit.setDateTime(to_qdatetime(local_naive(local(2, 9))))
    assert dialog.driver_combo.currentData() == d1.id  # the proposal follows the day
    book(office_data, local(2, 9))  # d1 now drives then: still on duty, but busy
    dialog.refresh_free()
    assert dialog.driver_combo.currentData() == d2.id
    assert dialog.driver_combo.itemText(1) == "Joko Susanto  (piket, terpakai)"
    dialog.driver_combo.setCurrentIndex(dialog.driver_combo.findData(d1.id))  # the officer's
    dialog.when_edit.setDateTime(to_qdatetime(local_naive(local(1, 9))))  # pick stays
    assert dialog.driver_combo.currentData() == d1.id
    clinic = page.clinic_tab.make_dialog(None)
    qtbot.addWidget(clinic)
    clinic.when_edit.setDateTime(to_qdatetime(local_naive(local(1, 9))))
    assert clinic.technician_combo.itemText(0) == "Bayu Pratama  (piket)"


def test_day_schedule_prints_to_pdf(qtbot, office_data, tmp_path):
    book(office_data, local(1, 9))
    resources.set_duty(office_data["actor"], local_naive(local(1, 9)).date(), "driver",
                       driver_id=office_data["d1"].id)
    page = open_page(qtbot, office_data["actor"])
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    from desktop.views.schedule.schedule_print import day_html

    html = day_html(tab.day)
    assert "Slamet Riyadi" in html and "Joko Susanto" in html and "AA 1234 XY" in html
    path = tmp_path / "jadwal.pdf"
    tab.write_pdf(str(path))
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 1000


def test_the_week_shows_who_and_where_and_prints_a_day_a_page(qtbot, office_data, tmp_path):
    booking = book(office_data, local(1, 9))
    page = open_page(qtbot, office_data["actor"])
    tab = page.hearse_tab
    tab.go_to(local_naive(local(1, 9)).date())
    assert tab.today_button.text() == "Hari ini"
    tab.view_combo.setCurrentIndex(tab.view_combo.findData(7))
    assert tab.today_button.text() == "Minggu ini"
    tab.timeline.resize(1366, tab.timeline.height())
    item = next(i for i in tab.timeline.items if i.key == ("hearse", booking.id))
    assert item.short.split("\n") == ["09.00", f"alm. {booking.deceased_name}",
                                        booking.cemetery_name]
    rect = tab.timeline.item_rect(item)
    assert rect.width() < 40  # too narrow for words: they go in the room after the block
    assert tab.timeline._free_right(item, rect) - rect.right() > 80  # to the end of its day
    path = tmp_path / "minggu.pdf"
    tab.write_pdf(str(path))
    data = path.read_bytes()
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 7


def test_live_update_reaches_a_second_calendar(qtbot, office_data):
    first = open_page(qtbot, office_data["actor"], poll_ms=50)
    second = open_page(qtbot, office_data["actor"], poll_ms=50)
    assert second.watcher.mode == "poll"
    day = local_naive(local(1, 9)).date()
    first.hearse_tab.go_to(day)
    second.hearse_tab.go_to(day)
    assert second.hearse_tab.timeline.items == []
    dialog = first.hearse_tab.make_dialog(None)
    qtbot.addWidget(dialog)
    fill_hearse_dialog(dialog, local(1, 9))
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    qtbot.waitUntil(lambda: len(second.hearse_tab.timeline.items) == 1, timeout=3000)
    # and a change the other way: cancelling from the second shows on the first
    booking = HearseBooking.get()
    hearse.cancel(office_data["actor"], booking, "Dibatalkan keluarga")
    qtbot.waitUntil(lambda: [i.state for i in first.hearse_tab.timeline.items] == ["cancelled"],
                    timeout=3000)


def test_clerk_sees_the_schedule_without_edit_controls(qtbot, office_data):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    page = open_page(qtbot, clerk)
    assert page.hearse_tab.new_button.isHidden()
    assert page.hearse_tab.open_dialog(None) is None
