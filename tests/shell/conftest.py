"""A demo office for the screen-size tests: its windows on the session's screen, message
boxes answered, settings in the test's own folder."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop.services.demo import seed
from desktop.views.shell import workers


@pytest.fixture
def demo(sqlite_db, tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)
    seed.fill(size=40)
    return sqlite_db
