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


def test_empty_complaint_marks_every_required_field(qtbot, sqlite_db):
    office = make_office()
    dialog = complaint_forms.RecordDialog(Session(office["clerk"], "Tertanam (SQLite)",
                                                  "sqlite://"))
    qtbot.addWidget(dialog)
    dialog.show()
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
