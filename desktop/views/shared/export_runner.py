"""Saving an export: the file dialog opens in the user's Documents folder, the work runs on a
background thread under a progress dialog whose Batal stops it, and the result (or why it
failed) is said in one message."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.errors import Cancelled
from desktop.views.shared import file_dialogs
from desktop.views.shared.errors import describe
from desktop.views.shell import workers

save_path = file_dialogs.save_path  # where the export's pages ask for it


class Progress:
    """Shared between the export's thread (it calls the instance) and the dialog's timer."""

    def __init__(self):
        self.done = self.total = 0
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancelled


def progress_dialog(parent, title: str) -> QProgressDialog:
    """Window-modal, with Batal; shown only when the work takes longer than 0.3 s."""
    dialog = QProgressDialog(f"{title}…", "Batal", 0, 0, parent)
    dialog.setWindowTitle("Pelita")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def run(parent, title: str, work, done_text) -> QProgressDialog:
    """Run `work(progress)` in the background; `done_text(result)` is the closing message."""
    progress = Progress()
    dialog = progress_dialog(parent, title)
    dialog.canceled.connect(lambda: setattr(progress, "cancelled", True))
    timer = QTimer(dialog)

    def tick() -> None:
        if progress.total:
            dialog.setMaximum(progress.total)
            dialog.setValue(min(progress.done, progress.total))
            dialog.setLabelText(f"{title}: {progress.done:,} dari {progress.total:,} baris"
                                .replace(",", "."))

    def finished(result) -> None:
        timer.stop()
        dialog.reset()
        QMessageBox.information(parent, "Pelita", done_text(result))

    def failed(exc) -> None:
        timer.stop()
        dialog.reset()
        if isinstance(exc, Cancelled):
            QMessageBox.information(parent, "Pelita", exc.message)
        elif isinstance(exc, OSError):
            QMessageBox.warning(parent, "Pelita", "Berkas tidak bisa ditulis "
                                f"({exc.strerror or 'ditolak'}). Pilih folder lain.")
        else:
            QMessageBox.warning(parent, "Pelita", describe(exc, f"{title} gagal."))

    timer.timeout.connect(tick)
    timer.start(100)
    workers.run_task(lambda: work(progress), finished, failed)
    return dialog
