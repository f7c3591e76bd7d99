"""Backup from one backend and restore into another: equal counts and hashes, signed letters'
checks intact; a newer schema, a non-empty target and a damaged archive are refused."""
import datetime
import json
import uuid
import zipfile

import pytest

from desktop import database
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Application, Letter, Person, db
from desktop.services.admin import backup, settings
from desktop.services.cases import registry
from desktop.services.demo import seed
from desktop.services.letters import lifecycle, verification
from desktop.services.shared import permissions
from desktop.services.shell import schema
from tests import servers

ADMIN = permissions.SYSTEM
AWKWARD = ('Kata "kutip", koma; garis\\miring\r\nbaris\n\\.\n\ttab ü 😀 \\N '
           '\x01\x7f\b\f/ \\u0041 a\\"b \\')
# Text a loader could take for its NULL or for a JSON escape
LOOKALIKES = ["null", "", "\\n", '\\"', "\u2028"]


def counts() -> dict:
    return {m._meta.table_name: m.select().count() for m in registry.all_models()}


def signed_letters_intact() -> int:
    signed = list(Letter.select().where(Letter.state.in_(["signed", "handed_over"])))
    for letter in signed:
        lifecycle.signed_document(letter)  # raises when the SHA-256 does not match
        assert verification.verify(letter.verification_code).intact
    return len(signed)


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory):
    """A small demo office on SQLite, backed up once for the module."""
    folder = tmp_path_factory.mktemp("cadangan")
    database.connect("sqlite:///" + str(folder / "asal.db"))
    schema.migrate()
    seed.fill(size=120)
    # Text that a loader must quote or escape, as an office's old data may hold it.
    Application.update(summary=AWKWARD).where(Application.id == 1).execute()
    for i, text in enumerate(LOOKALIKES, start=2):
        Application.update(summary=text, outcome_reason=AWKWARD).where(
            Application.id == i).execute()
    expected = counts()
    letters = signed_letters_intact()
    report = backup.backup(ADMIN, folder / "kantor.zip")
    database.close()
    assert letters > 0 and report.rows == sum(expected.values())
    return report.path, expected, letters


def _empty_target(backend, tmp_path):
    if backend == "sqlite":
        return "sqlite:///" + str(tmp_path / "tujuan.db")
    problem = servers.unreachable_reason(backend)
    if problem:
        servers.skip_or_fail(backend, problem)
    return servers.create_database(backend, f"pelita_restore_{uuid.uuid4().hex[:8]}")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
def test_restore_into_every_backend_gives_equal_counts_and_hashes(
        backend, demo_archive, tmp_path):
    path, expected, letters = demo_archive
    url = _empty_target(backend, tmp_path)
    try:
        database.connect(url)
        report = backup.restore(ADMIN, path)
        assert counts() == expected
        assert Application.get_by_id(1).summary == AWKWARD
        assert [(a.summary, a.outcome_reason) for a in Application.select().where(
            Application.id.between(2, 1 + len(LOOKALIKES))).order_by(Application.id)] == [
            (text, AWKWARD) for text in LOOKALIKES]
        assert signed_letters_intact() == letters
        assert schema.status().state == "current"
        # A backup of the restored database hashes the same, table by table.
        again = backup.backup(ADMIN, tmp_path / "lagi.zip")
        assert [(t.name, t.rows, t.sha256) for t in again.tables] == [
            (t.name, t.rows, t.sha256) for t in report.tables]
        # New rows get ids after the loaded ones (PostgreSQL's sequences were reset).
        from tests.factories import make_person

        newest = max(p.id for p in Person.select(Person.id))
        person = make_person(nik="3371016608990007", name="Baru Sesudah Pulih", sex="P",
                             birth_date=datetime.date(1999, 8, 26))
        assert person.id > newest
    finally:
        database.close()
        if backend != "sqlite":
            servers.drop_database(backend, url)


def test_a_non_empty_target_is_refused(demo_archive, sqlite_db):
    from tests.factories import make_person

    make_person()
    with pytest.raises(ValidationError) as caught:
        backup.restore(ADMIN, demo_archive[0])
    assert "sudah berisi data" in caught.value.message
    assert Person.select().count() == 1


def edited(archive, path, member: str, edit):
    """A copy of `archive` at `path` with `edit(bytes) -> bytes` applied to one member."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, edit(data) if item.filename == member else data)
    return path


def edited_manifest(archive, path, change):
    def edit(data):
        manifest = json.loads(data)
        change(manifest)
        return json.dumps(manifest).encode()
    return edited(archive, path, "manifest.json", edit)


def test_a_newer_schema_is_refused(demo_archive, tmp_path):
    path = edited_manifest(demo_archive[0], tmp_path / "baru.zip",
                           lambda m: m["migrations"].append("0099_from_the_future"))
    database.connect("sqlite:///" + str(tmp_path / "t.db"))
    try:
        with pytest.raises(ValidationError) as caught:
            backup.restore(ADMIN, path)
        assert "lebih baru" in caught.value.message
    finally:
        database.close()


def test_a_damaged_archive_restores_nothing(demo_archive, tmp_path):
    path = edited(demo_archive[0], tmp_path / "rusak.zip", "tables/person.jsonl",
                  lambda data: data.replace(b"Magelang", b"Magelanx", 1))
    database.connect("sqlite:///" + str(tmp_path / "t.db"))
    try:
        with pytest.raises(ValidationError) as caught:
            backup.restore(ADMIN, path)
        assert "person" in caught.value.message
        assert "person" not in db.get_tables()  # what the failed restore made is gone
        backup.restore(ADMIN, demo_archive[0])  # so the good archive restores right after
        assert counts() == demo_archive[1]
    finally:
        database.close()


def test_a_manifest_naming_other_tables_or_columns_is_refused(demo_archive, tmp_path):
    changes = {
        "table": lambda m: m["tables"][0].update(name='user"; DROP TABLE person; --'),
        "column": lambda m: m["tables"][0]["columns"].__setitem__(1, "1); DROP TABLE x; --"),
    }
    for change, edit in changes.items():
        path = edited_manifest(demo_archive[0], tmp_path / f"{change}.zip", edit)
        database.connect("sqlite:///" + str(tmp_path / f"{change}.db"))
        try:
            with pytest.raises(ValidationError) as caught:
                backup.restore(ADMIN, path)
            assert "tidak sesuai" in caught.value.message
            assert db.get_tables() == []
        finally:
            database.close()


def test_backup_needs_an_administrator_and_records_when(sqlite_db, tmp_path):
    from tests.factories import make_user

    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    with pytest.raises(PermissionDenied):
        backup.backup(clerk, tmp_path / "x.zip")
    assert settings.backup_overdue(backup.utcnow())
    backup.backup(ADMIN, tmp_path / "x.zip")
    assert settings.last_backup() is not None
    assert not settings.backup_overdue(backup.utcnow())


def test_cancelling_a_backup_leaves_no_file(tmp_path, demo_archive):
    database.connect("sqlite:///" + str(tmp_path / "t.db"))
    try:
        backup.restore(ADMIN, demo_archive[0])
        target = tmp_path / "batal.zip"
        with pytest.raises(backup.Cancelled):
            backup.backup(ADMIN, target, cancelled=lambda: True)
        assert not target.exists() and not list(tmp_path.glob("batal.zip*"))
    finally:
        database.close()
    assert db.obj is not None


def rehashed(archive, path, member: str, edit):
    """A copy of `archive` with one table's lines edited and the manifest's hash of that
    table made to match: what a careless converting tool could write."""
    import hashlib

    table = member.removeprefix("tables/").removesuffix(".jsonl")
    with zipfile.ZipFile(archive) as source:
        data = edit(source.read(member))
    step = edited(archive, path.with_suffix(".step.zip"), member, lambda _: data)

    def fix(manifest):
        spec = next(t for t in manifest["tables"] if t["name"] == table)
        spec["sha256"] = hashlib.sha256(data).hexdigest()
    return edited_manifest(step, path, fix)


def add_offset(data: bytes) -> bytes:
    """A time with a zone offset (Pelita writes none): the database keeps it without."""
    first, rest = data.split(b"\n", 1)
    row = json.loads(first)
    column = next(i for i, v in enumerate(row) if isinstance(v, str) and
                  len(v) == 19 and v[10:11] == "T")
    row[column] += "+07:00"
    return json.dumps(row, ensure_ascii=False).encode() + b"\n" + rest


def not_json(data: bytes) -> bytes:
    return data.replace(b"]\n", b"\n", 1)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mariadb"])
@pytest.mark.parametrize("edit, said", [(add_offset, "tabel person"),
                                        (not_json, "bukan baris JSON")])
def test_edited_rows_with_a_matching_hash_restore_nothing(backend, edit, said, demo_archive,
                                                          tmp_path):
    """The archive's own hash passes (recomputed by whatever edited it), yet the rows are
    refused: a line that is not JSON when read, a value the database stores otherwise when
    read back after loading."""
    path = rehashed(demo_archive[0], tmp_path / "diubah.zip", "tables/person.jsonl", edit)
    url = _empty_target(backend, tmp_path)
    try:
        database.connect(url)
        with pytest.raises(ValidationError) as caught:
            backup.restore(ADMIN, path)
        assert said in caught.value.message
        assert "person" not in db.get_tables()
    finally:
        database.close()
        if backend != "sqlite":
            servers.drop_database(backend, url)
