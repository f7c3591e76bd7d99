"""Tugas Saya: applications waiting at a step the user's role performs, oldest due first."""
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.services.applications import application_query, reminders
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.shared import permissions
from desktop.views.applications.application_table import (ApplicationTableModel,
                                                          ApplicationTableView, open_application,
                                                          thousands)
from desktop.views.shell import workers


def task_badge_count(user) -> int:
    """The sidebar badge: one indexed COUNT."""
    return application_query.task_count(user)


def _counts(user) -> tuple[int, int, int]:
    """All waiting, those past their time limit, and those of services without one."""
    return (application_query.task_count(user),
            *(application_query.count(user, ApplicationFilter(actor_role=user.role, due=due))
              for due in ("terlambat", "tanpa_batas")))


def heading_text(total: int, overdue: int, unlimited: int = 0) -> str:
    """Overdue counted among those that have a time limit only: a conditional service that
    has run for a year is not late, and is said apart."""
    if not total:
        return "Tidak ada permohonan yang menunggu Anda."
    text = f"{thousands(total)} permohonan menunggu Anda"
    late = f"{thousands(overdue)} terlambat" if overdue else "tidak ada yang terlambat"
    if not unlimited:
        return f"{text}, {late}."
    timed = total - unlimited
    if timed <= 0:
        return f"{text}, semuanya layanan tanpa batas waktu."
    return (f"{text}: {thousands(timed)} dengan batas waktu ({late}), "
            f"{thousands(unlimited)} tanpa batas waktu.")


class TasksPage(QWidget):
    data_changed = Signal()  # an application moved on: the sidebar badge recounts

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        role = session.user.role
        self.heading = QLabel("Menghitung…")
        self.heading.setObjectName("tasksHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.explanation = QLabel(
            f"Permohonan yang sedang berada di langkah yang dikerjakan peran "
            f"{permissions.role_label(role)}, tenggat paling awal di atas. "
            "Klik dua kali atau tekan Enter untuk membuka.")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #4b5563;")
        self.model = ApplicationTableModel(self.session.user, self)
        self.view = ApplicationTableView(list_key="tugas")
        # The same order as application_query.my_tasks: oldest due first, no limit last.
        self.model.sort_key, self.model.descending = "due", False
        self.view.setModel(self.model)
        self.view.open_requested.connect(self.open_application)
        self.total = self.overdue = self.unlimited = 0
        # What is owed beside the steps: reports past their deadline, registrations ending.
        self.reminders_label = QLabel("<b>Pengingat</b>")
        self.reminders = QListWidget()
        self.reminders.setMaximumHeight(130)
        self.reminders.itemActivated.connect(self._open_reminder)
        self.reminders_label.hide()
        self.reminders.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.reminders_label)
        layout.addWidget(self.reminders)
        layout.addWidget(self.view, 1)
        self.refresh()

    def refresh(self) -> None:
        user = self.session.user
        self.model.set_filter(ApplicationFilter(actor_role=user.role), sort="due",
                              descending=False)
        workers.run_task(lambda: _counts(user), self._show_counts)
        workers.run_task(lambda: reminders.for_user(user), self._show_reminders)

    def _show_reminders(self, found) -> None:
        if not isValid(self):
            return
        self.reminders.clear()
        for reminder in found:
            item = QListWidgetItem(("⚠ " if reminder.urgent else "• ") + reminder.text)
            item.setData(Qt.ItemDataRole.UserRole, reminder.application_id)
            item.setForeground(QBrush(QColor("#9b1c1c" if reminder.urgent else "#7a4b00")))
            if reminder.application_id:
                item.setToolTip("Klik dua kali untuk membuka permohonannya")
            self.reminders.addItem(item)
        self.reminders_label.setText(f"<b>Pengingat</b> ({len(found)})")
        self.reminders_label.setVisible(bool(found))
        self.reminders.setVisible(bool(found))

    def _open_reminder(self, item) -> None:
        application_id = item.data(Qt.ItemDataRole.UserRole)
        if application_id:
            self.open_application(application_id)

    def _show_counts(self, counts: tuple[int, int, int]) -> None:
        if not isValid(self):
            return
        self.total, self.overdue, self.unlimited = counts
        self.heading.setText(heading_text(self.total, self.overdue, self.unlimited))

    def open_application(self, application_id: int) -> None:
        if open_application(self.session, application_id, self):
            self.refresh()  # a finished step leaves the list
            self.view.select_application(application_id)
            self.data_changed.emit()
