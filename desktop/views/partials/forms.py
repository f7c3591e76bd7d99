"""Show a service's error beside the field it names, in every form the same way."""
from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.errors import PelitaError

FIELD_ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"
ERROR_TEXT_STYLE = "color: #a93226;"
OK_TEXT_STYLE = "color: #1e6b35;"


class FieldErrors:
    """Maps the field labels the services use (ValidationError.field) to the form's widgets."""

    def __init__(self, message_label: QLabel, fields: dict[str, QWidget] | None = None):
        self.message_label = message_label
        self.message_label.setWordWrap(True)
        self.fields: dict[str, QWidget] = dict(fields or {})
        self._marked: list[QWidget] = []

    def add(self, field: str, widget: QWidget) -> None:
        self.fields[field] = widget

    def clear(self) -> None:
        for widget in self._marked:
            widget.setStyleSheet("")
        self._marked.clear()
        self.message_label.clear()

    def show(self, exc: PelitaError) -> QWidget | None:
        """Show the message; mark and focus the named field. Returns the marked widget."""
        self.clear()
        self.message_label.setStyleSheet(ERROR_TEXT_STYLE)
        self.message_label.setText(exc.message)
        widget = self.fields.get(getattr(exc, "field", ""))
        if widget is not None:
            widget.setStyleSheet(FIELD_ERROR_STYLE)
            widget.setFocus()
            self._marked.append(widget)
        return widget

    def success(self, text: str) -> None:
        self.clear()
        self.message_label.setStyleSheet(OK_TEXT_STYLE)
        self.message_label.setText(text)
