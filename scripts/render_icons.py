"""Render the sidebar's qtawesome icons to resources/icons/*.png (run after changing sections)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qtawesome  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.views.shared import icons  # noqa: E402
from desktop.views.shell.sections import SECTIONS  # noqa: E402

SIZE = 64
COLOR = "#37474f"


def main() -> int:
    app = QApplication.instance() or QApplication([])  # noqa: F841
    icons.ICON_DIR.mkdir(parents=True, exist_ok=True)
    for name in sorted({s.icon for s in SECTIONS}):
        pixmap = qtawesome.icon(name, color=COLOR).pixmap(SIZE, SIZE)
        pixmap.save(str(icons.file_for(name)), "PNG")
        print(icons.file_for(name).relative_to(Path.cwd()) if icons.file_for(name).is_relative_to(
            Path.cwd()) else icons.file_for(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
