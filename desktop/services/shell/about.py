"""Tentang Pelita: what an office's IT staff and auditors ask for. The version, the database's
schema and server, and the licence of every bundled component, read from the installed
packages' metadata (License-Expression, License, classifiers) wherever they declare one."""
import importlib.metadata as metadata
import sqlite3
from dataclasses import dataclass

from peewee import PostgresqlDatabase, SqliteDatabase

from desktop import __version__
from desktop.models.base import db
from desktop.services.shell import schema

# (shown name, distribution names to try, licence when the metadata names none)
COMPONENTS = [
    ("PySide6 (Qt for Python)", ("PySide6", "PySide6_Essentials", "PySide6-Essentials"),
     "LGPL-3.0-only"),
    ("shiboken6", ("shiboken6",), "LGPL-3.0-only"),
    ("peewee", ("peewee",), "MIT"),
    ("docxtpl", ("docxtpl",), "LGPL-2.1-only"),
    ("python-docx", ("python-docx",), "MIT"),
    ("Jinja2", ("Jinja2", "jinja2"), "BSD-3-Clause"),
    ("openpyxl", ("openpyxl",), "MIT"),
    ("matplotlib", ("matplotlib",), "Matplotlib License (berbasis PSF)"),
    ("holidays", ("holidays",), "MIT"),
    ("argon2-cffi", ("argon2-cffi",), "MIT"),
    ("platformdirs", ("platformdirs",), "MIT"),
    ("keyring", ("keyring",), "MIT"),
    ("psycopg2", ("psycopg2", "psycopg2-binary"), "LGPL-3.0-or-later (dengan pengecualian)"),
    ("PyMySQL", ("PyMySQL", "pymysql"), "MIT"),
    ("segno", ("segno",), "BSD-3-Clause"),
    ("orjson", ("orjson",), "Apache-2.0 OR MIT"),
    ("python-stdnum", ("python-stdnum",), "LGPL-2.1-or-later"),
    ("Pillow", ("pillow", "Pillow"), "MIT-CMU"),
    ("cryptography", ("cryptography",), "Apache-2.0 OR BSD-3-Clause"),
    ("unoserver", ("unoserver",), "MIT"),
    ("QtAwesome", ("qtawesome", "QtAwesome"), "MIT"),
]
# Trove classifiers as SPDX-like names, for packages that only declare a classifier.
CLASSIFIERS = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "Python Software Foundation License": "PSF",
    "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.1-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "GNU Library or Lesser General Public License (LGPL)": "LGPL",
}
NOT_INSTALLED = "tidak terpasang"
LICENCE_TEXT_MAX = 80  # a License field longer than this is the whole text, not its name


@dataclass(frozen=True)
class Component:
    name: str
    version: str  # NOT_INSTALLED when absent (a driver the office does not use)
    licence: str
    from_metadata: bool  # False: the package names no licence; the known one is shown


@dataclass(frozen=True)
class About:
    version: str
    schema_state: str  # schema.SchemaStatus.describe()
    last_migration: str  # the newest applied migration's name, or "-"
    backend: str  # "SQLite", "PostgreSQL", "MariaDB/MySQL"
    server_version: str
    components: list[Component]


def licence_of(meta) -> str | None:
    """The licence a distribution's metadata declares, as short as it says it."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= LICENCE_TEXT_MAX and field != "UNKNOWN":
        return field
    found = [CLASSIFIERS.get(c.rsplit(" :: ", 1)[-1], c.rsplit(" :: ", 1)[-1])
             for c in meta.get_all("Classifier") or [] if c.startswith("License :: ")]
    return " / ".join(dict.fromkeys(found)) or None


def component(name: str, distributions: tuple[str, ...], known: str) -> Component:
    for distribution in distributions:
        try:
            meta = metadata.metadata(distribution)
        except metadata.PackageNotFoundError:
            continue
        declared = licence_of(meta)
        return Component(name, meta.get("Version") or "-", declared or known, declared is not None)
    return Component(name, NOT_INSTALLED, known, False)


def components() -> list[Component]:
    return [component(*entry) for entry in COMPONENTS]


def app_version() -> str:
    """The installed package's version; the source tree's when run from a checkout."""
    try:
        return metadata.version("pelita")
    except metadata.PackageNotFoundError:
        return __version__


def backend_and_server() -> tuple[str, str]:
    """The connected database's kind and its server's own version string."""
    if isinstance(db.obj, SqliteDatabase):
        return "SQLite (tertanam)", sqlite3.sqlite_version
    if isinstance(db.obj, PostgresqlDatabase):
        (version,), = db.execute_sql("SHOW server_version").fetchall()
        return "PostgreSQL", str(version)
    (version,), = db.execute_sql("SELECT VERSION()").fetchall()
    return ("MariaDB" if "mariadb" in str(version).lower() else "MySQL"), str(version)


def gather() -> About:
    """One query for the schema, one for the server's version; the rest is local metadata."""
    status = schema.status()
    backend, server = backend_and_server()
    return About(app_version(), status.describe(), status.applied[-1] if status.applied else "-",
                 backend, server, components())
