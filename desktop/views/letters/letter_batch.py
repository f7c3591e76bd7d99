"""Draft the letters of many applications at once, in a worker thread, with progress and Batal.

batch.draft_many runs on the thread pool (workers.run_task gives it its own connection). Its
progress callback emits a signal of an object living on the UI thread, so the bar is updated
there; Batal only sets a flag the batch reads before each application.
"""
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
                               QProgressBar, QPushButton, QVBoxLayout)
from shiboken6 import isValid

from desktop.services.admin import users
from desktop.services.letters import batch
from desktop.views.letters.letter_dialog import signer_combo
from desktop.views.shared import window_size
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import ERROR_TEXT_STYLE, OK_TEXT_STYLE
from desktop.views.shell import workers


class _Progress(QObject):
    """Created on the UI thread: a signal emitted from the worker is queued to it."""

    advanced = Signal(int, int)


class BatchLetterDialog(QDialog):
    finished_batch = Signal(object)  # the BatchResult, or the exception (tests wait on it)

    def __init__(self, session, application_ids, parent=None):
        super().__init__(parent)
        self.session = session
        self.application_ids = list(dict.fromkeys(application_ids))
        self.result: batch.BatchResult | None = None
        self.running = False
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advance)
        self.setWindowTitle("Buat surat untuk beberapa permohonan — Pelita")
        window_size.fit(self, 620, 420)

        count = len(self.application_ids)
        intro = QLabel(f"Konsep surat akan dibuat untuk {count} permohonan yang dipilih, "
                       "masing-masing dengan surat pertama layanannya. Permohonan yang tidak "
                       "menghasilkan surat dilewati dengan alasannya.")
        intro.setWordWrap(True)
        self.signer_combo = signer_combo(self.session.user)
        form = QFormLayout()
        form.addRow("Penanda tangan:", self.signer_combo)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, max(count, 1))
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%v dari %m (%p%)")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("Hasil akan tampil di sini.")
        if not users.signers(self.session.user):
            self._say("Belum ada pengguna berperan Kepala yang aktif; minta administrator "
                      "menambahkannya di menu Pengguna.", error=True)

        self.cancel_button = QPushButton("Batal")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.start_button = QPushButton("Buat konsep surat")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.start_button.setEnabled(count > 0 and self.signer_combo.count() > 0)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_TEXT_STYLE if error else "")
        self.status.setText(text)

    def start(self) -> None:
        if self.running or self.result is not None:
            return
        signer = self.signer_combo.currentData()
        if signer is None:
            self._say("Pilih pejabat penanda tangan.", error=True)
            return
        self.running = True
        self._cancel.clear()
        self.signer_combo.setEnabled(False)
        self.start_button.setEnabled(False)
        self.cancel_button.setText("Batal")
        self._say("Membuat konsep surat…")
        actor, ids, relay = self.session.user, self.application_ids, self._progress

        def work():
            return batch.draft_many(actor, ids, signer, progress=relay.advanced.emit,
                                    cancelled=self._cancel.is_set)

        workers.run_task(work, self._done, self._failed)

    def _advance(self, done: int, total: int) -> None:
        if not isValid(self):
            return
        self.progress_bar.setMaximum(max(total, 1))
        self.progress_bar.setValue(done)
        if self.running and not self._cancel.is_set():
            self._say(f"Membuat konsep surat… {done} dari {total}")

    def cancel(self) -> None:
        """Before starting: close. While running: stop after the current application."""
        if not self.running:
            self.reject()
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._say("Membatalkan: menunggu permohonan yang sedang dikerjakan selesai…")

    def reject(self) -> None:
        if self.running:  # Esc or the close button while working: cancel, then wait
            self.cancel()
            return
        super().reject()

    def _finish(self) -> None:
        self.running = False
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Tutup")
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)

    def _done(self, result: batch.BatchResult) -> None:
        if not isValid(self):
            return
        self.result = result
        self._finish()
        failed = bool(result.failed)
        self.status.setStyleSheet(ERROR_TEXT_STYLE if failed else OK_TEXT_STYLE)
        self.status.setText(result.summary()[:1].upper() + result.summary()[1:])
        lines = []
        if result.created:
            lines.append(f"Dibuat ({len(result.created)}):")
            lines += [f"  • {letter.subject} (surat #{letter.id})"
                      for letter in result.created]
        if result.failed:
            lines.append(f"Gagal ({len(result.failed)}):")
            lines += [f"  • {reg or f'permohonan #{app_id}'}: {reason}"
                      for app_id, reg, reason in result.failed]
        if result.cancelled:
            done = len(result.created) + len(result.failed)
            lines.append(f"Dibatalkan: {len(self.application_ids) - done} permohonan tidak "
                         "dikerjakan.")
        self.report.setPlainText("\n".join(lines))
        self.finished_batch.emit(result)

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self._finish()
        self._say(describe(exc, "Pembuatan surat terhenti."), error=True)
        self.finished_batch.emit(exc)
