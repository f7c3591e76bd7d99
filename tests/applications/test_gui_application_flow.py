"""The front desk's new-application flow and the application detail screen, driven by keys."""
import datetime

import pytest
from peewee import OperationalError
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QMessageBox

from desktop.models import (Application, Attachment, AuditEntry, Organisation, Person,
                            RequirementCheck, StepEvent)
from desktop.services.admin import settings
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, timefmt
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.applications.checklist_model import NOTE, STATE
from desktop.views.applications.new_application import NewApplicationDialog
from desktop.views.applications.person_form import PersonDialog
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shell.session import Session
from tests.factories import make_office

DTKS = "mgl-surat-keterangan-dtks"
KNOWN_NIK = "3371011503850001"  # make_person's Agus Prasetyo
NEW_NIK = "3371024508900002"  # a woman born 5 August 1990
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def office(sqlite_db):
    return make_office()


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """Other modals than message boxes (refused in conftest) would hang the run too."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {args[1:3]}")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", refuse)
    yield
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def session_of(user):
    return Session(user, "Tertanam (SQLite): test.db", "sqlite:///test.db")


def new_dialog(qtbot, user):
    dialog = NewApplicationDialog(session_of(user))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # Alt+S is a window shortcut
    return dialog


def detail(qtbot, user, app):
    dialog = ApplicationDetailDialog(session_of(user), app.id)
    qtbot.addWidget(dialog)
    return dialog


def pick_dtks(qtbot, dialog):
    qtbot.keyClicks(dialog.service_filter, "ket dtks")
    qtbot.keyClick(dialog.service_filter, Qt.Key.Key_Return)
    assert dialog.service.code == DTKS
    assert dialog.stack.currentIndex() == 1


def dtks_application(office, **kwargs):
    return workflow.register(office["clerk"], service_catalog.get(DTKS), person=office["person"],
                                 **kwargs)


def advance_to(office, app, step):
    """Complete steps with the right role until `step` is current; the SIKS-NG step once
    its check is recorded, as the DTKS case kind requires."""
    from desktop.cases.dtks import record

    actors = {permissions.FRONT_OFFICE: office["clerk"],
              permissions.SOCIAL_WORKER: office["worker"]}
    while app.current_step < step:
        if app.current_step == 2 and record.read(app) is None:
            record.save(office["clerk"], app, registered=False,
                        data_period=datetime.date(2026, 10, 1))
        app = workflow.complete_step(actors[app.current_actor], app)
    return app


# -- new application ----------------------------------------------------------------------
def test_dtks_for_a_known_nik_by_keyboard_alone(qtbot, office):
    dialog = new_dialog(qtbot, office["clerk"])
    pick_dtks(qtbot, dialog)  # 8 keys + Enter
    qtbot.keyClicks(dialog.search_edit, KNOWN_NIK)  # 16 keys
    assert dialog.found_label.text().startswith("Sudah terdaftar: Agus Prasetyo, Jl. Tidar")
    assert dialog.person_form.isHidden()  # a known NIK never opens the new-person form
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 2
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert [c.state.currentData() for c in dialog.check_rows] == ["ada"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Daftarkan
    assert dialog.stack.currentIndex() == 3
    year = datetime.date.today().year
    assert dialog.number_label.text() == f"00001/REG/{year}"
    assert "Batas waktu:" in dialog.done_label.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Selesai: 29 key presses in all
    assert dialog.result() == dialog.DialogCode.Accepted

    app = Application.get_by_id(dialog.application_id)
    assert app.service.code == DTKS and app.person_id == office["person"].id
    assert [c.state for c in workflow.checks_of(app)] == ["ada"]
    assert app.complete_at is not None and app.due_at is not None  # 20 minutes from receipt
    assert app.channel == "datang" and app.current_actor == permissions.FRONT_OFFICE


def counts():
    """The rows the wizard may write: none of them before Simpan."""
    return {model.__name__: model.select().count()
            for model in (Person, Organisation, Application, RequirementCheck, StepEvent,
                          Attachment, AuditEntry)}


def confirm_missing(monkeypatch, answer=QMessageBox.StandardButton.Yes):
    """Answer the missing-requirement question; returns the texts it was asked with."""
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_unknown_nik_registers_the_person_in_place(qtbot, office, tmp_path, monkeypatch):
    before = counts()
    dialog = new_dialog(qtbot, office["clerk"])
    pick_dtks(qtbot, dialog)
    qtbot.keyClicks(dialog.search_edit, NEW_NIK)
    form = dialog.person_form
    assert not form.isHidden()
    assert form.nik_edit.text() == NEW_NIK
    assert form.birth_date() == datetime.date(1990, 8, 5)  # read from the NIK
    assert form.sex_combo.currentData() == "P"
    assert dialog.focusWidget() is form.name_edit
    qtbot.keyClicks(form.name_edit, "Siti Rahayu")
    qtbot.keyClicks(form.street_edit, "Jl. Pahlawan 3")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 2
    assert "disimpan bersama permohonan saat Simpan" in dialog.found_label.text()
    assert people.find_by_nik(NEW_NIK) is None and counts() == before  # checked, not saved

    # A scan that is not a PDF/JPG/PNG is refused after registration, with the reason.
    bad = tmp_path / "ktp.docx"
    bad.write_bytes(b"PK\x03\x04 word document")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    dialog.check_rows[0].attach_button.click()
    assert dialog.check_rows[0].files_label.text() == "Pindaian: ktp.docx"
    assert dialog.next_button.text() == "Simpan"
    asked = confirm_missing(monkeypatch, QMessageBox.StandardButton.No)
    dialog.next_button.click()  # nothing ticked: asked first, and "No" saves nothing
    assert len(asked) == 1 and dialog.stack.currentIndex() == 2 and counts() == before
    confirm_missing(monkeypatch)
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 3
    person = people.find_by_nik(NEW_NIK)
    assert person.name == "Siti Rahayu" and person.birth_date == datetime.date(1990, 8, 5)
    assert person.sex == "P" and person.created_by == "layanan"
    assert "bukan PDF, JPG atau PNG" in dialog.attach_label.text()
    app = Application.get_by_id(dialog.application_id)
    assert app.person_id == person.id and not Attachment.select().exists()
    assert [c.state for c in workflow.checks_of(app)] == ["kurang"]  # nothing ticked


def test_a_nik_registered_elsewhere_before_simpan_is_used_and_nothing_half_written(
        qtbot, office, monkeypatch):
    confirm_missing(monkeypatch)
    dialog = new_dialog(qtbot, office["clerk"])
    pick_dtks(qtbot, dialog)
    qtbot.keyClicks(dialog.search_edit, NEW_NIK)
    qtbot.keyClicks(dialog.person_form.name_edit, "Siti Rahayu")
    qtbot.keyClicks(dialog.person_form.street_edit, "Jl. Pahlawan 3")
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 2
    other_pc = people.register_person(office["worker"], nik=NEW_NIK, name="Siti Rahayu",
                                      birth_date=datetime.date(1990, 8, 5), sex="P")
    before = counts()
    dialog.next_button.click()  # Simpan: the NIK is taken now, so nothing of this is saved
    assert "sudah terdaftar atas nama Siti Rahayu" in dialog.message.text()
    assert dialog.stack.currentIndex() == 2 and counts() == before
    assert dialog.person.id == other_pc.id  # offered the record saved on the other PC
    dialog.next_button.click()
    assert Application.get_by_id(dialog.application_id).person_id == other_pc.id
    assert Person.select().where(Person.nik == NEW_NIK).count() == 1


def test_invalid_nik_shows_the_nik_message_and_keeps_what_was_typed(qtbot, office):
    dialog = new_dialog(qtbot, office["clerk"])
    pick_dtks(qtbot, dialog)
    bad = "3371011513850001"  # month 13
    qtbot.keyClicks(dialog.search_edit, bad)
    assert dialog.message.text().startswith("NIK: angka ke-7 s.d. 12 bukan tanggal lahir")
    assert dialog.search_edit.styleSheet()  # the field is marked
    assert dialog.person_form.isHidden()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 1  # refused: still choosing the applicant
    assert dialog.search_edit.text() == bad
    assert Person.select().count() == 1

    # In the new-person form, a birth date that contradicts the NIK is refused, typing kept.
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, NEW_NIK)
    form = dialog.person_form
    qtbot.keyClicks(form.name_edit, "Siti Rahayu")
    qtbot.keyClicks(form.street_edit, "Jl. Pahlawan 3")
    form.birth_date_edit.setDate(QDate(1990, 8, 6))
    dialog.next_button.click()
    assert dialog.message.text().startswith("Tanggal lahir: tidak cocok dengan NIK")
    assert form.birth_date_edit.styleSheet()
    assert form.name_edit.text() == "Siti Rahayu" and form.nik_edit.text() == NEW_NIK
    assert dialog.stack.currentIndex() == 1 and people.find_by_nik(NEW_NIK) is None
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected and not Application.select().exists()


def test_person_without_identity(qtbot, office, monkeypatch):
    confirm_missing(monkeypatch)
    dialog = new_dialog(qtbot, office["clerk"])
    pick_dtks(qtbot, dialog)
    dialog.no_identity_button.click()
    form = dialog.person_form
    assert form.no_identity_check.isChecked() and form.identity_note_edit.isEnabled()
    qtbot.keyClicks(form.name_edit, "Mr. X")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("Keterangan identitas: isi keterangan")
    assert dialog.stack.currentIndex() == 1
    qtbot.keyClicks(form.identity_note_edit, "tanpa identitas, dirujuk dari RSUD Tidar")
    qtbot.keyClick(form.identity_note_edit, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 2
    dialog.next_button.click()
    app = Application.get_by_id(dialog.application_id)
    assert app.person.nik is None and app.person.name == "Mr. X"
    assert app.person.identity_note.startswith("tanpa identitas")


def test_organisation_applicant(qtbot, office, monkeypatch):
    asked = confirm_missing(monkeypatch)
    dialog = new_dialog(qtbot, office["clerk"])
    qtbot.keyClicks(dialog.service_filter, "tanda daftar lks")
    qtbot.keyClick(dialog.service_filter, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.org_radio.isChecked()
    qtbot.keyClicks(dialog.org_name_edit, "Yayasan Bina Sejahtera")
    dialog.next_button.click()
    assert dialog.message.text().startswith("Alamat lembaga: wajib diisi")
    qtbot.keyClicks(dialog.org_address_edit, "Jl. Ahmad Yani 10, Magelang")
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 2 and not Organisation.select().exists()
    dialog.next_button.click()
    assert "• 11. Surat Permohonan kepada Kepala Dinas Sosial" in asked[0]
    app = Application.get_by_id(dialog.application_id)
    assert app.organisation.name == "Yayasan Bina Sejahtera" and app.person is None
    assert app.state == "waiting"
    assert app.due_at is None  # LKS: 7 working days only from complete documents


# -- detail -------------------------------------------------------------------------------
def test_actions_follow_the_role_of_the_current_step(qtbot, office):
    app = dtks_application(office)
    assert list(detail(qtbot, office["clerk"], app).action_buttons) == \
        ["done", "return", "withdraw"]
    assert detail(qtbot, office["clerk"], app).action_buttons["done"].text() == \
        "Selesaikan langkah"
    # Not the worker's step: a social worker, who registers cases too, may only withdraw.
    assert list(detail(qtbot, office["worker"], app).action_buttons) == ["withdraw"]
    assert detail(qtbot, office["head"], app).action_buttons == {}
    app = advance_to(office, app, 4)  # "Memeriksa komponen konsep": the head's step
    head_view = detail(qtbot, office["head"], app)
    assert [b.text() for b in head_view.action_buttons.values()] == \
        ["Setujui", "Tolak", "Kembalikan untuk dilengkapi"]
    assert "done" not in detail(qtbot, office["clerk"], app).action_buttons


def test_completing_a_step_advances_the_timeline(qtbot, office):
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    assert dialog.step_states[:2] == ["current", "pending"]
    dialog.action_buttons["done"].click()
    assert dialog.step_states[:3] == ["done", "current", "pending"]
    assert "Langkah selesai — layanan (Petugas Layanan)" in dialog.timeline.toPlainText()
    assert Application.get_by_id(app.id).current_step == 2
    assert dialog.message.text() == "Selesaikan langkah: tersimpan."


def type_reasons(monkeypatch, *texts):
    """Each reason dialog opened: type the texts in turn, pressing its button after each,
    until it closes; returns, per press, (its own message, still open, the window's message)."""
    presses = []

    def run(dialog):
        dialog.show()
        for text in texts:
            dialog.text_edit.setPlainText(text)
            dialog.ok_button.click()
            presses.append((dialog.message.text(), dialog.isVisible(),
                            dialog.parent().message.text()))
            if not dialog.isVisible():
                break
        else:
            dialog.reject()  # Batal
        return dialog.result()
    monkeypatch.setattr(ReasonDialog, "exec", run)
    return presses


def test_a_decision_without_comment_keeps_its_error_and_changes_nothing(qtbot, office,
                                                                         monkeypatch):
    app = advance_to(office, dtks_application(office), 4)
    events = StepEvent.select().count()
    dialog = detail(qtbot, office["head"], app)
    presses = type_reasons(monkeypatch, "  ", "Sesuai SIKS-NG")
    dialog.action_buttons["approve"].click()
    # The empty note is refused inside the note's dialog, which stays open; not behind it.
    assert presses[0] == ("Catatan: wajib diisi untuk persetujuan: tuliskan alasannya.",
                          True, "")
    assert presses[1][1] is False  # the second, with a note, saved and closed it
    assert dialog.message.text() == "Setujui: tersimpan."
    assert Application.get_by_id(app.id).current_step == 5
    assert StepEvent.select().count() == events + 1
    assert "Disetujui — kabid (Kepala)" in dialog.timeline.toPlainText()
    assert "Sesuai SIKS-NG" in dialog.timeline.toPlainText()


def test_a_cancelled_reason_changes_nothing(qtbot, office, monkeypatch):
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    presses = type_reasons(monkeypatch, "")
    dialog.action_buttons["withdraw"].click()
    assert presses == [("Catatan: wajib diisi untuk pencabutan: tuliskan alasannya.", True, "")]
    assert Application.get_by_id(app.id).state == "open" and dialog.message.text() == ""


def test_a_reason_refused_by_a_conflict_reloads_behind_the_dialog(qtbot, office,
                                                                  monkeypatch):
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    workflow.complete_step(office["clerk"], Application.get_by_id(app.id))  # other PC
    presses = type_reasons(monkeypatch, "KK asli belum dibawa", "KK asli belum dibawa")
    dialog.action_buttons["return"].click()
    assert "sudah diubah oleh layanan" in presses[0][0] and presses[0][1]  # kept open
    assert dialog.step_states[:2] == ["done", "current"]  # the window behind reloaded
    assert presses[1][1] is False  # tried again on the reloaded application: saved
    assert Application.get_by_id(app.id).state == "waiting"


def test_return_for_completion_shows_waiting(qtbot, office, monkeypatch):
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    type_reasons(monkeypatch, "KK asli belum dibawa")
    dialog.action_buttons["return"].click()
    assert Application.get_by_id(app.id).state == "waiting"
    assert dialog.state_label.text() == "Menunggu kelengkapan"
    assert dialog.waiting_label.text().startswith("Menunggu pemohon: ")
    assert list(dialog.action_buttons) == ["resume", "withdraw"]
    assert "menunggu kelengkapan" in dialog.timeline.toPlainText()
    dialog.action_buttons["resume"].click()
    assert Application.get_by_id(app.id).state == "open"
    assert "done" in dialog.action_buttons


def test_checklist_edit_completes_documents(qtbot, office):
    app = dtks_application(office)
    assert app.complete_at is None
    dialog = detail(qtbot, office["clerk"], app)
    status = dialog.check_model.index(0, STATE)
    assert status.data() == "Belum ada"
    view = dialog.check_table
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(status).center())  # the cell's combo box opens
    combo = view.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("ada"))
    combo.activated.emit(combo.currentIndex())  # as when the officer picks "Ada"
    assert Application.get_by_id(app.id).complete_at is not None
    assert status.data() == "Ada" and dialog.check_model.checks[0].state == "ada"
    assert "Berkas lengkap" in dialog.timeline.toPlainText()
    note = dialog.check_model.index(0, NOTE)
    assert dialog.check_model.setData(note, "fotokopi dilegalisir")
    assert RequirementCheck.get_by_id(dialog.check_model.checks[0].id).note == "fotokopi dilegalisir"
    assert note.data() == "fotokopi dilegalisir"
    head_view = detail(qtbot, office["head"], app).check_model
    assert not head_view.flags(head_view.index(0, STATE)) & Qt.ItemFlag.ItemIsEditable
    assert not head_view.setData(head_view.index(0, STATE), "kurang")


def test_attaching_a_bad_scan_shows_the_reason(qtbot, office, tmp_path, monkeypatch):
    settings.set_value(office["admin"], "attachments.max_mb", 1)
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    big = tmp_path / "kk.pdf"
    big.write_bytes(b"%PDF-1.4" + b"0" * (1024 * 1024 + 10))
    text = tmp_path / "catatan.txt"
    text.write_bytes(b"bukan pindaian")
    good = tmp_path / "ktp.png"
    good.write_bytes(PNG)
    chosen = iter([str(big), str(text), str(good)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(chosen), ""))
    dialog.add_scan_button.click()
    assert "melebihi batas 1 MB" in dialog.message.text()
    dialog.add_scan_button.click()
    assert dialog.message.text() == "Lampiran: berkas 'catatan.txt' bukan PDF, JPG atau PNG."
    assert not Attachment.select().exists()
    assert dialog.attachment_list is None and not dialog.no_attachments.isHidden()
    dialog.check_table.selectRow(0)
    dialog.add_scan_button.click()
    assert dialog.attachment_list.count() == 1 and dialog.no_attachments.isHidden()
    attachment = Attachment.get()
    assert attachment.filename == "ktp.png" and attachment.check.position == 1
    dialog.attachment_list.setCurrentRow(0)  # a PNG header without a picture
    assert dialog.preview_label.text().startswith("ktp.png\nGambar, 1 KB, tidak bisa")
    assert dialog.open_button.isEnabled()


def test_opening_an_abh_case_records_a_view(qtbot, office):
    app = workflow.register(office["worker"], service_catalog.get("mgl-abh"),
                                person=office["person"])
    dialog = detail(qtbot, office["head"], app)
    dialog.reload()  # a refresh is not a second reading
    views = list(AuditEntry.select().where((AuditEntry.action == "view")
                                           & (AuditEntry.record_id == app.id)))
    assert [v.username for v in views] == ["kabid"]
    assert dialog.history_dialog is None  # read only when asked for
    dialog.history_button.click()
    table = dialog.history_dialog.model
    history = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert "Berkas permohonan dibuka" in history and "Permohonan didaftarkan" in history
    assert dialog.history_dialog.isVisible()
    current = Application.get_by_id(app.id)
    check = workflow.checks_of(current)[0]
    workflow.set_check(office["worker"], current, check, "ada")  # by the case's worker
    dialog.refresh_button.click()  # the open history follows
    assert table.rowCount() == len(history) + 1
    assert any(table.item(r, 2).text() == "Persyaratan diperiksa"
               and "Status: Belum ada → Ada" in table.item(r, 3).text()
               for r in range(table.rowCount()))


def test_a_view_that_cannot_be_recorded_is_said(qtbot, office, monkeypatch):
    app = workflow.register(office["worker"], service_catalog.get("mgl-abh"),
                                person=office["person"])

    def refuse(actor, application):
        raise OperationalError("database is locked")

    monkeypatch.setattr(workflow, "record_view", refuse)
    dialog = detail(qtbot, office["head"], app)
    text = dialog.message.text()
    assert "belum tersimpan" in text and "Database menolak" in text
    assert "database is locked" not in text  # the driver's English stays in no message
    assert dialog.number_label.text() == app.reg_number  # the case itself is shown


def test_only_sensitive_cases_record_their_reading(qtbot, office, monkeypatch):
    recorded = []
    monkeypatch.setattr(workflow, "record_view",
                        lambda actor, application: recorded.append(application.id))
    detail(qtbot, office["head"], dtks_application(office))
    assert recorded == []  # a DTKS certificate: no background write at all
    abh = workflow.register(office["worker"], service_catalog.get("mgl-abh"),
                                person=office["person"])
    detail(qtbot, office["head"], abh)
    assert recorded == [abh.id]


def test_another_pc_moved_the_application(qtbot, office, monkeypatch):
    app = dtks_application(office)
    dialog = detail(qtbot, office["clerk"], app)
    workflow.complete_step(office["clerk"], Application.get_by_id(app.id))  # other PC
    dialog.action_buttons["done"].click()
    assert "sudah diubah oleh layanan" in dialog.message.text()
    assert Application.get_by_id(app.id).current_step == 2  # not moved twice
    assert dialog.step_states[:2] == ["done", "current"]  # reloaded


def test_person_dialog_conflict_keeps_typed_values(qtbot, office):
    person = office["person"]
    dialog = PersonDialog(session_of(office["clerk"]), person)
    qtbot.addWidget(dialog)
    people.update_person(office["worker"], Person.get_by_id(person.id), phone="08111111111")
    dialog.form.street_edit.setText("Jl. Baru 1")
    dialog.save_button.click()
    assert "diubah oleh peksos" in dialog.message.text()
    assert not dialog.reload_button.isHidden()
    dialog.reload_button.click()
    assert dialog.form.street_edit.text() == "Jl. Baru 1"
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = Person.get_by_id(person.id)
    assert saved.street == "Jl. Baru 1"


def test_the_detail_issues_the_same_queries_however_long_the_history(qtbot, office):
    from desktop.models import db

    def queries_to_open(app):
        seen = []
        original = db.obj.execute_sql
        db.obj.execute_sql = lambda *a, **k: seen.append(a[0]) or original(*a, **k)
        try:
            detail(qtbot, office["clerk"], app)
        finally:
            db.obj.execute_sql = original
        return len(seen)

    short = dtks_application(office)
    long = dtks_application(office)
    for _ in range(25):  # a long back-and-forth with the citizen
        long = workflow.decide(office["clerk"], long, "return", "KK belum dibawa")
        long = workflow.resume(office["clerk"], long, "KK dibawa")
    for check in workflow.checks_of(long):
        workflow.attach(office["clerk"], long, "scan.png", PNG, check)
    assert len(workflow.events_of(long)) > 50
    assert queries_to_open(long) == queries_to_open(short)
