"""The window, dialog and list-width tests again on a 1920×1080 monitor: the session's own
offscreen screen is the 1366×768 laptop, and Qt's offscreen platform has one screen per
process, so they run in a second pytest on the larger screen."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCREEN_TESTS = ["tests/shell/test_gui_screen_sizes.py", "tests/shell/test_gui_list_columns.py",
                "tests/shared/test_gui_columns.py"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(os.environ.get("PELITA_TEST_SCREEN") is not None,
                    reason="already the run on another screen")
def test_screen_tests_pass_on_a_full_hd_monitor(sqlite_db):
    env = dict(os.environ, PELITA_TEST_SCREEN="1920x1080", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-k", "sqlite or not (postgresql or mariadb)", *SCREEN_TESTS],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    summary = run.stdout.strip().splitlines()[-1:] or [run.stderr[-2000:]]
    assert run.returncode == 0, run.stdout[-4000:]
    assert " passed" in summary[0] and "skipped" not in summary[0], summary
