"""The application's database login (every PC holds it) changes data but cannot erase the
audit trail: no TRUNCATE, ALTER, DROP or switching triggers off, on PostgreSQL and MariaDB."""
import uuid

import pytest
from peewee import DatabaseError

from desktop import database
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import AuditEntry, Person, db
from desktop.services.admin import db_accounts
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from tests import servers
from tests.factories import make_person, make_user

PASSWORD = "sandi-aplikasi-uji-2026"


@pytest.fixture
def app_login(server_db):
    backend, url = server_db
    service_catalog.load_shipped()
    name = "pelita_app_" + uuid.uuid4().hex[:6]
    tables = db_accounts.grant_app_user(permissions.SYSTEM, name, PASSWORD)
    assert "audit_entry" in tables and "person" in tables
    database.connect(servers.url_signed_in_as(url, name, PASSWORD))
    try:
        yield backend, name
    finally:
        database.connect(url)
        servers.terminate_connections(backend, url)
        if backend == "postgresql":
            db.execute_sql(f'DROP OWNED BY "{name}"')
            db.execute_sql(f'DROP ROLE "{name}"')
        else:
            db.execute_sql(f"DROP USER '{name}'@'%%'")


def test_the_app_login_does_the_office_s_work(app_login):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    person = make_person()
    application = workflow.register(clerk, service_catalog.get("dpk-slrt"), person=person)
    workflow.attach(clerk, application, "ktp.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    workflow.withdraw(clerk, application, "pemohon mencabut")
    assert Person.select().count() == 1
    assert AuditEntry.select().count() >= 4


@pytest.mark.parametrize("statement", [
    "TRUNCATE audit_entry",
    "DELETE FROM audit_entry",
    "UPDATE audit_entry SET username = 'x'",
    "DROP TABLE audit_entry",
    "ALTER TABLE person ADD COLUMN catatan_rahasia INTEGER",
    "DELETE FROM letter",
    "UPDATE abh_event SET at = at",  # when an ABH clock started
    "DELETE FROM abh_event",
    "UPDATE stock_movement SET quantity = 0",  # on hand is the movements' sum
    "DELETE FROM stock_movement",
    "CREATE TABLE penyusup (id INTEGER)",
    "{disable}",
    "{drop_trigger}",
])
def test_the_app_login_cannot_rewrite_history(app_login, statement):
    backend, _ = app_login
    make_user("layanan", role=permissions.FRONT_OFFICE)  # an audit entry to protect
    before = AuditEntry.select().count()
    statement = statement.format(
        disable=("ALTER TABLE audit_entry DISABLE TRIGGER ALL" if backend == "postgresql"
                 else "ALTER TABLE audit_entry DISABLE KEYS"),
        drop_trigger=("DROP TRIGGER audit_entry_append_only ON audit_entry"
                      if backend == "postgresql" else "DROP TRIGGER audit_entry_no_delete"))
    with pytest.raises(DatabaseError):
        with db.atomic():
            db.execute_sql(statement)
    assert AuditEntry.select().count() == before


def test_only_a_schema_administrator_grants_and_names_are_checked(server_db):
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    with pytest.raises(PermissionDenied):
        db_accounts.grant_app_user(clerk, "pelita_app", PASSWORD)
    with pytest.raises(ValidationError):
        db_accounts.grant_app_user(permissions.SYSTEM, "x'; DROP TABLE person; --", PASSWORD)
    with pytest.raises(ValidationError):
        db_accounts.grant_app_user(permissions.SYSTEM, "pelita_app", "pendek")


def test_sqlite_says_plainly_it_has_no_accounts(sqlite_db):
    with pytest.raises(ValidationError) as caught:
        db_accounts.grant_app_user(permissions.SYSTEM, "pelita_app", PASSWORD)
    assert "SQLite" in caught.value.message


def test_the_app_login_drafts_initials_and_signs_letters(app_login):
    from desktop.services.letters import lifecycle
    from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office

    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    assert signed.state == "signed" and signed.number
    lifecycle.hand_over(o["clerk"], signed)


def test_privileged_accounts_are_not_turned_into_the_app_login(server_db):
    backend, _ = server_db
    own = "postgres" if backend == "postgresql" else "root"
    with pytest.raises(ValidationError) as caught:
        db_accounts.grant_app_user(permissions.SYSTEM, own, PASSWORD)
    assert "pilih nama baru" in caught.value.message


def _as_app(url, name, password=PASSWORD):
    database.connect(servers.url_signed_in_as(url, name, password))


def test_an_upgrade_gives_new_tables_to_the_app_login_and_keeps_its_password(server_db):
    backend, url = server_db
    name = "pelita_app_" + uuid.uuid4().hex[:6]
    db_accounts.grant_app_user(permissions.SYSTEM, name, PASSWORD)
    # What a later migration does: a table the login has no grant on yet.
    db.execute_sql("CREATE TABLE tabel_baru (id INTEGER PRIMARY KEY, isi VARCHAR(20))")
    try:
        assert name in db_accounts.regrant(permissions.SYSTEM)
        # By hand, without a password: the PCs' password still signs in.
        db_accounts.grant_app_user(permissions.SYSTEM, name, None)
        _as_app(url, name)
        db.execute_sql("INSERT INTO tabel_baru (id, isi) VALUES (1, 'baru')")
        assert db.execute_sql("SELECT isi FROM tabel_baru").fetchone() == ("baru",)
        with pytest.raises(DatabaseError):  # and the audit trail stays as limited as before
            with db.atomic():
                db.execute_sql("DELETE FROM audit_entry")
    finally:
        database.connect(url)
        servers.terminate_connections(backend, url)
        db.execute_sql("DROP TABLE tabel_baru")
        if backend == "postgresql":
            db.execute_sql(f'DROP OWNED BY "{name}"')
        servers.drop_login(backend, name)


def test_keeping_the_password_needs_an_existing_login(server_db):
    with pytest.raises(ValidationError) as caught:
        db_accounts.grant_app_user(permissions.SYSTEM, "belum_pernah_ada", None)
    assert "belum ada" in caught.value.message


@pytest.mark.parametrize("server_db", ["mariadb"], indirect=True)
def test_an_owner_without_grant_rights_is_told_not_failed(server_db):
    """MariaDB's schema owner (ALL on the database, no GRANT OPTION) cannot grant: the upgrade
    says so instead of failing (on PostgreSQL an owner may grant on its own tables)."""
    backend, url = server_db
    owner = "pemilik_" + uuid.uuid4().hex[:6]
    database.connect(servers.make_login(backend, url, owner, PASSWORD))
    try:
        assert db_accounts.regrant(permissions.SYSTEM) is None
    finally:
        database.connect(url)
        servers.drop_login(backend, owner)
