"""Icons: pre-rendered PNGs of qtawesome glyphs, so start-up need not load qtawesome and its fonts.

`scripts/render_icons.py` renders resources/icons/ from the same qtawesome names; a name with
no PNG falls back to qtawesome itself.
"""
import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop import data_files

ICON_DIR = data_files.resource("icons")
log = logging.getLogger(__name__)


def file_for(name: str) -> Path:
    return ICON_DIR / (name.replace(".", "-") + ".png")


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = file_for(name)
    if path.exists():
        return QIcon(str(path))
    import qtawesome  # slow to import (about 0.1 s): only for icons not pre-rendered

    try:
        return qtawesome.icon(name)
    except Exception:  # an unknown name must not stop a screen
        log.warning("Unknown icon %s", name)
        return qtawesome.icon("fa5s.circle")
