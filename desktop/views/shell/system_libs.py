"""Before Qt starts on Linux: the system libraries Qt's X11 plugin (xcb) needs.

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and names a library
that is often not the missing one. This reads the plugin's own dependencies (ldd) and names the
Debian/Ubuntu packages that hold the missing ones. `python -m desktop.views.shell.system_libs
--install` (make run) installs them where it can (as root, with apt-get), otherwise prints the
one command to run. Imports nothing of Qt: it must work where Qt cannot load.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# The library files Qt's xcb plugin links to, and the Debian/Ubuntu package holding each.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-render.so.0": "libxcb-render0", "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0])
    plugin = folder / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(ldd_output: str) -> list[str]:
    """The library files ldd could not find, once each, in its order."""
    missing = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def packages_for(libraries: list[str]) -> list[str]:
    """Debian/Ubuntu packages for the missing files (a file not in PACKAGES by its name)."""
    return list(dict.fromkeys(PACKAGES.get(name, name) for name in libraries))


def missing_packages() -> list[str]:
    """What Qt's window plugin lacks on this PC; [] where there is nothing to check."""
    plugin = xcb_plugin()
    if not sys.platform.startswith("linux") or plugin is None or shutil.which("ldd") is None:
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("xcb", ""):
        return []  # offscreen, VNC, …: Qt does not load the X11 plugin
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    return packages_for(missing_libraries(result.stdout))


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def main(argv=None) -> int:
    install = "--install" in (argv if argv is not None else sys.argv[1:])
    packages = missing_packages()
    if not packages:
        return 0
    print("Pelita: Qt membutuhkan pustaka sistem yang belum terpasang: " + ", ".join(packages))
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Memasang dengan apt-get …")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", *packages],
                              env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        if done.returncode == 0 and not missing_packages():
            return 0
    print("Jalankan perintah ini, lalu coba lagi:\n    " + install_command(packages))
    return 1


if __name__ == "__main__":
    sys.exit(main())
