"""Lock the screen after a period without mouse or keyboard use, keeping all open work intact."""
from functools import cache

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.services.admin import settings


@cache
def _activity() -> frozenset:
    """The input that counts as use. Built at the first input, not at start-up: naming one
    QEvent.Type builds PySide6's enum of them all (0.7 ms)."""
    return frozenset({
        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
        QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate, QEvent.Type.ShortcutOverride,
    })


class IdleLock(QObject):
    """Watches the application's windows for input; locks `window` after the idle time."""

    locked_changed = Signal(bool)

    def __init__(self, window, session, timeout_ms: int | None = None):
        super().__init__(window)
        self._window = window
        self._session = session
        self.dialog: QDialog | None = None  # the lock_dialog.LockDialog while locked
        self.quitting = False  # 'Keluar' chosen on the lock screen
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self._spared: set = set()  # windows a lock leaves usable (the SKM kiosk)
        if timeout_ms is None:
            timeout_ms = settings.get("session.idle_minutes") * 60_000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.lock)
        # Mouse and keyboard input reach a window before its widgets. Watching the windows
        # rather than the whole application keeps a Python call off every event of every
        # widget (at start-up alone that was 30 ms). Each window is watched once it has focus.
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self.watch)
        self._watching = True
        self.watch(app.focusWindow())
        self._timer.start()

    def watch(self, window: QWindow | None) -> None:
        """Count input to `window` as activity (installing twice keeps one filter)."""
        if window is not None:
            window.installEventFilter(self)

    def spare(self, window: QWidget, spared: bool = True) -> None:
        """Keep `window` usable while the main window is locked: the SKM kiosk, which guards
        itself with the staff password, must not be blocked by the lock of the counter's PC."""
        (self._spared.add if spared else self._spared.discard)(window)

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def stop(self) -> None:
        """The window is closing: stop watching, and drop an open lock dialog with it."""
        self._timer.stop()
        app = QGuiApplication.instance()
        if app is not None and self._watching:
            self._watching = False
            app.focusWindowChanged.disconnect(self.watch)
            for window in app.topLevelWindows():
                window.removeEventFilter(self)
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.finished.disconnect(self._dialog_finished)
            dialog.hide()
            dialog.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _activity() and self.dialog is None:
            self._timer.start()  # restart: the idle period counts from the last activity
        return False

    def lock(self, manual: bool = False) -> None:
        """Cover the window and ask for the password; `manual`: the user chose Kunci layar."""
        if self.dialog is not None:
            return
        self._timer.stop()
        self._focus = QApplication.focusWidget()
        self._cover()
        from desktop.views.shell.lock_dialog import LockDialog  # only when locking

        self.dialog = LockDialog(self._session, self._window, manual=manual)
        if self._spared:
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.finished.connect(self._dialog_finished)
        # show(), not exec(): a nested event loop here would stall whoever is waiting on us;
        # not open() either, which would lower the modality to this window only.
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked_changed.emit(True)

    def _cover(self) -> None:
        """Hide what is on screen so it cannot be read; hidden widgets keep their contents."""
        self._hidden = []
        central = self._window.centralWidget()
        if central is not None and central.isVisible():
            central.hide()
            self._hidden.append(central)
        self._window.menuBar().setEnabled(False)
        # Dialogs a page opened: hide their insides, not the dialog (that would end its exec).
        for top in QApplication.topLevelWidgets():
            if (top is self._window or not top.isVisible() or not isinstance(top, QDialog)
                    or top in self._spared):
                continue
            for child in top.children():
                if isinstance(child, QWidget) and child.isVisible():
                    child.hide()
                    self._hidden.append(child)

    def _uncover(self) -> None:
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        self._window.menuBar().setEnabled(True)
        if self._focus is not None and shiboken6.isValid(self._focus) and self._focus.isVisible():
            self._focus.setFocus()
        self._focus = None

    def _dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        from desktop.views.shell.lock_dialog import QUIT

        if result == QUIT:
            self.quitting = True  # from the lock screen: nobody there may save the input
            self.stop()
            self._window.close()
            QApplication.quit()
            return
        self._uncover()
        self._timer.start()
        self.locked_changed.emit(False)
