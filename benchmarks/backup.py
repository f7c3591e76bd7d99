"""`pelita backup` and `pelita restore` against pg_dump -Fc and pg_restore of the same
PostgreSQL database, in the same run, alternating so machine noise hits both alike."""
import os
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

TARGET_RATIO = 2.0


def _pg_env(url: str) -> tuple[dict, str]:
    parts = urlparse(url)
    env = {**os.environ, "PGHOST": parts.hostname or "127.0.0.1",
           "PGPORT": str(parts.port or 5432), "PGUSER": parts.username or "postgres"}
    if parts.password:
        env["PGPASSWORD"] = parts.password
    return env, parts.path.lstrip("/")


def _admin(url: str, sql: str) -> None:
    env, _ = _pg_env(url)
    subprocess.run(["psql", "-q", "-d", "postgres", "-c", sql], env=env, check=True,
                   capture_output=True)


def _timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def run(url: str, repeats: int = 3) -> dict:
    from desktop import database
    from desktop.services.admin import backup
    from desktop.services.shared import permissions

    env, name = _pg_env(url)
    folder = Path(tempfile.mkdtemp(prefix="pelita-bench-backup-"))
    ours, theirs = folder / "pelita.zip", folder / "pg.dump"

    def pelita_backup():
        database.connect(url)
        try:
            backup.backup(permissions.SYSTEM, ours)
        finally:
            database.close()

    def pg_dump():
        subprocess.run(["pg_dump", "-Fc", "-f", str(theirs), name], env=env, check=True)

    def restore_with(load):
        target = f"pelita_bench_restore_{uuid.uuid4().hex[:8]}"
        _admin(url, f'CREATE DATABASE "{target}"')
        try:
            return _timed(lambda: load(target))
        finally:
            _admin(url, f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')

    def pelita_restore(target):
        database.connect(url.rsplit("/", 1)[0] + "/" + target)
        try:
            backup.restore(permissions.SYSTEM, ours)
        finally:
            database.close()

    def pg_restore(target):
        subprocess.run(["pg_restore", "-d", target, str(theirs)], env=env, check=True)

    runs = {"backup": ([], []), "restore": ([], [])}
    for i in range(repeats):
        pair = [(pelita_backup, 0), (pg_dump, 1)]
        for func, side in (pair if i % 2 == 0 else pair[::-1]):
            runs["backup"][side].append(_timed(func))
        pair = [(pelita_restore, 0), (pg_restore, 1)]
        for func, side in (pair if i % 2 == 0 else pair[::-1]):
            runs["restore"][side].append(restore_with(func))
    sizes = {"pelita_mb": round(ours.stat().st_size / 1048576, 1),
             "pg_dump_mb": round(theirs.stat().st_size / 1048576, 1)}
    results = {}
    for what, (subject, baseline) in runs.items():
        value, base = statistics.median(subject), statistics.median(baseline)
        results[f"{what}@postgresql"] = {
            "value": round(value, 2), "unit": "s", "baseline": round(base, 2),
            "ratio": round(value / base, 2), "target_ratio": TARGET_RATIO, "repeats": repeats,
            "baseline_is": "pg_dump -Fc" if what == "backup" else "pg_restore", **sizes}
    for path in (ours, theirs):
        path.unlink(missing_ok=True)
    return results
