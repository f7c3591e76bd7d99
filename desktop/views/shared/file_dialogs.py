"""Choosing a file: every dialog starts in the user's Documents folder (not the program's
folder), and a file saved gets the suffix its kind needs."""
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def save_path(parent, title: str, name: str, kind: str, suffix: str) -> str | None:
    """The chosen file (with its suffix), or None; `kind` is the filter's words."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / name),
                                          f"{kind} (*{suffix})")
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


def open_path(parent, title: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(documents_folder()), file_filter)
    return path or None


def open_paths(parent, title: str, file_filter: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(documents_folder()), file_filter)
    return list(paths)
