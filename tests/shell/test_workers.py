"""Background tasks: results come back on the UI thread; start-up holds them until released."""
import threading

from desktop.views.shell import workers


def test_results_come_back_on_the_ui_thread(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    seen = []
    workers.run_task(threading.get_ident, lambda worker: seen.append(
        (worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(seen))
    worker_thread, callback_thread = seen[0]
    assert worker_thread != callback_thread == threading.get_ident()


def test_held_tasks_wait_for_release_then_run_in_order(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    results, errors = [], []
    workers.hold()
    try:
        workers.run_task(lambda: 1, results.append)
        workers.run_task(lambda: 1 / 0, results.append, errors.append)
        qtbot.wait(100)
        assert results == [] and errors == [] and not workers.busy()
    finally:
        workers.release()
    qtbot.waitUntil(lambda: bool(results and errors))
    assert results == [1] and isinstance(errors[0], ZeroDivisionError)
    workers.run_task(lambda: 2, results.append)  # no longer held
    qtbot.waitUntil(lambda: results == [1, 2])


def test_after_paint_waits_for_the_event_loops_second_turn(qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication, QLabel

    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    label = QLabel("daftar")
    qtbot.addWidget(label)
    painted, calls = [], []
    label.paintEvent = lambda event: painted.append(len(calls))
    label.show()
    workers.after_paint(lambda: calls.append(len(painted)))
    assert calls == []
    QApplication.processEvents()  # first turn: the label is painted
    qtbot.waitUntil(lambda: bool(calls))
    assert painted and painted[0] == 0 and calls[0] >= 1  # painted before the call, not after
