"""The application's own login on a database server: every PC holds it, so it may change data
but not the schema or the history. `pelita db upgrade` runs as the schema owner; this grants
the application login what Pelita's screens need and nothing more:
- SELECT, INSERT, UPDATE, DELETE on data tables;
- only SELECT and INSERT on the audit trail; SELECT, INSERT, UPDATE on letters (the database's
  triggers refuse changes to an issued letter) and SELECT on the migration history;
- no TRUNCATE, ALTER, DROP, or trigger privileges, so it can neither empty a table nor switch
  off the triggers that keep the audit trail append-only.
New tables need their grants: `pelita db upgrade` gives them to the application logins it
finds (`regrant`), and `pelita db grant-app-user NAME --keep-password` does it by hand.
"""
import hashlib
import re

from peewee import DatabaseError, MySQLDatabase, PostgresqlDatabase

from desktop.errors import ValidationError
from desktop.models import db
from desktop.services.shared import permissions
from desktop.services.shell import schema

LIMITED = {"audit_entry": ("SELECT", "INSERT"),
           "letter": ("SELECT", "INSERT", "UPDATE"),
           "pelita_migration": ("SELECT",),
           "rule_override": ("SELECT", "INSERT"),  # a kepala's override is kept for good
           "abh_event": ("SELECT", "INSERT"),  # when an ABH clock started stays as recorded
           "stock_movement": ("SELECT", "INSERT"),  # on hand is their sum: never rewritten
           "skm_response": ("SELECT", "INSERT")}  # a respondent's answers stay as given
DATA = ("SELECT", "INSERT", "UPDATE", "DELETE")
NAME_RE = re.compile(r"[a-z_][a-z0-9_]{0,31}")


def privileges(table: str) -> tuple[str, ...]:
    return LIMITED.get(table, DATA)


def _check(name: str, password: str | None) -> str:
    name = (name or "").strip().lower()
    if not NAME_RE.fullmatch(name):
        raise ValidationError("Nama pengguna database", "pakai huruf kecil, angka dan garis "
                              "bawah, diawali huruf, paling banyak 32 karakter.")
    if password is not None and len(password) < 12:
        raise ValidationError("Kata sandi pengguna database", "paling sedikit 12 karakter.")
    return name


def grant_app_user(actor, name: str, password: str | None) -> list[str]:
    """Create (or update) the application login `name` and set its grants; returns the
    tables granted. The password travels only as the server's own hash of it, so no server
    log can show it; an existing superuser, table owner or the caller is refused. Without a
    password an existing login keeps its own (the PCs need not be told a new one)."""
    permissions.require(actor, "schema.upgrade")
    name = _check(name, password)
    database = db.obj
    tables = sorted(database.get_tables())
    with db.atomic():
        if isinstance(database, PostgresqlDatabase):
            _account_postgresql(database, name, password)
            _grant_tables_postgresql(database, name, tables)
        elif isinstance(database, MySQLDatabase):
            _account_mysql(database, name, password)
            _grant_tables_mysql(database, name, tables)
        else:
            raise ValidationError("Database", "berkas SQLite tidak punya pengguna: siapa pun "
                                  "yang bisa menulis berkasnya bisa mengubah isinya. Pakai "
                                  "PostgreSQL atau MariaDB untuk beberapa PC.")
    return tables


def regrant(actor) -> list[str] | None:
    """After an upgrade: give every application login found on this database its grants on
    all tables, new ones included; returns their names, or None when this login may not
    (MariaDB's schema owner has no GRANT OPTION: run grant-app-user --keep-password)."""
    permissions.require(actor, "schema.upgrade")
    database = db.obj
    if not isinstance(database, (PostgresqlDatabase, MySQLDatabase)):
        return []
    tables = sorted(database.get_tables())
    try:
        with db.atomic():
            names = _app_logins(database)
            for name in names:
                if isinstance(database, PostgresqlDatabase):
                    _grant_tables_postgresql(database, name, tables)
                else:
                    _grant_tables_mysql(database, name, tables)
    except DatabaseError:  # no right to read the grants or to grant
        return None
    return names


def _app_logins(database) -> list[str]:
    """Application logins are recognised by their grant on the migration history: SELECT
    and nothing else (the schema owner has it all)."""
    if isinstance(database, PostgresqlDatabase):
        sql = ("SELECT grantee FROM information_schema.role_table_grants WHERE table_schema "
               "= current_schema() AND table_name = %s GROUP BY grantee "
               "HAVING array_agg(privilege_type::text) = ARRAY['SELECT']")
    else:
        sql = ("SELECT User FROM mysql.tables_priv WHERE Db = DATABASE() AND Table_name = %s "
               "AND Table_priv = 'Select' AND Host = '%%'")
    return sorted(name for (name,) in
                  database.execute_sql(sql, (schema.HISTORY_TABLE,)).fetchall())


def _refuse_account(name: str, why: str):
    raise ValidationError("Nama pengguna database", f"'{name}' {why}; pilih nama baru khusus "
                          "untuk aplikasi, misalnya pelita_app.")


def _account_postgresql(database, name, password) -> None:
    from psycopg2.extensions import encrypt_password

    run = database.execute_sql
    (me, may_create) = run("SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles "
                           "WHERE rolname = current_user").fetchone()
    if not may_create:
        raise ValidationError("Pengguna yang menjalankan perintah", f"'{me}' tidak boleh membuat "
                              "pengguna database. Jalankan dengan pengguna postgres (atau yang "
                              "berhak CREATEROLE), misalnya --database postgresql://postgres@…")
    if name == me:
        _refuse_account(name, "adalah pengguna yang menjalankan perintah ini")
    found = run("SELECT rolsuper OR rolcreaterole OR rolcreatedb, EXISTS (SELECT 1 FROM "
                "pg_tables WHERE tableowner = rolname) FROM pg_roles WHERE rolname = %s",
                (name,)).fetchone()
    if found and (found[0] or found[1]):
        _refuse_account(name, "adalah pengguna berhak penuh atau pemilik tabel")
    if password is None:
        if not found:
            _no_such_login(name)
    else:
        verb = "ALTER" if found else "CREATE"
        # A SCRAM verifier, not the password: even a logged statement does not reveal it.
        verifier = encrypt_password(password, name, database.connection(), "scram-sha-256")
        run(f'{verb} ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %s',
            (verifier,))
    (dbname,) = run("SELECT current_database()").fetchone()
    run(f'GRANT CONNECT ON DATABASE "{dbname}" TO "{name}"')
    run(f'GRANT USAGE ON SCHEMA public TO "{name}"')


def _grant_tables_postgresql(database, name, tables) -> None:
    run = database.execute_sql
    for table in tables:
        run(f'REVOKE ALL ON TABLE "{table}" FROM "{name}"')
        run(f'GRANT {", ".join(privileges(table))} ON TABLE "{table}" TO "{name}"')
    run(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{name}"')


def _account_mysql(database, name, password) -> None:
    run = database.execute_sql
    (me,) = run("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)").fetchone()
    if name in (me, "root", "mysql", "mariadb.sys"):
        _refuse_account(name, "adalah akun server atau pengguna yang menjalankan perintah ini")
    if password is None:
        if not run("SELECT 1 FROM mysql.user WHERE User = %s AND Host = '%%'",
                   (name,)).fetchone():
            _no_such_login(name)
        return
    # The password's hash, not the password: even a logged statement does not reveal it.
    # IF NOT EXISTS, then ALTER: neither fails on an existing account.
    digest = "*" + hashlib.sha1(hashlib.sha1(password.encode()).digest()).hexdigest().upper()
    run(f"CREATE USER IF NOT EXISTS '{name}'@'%%' IDENTIFIED BY PASSWORD %s", (digest,))
    run(f"ALTER USER '{name}'@'%%' IDENTIFIED BY PASSWORD %s", (digest,))


def _grant_tables_mysql(database, name, tables) -> None:
    run = database.execute_sql
    (dbname,) = run("SELECT DATABASE()").fetchone()
    # Table by table: a database-wide grant could not be narrowed for the audit trail.
    run(f"REVOKE ALL PRIVILEGES, GRANT OPTION FROM '{name}'@'%%'", ())
    for table in tables:
        run(f"GRANT {', '.join(privileges(table))} ON `{dbname}`.`{table}` TO '{name}'@'%%'", ())


def _no_such_login(name: str):
    raise ValidationError("Nama pengguna database", f"'{name}' belum ada di server ini; "
                          "buat dengan kata sandinya (tanpa --keep-password).")
