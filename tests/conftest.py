"""Fixtures: a database on every available backend, each test session in databases it creates."""
import os
import tempfile
import time
import uuid

# Isolate the user's folders and Qt before anything imports them.
_HOME = tempfile.mkdtemp(prefix="pelita-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
# Offscreen Qt on the smallest screen offices have, a 1366×768 laptop (offscreen's own is
# 800×800): every window and dialog a test opens meets that screen's limits.
SCREENS = os.path.join(os.path.dirname(__file__), "screens")
# PELITA_TEST_SCREEN=1920x1080 runs the same tests on a full-HD monitor (test_gui_screens.py).
SCREEN = os.environ.get("PELITA_TEST_SCREEN", "1366x768")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = ("offscreen:configfile="
                                      + os.path.join(SCREENS, f"{SCREEN}.json"))
os.environ.pop("PELITA_DATABASE_URL", None)
# An office PC's clock is in the office's zone: a test's date.today() is the office's day, as
# the services' checks count it, whatever the hour the CI machine runs at (UTC 17.00 to 24.00
# is already tomorrow in Magelang).
os.environ["TZ"] = "Asia/Jakarta"
time.tzset()

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop import database  # noqa: E402
from desktop.models import db  # noqa: E402
from desktop.services.cases import registry  # noqa: E402
from desktop.services.shell import schema  # noqa: E402
from tests import servers  # noqa: E402


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


keyring.set_keyring(MemoryKeyring())

BACKENDS = ["sqlite", "postgresql", "mariadb"]


@pytest.fixture(scope="session")
def server_databases():
    """Created lazily per backend; every one is dropped when the session ends."""
    made = {}
    yield made
    database.close()
    for backend, url in made.items():
        if url:
            servers.drop_database(backend, url)


def _server_url(backend, server_databases):
    if backend not in server_databases:
        server_databases[backend] = None
        problem = servers.unreachable_reason(backend)
        if problem is None:
            url = servers.create_database(backend, f"pelita_test_{os.getpid()}_{uuid.uuid4().hex[:8]}")
            server_databases[backend] = url
            database.connect(url)
            schema.migrate()
        else:
            server_databases[backend] = problem
    value = server_databases[backend]
    if not value or "://" not in value:
        servers.skip_or_fail(backend, value)
    return value


def _clear_all_tables(backend):
    """TRUNCATE, which the audit trail's append-only triggers do not fire on."""
    tables = [m._meta.table_name for m in registry.all_models()]
    if backend == "postgresql":
        db.execute_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)
                       + " RESTART IDENTITY CASCADE")
        return
    db.execute_sql("SET FOREIGN_KEY_CHECKS = 0")
    for table in tables:
        db.execute_sql(f"TRUNCATE TABLE `{table}`")
    db.execute_sql("SET FOREIGN_KEY_CHECKS = 1")


@pytest.fixture(params=BACKENDS)
def backend_db(request, tmp_path, server_databases):
    """A migrated, empty database on each backend; yields its URL."""
    backend = request.param
    if backend == "sqlite":
        url = "sqlite:///" + str(tmp_path / "pelita.db")
        database.connect(url)
        schema.migrate()
    else:
        url = _server_url(backend, server_databases)
        database.connect(url)
        _clear_all_tables(backend)
    yield url
    database.close()


@pytest.fixture(params=["postgresql", "mariadb"])
def server_db(request, server_databases):
    """A migrated, empty database on each shared server; yields (backend, URL)."""
    url = _server_url(request.param, server_databases)
    database.connect(url)
    _clear_all_tables(request.param)
    yield request.param, url
    database.close()


@pytest.fixture
def sqlite_db(tmp_path):
    url = "sqlite:///" + str(tmp_path / "pelita.db")
    database.connect(url)
    schema.migrate()
    yield url
    database.close()


@pytest.fixture(autouse=True)
def synchronous_workers(monkeypatch):
    """Background tasks run at once in tests (Picard's way), so results are deterministic."""
    from desktop.views.shell import workers

    monkeypatch.setattr(workers, "SYNCHRONOUS", True)


@pytest.fixture(autouse=True)
def refuse_message_boxes(monkeypatch):
    """A message box left open would hang the run: fail loudly instead. A test that expects
    one patches it itself (its own setattr comes after this one)."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture(autouse=True)
def widgets_live_until_closed(request):
    """qtbot holds its widgets weakly, so a test that reuses a name (`form = ...` four times)
    had the earlier dialog deleted while still shown: the focus its date field lost on the
    way reached Python slots of half-destroyed widgets (CI: "DateEdit has no attribute
    line", a segfault). Held here, each is closed by pytest-qt first, then deleted."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    kept, add = [], qtbot.addWidget

    def keep(widget, *args, **kwargs):
        kept.append(widget)
        return add(widget, *args, **kwargs)

    qtbot.addWidget = keep
    yield
    kept.clear()
