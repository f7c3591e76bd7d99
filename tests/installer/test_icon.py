"""Pelita's own icon: the window's (PNG) and the Windows program's and setup file's (ICO, each
size drawn for itself), the files the spec and the setup script name."""
import re

from PIL import Image
from PySide6.QtGui import QIcon

from desktop import data_files
from tests.installer import builds


def test_the_window_icon_reads(qapp):
    icon = QIcon(str(data_files.resource("pelita.png")))
    assert not icon.isNull() and icon.availableSizes()[0].width() == 256


def test_the_windows_icon_holds_every_size_explorer_asks_for():
    with Image.open(data_files.resource("pelita.ico")) as ico:
        assert {16, 32, 48, 256} <= {width for width, _ in ico.info["sizes"]}


def test_the_spec_and_the_setup_script_name_the_shipped_icon():
    spec = (builds.ROOT / "installer" / "pelita.spec").read_text(encoding="utf-8")
    setup = (builds.ROOT / "installer" / "pelita.iss").read_text(encoding="utf-8")
    assert '"resources" / "pelita.ico"' in spec and "icon=ICON" in spec
    [path] = re.findall(r"^SetupIconFile=(.+)$", setup, re.MULTILINE)
    assert (builds.ROOT / "installer" / path.replace("\\", "/")).resolve() == \
        data_files.resource("pelita.ico").resolve()
