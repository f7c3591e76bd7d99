"""The case's assigned social worker under the applicant, and for a kepala the disposition:
"Tugaskan…" picks an active social worker (a child's case is then read by that worker)."""
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.errors import PelitaError
from desktop.services.applications import assignment, workflow
from desktop.services.shared import permissions
from desktop.views.cases.case_form import CaseForm
from desktop.views.shared.errors import describe


class AssignmentRow(QWidget):
    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session, self.application = session, None
        self.label = QLabel()
        self.button = QPushButton("Tugaskan…")
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_for(self, application) -> None:
        """Shown for sensitive cases and any case already assigned."""
        self.application = application
        if not (application.service.sensitive or application.assigned_to):
            self.hide()
            return
        name = assignment.assigned_name(application)
        self.label.setText(f"Pekerja sosial: <b>{name}</b>" if name else
                           "Pekerja sosial: <i>belum ditugaskan</i>")
        may = permissions.can(self.session.user, "applications.assign")
        self.button.setVisible(may)
        self.button.setEnabled(application.state not in workflow.CLOSED)
        self.button.setText("Ganti…" if name else "Tugaskan…")
        self.show()

    def choose(self) -> None:
        if AssignDialog(self.session, self.application, self).exec() == \
                QDialog.DialogCode.Accepted:
            self.changed.emit()


class AssignDialog(CaseForm):
    def __init__(self, session, application, parent=None):
        super().__init__("Tugaskan pekerja sosial", parent, width=440)
        self.session, self.application = session, application
        self.worker = self.row("Pekerja sosial", QComboBox())
        try:
            workers = assignment.social_workers(session.user)
        except PelitaError as exc:
            workers = []
            self.error.setText(exc.message)
        except Exception as exc:  # noqa: BLE001 (the database refused: say so in the form)
            workers = []
            self.error.setText(describe(exc, "Daftar pekerja sosial belum terbaca."))
        for user in workers:
            self.worker.addItem(user.full_name, user.username)
        self.worker.setCurrentIndex(max(self.worker.findData(application.assigned_to), 0))
        note = QLabel("Kasus anak hanya dibuka oleh Kepala, pekerja sosial yang ditugaskan, dan "
                      "petugas yang mendaftarkannya.")
        note.setWordWrap(True)
        self.body.insertWidget(1, note)

    def save(self) -> None:
        self.attempt(lambda: assignment.assign(self.session.user, self.application,
                                               self.worker.currentData() or ""))
