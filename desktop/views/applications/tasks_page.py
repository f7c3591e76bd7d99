"""Tugas Saya: everything waiting for the user. Letters to initial, sign, correct or hand over
and bookings to confirm (services.applications.waiting) above the applications waiting at a
step the user's role performs, oldest due first."""
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.services.applications import application_query, reminders, waiting
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.shared import permissions
from desktop.views.applications.application_table import (ApplicationTableModel,
                                                          ApplicationTableView, open_application,
                                                          thousands)
from desktop.views.shell import workers


OTHERS_MAX_HEIGHT = 160
REMINDERS_MAX_HEIGHT = 130


def _fit_rows(view: QListWidget, rows: int, most: int) -> None:
    """As tall as its rows up to `most`: the applications below keep the room."""
    if rows:
        view.setFixedHeight(min(most, view.sizeHintForRow(0) * rows + 2 * view.frameWidth() + 4))


def _one_line_rows(view: QListWidget) -> None:
    """Each row on one line, a long one cut at its end with the whole text on hover: no
    sideways scroll bar to cover the rows of a short list."""
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def task_badge_count(user) -> int:
    """The sidebar badge: applications, letters and bookings waiting (four COUNTs)."""
    return waiting.counts(user).total


def _counts(user) -> tuple[int, int, int]:
    """All waiting, those past their time limit, and those of services without one."""
    return (application_query.task_count(user),
            *(application_query.count(user, ApplicationFilter(actor_role=user.role, due=due))
              for due in ("terlambat", "tanpa_batas")))


def other_work_text(items) -> str:
    """'2 surat dan 1 jadwal menunggu Anda.' for the list above the applications."""
    letters = sum(1 for item in items if item.kind == "letter")
    bookings = len(items) - letters
    parts = [f"{thousands(n)} {what}" for n, what in ((letters, "surat"), (bookings, "jadwal"))
             if n]
    return " dan ".join(parts) + " menunggu Anda" if parts else ""


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
    # (section key, what to show there): the main window opens the section on it
    navigate_requested = Signal(str, object)

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
        _one_line_rows(self.reminders)
        self.reminders.itemActivated.connect(self._open_reminder)
        self.reminders_label.hide()
        self.reminders.hide()
        # Letters and bookings: few at a time, each opened in its own dialog or section.
        self.others_label = QLabel()
        self.others_label.setObjectName("otherWorkHeading")
        self.others = QListWidget()
        self.others.setObjectName("otherWork")
        _one_line_rows(self.others)
        self.others.itemActivated.connect(self._open_other)
        self.others_label.hide()
        self.others.hide()
        self.other_items: list = []

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.others_label)
        layout.addWidget(self.others)
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
        workers.run_task(lambda: waiting.items(user), self._show_others)

    def _show_others(self, found) -> None:
        if not isValid(self):
            return
        self.other_items = list(found)
        self.others.clear()
        for entry in found:
            item = QListWidgetItem(("⚠ " if entry.urgent else "• ") + entry.text)
            item.setData(Qt.ItemDataRole.UserRole, self.others.count())
            item.setToolTip(f"{entry.text}\nKlik dua kali atau tekan Enter untuk membuka")
            if entry.urgent:
                item.setForeground(QBrush(QColor("#9b1c1c")))
            self.others.addItem(item)
        _fit_rows(self.others, len(found), OTHERS_MAX_HEIGHT)
        self.others_label.setText(f"<b>{other_work_text(found)}</b>")
        self.others_label.setVisible(bool(found))
        self.others.setVisible(bool(found))

    def _open_other(self, item) -> None:
        self.open_item(self.other_items[item.data(Qt.ItemDataRole.UserRole)])

    def open_item(self, entry) -> None:
        """A letter opens in its dialog here; a booking in the schedule, on its day."""
        if entry.kind != "letter":
            self.navigate_requested.emit(entry.section, entry)
            return
        from desktop.errors import PelitaError
        from desktop.views.letters.letter_dialog import LetterDialog

        try:
            dialog = LetterDialog(self.session, entry.record_id, self)
        except PelitaError as exc:  # gone or hidden since the list was read
            self.heading.setText(exc.message)
            return
        dialog.exec()
        if dialog.changed:
            self.data_changed.emit()
        self.refresh()

    def _show_reminders(self, found) -> None:
        if not isValid(self):
            return
        self.reminders.clear()
        for reminder in found:
            item = QListWidgetItem(("⚠ " if reminder.urgent else "• ") + reminder.text)
            item.setData(Qt.ItemDataRole.UserRole, reminder.application_id)
            item.setForeground(QBrush(QColor("#9b1c1c" if reminder.urgent else "#7a4b00")))
            item.setToolTip(reminder.text + ("\nKlik dua kali untuk membuka permohonannya"
                                             if reminder.application_id else ""))
            self.reminders.addItem(item)
        _fit_rows(self.reminders, len(found), REMINDERS_MAX_HEIGHT)
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
