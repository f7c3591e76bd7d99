"""One press of Simpan on a case form left empty: every field at fault marked with its
message, the required ones carrying "*", the first focused."""
from PySide6.QtWidgets import QDialog

from desktop.views.shared.forms import REQUIRED_MARK, form_row, is_marked
from tests.form_marks import label_of, message_under


def press_once(qtbot, form, wrong: list, required=()) -> None:
    """Shows `form`, presses its Simpan once: every widget of `wrong` (in the form's order)
    marked with a message under it, nothing else counted, the first focused; every field of
    `required` (the service's REQUIRED) is on the form with "*"."""
    qtbot.addWidget(form)
    form.show()
    form.save_button.click()
    assert QDialog.result(form) != QDialog.DialogCode.Accepted  # (a field may be `result`)
    for widget in wrong:
        assert is_marked(widget), widget
        if form_row(widget) is not None:  # a list under the form has its messages below it
            assert message_under(widget), label_of(widget)
    for field in required:
        widget = form.errors.fields[field]
        if form_row(widget) is not None:
            assert REQUIRED_MARK in label_of(widget), field
    if len(wrong) > 1:
        assert form.error.text().startswith(f"{len(wrong)} isian perlu diperbaiki"), \
            form.error.text()
    focus = form.focusWidget()  # a date field's own text box has the focus
    assert focus is wrong[0] or wrong[0].isAncestorOf(focus), focus
