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
import contextlib
import csv
import datetime
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from peewee import (BlobField, BooleanField, DatabaseError, DateField, DateTimeField, FloatField,
                    ForeignKeyField, IntegerField, MySQLDatabase, PostgresqlDatabase, TimeField,
                    sort_models)

from desktop.errors import PelitaError, ValidationError
from desktop.models import db, utcnow
from desktop.services.shared import files, permissions
from desktop.services.cases import registry
from desktop.services.shell import schema

FORMAT = "pelita-backup/1"
BATCH_ROWS = 500
PAGE_ROWS = 5000  # rows per SELECT when reading a table without binaries
BLOB_BATCH_ROWS = 4  # rows with scans or letters (up to the scan limit each) per page
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
# Rows are JSON arrays written by orjson (ten times json's speed on a 100k-application office):
# text as is, times as ISO 8601 ("2026-11-26T05:44:03"), booleans as true/false, binaries in
# base64. Each backend's driver hands back other types; only those columns are converted.

_KINDS = ("bool", "datetime", "date", "time", "blob", "float", "int", "text")


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


def _datetime(value):
    return value if type(value) is datetime.datetime else _DATETIME.python_value(value)


def _date(value):
    return value if type(value) is datetime.date else _DATE.python_value(value)


def _blob(value) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


def _readers(kinds: list[str]) -> list[tuple[int, object]]:
    """(column, converter) for the columns this backend's driver returns in another form."""
    sqlite = not isinstance(db.obj, (PostgresqlDatabase, MySQLDatabase))
    needs = {"blob": _blob, "time": str}
    if not isinstance(db.obj, PostgresqlDatabase):
        needs["bool"] = bool  # 0/1 from SQLite and MariaDB
    if sqlite:
        needs.update(datetime=_datetime, date=_date)  # stored as text
    return [(i, needs[k]) for i, k in enumerate(kinds) if k in needs]


def _writers(kinds: list[str]) -> list[tuple[int, object]]:
    """(column, converter) from canonical JSON to what every driver accepts."""
    needs = {"blob": base64.b64decode,
             "datetime": lambda v: v.replace("T", " ", 1)}  # SQLite stores it as text
    return [(i, needs[k]) for i, k in enumerate(kinds) if k in needs]


def _convert(rows: list, converters) -> list:
    if converters:
        for row in rows:
            for i, conv in converters:
                if row[i] is not None:
                    row[i] = conv(row[i])
    return rows


def _tables() -> list[TableInfo]:
    """Every Pelita table in foreign-key order (restore inserts parents first)."""
    infos = []
    for model in sort_models(registry.all_models()):
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
    converters = _readers(info.kinds)
    columns = ", ".join(_quote(c) for c in info.columns)
    id_at = info.columns.index("id")
    size = BLOB_BATCH_ROWS if "blob" in info.kinds else PAGE_ROWS
    last = None
    while True:
        where = "" if last is None else f" WHERE {_quote('id')} > {int(last)}"
        sql = (f"SELECT {columns} FROM {_quote(info.name)}{where} "
               f"ORDER BY {_quote('id')} LIMIT {size}")
        batch = db.execute_sql(sql).fetchall()
        if batch:
            last = batch[-1][id_at]
        # Tuples go to orjson as they are; only rows with a column to convert are copied.
        yield _convert([list(raw) for raw in batch], converters) if converters else batch
        if len(batch) < size:
            return


def _quote(name: str) -> str:
    quote = "`" if isinstance(db.obj, MySQLDatabase) else '"'
    return f"{quote}{name}{quote}"


def _lines(rows) -> bytes:
    return b"".join([orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows])


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
    report = files.write_beside(path, lambda partial: _write(partial, progress, cancelled))
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
                        chunk = _lines(page)
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
    from desktop.services.admin import settings

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
    existing = _require_empty()
    try:
        runner = schema._runner()
        if manifest["migrations"]:
            runner.up(target=manifest["migrations"][-1])
        _require_same_tables(manifest)
        report = _load_all(path, manifest, progress)
        schema.migrate()  # whatever this Pelita adds after the archive's schema
    except BaseException:
        _drop_made_tables(existing)  # so the same restore can simply be run again
        raise
    return report


def _load_all(path, manifest: dict, progress) -> Report:
    report = Report(path, manifest["migrations"])
    total = sum(t["rows"] for t in manifest["tables"])
    done = 0
    with zipfile.ZipFile(path) as archive, db.atomic(), _without_secondary_structures():
        if isinstance(db.obj, PostgresqlDatabase):  # the forms `_check_copied` reads back
            db.execute_sql("SET LOCAL DateStyle = 'ISO, YMD'")
            db.execute_sql("SET LOCAL bytea_output = 'hex'")
        for spec in manifest["tables"]:
            info = TableInfo(spec["name"], spec["columns"], spec["kinds"])
            # The database was empty before its schema was made: rows now are what a
            # migration seeds (schedule_change's counter), and the archive carries them.
            db.execute_sql(f"DELETE FROM {_quote(info.name)}")
            done = _load(archive, info, spec, done, total, progress)
            report.tables.append(info)
        _reset_sequences(report.tables)
    return report


def _require_same_tables(manifest: dict) -> None:
    """The archive names exactly the tables and columns its schema has here: its names go into
    SQL, so a crafted manifest must not carry anything else, and no table may be left out."""
    made = set(db.get_tables()) - {schema.HISTORY_TABLE}
    named = [t["name"] for t in manifest["tables"]]
    if set(named) != made or len(named) != len(made):
        raise ValidationError("Berkas cadangan", "daftar tabelnya tidak sesuai dengan skema "
                              "yang dicatatnya; berkas rusak atau bukan buatan Pelita.")
    for spec in manifest["tables"]:
        # A subset: MariaDB's generated columns (clinic_request.active_day) are not data.
        columns = _column_names(spec["name"])
        named = spec["columns"]
        if (not set(named) <= columns or len(set(named)) != len(named) or "id" not in named
                or len(spec["kinds"]) != len(named) or not set(spec["kinds"]) <= set(_KINDS)):
            raise ValidationError("Berkas cadangan", f"kolom tabel {spec['name']} tidak sesuai "
                                  "dengan skemanya; berkas rusak atau bukan buatan Pelita.")


def _column_names(table: str) -> set[str]:
    if isinstance(db.obj, PostgresqlDatabase):  # the catalogue, not information_schema's view
        return {name for (name,) in db.execute_sql(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped", (_quote(table),)).fetchall()}
    return {c.name for c in db.get_columns(table)}


def _drop_made_tables(existing: set[str]) -> None:
    """After a failed restore into an empty database: drop what the restore made."""
    try:
        if db.in_transaction():
            return
        # Children first: SQLite's DROP deletes the rows and runs their foreign keys' actions.
        order = [m._meta.table_name for m in reversed(sort_models(registry.all_models()))]
        made = sorted((t for t in db.get_tables() if t not in existing),
                      key=lambda t: order.index(t) if t in order else -1)
        if isinstance(db.obj, MySQLDatabase):
            db.execute_sql("SET FOREIGN_KEY_CHECKS = 0")
        for table in made:
            cascade = " CASCADE" if isinstance(db.obj, PostgresqlDatabase) else ""
            db.execute_sql(f"DROP TABLE IF EXISTS {_quote(table)}{cascade}")
        if isinstance(db.obj, MySQLDatabase):
            db.execute_sql("SET FOREIGN_KEY_CHECKS = 1")
        if isinstance(db.obj, PostgresqlDatabase) and not existing:
            db.execute_sql("DROP FUNCTION IF EXISTS pelita_audit_append_only() CASCADE")
            db.execute_sql("DROP FUNCTION IF EXISTS pelita_letter_immutable() CASCADE")
            db.execute_sql("DROP FUNCTION IF EXISTS pelita_letter_revocation_final() CASCADE")
    except Exception:  # the restore's own error is the one to report
        pass


@contextlib.contextmanager
def _without_secondary_structures():
    """On PostgreSQL, load as pg_restore does: foreign keys and plain indexes are dropped for
    the load and made again after it (one check of every row at the end instead of one per
    row; the same in the transaction, so a failure leaves the schema whole). Primary keys,
    unique and exclusion constraints stay and check every row as it comes."""
    if not isinstance(db.obj, PostgresqlDatabase):
        yield
        return
    run = db.execute_sql
    foreign = run("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                  "FROM pg_constraint WHERE contype = 'f' "
                  "AND connamespace = current_schema()::regnamespace").fetchall()
    indexes = run("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = "
                  "current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                  "WHERE c.conname = i.indexname)").fetchall()
    for table, name, _ in foreign:
        run(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        run(f'DROP INDEX "{name}"')
    yield
    for _, definition in indexes:
        run(definition)
    for table, name, definition in foreign:
        run(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def _require_empty() -> set[str]:
    """Refuse a database that holds data; returns the (empty) tables it already has."""
    tables = set(db.get_tables())
    for model in registry.all_models():
        name = model._meta.table_name
        if name in tables and model.select().limit(1).exists():
            raise ValidationError("Database tujuan", f"sudah berisi data (tabel {name}). "
                                  "Pulihkan ke database yang baru dan kosong.")
    return tables


def _load(archive, info: TableInfo, spec: dict, done: int, total: int, progress) -> int:
    """Load one table and check it: the archive's lines against the manifest's hash, then
    what the database holds against what was sent."""
    with archive.open(f"tables/{info.name}.jsonl") as member:
        source = _Batches(member, done, total, progress)
        try:
            if isinstance(db.obj, PostgresqlDatabase):
                sent, as_lines = _copy(info, source)
            else:
                converters = _writers(info.kinds)
                for batch in source:
                    _insert(info, _convert(batch, converters))
        except DatabaseError:
            # The driver's text quotes the refused value (a NIK, a name): not passed on.
            raise ValidationError("Berkas cadangan", f"database menolak isi tabel {info.name} "
                                  "(nilai yang tidak sesuai kolomnya): berkas rusak atau "
                                  "diubah. Tidak ada yang dipulihkan.") from None
    if source.digest.hexdigest() != spec["sha256"]:
        raise ValidationError("Berkas cadangan", f"isi tabel {info.name} tidak cocok dengan "
                              "sidiknya: berkas rusak atau diubah. Tidak ada yang dipulihkan.")
    if isinstance(db.obj, PostgresqlDatabase):
        _check_copied(info, spec, sent, as_lines)
    else:
        _check(info, spec)
    return source.done


class _Batches:
    """A table's archived rows, a batch at a time, hashed as they are read; `done` counts
    them and `progress` hears of each batch. The member is read in blocks of BATCH_BYTES
    and each block's complete lines parsed as one JSON array (one call into orjson, not one
    per row)."""

    def __init__(self, member, done: int, total: int, progress):
        self.member, self.done, self.total, self.progress = member, done, total, progress
        self.digest = hashlib.sha256()

    def __iter__(self):
        for block in self.blocks():
            rows = self.parsed(block)
            for start in range(0, len(rows), BATCH_ROWS):
                batch = rows[start:start + BATCH_ROWS]
                yield batch
                self.count(len(batch))

    def blocks(self):
        """The member's bytes in blocks of whole lines."""
        rest = b""
        while True:
            block = self.member.read(BATCH_BYTES)
            self.digest.update(block)
            if not block:
                break
            block = rest + block
            end = block.rfind(b"\n") + 1
            if end:
                rest = block[end:]
                yield block[:end]
            else:
                rest = block  # a line longer than a block (a scan): read on
        if rest:
            yield rest

    @staticmethod
    def parsed(lines: bytes) -> list:
        try:
            return orjson.loads(b"[" + lines.rstrip(b"\n").replace(b"\n", b",") + b"]")
        except orjson.JSONDecodeError:
            raise _not_json_lines() from None

    def count(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(self.done, self.total)


def _not_json_lines() -> ValidationError:
    return ValidationError("Berkas cadangan", "isinya bukan baris JSON yang utuh: berkas rusak "
                           "atau diubah. Tidak ada yang dipulihkan.")


def _insert(info: TableInfo, rows: list[list]) -> None:
    """One multi-row INSERT, its SQL written here: building it through peewee's query
    objects cost more than the database's own work."""
    placeholder = "(" + ", ".join([db.obj.param] * len(info.columns)) + ")"
    columns = ", ".join(_quote(c) for c in info.columns)
    sql = (f"INSERT INTO {_quote(info.name)} ({columns}) VALUES "
           + ", ".join([placeholder] * len(rows)))
    db.execute_sql(sql, [value for row in rows for value in row])


class _Literal(int):
    """A value csv writes as it is, unquoted (csv's QUOTE_NONNUMERIC quotes every string):
    NULL as an empty field, booleans as t and f, as PostgreSQL's CSV writes them."""

    def __new__(cls, text: str):
        literal = super().__new__(cls)
        literal.text = text
        return literal

    def __str__(self):
        return self.text


_NULL, _TRUE, _FALSE = _Literal(""), _Literal("t"), _Literal("f")


_PG_FORMS = {"bool": lambda v: _TRUE if v else _FALSE,
             "blob": lambda v: "\\x" + base64.b64decode(v).hex()}
# The kinds csv writes as strings. (A float column, which Pelita has none of, would need its
# own form: PostgreSQL writes 100.0 back as "100".)
_QUOTED_KINDS = ("text", "datetime", "date", "time", "blob")


def _copy(info: TableInfo, batches: _Batches) -> tuple["hashlib._Hash", bool]:
    """The whole table in one COPY ... FROM STDIN (FORMAT csv), as pg_restore loads.
    Returns the hash of the text sent and whether it went as the archive's own lines."""
    if "blob" in info.kinds or db.connection().encoding != "UTF8":
        return _copy_rows(info, batches), False
    return _copy_lines(info, batches), True


# The archive's lines are nearly CSV already: without their brackets, a JSON array of
# numbers, true/false, null and strings is a CSV line that COPY reads with NULL 'null' and
# ESCAPE '\' (a quote and a backslash are escaped alike in both). The other JSON escapes
# (\n, \t, \u0001...) become the characters themselves, which CSV holds inside quotes.
_LINE_OPTIONS = ", NULL 'null', ESCAPE E'\\\\'"
_JSON_ESCAPE = re.compile(rb'\\(?:(["\\])|([/bfnrt])|(u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})*))')
_RAW = {b"/": b"/", b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t"}


def _unescaped(match) -> bytes:
    kept, raw, code = match.groups()
    if kept:
        return match[0]
    if raw:
        return _RAW[raw]
    try:  # a run of \uXXXX: surrogate pairs decode together
        return orjson.loads(b'"\\' + code + b'"').encode("utf-8")
    except (orjson.JSONDecodeError, UnicodeEncodeError):
        raise _not_json_lines() from None


def _copy_lines(info: TableInfo, batches: _Batches) -> "hashlib._Hash":
    """Each block of lines is checked as JSON (orjson, while the server stores the last block)
    and sent as CSV made by byte replacements in C: no row goes through csv's writer, which
    was most of a restore's time."""
    sent = hashlib.sha256()

    def pieces():
        for block in batches.blocks():
            rows = batches.parsed(block)
            lines = block.rstrip(b"\n")
            # One array per line: a bracket at each line's ends, one value per line.
            breaks = lines.count(b"\n")
            if (lines[:1] != b"[" or lines[-1:] != b"]" or len(rows) != breaks + 1
                    or lines.count(b"]\n[") != breaks):
                raise _not_json_lines()
            text = _JSON_ESCAPE.sub(_unescaped, lines[1:-1].replace(b"]\n[", b"\n")) + b"\n"
            sent.update(text)
            yield text
            batches.count(len(rows))

    sql = (f"COPY {_quote(info.name)} ({_column_list(info)}) FROM STDIN "
           f"WITH (FORMAT csv{_LINE_OPTIONS})")
    _copy_in(sql, pieces())
    return sent


def _copy_rows(info: TableInfo, batches: _Batches) -> "hashlib._Hash":
    """Rows with binaries (base64 in the archive, hex for COPY) or a connection not in UTF-8:
    parsed and written by csv's writer (in C, doing the quoting) in the form the read-back in
    `_check_copied` writes them out; times as ISO 8601, which PostgreSQL reads as they are."""
    from psycopg2.extensions import encodings  # PostgreSQL only: not imported at start

    converters = [(i, _PG_FORMS[k]) for i, k in enumerate(info.kinds) if k in _PG_FORMS]
    encoding = encodings[db.connection().encoding]  # the text COPY TO hands back
    sent = hashlib.sha256()

    def pieces():
        for batch in batches:
            rows = _convert(batch, converters)
            rows = [[_NULL if v is None else v for v in row] if None in row else row
                    for row in rows]  # most rows hold no NULL: the scan is in C
            out = io.StringIO()
            csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
            text = out.getvalue()
            sent.update(text.encode(encoding))
            yield text

    _copy_in(f"COPY {_quote(info.name)} ({_column_list(info)}) FROM STDIN WITH (FORMAT csv)",
             pieces())
    return sent


def _copy_in(sql: str, pieces) -> None:
    """psycopg2 asks for the next piece while the server stores the last one."""
    cursor, reader = db.connection().cursor(), _Reader(pieces)
    try:
        db.obj.driver_call(lambda: cursor.copy_expert(sql, reader))
    except DatabaseError:
        if reader.error is not None:  # psycopg2 ends the COPY with its own error instead
            raise reader.error from None
        raise


def _column_list(info: TableInfo) -> str:
    return ", ".join(_quote(c) for c in info.columns)


def _check_copied(info: TableInfo, spec: dict, sent, as_lines: bool) -> None:
    """PostgreSQL: the loaded table, written back by COPY TO in id order in the form it was
    sent, is the very text that was sent, and has the manifest's row count."""
    quoted = ", ".join(_quote(c) for c, k in zip(info.columns, info.kinds)
                       if k in _QUOTED_KINDS)
    options = (_LINE_OPTIONS if as_lines else "") + (f", FORCE_QUOTE ({quoted})" if quoted else "")
    # Timestamps back in the archive's ISO form (Pelita stores whole seconds; a fraction
    # would read back shorter and fail the check rather than pass unseen); booleans as the
    # archive's true/false when its lines were sent.
    values = ", ".join(f"replace({_quote(c)}::text, ' ', 'T') AS {_quote(c)}"
                       if k == "datetime" else
                       f"{_quote(c)}::text AS {_quote(c)}" if k == "bool" and as_lines
                       else _quote(c)
                       for c, k in zip(info.columns, info.kinds))
    back = _Hashing()
    sql = (f"COPY (SELECT {values} FROM {_quote(info.name)} ORDER BY {_quote('id')}) "
           f"TO STDOUT WITH (FORMAT csv{options})")
    cursor = db.connection().cursor()
    db.obj.driver_call(lambda: cursor.copy_expert(sql, back))
    info.rows, info.sha256 = cursor.rowcount, spec["sha256"]
    if info.rows != spec["rows"] or back.digest.digest() != sent.digest():
        raise ValidationError("Database tujuan", f"tabel {info.name} terbaca lain setelah "
                              f"dimuat ({info.rows} dari {spec['rows']} baris, isi berbeda). "
                              "Tidak ada yang dipulihkan.")


class _Hashing:
    """A file-like object that only hashes what is written to it (psycopg2 writes bytes to
    anything that is not a text file; `write` is the hash's own method, in C, as it is called
    once per row)."""

    def __init__(self):
        self.digest = hashlib.sha256()
        self.write = self.digest.update


class _Reader:
    """A file-like object over an iterator of text pieces, for psycopg2's copy_expert."""

    def __init__(self, pieces):
        self.pieces, self.error = pieces, None

    def read(self, size=-1) -> str:
        try:
            return next(self.pieces, "")
        except Exception as exc:
            self.error = exc
            raise


def _check(info: TableInfo, spec: dict) -> None:
    """Read the loaded table back as a backup would: the same count and the same hash."""
    digest = hashlib.sha256()
    for page in _pages(info):
        digest.update(_lines(page))
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
