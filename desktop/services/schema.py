"""Schema state and upgrades through peewee's playhouse.migrations scripts."""
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrations import Runner

from desktop import __version__
from desktop.models.base import db
from desktop.services.errors import SchemaTooNew, SchemaTooOld

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
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


def _runner() -> Runner:
    return Runner(db.obj, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def status() -> SchemaStatus:
    rows = _runner().status()
    return SchemaStatus(
        applied=[m.name for m in rows if m.applied and m.path],
        pending=[m.name for m in rows if not m.applied],
        unknown=[m.name for m in rows if m.applied and not m.path],
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
    from desktop.services import catalog

    catalog.load_shipped()
    return applied
