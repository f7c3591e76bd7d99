"""The note or reason a change needs (a decision, a return, a revocation), typed in a dialog
that makes the change itself: it closes only when the service accepts, and a refusal is shown
inside it, beside what was typed, not on the window behind."""
from typing import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout

from desktop.errors import PelitaError
from desktop.views.shared.forms import FieldErrors, dialog_buttons


class ReasonDialog(QDialog):
    """`save(text)` makes the change; `.saved` is what it returned, `.refused` the last error."""

    def __init__(self, parent, title: str, prompt: str, save: Callable[[str], object],
                 accept_text: str = "Simpan", field: str = "Catatan"):
        super().__init__(parent)
        self.setWindowTitle(f"{title} — Pelita")
        self.setMinimumWidth(460)
        self._save = save
        self.saved = None
        self.refused: PelitaError | None = None
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)  # Tab reaches the buttons, as in a line edit
        prompt_label.setBuddy(self.text_edit)
        self.message = QLabel()
        self.errors = FieldErrors(self.message, {field: self.text_edit})
        buttons, self.ok_button = dialog_buttons(self, accept_text, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        # Enter starts a new line in the note: Ctrl+Enter saves, as the button's tooltip says.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        self.ok_button.setToolTip("Ctrl+Enter")
        self.text_edit.setFocus()

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def save(self) -> None:
        try:
            self.saved = self._save(self.text())
        except PelitaError as exc:
            self.refused = exc
            self.errors.show(exc)
            self.text_edit.setFocus()  # what was typed stays, to be corrected
            return
        self.refused = None
        self.accept()


def ask(parent, title: str, prompt: str, save: Callable[[str], object],
        **options) -> ReasonDialog:
    """Open the dialog until it saves or is cancelled; the caller reads .result() and .refused."""
    dialog = ReasonDialog(parent, title, prompt, save, **options)
    dialog.exec()
    return dialog
