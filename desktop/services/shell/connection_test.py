"""Try a database URL on a throwaway connection, leaving the app's own connection alone."""
from pathlib import Path

from playhouse.migrations import Runner

from desktop import database
from desktop.errors import DatabaseProblem
from desktop.services.shell import schema

__test__ = False  # pytest: `test_connection` here is not a test


def test_connection(url: str) -> str:
    """Return an Indonesian success message; raise DatabaseProblem saying what is wrong."""
    target = database.parse_url(url)
    if target.is_embedded:
        path = Path(target.name)
        # Same file checks as database.connect, so the test and the real start agree.
        database._check_sqlite_file(path)
        if not path.exists() or not path.stat().st_size:
            # Opening it would create the file; a test must not change anything.
            return (f"Berkas {path} belum ada atau kosong. Saat disimpan, Pelita akan membuat "
                    "database baru di sana.")
    probe = database.build_database(target)
    try:
        probe.connect()
        probe.execute_sql("SELECT 1").fetchall()
        if target.is_embedded:
            probe.execute_sql("SELECT count(*) FROM sqlite_master").fetchall()
        state = _schema_state(probe)
    except Exception as exc:  # drivers raise many types; all mean "cannot open"
        raise DatabaseProblem(database.explain_error(exc, target)) from exc
    finally:
        _close(probe)
    return f"Koneksi berhasil: {target.describe()}. {state}"


def _schema_state(probe) -> str:
    rows = Runner(probe, str(schema.MIGRATIONS_DIR), table_name=schema.HISTORY_TABLE).status()
    status = schema.SchemaStatus(
        applied=[m.name for m in rows if m.applied and m.path],
        pending=[m.name for m in rows if not m.applied],
        unknown=[m.name for m in rows if m.applied and not m.path],
    )
    if status.state == "empty":
        return "Database masih kosong: Pelita akan menyiapkannya dan membuat akun administrator."
    return status.describe()


def _close(probe) -> None:
    try:
        if not probe.is_closed():
            probe.close()
        if hasattr(probe, "close_all"):
            probe.close_all()
    except Exception:
        pass
