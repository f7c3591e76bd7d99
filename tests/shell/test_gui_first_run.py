"""Persiapan kantor, as a new office meets it: each step refuses what is incomplete with the
field named, every step can be gone back to, cancelling half way writes nothing, and "Simpan"
writes the office, its chosen standards and its administrator."""
import pytest
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop import database
from desktop.models import Service, User
from desktop.services.admin import office
from desktop.services.shell import first_run, schema
from desktop.views.shell import workers
from desktop.views.shell.first_run_wizard import (ALREADY_SET_UP, CHANGE_CONNECTION,
                                                  FirstRunWizard)

MAGETAN = "Dinas Sosial Kabupaten Magetan"
NEXT, BACK, FINISH = (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.FinishButton)


@pytest.fixture
def empty_db(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SYNCHRONOUS", True)
    url = "sqlite:///" + str(tmp_path / "baru.db")
    database.connect(url)
    yield url
    database.close()


@pytest.fixture
def wizard(qtbot, empty_db):
    w = FirstRunWizard("Tertanam (SQLite): baru.db", empty_db)
    qtbot.addWidget(w)
    w.show()
    return w


def press(wizard, button) -> None:
    wizard.button(button).click()


def fill_office(wizard, regency="3520") -> None:
    page = wizard.office_page
    page.province.setCurrentIndex(page.province.findData(regency[:2]))
    page.regency.setCurrentIndex(page.regency.findData(regency))
    page.address.setPlainText("Jl. Tripandita No. 17, Magetan")


def fill_admin(wizard, password="magetan-2026") -> None:
    page = wizard.admin_page
    page.username.setText("admin")
    page.full_name.setText("Sri Wahyuni")
    page.password.setText(password)
    page.repeated.setText(password)


def test_the_steps_in_order_and_simpan_sets_up_the_office(wizard):
    assert wizard.currentPage().title() == "Database"
    press(wizard, NEXT)
    assert wizard.currentPage() is wizard.office_page
    fill_office(wizard)
    assert wizard.office_page.letterhead.text() == "PEMERINTAH KABUPATEN MAGETAN"
    assert wizard.office_page.time_zone.currentText() == "WIB"
    press(wizard, NEXT)
    for source, box in wizard.catalog_page.boxes.items():
        box.setChecked(source == MAGETAN)
    press(wizard, NEXT)
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(wizard)
    assert schema.status().state == "empty"  # nothing before Simpan
    press(wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.username == "admin"
    assert {s.source_office for s in Service.select().where(Service.active)} == {MAGETAN}
    assert office.get_profile().region_code == "3520"


def test_a_step_left_incomplete_names_its_field(wizard):
    press(wizard, NEXT)
    press(wizard, NEXT)  # no region chosen
    assert wizard.currentPage() is wizard.office_page
    assert "Kota/kabupaten" in wizard.office_page.message.text()
    assert wizard.office_page.errors._marked == [wizard.office_page.regency]
    fill_office(wizard)
    press(wizard, NEXT)
    press(wizard, NEXT)
    fill_admin(wizard, password="pendek1")
    press(wizard, FINISH)
    assert wizard.currentPage() is wizard.admin_page
    assert "Kata sandi" in wizard.admin_page.message.text()
    assert schema.status().state == "empty"


def test_an_emblem_that_is_not_an_image_is_refused(wizard, tmp_path, monkeypatch):
    from desktop.views.shared import file_dialogs

    fake = tmp_path / "lambang.png"
    fake.write_bytes(b"GIF89a: not a PNG or JPEG")
    monkeypatch.setattr(file_dialogs, "open_path", lambda *a: str(fake))
    press(wizard, NEXT)
    wizard.office_page.choose_emblem()
    assert "Lambang daerah" in wizard.office_page.message.text()
    assert wizard.setup.emblem is None


def test_every_step_can_be_gone_back_to_with_its_input_kept(wizard):
    press(wizard, NEXT)
    fill_office(wizard)
    press(wizard, NEXT)
    press(wizard, NEXT)
    fill_admin(wizard)
    press(wizard, BACK)
    press(wizard, BACK)
    assert wizard.currentPage() is wizard.office_page
    assert wizard.office_page.regency.currentData() == "3520"
    press(wizard, BACK)
    assert wizard.currentPage().title() == "Database"
    for _ in range(3):
        press(wizard, NEXT)
    assert wizard.admin_page.username.text() == "admin"


def test_cancelling_half_way_writes_nothing(wizard):
    press(wizard, NEXT)
    fill_office(wizard)
    press(wizard, NEXT)
    wizard.reject()
    assert schema.status().state == "empty"


def test_choosing_the_office_server_goes_to_the_connection_dialog(wizard):
    wizard.currentPage().server.setChecked(True)
    assert wizard.result() == CHANGE_CONNECTION


def test_a_second_pc_that_finishes_later_goes_to_the_login(qtbot, wizard, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    press(wizard, NEXT)
    fill_office(wizard)
    press(wizard, NEXT)
    press(wizard, NEXT)
    fill_admin(wizard)
    other = first_run.OfficeSetup(regency_code="3371", address="Jl. Sarwo Edhie Wibowo 2",
                                  standards=["Dinas Sosial Kota Magelang"])
    first_run.set_up(other, "tata", "Tata Usaha", "kantor-2026")  # the other PC, just now
    press(wizard, FINISH)
    assert wizard.result() == ALREADY_SET_UP and "PC lain" in told[0]
    assert User.select().count() == 1 and office.get_profile().region_code == "3371"


def test_an_administrator_runs_it_again_for_the_profile_and_catalog(qtbot, empty_db):
    admin = first_run.set_up(first_run.OfficeSetup(regency_code="3520", address="Jl. A 1",
                                                   standards=[MAGETAN]),
                             "admin", "Sri Wahyuni", "magetan-2026")
    again = FirstRunWizard(actor=admin)
    qtbot.addWidget(again)
    again.show()
    assert again.currentPage() is again.office_page  # no database or administrator steps
    assert again.office_page.regency.currentData() == "3520"
    assert again.catalog_page.chosen() == [MAGETAN]
    again.office_page.phone.setText("(0351) 895 000")
    press(again, NEXT)
    again.catalog_page.boxes["Dinas Sosial Kota Magelang"].setChecked(True)
    press(again, FINISH)
    assert again.result() == QWizard.DialogCode.Accepted
    assert office.get_profile().phone == "(0351) 895 000"
    assert first_run.chosen_standards() == ["Dinas Sosial Kota Magelang", MAGETAN]


def test_pengaturan_offers_the_second_run_to_administrators_only(qtbot, empty_db, monkeypatch):
    from desktop.views.admin.settings_page import SettingsPage
    from desktop.views.shell.session import Session
    from tests.factories import make_user

    admin = first_run.set_up(first_run.OfficeSetup(regency_code="3520", address="Jl. A 1",
                                                   standards=[MAGETAN]),
                             "admin", "Sri Wahyuni", "magetan-2026")
    opened = []
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: opened.append(self.actor) or 1)
    page = SettingsPage(Session(admin, "demo", empty_db))
    qtbot.addWidget(page)
    page.setup_button.click()
    assert opened == [admin] and "disimpan" in page.setup_message.text()
    staff = SettingsPage(Session(make_user("budi"), "demo", empty_db))
    qtbot.addWidget(staff)
    assert staff.setup_button.parentWidget().isHidden()
