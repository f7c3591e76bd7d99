"""make run's check of the system libraries Qt's X11 plugin needs."""
import subprocess
import sys

from desktop.views.shell import system_libs

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-frobnicate.so.9 => not found
"""


def test_missing_libraries_are_named_by_their_debian_packages():
    missing = system_libs.missing_libraries(LDD)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-frobnicate.so.9"]
    assert system_libs.packages_for(missing) == ["libxcb-icccm4", "libxcb-keysyms1",
                                                 "libxcb-frobnicate.so.9"]
    assert system_libs.install_command(["libxcb-icccm4"]) == \
        "sudo apt-get install -y libxcb-icccm4"


def test_nothing_to_do_says_nothing_and_a_gap_names_the_command(monkeypatch, capsys):
    monkeypatch.setattr(system_libs, "missing_packages", lambda: [])
    assert system_libs.main([]) == 0 and capsys.readouterr().out == ""
    monkeypatch.setattr(system_libs, "missing_packages", lambda: ["libxcb-icccm4"])
    assert system_libs.main([]) == 1  # without --install it never installs
    out = capsys.readouterr().out
    assert "libxcb-icccm4" in out and "sudo apt-get install -y libxcb-icccm4" in out


def test_the_check_reads_this_pc_s_qt_plugin(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    plugin = system_libs.xcb_plugin()
    if not sys.platform.startswith("linux") or plugin is None:
        return  # PySide6 ships the X11 plugin only on Linux
    listed = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    expected = system_libs.packages_for(system_libs.missing_libraries(listed))
    assert system_libs.missing_packages() == expected
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert system_libs.missing_packages() == []  # offscreen Qt loads no X11 plugin
