"""A connection lost under Pelita heals: the next read and write work, a cut transaction saves
nothing and says so, and a server that does not answer is reported until it answers again."""
import os
import sqlite3
import threading
import uuid

import pytest

from desktop import database, resilient
from desktop.errors import ConnectionLost
from desktop.models import Person, db
from desktop.services.applications import people
from desktop.services.shared import permissions
from tests import servers
from tests.factories import make_person


@pytest.fixture(autouse=True)
def healthy_at_start_and_end():
    resilient.health.restored()
    yield
    resilient.health.restored()


@pytest.fixture
def own_login(server_db):
    """The app signed in with a login of the test's own, which the server can turn away."""
    backend, url = server_db
    user = "pelita_t_" + uuid.uuid4().hex[:8]
    login_url = servers.make_login(backend, url, user, "sandi-uji")
    database.connect(login_url)
    try:
        yield backend, login_url, user
    finally:
        servers.refuse_logins(backend, url, user, refuse=False)
        database.connect(url)
        servers.terminate_connections(backend, url)
        servers.drop_login(backend, user)


def kill(backend, url):
    assert servers.terminate_connections(backend, url) >= 1


def test_read_and_write_work_after_the_connection_is_killed(server_db):
    backend, url = server_db
    make_person()
    kill(backend, url)
    assert Person.select().count() == 1  # a read on the dead connection: reconnected
    kill(backend, url)
    make_person(nik="3371014107900002", name="Sri Lestari", sex="P",
                birth_date=__import__("datetime").date(1990, 7, 1))
    assert Person.select().count() == 2
    assert resilient.health.problem is None


def test_a_transaction_cut_midway_saves_nothing_and_says_so(server_db):
    backend, url = server_db
    make_person()
    with pytest.raises(ConnectionLost) as caught:
        with db.atomic():
            Person.update(phone="081299990000").execute()
            kill(backend, url)
            Person.update(street="Jl. Lain").execute()
    assert caught.value.message == resilient.NOT_SAVED
    person = Person.get()
    assert person.phone == "081234567890" and person.street == "Jl. Tidar No. 5"
    people.update_person(permissions.SYSTEM, person, phone="081211112222")  # the same Save again
    assert Person.get().phone == "081211112222"


def test_an_autocommit_write_on_a_dead_connection_is_reported_not_repeated(server_db):
    backend, url = server_db
    make_person()
    kill(backend, url)
    with pytest.raises(ConnectionLost) as caught:
        Person.update(phone="081299990000").execute()
    assert caught.value.message == resilient.UNKNOWN
    assert Person.get().phone == "081234567890"


def test_worker_threads_get_live_connections_from_the_pool(server_db):
    backend, url = server_db
    make_person()
    counts, failures = [], []

    def count_in_a_worker():
        try:
            with db.connection_context():
                counts.append(Person.select().count())
        except Exception as exc:  # reported below
            failures.append(exc)

    for _ in range(3):  # fill the pool with idle connections
        thread = threading.Thread(target=count_in_a_worker)
        thread.start()
        thread.join()
    kill(backend, url)
    threads = [threading.Thread(target=count_in_a_worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert counts == [1] * 7


def test_a_server_that_turns_us_away_is_reported_then_heals(own_login):
    backend, url, user = own_login
    make_person()
    heard = []
    resilient.health.subscribe(heard.append)
    try:
        servers.refuse_logins(backend, url, user, refuse=True)
        kill(backend, url)
        with pytest.raises(ConnectionLost) as caught:
            people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
        assert caught.value.message == resilient.UNREACHABLE
        assert resilient.health.problem == resilient.UNREACHABLE
        with pytest.raises(ConnectionLost):
            resilient.probe()
        servers.refuse_logins(backend, url, user, refuse=False)
        resilient.probe()
        assert resilient.health.problem is None
        people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
        assert Person.get().phone == "081211112222"
    finally:
        resilient.health.unsubscribe(heard.append)
    assert heard == [resilient.UNREACHABLE, None]


def test_save_in_the_person_dialog_after_the_server_went_away(qtbot, own_login):
    from desktop.views.applications.person_form import PersonDialog
    from desktop.views.shell.session import Session

    backend, url, user = own_login
    person = make_person()
    dialog = PersonDialog(Session(permissions.SYSTEM, "uji", url), person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.street_edit.setText("Jl. Pemuda 12")
    servers.refuse_logins(backend, url, user, refuse=True)
    kill(backend, url)
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "tidak bisa dihubungi" in dialog.message.text()
    assert dialog.form.street_edit.text() == "Jl. Pemuda 12"
    servers.refuse_logins(backend, url, user, refuse=False)
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert Person.get_by_id(person.id).street == "Jl. Pemuda 12"


def test_the_status_bar_says_so_while_the_server_is_away(qtbot, own_login):
    from PySide6.QtWidgets import QStatusBar

    from desktop.views.shell.connection_status import LOST_TEXT, RESTORED_TEXT, ConnectionStatus

    backend, url, user = own_login
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = ConnectionStatus(bar, retry_ms=60_000)
    bar.addPermanentWidget(status)
    bar.show()
    assert status.isHidden()
    servers.refuse_logins(backend, url, user, refuse=True)
    kill(backend, url)
    with pytest.raises(ConnectionLost):
        Person.select().count()
    assert status.isVisible() and status.text() == LOST_TEXT
    status._retry()  # the timer's retry: still away
    assert status.isVisible()
    servers.refuse_logins(backend, url, user, refuse=False)
    status._retry()
    assert status.isHidden()
    assert bar.currentMessage() == RESTORED_TEXT
    status.stop()


# -- the embedded file ----------------------------------------------------------------------

def test_a_locked_file_is_reported_and_the_next_save_works(sqlite_db):
    make_person()
    db.execute_sql("PRAGMA busy_timeout = 200")  # not the ten seconds an office waits
    path = database.parse_url(sqlite_db).name
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ConnectionLost) as caught:
            people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
        assert caught.value.message == resilient.SQLITE_LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
    assert Person.get().phone == "081211112222"
    assert resilient.health.problem is None


def test_a_vanished_file_is_never_written_and_heals_when_it_is_back(sqlite_db):
    make_person()
    path = database.parse_url(sqlite_db).name
    os.rename(path, path + ".moved")
    try:
        with pytest.raises(ConnectionLost) as caught:
            people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
        assert "tidak ditemukan lagi" in caught.value.message
        assert not os.path.exists(path)  # no empty database made in its place
    finally:
        os.rename(path + ".moved", path)
    people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
    assert Person.get().phone == "081211112222"


def test_a_worker_s_connection_context_survives_a_reconnect(server_db):
    backend, url = server_db
    make_person()
    Person.select().count()
    kill(backend, url)
    with db.connection_context():  # as every background task runs
        assert Person.select().count() == 1  # reconnected inside the context
    # ... and the context closed cleanly: no IndexError, the next one works too.
    with db.connection_context():
        assert Person.select().count() == 1


def test_each_thread_checks_the_file_it_opened(sqlite_db, tmp_path):
    import shutil

    make_person()
    path = database.parse_url(sqlite_db).name
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # the copy is whole without its WAL
    db.connection()  # the UI thread's connection, to the file as it is now
    copy = str(tmp_path / "salinan.db")
    shutil.copy(path, copy)
    os.replace(copy, path)  # another file now stands at the path

    def worker():
        with db.connection_context():  # opens the new file: must not vouch for the UI's
            Person.select().count()
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    people.update_person(permissions.SYSTEM, Person.get(), phone="081211112222")
    fresh = sqlite3.connect(path)
    assert fresh.execute("SELECT phone FROM person").fetchone()[0] == "081211112222"
    fresh.close()
