"""Tentang Pelita: the version, the schema and the server, and every bundled component's licence
as its package metadata declares it (what IT staff and auditors ask for)."""
import sqlite3
from email.message import Message

import pytest
from PySide6.QtGui import QGuiApplication

from desktop import __version__, database
from desktop.services.shell import about, schema
from desktop.views.shell.session import Session

REQUIRED = {  # component: a licence it must show
    "PySide6 (Qt for Python)": "LGPL-3.0", "shiboken6": "LGPL-3.0", "peewee": "MIT",
    "docxtpl": "LGPL-2.1", "python-docx": "MIT", "Jinja2": "BSD", "openpyxl": "MIT",
    "matplotlib": "PSF", "holidays": "MIT", "argon2-cffi": "MIT", "platformdirs": "MIT",
    "keyring": "MIT", "psycopg2": "LGPL", "PyMySQL": "MIT", "segno": "BSD", "orjson": "MIT",
    "python-stdnum": "LGPL", "Pillow": "MIT", "cryptography": "Apache-2.0", "unoserver": "MIT",
    "QtAwesome": "MIT",
}


def meta(**fields) -> Message:
    message = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


def test_the_licence_is_read_from_the_metadata_in_order():
    assert about.licence_of(meta(License_Expression="MIT", License="BSD")) == "MIT"
    assert about.licence_of(meta(License="LGPL-2.1-only")) == "LGPL-2.1-only"
    whole_text = "Copyright (c) 2010\nPermission is hereby granted " + "x" * 200
    assert about.licence_of(meta(License=whole_text, Classifier=[
        "License :: OSI Approved :: MIT License", "Programming Language :: Python"])) == "MIT"
    assert about.licence_of(meta(Classifier=[
        "License :: OSI Approved :: Apache Software License",
        "License :: OSI Approved :: MIT License"])) == "Apache-2.0 / MIT"
    assert about.licence_of(meta(Name="nothing")) is None


def test_a_package_without_a_declared_licence_shows_the_known_one(monkeypatch):
    monkeypatch.setattr(about.metadata, "metadata", lambda name: meta(Version="4.5.3"))
    assert about.component("peewee", ("peewee",), "MIT") == about.Component(
        "peewee", "4.5.3", "MIT", False)

    def missing(name):
        raise about.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(about.metadata, "metadata", missing)
    assert about.component("psycopg2", ("psycopg2", "psycopg2-binary"), "LGPL").version \
        == about.NOT_INSTALLED


def test_every_bundled_component_is_listed_with_its_licence():
    found = {c.name: c for c in about.components()}
    for name, licence in REQUIRED.items():
        assert licence in found[name].licence, name
        assert found[name].version != about.NOT_INSTALLED, name  # all are in the venv


def test_about_names_the_version_schema_and_server(backend_db):
    info = about.gather()
    assert info.version == __version__
    status = schema.status()
    assert info.schema_state == status.describe() and "mutakhir" in info.schema_state
    assert info.last_migration == status.applied[-1]
    backend = database.parse_url(backend_db).backend
    if backend == "sqlite":
        assert info.backend.startswith("SQLite") and info.server_version == sqlite3.sqlite_version
    elif backend == "postgresql":
        assert info.backend == "PostgreSQL" and info.server_version[0].isdigit()
    else:
        assert info.backend in ("MariaDB", "MySQL") and info.server_version[0].isdigit()


def test_the_about_dialog_opens_from_the_help_menu(qtbot, sqlite_db, monkeypatch):
    from desktop.views.shell import about_dialog
    from desktop.views.shell.main_window import MainWindow
    from tests.factories import make_user

    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self))
    window = MainWindow(Session(make_user("piket"), "Tertanam (SQLite): pelita.db", sqlite_db))
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    help_actions = [a.text() for a in menus["&Bantuan"].actions()]
    assert help_actions == ["Tentang Pelita…"]
    window.about_action.trigger()
    dialog = shown[0]
    assert dialog.windowTitle() == "Tentang Pelita"
    names = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    assert set(REQUIRED) <= set(names)
    assert f"Pelita {__version__}" in dialog.text and "Tertanam (SQLite): pelita.db" in dialog.text
    assert "- docxtpl " in dialog.text and "LGPL-2.1" in dialog.text
    dialog.copy()
    assert QGuiApplication.clipboard().text() == dialog.text


@pytest.mark.parametrize("name", ["Keluar akun", "Keluar"])
def test_the_account_menu_offers_signing_out_and_quitting(qtbot, sqlite_db, name):
    from desktop.views.shell.main_window import MainWindow
    from tests.factories import make_user

    window = MainWindow(Session(make_user("piket"), "Tertanam (SQLite): pelita.db", sqlite_db))
    qtbot.addWidget(window)
    account = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Akun")
    assert name in [a.text() for a in account.actions()]
