"""The calendar's watcher on every backend: LISTEN/NOTIFY on PostgreSQL, polling elsewhere."""
import multiprocessing

import pytest

from desktop.models import db
from desktop.services.schedule import changes
from desktop.views.schedule.schedule_watch import ScheduleWatcher


def _bump_elsewhere(url):
    from desktop import database
    from desktop.models import db
    from desktop.services.schedule import changes

    database.connect(url)
    changes.ensure_row()
    with db.atomic():
        changes.bump()
    database.close()


@pytest.fixture
def watcher(backend_db):
    watcher = ScheduleWatcher(poll_ms=50)
    yield watcher
    watcher.stop()


def test_watcher_hears_another_pcs_change(qtbot, backend_db, watcher):
    expected = "listen" if backend_db.startswith("postgresql") else "poll"
    assert watcher.mode == expected
    process = multiprocessing.get_context("spawn").Process(target=_bump_elsewhere,
                                                           args=(backend_db,))
    with qtbot.waitSignal(watcher.changed, timeout=15000):
        process.start()
    process.join(timeout=30)
    assert process.exitcode == 0


def test_notify_arrives_only_on_commit(qtbot, backend_db, watcher):
    if watcher.mode != "listen":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; other backends poll committed values")
    changes.ensure_row()
    fired = []
    watcher.changed.connect(lambda: fired.append(1))
    with db.atomic() as transaction:
        changes.bump()
        qtbot.wait(300)
        assert fired == []
        transaction.rollback()
    qtbot.wait(300)
    assert fired == []
    with db.atomic():
        changes.bump()
    qtbot.waitUntil(lambda: fired == [1], timeout=3000)


def test_a_dropped_listen_connection_is_restored(qtbot, backend_db):
    """The server restarts or the network blinks: the watcher polls meanwhile, then LISTENs
    again and still hears every change."""
    watcher = ScheduleWatcher(poll_ms=50, relisten_ms=400)
    try:
        if watcher.mode != "listen":
            pytest.skip("LISTEN/NOTIFY is PostgreSQL's; other backends poll committed values")
        changes.ensure_row()
        fired = []
        watcher.changed.connect(lambda: fired.append(1))
        pid = watcher._listen_conn.get_backend_pid()
        db.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
        qtbot.waitUntil(lambda: watcher.mode == "poll", timeout=5000)
        with db.atomic():  # while not listening: the polling sees it
            changes.bump()
        qtbot.waitUntil(lambda: len(fired) == 1, timeout=5000)
        qtbot.waitUntil(lambda: watcher.mode == "listen", timeout=5000)
        assert not watcher.timer.isActive()  # no more polling once listening again
        assert watcher._listen_conn.get_backend_pid() != pid
        with db.atomic():
            changes.bump()
        qtbot.waitUntil(lambda: len(fired) == 2, timeout=5000)
    finally:
        watcher.stop()
