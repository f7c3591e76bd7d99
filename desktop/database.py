"""Choose, open and describe the database: embedded SQLite or a shared PostgreSQL/MariaDB server."""
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import platformdirs
from peewee import Database

from desktop import drivers
from desktop.errors import DatabaseProblem
from desktop.models.base import db
from desktop.resilient import ResilientSqlite, server_classes

ENV_URL = "PELITA_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_S = 10
POOL_SIZE = 8
POOL_STALE_S = 300


@dataclass(frozen=True)
class DatabaseUrl:
    backend: str  # sqlite, postgresql, mysql
    name: str  # file path for sqlite, database name otherwise
    host: str = ""
    port: int | None = None
    user: str = ""
    password: str = ""

    @property
    def is_embedded(self) -> bool:
        return self.backend == "sqlite"

    def describe(self) -> str:
        """What the status bar shows: never the password."""
        if self.is_embedded:
            return f"Tertanam (SQLite): {self.name}"
        kind = "PostgreSQL" if self.backend == "postgresql" else "MariaDB/MySQL"
        port = f":{self.port}" if self.port else ""
        return f"{kind} {self.host}{port}/{self.name}"


def default_sqlite_path() -> Path:
    return platformdirs.user_data_path("pelita", appauthor=False) / "pelita.db"


def parse_url(url: str) -> DatabaseUrl:
    """Parse a database URL; an unknown scheme or missing part raises DatabaseProblem."""
    text = (url or "").strip()
    if not text:
        raise DatabaseProblem("Alamat database kosong. Isi alamat seperti "
                              "sqlite:///pelita.db atau postgresql://user@server/pelita.")
    if "://" not in text:
        # A bare path means an embedded file.
        return DatabaseUrl("sqlite", str(Path(text).expanduser()))
    parsed = urlparse(text)
    scheme = parsed.scheme.lower().split("+")[0]
    if scheme == "sqlite":
        path = unquote(parsed.path)
        if parsed.netloc:  # sqlite://relative/path
            path = parsed.netloc + path
        elif path.startswith("/") and not path.startswith("//"):
            path = path[1:]  # sqlite:///relative.db
        else:
            path = path[1:]  # sqlite:////absolute.db
        if not path:
            raise DatabaseProblem("Alamat database SQLite tidak menyebut berkas. "
                                  "Contoh: sqlite:////home/pelita/pelita.db")
        return DatabaseUrl("sqlite", str(Path(path).expanduser()))
    backends = {"postgresql": "postgresql", "postgres": "postgresql",
                "mysql": "mysql", "mariadb": "mysql"}
    if scheme not in backends:
        raise DatabaseProblem(f"Jenis database '{parsed.scheme}' tidak dikenal. Gunakan "
                              "sqlite://, postgresql:// atau mysql:// (MariaDB).")
    name = unquote(parsed.path.lstrip("/"))
    if not parsed.hostname:
        raise DatabaseProblem("Alamat server database tidak menyebut nama server (host).")
    if not name:
        raise DatabaseProblem("Alamat server database tidak menyebut nama database, "
                              "contoh: postgresql://pelita@server/pelita.")
    try:
        port = parsed.port
    except ValueError:
        raise DatabaseProblem("Port pada alamat database bukan angka yang sah.") from None
    return DatabaseUrl(backends[scheme], name, parsed.hostname, port,
                       unquote(parsed.username or ""), unquote(parsed.password or ""))


def resolve_url(cli_url: str | None = None) -> str:
    """--database, else PELITA_DATABASE_URL, else the saved profile, else the embedded file."""
    if cli_url:
        return cli_url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    from desktop import connection_profile

    saved = connection_profile.load_url()
    if saved:
        return saved
    return "sqlite:///" + str(default_sqlite_path())


def build_database(target: DatabaseUrl) -> Database:
    if target.backend == "sqlite":
        pragmas = {"foreign_keys": 1, "synchronous": "normal",
                   "busy_timeout": int(SQLITE_BUSY_TIMEOUT_S * 1000)}
        path = Path(target.name)
        if path.exists() and path.stat().st_size:
            # WAL is stored in the file; a new or empty file gets it from the schema upgrade,
            # so merely opening one writes nothing.
            pragmas["journal_mode"] = "wal"
        return ResilientSqlite(target.name, timeout=SQLITE_BUSY_TIMEOUT_S, pragmas=pragmas)
    drivers.load(target.backend)
    PooledPostgresqlDatabase, PooledMySQLDatabase = server_classes()  # servers only

    common = dict(host=target.host, user=target.user, password=target.password,
                  max_connections=POOL_SIZE, stale_timeout=POOL_STALE_S)
    if target.port:
        common["port"] = target.port
    if target.backend == "postgresql":
        return PooledPostgresqlDatabase(target.name, connect_timeout=5, **common)
    # LONGBLOB: MySQL's BLOB stops at 64 KiB, too small for an emblem or a scan.
    return PooledMySQLDatabase(target.name, charset="utf8mb4", connect_timeout=5,
                               field_types={"BLOB": "LONGBLOB"}, **common)


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise DatabaseProblem(f"{path} adalah folder, bukan berkas database. Pilih berkas .db.")
        if not os.access(path, os.R_OK):
            raise DatabaseProblem(f"Berkas database {path} tidak bisa dibaca: periksa izin berkas.")
        if not os.access(path, os.W_OK):
            raise DatabaseProblem(f"Berkas database {path} hanya-baca. Pelita perlu menulis ke "
                                  "berkas ini: ubah izinnya atau pilih berkas lain.")
        if path.stat().st_size and not _looks_like_sqlite(path):
            raise DatabaseProblem(f"Berkas {path} bukan database Pelita (bukan berkas SQLite). "
                                  "Pilih berkas lain atau buat database baru.")
    elif not path.parent.exists():
        raise DatabaseProblem(f"Folder {path.parent} tidak ada. Buat foldernya atau pilih lokasi lain.")
    if not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(f"Folder {path.parent} tidak bisa ditulisi: SQLite perlu menulis "
                              "berkas jurnal di sana. Pilih folder lain.")


def _looks_like_sqlite(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def explain_error(exc: Exception, target: DatabaseUrl) -> str:
    """Turn a driver's exception into an Indonesian message naming the cause and the fix."""
    text = str(exc)
    low = text.lower()
    where = f"{target.host}:{target.port}" if target.port else target.host
    if ("password authentication failed" in low or "access denied" in low
            or ("role" in low and "does not exist" in low)):
        return (f"Server database {where} menolak pengguna '{target.user}': kata sandi salah "
                "atau pengguna tidak ada. Periksa nama pengguna dan kata sandi.")
    if ("does not exist" in low and "database" in low) or "unknown database" in low:
        return (f"Database '{target.name}' tidak ada di server {where}. Minta administrator "
                "membuatnya, atau periksa namanya.")
    if ("could not connect" in low or "connection refused" in low or "can't connect" in low
            or "could not translate host name" in low or "name or service not known" in low
            or "timeout" in low or "timed out" in low or "no route" in low):
        return (f"Server database {where} tidak bisa dihubungi. Periksa nama server, port, "
                "jaringan, dan bahwa server database menyala.")
    if "database is locked" in low:
        return (f"Berkas database {target.name} sedang dikunci program lain. Tutup program itu "
                "lalu coba lagi.")
    if "not a database" in low or "malformed" in low:
        return f"Berkas {target.name} bukan database SQLite yang sah atau rusak. Pilih berkas lain."
    if "readonly" in low or "read-only" in low:
        return f"Berkas database {target.name} hanya-baca. Ubah izinnya atau pilih berkas lain."
    if "unable to open" in low:
        return f"Berkas database {target.name} tidak bisa dibuka. Periksa lokasi dan izinnya."
    return f"Database tidak bisa dibuka: {text.strip().splitlines()[0] if text.strip() else type(exc).__name__}"


def connect(url: str) -> DatabaseUrl:
    """Open the database at `url`, bind the app's proxy to it, and check it answers.

    Raises DatabaseProblem with a message for the user; a bad file or server is left untouched.
    """
    target = parse_url(url)
    if target.is_embedded:
        _check_sqlite_file(Path(target.name))
    database = build_database(target)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT 1").fetchall()
        if target.is_embedded:
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchall()
    except Exception as exc:  # drivers raise many types; all mean "cannot open"
        try:
            database.close()
        except Exception:
            pass
        raise DatabaseProblem(explain_error(exc, target)) from exc
    database.close()
    close()
    db.initialize(database)
    return target


def close() -> None:
    """Close this thread's connection and, for a pool, every idle pooled connection."""
    current = db.obj
    if current is None:
        return
    if not current.is_closed():
        current.close()
    if hasattr(current, "close_all"):
        current.close_all()
