"""Windows and dialogs that fit the office's screens: a 1366×768 laptop with a taskbar is the
smallest Pelita is made for. A size asked for is cut to the screen's free area (taskbar
excluded), less room for the title bar and frame the window system adds."""
from PySide6.QtGui import QGuiApplication

TITLE_BAR = 40  # title bar and frame, which the window system draws outside the widget
FRAME = 16


def available(widget=None):
    """The free area (without taskbar) of the screen `widget` is on, or the primary one."""
    screen = (widget.screen() if widget is not None else None) or \
        QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget, width: int, height: int) -> None:
    """Resize `widget` to width×height, or less where its screen is smaller."""
    area = available(widget)
    widget.resize(min(width, area.width() - FRAME), min(height, area.height() - TITLE_BAR))


def fits(widget) -> bool:
    """Whether the widget, with its title bar, lies within its screen's free area."""
    area = available(widget)
    return (widget.width() + FRAME <= area.width()
            and widget.height() + TITLE_BAR <= area.height())
