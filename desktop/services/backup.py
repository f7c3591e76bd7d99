"""Back up the whole database into one archive any backend can restore, and restore it.

The archive is a zip file: `manifest.json` (format, the schema's applied migrations, the source
backend, and per table its columns, their kinds, the row count and a SHA-256) and one
`tables/<name>.jsonl` per table, a JSON array per row in canonical form (text as is, times in
ISO form, binaries in base64), so the same data hashes the same on SQLite, PostgreSQL and
MariaDB. A backup reads every table in one snapshot transaction while others keep working;
a restore loads an empty database of any backend, reads everything back and compares counts
and hashes before it commits. An office moves from its embedded SQLite file to its server
with `pelita backup` and `pelita restore`, signed letters' SHA-256 checks intact.
"""
import base64
import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from peewee import (BlobField, BooleanField, DateField, DateTimeField, FloatField,
                    ForeignKeyField, IntegerField, MySQLDatabase, PostgresqlDatabase, TimeField,
                    sort_models)

from desktop.models import ALL_MODELS, db, utcnow
from desktop.services import permissions, schema
from desktop.services.errors import PelitaError, ValidationError

FORMAT = "pelita-backup/1"
BATCH_ROWS = 500
BATCH_BYTES = 1024 * 1024  # one INSERT stays far inside MariaDB's 16 MB packet


class Cancelled(PelitaError):
    def __init__(self):
        super().__init__("Pencadangan dibatalkan; berkas yang belum selesai dihapus.")


@dataclass
class TableInfo:
    name: str
    columns: list[str]
    kinds: list[str]
    rows: int = 0
    sha256: str = ""


@dataclass
class Report:
    path: Path
    migrations: list[str]
    tables: list[TableInfo] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


# -- canonical values ------------------------------------------------------------------------

def _kind(model_field) -> str:
    if isinstance(model_field, ForeignKeyField):
        return _kind(model_field.rel_field)
    for cls, kind in ((BooleanField, "bool"), (DateTimeField, "datetime"), (DateField, "date"),
                      (TimeField, "time"), (BlobField, "blob"), (FloatField, "float"),
                      (IntegerField, "int")):
        if isinstance(model_field, cls):
            return kind
    return "text"


_DATETIME = DateTimeField()
_DATE = DateField()


def _canonical_datetime(value):
    if type(value) is not datetime.datetime:  # SQLite keeps text; the servers give datetimes
        value = _DATETIME.python_value(value)
    return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else str(value)


def _canonical_date(value):
    value = _DATE.python_value(value)
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


_TO_CANONICAL = {
    "int": int, "bool": bool, "text": str, "float": float,
    "datetime": _canonical_datetime, "date": _canonical_date, "time": str,
    "blob": lambda v: base64.b64encode(bytes(v)).decode("ascii"),
}


def _from_canonical(kind: str):
    if kind == "blob":
        return base64.b64decode
    return lambda v: v  # ISO texts, numbers and booleans go to every driver as they are


def _tables() -> list[TableInfo]:
    """Every Pelita table in foreign-key order (restore inserts parents first)."""
    infos = []
    for model in sort_models(ALL_MODELS):
        fields = model._meta.sorted_fields
        infos.append(TableInfo(model._meta.table_name, [f.column_name for f in fields],
                               [_kind(f) for f in fields]))
    return infos


def _rows(info: TableInfo):
    for page in _pages(info):
        yield from page


def _pages(info: TableInfo):
    """The table's rows in canonical form, by id, a page at a time (keyset paging: the same
    cost on every page, and big binaries never all in memory)."""
    converters = [_TO_CANONICAL[k] for k in info.kinds]
    columns = ", ".join(_quote(c) for c in info.columns)
    id_at = info.columns.index("id")
    last = None
    while True:
        where = "" if last is None else f" WHERE {_quote('id')} > {int(last)}"
        sql = (f"SELECT {columns} FROM {_quote(info.name)}{where} "
               f"ORDER BY {_quote('id')} LIMIT {BATCH_ROWS}")
        batch = db.execute_sql(sql).fetchall()
        yield [[None if v is None else conv(v) for conv, v in zip(converters, raw)]
               for raw in batch]
        if len(batch) < BATCH_ROWS:
            return
        last = batch[-1][id_at]


def _quote(name: str) -> str:
    quote = "`" if isinstance(db.obj, MySQLDatabase) else '"'
    return f"{quote}{name}{quote}"


def _line(row) -> bytes:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _snapshot():
    """A transaction that sees one moment of the whole database while others write on."""
    if isinstance(db.obj, (PostgresqlDatabase, MySQLDatabase)):
        return db.atomic(isolation_level="REPEATABLE READ")
    return db.atomic()  # SQLite in WAL mode: a read transaction is a snapshot


# -- backup ----------------------------------------------------------------------------------

def backup(actor, path, progress=None, cancelled=None) -> Report:
    """Write the archive to `path`. `progress(done_rows, total_rows)` is called as it goes;
    `cancelled()` returning True stops it and removes the unfinished file."""
    permissions.require(actor, "schema.upgrade")
    schema.check_openable()
    path = Path(path)
    partial = path.with_name(path.name + ".sebagian")
    try:
        report = _write(partial, progress, cancelled)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    report.path = path
    _remember(actor)
    return report


def _write(path: Path, progress, cancelled) -> Report:
    migrations = schema.status().applied
    report = Report(path, migrations)
    with _snapshot():
        tables = _tables()
        counts = {t.name: db.execute_sql(f"SELECT COUNT(*) FROM {_quote(t.name)}").fetchone()[0]
                  for t in tables}
        total, done = sum(counts.values()), 0
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=1) as archive:
            for info in tables:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                digest = hashlib.sha256()
                with archive.open(f"tables/{info.name}.jsonl", "w", force_zip64=True) as out:
                    for page in _pages(info):
                        chunk = b"".join(map(_line, page))
                        digest.update(chunk)
                        out.write(chunk)
                        info.rows += len(page)
                        done += len(page)
                        if cancelled is not None and cancelled():
                            raise Cancelled()
                        if progress is not None:
                            progress(done, total)
                info.sha256 = digest.hexdigest()
                report.tables.append(info)
            archive.writestr("manifest.json", json.dumps(_manifest(report), indent=1))
    if progress is not None:
        progress(total, total)
    return report


def _manifest(report: Report) -> dict:
    backend = type(db.obj).__mro__
    kind = ("postgresql" if PostgresqlDatabase in backend
            else "mysql" if MySQLDatabase in backend else "sqlite")
    return {"format": FORMAT, "created_at": utcnow().isoformat(sep=" "), "backend": kind,
            "migrations": report.migrations,
            "tables": [{"name": t.name, "columns": t.columns, "kinds": t.kinds,
                        "rows": t.rows, "sha256": t.sha256} for t in report.tables]}


def _remember(actor) -> None:
    from desktop.services import settings

    settings.record_backup(actor, utcnow())


# -- restore ---------------------------------------------------------------------------------

def read_manifest(path) -> dict:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        raise ValidationError("Berkas cadangan", f"{path} bukan berkas cadangan Pelita yang "
                              "utuh (manifest.json tidak terbaca).") from None
    if manifest.get("format") != FORMAT:
        raise ValidationError("Berkas cadangan", f"format {manifest.get('format')!r} tidak "
                              f"dikenal; Pelita ini membaca {FORMAT}.")
    return manifest


def restore(actor, path, progress=None) -> Report:
    """Load the archive into this empty database, check every table's count and hash, commit.

    Refuses an archive of a newer schema than this Pelita knows and a database that already
    holds data; on any mismatch nothing is kept."""
    permissions.require(actor, "schema.upgrade")
    path = Path(path)
    manifest = read_manifest(path)
    known = schema.status()
    scripts = known.applied + known.pending
    unknown = [m for m in manifest["migrations"] if m not in scripts]
    if unknown:
        raise ValidationError("Berkas cadangan", "dibuat oleh Pelita yang lebih baru (migrasi "
                              f"{', '.join(unknown)}); perbarui Pelita dulu.")
    _require_empty()
    runner = schema._runner()
    if manifest["migrations"]:
        runner.up(target=manifest["migrations"][-1])
    report = Report(path, manifest["migrations"])
    total = sum(t["rows"] for t in manifest["tables"])
    done = 0
    with zipfile.ZipFile(path) as archive, db.atomic():
        for spec in manifest["tables"]:
            info = TableInfo(spec["name"], spec["columns"], spec["kinds"])
            # The database was empty before its schema was made: rows now are what a
            # migration seeds (schedule_change's counter), and the archive carries them.
            db.execute_sql(f"DELETE FROM {_quote(info.name)}")
            done = _load(archive, info, spec, done, total, progress)
            _check(info, spec)
            report.tables.append(info)
        _reset_sequences(report.tables)
    schema.migrate()  # whatever this Pelita adds after the archive's schema
    return report


def _require_empty() -> None:
    tables = set(db.get_tables())
    for model in ALL_MODELS:
        name = model._meta.table_name
        if name in tables and model.select().limit(1).exists():
            raise ValidationError("Database tujuan", f"sudah berisi data (tabel {name}). "
                                  "Pulihkan ke database yang baru dan kosong.")


def _load(archive, info: TableInfo, spec: dict, done: int, total: int, progress) -> int:
    converters = [_from_canonical(k) for k in info.kinds]
    digest = hashlib.sha256()
    batch, size = [], 0
    with archive.open(f"tables/{info.name}.jsonl") as lines:
        for line in io.TextIOWrapper(lines, encoding="utf-8", newline="\n"):
            encoded = line.encode("utf-8")
            digest.update(encoded)
            row = json.loads(line)
            batch.append([None if v is None else conv(v) for conv, v in zip(converters, row)])
            size += len(encoded)
            if len(batch) >= BATCH_ROWS or size >= BATCH_BYTES:
                _insert(info, batch)
                done += len(batch)
                batch, size = [], 0
                if progress is not None:
                    progress(done, total)
    if batch:
        _insert(info, batch)
        done += len(batch)
    if digest.hexdigest() != spec["sha256"]:
        raise ValidationError("Berkas cadangan", f"isi tabel {info.name} tidak cocok dengan "
                              "sidiknya: berkas rusak atau diubah. Tidak ada yang dipulihkan.")
    return done


def _insert(info: TableInfo, rows: list[list]) -> None:
    """One multi-row INSERT, its SQL written here: building it through peewee's query
    objects cost more than the database's own work. PostgreSQL takes COPY, as pg_restore."""
    if isinstance(db.obj, PostgresqlDatabase):
        _copy(info, rows)
        return
    placeholder = "(" + ", ".join([db.obj.param] * len(info.columns)) + ")"
    columns = ", ".join(_quote(c) for c in info.columns)
    sql = (f"INSERT INTO {_quote(info.name)} ({columns}) VALUES "
           + ", ".join([placeholder] * len(rows)))
    db.execute_sql(sql, [value for row in rows for value in row])


def _copy(info: TableInfo, rows: list[list]) -> None:
    """COPY ... FROM STDIN in PostgreSQL's text format: tab-separated, \\N for NULL."""
    blobs = [k == "blob" for k in info.kinds]
    lines = []
    for row in rows:
        lines.append("\t".join(_copy_value(v, blob) for v, blob in zip(row, blobs)))
    data = io.StringIO("\n".join(lines) + "\n")
    columns = ", ".join(_quote(c) for c in info.columns)
    cursor = db.connection().cursor()
    cursor.copy_expert(f"COPY {_quote(info.name)} ({columns}) FROM STDIN", data)


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value, blob: bool) -> str:
    if value is None:
        return "\\N"
    if blob:
        return "\\\\x" + bytes(value).hex()
    if value is True or value is False:
        return "t" if value else "f"
    return str(value).translate(_COPY_ESCAPES)


def _check(info: TableInfo, spec: dict) -> None:
    """Read the loaded table back as a backup would: the same count and the same hash."""
    digest = hashlib.sha256()
    for page in _pages(info):
        digest.update(b"".join(map(_line, page)))
        info.rows += len(page)
    info.sha256 = digest.hexdigest()
    if info.rows != spec["rows"] or info.sha256 != spec["sha256"]:
        raise ValidationError("Database tujuan", f"tabel {info.name} terbaca lain setelah "
                              f"dimuat ({info.rows} dari {spec['rows']} baris, sidik berbeda). "
                              "Tidak ada yang dipulihkan.")


def _reset_sequences(tables: list[TableInfo]) -> None:
    """PostgreSQL's id sequences continue after the loaded ids (MariaDB and SQLite do this by
    themselves)."""
    if not isinstance(db.obj, PostgresqlDatabase):
        return
    for info in tables:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{info.name}\"', 'id'), "
                       f"COALESCE((SELECT MAX(id) FROM \"{info.name}\"), 0) + 1, false)")
