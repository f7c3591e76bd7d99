"""Many PCs issue the last items of one stock at the same moment: never below zero, exactly
as many issues as there were items."""
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.services.stock import stock
from tests.factories import make_user
from tests.races import run_together

PROCESSES = 12
LEFT = 5


def _issue(url, item_id, start, results):
    from desktop import database
    from desktop.errors import ValidationError
    from desktop.models import User

    database.connect(url)
    actor = User.get(User.username == "layanan")
    start.wait()
    try:
        movement = stock.issue(actor, item_id, 1, moved_on=timefmt.to_local(utcnow()).date(),
                               source="banjir")
        results.put(("ok", movement.id))
    except ValidationError as exc:
        results.put(("refused", exc.message))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("error", repr(exc)))
    finally:
        database.close()


def test_the_last_items_go_once(backend_db):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    item = stock.save_item(clerk, name="Selimut", unit="lembar")
    stock.receive(clerk, item.id, LEFT, moved_on=timefmt.to_local(utcnow()).date(),
                  source="Kemensos RI")
    outcomes = run_together(_issue, [(backend_db, item.id)] * PROCESSES)
    assert [o for o in outcomes if o[0] == "error"] == []
    assert sum(o[0] == "ok" for o in outcomes) == LEFT
    assert all("tinggal 0 lembar" in o[1] for o in outcomes if o[0] == "refused")
    assert stock.on_hand(item.id) == 0
