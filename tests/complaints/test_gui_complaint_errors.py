"""Recording a complaint with nothing filled in marks every required field at once."""
from PySide6.QtWidgets import QFormLayout, QLabel

from desktop.models import Complaint
from desktop.services.complaints import complaints
from desktop.views.complaints import complaint_forms
from desktop.views.shared.forms import REQUIRED_MARK, form_row, is_marked
from desktop.views.shell.session import Session
from tests.factories import make_office


def _row_texts(widget) -> tuple[str, str]:
    form, row = form_row(widget)
    label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
    item = form.itemAt(row + 1, QFormLayout.ItemRole.FieldRole)
    under = item.widget().text() if item is not None and isinstance(item.widget(), QLabel) \
        else ""
    return label, under


def _record_dialog(qtbot):
    office = make_office()
    dialog = complaint_forms.RecordDialog(Session(office["clerk"], "Tertanam (SQLite)",
                                                  "sqlite://"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_empty_complaint_marks_every_required_field(qtbot, sqlite_db):
    dialog = _record_dialog(qtbot)
    dialog.save_button.click()
    assert Complaint.select().count() == 0
    for label in complaints.REQUIRED:
        widget = dialog.errors.fields[label]
        shown, under = _row_texts(widget)
        assert is_marked(widget) and REQUIRED_MARK in shown, label
        assert under, label
    assert _row_texts(dialog.subject)[1] == "Wajib diisi."
    assert not is_marked(dialog.category) and not is_marked(dialog.kind)
    assert dialog.focusWidget() is dialog.channel
    assert dialog.error.text().startswith(f"{len(complaints.REQUIRED)} isian perlu")


def test_the_stars_follow_the_channel_the_subject_and_the_identity(qtbot, sqlite_db):
    dialog = _record_dialog(qtbot)
    starred = lambda widget: REQUIRED_MARK in _row_texts(widget)[0]  # noqa: E731
    assert not starred(dialog.ticket) and not starred(dialog.staff)
    dialog.channel.setCurrentIndex(dialog.channel.findData("lapor"))
    dialog.about.setCurrentIndex(dialog.about.findData("petugas"))
    assert starred(dialog.ticket) and starred(dialog.staff)
    assert not starred(dialog.reg_number)
    dialog.save_button.click()  # the service asks what is starred
    for widget in (dialog.ticket, dialog.staff):
        assert is_marked(widget) and _row_texts(widget)[1], widget
    dialog.about.setCurrentIndex(dialog.about.findData("permohonan"))
    assert starred(dialog.reg_number) and not starred(dialog.staff)
    dialog.identity.setCurrentIndex(dialog.identity.findData("anonim"))
    assert not starred(dialog.name)
    dialog.channel.setCurrentIndex(dialog.channel.findData("email"))
    assert not starred(dialog.ticket)


def test_the_step_dialog_reports_date_and_text_together(qtbot, sqlite_db):
    office = make_office()
    complaint = complaints.record(office["clerk"], kind="pengaduan", channel="langsung",
                                  subject="Antrean lama", category="waktu",
                                  name="Sri Wahyuni")
    complaints.route(office["head"], complaint, office["worker"].username)
    complaint = Complaint.get_by_id(complaint.id)
    dialog = complaint_forms.VerifyDialog(Session(office["worker"], "Tertanam (SQLite)",
                                                  "sqlite://"), complaint)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.incomplete.setChecked(True)  # a note is then required
    dialog.day.setDate(None)
    dialog.save_button.click()
    assert is_marked(dialog.day) and is_marked(dialog.note)
