"""Connections that heal: a dropped server connection is discarded, reopened and, where that is
safe, the statement retried once; where it is not, the caller gets a ConnectionLost to show.

Every query of every service and worker passes through `execute_sql`, `begin` and `commit` of
the one Database object behind the proxy, so this is the single place that decides:
- BEGIN on a dead connection: nothing has run yet, so reconnect and begin again;
- a read outside a transaction: reconnect and read again;
- a statement inside a transaction: the transaction is gone and nothing of it was committed,
  so report ConnectionLost (not saved); the caller's Save works again once the server answers;
- a write outside a transaction, or COMMIT: whether it took effect is unknown, so report it
  and never retry it blindly.
`health` tells the window whether the server answers, for its status bar.
"""
import functools
import os
import threading

from peewee import InterfaceError, OperationalError, SqliteDatabase, __exception_wrapper__

from desktop.errors import ConnectionLost

NOT_SAVED = ("Koneksi ke server database terputus sebelum perubahan tersimpan, jadi belum ada "
             "yang tersimpan. Isian Anda masih di formulir: tekan Simpan lagi setelah koneksi "
             "pulih.")
UNKNOWN = ("Koneksi ke server database terputus tepat saat menyimpan, sehingga belum pasti "
           "perubahan itu tersimpan. Muat ulang (F5) untuk memeriksanya sebelum menyimpan lagi; "
           "isian Anda masih di formulir.")
UNREACHABLE = ("Server database tidak bisa dihubungi. Periksa jaringan dan server; Pelita "
               "mencoba lagi sendiri. Isian Anda tidak hilang: coba lagi setelah koneksi pulih.")
SQLITE_LOCKED = ("Berkas database sedang dikunci program lain terlalu lama. Tunggu sebentar "
                 "lalu coba lagi; isian Anda masih di formulir.")
SQLITE_GONE = ("Berkas database {path} tidak ditemukan lagi (dipindah, dihapus, atau folder "
               "jaringannya terputus). Kembalikan berkasnya lalu coba lagi; isian Anda masih di "
               "formulir.")
SQLITE_IO = ("Berkas database {path} tidak bisa dibaca atau ditulisi (disk penuh, atau folder "
             "jaringannya terputus). Periksa lalu coba lagi; isian Anda masih di formulir.")

# Statements that change nothing: safe to run a second time after a reconnect.
_READS = ("select", "show", "explain", "values", "pragma")
# MySQL client/server codes for a connection that is gone (pymysql's own socket state is
# checked too): server gone away, lost during query, killed, closed for inactivity.
_MYSQL_GONE = {2006, 2013, 2055, 1927, 4031}


class ConnectionHealth:
    """Whether the database answered the last call; listeners hear each change (any thread)."""

    def __init__(self):
        self.problem: str | None = None
        self._listeners: list = []
        self._lock = threading.Lock()

    def subscribe(self, listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def lost(self, message: str) -> None:
        self._change(message)

    def restored(self) -> None:
        self._change(None)

    def _change(self, problem: str | None) -> None:
        # Listeners are told under the lock, so 'lost' and 'restored' from two threads reach
        # them in the order they happened (ours only queue a Qt signal).
        with self._lock:
            if self.problem == problem:
                return
            self.problem = problem
            for listener in list(self._listeners):
                listener(problem)


health = ConnectionHealth()


def _is_read(sql: str) -> bool:
    return sql.lstrip(" (\n\t").lower().startswith(_READS)


class Resilient:
    """Mixed in before a peewee Database class (see the module docstring)."""

    # True once a connection has worked: failures after that are losses, not a bad address.
    _ever_connected = False
    _checks_file = False  # an embedded file that can vanish under its connection

    # -- detecting a dead connection ------------------------------------------------------
    def _connection_dead(self, exc: Exception) -> bool:
        conn = self._state.conn
        if conn is None:
            return isinstance(exc, InterfaceError)
        closed = getattr(conn, "closed", None)  # psycopg2: 0 open, else closed or broken
        if isinstance(closed, int) and not isinstance(closed, bool):
            return closed != 0
        is_open = getattr(conn, "open", None)  # PyMySQL
        if is_open is not None:
            code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
            return (not is_open) or code in _MYSQL_GONE
        return False

    def _discard(self) -> None:
        """Drop this thread's connection without a round trip, and the pool's idle ones: when
        one died the server most likely restarted, and they died with it."""
        conn = self._state.conn
        ctx = self._state.ctx  # a worker's connection_context() pops it when it ends
        self._state.reset()
        self._state.ctx = ctx
        self._state.broken = False
        if conn is not None:
            if hasattr(self, "_in_use"):  # a pool: forget it, never hand it out again
                self._close(conn, close_conn=True)
            else:
                try:
                    conn.close()
                except Exception:  # already closed by the driver
                    pass
        if hasattr(self, "close_idle"):
            self.close_idle()

    def _broken(self) -> bool:
        return getattr(self._state, "broken", False)

    def _lost(self, message: str) -> ConnectionLost:
        health.lost(message)
        return ConnectionLost(message)

    # -- peewee's entry points --------------------------------------------------------------
    def connect(self, reuse_if_open=False):
        ctx = self._state.ctx  # peewee's connect() empties it; a reconnect must keep it
        try:
            opened = super().connect(reuse_if_open)
        except (OperationalError, InterfaceError) as exc:
            if not self._ever_connected:
                raise  # the first connection: database.connect explains the address
            raise self._lost(UNREACHABLE) from exc
        if opened and ctx:
            self._state.ctx = ctx
        self._ever_connected = True
        return opened

    def begin(self, *args, **kwargs):
        self._check_file()
        try:
            return super().begin(*args, **kwargs)
        except (OperationalError, InterfaceError) as exc:
            if not self._connection_dead(exc):
                self._raise_translated(exc)
        # Nothing of the transaction has run: begin it on a fresh connection.
        begin = super().begin
        return self._once_more(lambda: begin(*args, **kwargs))

    def _once_more(self, call):
        """Run `call` again on a fresh connection; failing again means the server is away."""
        self._discard()
        try:
            result = call()
        except (OperationalError, InterfaceError) as exc:
            if self._connection_dead(exc):
                self._discard()
            raise self._lost(UNREACHABLE) from exc
        health.restored()
        return result

    def execute_sql(self, sql, params=None):
        if self._broken():  # a savepoint's rollback after the connection died
            raise ConnectionLost(NOT_SAVED)
        if self._checks_file and not self.in_transaction() and not _is_read(sql):
            self._check_file()  # a write outside a transaction: BEGIN did not look
        try:
            cursor = super().execute_sql(sql, params)
        except (OperationalError, InterfaceError) as exc:
            return self._after_failure(exc, sql, params)
        if health.problem is not None:
            health.restored()
        return cursor

    def _after_failure(self, exc, sql, params):
        if not self._connection_dead(exc):
            self._raise_translated(exc)
        if self.in_transaction():
            # The server has rolled the transaction back with the session; peewee unwinds it.
            self._state.broken = True
            raise self._lost(NOT_SAVED) from exc
        if not (isinstance(exc, InterfaceError) or _is_read(sql)):  # it may have run
            self._discard()
            raise self._lost(UNKNOWN) from exc
        execute = super().execute_sql
        return self._once_more(lambda: execute(sql, params))

    def commit(self):
        if self._broken():
            raise ConnectionLost(NOT_SAVED)
        try:
            return super().commit()
        except (OperationalError, InterfaceError) as exc:
            if not self._connection_dead(exc):
                self._raise_translated(exc)
            self._state.broken = True
            raise self._lost(UNKNOWN) from exc

    def rollback(self):
        if self._broken() or self._state.conn is None:
            if not self.in_transaction():
                self._discard()
            return None
        return super().rollback()

    def driver_call(self, call):
        """A call on the driver's own cursor (a COPY): its errors become peewee's, and a lost
        connection in a transaction is reported as a statement's would be."""
        try:
            with __exception_wrapper__:
                return call()
        except (OperationalError, InterfaceError) as exc:
            if not (self._connection_dead(exc) and self.in_transaction()):
                raise
            self._state.broken = True
            raise self._lost(NOT_SAVED) from exc

    # -- embedded files ---------------------------------------------------------------------
    def _check_file(self) -> None:
        """Subclasses for files override this; servers have nothing to check."""

    def _translate(self, exc: Exception) -> Exception:
        """A driver error that is not a dead connection: passed on unchanged (a constraint the
        service handles, a syntax error that is a bug)."""
        return exc

    def _raise_translated(self, exc: Exception):
        translated = self._translate(exc)
        if translated is exc:
            raise exc
        raise translated from exc


class ResilientSqlite(Resilient, SqliteDatabase):
    """The embedded file: a lock held too long, or a file moved away, is reported the same way;
    a write never goes to a file that was deleted under an open connection."""

    _checks_file = True

    def _connect(self):
        if self._ever_connected and not os.path.exists(self.database):
            raise self._lost(SQLITE_GONE.format(path=self.database))
        conn = super()._connect()
        try:  # per thread, as connections are: each knows the file it opened
            self._state.inode = os.stat(self.database).st_ino
        except OSError:
            self._state.inode = None
        return conn

    def _check_file(self) -> None:
        if self.database == ":memory:" or self.is_closed():
            return
        try:
            inode = os.stat(self.database).st_ino
        except OSError:
            raise self._lost(SQLITE_GONE.format(path=self.database)) from None
        opened = getattr(self._state, "inode", None)
        if opened is not None and inode != opened:
            # Another file now stands at the path (restored from a backup copy): use it.
            self._discard()

    def _connection_dead(self, exc: Exception) -> bool:
        return False

    def _translate(self, exc: Exception) -> Exception:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return self._lost(SQLITE_LOCKED)
        if "unable to open" in text:
            return self._lost(SQLITE_GONE.format(path=self.database))
        if "disk i/o" in text or "disk is full" in text or "readonly" in text:
            return self._lost(SQLITE_IO.format(path=self.database))
        return exc


@functools.cache
def server_classes():
    """(PostgreSQL, MySQL) pooled database classes that heal; imported once a server is used."""
    from playhouse.pool import PooledMySQLDatabase, PooledPostgresqlDatabase

    class ResilientPostgres(Resilient, PooledPostgresqlDatabase):
        pass

    class ResilientMySQL(Resilient, PooledMySQLDatabase):
        pass

    return ResilientPostgres, ResilientMySQL


def probe() -> None:
    """One cheap round trip on this thread's connection: `health` follows its outcome, and a
    failure raises ConnectionLost."""
    from desktop.models.base import db

    database = db.obj
    database._check_file()
    database.execute_sql("SELECT 1").fetchall()
    health.restored()
