"""The children's cases as their workers see them: the adoption form across its tabs (a
refusal opens the tab at fault and keeps what was typed; one press marks every field at fault
on every tab), the stage form, the eligibility rules in the case section with a kepala's
override, the ABH countdown, and the kepala's assignment."""
import datetime

from PySide6.QtWidgets import QDialog

from desktop.cases.abh import panel as abh_panel
from desktop.cases.abh import record as abh_record
from desktop.cases.adopsi import panel as adoption_panel
from desktop.cases.adopsi import record as adoption
from desktop.cases.adopsi.model import AdoptionCase
from desktop.services.applications import assignment, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.views.applications import assignment_row
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.cases import case_section
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session

from tests.cases.test_adopsi import HUSBAND, WIFE, child, facts
from tests.factories import make_person, make_user
from tests.form_marks import label_of, message_under


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def office():
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
            "head": make_user("kadis", role=permissions.HEAD)}


def adoption_app(o):
    person = make_person(nik=HUSBAND["nik"], name=HUSBAND["name"],
                         birth_date=datetime.date(1984, 7, 15))
    app = workflow.register(o["clerk"], service_catalog.get("mgl-pengangkatan-anak"),
                            person=person)
    return assignment.assign(o["head"], app, "peksos")


def test_the_adoption_form_shows_the_tab_at_fault(qtbot, sqlite_db):
    o = office()
    app = adoption_app(o)
    form = adoption_panel.AdoptionDialog(session(o["worker"]), app)
    qtbot.addWidget(form)
    form.child_name.setText("Muhammad Rizki")
    form.child_birth.setDate(datetime.date.today() - datetime.timedelta(days=700))
    form.child_sex.setCurrentIndex(form.child_sex.findData("L"))
    form.child_religion.setCurrentIndex(form.child_religion.findData("Islam"))
    form.lives.setCurrentIndex(form.lives.findData("lksa"))
    form.place.setText("LKSA Darul Hadlonah")
    for who, values in (("husband", HUSBAND), ("wife", WIFE)):
        fields = form.spouse[who]
        fields["nik"].setText(values["nik"])
        fields["name"].setText(values["name"])
        fields["religion"].setCurrentIndex(fields["religion"].findData(values["religion"]))
    form.tabs.setCurrentIndex(0)
    form.save()  # no marriage date: the COTA tab is shown, the field named
    assert not form.result()
    assert form.tabs.currentIndex() == 1
    assert form.error.text().startswith("Tanggal perkawinan:") and form.marriage.styleSheet()
    assert form.child_name.text() == "Muhammad Rizki"  # nothing typed is lost
    form.marriage.setDate(datetime.date(2012, 6, 9))
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert adoption.read(app).child.name == "Muhammad Rizki"



def test_one_press_marks_every_required_field_on_every_tab(qtbot, sqlite_db):
    o = office()
    app = adoption_app(o)
    form = adoption_panel.AdoptionDialog(session(o["worker"]), app)
    qtbot.addWidget(form)
    form.show()
    for label in adoption.REQUIRED:
        assert REQUIRED_MARK in label_of(form.errors.fields[label]), label
    form.tabs.setCurrentIndex(2)
    form.save_button.click()
    assert not form.result()
    # The drop-downs always hold a choice; everything else required is marked at once.
    empty = [label for label in adoption.REQUIRED
             if label not in ("Status anak", "Anak tinggal di", "Jalur permohonan")]
    for label in empty:
        widget = form.errors.fields[label]
        assert is_marked(widget), label
        assert message_under(widget).startswith(("Wajib diisi", "Pilih")), label
    assert form.error.text().startswith(f"{len(empty)} isian perlu diperbaiki")
    assert form.tabs.currentIndex() == 0 and form.focusWidget() is form.child_name
    assert AdoptionCase.select().count() == 0


def test_the_stars_follow_the_route_the_spouses_and_where_the_child_lives(qtbot, sqlite_db):
    o = office()
    form = adoption_panel.AdoptionDialog(session(o["worker"]), adoption_app(o))
    qtbot.addWidget(form)
    form.show()
    starred = lambda field: REQUIRED_MARK in label_of(form.errors.fields[field])  # noqa: E731
    assert starred("NIK Istri") and starred("Tanggal perkawinan")  # a couple, as shipped
    assert not starred("Nama LKSA/rumah sakit")
    form.route.setCurrentIndex(form.route.findData("orang_tua_tunggal"))
    assert starred("NIK Suami") and not starred("NIK Istri") and not starred("Agama Istri")
    assert not starred("Tanggal perkawinan")
    form.spouse["wife"]["name"].setText(WIFE["name"])  # a single mother: hers, not his
    assert starred("NIK Istri") and not starred("Nama Suami")
    form.lives.setCurrentIndex(form.lives.findData("lksa"))
    assert starred("Nama LKSA/rumah sakit")
    form.save_button.click()  # the service asks what is starred
    for field in ("NIK Istri", "Nama LKSA/rumah sakit"):
        assert is_marked(form.errors.fields[field]), field
        assert message_under(form.errors.fields[field]), field
    for field in ("NIK Suami", "Tanggal perkawinan"):
        assert not is_marked(form.errors.fields[field]), field
    form.route.setCurrentIndex(form.route.findData("pasangan_wni"))
    assert starred("Nama Suami") and starred("Tanggal perkawinan")
    assert label_of(form.errors.fields["NIK Istri"]).count("*") == 1


def test_the_stage_form_marks_its_fields_at_once(qtbot, sqlite_db):
    o = office()
    app = adoption_app(o)
    case = adoption.save(o["worker"], app, None, route="pasangan_wni", child=child(),
                         husband=HUSBAND, wife=WIFE, facts=facts())
    form = adoption_panel.StageDialog(session(o["worker"]), app, case)
    qtbot.addWidget(form)
    form.show()
    assert all(REQUIRED_MARK in label_of(form.errors.fields[label])
               for label in adoption.STAGE_REQUIRED)
    form.stage.setCurrentIndex(form.stage.findData("putusan"))
    form.date.line.clear()
    form.save_button.click()
    for widget in (form.date, form.reference, form.court):
        assert is_marked(widget)
        assert REQUIRED_MARK in label_of(widget)  # a ruling's number and court are asked
    assert form.focusWidget() is form.date.line  # the date's text box
    assert REQUIRED_MARK not in label_of(form.people)
    form.stage.setCurrentIndex(form.stage.findData("kunjungan_rumah"))  # a visit: who, what
    assert REQUIRED_MARK in label_of(form.people) and REQUIRED_MARK in label_of(form.note)
    assert REQUIRED_MARK not in label_of(form.reference)
    assert REQUIRED_MARK not in label_of(form.court)
    form.save_button.click()
    assert is_marked(form.people) and is_marked(form.note)
    assert not is_marked(form.reference) and not is_marked(form.court)
    form.stage.setCurrentIndex(form.stage.findData("laporan_sosial"))
    assert label_of(form.reference).count("*") == 1  # the number, by the stage's name for it


def test_the_eligibility_rules_and_an_override(qtbot, sqlite_db, monkeypatch):
    o = office()
    app = adoption_app(o)
    adoption.save(o["worker"], app, None, route="pasangan_wni", child=child(), husband=HUSBAND,
                  wife=WIFE, facts=facts(able=""))
    dialog = ApplicationDetailDialog(session(o["head"]), app.id)
    qtbot.addWidget(dialog)
    section = dialog.case_section
    assert len(section.standings) == 15 and dialog.case_scroll.isVisibleTo(dialog)
    able = next(s for s in section.standings if s.key == "adopsi.able")
    assert "belum diketahui" in case_section.rule_text(able)
    assert "Tahapan" in section.panel.label.text() and "Muhammad Rizki" in \
        section.panel.label.text()  # in full on the case's own screen

    def give_reason(dialog_self):
        dialog_self.reason.setPlainText("Dinilai mampu oleh tim provinsi pada sidang PIPA.")
        dialog_self.save()
        return dialog_self.result()

    monkeypatch.setattr(case_section.OverrideDialog, "exec", give_reason)
    buttons = [b for b in section.findChildren(case_section.QPushButton)
               if b.text() == "Kesampingkan…" and b.isVisibleTo(dialog)]
    assert len(buttons) == sum(not s.passes for s in section.standings)
    section.override(able)
    able = next(s for s in dialog.case_section.standings if s.key == "adopsi.able")
    assert able.passes and "Dikesampingkan oleh kadis" in case_section.rule_text(able)


def test_the_abh_countdown_and_the_assignment(qtbot, sqlite_db, monkeypatch):
    o = office()
    kid = make_person(nik="3371024203100002", name="Putri Anjani", sex="P",
                      birth_date=datetime.date(2010, 3, 2))
    app = workflow.register(o["clerk"], service_catalog.get("mgl-abh"), person=kid)
    dialog = ApplicationDetailDialog(session(o["head"]), app.id)
    qtbot.addWidget(dialog)
    row = dialog.assignment_row
    assert "belum ditugaskan" in row.label.text() and row.button.isVisibleTo(dialog)

    def choose_worker(dialog_self):
        dialog_self.worker.setCurrentIndex(dialog_self.worker.findData("peksos"))
        dialog_self.save()
        return dialog_self.result()

    monkeypatch.setattr(assignment_row.AssignDialog, "exec", choose_worker)
    row.choose()
    assert workflow.get(app.id, o["head"]).assigned_to == "peksos"
    assert o["worker"].full_name in dialog.assignment_row.label.text()

    app = workflow.get(app.id, o["worker"])
    case = abh_record.save(o["worker"], app, None, offence_date=datetime.date(2026, 10, 20),
                           offence="Mengambil telepon.", article="Pasal 362 KUHP",
                           threat_months=60, repeat=False)
    at = timefmt.to_local(utcnow() - datetime.timedelta(hours=60)).replace(
        tzinfo=None, second=0, microsecond=0)
    abh_record.add_event(o["worker"], app, case, kind="permintaan_laporan", at=at)
    worker_view = ApplicationDetailDialog(session(o["worker"]), app.id)
    qtbot.addWidget(worker_view)
    panel = worker_view.case_section.panel
    assert isinstance(panel, abh_panel.AbhPanel)
    text = panel.label.text()
    assert "Diversi WAJIB" in text and "segera" in text and "tinggal 11 jam" in text
    assert panel.timer.isActive() and panel.timer.interval() == 60_000
    # the header's deadline is the running clock's
    assert "Segera jatuh tempo" in worker_view.due_label.text()


def _abh_application(o):
    """A girl's ABH case, assigned to the social worker, as she reads it."""
    kid = make_person(nik="3371024203100002", name="Putri Anjani", sex="P",
                      birth_date=datetime.date(2010, 3, 2))
    app = workflow.register(o["clerk"], service_catalog.get("mgl-abh"), person=kid)
    assignment.assign(o["head"], workflow.get(app.id, o["head"]), "peksos")
    return workflow.get(app.id, o["worker"])


def test_an_empty_abh_case_form_marks_every_field_in_one_press(qtbot, sqlite_db):
    from tests.cases.one_press import press_once

    o = office()
    form = abh_panel.AbhCaseDialog(session(o["worker"]), _abh_application(o))
    press_once(qtbot, form, [form.offence_date, form.offence, form.article],
               required=abh_record.REQUIRED)
    assert not abh_record.AbhCase.select().exists()
    assert REQUIRED_MARK not in label_of(form.court)  # no judgment yet


def test_the_court_case_is_starred_once_the_case_is_ruled(qtbot, sqlite_db):
    o = office()
    app = _abh_application(o)
    case = abh_record.save(o["worker"], app, None, offence_date=datetime.date(2026, 10, 20),
                           offence="Mengambil telepon.", article="Pasal 362 KUHP",
                           threat_months=60, repeat=False)
    abh_record.AbhCase.update(stage="putusan").execute()
    form = abh_panel.AbhCaseDialog(session(o["worker"]), app,
                                   abh_record.AbhCase.get_by_id(case.id))
    qtbot.addWidget(form)
    form.show()
    assert label_of(form.court).count("*") == 1
    form.save_button.click()  # the service asks it too
    assert is_marked(form.court) and message_under(form.court).startswith("Wajib diisi")
