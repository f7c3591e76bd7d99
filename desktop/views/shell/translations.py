"""Indonesian for Qt's own strings (standard buttons, context menus, Qt's file dialog), from
resources/translations/qt_id.qm (scripts/build_translations.py)."""
from PySide6.QtCore import QTranslator

from desktop import data_files

QM_FILE = data_files.resource("translations", "qt_id.qm")
_installed: list[QTranslator] = []  # kept referenced: Qt does not own an installed translator


def install(app) -> bool:
    """Load the translation into `app` once; False (English buttons) when the file is missing."""
    if _installed:
        return True
    translator = QTranslator()
    if not translator.load(str(QM_FILE)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def uninstall(app) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
