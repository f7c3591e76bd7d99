"""Pengaturan's backup section: back the whole database up to one file, with progress and
cancel, and a reminder when the last backup is older than the office's setting."""
import datetime
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QVBoxLayout)
from shiboken6 import isValid

from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import backup, settings
from desktop.services.shared import permissions, timefmt
from desktop.views.shared import file_dialogs
from desktop.views.shared.errors import user_message
from desktop.views.shared.forms import ERROR_TEXT_STYLE, OK_TEXT_STYLE
from desktop.views.shell import workers


class _Progress(QObject):
    """Created on the UI thread: a signal emitted from the worker is queued to it."""

    advanced = Signal(int, int)


def default_file_name(now: datetime.datetime) -> str:
    return f"pelita-cadangan-{timefmt.to_local(now):%Y%m%d-%H%M}.zip"


def reminder_text(now: datetime.datetime) -> tuple[str, bool]:
    """What the box says about the last backup, and whether it is overdue."""
    last = settings.last_backup()
    days = settings.get("backup.remind_days")
    if last is None:
        return "Belum pernah dicadangkan. Buat cadangan sekarang dan simpan di luar PC ini.", True
    text = f"Cadangan terakhir: {timefmt.format_local(last)}."
    if settings.backup_overdue(now):
        return text + f" Sudah lebih dari {days} hari: buat cadangan baru.", True
    return text, False


class BackupBox(QGroupBox):
    finished_backup = Signal(object)  # the Report, or the exception (tests wait on it)

    def __init__(self, session, parent=None):
        super().__init__("Cadangan data (seluruh database)", parent)
        self.session = session
        self.running = False
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advance)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("Cadangkan sekarang…")
        self.backup_button.clicked.connect(self.choose_and_backup)
        self.cancel_button = QPushButton("Batal")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat("%p%")
        self.progress_bar.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        explanation = QLabel("Satu berkas berisi semua data, pindaian dan surat bertanda tangan. "
                             "Bisa dipulihkan ke database SQLite, PostgreSQL atau MariaDB yang "
                             "baru dengan «pelita restore BERKAS --database ALAMAT». Simpan "
                             "salinannya di luar PC dan server ini.")
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.cancel_button)
        self.progress_bar.setMinimumWidth(320)
        row.addWidget(self.progress_bar)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setVisible(permissions.can(session.user, "schema.upgrade"))
        self.refresh()

    def refresh(self) -> None:
        text, overdue = reminder_text(utcnow())
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_TEXT_STYLE if overdue else "")

    def choose_and_backup(self) -> None:
        path = file_dialogs.save_path(self, "Simpan cadangan", default_file_name(utcnow()),
                                      "Cadangan Pelita", ".zip")
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        if self.running:
            return
        self.running = True
        self._cancel.clear()
        self.backup_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._say("Mencadangkan… PC lain tetap bisa bekerja.", ok=True)
        actor, relay, cancelled = self.session.user, self._progress, self._cancel.is_set
        workers.run_task(lambda: backup.backup(actor, path, relay.advanced.emit, cancelled),
                         self._done, self._failed)

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._say("Membatalkan…", ok=True)

    def _advance(self, done: int, total: int) -> None:
        if isValid(self):
            self.progress_bar.setMaximum(max(total, 1))
            self.progress_bar.setValue(done)

    def _finish(self) -> None:
        self.running = False
        self.backup_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress_bar.hide()

    def _done(self, report) -> None:
        if not isValid(self):
            return
        self._finish()
        size = report.path.stat().st_size / 1048576
        self._say(f"Cadangan tersimpan: {report.path} ({report.rows} baris, {size:.1f} MB).",
                  ok=True)
        self.refresh()
        self.finished_backup.emit(report)

    def _failed(self, exc) -> None:
        if not isValid(self):
            return
        self._finish()
        message = user_message(exc)
        if message is None:
            message = "Cadangan gagal dibuat; tidak ada berkas yang tertinggal. Coba lagi."
        if isinstance(exc, OSError):
            message = (f"Berkas cadangan tidak bisa ditulis ({exc.strerror}). Pilih folder "
                       "lain yang bisa ditulisi dan cukup ruangnya.")
        self._say(message, ok=False)
        self.finished_backup.emit(exc)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(OK_TEXT_STYLE if ok else ERROR_TEXT_STYLE)
        self.message.setText(text)
