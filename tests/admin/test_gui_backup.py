"""Pengaturan's backup: progress to the end, a cancel that leaves no file, the reminder."""
import datetime

from desktop.services.admin import settings
from desktop.services.shared import permissions
from desktop.views.admin.backup_box import BackupBox, reminder_text
from desktop.views.shell.session import Session
from tests.factories import make_person, make_user


def box_for(qtbot, user):
    box = BackupBox(Session(user, "uji", "sqlite:///uji.db"))
    qtbot.addWidget(box)
    return box


def test_backup_from_settings_writes_the_file_and_clears_the_reminder(qtbot, sqlite_db,
                                                                      tmp_path):
    admin = make_user("admin", role=permissions.ADMIN)
    make_person()
    box = box_for(qtbot, admin)
    assert not box.isHidden()
    assert "Belum pernah" in box.status.text()
    target = tmp_path / "cadangan.zip"
    box.start(target)
    assert target.exists() and "Cadangan tersimpan" in box.message.text()
    assert box.progress_bar.isHidden() and box.backup_button.isEnabled()
    assert "Cadangan terakhir" in box.status.text() and "lebih dari" not in box.status.text()


def test_cancel_leaves_no_file(qtbot, sqlite_db, tmp_path):
    box = box_for(qtbot, make_user("admin", role=permissions.ADMIN))
    box._cancel.set()
    box._cancel.clear = lambda: None  # the cancel arrives before the first table
    target = tmp_path / "batal.zip"
    box.start(target)
    assert not target.exists() and "dibatalkan" in box.message.text()


def test_reminder_after_the_set_days_and_hidden_for_other_roles(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    settings.record_backup(admin, datetime.datetime(2026, 11, 1, 8, 0))
    text, overdue = reminder_text(datetime.datetime(2026, 11, 9, 8, 0))
    assert overdue and "lebih dari 7 hari" in text
    assert not reminder_text(datetime.datetime(2026, 11, 5, 8, 0))[1]
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    assert box_for(qtbot, clerk).isHidden()
