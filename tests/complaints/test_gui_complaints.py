"""The complaints register as staff use it: a LAPOR! complaint without its ticket is refused
beside the field and keeps what was typed; recorded, it is listed with its clock; the kepala
routes it and the handler verifies it from the page; a clerk sees a confidential complainant
as "Dirahasiakan"."""
import datetime

from desktop.models import Complaint
from desktop.services.complaints import complaints
from desktop.services.shared import permissions
from desktop.views.complaints import complaint_forms
from desktop.views.complaints.complaints_page import ComplaintsPage
from desktop.views.shell.session import Session
from tests.factories import make_office


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def page_for(qtbot, user):
    page = ComplaintsPage(session(user))
    qtbot.addWidget(page)
    return page


def test_recording_refusing_routing_and_verifying(qtbot, sqlite_db, monkeypatch):
    o = make_office()
    dialog = complaint_forms.RecordDialog(session(o["clerk"]))
    qtbot.addWidget(dialog)
    dialog.channel.setCurrentIndex(dialog.channel.findData("lapor"))
    dialog.subject.setText("Bantuan sembako belum diterima")
    dialog.category.setCurrentIndex(dialog.category.findData("bantuan"))
    dialog.identity.setCurrentIndex(dialog.identity.findData("rahasia"))
    dialog.name.setText("Sri Wahyuni")
    assert not dialog.ticket.isHidden()  # the ticket row shows for LAPOR! only
    dialog.save()
    assert dialog.result() == 0 and "Nomor tiket LAPOR!" in dialog.error.text()
    assert dialog.ticket.styleSheet() and dialog.subject.text() == "Bantuan sembako belum diterima"
    assert Complaint.select().count() == 0
    dialog.ticket.setText("LPR4821775")
    dialog.save()
    assert dialog.result() == 1 and Complaint.select().count() == 1

    clerk_page = page_for(qtbot, o["clerk"])
    assert clerk_page.model.rowCount() == 1
    cells = [clerk_page.model.item(0, c).text() for c in range(clerk_page.model.columnCount())]
    assert "Dirahasiakan" in cells and "Sri Wahyuni" not in " ".join(cells)
    assert cells[-1].startswith("Verifikasi:")
    assert "Sri Wahyuni" not in clerk_page.detail.text()
    assert not clerk_page.actions["verify"].isVisibleTo(clerk_page)  # not the handler

    head_page = page_for(qtbot, o["head"])
    assert "Sri Wahyuni" in head_page.detail.text()
    assert head_page.actions["route"].isVisibleTo(head_page)

    def route_to_worker(self):
        self.handler.setCurrentIndex(self.handler.findData("peksos"))
        self.save()
        return self.result()

    monkeypatch.setattr(complaint_forms.RouteDialog, "exec", route_to_worker)
    head_page.actions["route"].click()
    assert complaints.get(o["head"], Complaint.get().id).handler == "peksos"

    worker_page = page_for(qtbot, o["worker"])
    assert "Sri Wahyuni" in worker_page.detail.text()  # the handler reads the name
    assert worker_page.actions["verify"].isVisibleTo(worker_page)

    def verify(self):
        self.save()
        return self.result()

    monkeypatch.setattr(complaint_forms.VerifyDialog, "exec", verify)
    worker_page.actions["verify"].click()
    saved = Complaint.get()
    assert saved.state == "diverifikasi" and saved.file_complete_on == datetime.date.today()
    assert worker_page.model.item(0, 8).text() == "Diverifikasi"
    assert worker_page.model.item(0, 9).text().startswith("Tindak lanjut:")


def test_the_late_filter_lists_only_complaints_past_their_clock(qtbot, sqlite_db):
    o = make_office()
    now = datetime.datetime.now().replace(second=0, microsecond=0)
    for days_ago, subject in ((40, "Lama sekali"), (0, "Baru hari ini")):
        complaints.record(o["clerk"], kind="pengaduan", channel="telepon", subject=subject,
                          category="waktu", name="Ani",
                          received_at=now - datetime.timedelta(days=days_ago))
    page = page_for(qtbot, o["head"])
    assert page.model.rowCount() == 2
    page.show_only("terlambat")
    assert page.model.rowCount() == 1 and page.model.item(0, 4).text() == "Lama sekali"
    assert permissions.can(o["clerk"], "complaints.record")


def test_a_complaint_about_an_application_shows_on_it(qtbot, sqlite_db):
    from desktop.services.applications import workflow
    from desktop.services.catalog import service_catalog
    from desktop.views.applications.application_detail import ApplicationDetailDialog

    o = make_office()
    app = workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"])
    dialog = ApplicationDetailDialog(session(o["clerk"]), app.id)
    qtbot.addWidget(dialog)
    assert dialog.complaints_label.isHidden()
    made = complaints.record(o["clerk"], kind="pengaduan", channel="whatsapp",
                             subject="Rekomendasi SLRT belum selesai", category="waktu",
                             about="permohonan", reg_number=app.reg_number, name="Agus")
    dialog.reload()
    assert not dialog.complaints_label.isHidden()
    assert made.number in dialog.complaints_label.text()
    assert "Rekomendasi SLRT belum selesai" in dialog.complaints_label.text()


def test_the_handler_drafts_the_reply_letter_from_the_page(qtbot, sqlite_db, monkeypatch):
    """"Buat surat jawaban" for the handler only; the draft opens in the letter window and is
    listed on the complaint; once signed, the reply form offers its number."""
    from desktop.services.letters import lifecycle
    from desktop.views.letters import letter_dialog
    from tests.factories import make_user

    o = make_office()
    kadis = make_user("kadis", role=permissions.HEAD, nip="197203151998032005",
                      position="Kepala Dinas Sosial")
    c = complaints.record(o["clerk"], kind="saran", channel="email", subject="Tambah kursi",
                          category="sarana", name="Sri Wahyuni", identity="rahasia")
    complaints.route(o["head"], c, "peksos")
    clerk_page = page_for(qtbot, o["clerk"])
    assert not clerk_page.actions["draft_reply"].isVisibleTo(clerk_page)
    page = page_for(qtbot, o["worker"])
    assert page.actions["draft_reply"].isVisibleTo(page)
    opened = []

    def choose_signer(self):
        self.signer_combo.setCurrentIndex(self.signer_combo.findData(kadis.id))
        self.create()
        return self.result()

    monkeypatch.setattr(letter_dialog.DraftLetterDialog, "exec", choose_signer)
    monkeypatch.setattr(letter_dialog.LetterDialog, "exec",
                        lambda self: opened.append(self.letter.id) or 0)
    page.actions["draft_reply"].click()
    letter = lifecycle.queue(o["worker"], "draft")[0]
    assert opened == [letter.id] and letter.complaint_id == c.id
    assert "Surat jawaban" in page.detail.text() and "konsep (konsep)" in page.detail.text()
    assert page.actions["open_reply"].isVisibleTo(page)
    clerk_page.refresh()  # a clerk who does not handle it sees no letter to a confidential one
    assert "Surat jawaban" not in clerk_page.detail.text()
    assert not clerk_page.actions["open_reply"].isVisibleTo(clerk_page)

    letter = lifecycle.edit(o["worker"], letter, fields={"reply_paragraphs": [
        "Kursi tunggu ditambah sepuluh buah mulai Senin."]})
    letter = lifecycle.paraf(o["head"], lifecycle.submit(o["worker"], letter))
    letter = lifecycle.sign(kadis, letter)
    page.refresh()
    assert letter.number in page.detail.text()
    form = complaint_forms.ResolveDialog(session(o["worker"]), complaints.get(o["worker"], c.id))
    qtbot.addWidget(form)
    assert form.reference.text() == letter.number
    assert form.reply_kind.currentData() == "surat" and not form.reference.isHidden()
    # A second reply is asked for first, naming the one already signed.
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(
        text) or QMessageBox.StandardButton.No)
    page.actions["draft_reply"].click()
    assert letter.number in asked[0]
    from desktop.models import Letter

    assert [m.id for m in Letter.select().where(Letter.complaint == c.id)] == [letter.id]
