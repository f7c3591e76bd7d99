"""The booking dialogs report every field at fault after one press, each marked with its
message, the first focused; required fields carry "*"."""
import datetime

import pytest

from desktop.models import Blackout, DutyAssignment, HearseBooking
from desktop.services.schedule import clinic, hearse, resources
from desktop.services.schedule.fields import to_utc
from desktop.services.shared.timefmt import utcnow
from desktop.views.schedule.schedule_admin import BlackoutDialog, ResourceDialog
from desktop.views.schedule.schedule_dialogs import ClinicDialog, HearseDialog, local_naive
from desktop.views.schedule.schedule_page import SchedulePage
from desktop.views.shell.session import Session
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from tests.form_marks import label_of, message_under
from tests.schedule import test_gui_schedule
from tests.schedule.test_schedule import local

office_data = test_gui_schedule.office_data


def test_empty_hearse_booking_marks_every_required_field_in_one_press(qtbot, office_data):
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.death_edit.setDate(None)
    dialog.save_button.click()
    assert dialog.result_record is None
    wrong = {"NIK penanggung jawab": dialog.nik_edit, "Nama penanggung jawab": dialog.name_edit,
             "Telepon penanggung jawab": dialog.phone_edit,
             "Nama almarhum": dialog.deceased_edit, "Tanggal meninggal": dialog.death_edit,
             "Alamat rumah duka": dialog.address_edit, "Pemakaman": dialog.cemetery_combo}
    for label, widget in wrong.items():
        assert is_marked(widget), label
        assert "Wajib diisi" in message_under(widget), label
        assert REQUIRED_MARK in label_of(widget), label
    assert message_under(dialog.nik_edit) == "Wajib diisi."
    assert not is_marked(dialog.relation_combo) and not is_marked(dialog.deceased_nik_edit)
    assert dialog.error.text().startswith("7 isian perlu diperbaiki")
    assert dialog.focusWidget() is dialog.nik_edit
    for label in hearse.REQUIRED:
        assert label in dialog.errors.fields, label

    # Fixed fields lose their mark on the next press; the rest keep theirs.
    dialog.nik_edit.setText("3371011503850001")
    dialog.name_edit.setText("Agus Prasetyo")
    dialog.save_button.click()
    assert not is_marked(dialog.nik_edit) and not message_under(dialog.nik_edit)
    assert is_marked(dialog.phone_edit)
    assert dialog.focusWidget() is dialog.phone_edit


def test_a_typed_cemetery_stars_where_it_is_and_a_listed_one_does_not(qtbot, office_data):
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    place = (dialog.kelurahan_edit, dialog.city_edit)
    assert all(REQUIRED_MARK not in label_of(w) for w in place)
    dialog.cemetery_combo.setEditText("Makam Keluarga Kiai")  # not on the list
    assert all(label_of(w).count("*") == 1 for w in place)
    dialog.save_button.click()  # the service asks them too
    for widget in place:
        assert is_marked(widget) and message_under(widget).startswith("Wajib diisi")
    dialog.cemetery_combo.setCurrentIndex(0)  # a listed one: its place is known
    assert all(REQUIRED_MARK not in label_of(w) for w in place)


def test_typed_death_date_is_read_as_typed_and_a_wrong_one_named(qtbot, office_data):
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.death_edit.line.clear()
    qtbot.keyClicks(dialog.death_edit.line, "31/02/2026")
    dialog.save_button.click()
    assert message_under(dialog.death_edit).startswith("Tanggal 31 tidak ada pada Februari 2026")
    assert is_marked(dialog.death_edit)
    # The same press names every other field at fault too, and books nothing.
    for widget in (dialog.nik_edit, dialog.name_edit, dialog.deceased_edit,
                   dialog.address_edit, dialog.cemetery_combo):
        assert is_marked(widget) and message_under(widget) == "Wajib diisi.", label_of(widget)
    assert dialog.error.text().startswith("7 isian perlu diperbaiki")
    assert dialog.result_record is None and HearseBooking.select().count() == 0


def test_a_wrong_date_in_an_otherwise_complete_form_saves_nothing(qtbot, office_data):
    """The service, asked on trial with the date empty, would accept: nothing is kept."""
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    test_gui_schedule.fill_hearse_dialog(dialog, local(1, 9))
    dialog.death_edit.line.clear()
    qtbot.keyClicks(dialog.death_edit.line, "31/02/2026")
    dialog.save_button.click()
    assert dialog.error.text().startswith("Tanggal meninggal: tanggal 31 tidak ada")
    assert [w for w in dialog.errors.fields.values() if is_marked(w)] == [dialog.death_edit]
    assert dialog.result_record is None and HearseBooking.select().count() == 0
    dialog.death_edit.line.clear()
    qtbot.keyClicks(dialog.death_edit.line, "28/02/2026")
    dialog.save_button.click()
    assert dialog.result_record is not None and HearseBooking.select().count() == 1


def test_empty_clinic_request_marks_every_required_field(qtbot, office_data):
    dialog = ClinicDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    for widget in (dialog.nik_edit, dialog.kk_edit, dialog.name_edit, dialog.address_edit,
                   dialog.phone_edit):
        assert is_marked(widget) and "Wajib diisi" in message_under(widget)
    assert dialog.focusWidget() is dialog.nik_edit
    for label in clinic.REQUIRED:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label


def test_error_colour_stays_on_the_combo_not_its_list(qtbot, office_data):
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    combo = dialog.cemetery_combo
    assert is_marked(combo)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    colour = view.grab().toImage().pixelColor(view.width() // 2, 5)
    assert colour.name() != "#fdecea"
    field = combo.grab().toImage().pixelColor(combo.width() // 2, combo.height() - 4)
    assert field.name() == "#fdecea"
    combo.hidePopup()


def test_typed_departure_is_read_as_typed(qtbot, office_data):
    dialog = HearseDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.when_edit
    edit.line.clear()
    when = local_naive(utcnow()) + datetime.timedelta(days=30)
    qtbot.keyClicks(edit.line, f"{when:%d/%m/%y} 10.30")  # a two-digit year
    edit.line.editingFinished.emit()
    assert edit.text() == f"{when:%d/%m/%Y} 10.30"
    assert dialog.values()["departure_at"] == to_utc(when.replace(hour=10, minute=30,
                                                                  second=0, microsecond=0))
    edit.line.clear()
    qtbot.keyClicks(edit.line, f"{when:%d/%m/%Y}")  # no time
    dialog.save_button.click()
    assert message_under(edit).startswith("Jamnya belum ditulis") and is_marked(edit)


def _page(qtbot, office_data):
    page = SchedulePage(Session(office_data["actor"], "Tertanam (SQLite): test.db",
                                "sqlite:///x"))
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.mark.parametrize("kind, required", [
    ("vehicle", resources.VEHICLE_REQUIRED), ("driver", resources.DRIVER_REQUIRED),
    ("technician", resources.TECHNICIAN_REQUIRED), ("cemetery", resources.CEMETERY_REQUIRED)])
def test_empty_fleet_staff_and_cemetery_forms_mark_every_required_field(
        qtbot, office_data, kind, required):
    dialog = ResourceDialog(office_data["actor"], kind)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert not dialog.result()
    assert is_marked(dialog.first_edit) and message_under(dialog.first_edit)
    assert dialog.focusWidget() is dialog.first_edit
    for label in required:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label
    assert is_marked(dialog.second_edit) == (kind == "vehicle")  # the others' is optional


def test_an_empty_blackout_marks_every_required_field(qtbot, office_data):
    dialog = BlackoutDialog(office_data["actor"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_edit.line.clear()
    dialog.end_edit.line.clear()
    dialog.save_button.click()
    assert not dialog.result() and Blackout.select().count() == 0
    for widget in (dialog.start_edit, dialog.end_edit, dialog.reason_edit):
        assert is_marked(widget) and message_under(widget).startswith("Wajib diisi")
    assert dialog.focusWidget() is dialog.start_edit.line
    for label in resources.BLACKOUT_REQUIRED:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label


def test_the_roster_form_marks_every_field_at_fault(qtbot, office_data):
    tab = _page(qtbot, office_data).roster_tab
    tab.duty_combo.setCurrentIndex(tab.duty_combo.findData("officer"))
    tab.day_edit.line.clear()
    tab.add_button.click()
    assert is_marked(tab.day_edit) and is_marked(tab.officer_edit)
    assert message_under(tab.officer_edit) == "Wajib diisi."
    assert tab.focusWidget() is tab.day_edit.line
    for widget in (tab.day_edit, tab.officer_edit, tab.person_combo):
        assert REQUIRED_MARK in label_of(widget)
    assert DutyAssignment.select().count() == 0

    qtbot.keyClicks(tab.day_edit.line, "15/12/27")  # a two-digit year
    tab.officer_edit.setText("Eko Nugroho")
    tab.add_button.click()
    assert not is_marked(tab.day_edit)
    assert DutyAssignment.get().day == datetime.date(2027, 12, 15)


def test_the_roster_week_is_typed_and_a_wrong_one_named(qtbot, office_data):
    tab = _page(qtbot, office_data).roster_tab
    tab.week_edit.line.clear()
    qtbot.keyClicks(tab.week_edit.line, "15/12/27")
    tab.week_edit.line.editingFinished.emit()
    assert tab.week_edit.text() == "15/12/2027"
    assert tab.model.index(0, 0).data() == "Rabu, 15 Desember 2027"
    tab.week_edit.line.clear()
    qtbot.keyClicks(tab.week_edit.line, "31/02/27")
    tab.week_edit.line.editingFinished.emit()
    assert is_marked(tab.week_edit)
    assert tab.week_message.text() == ("Tujuh hari mulai: tanggal 31 tidak ada pada "
                                       "Februari 2027 (hanya sampai tanggal 28).")
    assert tab.model.index(0, 0).data() == "Rabu, 15 Desember 2027"  # the list stays


def test_the_calendar_day_is_typed_and_a_wrong_one_named(qtbot, office_data):
    page = _page(qtbot, office_data)
    tab = page.hearse_tab
    tab.date_edit.line.clear()
    qtbot.keyClicks(tab.date_edit.line, "15/12/27")
    tab.date_edit.line.editingFinished.emit()
    assert tab.day == datetime.date(2027, 12, 15)
    assert "15 Desember 2027" in tab.title_label.text()
    tab.date_edit.line.clear()
    qtbot.keyClicks(tab.date_edit.line, "15/13/27")
    tab.date_edit.line.editingFinished.emit()
    assert is_marked(tab.date_edit) and tab.day == datetime.date(2027, 12, 15)
    assert page.message_label.text().startswith("Tanggal: bulan 13 tidak ada")
    tab.next_button.click()  # the arrows still move on from the day shown
    assert tab.day == datetime.date(2027, 12, 16) and tab.date_edit.text() == "16/12/2027"
    assert not is_marked(tab.date_edit) and not page.message_label.text()

