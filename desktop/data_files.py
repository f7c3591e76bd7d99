"""Where the shipped data lives: resources/ and letter_templates/.

In the source tree both sit beside desktop/ (the project's fixed top level); a built wheel or
installer bundle carries copies inside the package as desktop/_data/ (setup.py's build step,
installer/pelita.spec). The packaged copy is found through importlib.resources and wins when
present, so an installed Pelita never reads a folder relative to wherever its code came from.
"""
import atexit
import contextlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

PACKAGED = "_data"
FOLDERS = ("resources", "letter_templates")
_CHECKOUT = Path(__file__).resolve().parent.parent  # an editable install: the checkout itself
_open_files = contextlib.ExitStack()  # as_file's extracted copies, should the package be zipped
atexit.register(_open_files.close)


@lru_cache(maxsize=None)
def folder(name: str) -> Path:
    """The real folder `name` ("resources" or "letter_templates"): docxtpl, Qt and
    LibreOffice are handed file paths, so a zipped package is extracted for the session."""
    if name not in FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    packaged = resources.files("desktop") / PACKAGED / name
    if packaged.is_dir():
        return Path(_open_files.enter_context(resources.as_file(packaged)))
    checkout = _CHECKOUT / name
    if checkout.is_dir() and (_CHECKOUT / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(f"Pelita's {name}/ is missing: this installation is incomplete, "
                            "reinstall Pelita")


def resource(*parts: str) -> Path:
    """A path under resources/, e.g. resource("icons")."""
    return folder("resources").joinpath(*parts)


def letter_templates() -> Path:
    return folder("letter_templates")
