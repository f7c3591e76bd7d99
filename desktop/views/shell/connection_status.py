"""The status bar's word on the database: shown while the server (or the embedded file) does
not answer, with a quiet retry every few seconds until it does."""
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel

from desktop import resilient
from desktop.views.shared.forms import ERROR_TEXT_STYLE
from desktop.views.shell import workers

LOST_TEXT = "Koneksi ke server terputus, mencoba lagi…"
FILE_TEXT = "Berkas database tidak bisa dipakai, mencoba lagi…"  # the embedded SQLite file
RESTORED_TEXT = "Koneksi ke database pulih kembali."
RETRY_MS = 5000


class ConnectionStatus(QLabel):
    """A permanent status-bar label; hidden while the database answers."""

    changed = Signal(object)  # the problem's message, or None; emitted from any thread

    def __init__(self, status_bar, retry_ms: int = RETRY_MS):
        super().__init__(LOST_TEXT)
        self._status_bar = status_bar
        self.setObjectName("connectionStatus")
        self.setStyleSheet(ERROR_TEXT_STYLE + " font-weight: bold;")
        self.setContentsMargins(6, 0, 6, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(retry_ms)
        self._timer.timeout.connect(self._retry)
        self._probing = False
        self.changed.connect(self._show)  # queued when emitted on a pool thread
        resilient.health.subscribe(self._relay)
        self._show(resilient.health.problem)

    def _relay(self, problem) -> None:
        try:
            self.changed.emit(problem)
        except RuntimeError:  # the window is gone
            resilient.health.unsubscribe(self._relay)

    def stop(self) -> None:
        resilient.health.unsubscribe(self._relay)
        self._timer.stop()

    def _show(self, problem) -> None:
        if problem:
            self.setText(FILE_TEXT if problem.startswith("Berkas database") else LOST_TEXT)
            self.setToolTip(problem)
            self.show()
            if not self._timer.isActive():
                self._timer.start()
            return
        was_shown = self.isVisible() or self._timer.isActive()
        self.hide()
        self._timer.stop()
        if was_shown:
            self._status_bar.showMessage(RESTORED_TEXT, 5000)

    def _retry(self) -> None:
        if self._probing:
            return
        self._probing = True
        workers.run_task(resilient.probe, self._probed, self._probed)

    def _probed(self, _outcome) -> None:
        self._probing = False  # health has already said whether the database answered
