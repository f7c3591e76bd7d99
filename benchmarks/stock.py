"""`stock_on_hand`: one item's stock after 100,000 movements, as the distribution form and
the issue check read it (stock.on_hand, through the ORM), against the raw SUM query, in the
same run. Both are one SUM in the database, read from the (item, quantity) index."""
import datetime

from benchmarks.applications import _compare, _Nothing
from desktop.models import AidItem, StockMovement, db, utcnow
from desktop.services.stock import stock

MOVEMENTS = 100_000
NAME = "Beras (bench)"


def ensure_movements(count: int = MOVEMENTS) -> int:
    """An item with `count` movements (received and issued in turn), beside the demo's."""
    now = utcnow()
    item = AidItem.get_or_none(AidItem.name == NAME) or AidItem.create(
        created_at=now, created_by="bench", updated_at=now, updated_by="bench", version=1,
        name=NAME, unit="kg", movements=0)
    have = StockMovement.select().where(StockMovement.item == item.id).count()
    day = now.date() - datetime.timedelta(days=365)
    fields = [StockMovement.created_at, StockMovement.created_by, StockMovement.updated_at,
              StockMovement.updated_by, StockMovement.version, StockMovement.item,
              StockMovement.quantity, StockMovement.kind, StockMovement.moved_on,
              StockMovement.source, StockMovement.note]
    rows = [(now, "bench", now, "bench", 1, item.id, 3 if i % 2 == 0 else -2,
             "masuk" if i % 2 == 0 else "keluar", day + datetime.timedelta(days=i % 365),
             "bench", "") for i in range(have, count)]
    with db.atomic():
        for start in range(0, len(rows), 1000):
            StockMovement.insert_many(rows[start:start + 1000], fields=fields).execute()
    from desktop.services.shell import schema

    schema.refresh_statistics()
    return item.id


def run(repeats: int = 7, suffix: str = "") -> dict:
    item_id = ensure_movements()
    param = "?" if isinstance(db.obj, __import__("peewee").SqliteDatabase) else "%s"
    expected = stock.on_hand(item_id)

    def service():
        assert stock.on_hand(item_id) == expected
        return _Nothing()

    def raw():
        total = db.execute_sql(f"SELECT SUM(quantity) FROM stock_movement WHERE item_id = "
                               f"{param}", (item_id,)).fetchone()[0]
        assert total == expected
        return _Nothing()

    return _compare("stock_on_hand" + suffix, service, raw, repeats, queries=1)
