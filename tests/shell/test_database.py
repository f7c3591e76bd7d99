"""Choosing and opening a database, and every way it can go wrong (messages in Indonesian)."""
import os
import sqlite3
import subprocess
import sys

import pytest

from desktop import database
from desktop.errors import DatabaseProblem, SchemaTooNew, SchemaTooOld
from desktop.models import db
from desktop.services.shell import schema
from tests import servers


def test_url_parsing():
    assert database.parse_url("sqlite:////tmp/a.db").name == "/tmp/a.db"
    assert database.parse_url("sqlite:///rel.db").name == "rel.db"
    pg = database.parse_url("postgresql://pel%40ita:s%3Acret@db.kantor:6543/pelita")
    assert (pg.backend, pg.user, pg.password, pg.host, pg.port, pg.name) == (
        "postgresql", "pel@ita", "s:cret", "db.kantor", 6543, "pelita")
    assert database.parse_url("mariadb://root@h/pelita").backend == "mysql"
    assert "s:cret" not in pg.describe() and "db.kantor" in pg.describe()


@pytest.mark.parametrize("url, fragment", [
    ("", "kosong"),
    ("oracle://a/b", "tidak dikenal"),
    ("postgresql:///pelita", "nama server"),
    ("postgresql://u@host", "nama database"),
    ("mysql://u@host:port/db", "Port"),
])
def test_bad_urls(url, fragment):
    with pytest.raises(DatabaseProblem) as caught:
        database.parse_url(url)
    assert fragment in caught.value.message


def test_resolution_order(monkeypatch, tmp_path):
    monkeypatch.delenv("PELITA_DATABASE_URL", raising=False)
    assert database.resolve_url().endswith("pelita.db")
    from desktop import connection_profile

    connection_profile.save(connection_profile.ConnectionProfile(
        backend="sqlite", sqlite_path=str(tmp_path / "profil.db")))
    assert database.resolve_url() == "sqlite:///" + str(tmp_path / "profil.db")
    monkeypatch.setenv("PELITA_DATABASE_URL", "sqlite:////env.db")
    assert database.resolve_url() == "sqlite:////env.db"
    assert database.resolve_url("sqlite:////cli.db") == "sqlite:////cli.db"
    connection_profile.profile_path().unlink()


def test_sqlite_pragmas(sqlite_db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_sqlite_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "foto.db"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(f"sqlite:///{path}")
    assert "bukan database" in caught.value.message
    assert path.stat().st_size == 4096


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_sqlite_read_only_file_as_user(tmp_path):
    path = tmp_path / "ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    path.chmod(0o444)
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(f"sqlite:///{path}")
    assert "hanya-baca" in caught.value.message


def test_sqlite_read_only_file(tmp_path, monkeypatch):
    path = tmp_path / "ro.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    real_access = os.access
    monkeypatch.setattr(database.os, "access", lambda p, mode: False if (
        str(p) == str(path) and mode == os.W_OK) else real_access(p, mode))
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(f"sqlite:///{path}")
    assert "hanya-baca" in caught.value.message


def test_sqlite_locked_file(tmp_path, monkeypatch):
    path = tmp_path / "kunci.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_S", 0.2)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            database.connect(f"sqlite:///{path}")
        assert "dikunci" in caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_sqlite_missing_folder(tmp_path):
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(f"sqlite:///{tmp_path}/tidak/ada/pelita.db")
    assert "tidak ada" in caught.value.message


def test_empty_file_is_an_empty_database_and_nothing_is_written(tmp_path):
    path = tmp_path / "kosong.db"
    path.touch()
    database.connect(f"sqlite:///{path}")
    with pytest.raises(SchemaTooOld) as caught:
        schema.check_openable()
    assert "kosong" in caught.value.message
    assert db.get_tables() == []
    database.close()
    assert path.stat().st_size == 0


def test_schema_newer_than_the_app_is_refused(backend_db):
    db.execute_sql(f"INSERT INTO {schema.HISTORY_TABLE} (name, applied) "
                   "VALUES ('9999_from_the_future', '2030-01-01 00:00:00')")
    try:
        with pytest.raises(SchemaTooNew) as caught:
            schema.check_openable()
        assert "lebih baru" in caught.value.message
        with pytest.raises(SchemaTooNew):
            schema.upgrade()
    finally:
        db.execute_sql(f"DELETE FROM {schema.HISTORY_TABLE} WHERE name = '9999_from_the_future'")


def test_unreachable_server():
    with pytest.raises(DatabaseProblem) as caught:
        database.connect("postgresql://postgres@127.0.0.1:1/pelita")
    assert "tidak bisa dihubungi" in caught.value.message


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_missing_database_and_wrong_credentials(backend):
    problem = servers.unreachable_reason(backend)
    if problem:
        servers.skip_or_fail(backend, problem)
    base = servers.server_url(backend)
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(base + "/pelita_tidak_ada_xyz")
    assert "tidak ada di server" in caught.value.message
    scheme, rest = base.split("://", 1)
    host = rest.split("@", 1)[-1]
    with pytest.raises(DatabaseProblem) as caught:
        database.connect(f"{scheme}://penyusup:salah@{host}/test")
    assert "menolak pengguna 'penyusup'" in caught.value.message


def test_server_drivers_load_only_when_a_server_is_used(tmp_path):
    """An embedded start skips psycopg2 and PyMySQL (about 40 ms) and the connection pool; a
    server URL loads them."""
    code = """
import sys
import desktop, peewee
from desktop import database, drivers
assert peewee.psycopg2 is None and peewee.mysql is None
assert not {"psycopg2", "pymysql", "cryptography"} & set(sys.modules), sorted(sys.modules)
database.build_database(database.parse_url("sqlite:///" + sys.argv[1]))
assert not {"psycopg2", "playhouse.pool"} & set(sys.modules)
database.build_database(database.parse_url("postgresql://u@127.0.0.1:1/x"))
database.build_database(database.parse_url("mysql://u@127.0.0.1:1/x"))
assert peewee.psycopg2 is sys.modules["psycopg2"] and peewee.mysql is sys.modules["pymysql"]
adapter = peewee.Psycopg2Adapter()
assert adapter.json_type is sys.modules["psycopg2.extras"].Json
assert peewee.Psycopg2Adapter.txn_idle == sys.modules["psycopg2.extensions"].TRANSACTION_STATUS_IDLE
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "embedded.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
