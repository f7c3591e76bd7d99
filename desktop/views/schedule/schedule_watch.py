"""Tell open calendars when another PC changed the schedule.

PostgreSQL: LISTEN on a dedicated connection whose socket a QSocketNotifier watches, so a
change arrives the moment it commits. SQLite and MariaDB: poll the change counter. When the
LISTEN connection drops (the server restarted, the network blinked), the watcher polls and
tries to LISTEN again every RELISTEN_MS.
"""
import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from shiboken6 import isValid

from desktop.services.schedule import changes
from desktop.views.shell import workers

log = logging.getLogger(__name__)

POLL_MS = 2000
RELISTEN_MS = 30_000


class ScheduleWatcher(QObject):
    changed = Signal()

    def __init__(self, parent=None, poll_ms: int = POLL_MS, relisten_ms: int = RELISTEN_MS):
        super().__init__(parent)
        self._seen = changes.current()
        self._polling = False
        self._listen_conn = None
        self._notifier = None
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.relisten_timer = QTimer(self)
        self.relisten_timer.setInterval(relisten_ms)
        self.relisten_timer.timeout.connect(self._relisten)
        if not (changes.can_listen() and self._listen()):
            self.timer.start()

    @property
    def mode(self) -> str:
        return "listen" if self._notifier is not None else "poll"

    def _listen(self) -> bool:
        try:
            conn = changes.listening_connection()
        except Exception:  # fall back to polling; the calendar still updates
            log.warning("LISTEN unavailable; polling the schedule instead", exc_info=True)
            return False
        self._attach(conn)
        return True

    def _attach(self, conn) -> None:
        self._listen_conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notify)

    def _relisten(self) -> None:
        """After a drop: connect in the background (a server that is down may take seconds to
        refuse), then hear changes again and poll once for any made while not listening."""
        self.relisten_timer.stop()
        workers.run_task(changes.listening_connection, self._relistened, self._relisten_failed)

    def _relistened(self, conn) -> None:
        if not isValid(self) or not self.timer.isActive():  # stopped or gone meanwhile
            conn.close()
            return
        self._attach(conn)
        self.timer.stop()
        self.poll()
        log.info("LISTEN restored for the schedule")

    def _relisten_failed(self, exc) -> None:
        if isValid(self) and self.timer.isActive():
            log.info("LISTEN still unavailable (%s); polling the schedule", exc)
            self.relisten_timer.start()

    def _on_notify(self, *args) -> None:
        try:
            heard = changes.heard(self._listen_conn)
        except Exception:
            log.warning("LISTEN connection lost; polling the schedule instead", exc_info=True)
            self.stop_listening()
            self.timer.start()
            self.relisten_timer.start()
            return
        if heard:
            self.changed.emit()

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        workers.run_task(changes.current, self._polled, self._poll_failed)

    def _polled(self, value) -> None:
        self._polling = False
        if value != self._seen:
            self._seen = value
            self.changed.emit()

    def _poll_failed(self, exc) -> None:
        self._polling = False
        log.warning("Schedule poll failed: %s", exc)

    def stop_listening(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listen_conn is not None:
            try:
                self._listen_conn.close()
            except Exception:
                pass
            self._listen_conn = None

    def stop(self) -> None:
        self.timer.stop()
        self.relisten_timer.stop()
        self.stop_listening()
