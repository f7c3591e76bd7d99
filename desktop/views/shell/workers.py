"""Run a service call off the UI thread and hand its result back on the UI thread.

Modelled on Picard's `run_task`: tests set `SYNCHRONOUS = True` so tasks run at once and
callbacks fire before `run_task` returns, which keeps them deterministic.
"""
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from desktop.services.shared import threads

log = logging.getLogger(__name__)

SYNCHRONOUS = False  # tests: run tasks in the calling thread, at once

_pending: set["_Relay"] = set()  # keeps relays alive until their result is delivered
# While the main window is built and painted for the first time, tasks wait here: on two
# cores a worker importing a package holds the GIL and delays that first frame.
_held: list[tuple] | None = None


class _Relay(QObject):
    """Lives on the UI thread; its queued signals carry the worker's outcome there."""

    finished = Signal(bool, object)

    def __init__(self, on_done, on_error):
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        # Emitted on a pool thread to this object, which lives on the UI thread: Qt's automatic
        # connection queues the call, so the slot runs on the UI thread.
        self.finished.connect(self._deliver)

    @Slot(bool, object)
    def _deliver(self, ok, value):
        _pending.discard(self)
        _call(self._on_done, self._on_error, ok, value)


class _Task(QRunnable):
    def __init__(self, func, relay):
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self):
        try:
            # Each pool thread gets its own connection and returns it when done.
            with threads.own_connection():
                value = self._func()
        except Exception as exc:  # handed to on_error on the UI thread
            self._relay.finished.emit(False, exc)
        else:
            self._relay.finished.emit(True, value)


def _call(on_done, on_error, ok, value):
    if ok:
        on_done(value)
    elif on_error is not None:
        on_error(value)
    else:
        log.error("Background task failed", exc_info=value)


def run_task(func: Callable[[], object], on_done: Callable[[object], None],
             on_error: Callable[[Exception], None] | None = None) -> None:
    """Run `func()` on the global thread pool; then `on_done(result)` or `on_error(exc)`."""
    if SYNCHRONOUS:
        try:
            value = func()
        except Exception as exc:
            _call(on_done, on_error, False, exc)
        else:
            _call(on_done, on_error, True, value)
        return
    if _held is not None:
        _held.append((func, on_done, on_error))
        return
    relay = _Relay(on_done, on_error)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Task(func, relay))


def after_paint(callback: Callable[[], None]) -> None:
    """Call `callback` on the event loop's second turn from now. The first turn paints what was
    just shown or changed, so work started here never competes with that frame (tests, which
    run tasks synchronously, get the call at once)."""
    if SYNCHRONOUS:
        callback()
        return
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, callback))


def hold() -> None:
    """Keep tasks started from now on until release() (see _held)."""
    global _held
    if _held is None:
        _held = []


def release() -> None:
    """Start the held tasks, in order; later tasks start at once again."""
    global _held
    held, _held = _held or [], None
    for func, on_done, on_error in held:
        run_task(func, on_done, on_error)


def busy() -> bool:
    """True while a task's result has not reached the UI thread yet."""
    return bool(_pending)


def wait_for_all(timeout_ms: int = 10000) -> bool:
    """Block until the pool is idle (shutdown and tests); queued results still need events."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
