"""A referral as its social worker and the administrator see it: the answer form refuses a
refusal without its reason and keeps what was typed, the panel then shows the answer; the
institution form offers only those that take the group; the institutions page counts who is
in care; every form marks all its empty required fields in one press."""
import datetime

from PySide6.QtWidgets import QDialog

from desktop.cases.rujukan import panel as referral_panel
from desktop.cases.rujukan import record
from desktop.models import Institution
from desktop.services.applications import assignment, workflow
from desktop.services.catalog import service_catalog
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.referrals import institutions_page
from desktop.views.shared.forms import REQUIRED_MARK
from desktop.views.shell.session import Session

from tests.factories import make_person, make_user
from tests.form_marks import label_of, message_under

RSJ = "Rumah Sakit Jiwa Prof. dr. Soerojo Magelang"


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def sent_referral():
    service_catalog.load_shipped()
    institutions.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
         "head": make_user("kadis", role=permissions.HEAD),
         "admin": make_user("admin", role=permissions.ADMIN)}
    app = workflow.register(o["clerk"], service_catalog.get("mgt-23-rekomendasi-odgj"),
                            person=make_person(name="Sumarni"))
    app = assignment.assign(o["head"], app, "peksos")
    today = timefmt.to_local(utcnow()).date()
    case = record.save_assessment(o["worker"], app, None, group="odgj",
                                  findings="Sering mengamuk.", assessed_on=today)
    rsj = Institution.get(Institution.name == RSJ)
    case = record.choose_institution(o["worker"], app, case, rsj.id)
    record.record_sending(o["worker"], app, case, sent_on=today)
    return o, app


def test_the_answer_form_asks_for_a_refusals_reason_and_the_panel_shows_it(qtbot, sqlite_db):
    o, app = sent_referral()
    dialog = ApplicationDetailDialog(session(o["worker"]), app.id)
    qtbot.addWidget(dialog)
    panel = dialog.case_section.panel
    assert "menunggu jawaban lembaga" in panel.label.text()
    assert "Menunggu jawaban 0 hari" in panel.label.text() and RSJ in panel.label.text()
    answer_button = next(b for b in panel.buttons if b.text() == "Catat jawaban lembaga…")
    assert answer_button.isVisibleTo(dialog)
    form = referral_panel.AnswerDialog(session(o["worker"]), app, record.read(app))
    qtbot.addWidget(form)
    form.answer.setCurrentIndex(form.answer.findData("diterima"))
    assert REQUIRED_MARK not in label_of(form.note)
    form.answer.setCurrentIndex(form.answer.findData("ditolak"))
    assert label_of(form.note).count("*") == 1  # a refusal's reason is asked
    form.save()
    assert not form.result()
    assert form.error.text().startswith("Keterangan jawaban:") and form.note.styleSheet()
    assert message_under(form.note)
    outcome = referral_panel.OutcomeDialog(session(o["worker"]), app, record.read(app))
    qtbot.addWidget(outcome)
    outcome.outcome.setCurrentIndex(outcome.outcome.findData("pindah"))
    assert label_of(outcome.note).count("*") == 1  # where they were moved to
    outcome.outcome.setCurrentIndex(outcome.outcome.findData("keluarga"))
    assert REQUIRED_MARK not in label_of(outcome.note)
    form.note.setPlainText("Kapasitas penuh sampai Januari.")
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    panel.show_record(app, record.read(app))
    assert "Ditolak" in panel.label.text() and "Kapasitas penuh" in panel.label.text()
    choose = next(b for b in panel.buttons if b.text() == "Pilih lembaga…")
    assert choose.isVisibleTo(dialog)  # refused: another institution may be chosen


def test_the_institution_form_offers_only_those_taking_the_group(qtbot, sqlite_db):
    o, app = sent_referral()
    form = referral_panel.InstitutionDialog(session(o["worker"]), app, record.read(app))
    qtbot.addWidget(form)
    offered = {form.choice.itemData(i) for i in range(form.choice.count())}
    assert offered == {i.id for i in institutions.accepting("odgj")}
    assert Institution.get(Institution.name.contains("BRSKW")).id not in offered
    assert not form.companions.isVisibleTo(form)  # a Rekomendasi: nobody takes them there


def test_the_institutions_page_counts_who_is_in_care(qtbot, sqlite_db):
    o, app = sent_referral()
    today = timefmt.to_local(utcnow()).date()
    record.record_answer(o["worker"], app, record.read(app), answer="diterima",
                         answer_on=today - datetime.timedelta(days=0))
    worker_page = institutions_page.InstitutionsPage(session(o["worker"]))
    qtbot.addWidget(worker_page)
    rows = {worker_page.model.item(r, 0).text(): r for r in range(worker_page.model.rowCount())}
    assert worker_page.model.item(rows[RSJ], 4).text() == "1"
    assert not worker_page.add_button.isVisibleTo(worker_page)
    page = institutions_page.InstitutionsPage(session(o["admin"]))
    qtbot.addWidget(page)
    # The administrator does not read referral cases: the count does not reveal them.
    assert page.model.item(rows[RSJ], 4).text() == "0"
    assert page.add_button.isVisibleTo(page)
    clerk_page = institutions_page.InstitutionsPage(session(o["clerk"]))
    qtbot.addWidget(clerk_page)
    assert not clerk_page.add_button.isVisibleTo(clerk_page)
    form = institutions_page.InstitutionDialog(session(o["admin"]), None, page)
    qtbot.addWidget(form)
    form.name.setText("Panti Wreda Budi Luhur")
    form.save()  # no group ticked: refused by field, the name kept
    assert not form.result() and form.error.text().startswith("Kelompok sasaran:")
    assert form.name.text() == "Panti Wreda Budi Luhur"
    form.groups["lansia"].setChecked(True)
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    page.refresh()
    assert page.model.rowCount() == len(rows) + 1


def test_every_referral_form_marks_its_required_fields_in_one_press(qtbot, sqlite_db):
    from desktop.views.shared.forms import REQUIRED_MARK
    from tests.cases.empty_forms import assert_marked_at_once, press_empty
    from tests.form_marks import label_of

    o, _ = sent_referral()
    app = workflow.register(o["clerk"], service_catalog.get("mgt-18-pendampingan-odgj"),
                            person=make_person(nik="3371011503850002", name="Parjo"))
    app = assignment.assign(o["head"], app, "peksos")
    worker = session(o["worker"])

    def pressed(dialog_class, case, required):
        form = dialog_class(worker, app, case)
        qtbot.addWidget(form)
        form.show()
        press_empty(form)
        assert_marked_at_once(form, required)
        return form

    form = pressed(referral_panel.AssessmentDialog, None, record.ASSESSMENT_REQUIRED)
    assert form.focusWidget() is form.assessed_on.line
    assert record.read(app) is None
    today = timefmt.to_local(utcnow()).date()
    case = record.save_assessment(o["worker"], app, None, group="odgj", findings="Mengamuk.",
                                  assessed_on=today)
    form = referral_panel.InstitutionDialog(worker, app, case)  # a choice always made
    qtbot.addWidget(form)
    assert REQUIRED_MARK in label_of(form.choice)
    case = record.choose_institution(o["worker"], app, case,
                                     Institution.get(Institution.name == RSJ).id)
    form = pressed(referral_panel.SendingDialog, case, record.sending_required(app))
    assert form.error.text().startswith("3 isian")
    case = record.record_sending(o["worker"], app, case, sent_on=today,
                                 companions="Yusuf (peksos)", transport="Mobil dinas")
    for dialog_class, required in ((referral_panel.AnswerDialog, record.ANSWER_REQUIRED),
                                   (referral_panel.VisitDialog, record.VISIT_REQUIRED),
                                   (referral_panel.OutcomeDialog, record.OUTCOME_REQUIRED)):
        pressed(dialog_class, case, required)
    case = record.read(app)
    assert (case.answer, case.outcome) == ("", "") and record.visits_of(app.id) == []
