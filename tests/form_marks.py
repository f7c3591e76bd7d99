"""What a form shows beside a field, as the GUI tests read it: the label of its row ("*" for
a required one) and the message FieldErrors puts under it."""
from PySide6.QtWidgets import QFormLayout, QLabel

from desktop.views.shared.forms import form_row


def label_of(widget) -> str:
    form, row = form_row(widget)
    return form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()


def message_under(widget) -> str:
    form, row = form_row(widget)
    item = form.itemAt(row + 1, QFormLayout.ItemRole.FieldRole)
    return item.widget().text() if item is not None and isinstance(item.widget(), QLabel) else ""
