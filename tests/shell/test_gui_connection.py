"""The connection dialog: testing, explaining failures, and saving the profile of this PC."""
import json
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop import connection_profile
from desktop.connection_profile import ConnectionProfile
from desktop.services.shell import connection_test
from desktop.views.shell import workers
from desktop.views.shell.connection_dialog import ConnectionDialog


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    path = tmp_path / "config" / "connection.json"
    monkeypatch.setattr(connection_profile, "profile_path", lambda: path)
    return path


@pytest.fixture
def dialog(qtbot):
    dlg = ConnectionDialog(None)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_error_message_is_shown_at_the_top(qtbot):
    dlg = ConnectionDialog("Server database pusat:5432 tidak bisa dihubungi.")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.error_label.isVisible()
    assert "tidak bisa dihubungi" in dlg.error_label.text()
    assert not ConnectionDialog(None).error_label.text()


def test_unreachable_server_is_explained_and_the_typed_values_stay(qtbot, dialog):
    dialog.set_backend("postgresql")
    qtbot.keyClicks(dialog.host_edit, "127.0.0.1")
    dialog.port_spin.setValue(1)
    dialog.database_edit.setText("pelita_kantor")
    qtbot.keyClicks(dialog.user_edit, "petugas")
    qtbot.keyClicks(dialog.password_edit, "rahasia")
    click(qtbot, dialog.test_button)
    message = dialog.result_label.text()
    assert "127.0.0.1:1 tidak bisa dihubungi" in message and "Periksa" in message
    assert dialog.isVisible()
    assert (dialog.backend(), dialog.host_edit.text(), dialog.port_spin.value(),
            dialog.database_edit.text(), dialog.user_edit.text(), dialog.password_edit.text()) \
        == ("postgresql", "127.0.0.1", 1, "pelita_kantor", "petugas", "rahasia")


def test_missing_server_name_names_the_field(qtbot, dialog):
    dialog.set_backend("mysql")
    dialog.user_edit.setText("petugas")
    click(qtbot, dialog.test_button)
    assert dialog.result_label.text().startswith("Server:")
    assert dialog.focusWidget() is dialog.host_edit


def test_port_follows_the_server_kind_unless_typed(qtbot, dialog):
    dialog.set_backend("postgresql")
    assert dialog.port_spin.value() == 5432
    dialog.set_backend("mysql")
    assert dialog.port_spin.value() == 3306
    dialog.port_spin.setValue(6000)
    dialog.set_backend("postgresql")
    assert dialog.port_spin.value() == 6000
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password


def test_a_file_that_is_not_a_database_is_refused(qtbot, dialog, tmp_path):
    junk = tmp_path / "foto.db"
    junk.write_bytes(os.urandom(4096))
    dialog.path_edit.setText(str(junk))
    click(qtbot, dialog.test_button)
    assert "bukan database Pelita" in dialog.result_label.text()
    assert dialog.path_edit.text() == str(junk)


def test_a_read_only_file_is_refused(qtbot, dialog, tmp_path, monkeypatch):
    path = tmp_path / "arsip.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write anyway: make the permission check see read-only
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if (
            Path(p) == path and mode & os.W_OK) else real_access(p, mode))
    dialog.path_edit.setText(str(path))
    click(qtbot, dialog.test_button)
    assert "hanya-baca" in dialog.result_label.text()


def test_testing_a_good_database_reports_success_and_schema(qtbot, dialog, sqlite_db):
    dialog.path_edit.setText(sqlite_db.removeprefix("sqlite:///"))
    click(qtbot, dialog.test_button)
    assert "Koneksi berhasil" in dialog.result_label.text()
    assert "mutakhir" in dialog.result_label.text()


def test_testing_a_new_file_does_not_create_it(qtbot, dialog, tmp_path):
    path = tmp_path / "baru.db"
    dialog.path_edit.setText(str(path))
    click(qtbot, dialog.test_button)
    assert "belum ada" in dialog.result_label.text()
    assert not path.exists()


def test_connection_test_leaves_the_app_connection_alone(sqlite_db, tmp_path):
    from desktop.models import db

    bound = db.obj
    other = tmp_path / "lain.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert "kosong" in connection_test.test_connection("sqlite:///" + str(other))
    assert db.obj is bound


def test_saving_a_sqlite_profile_writes_the_profile_file(qtbot, dialog, tmp_path,
                                                         isolated_profile, monkeypatch):
    chosen = tmp_path / "kantor.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(chosen), "")))
    click(qtbot, dialog.browse_button)
    assert dialog.path_edit.text() == str(chosen)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert json.loads(isolated_profile.read_text())["sqlite_path"] == str(chosen)
    assert dialog.url == "sqlite:///" + str(chosen)
    # The next dialog starts from what was saved.
    again = ConnectionDialog(None)
    qtbot.addWidget(again)
    assert again.path_edit.text() == str(chosen) and again.backend() == "sqlite"


def test_saving_a_server_profile_keeps_the_password_out_of_the_file(qtbot, dialog,
                                                                     isolated_profile):
    dialog.set_backend("mysql")
    dialog.host_edit.setText("server-dinsos")
    dialog.user_edit.setText("pelita")
    dialog.password_edit.setText("kata-r4hasia")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "kata-r4hasia" not in isolated_profile.read_text()
    saved = connection_profile.load()
    assert saved == ConnectionProfile("mysql", saved.sqlite_path, "server-dinsos", 3306,
                                      "pelita", "pelita")
    assert connection_profile.get_password(saved) == "kata-r4hasia"
    assert dialog.url == "mysql://pelita:kata-r4hasia@server-dinsos:3306/pelita"


def test_empty_sqlite_path_is_not_saved(qtbot, dialog, isolated_profile):
    dialog.path_edit.clear()
    click(qtbot, dialog.save_button)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.result_label.text().startswith("Berkas database:")
    assert not isolated_profile.exists()
