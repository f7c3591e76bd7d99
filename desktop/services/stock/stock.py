"""The office's aid stock. On hand is the sum of an item's movements, computed by the
database. Issuing is serialised per item: the first statement of its transaction bumps the
item's movement counter (a row lock on PostgreSQL and MariaDB, the write lock on SQLite), so
the sum read after it sees every issue committed before, and stock never goes below zero
when two PCs issue the last items at the same moment."""
import datetime
from collections.abc import Callable

from peewee import Case, fn

from desktop.errors import NotFound, ValidationError
from desktop.models import AidItem, StockMovement, db
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import clean_text, require_past_date, require_text

KINDS = {"masuk": "Barang masuk", "keluar": "Barang keluar", "koreksi": "Koreksi hitung stok"}
MAX_QUANTITY = 1_000_000
# What each form's empty input is refused for, in the form's order; the dialogs mark them "*".
ITEM_REQUIRED = ("Nama barang", "Satuan")
RECEIVE_REQUIRED = ("Jumlah", "Tanggal", "Asal barang")
COUNT_REQUIRED = ("Hasil hitung", "Tanggal", "Catatan")


def items(active_only: bool = False) -> list[AidItem]:
    query = AidItem.select()
    if active_only:
        query = query.where(AidItem.active)
    return list(query.order_by(AidItem.name))


def get_item(item_id) -> AidItem:
    item = AidItem.get_or_none(AidItem.id == item_id)
    if item is None:
        raise NotFound("Barang ini tidak ditemukan lagi di daftar stok.")
    return item


def on_hand(item_id: int) -> int:
    """One item's stock on hand: SUM over its movements, in the database."""
    return int(StockMovement.select(fn.SUM(StockMovement.quantity))
               .where(StockMovement.item == item_id).scalar() or 0)  # NULL: no movements


def totals() -> dict[int, tuple[int, int, int]]:
    """{item id: (received, issued, on hand)} for every item with movements, one GROUP BY.
    Corrections count on the side they went."""
    incoming = Case(None, [(StockMovement.quantity > 0, StockMovement.quantity)], 0)
    rows = (StockMovement.select(StockMovement.item, fn.SUM(incoming),
                                 fn.SUM(StockMovement.quantity))
            .group_by(StockMovement.item).tuples())
    return {item: (int(got), int(got) - int(left), int(left)) for item, got, left in rows}


def movements(item_id: int, limit: int = 200) -> list[StockMovement]:
    return list(StockMovement.select().where(StockMovement.item == item_id)
                .order_by(StockMovement.moved_on.desc(), StockMovement.id.desc()).limit(limit))


def quantity_of(value, field: str = "Jumlah") -> int:
    if isinstance(value, bool):
        raise ValidationError(field, "isi jumlah barang dengan angka.")
    if value is None or str(value).strip() == "":
        raise ValidationError(field, "wajib diisi.")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError(field, "isi jumlah barang dengan angka bulat.") from None
    if not 1 <= number <= MAX_QUANTITY:
        raise ValidationError(field, f"antara 1 dan {MAX_QUANTITY:,}".replace(",", ".") + ".")
    return number


def _day(value, today: datetime.date | None) -> datetime.date:
    return require_past_date(value, "Tanggal", today or timefmt.to_local(timefmt.utcnow()).date())


def save_item(actor, item: AidItem | None = None, *, name: str, unit: str,
              active: bool = True) -> AidItem:
    permissions.require(actor, "stock.manage")
    checks = FieldChecks()
    name = checks.run(require_text, name, "Nama barang", 120)
    if name is not None:
        existing = AidItem.get_or_none(AidItem.name == name)
        if existing is not None and (item is None or existing.id != item.id):
            checks.add("Nama barang", "sudah ada di daftar stok.")
    unit = checks.run(require_text, unit, "Satuan", 20)
    if (item is not None and unit is not None and item.unit != unit
            and StockMovement.select().where(StockMovement.item == item.id).exists()):
        checks.add("Satuan", "barang ini sudah punya catatan stok; satuannya tidak diubah "
                   "(buat barang baru dengan satuan lain).")
    checks.raise_errors()
    clean = dict(name=name, unit=unit, active=bool(active))
    if item is None:
        return records.create(AidItem, actor, duplicate=lambda: ValidationError(
            "Nama barang", "baru saja ditambahkan di PC lain; muat ulang daftarnya."), **clean)
    return records.update(item, actor, **clean)


def receive(actor, item_id, quantity, *, moved_on, source: str, note: str = "",
            today: datetime.date | None = None) -> StockMovement:
    """Aid that came in: from the ministry, the province, BPBD, a donor."""
    permissions.require(actor, "stock.manage")
    item = get_item(item_id)
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    values = dict(item=item.id, quantity=checks.run(quantity_of, quantity), kind="masuk",
                  moved_on=checks.run(_day, moved_on, today),
                  source=checks.run(require_text, source, "Asal barang", 200),
                  note=checks.run(clean_text, note, "Catatan", 1000))
    checks.raise_errors()
    with db.atomic():
        _lock(item.id)
        return records.create(StockMovement, actor, **values)


def correct(actor, item_id, counted, *, moved_on, note: str,
            today: datetime.date | None = None) -> StockMovement | None:
    """After a stock count: the difference between what was counted and on hand, recorded as
    one correction (None when they agree)."""
    permissions.require(actor, "stock.manage")
    item = get_item(item_id)
    checks = FieldChecks()
    if counted is None or str(counted).strip() == "":
        checks.add("Hasil hitung", "wajib diisi.")
    elif isinstance(counted, bool) or not str(counted).strip().isdigit():
        checks.add("Hasil hitung", "isi jumlah yang dihitung di gudang (0 atau lebih).")
    day = checks.run(_day, moved_on, today)
    note = checks.run(require_text, note, "Catatan", 1000)
    checks.raise_errors()
    counted = int(str(counted).strip())
    with db.atomic():
        _lock(item.id)
        difference = counted - on_hand(item.id)
        if difference == 0:
            return None
        return records.create(StockMovement, actor, item=item.id, quantity=difference,
                              kind="koreksi", moved_on=day, source="hitung stok", note=note)


def _lock(item_id: int) -> None:
    """The first statement of a stock transaction: the item's row (or SQLite's database)
    stays locked until it commits, so each sum that follows is current."""
    (AidItem.update(movements=AidItem.movements + 1).where(AidItem.id == item_id).execute())


def issuable_item(item_id) -> AidItem:
    """The item aid may go out of: chosen, and active on the stock list."""
    if item_id is None:
        raise ValidationError("Barang", "pilih barang dari daftar stok; bila kosong, catat "
                              "barang masuk di Stok Bantuan dulu.")
    item = get_item(item_id)
    if not item.active:
        raise ValidationError("Barang", f"{item.name} tidak aktif di daftar stok; pilih barang "
                              "lain.")
    return item


def issue(actor, item_id, quantity, *, moved_on, source: str, application_id=None,
          note: str = "", then: Callable | None = None, field: str = "Jumlah",
          today: datetime.date | None = None) -> StockMovement:
    """Aid going out, never beyond what is on hand. `then(movement)` runs in the same
    transaction (a distribution's own row): both are saved, or neither. Call it outside any
    transaction, so the lock is its transaction's first statement."""
    permissions.require(actor, "stock.manage")
    checks = FieldChecks()
    item = checks.run(issuable_item, item_id)
    count = checks.run(quantity_of, quantity, field)
    values = dict(quantity=-count if count else None, kind="keluar",
                  moved_on=checks.run(_day, moved_on, today),
                  source=checks.run(require_text, source, "Tujuan", 200),
                  note=checks.run(clean_text, note, "Catatan", 1000), application=application_id)
    checks.raise_errors()
    values["item"] = item.id
    with db.atomic():
        _lock(item.id)
        left = on_hand(item.id)
        if count > left:
            raise ValidationError(field, f"stok {item.name} di gudang tinggal {left} "
                                  f"{item.unit}; kurangi jumlahnya atau catat barang masuk "
                                  "dulu.")
        movement = records.create(StockMovement, actor, **values)
        if then is not None:
            then(movement)
    return movement
