"""The stock forms report every field at fault after one press of Simpan, each marked with
its message, the first focused; required fields carry "*"."""
import pytest

from desktop.models import AidItem, StockMovement
from desktop.services.shared import permissions
from desktop.services.stock import stock
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session
from desktop.views.stock.stock_page import CountDialog, ItemDialog, ReceiveDialog
from tests.factories import make_user
from tests.form_marks import label_of, message_under


@pytest.fixture
def clerk(sqlite_db):
    return make_user("layanan", role=permissions.FRONT_OFFICE)


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_empty_item_marks_every_required_field_in_one_press(qtbot, clerk):
    dialog = _open(qtbot, ItemDialog(Session(clerk, "Tertanam (SQLite)", "sqlite://")))
    dialog.unit.setCurrentText("")
    dialog.save_button.click()
    assert not dialog.result() and AidItem.select().count() == 0
    for widget in (dialog.name, dialog.unit):
        assert is_marked(widget) and message_under(widget) == "Wajib diisi."
    for label in stock.ITEM_REQUIRED:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label
    assert dialog.focusWidget() is dialog.name


def test_received_and_counted_stock_mark_every_required_field(qtbot, clerk):
    session = Session(clerk, "Tertanam (SQLite)", "sqlite://")
    item = stock.save_item(clerk, name="Beras", unit="kg")
    dialog = _open(qtbot, ReceiveDialog(session, item))
    dialog.moved_on.line.clear()
    dialog.save_button.click()
    assert is_marked(dialog.moved_on) and is_marked(dialog.source)
    assert message_under(dialog.moved_on).startswith("Wajib diisi")
    assert dialog.error.text().startswith("2 isian perlu diperbaiki")
    assert dialog.focusWidget() is dialog.moved_on.line
    for label in stock.RECEIVE_REQUIRED:
        assert REQUIRED_MARK in label_of(dialog.errors.fields[label]), label

    count = _open(qtbot, CountDialog(session, item))
    count.moved_on.line.clear()
    count.save_button.click()
    assert is_marked(count.moved_on) and is_marked(count.note)
    assert count.focusWidget() is count.moved_on.line
    assert StockMovement.select().count() == 0
