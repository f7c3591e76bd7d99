"""`startup`: process start to the main window shown and logged in, against a bare QMainWindow."""
import json
import tempfile
from pathlib import Path

from benchmarks.measure import interleaved

# Peak memory of this process (VmHWM): ru_maxrss would also count the benchmark runner's
# memory, which a child inherits across fork and exec.
REPORT = """
def report():
    peak = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    print("shown", peak, flush=True)
"""

BASELINE = REPORT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
report()
"""

# `pelita` as a member of staff starts it: its command line, this PC's saved connection
# (or PELITA_DATABASE_URL for a server, whose password would otherwise come from the
# keyring), then the schema check and the main window. Only the password a person types is
# left out: the benchmark's user is signed in as `pelita --demo` signs its user in.
SUBJECT = REPORT + """
import functools
import sys
from desktop import cli
from desktop.views.shell import app
app.on_first_frame = report
app.run = functools.partial(app.run, demo_user="admin")
sys.exit(cli.main([]))
"""


def _start_env(url: str, config_home: str) -> dict:
    """The child's environment: a saved connection profile for a SQLite file."""
    env = {"QT_QPA_PLATFORM": "offscreen", "PELITA_EXIT_AFTER_SHOW": "1",
           "XDG_CONFIG_HOME": config_home}
    if url.startswith("sqlite:///"):
        folder = Path(config_home) / "pelita"
        folder.mkdir(parents=True, exist_ok=True)
        profile = {"backend": "sqlite", "sqlite_path": url[len("sqlite:///"):]}
        (folder / "connection.json").write_text(json.dumps(profile), encoding="utf-8")
    else:
        env["PELITA_DATABASE_URL"] = url
    return env


def compile_package() -> None:
    """Byte-compile Pelita as an installation does: with PYTHONDONTWRITEBYTECODE set (as on
    CI machines) every start would otherwise compile each of its modules again."""
    import compileall

    import desktop

    compileall.compile_dir(str(Path(desktop.__file__).parent), quiet=1)


def run(url: str, repeats: int = 5) -> dict:
    compile_package()
    with tempfile.TemporaryDirectory(prefix="pelita-start-") as config_home:
        value, baseline, peak, baseline_peak = interleaved(
            SUBJECT, BASELINE, repeats, _start_env(url, config_home))
    return {
        "startup": {"value": round(value * 1000, 1), "unit": "ms",
                    "baseline": round(baseline * 1000, 1), "ratio": round(value / baseline, 3),
                    "target_ratio": 2.0, "repeats": repeats},
        "startup_peak_memory": {"value": round(peak / 1024, 1), "unit": "MiB",
                                "baseline": round(baseline_peak / 1024, 1),
                                "ratio": round(peak / baseline_peak, 3)},
    }
