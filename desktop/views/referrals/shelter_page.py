"""Rumah Singgah: who is in the shelter now (from the database: stays not checked out), each
with the nights spent and the countdown to the limit, red past it without an emergency
reason; a guest's case opens with a double click."""
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.cases.terlantar import record as terlantar
from desktop.services.admin import settings
from desktop.services.shared import timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.views.shared import list_export
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Nama", "Nomor registrasi", "Masuk", "Malam", "Keadaan", "Alasan darurat"]
COLOURS = {"last": "#b45309", "over": "#a93226", "emergency": "#6d28d9"}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ShelterPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.title = QLabel()
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_case)
        self.export_button = list_export.export_button(self, self.table, "Penghuni rumah singgah",
                                                       self._export)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)  # nights turn at midnight while the page stays open
        self.timer.timeout.connect(self.refresh)
        self.timer.start(300_000)
        self.refresh()

    def refresh(self) -> None:
        guests = terlantar.guests(self.session.user, utcnow())
        self.model.removeRows(0, self.model.rowCount())
        alarms = 0
        for guest in guests:
            stay, state = guest.stay, guest.state
            alarms += state == "over"
            cells = [stay.application.person.name, stay.application.reg_number,
                     timefmt.format_local(stay.check_in), str(guest.nights), guest.words,
                     stay.emergency_reason or "—"]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setToolTip(item.text())
                if state in COLOURS:
                    item.setForeground(QBrush(QColor(COLOURS[state])))
            items[0].setData(stay.application_id, ID_ROLE)
            self.model.appendRow(items)
        limit = settings.value(terlantar.SHELTER_NIGHTS)
        self.title.setText(f"<b>{len(guests)} orang</b> tinggal di rumah singgah saat ini "
                           f"(batas {limit} malam, lebih hanya dengan alasan darurat)"
                           + (f" · <span style='color:#a93226'><b>{alarms} melewati batas "
                              "tanpa alasan darurat</b></span>" if alarms else ""))

    def _export(self, path, columns, headers):
        """The guests as listed; nights as numbers."""
        return list_export.rows_task(self.session.user, path, columns, headers,
                                     title="Penghuni rumah singgah", table="shelter_stay",
                                     rows=list_export.shown_rows(self.model))

    def open_case(self, index) -> None:
        from desktop.views.applications.application_detail import ApplicationDetailDialog

        app_id = self.model.index(index.row(), 0).data(ID_ROLE)
        ApplicationDetailDialog(self.session, app_id, self).exec()
        self.refresh()
