"""Server database drivers load when a server is first used, not at every start.

peewee imports psycopg2 and PyMySQL (which pulls in `cryptography`) as it is imported: about
40 ms of a start-up, spent even by a PC on the embedded SQLite file, which never uses them.
`import_peewee()` hides the drivers while peewee loads; `load(backend)` imports the one a
server connection needs and gives it to peewee as peewee's own import would have (peewee
4.5: the module globals below and Psycopg2Adapter's status constants).
"""
import sys

# Every driver peewee looks for when it is imported.
_HIDDEN = ("psycopg2", "psycopg2cffi", "psycopg", "pymysql", "MySQLdb")


def import_peewee() -> None:
    """Import peewee without its server drivers (no-op when peewee is already imported)."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` raise ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def load(backend: str) -> None:
    """Give peewee the driver for 'postgresql' or 'mysql' (the SQLite one is built in)."""
    import peewee

    if backend == "postgresql" and peewee.psycopg2 is None:
        import psycopg2
        from psycopg2 import extensions, extras

        extras.register_uuid()
        peewee.psycopg2, peewee.pg_extensions, peewee.Json_pg2 = psycopg2, extensions, extras.Json
        adapter = peewee.Psycopg2Adapter
        adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
        adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
        adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
    elif backend == "mysql" and peewee.mysql is None:
        import pymysql

        peewee.mysql = pymysql
