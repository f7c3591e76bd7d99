"""Record conventions: stamps, optimistic locking and the audit trail, on every backend."""
import datetime
import json

import pytest

from desktop.errors import ConflictError
from desktop.models import AuditEntry, Setting, User
from desktop.services.admin import settings
from desktop.services.shared import audit, records
from tests.factories import make_user


def test_create_stamps_user_time_version_and_audits(backend_db):
    admin = make_user("admin", role="administrator")
    row = records.create(Setting, admin, key="x.test", value="1")
    assert (row.created_by, row.updated_by, row.version) == ("admin", "admin", 1)
    assert row.created_at is not None
    entry = AuditEntry.get((AuditEntry.table_name == "setting") & (AuditEntry.record_id == row.id))
    assert entry.action == "create" and entry.username == "admin"
    assert json.loads(entry.new_values)["key"] == "x.test"


def test_second_pc_gets_conflict_naming_who_and_when(backend_db):
    admin = make_user("admin", role="administrator")
    other = make_user("siti", role="administrator")
    records.create(Setting, admin, key="x.test", value="1")
    on_pc_one = Setting.get(Setting.key == "x.test")
    on_pc_two = Setting.get(Setting.key == "x.test")
    records.update(on_pc_one, other, value="2")
    with pytest.raises(ConflictError) as caught:
        records.update(on_pc_two, admin, value="3")
    assert "siti" in caught.value.message and caught.value.changed_by == "siti"
    assert on_pc_two.value == "3" or on_pc_two.value == "1"  # what was typed is the caller's
    assert on_pc_two.version == 1  # untouched, so the form can reload and reapply
    fresh = records.reload(on_pc_two)
    assert (fresh.value, fresh.version) == ("2", 2)
    records.update(fresh, admin, value="3")
    assert Setting.get(Setting.key == "x.test").value == "3"


def test_update_audits_old_and_new_values_only_of_changed_fields(backend_db):
    admin = make_user("admin", role="administrator")
    row = records.create(Setting, admin, key="x.test", value="1")
    records.update(row, admin, value="2", key="x.test")
    entry = audit.entries_for("setting", row.id)[-1]
    assert entry.action == "update"
    assert json.loads(entry.old_values) == {"value": "1"}
    assert json.loads(entry.new_values) == {"value": "2"}


def test_delete_checks_version_and_audits(backend_db):
    admin = make_user("admin", role="administrator")
    row = records.create(Setting, admin, key="x.test", value="1")
    stale = Setting.get_by_id(row.id)
    records.update(row, admin, value="2")
    with pytest.raises(ConflictError):
        records.delete(stale, admin)
    records.delete(row, admin)
    assert not Setting.select().exists()
    assert audit.entries_for("setting", row.id)[-1].action == "delete"


def test_password_hash_never_enters_the_audit_trail(backend_db):
    make_user("admin", role="administrator")
    user = User.get(User.username == "admin")
    text = " ".join((e.new_values or "") + (e.old_values or "") for e in AuditEntry.select())
    assert user.password_hash not in text and "password_hash" not in text


def test_settings_are_typed_with_defaults_and_bounds(backend_db):
    admin = make_user("admin", role="administrator")
    assert settings.get("login.max_attempts") == 5
    settings.set_value(admin, "login.max_attempts", "3")
    assert settings.get("login.max_attempts") == 3
    with pytest.raises(Exception) as caught:
        settings.set_value(admin, "login.max_attempts", "0")
    assert "Batas salah kata sandi" in str(caught.value)


def test_the_database_refuses_to_change_or_delete_audit_entries(backend_db):
    make_user("admin", role="administrator")
    entry = AuditEntry.select().first()
    for attempt in (lambda: AuditEntry.update(username="x").where(AuditEntry.id == entry.id),
                    lambda: AuditEntry.delete().where(AuditEntry.id == entry.id)):
        with pytest.raises(Exception) as caught:
            with AuditEntry._meta.database.atomic():
                attempt().execute()
        assert "append-only" in str(caught.value)
    assert AuditEntry.get_by_id(entry.id).username == entry.username == "sistem"


def test_a_unique_value_saved_meanwhile_gives_the_caller_s_message(backend_db):
    """The violation itself never happens (ON CONFLICT DO NOTHING / INSERT IGNORE / OR
    IGNORE): no driver error, and the value stays out of the server's log."""
    import pytest

    from desktop.errors import ValidationError
    from desktop.models import AuditEntry, Vehicle
    from desktop.services.shared import permissions, records

    first = records.create(Vehicle, permissions.SYSTEM, plate="AA 1234 XY", name="Ambulans 1",
                           duplicate=lambda: ValidationError("Nomor polisi", "sudah ada"))
    audits = AuditEntry.select().count()
    with pytest.raises(ValidationError) as caught:
        records.create(Vehicle, permissions.SYSTEM, plate="AA 1234 XY", name="Ambulans 2",
                       duplicate=lambda: ValidationError("Nomor polisi", "sudah ada"))
    assert caught.value.field == "Nomor polisi"
    assert [v.name for v in Vehicle.select()] == ["Ambulans 1"] and first.id
    assert AuditEntry.select().count() == audits
    second = records.create(Vehicle, permissions.SYSTEM, plate="AA 9 ZZ", name="Ambulans 2",
                            duplicate=lambda: ValidationError("Nomor polisi", "sudah ada"))
    assert second.id != first.id and Vehicle.get_by_id(second.id).name == "Ambulans 2"


def test_a_record_still_pointed_at_is_not_deleted_and_says_by_what(backend_db):
    from desktop.errors import ValidationError
    from desktop.models import Person
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog
    from tests.factories import make_person

    service_catalog.load_shipped()
    admin = make_user("admin", role="administrator")
    clerk = make_user("layanan", role="petugas_layanan")
    applicant = make_person()
    workflow.register(clerk, service_catalog.get("dpk-slrt"), person=applicant)
    with pytest.raises(ValidationError) as caught:
        records.delete(Person.get_by_id(applicant.id), admin)
    assert "masih dipakai oleh 1 permohonan" in caught.value.message
    assert Person.get_or_none(Person.id == applicant.id) is not None
    unused = make_person(nik="3371014107900002", name="Tanpa Permohonan", sex="P",
                         birth_date=datetime.date(1990, 7, 1))
    records.delete(Person.get_by_id(unused.id), admin)
    assert Person.get_or_none(Person.id == unused.id) is None


def test_a_reference_made_after_the_check_still_gives_the_message(backend_db, monkeypatch):
    """Another PC books the record between the check and the delete: the database's refusal
    is the same message."""
    from desktop.errors import ValidationError
    from desktop.models import Person
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog
    from tests.factories import make_person

    service_catalog.load_shipped()
    admin = make_user("admin", role="administrator")
    clerk = make_user("layanan", role="petugas_layanan")
    applicant = make_person()
    workflow.register(clerk, service_catalog.get("dpk-slrt"), person=applicant)
    monkeypatch.setattr(records, "_refuse_if_still_used", lambda instance: None)
    with pytest.raises(ValidationError) as caught:
        records.delete(Person.get_by_id(applicant.id), admin)
    assert "baru saja dipakai" in caught.value.message
    assert Person.get_or_none(Person.id == applicant.id) is not None
