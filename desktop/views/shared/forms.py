"""Show a service's errors beside the fields they name, in every form the same way: each
field at fault outlined red with its message under it, the first focused; required fields
marked with "*"; date fields typed as text (views/shared/date_field)."""
import contextvars
import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLayout, QPushButton,
                               QStackedWidget, QTabWidget, QWidget)

from desktop.errors import PelitaError, ValidationError, ValidationErrors
from desktop.services.shared import checks
from desktop.views.shared.date_field import NO_DATE, DateEdit, DateTimeEdit
from desktop.views.shared.dates import DateTextError

FIELD_ERROR_DECLARATIONS = "border: 1px solid #c0392b; background: #fdecea;"
# Scoped to the marked widget itself: a bare declaration would cascade into a combo's drop-down
# list and a date's calendar, colouring every item.
FIELD_ERROR_STYLE = f'*[fieldError="true"] {{ {FIELD_ERROR_DECLARATIONS} }}'
ERROR_TEXT_STYLE = "color: #a93226;"
FIELD_MESSAGE_STYLE = "color: #a93226; font-size: 90%;"
OK_TEXT_STYLE = "color: #1e6b35;"
REQUIRED_MARK = " *"
REQUIRED_NOTE = "* wajib diisi"


def _contains(layout: QLayout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.widget()
        if inner is not None and (inner is widget or inner.isAncestorOf(widget)):
            return True
        if item.layout() is not None and _contains(item.layout(), widget):
            return True
    return False


def _forms_in(layout: QLayout):
    if isinstance(layout, QFormLayout):
        yield layout
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None:
            yield from _forms_in(inner)


def form_row(widget: QWidget) -> tuple[QFormLayout, int] | None:
    """The QFormLayout row holding `widget` (directly or inside the row's own layout)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.layout() is not None:
            for form in _forms_in(parent.layout()):
                for row in range(form.rowCount()):
                    for role in (QFormLayout.ItemRole.FieldRole,
                                 QFormLayout.ItemRole.SpanningRole):
                        item = form.itemAt(row, role)
                        if item is None:
                            continue
                        inner = item.widget()
                        if (inner is not None and (inner is widget or inner.isAncestorOf(widget))
                                or item.layout() is not None and _contains(item.layout(), widget)):
                            return form, row
        parent = parent.parentWidget()
    return None


def _mark(widget: QWidget, on: bool) -> None:
    _style(widget, on)
    if isinstance(widget, DateEdit):  # the frame holds the mark; its text box shows it
        _style(widget.line, on)


def _style(widget: QWidget, on: bool) -> None:
    if on and widget.property("fieldError") is not True:
        own = widget.styleSheet()
        widget.setProperty("styleBeforeError", own)
        if own and "{" not in own:  # bare declarations: keep them for the widget itself
            own = f'*[fieldError="true"] {{ {own} }}'
        widget.setProperty("fieldError", True)
        widget.setStyleSheet(f"{own}\n{FIELD_ERROR_STYLE}" if own else FIELD_ERROR_STYLE)
    elif not on and widget.property("fieldError") is True:
        widget.setProperty("fieldError", False)
        widget.setStyleSheet(widget.property("styleBeforeError") or "")


def is_marked(widget: QWidget) -> bool:
    return widget.property("fieldError") is True


def _sentence(reason: str) -> str:
    """A refusal's reason as it reads under its own field: 'Wajib diisi.'"""
    return reason[:1].upper() + reason[1:]


def _grow_to_fit(window: QWidget) -> None:
    """Give the messages their height now: a shown dialog keeps its size otherwise and
    squeezes the wrapped lines."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    wanted = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if window.screen() is not None:
        wanted = min(wanted, window.screen().availableGeometry().height())
    if wanted > window.height():
        window.resize(window.width(), wanted)


class FieldErrors:
    """Maps the field labels the services use (ValidationError.field) to the form's widgets."""

    def __init__(self, message_label: QLabel, fields: dict[str, QWidget] | None = None):
        self.message_label = message_label
        self.message_label.setWordWrap(True)
        self.fields: dict[str, QWidget] = {}
        for field, widget in (fields or {}).items():
            self.add(field, widget)
        self._marked: list[QWidget] = []
        self._messages: list[QLabel] = []

    def add(self, field: str, widget: QWidget) -> None:
        self.fields[field] = widget
        if isinstance(widget, DateEdit) and widget.field_name == widget.default_name:
            widget.field_name = field  # date_of() names it in its refusal

    def clear(self) -> None:
        for widget in self._marked:
            _mark(widget, False)
        self._marked.clear()
        for label in self._messages:
            spot = form_row(label)
            if spot is not None:
                spot[0].removeRow(spot[1])
            else:
                label.deleteLater()
        self._messages.clear()
        self.message_label.clear()

    def _errors(self, exc: PelitaError) -> list[PelitaError]:
        """The service's errors, and the dates typed wrong it could not see (date_of() stops
        at the first)."""
        errors = list(getattr(exc, "errors", [exc]))
        named = {getattr(e, "field", None) for e in errors}
        for field, widget in self.fields.items():
            if isinstance(widget, DateEdit) and field not in named and widget.problem():
                errors.append(ValidationError(field, widget.problem()))
        return errors

    def show(self, exc: PelitaError) -> QWidget | None:
        """Mark every named field with its message and focus the first on the form; the line
        under the form sums up. Returns the focused widget."""
        self.clear()
        errors = self._errors(exc)
        placed: dict[tuple, list[str]] = {}  # (form, row) -> messages under that row
        unplaced, at_fault = [], []
        for error in errors:
            widget = self.fields.get(getattr(error, "field", ""))
            if widget is None or not _shown(widget):
                unplaced.append(error.message)
                continue
            if widget not in at_fault:  # two refusals of one field count once
                _mark(widget, True)
                self._marked.append(widget)
                at_fault.append(widget)
            spot = form_row(widget)
            if spot is None:
                unplaced.append(error.message)
            else:
                placed.setdefault((id(spot[0]), spot[1]), [spot[0]]).append(
                    _sentence(getattr(error, "reason", error.message)))
        for (_, row), (form, *messages) in sorted(placed.items(), key=lambda kv: -kv[0][1]):
            label = QLabel("\n".join(messages))
            label.setStyleSheet(FIELD_MESSAGE_STYLE)
            label.setWordWrap(True)
            width = form.itemAt(row, QFormLayout.ItemRole.FieldRole).geometry().width() \
                if form.itemAt(row, QFormLayout.ItemRole.FieldRole) is not None else 0
            if width > 0:  # a wrapped message's lines, which the form would squeeze
                label.setMinimumHeight(label.heightForWidth(width))
            form.insertRow(row + 1, QWidget(), label)
            self._messages.append(label)
        if placed:
            _grow_to_fit(self.message_label.window())
        self.message_label.setStyleSheet(ERROR_TEXT_STYLE)
        if len(errors) == 1:
            self.message_label.setText(errors[0].message)
        else:
            head = (f"{len(at_fault)} isian perlu diperbaiki; pesannya di bawah isian yang "
                    "bertanda merah." if at_fault else "")
            self.message_label.setText("\n".join(([head] if head else []) + unplaced))
        self.message_label.show()
        first = min(at_fault, key=_position, default=None)
        if first is not None:
            _bring_forward(first)
            first.setFocus()
        return first

    def mark_required(self, fields) -> None:
        mark_required(self.fields, fields)

    def success(self, text: str) -> None:
        self.clear()
        self.message_label.setStyleSheet(OK_TEXT_STYLE)
        self.message_label.setText(text)


def _pages(widget: QWidget):
    """(stack, page) for each tab or stacked page holding `widget`, outermost last."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            yield parent, child
        child, parent = parent, parent.parentWidget()


def _shown(widget: QWidget) -> bool:
    """Shown on the form, or on one of its tabs not in front now."""
    child = widget
    while child is not None and not child.isWindow():
        parent = child.parentWidget()
        if child.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        child = parent
    return True


def _position(widget: QWidget) -> tuple:
    """Tab by tab, then top to bottom and left to right."""
    tabs = tuple(stack.indexOf(page) for stack, page in reversed(list(_pages(widget))))
    at = widget.mapTo(widget.window(), widget.rect().topLeft())
    return tabs + (at.y(), at.x())


def _bring_forward(widget: QWidget) -> None:
    """Open the tabs (stacked pages) the widget is on, so the focus lands where it is seen."""
    for stack, page in _pages(widget):
        tabs = stack.parentWidget()
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(page)
        else:
            stack.setCurrentWidget(page)


def mark_required(widgets: dict[str, QWidget], fields, required: bool = True) -> None:
    """Add "*" to the form labels of `fields` (a service's REQUIRED), once; with `required`
    False take it away (a field the form's other choices make optional)."""
    for field in fields:
        widget = widgets.get(field)
        spot = form_row(widget) if widget is not None else None
        if spot is None:
            continue
        if isinstance(widget, DateEdit):
            widget.show_required(required)
        item = spot[0].itemAt(spot[1], QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if not isinstance(label, QLabel) or (REQUIRED_MARK in label.text()) == required:
            continue
        text = label.text()
        colon = ":" if text.endswith(":") else ""  # "Nama LKS *:"
        bare = text[:len(text) - len(colon)]
        bare = bare + REQUIRED_MARK if required else bare.replace(REQUIRED_MARK, "")
        label.setText(bare + colon)


def follow_required(widgets: dict[str, QWidget], required, conditional, *signals):
    """Keep the "*" of `conditional` fields (required only for some values of the form's
    other fields) on those `required()` names now, redrawn on each of `signals`; the service
    gives `required`, so the "*" says what its check will refuse. Returns the redraw."""
    def redraw(*_args) -> None:
        try:
            now = set(required())
        except PelitaError:
            return  # (the connection dropped) the marks stay; the service still checks
        # One widget may go by several names (a stage's number): starred if any is asked.
        asked = {id(widgets[f]) for f in now if f in widgets}
        mark_required(widgets, [f for f in conditional if id(widgets.get(f)) not in asked],
                      required=False)
        mark_required(widgets, [f for f in conditional if f in now])

    for signal in signals:
        signal.connect(redraw)
    redraw()
    return redraw


def required_note() -> QLabel:
    """The legend for the "*" of required fields, under a form."""
    label = QLabel(REQUIRED_NOTE)
    label.setStyleSheet("color: #555;")
    return label


def error_label() -> QLabel:
    """A hidden red line under a dialog's fields, shown when a service refuses the input."""
    label = QLabel()
    label.setStyleSheet(ERROR_TEXT_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def dialog_buttons(dialog, accept_text: str, on_accept) -> tuple[QHBoxLayout, QPushButton]:
    """Batal on the left of the default action, right-aligned; returns (row, action button)."""
    cancel = QPushButton("Batal")
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    action = QPushButton(accept_text)
    action.setDefault(True)
    action.clicked.connect(on_accept)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(action)
    return row, action


def date_edit(optional: bool = True, past: bool = False) -> DateEdit:
    """A typed date with a calendar button; `past` for dates that have happened (a birth):
    two-digit years then mean the latest such year."""
    edit = DateEdit(optional=optional, past=past)
    if not optional:
        edit.setDate(QDate.currentDate())
    return edit


def filter_date(field: str, placeholder: str = "kapan saja") -> DateEdit:
    """A list filter's or a calendar's typed date: empty (`placeholder`) is no filter;
    `field` names it when what is typed is no date (check_dates)."""
    edit = DateEdit(optional=True)
    edit.field_name = field
    edit.line.setPlaceholderText(f"{placeholder} (hh/bb/tttt)")
    return edit


def filter_value(edit: DateEdit) -> datetime.date | None:
    """A filter's date, None when empty or typed as no date (check_dates says which, and the
    list keeps its last filter meanwhile)."""
    try:
        return edit.value()
    except DateTextError:
        return None


def check_dates(label: QLabel, *edits: DateEdit) -> bool:
    """Mark each date typed as no date (31/02/2027, 15/13/27) and say why in `label`, named
    by its field; False while any is. The label's text is left alone when it says something
    else (another message of the page) and no date is wrong."""
    problems = []
    for edit in edits:
        problem = edit.problem()
        _mark(edit, bool(problem))
        if problem:
            problems.append(f"{edit.field_name}: {problem}")
    text = "\n".join(problems)
    if problems:
        label.setStyleSheet(ERROR_TEXT_STYLE)
        label.setText(text)
        label.show()
    elif label.text() and label.text() == label.property("datesSaid"):
        label.clear()
    label.setProperty("datesSaid", text)
    return not problems


class DateTypedWrong(ValidationError):
    """A date field's text is no date (31/02/2027); raised before the service is asked."""


# While submit() asks the service on trial: the dates typed wrong, each read as empty.
_typed_wrong: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "typed_wrong", default=None)


def _typed_wrong_date(edit, exc: DateTextError):
    error = DateTypedWrong(edit.field_name, str(exc))
    found = _typed_wrong.get()
    if found is None:
        raise error from None
    found.append(error)
    return None


def date_of(edit) -> datetime.date | None:
    """The field's date, None when left empty; a typed text that is not a date is refused
    with the field's name (a DateEdit), never read as another day or as empty."""
    if isinstance(edit, DateEdit):
        try:
            return edit.value()
        except DateTextError as exc:
            return _typed_wrong_date(edit, exc)
    value = edit.date()
    return None if value == NO_DATE and edit.specialValueText() else value.toPython()


def datetime_of(edit: DateTimeEdit) -> datetime.datetime | None:
    """The field's local date and time, None when empty; a text that is none is refused with
    the field's name."""
    try:
        return edit.moment()
    except DateTextError as exc:
        return _typed_wrong_date(edit, exc)


def submit(call):
    """`call()`: a form's press asking its service (the dates read with date_of inside it).
    When a date is typed as no date, the service is asked once more on trial with that date
    empty and nothing it writes kept, and its refusals are raised with the date's: one press
    shows every field at fault, not the dates first and the rest on the next."""
    try:
        return call()
    except DateTypedWrong:
        pass
    found: list[ValidationError] = []
    token = _typed_wrong.set(found)
    try:
        checks.trial(call)
        refused = []
    except ValidationError as exc:
        if type(exc) not in (ValidationError, ValidationErrors):
            raise  # one with more to it (a clash's free slot): as it is, dates beside it
        refused = list(getattr(exc, "errors", [exc]))
    finally:
        _typed_wrong.reset(token)
    typed = {error.field for error in found}  # "wajib diisi" of a date read as empty: not said
    errors = found + [e for e in refused if e.field not in typed]
    if not errors:  # the date reads right now (never seen, but nothing may be lost)
        return call()
    raise ValidationErrors(errors)


def set_date(edit, value: datetime.date | None) -> None:
    edit.setDate(QDate(value) if value else NO_DATE)


def clear_choice(group) -> None:
    """No button of an exclusive QButtonGroup checked (the next respondent's, sheet's)."""
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)
