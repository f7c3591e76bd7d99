"""Reach the PostgreSQL and MariaDB test servers, and make or drop a database on them."""
import contextlib
import os
from urllib.parse import urlparse

import pytest

DEFAULT_URLS = {
    "postgresql": "postgresql://postgres@127.0.0.1:5432",
    "mariadb": "mysql://root@127.0.0.1:3306",
}
ENV = {"postgresql": "PELITA_TEST_POSTGRES_URL", "mariadb": "PELITA_TEST_MARIADB_URL"}


def server_url(backend: str) -> str:
    return os.environ.get(ENV[backend]) or DEFAULT_URLS[backend]


def required() -> bool:
    return os.environ.get("PELITA_REQUIRE_SHARED_DB", "") not in ("", "0")


def _admin_connection(backend: str):
    parts = urlparse(server_url(backend))
    if backend == "postgresql":
        import psycopg2

        conn = psycopg2.connect(host=parts.hostname, port=parts.port or 5432,
                                user=parts.username or "postgres", password=parts.password or "",
                                dbname=(parts.path.lstrip("/") or "postgres"), connect_timeout=5)
        conn.autocommit = True
        return conn
    import pymysql

    return pymysql.connect(host=parts.hostname, port=parts.port or 3306,
                           user=parts.username or "root", password=parts.password or "",
                           connect_timeout=5, autocommit=True)


@contextlib.contextmanager
def _admin_cursor(backend: str):
    """A cursor on the server's administrative connection, closed afterwards."""
    conn = _admin_connection(backend)
    try:
        with conn.cursor() as cur:
            yield cur
    finally:
        conn.close()


def unreachable_reason(backend: str) -> str | None:
    try:
        _admin_connection(backend).close()
    except Exception as exc:  # any driver error means "not reachable here"
        return f"{backend} server at {server_url(backend)} unreachable: {exc}"
    return None


def skip_or_fail(backend: str, reason: str | None) -> None:
    message = reason or f"{backend} server unavailable"
    if required():
        pytest.fail(f"PELITA_REQUIRE_SHARED_DB is set but {message}")
    pytest.skip(f"{message} (set {ENV[backend]} to test against another server)")


def _url_with_database(backend: str, name: str) -> str:
    parts = urlparse(server_url(backend))
    return parts._replace(path="/" + name).geturl()


def create_database(backend: str, name: str) -> str:
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            cur.execute(f'CREATE DATABASE "{name}"')
        else:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    return _url_with_database(backend, name)


def drop_database(backend: str, url: str) -> None:
    name = database_name(url)
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def database_name(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def terminate_connections(backend: str, url: str) -> int:
    """End every session on the test's own database, as a server restart would; the shared
    server itself keeps running. Returns how many were ended."""
    name = database_name(url)
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
            return len(cur.fetchall())
        cur.execute("SELECT id FROM information_schema.processlist "
                    "WHERE db = %s AND id <> CONNECTION_ID()", (name,))
        ids = [row[0] for row in cur.fetchall()]
        for session_id in ids:
            try:
                cur.execute(f"KILL {int(session_id)}")
            except Exception:  # it ended by itself meanwhile
                pass
        return len(ids)


def make_login(backend: str, url: str, user: str, password: str) -> str:
    """A login of its own on the test's database (MariaDB can lock an account; root it cannot);
    returns the URL that signs in with it."""
    name = database_name(url)
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            cur.execute(f"DROP ROLE IF EXISTS \"{user}\"")
            cur.execute(f"CREATE ROLE \"{user}\" LOGIN SUPERUSER PASSWORD %s", (password,))
        else:
            cur.execute(f"DROP USER IF EXISTS '{user}'@'%'")
            cur.execute(f"CREATE USER '{user}'@'%%' IDENTIFIED BY %s", (password,))
            cur.execute(f"GRANT ALL ON `{name}`.* TO '{user}'@'%'")
    return url_signed_in_as(url, user, password)


def url_signed_in_as(url: str, user: str, password: str) -> str:
    """`url` with another login in it."""
    parts = urlparse(url)
    return parts._replace(netloc=f"{user}:{password}@{parts.hostname}:{parts.port}").geturl()


def drop_login(backend: str, user: str) -> None:
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            cur.execute(f"DROP ROLE IF EXISTS \"{user}\"")
        else:
            cur.execute(f"DROP USER IF EXISTS '{user}'@'%'")


def refuse_logins(backend: str, url: str, user: str, refuse: bool) -> None:
    """Make the server turn away new connections to this database (or welcome them again),
    so the app meets a server that does not answer; nothing else on the server is touched."""
    with _admin_cursor(backend) as cur:
        if backend == "postgresql":
            allow = "false" if refuse else "true"
            cur.execute(f'ALTER DATABASE "{database_name(url)}" ALLOW_CONNECTIONS {allow}')
        else:
            cur.execute(f"ALTER USER '{user}'@'%' ACCOUNT {'LOCK' if refuse else 'UNLOCK'}")
