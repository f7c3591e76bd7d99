"""Tell open calendars when another PC changed the schedule.

PostgreSQL: LISTEN on a dedicated connection whose socket a QSocketNotifier watches, so a
change arrives the moment it commits. SQLite and MariaDB: poll the change counter.
"""
import logging

from peewee import PostgresqlDatabase
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from desktop.models import db
from desktop.services.schedule import changes
from desktop.views import workers

log = logging.getLogger(__name__)

POLL_MS = 2000


class ScheduleWatcher(QObject):
    changed = Signal()

    def __init__(self, parent=None, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self._seen = changes.current()
        self._polling = False
        self._listen_conn = None
        self._notifier = None
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        if not (isinstance(db.obj, PostgresqlDatabase) and self._listen()):
            self.timer.start()

    @property
    def mode(self) -> str:
        return "listen" if self._notifier is not None else "poll"

    def _listen(self) -> bool:
        try:
            import psycopg2

            params = dict(db.obj.connect_params)
            conn = psycopg2.connect(dbname=db.obj.database, **params)
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(f"LISTEN {changes.CHANNEL}")
        except Exception:  # fall back to polling; the calendar still updates
            log.warning("LISTEN unavailable; polling the schedule instead", exc_info=True)
            return False
        self._listen_conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notify)
        return True

    def _on_notify(self, *args) -> None:
        try:
            self._listen_conn.poll()
        except Exception:
            log.warning("LISTEN connection lost; polling the schedule instead", exc_info=True)
            self.stop_listening()
            self.timer.start()
            return
        if self._listen_conn.notifies:
            self._listen_conn.notifies.clear()
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
        self.stop_listening()
