"""The reason dialog saves through the service it is given and closes only when that accepts."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import ValidationError
from desktop.views.shared.reason_dialog import ReasonDialog


def test_a_refusal_stays_in_the_dialog_with_the_text_and_ctrl_enter_saves(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    saved = []

    def save(text):
        if len(text.strip()) < 5:
            raise ValidationError("Alasan", "tulis paling sedikit 5 huruf.")
        saved.append(text)
        return "disimpan"

    dialog = ReasonDialog(parent, "Tolak", "Alasan penolakan (wajib):", save, field="Alasan")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.text_edit, "ok")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.message.text() == "Alasan: tulis paling sedikit 5 huruf."
    assert dialog.text() == "ok" and dialog.text_edit.styleSheet()  # kept, and marked
    assert isinstance(dialog.refused, ValidationError) and saved == []
    qtbot.keyClicks(dialog.text_edit, " sekali")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and dialog.result() == ReasonDialog.DialogCode.Accepted
    assert saved == ["ok sekali"] and dialog.saved == "disimpan" and dialog.refused is None
