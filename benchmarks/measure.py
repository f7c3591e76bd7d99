"""Run a child process several times; wall time and peak memory from its own rusage."""
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass


CHILD_TIMEOUT_S = 300


@dataclass
class Sample:
    seconds: float
    peak_kib: int


def run_child(code: str | list[str], env: dict | None = None) -> Sample:
    """Time from starting the process to its first stdout line ("shown <peak KiB>").

    `code` is Python for this interpreter, or a whole command (an installer bundle)."""
    errors = tempfile.TemporaryFile()  # a file, not a pipe: a chatty child cannot block on it
    started = time.perf_counter()
    command = code if isinstance(code, list) else [sys.executable, "-c", code]
    child = subprocess.Popen(command, env={**os.environ, **(env or {})},
                             stdout=subprocess.PIPE, stderr=errors)
    # A child that never shows (a window waiting for input) fails the run instead of hanging it.
    watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
    watchdog.start()
    line = child.stdout.readline().split()
    elapsed = time.perf_counter() - started
    child.stdout.read()
    _, status, _usage = os.wait4(child.pid, 0)
    watchdog.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    errors.seek(0)
    problem = errors.read().decode(errors="replace")[-2000:]
    errors.close()
    if child.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({child.returncode}): {problem}")
    return Sample(elapsed, int(line[1]) if len(line) > 1 else 0)  # VmHWM, KiB


def interleaved(subject: str | list[str], baseline: str | list[str], repeats: int,
                env: dict | None = None):
    """Alternate subject and baseline so machine noise hits both alike; medians of each."""
    subject_runs, baseline_runs = [], []
    run_child(subject, env)  # warm the file cache once
    run_child(baseline, env)
    for _ in range(repeats):
        subject_runs.append(run_child(subject, env))
        baseline_runs.append(run_child(baseline, env))
    return (statistics.median(s.seconds for s in subject_runs),
            statistics.median(s.seconds for s in baseline_runs),
            max(s.peak_kib for s in subject_runs),
            max(s.peak_kib for s in baseline_runs))
