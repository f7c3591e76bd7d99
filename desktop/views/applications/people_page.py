"""Data Pemohon: find a person by NIK or name, read their identity card and their applications."""
import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.applications import people
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.shared import permissions, timefmt
from desktop.views.applications.application_table import (COL_APPLICANT, COL_NIK,
                                                          ApplicationTableModel,
                                                          ApplicationTableView, open_application,
                                                          thousands)

SEARCH_DELAY_MS = 250
RESULT_LIMIT = 50
CARD_FIELDS = [("nik", "NIK"), ("kk", "No. KK"), ("name", "Nama lengkap"),
               ("birth", "Tempat, tanggal lahir"), ("sex", "Jenis kelamin"),
               ("religion", "Agama"), ("marital", "Status perkawinan"), ("address", "Alamat"),
               ("phone", "Telepon/WhatsApp"), ("note", "Keterangan identitas")]


def age_on(birth: datetime.date, today: datetime.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def birth_text(person, today: datetime.date | None = None) -> str:
    """Magelang, 15 Maret 1985 (41 tahun)"""
    if person.birth_date is None:
        return person.birth_place or "-"
    today = today or datetime.date.today()
    date = timefmt.format_date(person.birth_date)
    place = f"{person.birth_place}, " if person.birth_place else ""
    return f"{place}{date} ({age_on(person.birth_date, today)} tahun)"


def address_text(person) -> str:
    return people.address_text(person) or "-"


def card_values(person) -> dict[str, str]:
    return {
        "nik": person.nik or "Tanpa NIK",
        "kk": person.kk_number or "-",
        "name": person.name,
        "birth": birth_text(person),
        "sex": people.SEXES.get(person.sex, "-"),
        "religion": person.religion or "-",
        "marital": person.marital_status or "-",
        "address": address_text(person),
        "phone": person.phone or "-",
        "note": person.identity_note or "",
    }


def result_text(person) -> str:
    return f"{person.name}\n{person.nik or 'Tanpa NIK'} · {person.kelurahan or person.city or '-'}"


class PeoplePage(QWidget):
    data_changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.person = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Cari NIK atau awal nama…")
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAlternatingRowColors(True)
        self.results.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.results_hint = QLabel("Ketik NIK atau nama untuk mencari.")
        self.results_hint.setWordWrap(True)
        self.results_hint.setStyleSheet("color: #4b5563;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.results_hint)

        self.title_label = QLabel("Pilih seseorang dari hasil pencarian.")
        self.title_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.edit_button = QPushButton("Ubah data")
        self.edit_button.clicked.connect(self.edit_person)
        self.edit_button.setEnabled(False)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.edit_button)

        self.card = QFrame()
        self.card.setObjectName("identityCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(self.card)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.card_labels: dict[str, QLabel] = {}
        self._card_label_of: dict[str, QLabel] = {}
        for key, label in CARD_FIELDS:
            value = QLabel("-")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label + ":")
            form.addRow(caption, value)
            self.card_labels[key] = value
            self._card_label_of[key] = caption
        self.card.hide()

        self.applications_label = QLabel()
        self.applications_label.setStyleSheet("font-weight: 600;")
        self.model = ApplicationTableModel(self.session.user, self)
        self.view = ApplicationTableView(self.model, list_key="orang-permohonan")
        for column in (COL_APPLICANT, COL_NIK):  # the same person on every row
            self.view.setColumnHidden(column, True)
        self.view.open_requested.connect(self.open_application)
        self.model.count_changed.connect(self._show_application_count)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.card)
        right_layout.addWidget(self.applications_label)
        right_layout.addWidget(self.view, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Only once it has a parent: a parentless widget made visible opens as a window.
        self.edit_button.setVisible(permissions.can(session.user, "people.edit"))
        self._set_person_widgets_visible(False)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.results.currentItemChanged.connect(self._result_chosen)
        self.search_edit.setFocus()

    # --- searching -------------------------------------------------------------------------

    def search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        found = people.search_people(self.session.user, text, limit=RESULT_LIMIT) if text else []
        keep = self.person.id if self.person is not None else None
        self.results.blockSignals(True)
        self.results.clear()
        for person in found:
            item = QListWidgetItem(result_text(person))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.results.addItem(item)
        self.results.blockSignals(False)
        if not text:
            self.results_hint.setText("Ketik NIK atau nama untuk mencari.")
        elif not found:
            self.results_hint.setText("Tidak ada yang cocok. NIK dicari dari angka awalnya, "
                                      "nama dari huruf awalnya.")
        elif len(found) == RESULT_LIMIT:
            self.results_hint.setText(f"{RESULT_LIMIT} hasil pertama; ketik lebih lengkap.")
        else:
            self.results_hint.setText(f"{len(found)} orang ditemukan.")
        ids = [p.id for p in found]
        if found:
            self.results.setCurrentRow(ids.index(keep) if keep in ids else 0)

    def _result_chosen(self, item, _previous=None) -> None:
        if item is not None:
            self.show_person(item.data(Qt.ItemDataRole.UserRole))

    # --- one person ------------------------------------------------------------------------

    def _set_person_widgets_visible(self, visible: bool) -> None:
        self.card.setVisible(visible)
        self.applications_label.setVisible(visible)
        self.view.setVisible(visible)
        self.edit_button.setEnabled(visible)

    def show_person(self, person_id: int) -> None:
        try:
            self.person = people.get(self.session.user, person_id)
        except PelitaError as exc:
            self.person = None
            self.title_label.setText(exc.message)
            self._set_person_widgets_visible(False)
            return
        values = card_values(self.person)
        for key, label in self.card_labels.items():
            label.setText(values[key])
        has_note = bool(values["note"])
        self.card_labels["note"].setVisible(has_note)
        self._card_label_of["note"].setVisible(has_note)
        self.title_label.setText(self.person.name)
        self._set_person_widgets_visible(True)
        self.applications_label.setText("Permohonan: menghitung…")
        self.model.set_filter(ApplicationFilter(person_id=self.person.id))

    def _show_application_count(self, total: int) -> None:
        self.applications_label.setText(
            f"Permohonan ({thousands(total)})" if total
            else "Belum pernah mengajukan permohonan.")

    def refresh(self) -> None:
        if self.search_edit.text().strip():
            self.search()
        elif self.person is not None:
            self.show_person(self.person.id)

    def open_application(self, application_id: int) -> None:
        if open_application(self.session, application_id, self):
            self.model.refresh_application(application_id)
            self.data_changed.emit()

    def edit_person(self) -> None:
        if self.person is None or not permissions.can(self.session.user, "people.edit"):
            return
        try:
            from desktop.views.applications.person_form import PersonDialog

            dialog = PersonDialog(self.session, self.person, self)
        except PelitaError as exc:
            QMessageBox.warning(self, "Pelita", exc.message)
            return
        except (ImportError, AttributeError) as exc:
            QMessageBox.warning(self, "Pelita", f"Formulir data pemohon belum bisa dibuka "
                                f"({exc}).\nLaporkan pesan ini kepada administrator.")
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            person_id = self.person.id
            self.search()
            self.show_person(person_id)
