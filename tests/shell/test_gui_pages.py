"""The sidebar pages on a real SQLite database: real data shown, edits saved, errors named."""
import datetime
import sys
import types

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.errors import PermissionDenied
from desktop.models import AuditEntry, HolidayOverride, OfficeProfile, Service, User, utcnow
from desktop.services.admin import audit_query, calendar, office, settings, users as users_service
from desktop.services.catalog import service_catalog
from desktop.services.shared import audit, permissions, timefmt
from desktop.views.admin.audit_page import BLOCK_SIZE, AuditPage
from desktop.views.admin.holidays_page import HolidaysPage
from desktop.views.admin.office_page import OfficePage
from desktop.views.admin.settings_page import SettingsPage
from desktop.views.admin.users_page import UsersPage
from desktop.views.catalog.catalog_page import CatalogPage
from desktop.views.shell.home_page import HomePage
from desktop.views.shell.sections import SECTIONS
from desktop.views.shell.session import Session
from tests.factories import make_user
from tests.form_marks import label_of

PROFILE = dict(office_name="Dinas Sosial", region_kind="Kota", region_name="Magelang",
               address="Jl. Jenderal Sudirman No. 1", email="dinsos@magelangkota.go.id",
               unit_code="Dinsos", classification_code="400.9")


@pytest.fixture
def db(sqlite_db):
    service_catalog.load_shipped()
    return sqlite_db


@pytest.fixture
def admin(db):
    return make_user("admin", role=permissions.ADMIN)


@pytest.fixture
def clerk(db):
    return make_user("budi", role=permissions.FRONT_OFFICE)


@pytest.fixture(autouse=True)
def office_time_zone():
    """Saving a profile sets the process-wide time zone: put it back after each test."""
    yield
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def open_page(qtbot, page_class, user, url="sqlite:///test.db"):
    page = page_class(Session(user, "Tertanam (SQLite): test.db", url))
    qtbot.addWidget(page)
    return page


def column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_every_section_page_constructs(qtbot, admin):
    for section in SECTIONS:
        page = section.create(Session(admin, "Tertanam (SQLite): test.db", "sqlite:///x"))
        qtbot.addWidget(page)
        assert page.layout() is not None, section.key
        if hasattr(page, "refresh"):
            page.refresh()


# --- Beranda -------------------------------------------------------------------------------

def test_home_shows_catalog_counts_and_profile_hint(qtbot, admin):
    page = open_page(qtbot, HomePage, admin)
    assert not page.profile_hint.isHidden()
    assert "Profil Kantor" in page.profile_hint.text()
    assert page.catalog_total.text() == str(Service.select().count()) == "40"
    assert "Dinas Sosial Kabupaten Magetan: 28" in page.per_office_label.text()
    assert "Dinas Sosial Kota Depok: 1" in page.per_office_label.text()
    assert page.working_day_count.text() == "2"  # Magelang LKS and Depok SLRT
    assert [row[2] for row in page.shortest_rows()][:2] == ["20 menit", "20 menit"]
    assert page.user_label.text() == "Admin Santoso (admin)"
    assert page.role_label.text() == "Administrator"
    assert page.next_holiday_label.text().startswith("Libur berikutnya:")

    office.save_profile(admin, office.get_profile(), **PROFILE)
    page.refresh()
    assert page.profile_hint.isHidden()
    assert page.region_label.text() == "Pemerintah Kota Magelang"


def test_home_hint_for_clerk_asks_the_administrator(qtbot, clerk):
    page = open_page(qtbot, HomePage, clerk)
    assert "Minta administrator" in page.profile_hint.text()
    assert page.role_label.text() == "Petugas Layanan"


# --- Katalog -------------------------------------------------------------------------------

def test_catalog_lists_and_searches_services(qtbot, clerk):
    page = open_page(qtbot, CatalogPage, clerk)
    assert page.model.rowCount() == 40
    assert set(column(page.model, 4)) == {"Gratis"}
    page.search_edit.setText("slrt")
    assert page.proxy.rowCount() == 1
    assert page.select_code("dpk-slrt")
    html = page.detail.toHtml()
    for group in ("Bantuan Sosial Kesehatan", "Bantuan Sosial Pendidikan",
                  "Bantuan Pangan Non Tunai"):
        assert group in html
    assert "5 hari kerja" in html and "Pelaksana:" in html
    page.search_edit.clear()
    page.office_combo.setCurrentIndex(page.office_combo.findData("Dinas Sosial Kota Depok"))
    assert page.proxy.rowCount() == 1
    # A clerk reads the catalog but has no edit controls.
    assert page.edit_button.isHidden() and page.revert_button.isHidden()


def test_admin_edits_a_service_and_it_is_marked_customized(qtbot, admin, monkeypatch):
    page = open_page(qtbot, CatalogPage, admin)
    assert page.select_code("dpk-slrt")
    editor = page.make_editor(page.selected_service())
    qtbot.addWidget(editor)
    editor.name_edit.setText("SLRT Kota Kami")
    editor.value_spin.setValue(3)
    editor.steps_editor.view.setCurrentIndex(editor.steps_editor.model.index(8, 0))
    editor.steps_editor.add_row()
    new_row = editor.steps_editor.model.rowCount() - 1
    editor.steps_editor.model.item(new_row, 0).setText("Surat diserahkan kepada pemohon")
    editor.steps_editor.move(-1)  # moves the new step above the old last one
    assert editor.save()

    saved = service_catalog.get("dpk-slrt")
    assert saved.customized and saved.name == "SLRT Kota Kami" and saved.limit_value == 3
    steps = service_catalog.steps_of(saved)
    assert len(steps) == 10 and steps[8].text == "Surat diserahkan kepada pemohon"
    assert steps[8].actor == "pemohon"
    page.refresh()
    assert page.select_code("dpk-slrt")
    assert "Diubah administrator" in page.detail.toHtml()
    assert "SLRT Kota Kami *" in column(page.model, 0)
    assert page.revert_button.isEnabled()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    page.revert_selected()
    reverted = service_catalog.get("dpk-slrt")
    assert not reverted.customized and reverted.name != "SLRT Kota Kami"
    assert len(service_catalog.steps_of(reverted)) == 9


def test_catalog_editor_names_the_bad_field_and_saves_nothing(qtbot, admin):
    page = open_page(qtbot, CatalogPage, admin)
    page.select_code("mgl-tanda-daftar-lks")
    editor = page.make_editor(page.selected_service())
    qtbot.addWidget(editor)
    before = service_catalog.get("mgl-tanda-daftar-lks").version
    editor.fee_edit.setText("gratis")
    assert not editor.save()
    assert editor.error_label.text().startswith("Biaya:")
    assert "c0392b" in editor.fee_edit.styleSheet()
    editor.fee_edit.setText("0")
    editor.steps_editor.model.item(0, 0).setText("  ")
    assert not editor.save()
    assert editor.error_label.text().startswith("Langkah 1:")
    assert editor.steps_editor.view.currentIndex().row() == 0
    fresh = service_catalog.get("mgl-tanda-daftar-lks")
    assert fresh.version == before and not fresh.customized


def test_catalog_editor_conflict_keeps_typed_values(qtbot, admin, db):
    other = make_user("admin2", role=permissions.ADMIN)
    first = service_catalog.get("dpk-slrt")
    second_page = open_page(qtbot, CatalogPage, other)
    second_page.select_code("dpk-slrt")
    editor = second_page.make_editor(second_page.selected_service())
    qtbot.addWidget(editor)
    service_catalog.update_service(admin, first, name="Versi admin", limit_kind="working_days",
                           limit_value=5, limit_starts="receipt", limit_note="", fee=0,
                           product="Surat Rekomendasi", active=True)
    editor.name_edit.setText("Versi admin2")
    assert not editor.save()
    assert "admin" in editor.error_label.text() and not editor.reload_button.isHidden()
    editor.reload_keeping_input()
    assert editor.name_edit.text() == "Versi admin2"
    assert editor.save()
    assert service_catalog.get("dpk-slrt").name == "Versi admin2"


# --- Hari kerja & libur -------------------------------------------------------------------

def test_holidays_list_add_remove_restore(qtbot, admin):
    page = open_page(qtbot, HolidaysPage, admin)
    page.year_spin.setValue(2026)
    dates = column(page.model, 0)
    assert "Kamis, 24 Desember 2026" in dates
    assert set(column(page.model, 2)) == {"Kalender nasional"}

    page.add_date.setDate(QDate(2026, 12, 31))
    page.add_name.setText("Cuti bersama akhir tahun")
    assert page.add_holiday()
    assert HolidayOverride.get(HolidayOverride.day == datetime.date(2026, 12, 31)).is_holiday
    row = column(page.model, 0).index("Kamis, 31 Desember 2026")
    assert page.model.index(row, 1).data() == "Cuti bersama akhir tahun"
    assert page.model.index(row, 2).data() == "Ditambahkan administrator"

    assert page.select_date(datetime.date(2026, 12, 24))
    assert page.remove_selected()
    assert calendar.WorkCalendar().is_working_day(datetime.date(2026, 12, 24))
    row = column(page.model, 0).index("Kamis, 24 Desember 2026")
    assert page.model.index(row, 2).data() == "Dihapus: tetap hari kerja"

    assert page.select_date(datetime.date(2026, 12, 24))
    assert page.restore_selected()
    assert not calendar.WorkCalendar().is_working_day(datetime.date(2026, 12, 24))
    assert HolidayOverride.get_or_none(HolidayOverride.day == datetime.date(2026, 12, 24)) is None


def test_working_day_calculator_skips_holidays(qtbot, clerk):
    page = open_page(qtbot, HolidaysPage, clerk)
    page.calc_start.setDate(QDate(2026, 12, 21))
    page.calc_days.setValue(3)
    # 22, 23 Dec; 24-25 Dec holidays; weekend; Monday 28 Dec is the third working day.
    assert "Senin, 28 Desember 2026" in page.calc_result.text()
    assert "24 Desember 2026" in page.calc_result.text()
    assert page.edit_box.isHidden()


# --- Pengguna -------------------------------------------------------------------------------

def fill_user_form(page, username, full_name, role, password, repeat=None, nip=""):
    page.start_new()
    page.username_edit.setText(username)
    page.full_name_edit.setText(full_name)
    page.role_combo.setCurrentIndex(page.role_combo.findData(role))
    page.password_edit.setText(password)
    page.password2_edit.setText(password if repeat is None else repeat)
    page.nip_edit.setText(nip)


def test_admin_adds_edits_resets_and_unlocks_users(qtbot, admin):
    page = open_page(qtbot, UsersPage, admin)
    assert column(page.model, 0) == ["admin"]
    fill_user_form(page, "siti.r", "Siti Rahma", permissions.SOCIAL_WORKER, "Kuat12345x")
    assert page.save()
    siti = users_service.get("siti.r")
    assert siti.full_name == "Siti Rahma" and siti.role == permissions.SOCIAL_WORKER
    assert "siti.r" in column(page.model, 0)
    assert "Pekerja Sosial" in column(page.model, 2)

    page.full_name_edit.setText("Siti Rahmawati")
    page.position_edit.setText("Pekerja Sosial Ahli Muda")
    assert page.save()
    assert users_service.get("siti.r").position == "Pekerja Sosial Ahli Muda"

    User.update(locked_until=utcnow() + datetime.timedelta(minutes=5),
                failed_attempts=0).where(User.username == "siti.r").execute()
    page.refresh()
    page.select_username("siti.r")
    assert column(page.model, 4)[column(page.model, 0).index("siti.r")] != "-"
    assert page.unlock_button.isEnabled() and page.unlock()
    assert users_service.get("siti.r").locked_until is None

    page.reset_edit.setText("Baru98765z")
    page.reset2_edit.setText("Baru98765z")
    assert page.reset_password()
    from desktop.services.shell import auth
    assert auth.authenticate("siti.r", "Baru98765z").username == "siti.r"


def test_user_form_names_the_bad_field_and_saves_nothing(qtbot, admin):
    page = open_page(qtbot, UsersPage, admin)
    fill_user_form(page, "andi", "Andi", permissions.FRONT_OFFICE, "Kuat12345x", "Lain12345x")
    assert not page.save()
    assert page.form_message.text().startswith("Ulangi kata sandi:")
    assert "c0392b" in page.password2_edit.styleSheet()

    fill_user_form(page, "kadis", "Kepala Dinas", permissions.HEAD, "Kuat12345x")
    assert label_of(page.nip_edit) == "NIP *:"  # a Kepala's NIP is asked
    assert not page.save()
    assert page.form_message.text().startswith("NIP:")
    assert "c0392b" in page.nip_edit.styleSheet()

    fill_user_form(page, "Bad Name", "X", permissions.FRONT_OFFICE, "Kuat12345x")
    assert not page.save()
    assert page.form_message.text().startswith("Nama pengguna:")
    assert User.select().count() == 1


# --- Profil kantor --------------------------------------------------------------------------

def fill_office(page, **values):
    for key, value in values.items():
        if key in page.edits:
            page.edits[key].setText(value)
        elif key == "address":
            page.address.setPlainText(value)
        elif key == "region_kind":
            page.region_kind.setCurrentText(value)


def test_admin_saves_the_office_profile(qtbot, admin, tmp_path, monkeypatch):
    page = open_page(qtbot, OfficePage, admin)
    fill_office(page, **PROFILE, head_nip="197005121995031002", region_code="3371")
    page.time_zone.setCurrentIndex(page.time_zone.findData("Asia/Makassar"))
    png = tmp_path / "lambang.png"
    from PySide6.QtGui import QColor, QImage
    image = QImage(32, 32, QImage.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(png))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(png), ""))
    assert page.choose_emblem()
    assert not page.emblem_preview.pixmap().isNull()
    assert page.save()
    profile = office.get_profile()
    assert profile.region_name == "Magelang" and profile.region_code == "3371"
    assert profile.time_zone == "Asia/Makassar" and bytes(profile.emblem).startswith(b"\x89PNG")
    assert page.message.text() == "Profil kantor disimpan."
    assert "admin" in page.updated_label.text()


def test_office_form_names_the_bad_field_and_saves_nothing(qtbot, admin, tmp_path, monkeypatch):
    page = open_page(qtbot, OfficePage, admin)
    fill_office(page, **{**PROFILE, "email": "bukan-email"})
    assert not page.save()
    assert page.message.text().startswith("E-mail:")
    assert "c0392b" in page.edits["email"].styleSheet()
    assert OfficeProfile.select().count() == 0

    fake = tmp_path / "lambang.png"
    fake.write_bytes(b"GIF89a not a png")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(fake), ""))
    assert not page.choose_emblem()
    assert page.message.text().startswith("Lambang daerah:")
    assert page.emblem is None


def test_office_conflict_between_two_sessions_keeps_typed_values(qtbot, admin):
    second_admin = make_user("rina", role=permissions.ADMIN)
    office.save_profile(admin, office.get_profile(), **PROFILE)
    page_a = open_page(qtbot, OfficePage, admin)
    page_b = open_page(qtbot, OfficePage, second_admin)

    fill_office(page_a, phone="(0293) 111111")
    assert page_a.save()

    fill_office(page_b, address="Jl. Pahlawan No. 9", website="dinsos.magelangkota.go.id")
    assert not page_b.save()
    assert "admin" in page_b.message.text() and "diubah oleh" in page_b.message.text()
    assert not page_b.reload_button.isHidden()
    # Nothing typed is lost.
    assert page_b.address.toPlainText() == "Jl. Pahlawan No. 9"
    assert page_b.edits["website"].text() == "dinsos.magelangkota.go.id"

    page_b.reload_keeping_input()
    assert page_b.address.toPlainText() == "Jl. Pahlawan No. 9"
    assert page_b.edits["phone"].text() == "(0293) 111111"  # the first admin's change
    assert page_b.reload_button.isHidden()
    assert page_b.save()

    saved = office.get_profile()
    assert saved.address == "Jl. Pahlawan No. 9"
    assert saved.website == "dinsos.magelangkota.go.id"
    assert saved.phone == "(0293) 111111"
    assert saved.updated_by == "rina" and saved.version == 3


def test_office_page_is_read_only_for_a_clerk(qtbot, clerk):
    page = open_page(qtbot, OfficePage, clerk)
    assert page.save_button.isHidden()
    assert not page.edits["office_name"].isEnabled()


# --- Pengaturan -----------------------------------------------------------------------------

def test_settings_saved_and_connection_dialog_opened_lazily(qtbot, admin, monkeypatch):
    page = open_page(qtbot, SettingsPage, admin)
    assert page.editors["login.max_attempts"].value() == 5
    assert page.editors["password.min_length"].suffix() == " karakter"
    page.editors["session.idle_minutes"].setValue(30)
    assert page.save()
    assert settings.get("session.idle_minutes") == 30
    assert page.message.text() == "1 pengaturan disimpan."
    assert page.database_label.text() == "Tertanam (SQLite): test.db"

    opened = []

    class FakeDialog:
        def __init__(self, parent):
            opened.append(parent)

        def exec(self):
            return QDialog.Accepted

    fake = types.ModuleType("desktop.views.shell.connection_dialog")
    fake.ConnectionDialog = FakeDialog
    monkeypatch.setitem(sys.modules, "desktop.views.shell.connection_dialog", fake)
    page.change_connection()
    assert opened == [None]
    assert "buka lagi" in page.connection_message.text()


def test_settings_wrong_values_are_marked_together_and_nothing_saved(qtbot, admin):
    from desktop.views.shared.forms import is_marked

    page = open_page(qtbot, SettingsPage, admin)
    page.editors["session.idle_minutes"].setValue(30)  # sound, but not saved alone
    pattern, url = page.editors["applications.number_pattern"], \
        page.editors["letters.verification_url"]
    pattern.setText("")
    url.setText("bukan alamat")
    assert not page.save()
    assert is_marked(pattern) and is_marked(url)
    assert not is_marked(page.editors["session.idle_minutes"])
    assert page.message.text().startswith("2 isian perlu diperbaiki")
    assert page.focusWidget() is pattern  # the first at fault, in the page's order
    assert settings.get("session.idle_minutes") == 15  # all or none
    page.refresh()
    assert not is_marked(pattern) and not page.message.text()


def test_settings_refused_for_a_clerk_shows_the_reason(qtbot, clerk):
    page = open_page(qtbot, SettingsPage, clerk)
    assert page.save_button.isHidden() and not page.editors["login.max_attempts"].isEnabled()
    page.editors["login.max_attempts"].setEnabled(True)
    page.editors["login.max_attempts"].setValue(9)
    assert not page.save()
    assert "tidak berwenang" in page.message.text()
    assert settings.get("login.max_attempts") == 5


# --- Jejak audit ----------------------------------------------------------------------------

def test_audit_page_reads_rows_lazily_newest_first(qtbot, admin):
    for i in range(1000):
        audit.record(admin, "update", "setting", i, old={"value": i}, new={"value": i + 1})
    page = open_page(qtbot, AuditPage, admin)
    total = AuditEntry.select().count()
    assert page.model.rowCount() == total > 1000
    page.model.index(0, 0).data()
    assert page.model.fetches <= 2  # only the visible block(s), not the whole table
    assert page.model.index(0, 3).data() == "Nilai: 999 → 1000"
    assert page.model.index(0, 2).data() == "Pengaturan diubah"
    last = page.model.index(total - 1, 2).data()
    assert last == "Layanan ditambahkan"  # the oldest entries: loading the catalog
    assert page.model.fetches <= 4
    assert total // BLOCK_SIZE > page.model.fetches

    page.table_combo.setCurrentIndex(page.table_combo.findData("setting"))
    assert page.model.rowCount() == 1000
    page.text_edit.setText("500")
    page.apply_filter()
    raws = [page.model.raw(r) for r in range(page.model.rowCount())]
    assert any("ID baris: 500\n" in raw for raw in raws)  # record id 500
    assert any("ID baris: 499\n" in raw for raw in raws)  # and new value 500
    page.text_edit.clear()
    page.table_combo.setCurrentIndex(0)
    page.user_combo.setCurrentIndex(page.user_combo.findData("sistem"))
    assert 0 < page.model.rowCount() < total


def test_audit_query_requires_permission(db, clerk):
    with pytest.raises(PermissionDenied):
        audit_query.count(clerk)
    head = make_user("kadis", role=permissions.HEAD)
    assert audit_query.count(head) >= 2
    entry = audit_query.fetch(head, audit_query.AuditFilter(username="sistem"), 0, 1)[0]
    assert entry.username == "sistem" and entry.table_name == "user"
    assert "Nama pengguna: kadis" in audit_query.describe_change(entry)
    assert "password_hash" not in (entry.new_values or "")


def test_step_actor_is_chosen_from_the_roles(qtbot, admin):
    page = open_page(qtbot, CatalogPage, admin)
    page.select_code("dpk-slrt")
    editor = page.make_editor(page.selected_service())
    qtbot.addWidget(editor)
    steps = editor.steps_editor
    index = steps.model.index(0, 1)
    delegate = steps.view.itemDelegateForColumn(1)
    combo = delegate.createEditor(steps.view.viewport(), None, index)
    delegate.setEditorData(combo, index)
    assert combo.currentData() == "pemohon"
    assert [combo.itemData(i) for i in range(combo.count())] == list(service_catalog.STEP_ACTORS)
    combo.setCurrentIndex(combo.findData(permissions.HEAD))
    delegate.setModelData(combo, steps.model, index)
    assert steps.steps()[0]["actor"] == permissions.HEAD
    assert index.data() == "Kepala"
    assert editor.save()
    assert service_catalog.steps_of(service_catalog.get("dpk-slrt"))[0].actor == permissions.HEAD


def test_text_setting_error_names_the_setting(qtbot, admin):
    text_keys = [k for k, d in settings.DEFINITIONS.items() if isinstance(d.default, str)]
    if not text_keys:
        pytest.skip("no text settings defined")
    key = text_keys[0]
    page = open_page(qtbot, SettingsPage, admin)
    page.editors[key].setText("   ")
    assert not page.save()
    assert page.message.text().startswith(settings.DEFINITIONS[key].label)
    assert "c0392b" in page.editors[key].styleSheet()
    assert settings.get(key) == settings.DEFINITIONS[key].default


def test_a_setting_with_choices_is_a_list_of_labels(qtbot, admin):
    page = open_page(qtbot, SettingsPage, admin)
    combo = page.editors["letters.stamp_placement"]
    assert combo.currentText() == "Menimpa sisi kiri tanda tangan"
    combo.setCurrentIndex(combo.findData("beside"))
    assert page.save()
    assert settings.get("letters.stamp_placement") == "beside"
    page.fill_defaults()
    assert combo.currentData() == "over_signature"


def test_audit_query_pages_and_filters_on_every_backend(backend_db):
    admin = make_user("admin", role=permissions.ADMIN)
    for i in range(25):
        audit.record(admin, "update", "setting", i, old={"value": f"lama{i}"},
                     new={"value": f"Baru{i}"})
    everything = audit_query.AuditFilter()
    total = audit_query.count(admin, everything)
    assert total == 26  # 25 updates and the admin's own creation
    first, second = (audit_query.fetch(admin, everything, offset, 10) for offset in (0, 10))
    assert [e.record_id for e in first] == list(range(24, 14, -1))
    assert [e.record_id for e in second] == list(range(14, 4, -1))
    assert sorted(audit_query.usernames(admin)) == ["admin", "sistem"]
    assert set(audit_query.table_names(admin)) == {"setting", "user"}
    by_text = audit_query.AuditFilter(text="baru7")  # case-insensitive on every backend
    assert [e.record_id for e in audit_query.fetch(admin, by_text, 0, 50)] == [7]
    by_table = audit_query.AuditFilter(username="sistem", table_name="user")
    assert audit_query.count(admin, by_table) == 1
