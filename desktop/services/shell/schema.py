"""Schema state and upgrades through peewee's playhouse.migrations scripts."""
import re
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from desktop import __version__
from desktop.errors import SchemaTooNew, SchemaTooOld
from desktop.models.base import db

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
HISTORY_TABLE = "pelita_migration"


@dataclass
class SchemaStatus:
    applied: list[str]
    pending: list[str]
    unknown: list[str]  # applied by a newer Pelita: this app has no such script

    @property
    def state(self) -> str:
        if self.unknown:
            return "newer"
        if not self.applied:
            return "empty"
        return "older" if self.pending else "current"

    def describe(self) -> str:
        return {
            "current": f"Skema database mutakhir ({len(self.applied)} migrasi).",
            "empty": "Database kosong: belum berisi tabel Pelita.",
            "older": (f"Skema database lebih lama dari aplikasi: {len(self.pending)} migrasi "
                      "belum dijalankan. Administrator perlu menjalankan pembaruan."),
            "newer": ("Skema database dibuat oleh Pelita yang lebih baru "
                      f"({', '.join(self.unknown)}). Pasang Pelita versi terbaru di PC ini; "
                      f"versi ini ({__version__}) tidak boleh membukanya."),
        }[self.state]


def _runner():
    from playhouse.migrations import Runner  # only to apply migrations: not needed at start-up

    return Runner(db.obj, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def _script_names() -> list[str]:
    """The migration scripts shipped with this app, in order (as playhouse.migrations finds them)."""
    names = [p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py")]
    return sorted(names, key=lambda n: (int(re.match(r"\d+", n).group()), n))


def status() -> SchemaStatus:
    """Applied, pending and unknown migrations: one query on the history table."""
    applied = set()
    if HISTORY_TABLE in db.get_tables():
        applied = {name for (name,) in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}")}
    scripts = _script_names()
    return SchemaStatus(
        applied=[n for n in scripts if n in applied],
        pending=[n for n in scripts if n not in applied],
        unknown=sorted(applied - set(scripts)),
    )


def check_openable() -> SchemaStatus:
    """Raise when this app must not use the database as it is; return the status otherwise."""
    current = status()
    if current.state == "newer":
        raise SchemaTooNew(current.describe())
    if current.state in ("older", "empty"):
        raise SchemaTooOld(current.describe())
    return current


def migrate() -> list[str]:
    """Apply pending schema migrations only. Returns applied names."""
    current = status()
    if current.state == "newer":
        raise SchemaTooNew(current.describe())
    if isinstance(db.obj, SqliteDatabase):
        db.obj.pragma("journal_mode", "wal")  # persistent: every later connection uses WAL
    return _runner().up()


def upgrade() -> list[str]:
    """Apply pending migrations, then load shipped reference data. Returns applied names."""
    applied = migrate()
    from desktop.services.catalog import service_catalog
    from desktop.services.referrals import institutions

    service_catalog.load_shipped()
    institutions.load_shipped()
    return applied


def refresh_statistics() -> None:
    """Have PostgreSQL's planner count what a bulk load just wrote.

    Its statistics come from autovacuum, which runs later or, where an office turned it off,
    never. Right after `pelita demo --size 1000000` the planner guessed 238 people for a
    name prefix that 12,497 have, and a search by that name took 72 ms instead of 23 ms.
    SQLite and MariaDB plan these queries well without it.
    """
    from peewee import PostgresqlDatabase

    if isinstance(db.obj, PostgresqlDatabase):
        db.execute_sql("ANALYZE")
