"""The letter screens: drafting from an application, the queue per role, the letter dialog's
steps and documents, verification, and batch drafting in a worker thread with Batal."""
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from desktop.errors import PelitaError
from desktop.models import Letter
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.demo.letters_demo import complete
from desktop.services.letters import batch, lifecycle, pdf
from desktop.services.shared import permissions, timefmt
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.applications.applications_page import ApplicationsPage
from desktop.views.letters import letter_dialog
from desktop.views.letters.letter_batch import BatchLetterDialog
from desktop.views.letters.letter_dialog import LetterDialog
from desktop.views.letters.letters_page import LettersPage
from desktop.views.letters.verify_page import VerifyPage
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shell import workers
from desktop.views.shell.session import Session
from tests.factories import make_user, submit_complete
from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office
from tests.letters.test_letters_verification import tamper

HAS_CONVERTERS = shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None


@pytest.fixture
def office(sqlite_db):
    yield setup_office()
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """Other modals than message boxes (refused in conftest) would hang the run too."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {args[1:3]}")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", refuse)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)
    monkeypatch.setattr(letter_dialog, "QPrintDialog", refuse)
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)


@pytest.fixture
def no_libreoffice(monkeypatch):
    """As on most office PCs: no converter, so previews fall back to the DOCX (and are quick)."""
    def missing(_docx):
        raise PelitaError(pdf.NOT_AVAILABLE)
    monkeypatch.setattr(pdf, "docx_to_pdf", missing)


def session_of(user):
    return Session(user, "Tertanam (SQLite): test.db", "sqlite:///test.db")


def letter_dialog_for(qtbot, user, letter_id):
    dialog = LetterDialog(session_of(user), letter_id)
    qtbot.addWidget(dialog)
    return dialog


def click(qtbot, button):
    assert button.isVisibleTo(button.window()), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def state_of(letter_id):
    return Letter.get_by_id(letter_id).state


def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


# --- drafting from an application to the signed letter ----------------------------------------

def test_buat_surat_edit_paraf_sign_and_save(qtbot, office, no_libreoffice, monkeypatch,
                                             tmp_path):
    o = office
    head_view = ApplicationDetailDialog(session_of(o["head"]), o["application"].id)
    qtbot.addWidget(head_view)
    assert head_view.letter_button.isHidden()  # a kepala signs letters, does not draft them

    opened = []

    def choose(chooser):
        assert chooser.choice_combo.count() == 3  # SLRT: health, education, BPNT
        chooser.choice_combo.setCurrentIndex(1)
        chooser.signer_combo.setCurrentIndex(chooser.signer_combo.findData(o["head"].id))
        chooser.signing_combo.setCurrentIndex(chooser.signing_combo.findData("a.n."))
        click(qtbot, chooser.create_button)
        return QDialog.DialogCode.Accepted

    def keep_open(dialog):
        qtbot.addWidget(dialog)
        opened.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_dialog.DraftLetterDialog, "exec", choose)
    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", keep_open)
    detail = ApplicationDetailDialog(session_of(o["clerk"]), o["application"].id)
    qtbot.addWidget(detail)
    click(qtbot, detail.letter_button)
    assert "Konsep surat dibuat" in detail.message.text()

    dialog = opened[0]
    letter_id = dialog.letter_id
    assert dialog.letter.state == "draft" and dialog.letter.signer_id == o["head"].id
    assert dialog.field_value("aid_type") == "Bantuan Sosial Pendidikan"
    assert dialog.field_value("person_name") == "Agus Prasetyo"  # from the applicant
    assert "LibreOffice" in dialog.preview.status.text()  # the service's message
    assert dialog.preview.open_button.isVisibleTo(dialog)
    assert [n for n, b in dialog.action_buttons.items() if b.isVisibleTo(dialog)] == ["submit"]

    dialog.set_field("aid_purpose", "biaya sekolah SMP Negeri 1 & <SMA>")
    dialog.set_field("tembusan", "Lurah Magersari\n\nArsip")
    click(qtbot, dialog.save_button)
    assert "tersimpan" in dialog.message.text()
    stored = lifecycle.free_text(Letter.get_by_id(letter_id))
    assert stored["aid_purpose"] == "biaya sekolah SMP Negeri 1 & <SMA>"
    assert stored["tembusan"] == ["Lurah Magersari", "Arsip"]
    assert "person_name" not in stored  # untouched parts keep following the application

    dialog.subject_edit.setText("")
    click(qtbot, dialog.action_buttons["submit"])  # unsaved edits are saved first: refused
    assert dialog.message.text().startswith("Hal:") and state_of(letter_id) == "draft"
    dialog.subject_edit.setText("Rekomendasi bantuan pendidikan")
    click(qtbot, dialog.action_buttons["submit"])  # the addressee is still blank: refused
    assert "masih kosong" in dialog.message.text() and "Yth." in dialog.message.text()
    assert state_of(letter_id) == "draft"
    dialog.set_field("addressee", "Kepala Dinas Pendidikan Kota Depok")
    dialog.set_field("dtks_status", "Terdaftar dalam DTKS")
    dialog.set_field("survey_summary", "Layak dibantu menurut kunjungan rumah 20 November 2026")
    click(qtbot, dialog.action_buttons["submit"])
    assert state_of(letter_id) == "waiting_paraf", dialog.message.text()
    assert Letter.get_by_id(letter_id).subject == "Rekomendasi bantuan pendidikan"
    assert dialog.save_button.isHidden() and dialog.subject_edit.isReadOnly()

    # the chosen signer may not initial their own letter; another kepala does
    signer_view = letter_dialog_for(qtbot, o["head"], letter_id)
    assert signer_view.action_buttons["paraf"].isHidden()
    verifier = letter_dialog_for(qtbot, o["coordinator"], letter_id)
    click(qtbot, verifier.action_buttons["paraf"])
    assert state_of(letter_id) == "waiting_signature"
    assert verifier.action_buttons["sign"].isHidden()  # not addressed to the coordinator

    # The capacity chosen when drafting is the one initialled; the kepala who would sign as
    # Plh. instead changes it, and the letter goes back for a new paraf.
    signer_view = letter_dialog_for(qtbot, o["head"], letter_id)
    assert signer_view.signing_combo.currentData() == "a.n."
    assert signer_view.signing_combo.isEnabled() and signer_view.save_button.isVisibleTo(
        signer_view)
    signer_view.signing_combo.setCurrentIndex(signer_view.signing_combo.findData("Plh."))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or
                        QMessageBox.StandardButton.Yes)
    click(qtbot, signer_view.action_buttons["sign"])  # not saved: not what was initialled
    assert state_of(letter_id) == "waiting_signature" and "belum disimpan" in \
        signer_view.message.text() and not asked
    click(qtbot, signer_view.save_button)
    assert "paraf ulang" in asked[0]
    changed = Letter.get_by_id(letter_id)
    assert (changed.state, changed.signing_as, changed.paraf_by_id) == \
        ("waiting_paraf", "Plh.", None)
    verifier = letter_dialog_for(qtbot, o["coordinator"], letter_id)
    click(qtbot, verifier.action_buttons["paraf"])
    signer_view = letter_dialog_for(qtbot, o["head"], letter_id)
    click(qtbot, signer_view.action_buttons["sign"])
    signed = Letter.get_by_id(letter_id)
    assert signed.state == "signed" and signed.signing_as == "Plh." and signed.number
    assert "Plh. Kepala Dinas" in asked[-1] and signed.number in signer_view.message.text()
    assert signed.number in signer_view.title_label.text()

    clerk_view = letter_dialog_for(qtbot, o["clerk"], letter_id)
    target = tmp_path / "surat"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, clerk_view.docx_button)
    saved = target.with_name("surat.docx")
    assert saved.read_bytes() == bytes(signed.final_docx)  # exactly the stored bytes
    assert clerk_view.field_value("aid_purpose") == "biaya sekolah SMP Negeri 1 & <SMA>"

    handed = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: handed.append(url) or True)
    click(qtbot, clerk_view.word_button)
    assert Path(handed[0].toLocalFile()).read_bytes() == bytes(signed.final_docx)
    click(qtbot, clerk_view.action_buttons["hand_over"])
    assert state_of(letter_id) == "handed_over" and clerk_view.changed


def test_return_needs_a_note_and_shows_it_to_the_drafter(qtbot, office, no_libreoffice,
                                                         monkeypatch):
    o = office
    letter = submit_complete(o["clerk"], lifecycle.draft(o["clerk"], o["application"],
                                                          signer=o["head"]))
    verifier = letter_dialog_for(qtbot, o["coordinator"], letter.id)
    seen = []

    def type_notes(dialog):  # an empty note first: refused inside the note's dialog
        dialog.show()
        for note in ("  ", "Keperluan bantuan belum jelas."):
            dialog.text_edit.setPlainText(note)
            dialog.ok_button.click()
            seen.append((dialog.message.text(), dialog.isVisible(), state_of(letter.id)))
        return dialog.result()
    monkeypatch.setattr(ReasonDialog, "exec", type_notes)
    click(qtbot, verifier.action_buttons["return"])
    assert "Catatan pengembalian" in seen[0][0] and seen[0][1:] == (True, "waiting_paraf")
    assert "Catatan pengembalian" not in verifier.message.text()  # not behind the dialog
    assert seen[1][1:] == (False, "returned")

    drafter = letter_dialog_for(qtbot, o["clerk"], letter.id)
    assert drafter.note_label.isVisibleTo(drafter)
    assert "Keperluan bantuan belum jelas." in drafter.note_label.text()
    assert not drafter.save_button.isHidden()  # a returned letter is edited again

    # unsaved edits are not dropped silently on close
    drafter.set_field("aid_purpose", "berobat")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Save)
    drafter.reject()
    assert lifecycle.free_text(Letter.get_by_id(letter.id))["aid_purpose"] == "berobat"


def test_signing_refusal_is_shown_and_changes_nothing(qtbot, office, no_libreoffice,
                                                      monkeypatch):
    o = office
    letter = ready_to_sign(o)
    from desktop.models import User

    User.update(nip="").where(User.id == o["head"].id).execute()
    head = User.get_by_id(o["head"].id)
    dialog = letter_dialog_for(qtbot, head, letter.id)
    yes(monkeypatch)
    click(qtbot, dialog.action_buttons["sign"])
    assert "NIP" in dialog.message.text()
    assert state_of(letter.id) == "waiting_signature" and Letter.get_by_id(letter.id).number \
        is None


# --- the queue -------------------------------------------------------------------------------

def letters_in_every_state(o):
    def draft():
        return lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    made = {"draft": draft()}
    made["waiting_paraf"] = submit_complete(o["clerk"], draft())
    made["returned"] = lifecycle.return_letter(
        o["coordinator"], submit_complete(o["clerk"], draft()), "Perbaiki keperluan.")
    made["waiting_signature"] = ready_to_sign(o)
    made["signed"] = lifecycle.sign(o["head"], ready_to_sign(o))
    made["handed_over"] = lifecycle.hand_over(o["clerk"],
                                              lifecycle.sign(o["head"], ready_to_sign(o)))
    return {state: letter.id for state, letter in made.items()}


def open_queue(qtbot, user):
    page = LettersPage(session_of(user))
    qtbot.addWidget(page)
    return page


def tab_states(page):
    return [page.tabs.tabData(i) for i in range(page.tabs.count())]


def test_queue_shows_each_letter_under_its_state_for_each_role(qtbot, office, no_libreoffice):
    o = office
    ids = letters_in_every_state(o)

    clerk = open_queue(qtbot, o["clerk"])
    assert tab_states(clerk) == ["draft", "returned", "signed", "all"]
    assert clerk.tabs.tabText(0) == "Konsep (1)" and clerk.tabs.tabText(1) == "Dikembalikan (1)"
    assert clerk.letter_ids() == [ids["draft"]]
    assert clerk.select_state("returned") and clerk.letter_ids() == [ids["returned"]]
    assert "Perbaiki keperluan." in clerk.note_label.text()
    assert clerk.select_state("signed") and clerk.letter_ids() == [ids["signed"]]
    assert not clerk.select_state("waiting_paraf")
    assert clerk.select_state(None) and sorted(clerk.letter_ids()) == sorted(ids.values())

    signer = open_queue(qtbot, o["head"])
    assert tab_states(signer) == ["waiting_paraf", "waiting_signature", "all"]
    # Nothing for the signer to initial (the paraf is the coordinator's): the page opens on
    # the letter waiting for their signature.
    assert signer.current_state() == "waiting_signature"
    assert signer.letter_ids() == [ids["waiting_signature"]]
    assert signer.select_state("waiting_paraf") and signer.letter_ids() == []
    # the coordinator is a kepala too, but the letter waits for the head's signature
    coordinator = open_queue(qtbot, o["coordinator"])
    assert coordinator.letter_ids() == [ids["waiting_paraf"]]
    assert coordinator.select_state("waiting_signature") and coordinator.letter_ids() == []
    assert "Tidak ada surat" in coordinator.count_label.text()

    admin = open_queue(qtbot, o["admin"])
    assert tab_states(admin) == ["all"] and not admin.hint.isHidden()
    assert len(admin.letter_ids()) == 6


def test_queue_opens_a_letter_and_refreshes_after_it_moves(qtbot, office, no_libreoffice,
                                                          monkeypatch):
    o = office
    letter = complete(o["clerk"], lifecycle.draft(o["clerk"], o["application"],
                                                  signer=o["head"]))
    page = open_queue(qtbot, o["clerk"])
    assert page.current_letter_id() == letter.id
    assert "LibreOffice" in page.preview.status.text()

    def submit_and_close(dialog):
        click(qtbot, dialog.action_buttons["submit"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_dialog.LetterDialog, "exec", submit_and_close)
    changed = []
    page.data_changed.connect(lambda: changed.append(True))
    click(qtbot, page.open_button)
    assert changed and page.letter_ids() == []  # gone from Konsep: waiting for paraf


def test_preview_without_libreoffice_offers_the_document(qtbot, office, no_libreoffice,
                                                         monkeypatch):
    o = office
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    page = open_queue(qtbot, o["clerk"])
    page.select_state("signed")
    assert page.preview.status.text() == pdf.NOT_AVAILABLE
    assert page.preview.page_labels() == []
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    click(qtbot, page.preview.open_button)
    assert opened[0].toLocalFile().endswith(".docx")
    assert Path(opened[0].toLocalFile()).read_bytes() == bytes(Letter.get_by_id(signed.id)
                                                                .final_docx)


def test_preview_without_poppler_says_so(qtbot, office, monkeypatch):
    o = office
    lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    monkeypatch.setattr(pdf, "docx_to_pdf", lambda data: b"%PDF-1.4 fake")
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which",
                        lambda name: None if name == "pdftoppm" else real_which(name))
    page = open_queue(qtbot, o["clerk"])
    assert "pdftoppm" in page.preview.status.text()
    assert not page.preview.open_button.isHidden()


@pytest.mark.skipif(not HAS_CONVERTERS, reason="LibreOffice or poppler not installed")
def test_preview_pages_print_and_pdf_with_libreoffice(qtbot, office, monkeypatch, tmp_path):
    o = office
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    page = open_queue(qtbot, o["clerk"])
    page.select_state("signed")
    labels = page.preview.page_labels()
    assert len(labels) >= 1 and not labels[0].pixmap().isNull()
    assert "halaman" in page.preview.status.text()

    dialog = letter_dialog_for(qtbot, o["clerk"], signed.id)
    printed = tmp_path / "cetak.pdf"

    class FakePrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_dialog, "QPrintDialog", FakePrintDialog)
    click(qtbot, dialog.print_button)
    assert "dikirim ke printer" in dialog.message.text()
    assert printed.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(len(labels))

    target = tmp_path / "surat.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, dialog.pdf_button)
    assert target.read_bytes() == bytes(Letter.get_by_id(signed.id).pdf)


def test_printing_without_libreoffice_points_to_the_word_processor(qtbot, office,
                                                                   no_libreoffice,
                                                                   monkeypatch):
    o = office
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    dialog = letter_dialog_for(qtbot, o["clerk"], signed.id)

    class FakePrintDialog:
        def __init__(self, printer, parent=None):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(letter_dialog, "QPrintDialog", FakePrintDialog)
    click(qtbot, dialog.print_button)
    assert "LibreOffice" in dialog.message.text() and "pengolah kata" in dialog.message.text()
    assert dialog.print_button.isEnabled()


# --- verification ------------------------------------------------------------------------------

def test_verify_page_accepts_the_real_code_and_reports_tampered_and_unknown(qtbot, office):
    o = office
    signed = lifecycle.sign(o["head"], ready_to_sign(o, signing_as="Plt."))
    page = VerifyPage(session_of(o["clerk"]))
    qtbot.addWidget(page)
    assert "Belum ada" in page.headline.text()

    shown = lifecycle.letter_context.format_code(signed.verification_code)
    page.code_edit.setText(lifecycle.QR_PREFIX + shown)  # pasted from a QR scanner: at once
    assert page.result.found and page.result.intact
    assert "#1e6b35" in page.panel.styleSheet()  # green
    assert page.values["number"].text() == signed.number
    assert page.values["signer"].text() == "Plt. Kabid Santoso"
    assert page.values["signer_nip"].text() == "19700512 199503 1 002"
    assert page.values["subject"].text() == signed.subject
    assert page.values["date"].text().endswith(str(signed.year))
    assert page.open_button.isVisibleTo(page)

    page.code_edit.setText(shown.lower().replace("-", " "))
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)
    assert page.result.found and page.result.intact

    original = bytes(Letter.get_by_id(signed.id).final_docx)
    tamper(signed.id, original[:-1] + bytes([original[-1] ^ 1]))
    page.check()
    assert page.result.found and not page.result.intact
    assert "#b3261e" in page.panel.styleSheet()  # red
    assert "diubah" in page.headline.text() and "PERINGATAN" in page.message.text()
    assert page.values["number"].text() == signed.number

    page.code_edit.setText("ABCD-EFGH-JKMN")
    assert not page.result.found and "#b3261e" in page.panel.styleSheet()
    assert "tidak dikenal" in page.headline.text() and "tidak terdaftar" in page.message.text()
    assert page.values["number"].text() == "" and page.form_widget.isHidden()

    page.code_edit.setText("0O1I-xx")
    page.check()
    assert "bukan kode verifikasi" in page.message.text() and "#b3261e" in page.panel.styleSheet()


def test_a_kepala_revokes_from_the_letter_dialog_and_the_reason_is_required(qtbot, office,
                                                                            no_libreoffice,
                                                                            monkeypatch):
    from desktop.views.letters import letters_page

    o = office
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    assert "revoke" not in letter_dialog.available_actions(o["clerk"], signed)
    head_view = letter_dialog_for(qtbot, o["head"], signed.id)
    seen = []

    def fill(dialog):
        qtbot.addWidget(dialog)
        seen.append(dialog)
        click(qtbot, dialog.revoke_button)  # no reason: refused, the dialog stays
        assert "Alasan pencabutan" in dialog.message.text() and not dialog.message.isHidden()
        assert dialog.letter is None and dialog.result() != QDialog.DialogCode.Accepted
        assert state_of(signed.id) == "signed"
        dialog.reason_edit.setPlainText("Surat dibuat untuk permohonan yang salah.")
        click(qtbot, dialog.revoke_button)
        return dialog.result()

    monkeypatch.setattr(letter_dialog.RevokeLetterDialog, "exec", fill)
    click(qtbot, head_view.action_buttons["revoke"])
    assert seen and signed.number in seen[0].intro.text()
    assert state_of(signed.id) == "revoked" and head_view.changed
    assert head_view.state_label.text() == "Dicabut" and "#b3261e" in \
        head_view.state_label.styleSheet()
    assert "permohonan yang salah" in head_view.note_label.text()
    assert head_view.note_label.isVisibleTo(head_view)
    assert "dicabut" in head_view.message.text()
    assert head_view.action_buttons["revoke"].isHidden()
    clerk_view = letter_dialog_for(qtbot, o["clerk"], signed.id)
    assert clerk_view.action_buttons["hand_over"].isHidden()  # never handed over now
    rows, _, _ = letters_page.queue_rows(o["clerk"], None)  # still listed, as Dicabut
    assert [r[4][letters_page.COL_STATE] for r in rows if r[0] == signed.id] == ["Dicabut"]

    page = VerifyPage(session_of(o["clerk"]))
    qtbot.addWidget(page)
    page.code_edit.setText(lifecycle.letter_context.format_code(signed.verification_code))
    assert page.result.found and page.result.revoked
    assert "#b3261e" in page.panel.styleSheet() and "dicabut" in page.headline.text()
    assert "permohonan yang salah" in page.values["revoked"].text()
    assert page.form.isRowVisible(page.values["revoked"])


# --- batch ------------------------------------------------------------------------------------

def more_applications(o, count):
    return [workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"]).id
            for _ in range(count)]


def test_batch_dialog_drafts_and_reports_failures(qtbot, office):
    o = office
    ids = [o["application"].id] + more_applications(o, 2)
    withdrawn = workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"])
    workflow.withdraw(o["clerk"], withdrawn, "Pemohon pindah")
    dialog = BatchLetterDialog(session_of(o["clerk"]), ids + [withdrawn.id])
    qtbot.addWidget(dialog)
    dialog.signer_combo.setCurrentIndex(dialog.signer_combo.findData(o["head"].id))
    click(qtbot, dialog.start_button)
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == 4
    assert len(dialog.result.created) == 3 and len(dialog.result.failed) == 1
    report = dialog.report.toPlainText()
    assert withdrawn.reg_number in report and "dicabut" in report
    assert "3 konsep surat dibuat, 1 gagal" in dialog.status.text()
    assert Letter.select().where(Letter.signer == o["head"].id).count() == 3
    assert dialog.cancel_button.text() == "Tutup"


def test_batch_in_a_real_thread_reaches_100_percent(qtbot, office, monkeypatch):
    o = office
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    ids = [o["application"].id] + more_applications(o, 3)
    dialog = BatchLetterDialog(session_of(o["clerk"]), ids)
    qtbot.addWidget(dialog)
    seen = []
    dialog.progress_bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.finished_batch, timeout=20000):
        click(qtbot, dialog.start_button)
        assert dialog.running  # start() returned at once: the work is elsewhere
    assert workers.wait_for_all(5000)
    assert dialog.progress_bar.value() == 4 and dialog.progress_bar.text().endswith("(100%)")
    assert seen == [1, 2, 3, 4]
    assert len(dialog.result.created) == 4 and not dialog.result.cancelled
    assert Letter.select().count() == 4


def test_batch_cancel_midway_leaves_the_rest_undone(qtbot, office, monkeypatch):
    o = office
    monkeypatch.setattr(workers, "SYNCHRONOUS", False)
    ids = [o["application"].id] + more_applications(o, 7)
    dialog = BatchLetterDialog(session_of(o["clerk"]), ids)
    qtbot.addWidget(dialog)
    real_draft = batch.lifecycle.draft
    calls = []
    ui_thread = threading.current_thread()

    def slow_draft(*args, **kwargs):
        calls.append(threading.current_thread())
        if len(calls) == 3:  # hold the third until Batal is pressed
            assert dialog._cancel.wait(10)
        return real_draft(*args, **kwargs)

    monkeypatch.setattr(batch.lifecycle, "draft", slow_draft)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() == 2, timeout=10000)
    # The worker is inside the third draft (on a busy machine it may not be there yet when
    # the bar shows two: Batal pressed then stops it before the third, and there are two).
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=10000)
    assert dialog.running and dialog.cancel_button.isEnabled()  # the dialog still answers
    click(qtbot, dialog.cancel_button)
    assert "Membatalkan" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert workers.wait_for_all(5000)
    assert all(thread is not ui_thread for thread in calls)
    assert dialog.result.cancelled and len(dialog.result.created) == 3
    assert dialog.progress_bar.value() == 3 < dialog.progress_bar.maximum()
    assert Letter.select().count() == 3
    assert "dibatalkan" in dialog.status.text() and "5 permohonan tidak dikerjakan" in \
        dialog.report.toPlainText()


def test_applications_page_batch_action_for_selected_rows(qtbot, office, monkeypatch):
    o = office
    more_applications(o, 2)
    page = ApplicationsPage(session_of(o["clerk"]))
    qtbot.addWidget(page)
    assert not page.batch_button.isHidden() and not page.batch_button.isEnabled()
    page.view.selectRow(0)
    page.view.selectionModel().select(
        page.model.index(2, 0), page.view.selectionModel().SelectionFlag.Select
        | page.view.selectionModel().SelectionFlag.Rows)
    assert page.batch_button.isEnabled() and page.batch_button.text().endswith("(2)")
    expected = [page.model.application_id(0), page.model.application_id(2)]
    chosen = []
    monkeypatch.setattr(BatchLetterDialog, "exec",
                        lambda self: chosen.append(self.application_ids) or 0)
    click(qtbot, page.batch_button)
    assert chosen == [expected]

    kepala = ApplicationsPage(session_of(o["head"]))
    qtbot.addWidget(kepala)
    assert kepala.batch_button.isHidden()


def test_letter_sections_by_role(office):
    from desktop.views.shell.sections import visible_sections

    keys = [s.key for s in visible_sections(office["admin"])]
    assert "surat" in keys and "verifikasi" in keys
    viewer = make_user("tamu", role=permissions.DUTY_OFFICER)
    assert {"surat", "verifikasi"} <= {s.key for s in visible_sections(viewer)}
