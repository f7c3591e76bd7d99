"""The `pelita` administration commands, run in-process against real databases."""
import io

import pytest

from desktop import cli
from desktop.models import User
from desktop.services.shell import auth, schema


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_status_upgrade_demo_and_users_on_a_new_sqlite_file(tmp_path, capsys, monkeypatch):
    url = "sqlite:///" + str(tmp_path / "baru.db")
    code, out, _ = run(capsys, "db", "status", "--database", url)
    assert code == 2 and "kosong" in out
    code, out, _ = run(capsys, "db", "upgrade", "--database", url)
    assert code == 0 and "0001_initial" in out and "40 layanan" in out
    code, out, _ = run(capsys, "db", "status", "--database", url)
    assert code == 0 and "mutakhir" in out
    code, out, _ = run(capsys, "demo", "--size", "5", "--database", url)
    assert code == 0 and "kadis" in out
    code, out, _ = run(capsys, "user", "add", "andi", "--role", "petugas_layanan", "--name",
                       "Andi Wijaya", "--password-stdin", "--database", url,
                       stdin="mawar-2026-kuat\n", monkeypatch=monkeypatch)
    assert code == 0, out
    assert auth.authenticate("andi", "mawar-2026-kuat").full_name == "Andi Wijaya"
    code, out, _ = run(capsys, "user", "list", "--database", url)
    assert "andi" in out and "Petugas Layanan" in out and "Kepala" in out
    code, out, _ = run(capsys, "catalog", "list", "--database", url)
    assert "dpk-slrt" in out and "5 hari kerja" in out and "20 menit" in out


def test_bad_input_gets_indonesian_messages_and_exit_1(tmp_path, capsys, monkeypatch):
    url = "sqlite:///" + str(tmp_path / "db.db")
    run(capsys, "db", "upgrade", "--database", url)
    code, _, err = run(capsys, "user", "add", "andi", "--role", "juragan", "--name", "Andi",
                       "--password-stdin", "--database", url, stdin="mawar-2026-kuat\n",
                       monkeypatch=monkeypatch)
    assert code == 1 and "Peran" in err
    code, _, err = run(capsys, "user", "add", "andi", "--role", "pekerja_sosial", "--name", "Andi",
                       "--password-stdin", "--database", url, stdin="pendek\n",
                       monkeypatch=monkeypatch)
    assert code == 1 and "Kata sandi" in err
    assert not User.select().exists()
    code, _, err = run(capsys, "user", "list", "--database", "oracle://x/y")
    assert code == 1 and "tidak dikenal" in err


def test_reset_password_unlocks(tmp_path, capsys, monkeypatch):
    url = "sqlite:///" + str(tmp_path / "db.db")
    run(capsys, "demo", "--size", "1", "--database", url)
    User.update(failed_attempts=3).where(User.username == "layanan").execute()
    code, out, _ = run(capsys, "user", "reset-password", "layanan", "--password-stdin",
                       "--database", url, stdin="sandi-baru-77\n", monkeypatch=monkeypatch)
    assert code == 0
    assert auth.authenticate("layanan", "sandi-baru-77").failed_attempts == 0


def test_commands_refuse_an_old_schema_but_upgrade_fixes_it(tmp_path, capsys):
    url = "sqlite:///" + str(tmp_path / "db.db")
    code, _, err = run(capsys, "user", "list", "--database", url)
    assert code == 1 and "kosong" in err
    run(capsys, "db", "upgrade", "--database", url)
    assert schema.status().state == "current"


@pytest.mark.parametrize("backend_db", ["postgresql", "mariadb"], indirect=True)
def test_upgrade_and_demo_on_servers(backend_db, capsys):
    code, out, _ = run(capsys, "demo", "--size", "3", "--database", backend_db)
    assert code == 0 and "users: 6" in out


def test_the_demo_leaves_nothing_in_the_temporary_folder(tmp_path, monkeypatch):
    import os
    import tempfile
    import time

    from desktop.services.demo import seed
    from desktop.views.shell import app

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale, fresh = tmp_path / "pelita-demo-lama", tmp_path / "pelita-demo-jalan"
    stale.mkdir()
    fresh.mkdir()
    day_ago = time.time() - cli.OLD_DEMO_S - 60
    os.utime(stale, (day_ago, day_ago))  # a crashed demo's folder; `fresh` runs on another PC
    seen = []
    monkeypatch.setattr(seed, "fill", lambda size: None)  # the demo's data is not the point

    def window(url, demo_user=None):
        seen.extend(p for p in tmp_path.glob("pelita-demo-*") if p not in (stale, fresh))
        assert seen and (seen[0] / "demo.db").exists()
        return 0

    monkeypatch.setattr(app, "run", window)
    monkeypatch.setattr(User, "get", lambda *a: None)
    assert cli.main(["--demo"]) == 0
    assert seen and not seen[0].exists()
    assert not stale.exists() and fresh.exists()
