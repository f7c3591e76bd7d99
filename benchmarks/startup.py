"""`startup`: process start to the main window shown and logged in, against a bare QMainWindow."""
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

SUBJECT = REPORT + """
import sys
from desktop import database
from desktop.models import User
from desktop.views import app
url = {url!r}
database.connect(url)
app.on_first_frame = report
sys.exit(app.run(url, demo_user=User.get(User.username == "admin")))
"""


def compile_package() -> None:
    """Byte-compile Pelita as an installation does: with PYTHONDONTWRITEBYTECODE set (as on
    CI machines) every start would otherwise compile each of its modules again."""
    import compileall

    import desktop

    compileall.compile_dir(str(Path(desktop.__file__).parent), quiet=1)


def run(url: str, repeats: int = 5) -> dict:
    compile_package()
    env = {"QT_QPA_PLATFORM": "offscreen", "PELITA_EXIT_AFTER_SHOW": "1"}
    value, baseline, peak, baseline_peak = interleaved(SUBJECT.format(url=url), BASELINE,
                                                       repeats, env)
    return {
        "startup": {"value": round(value * 1000, 1), "unit": "ms",
                    "baseline": round(baseline * 1000, 1), "ratio": round(value / baseline, 3),
                    "target_ratio": 2.0, "repeats": repeats},
        "startup_peak_memory": {"value": round(peak / 1024, 1), "unit": "MiB",
                                "baseline": round(baseline_peak / 1024, 1),
                                "ratio": round(peak / baseline_peak, 3)},
    }
