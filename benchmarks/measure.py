"""Run a child process several times; wall time and peak memory from its own rusage."""
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass
class Sample:
    seconds: float
    peak_kib: int


def run_child(code: str, env: dict | None = None) -> Sample:
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, **(env or {})},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({child.returncode}): "
                           f"{child.stderr.read().decode(errors='replace')[-2000:]}")
    child.stderr.close()
    return Sample(elapsed, usage.ru_maxrss)  # ru_maxrss is KiB on Linux


def interleaved(subject: str, baseline: str, repeats: int, env: dict | None = None):
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
