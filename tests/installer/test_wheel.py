"""A wheel that works anywhere: built from the project, installed into a fresh virtualenv
outside the checkout, it starts the demo and checks every letter template with the data files
it carries itself (desktop/_data, found by desktop.data_files through importlib.resources).

The fresh virtualenv installs the wheel alone (--no-deps) and reaches Pelita's dependencies
through a .pth naming this interpreter's site-packages: a full install of PySide6 and the rest
would add minutes and test pip, not Pelita. A .pth line adds a folder to sys.path without
running that folder's own .pth files, so the checkout's editable install stays out of reach.
"""
import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.installer import builds

PROBE = """
import json, sys
import desktop
from desktop import data_files
from desktop.services.catalog import service_catalog
from desktop.services.letters import render
from desktop.views.shared import icons
from desktop.views.shell import translations
print(json.dumps({"package": desktop.__file__,
                  "folders": {n: str(data_files.folder(n)) for n in data_files.FOLDERS},
                  "catalog": str(service_catalog.CATALOG_FILE),
                  "templates": str(render.TEMPLATE_DIR), "icons": str(icons.ICON_DIR),
                  "translation": str(translations.QM_FILE)}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(virtualenv, home): the wheel installed in a virtualenv of its own."""
    work = tmp_path_factory.mktemp("wheel")
    wheel = builds.build_wheel(work)
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "-q", str(wheel)], check=True, timeout=300)
    # Only after the install: pip would otherwise see the checkout's own pelita in reach.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"], check=True,
                               capture_output=True, text=True).stdout.strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_pelita_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    home = work / "home"
    home.mkdir()
    return venv, home


def _run(installed, *command, **env):
    venv, home = installed
    return subprocess.run([str(c) for c in command], cwd=home, env=builds.stranger_env(home, **env),
                          capture_output=True, text=True, timeout=300)


def test_the_installed_package_reads_its_own_copy_of_the_data(installed):
    venv, _ = installed
    done = _run(installed, venv / "bin" / "python", "-c", PROBE)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(venv)
    for path in [*found["folders"].values(), found["catalog"], found["templates"],
                 found["icons"], found["translation"]]:
        assert Path(path).is_relative_to(venv), path
        assert Path(path).exists(), path
    # Every shipped file travelled, byte for byte.
    for name, folder in found["folders"].items():
        shipped = builds.ROOT / name
        for source in shipped.rglob("*"):
            if source.is_file() and "__pycache__" not in source.parts:
                copy = Path(folder) / source.relative_to(shipped)
                assert copy.read_bytes() == source.read_bytes(), copy


def test_templates_check_passes_in_the_installed_copy(installed):
    venv, _ = installed
    done = _run(installed, venv / "bin" / "pelita", "templates", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 0 masalah." in done.stdout


def test_the_demo_reaches_the_main_window(installed):
    """PELITA_EXIT_AFTER_SHOW: the app prints 'shown' after the main window's first frame and
    exits (desktop/views/shell/app.py)."""
    venv, _ = installed
    done = _run(installed, venv / "bin" / "pelita", "--demo", PELITA_EXIT_AFTER_SHOW="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "shown"
    assert "Traceback" not in done.stderr
