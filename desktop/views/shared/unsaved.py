"""Unsaved work: typed into a form and not saved yet. Quitting or signing out asks first.

A page or a dialog takes part by having `has_unsaved_changes()`, true while its fields differ
from what it last loaded or saved (the office profile's baseline, the letter dialog's changes).
"""
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


def has_unsaved(widget) -> bool:
    check = getattr(widget, "has_unsaved_changes", None)
    return isValid(widget) and callable(check) and bool(check())


def open_dialogs() -> list[QWidget]:
    """The windows open on top of the main window (dialogs shown, not yet closed)."""
    return [w for w in QApplication.topLevelWidgets() if isValid(w) and w.isVisible()]


def unsaved_names(named: dict[str, QWidget]) -> list[str]:
    """The names of those with unsaved work, for the question 'Keluar tanpa menyimpan?'."""
    return [name for name, widget in named.items() if has_unsaved(widget)]
