"""Hari Kerja & Libur: the holiday's date and the calculator's start are typed (15/12/27 is
15 December 2027); a text that is no date is named, never read as another day."""
import datetime

from desktop.models import HolidayOverride
from desktop.services.shared import permissions
from desktop.views.admin.holidays_page import HolidaysPage
from desktop.views.shared.forms import is_marked
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import message_under


def _page(qtbot):
    admin = make_user("admin", role=permissions.ADMIN)
    page = HolidaysPage(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_typed_holiday_date_is_taken_as_typed_and_a_wrong_one_named(qtbot, sqlite_db):
    page = _page(qtbot)
    page.add_date.line.clear()
    qtbot.keyClicks(page.add_date.line, "31/02/27")
    page.add_name.setText("Cuti bersama")
    assert not page.add_holiday()
    assert is_marked(page.add_date)
    assert message_under(page.add_date) == ("Tanggal 31 tidak ada pada Februari 2027 "
                                             "(hanya sampai tanggal 28).")
    assert HolidayOverride.select().count() == 0
    page.add_date.line.clear()
    qtbot.keyClicks(page.add_date.line, "15/12/27")
    assert page.add_holiday()
    assert HolidayOverride.get().day == datetime.date(2027, 12, 15)
    assert not is_marked(page.add_date) and page.year_spin.value() == 2027


def test_the_calculator_takes_a_typed_start_and_names_a_wrong_one(qtbot, sqlite_db):
    page = _page(qtbot)
    page.calc_days.setValue(1)
    page.calc_start.line.clear()
    qtbot.keyClicks(page.calc_start.line, "15/12/27")  # a Wednesday
    page.calc_start.line.editingFinished.emit()
    assert page.calc_start.text() == "15/12/2027"
    assert "Jatuh tempo: Kamis, 16 Desember 2027" in page.calc_result.text()
    page.calc_start.line.clear()
    qtbot.keyClicks(page.calc_start.line, "15/13/27")
    page.calc_start.line.editingFinished.emit()
    assert is_marked(page.calc_start)
    assert page.calc_result.text().startswith("Mulai: bulan 13 tidak ada")
