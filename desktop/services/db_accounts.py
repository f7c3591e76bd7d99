"""The application's own login on a database server: every PC holds it, so it may change data
but not the schema or the history. `pelita db upgrade` runs as the schema owner; this grants
the application login what Pelita's screens need and nothing more:
- SELECT, INSERT, UPDATE, DELETE on data tables;
- only SELECT and INSERT on the audit trail; SELECT, INSERT, UPDATE on letters (the database's
  triggers refuse changes to an issued letter) and SELECT on the migration history;
- no TRUNCATE, ALTER, DROP, or trigger privileges, so it can neither empty a table nor switch
  off the triggers that keep the audit trail append-only.
Run again after every `pelita db upgrade` (it is idempotent): new tables need their grants.
"""
import re

from peewee import MySQLDatabase, PostgresqlDatabase

from desktop.models import db
from desktop.services import permissions
from desktop.services.errors import ValidationError

LIMITED = {"audit_entry": ("SELECT", "INSERT"),
           "letter": ("SELECT", "INSERT", "UPDATE"),
           "pelita_migration": ("SELECT",)}
DATA = ("SELECT", "INSERT", "UPDATE", "DELETE")
NAME_RE = re.compile(r"[a-z_][a-z0-9_]{0,31}")


def privileges(table: str) -> tuple[str, ...]:
    return LIMITED.get(table, DATA)


def _check(name: str, password: str) -> str:
    name = (name or "").strip().lower()
    if not NAME_RE.fullmatch(name):
        raise ValidationError("Nama pengguna database", "pakai huruf kecil, angka dan garis "
                              "bawah, diawali huruf, paling banyak 32 karakter.")
    if len(password or "") < 12:
        raise ValidationError("Kata sandi pengguna database", "paling sedikit 12 karakter.")
    return name


def grant_app_user(actor, name: str, password: str) -> list[str]:
    """Create (or update) the application login `name` and set its grants; returns the
    tables granted. Never sends a statement that can fail with the password in it: the
    server would log it."""
    permissions.require(actor, "schema.upgrade")
    name = _check(name, password)
    database = db.obj
    tables = sorted(database.get_tables())
    with db.atomic():
        if isinstance(database, PostgresqlDatabase):
            _grant_postgresql(database, name, password, tables)
        elif isinstance(database, MySQLDatabase):
            _grant_mysql(database, name, password, tables)
        else:
            raise ValidationError("Database", "berkas SQLite tidak punya pengguna: siapa pun "
                                  "yang bisa menulis berkasnya bisa mengubah isinya. Pakai "
                                  "PostgreSQL atau MariaDB untuk beberapa PC.")
    return tables


def _grant_postgresql(database, name, password, tables) -> None:
    run = database.execute_sql
    exists = run("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    run(f'{verb} ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %s',
        (password,))
    (dbname,) = run("SELECT current_database()").fetchone()
    run(f'GRANT CONNECT ON DATABASE "{dbname}" TO "{name}"')
    run(f'GRANT USAGE ON SCHEMA public TO "{name}"')
    for table in tables:
        run(f'REVOKE ALL ON TABLE "{table}" FROM "{name}"')
        run(f'GRANT {", ".join(privileges(table))} ON TABLE "{table}" TO "{name}"')
    run(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{name}"')


def _grant_mysql(database, name, password, tables) -> None:
    run = database.execute_sql
    (dbname,) = run("SELECT DATABASE()").fetchone()
    # IF NOT EXISTS, then ALTER: neither can fail on an existing account (mysql.user, to ask
    # first, is not readable by every schema owner).
    run(f"CREATE USER IF NOT EXISTS '{name}'@'%%' IDENTIFIED BY %s", (password,))
    run(f"ALTER USER '{name}'@'%%' IDENTIFIED BY %s", (password,))
    # Table by table: a database-wide grant could not be narrowed for the audit trail.
    run(f"REVOKE ALL PRIVILEGES, GRANT OPTION FROM '{name}'@'%%'", ())
    for table in tables:
        run(f"GRANT {', '.join(privileges(table))} ON `{dbname}`.`{table}` TO '{name}'@'%%'", ())
