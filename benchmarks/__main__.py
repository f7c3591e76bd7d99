"""python -m benchmarks --json FILE [--size N] [--database URL]"""
import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks import bundle_startup, letter_pdf, letters, startup


def prepare(url: str | None, size: int) -> str:
    """A database filled by `pelita demo --size N`; a throwaway SQLite file unless given."""
    from desktop import database
    from desktop.services.demo import seed

    if url is None:
        url = "sqlite:///" + str(Path(tempfile.mkdtemp(prefix="pelita-bench-")) / "bench.db")
    database.connect(url)
    seed.fill(size=size)
    database.close()
    return url


def _row_counts(url: str) -> dict:
    """What the figures were measured on: a given database may hold another size."""
    from desktop import database
    from desktop.models import Application, Person

    database.connect(url)
    try:
        return {"applications": Application.select().count(), "people": Person.select().count()}
    finally:
        database.close()


def _in_process(url: str, repeats: int, suffix: str = "") -> dict:
    """Screen benchmarks: one QApplication in this process, the database already filled."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks import applications, lks, permits, reports, stock
    from desktop import database
    from desktop.services.shared import timefmt
    from desktop.views.shell import workers

    database.connect(url)
    timefmt.set_office_time_zone("Asia/Jakarta")
    workers.SYNCHRONOUS = False  # counts run in the background, as in the app
    try:
        results = applications.run(repeats, suffix)
        results.update(permits.run(repeats, suffix))
        results.update(lks.run(repeats, suffix))
        results.update(stock.run(repeats, suffix))
        results.update(reports.run(repeats, suffix))
        return results
    finally:
        database.close()


def _on_postgresql(size: int, repeats: int) -> dict:
    """The screen benchmarks again on a PostgreSQL server, when one is reachable.

    A database is created for the run and dropped after it.
    """
    import os
    import uuid

    server = os.environ.get("PELITA_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
    name = f"pelita_bench_{uuid.uuid4().hex[:8]}"
    try:
        import psycopg2

        admin = psycopg2.connect(server + "/postgres", connect_timeout=5)
    except Exception as exc:  # unreachable: report why, run the rest
        return {"_postgresql": f"skipped: {server} unreachable ({exc})".strip()}
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        url = prepare(f"{server}/{name}", size)
        with admin.cursor() as cur:
            # Measure a settled server: right after the bulk load its checkpoint was still
            # writing, and both the detail and its baseline took 22 ms instead of 7 to 11.
            cur.execute("CHECKPOINT")
        results = _in_process(url, repeats, suffix="@postgresql")
        from benchmarks import backup

        results.update(backup.run(url, repeats=min(repeats, 3)))
        return results
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", required=True, metavar="FILE")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--database", metavar="URL")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-postgresql", action="store_true",
                        help="skip the second run of the screen benchmarks on PostgreSQL")
    args = parser.parse_args(argv)
    url = prepare(args.database, args.size)
    results = {"_meta": {"database": url.split("@")[-1], **_row_counts(url)}}
    results.update(startup.run(url, args.repeats))
    results.update(bundle_startup.run(url, args.repeats))
    results.update(_in_process(url, args.repeats))
    results.update(letters.run(args.repeats))
    results.update(letter_pdf.run(args.repeats))
    if args.database is None and not args.no_postgresql:
        results.update(_on_postgresql(args.size, args.repeats))
    Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    for name, figure in results.items():
        if name.startswith("_"):
            print(f"{name}: {figure}")
        else:
            print(f"{name:<24} {figure['value']:>9} {figure['unit']:<4} baseline "
                  f"{figure['baseline']:>9}  ratio {figure['ratio']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
