"""Daftar LKS on a demo database: every state shown and filtered, the export, an LKS opened,
a bad NPWP refused beside its field with everything typed kept, a Tanda Daftar recorded."""
import datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.models import Lks, LksRegistration, User
from desktop.services.demo import seed
from desktop.services.lks import registrations
from desktop.views.lks.lks_dialog import LksDialog, RegistrationDialog
from desktop.views.lks.lks_table import COL_NAME, COL_STATE
from desktop.views.lks.registry_page import LksRegistryPage
from desktop.views.shared.reason_dialog import ReasonDialog
from desktop.views.shell.session import Session


@pytest.fixture
def page(qtbot, sqlite_db):
    seed.fill(size=120)
    session = Session(User.get(User.username == "layanan"), "test", "")
    widget = LksRegistryPage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def cells(page, column):
    model = page.model
    return [model.item(row, column).text() for row in range(model.rowCount())]


def test_every_state_is_listed_and_filtered(page):
    assert page.model.rowCount() == Lks.select().count() >= 6
    shown = set(cells(page, COL_STATE))
    assert shown == set(registrations.STATES.values())
    page.state_combo.setCurrentIndex(page.state_combo.findData("segera_habis"))
    assert set(cells(page, COL_STATE)) == {"Segera habis"}
    assert "90 hari" in page.hint_label.text()
    page.state_combo.setCurrentIndex(0)
    name = cells(page, COL_NAME)[0]
    page.search_edit.setText(name[:6])
    page.apply_filter()
    assert name in cells(page, COL_NAME)
    assert page.count_label.text().endswith("LKS")


def test_export_from_the_page(page, monkeypatch, tmp_path):
    target = tmp_path / "daftar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    page.export()
    assert (tmp_path / "daftar.xlsx").exists() and "LKS diekspor" in told[0]


def test_a_bad_npwp_is_shown_beside_its_field_and_typing_is_kept(page, qtbot):
    lks = Lks.select().where(Lks.revoked == False).order_by(Lks.id).first()  # noqa: E712
    dialog = LksDialog(page.session, lks.id, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.staff_spin.setValue(33)
    dialog.npwp_edit.setText("01.300.066.6-091")
    dialog.tabs.setCurrentIndex(1)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "NPWP" in dialog.message.text() or "15 angka" in dialog.message.text()
    assert dialog.tabs.currentIndex() == 0  # brought to the field
    assert dialog.npwp_edit.styleSheet() and dialog.staff_spin.value() == 33
    assert Lks.get_by_id(lks.id).staff_count != 33
    dialog.npwp_edit.setText("01.300.066.6-091.000")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert Lks.get_by_id(lks.id).staff_count == 33


def test_a_tanda_daftar_is_recorded_from_the_dialog(page, qtbot):
    lks = Lks.select().where(Lks.registered_until.is_null()).first()
    dialog = LksDialog(page.session, lks.id, page)
    qtbot.addWidget(dialog)
    record = RegistrationDialog(page.session, dialog.lks, dialog)
    qtbot.addWidget(record)
    record.number_edit.setText("400.9.12/0099/TD-LKS/2026")
    record.from_edit.setDate(QDate(2026, 11, 2))
    assert record.until_edit.date().toPython() == datetime.date(2029, 11, 1)
    record.until_edit.setDate(QDate(2026, 11, 1))  # ends before it starts
    record.save()
    assert "sesudah" in record.message.text()
    assert not LksRegistration.select().where(LksRegistration.lks == lks.id).exists()
    record.until_edit.setDate(QDate(2029, 11, 1))
    record.save()
    assert record.result() == QDialog.DialogCode.Accepted
    dialog._show_registrations()
    assert "Berlaku" in dialog.state_label.text()
    assert dialog.registration_table.item(0, 0).text() == "400.9.12/0099/TD-LKS/2026"


def test_opening_the_register_costs_the_same_queries_for_more_organisations(qtbot, page):
    import random

    from benchmarks.applications import QueryCounter
    from desktop.models import Organisation
    from desktop.services.demo import lks_demo

    def opening_queries() -> int:
        counter = QueryCounter()
        with counter.counting():
            widget = LksRegistryPage(page.session)
            qtbot.addWidget(widget)
            widget.state_combo.setCurrentIndex(widget.state_combo.findData("segera_habis"))
        return counter.count

    now = datetime.datetime(2026, 12, 1)

    def more(count: int) -> None:
        first = Organisation.select().count()
        ids = [Organisation.insert(created_at=now, updated_at=now, name=f"Yayasan Uji {first + i}",
                                   name_key=f"yayasan uji {first + i}", address="Jl. Uji").execute()
               for i in range(count)]
        lks_demo.fill_lks(random.Random(first), ids, datetime.date.today())

    more(150)  # more than a page: the first page, and the count after it
    few = opening_queries()
    more(300)
    assert opening_queries() == few


def test_a_revocation_reason_too_short_is_refused_inside_its_dialog(page, qtbot, monkeypatch):
    lks = Lks.select().where((Lks.revoked == False)  # noqa: E712
                             & Lks.registered_until.is_null(False)).order_by(Lks.id).first()
    head = Session(User.get(User.username == "kadis"), "test", "")
    dialog = LksDialog(head, lks.id, page)
    qtbot.addWidget(dialog)
    seen = []

    def type_reasons(reason_dialog):
        reason_dialog.show()
        for reason in ("salah", "Tidak lagi beroperasi sejak Juli 2026."):
            reason_dialog.text_edit.setPlainText(reason)
            reason_dialog.ok_button.click()
            seen.append((reason_dialog.message.text(), reason_dialog.isVisible(),
                         Lks.get_by_id(lks.id).revoked))
        return reason_dialog.result()
    monkeypatch.setattr(ReasonDialog, "exec", type_reasons)
    dialog.revoke_registration()
    assert seen[0][0].startswith("Alasan pencabutan: tulis alasannya (minimal 10")
    assert seen[0][1:] == (True, False)  # open, with its error; nothing revoked
    assert seen[1][1:] == (False, True)
