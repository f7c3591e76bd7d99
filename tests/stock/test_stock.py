"""The aid stock on every backend: on hand is the movements' sum; an issue beyond it is
refused naming what is left, with nothing saved; a count records the difference; items keep
their unit once used."""
import datetime

import pytest

from desktop.errors import PermissionDenied, ValidationError, ValidationErrors
from desktop.models import AidItem, StockMovement
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.services.stock import stock

from tests.factories import make_user


@pytest.fixture
def clerk(backend_db):
    return make_user("layanan", role=permissions.FRONT_OFFICE)


def today():
    return timefmt.to_local(utcnow()).date()


def beras(clerk, received=100):
    item = stock.save_item(clerk, name="Beras", unit="kg")
    stock.receive(clerk, item.id, received, moved_on=today(), source="Kemensos RI")
    return item


def test_on_hand_is_the_sum_of_what_came_in_and_went_out(clerk):
    item = beras(clerk)
    stock.receive(clerk, item.id, "50", moved_on=today(), source="BAZNAS")
    stock.issue(clerk, item.id, 30, moved_on=today(), source="banjir Tidar")
    assert stock.on_hand(item.id) == 120
    assert stock.totals() == {item.id: (150, 30, 120)}
    assert [m.quantity for m in stock.movements(item.id)] == [-30, 50, 100]


def test_an_issue_beyond_the_stock_is_refused_and_nothing_is_saved(clerk):
    item = beras(clerk, received=8)
    before = StockMovement.select().count()
    saved = []
    with pytest.raises(ValidationError) as refused:
        stock.issue(clerk, item.id, 9, moved_on=today(), source="banjir",
                    then=saved.append)
    assert refused.value.field == "Jumlah" and "tinggal 8 kg" in refused.value.message
    assert StockMovement.select().count() == before and saved == []
    with pytest.raises(ValidationError):  # what `then` refuses undoes the movement too
        stock.issue(clerk, item.id, 2, moved_on=today(), source="banjir",
                    then=lambda movement: (_ for _ in ()).throw(
                        ValidationError("Rumah tangga", "tidak ada")))
    assert stock.on_hand(item.id) == 8


def test_a_count_records_the_difference(clerk):
    item = beras(clerk)
    correction = stock.correct(clerk, item.id, 97, moved_on=today(), note="3 kg basah")
    assert correction.quantity == -3 and correction.kind == "koreksi"
    assert stock.correct(clerk, item.id, "97", moved_on=today(), note="cocok") is None
    assert stock.on_hand(item.id) == 97
    assert stock.totals()[item.id] == (100, 3, 97)


@pytest.mark.parametrize("call, field", [
    (lambda c, i: stock.receive(c, i, 0, moved_on=today(), source="x"), "Jumlah"),
    (lambda c, i: stock.receive(c, i, "lima", moved_on=today(), source="x"), "Jumlah"),
    (lambda c, i: stock.receive(c, i, 5, moved_on=today(), source=" "), "Asal barang"),
    (lambda c, i: stock.receive(c, i, 5, moved_on=None, source="x"), "Tanggal"),
    (lambda c, i: stock.receive(c, i, 5, moved_on=today() + datetime.timedelta(days=1),
                                source="x"), "Tanggal"),
    (lambda c, i: stock.issue(c, i, -4, moved_on=today(), source="x"), "Jumlah"),
    (lambda c, i: stock.correct(c, i, -1, moved_on=today(), note="x"), "Hasil hitung"),
    (lambda c, i: stock.correct(c, i, 5, moved_on=today(), note=""), "Catatan"),
    (lambda c, i: stock.save_item(c, name="Beras", unit="kg"), "Nama barang"),
    (lambda c, i: stock.save_item(c, stock.get_item(i), name="Beras", unit="karung"),
     "Satuan"),  # used already: the unit stays
])
def test_bad_input_is_refused_by_field(clerk, call, field):
    item = beras(clerk)
    before = StockMovement.select().count()
    with pytest.raises(ValidationError) as refused:
        call(clerk, item.id)
    assert refused.value.field == field
    assert StockMovement.select().count() == before


def test_only_the_office_s_staff_move_stock(clerk):
    item = beras(clerk)
    head = make_user("kadis", role=permissions.HEAD)
    with pytest.raises(PermissionDenied):
        stock.issue(head, item.id, 1, moved_on=today(), source="x")


def _fields(call) -> list[str]:
    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_forms_name_every_required_field_and_save_nothing(clerk):
    item = beras(clerk)
    items, moves = AidItem.select().count(), StockMovement.select().count()
    assert tuple(_fields(lambda: stock.save_item(clerk, name="", unit=""))) == \
        stock.ITEM_REQUIRED
    assert tuple(_fields(lambda: stock.receive(clerk, item.id, "", moved_on=None,
                                               source=""))) == stock.RECEIVE_REQUIRED
    assert tuple(_fields(lambda: stock.correct(clerk, item.id, "", moved_on=None,
                                               note=""))) == stock.COUNT_REQUIRED
    with pytest.raises(ValidationErrors) as caught:
        stock.receive(clerk, item.id, "", moved_on=None, source="")
    assert caught.value.errors[0].reason == "wajib diisi."
    assert (AidItem.select().count(), StockMovement.select().count()) == (items, moves)


def test_wrong_values_are_named_together(clerk):
    item = beras(clerk)
    before = StockMovement.select().count()
    assert _fields(lambda: stock.receive(
        clerk, item.id, "lima", moved_on=today() + datetime.timedelta(days=1), source="x",
        note="a" * 1001)) == ["Jumlah", "Tanggal", "Catatan"]
    assert _fields(lambda: stock.issue(clerk, None, 0, moved_on=None, source="")) == \
        ["Barang", "Jumlah", "Tanggal", "Tujuan"]
    assert _fields(lambda: stock.save_item(clerk, name="Beras", unit="")) == \
        ["Nama barang", "Satuan"]  # the name is taken, the unit missing
    assert StockMovement.select().count() == before
