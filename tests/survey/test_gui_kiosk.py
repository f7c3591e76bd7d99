"""The SKM kiosk and the paper entry: nine touches and "Kirim" save one questionnaire and the
kiosk returns to its start; it cannot be closed without the staff password; an untouched
kiosk forgets a half-finished answer. Typed paper questionnaires keep the service and date
for the next sheet; an unanswered element is marked."""
from desktop.models import SkmResponse
from desktop.services.catalog import service_catalog
from desktop.views.shell.session import Session
from desktop.views.survey import kiosk as kiosk_module
from desktop.views.survey.kiosk import KioskWindow
from desktop.views.survey.survey_page import PaperDialog, SurveyPage
from tests.factories import PASSWORD, make_office


def session(user):
    return Session(user, "Tertanam (SQLite)", "sqlite://")


def test_answering_returning_to_start_and_refusing_to_close(qtbot, sqlite_db, monkeypatch):
    o = make_office()
    monkeypatch.setattr(kiosk_module, "THANKS_MS", 50)
    services = [(s.id, s.name) for s in service_catalog.list_services()[:3]]
    kiosk = KioskWindow(session(o["clerk"]), services, "Dinas Sosial Kota Magelang")
    qtbot.addWidget(kiosk)
    kiosk.show()
    assert kiosk.stack.currentWidget() is kiosk.start_page
    kiosk.begin()
    assert kiosk.stack.currentWidget() is kiosk.service_page
    kiosk.choose_service(services[1][0])
    for answer in (4, 3, 2, 4, 3, 3, 4, 2, 3):
        assert kiosk.stack.currentWidget() is kiosk.question_page
        kiosk.answers[answer - 1].click()
    assert kiosk.stack.currentWidget() is kiosk.respondent_page
    kiosk.sex.group.buttons()[1].click()
    for digit in "34":
        kiosk.type_age(digit)
    kiosk.submit()
    assert kiosk.stack.currentWidget() is kiosk.thanks_page
    saved = SkmResponse.get()
    assert (saved.service_id, saved.u1, saved.u3, saved.u9, saved.sex, saved.age,
            saved.source) == (services[1][0], 4, 2, 3, "P", 34, "kiosk")
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.start_page, timeout=2000)
    assert kiosk.scores == {} and kiosk.age.text() == ""

    kiosk.close()  # Alt+F4 or the window manager
    assert kiosk.isVisible() and kiosk.stack.currentWidget() is kiosk.leave_page
    kiosk.password.setText("salah-sekali")
    kiosk.leave()
    assert kiosk.isVisible() and kiosk.leave_error.text()
    kiosk.password.setText(PASSWORD)
    kiosk.leave()
    assert not kiosk.isVisible()


def test_an_untouched_kiosk_forgets_a_half_finished_answer(qtbot, sqlite_db):
    o = make_office()
    service = service_catalog.get("dpk-slrt")
    kiosk = KioskWindow(session(o["clerk"]), [(service.id, service.name)])
    qtbot.addWidget(kiosk)
    kiosk.show()
    kiosk.begin()  # one service: straight to the questions
    assert kiosk.stack.currentWidget() is kiosk.question_page
    kiosk.answers[2].click()
    kiosk.idle.timeout.emit()
    assert kiosk.stack.currentWidget() is kiosk.start_page and kiosk.scores == {}
    assert SkmResponse.select().count() == 0


def test_paper_questionnaires_one_after_another(qtbot, sqlite_db):
    o = make_office()
    dialog = PaperDialog(session(o["clerk"]))
    qtbot.addWidget(dialog)
    service = service_catalog.get("dpk-slrt")
    dialog.service.setCurrentIndex(dialog.service.findData(service.id))
    for code, row in list(dialog.rows.items())[:8]:
        row.group.button(3).setChecked(True)
    dialog.save()
    assert "U9 Sarana dan prasarana" in dialog.error.text()
    assert dialog.rows["u9"].styleSheet() and SkmResponse.select().count() == 0
    dialog.rows["u9"].group.button(1).setChecked(True)
    dialog.save()
    assert SkmResponse.select().count() == 1 and dialog.result() == 0  # stays open
    assert "1 kuesioner" in dialog.error.text()
    assert dialog.rows["u1"].value() is None  # cleared for the next sheet
    assert dialog.service.currentData() == service.id  # kept

    page = SurveyPage(session(o["head"]))
    qtbot.addWidget(page)
    assert "IKM" in page.summary.text() and page.services.rowCount() == 1


def test_the_idle_lock_of_the_counter_pc_leaves_the_kiosk_usable(qtbot, sqlite_db):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    from desktop.views.shell.idle_lock import IdleLock

    o = make_office()
    window = QMainWindow()
    window.setCentralWidget(QLabel("kerja petugas"))
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, session(o["clerk"]), timeout_ms=60_000)
    kiosk = KioskWindow(session(o["clerk"]), [(1, "Layanan")])
    qtbot.addWidget(kiosk)
    kiosk.show()
    lock.spare(kiosk)
    lock.lock()
    assert lock.dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not window.centralWidget().isVisible() and kiosk.isVisible()
    lock.stop()
    lock.spare(kiosk, False)
    lock.lock()  # without a kiosk the lock covers every window again
    assert lock.dialog.windowModality() == Qt.WindowModality.ApplicationModal
    lock.stop()


def test_an_empty_paper_sheet_marks_every_unanswered_element_in_one_press(qtbot, sqlite_db):
    from tests.cases.one_press import press_once

    o = make_office()
    dialog = PaperDialog(session(o["clerk"]))
    dialog.service.setCurrentIndex(dialog.service.findData(service_catalog.get("dpk-slrt").id))
    press_once(qtbot, dialog, list(dialog.rows.values()))
    assert SkmResponse.select().count() == 0
