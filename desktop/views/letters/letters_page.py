"""Surat: the letter queue by state, filtered to what the user's role acts on, with a preview
(letter_preview)."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTabBar, QVBoxLayout, QWidget)
from shiboken6 import isValid

from desktop.errors import PelitaError
from desktop.services.shared import timefmt
from desktop.services.letters import letter_query, lifecycle
from desktop.services.letters.letter_query import LetterFilter
from desktop.views.letters.letter_filters import LetterFilterBar
from desktop.views.letters.letter_preview import LetterPreview
from desktop.views.shared.columns import ColumnLayout
from desktop.views.shared import list_export
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import ERROR_TEXT_STYLE
from desktop.views.shared.tables import read_only_table
from desktop.views.shell import workers

COLUMNS = ["Hal", "Pemohon", "Penanda tangan", "Nomor", "Status", "Diperbarui"]
COL_SUBJECT, COL_APPLICANT, COL_SIGNER, COL_NUMBER, COL_STATE, COL_UPDATED = range(len(COLUMNS))
# Each column's letter_query.VALUES key: what the export writes under its header.
EXPORT_KEYS = ("subject", "applicant", "signer", "number", "state", "updated")
ALL = "all"  # the last tab: every letter, to look one up or reprint it


# --- the queue ---------------------------------------------------------------------------------

LIST_MAX = 1000  # rows shown at once; the export writes every match


def queue_rows(actor, state: str | None, flt: LetterFilter | None = None
               ) -> tuple[list[tuple], dict[str, int], int]:
    """The table's rows for `state` (None: all) under `flt`, the count for each of the role's
    tabs, and how many letters match in all (more than the rows past LIST_MAX)."""
    flt = flt or LetterFilter()
    found = letter_query.page(actor, flt, state, 0, LIST_MAX)
    rows = []
    for letter in found:
        texts = [""] * len(COLUMNS)
        texts[COL_SUBJECT] = letter.subject
        texts[COL_APPLICANT] = letter.applicant
        texts[COL_SIGNER] = letter.signer
        texts[COL_NUMBER] = letter.number
        texts[COL_STATE] = lifecycle.STATES.get(letter.state, letter.state)
        texts[COL_UPDATED] = timefmt.short_local(letter.updated_at)
        rows.append((letter.id, letter.version, letter.state, letter.return_note, texts,
                     letter.kind))
    total = len(rows) if len(rows) < LIST_MAX else letter_query.count(actor, flt, state)
    return rows, letter_query.tab_counts(actor, flt), total


def count_text(shown: int, total: int, flt: LetterFilter) -> str:
    if not total:
        return "Tidak ada surat yang cocok." if not flt.is_empty() else "Tidak ada surat di sini."
    if shown < total:
        return (f"{shown:,} terbaru dari {total:,} surat; persempit pencarian, atau ekspor "
                "untuk semuanya.").replace(",", ".")
    return f"{total:,} surat".replace(",", ".")


class LettersPage(QWidget):
    data_changed = Signal()  # a letter moved on: other pages may recount
    loaded = Signal()  # the table was filled (tests wait on it)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        user = session.user
        self.states = lifecycle.states_for(user)
        self._generation = 0
        self.counts: dict[str, int] = {}
        self._opening = True  # the first load may move to the tab that has work

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for state in self.states:
            self.tabs.addTab(lifecycle.STATES[state])
            self.tabs.setTabData(self.tabs.count() - 1, state)
        self.tabs.addTab("Semua surat")
        self.tabs.setTabData(self.tabs.count() - 1, ALL)
        self.tabs.setTabToolTip(self.tabs.count() - 1,
                                "Semua surat, termasuk yang sudah diserahkan: untuk mencari "
                                "atau mencetak ulang.")
        self.refresh_button = QPushButton("Muat ulang")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.refresh_button)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        if not self.states:
            self.hint.setText("Peran Anda tidak memproses surat; daftar ini menampilkan semua "
                              "surat untuk dilihat dan dicetak ulang.")

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        # Number, state and date as wide as their longest text; subject, applicant and signer
        # give way, cut in the middle and whole on hover.
        self.columns = ColumnLayout(
            self.table, "surat",
            samples={COL_NUMBER: "400.9.14/0001/Dinsos/2026", COL_STATE: "Menunggu tanda tangan",
                     COL_UPDATED: "30 Nov 2026 23.59"},
            elastic={COL_SUBJECT: 160, COL_APPLICANT: 90, COL_SIGNER: 100, COL_NUMBER: 90,
                     COL_STATE: 100, COL_UPDATED: 90})
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.filters = LetterFilterBar()
        self.filters.changed.connect(self.refresh)
        self.export_button = list_export.export_button(self, self.table, "Daftar surat",
                                                       self._export)
        self.filters.actions.addWidget(self.export_button)
        self.table.activated.connect(lambda index: self.open_letter(self._id_at(index.row())))

        self.count_label = QLabel()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #7a4b00;")
        self.open_button = QPushButton("Buka surat…")
        self.open_button.setToolTip("Ubah, paraf, tanda tangani, cetak atau simpan (Enter)")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_letter(self.current_letter_id()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.note_label)
        left_layout.addLayout(bottom)
        self.preview = LetterPreview(session)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([780, 480])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.hint)
        self.hint.setVisible(not self.states)
        layout.addWidget(self.splitter, 1)

        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def current_state(self) -> str | None:
        state = self.tabs.tabData(self.tabs.currentIndex())
        return None if state == ALL else state

    def select_state(self, state: str | None) -> bool:
        """Show the tab for `state` (None: all letters); False if the role has no such tab."""
        for index in range(self.tabs.count()):
            if self.tabs.tabData(index) == (state or ALL):
                if index == self.tabs.currentIndex():
                    self.refresh()
                else:
                    self.tabs.setCurrentIndex(index)
                return True
        return False

    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_letter_id()
        self._generation += 1
        generation, state, actor = self._generation, self.current_state(), self.session.user
        self.filters.set_state_choice(state is None)
        flt = self.filters.letter_filter()
        self.count_label.setStyleSheet("")
        self.count_label.setText("Memuat…")
        workers.run_task(lambda: queue_rows(actor, state, flt),
                         lambda result: self._fill(generation, result, keep),
                         lambda exc: self._load_failed(generation, exc))

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.count_label.setStyleSheet(ERROR_TEXT_STYLE)
        self.count_label.setText(describe(exc, "Daftar surat gagal dimuat."))

    def _fill(self, generation: int, result, keep: int | None) -> None:
        if not isValid(self) or generation != self._generation:
            return
        rows, self.counts, total = result
        for index in range(self.tabs.count()):
            state = self.tabs.tabData(index)
            if state in self.counts:
                count = self.counts[state]
                self.tabs.setTabText(index, lifecycle.STATES[state]
                                     + (f" ({count})" if count else ""))
        opening, self._opening = self._opening, False
        if opening and self._move_to_work():
            return  # the chosen tab loads its own rows
        self.table.selectionModel().blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        for letter_id, version, state, note, texts, kind in rows:
            items = [QStandardItem(text) for text in texts]
            items[0].setData(letter_id, Qt.ItemDataRole.UserRole)
            items[0].setData(version, Qt.ItemDataRole.UserRole + 1)
            items[0].setData(note, Qt.ItemDataRole.UserRole + 2)
            for item in items:
                item.setToolTip(item.text())
            items[COL_SUBJECT].setToolTip(f"{texts[COL_SUBJECT]}\nJenis: {kind}")
            if state == "returned" and note:
                items[COL_STATE].setToolTip(f"Catatan: {note}")
            self.model.appendRow(items)
        self.table.selectionModel().blockSignals(False)
        # Within a state's tab the status column says the same on every row.
        self.table.setColumnHidden(COL_STATE, self.current_state() is not None)
        self.columns.refit()
        self.count_label.setStyleSheet("")
        self.count_label.setText(count_text(len(rows), total, self.filters.letter_filter()))
        row = next((r for r in range(self.model.rowCount()) if self._id_at(r) == keep), 0)
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self._current_changed(self.model.index(row, 0))
        else:
            self._current_changed(self.model.index(-1, 0))
        self.loaded.emit()

    def tab_with_work(self) -> str | None:
        """The first of the role's tabs with letters in it (None: all are empty)."""
        return next((state for state in self.states if self.counts.get(state)), None)

    def _move_to_work(self) -> bool:
        """Open on a tab with work, not on an empty 'Menunggu paraf' beside 'Menunggu tanda
        tangan (3)'; True when the tab changed."""
        current, busy = self.current_state(), self.tab_with_work()
        if busy is None or current is None or self.counts.get(current):
            return False
        return self.select_state(busy)

    def _id_at(self, row: int) -> int | None:
        item = self.model.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def letter_ids(self) -> list[int]:
        return [self._id_at(r) for r in range(self.model.rowCount())]

    def current_letter_id(self) -> int | None:
        index = self.table.currentIndex()
        return self._id_at(index.row()) if index.isValid() else None

    def select_letter(self, letter_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self._id_at(row) == letter_id:
                self.table.selectRow(row)
                return True
        return False

    def _current_changed(self, index, _previous=None) -> None:
        letter_id = self._id_at(index.row()) if index.isValid() else None
        self.open_button.setEnabled(letter_id is not None)
        if letter_id is None:
            self.note_label.hide()
            self.preview.clear("Tidak ada surat yang dipilih.")
            return
        item = self.model.item(index.row(), 0)
        note = item.data(Qt.ItemDataRole.UserRole + 2)
        state_text = self.model.item(index.row(), COL_STATE).text()
        self.note_label.setVisible(bool(note) and state_text == lifecycle.STATES["returned"])
        self.note_label.setText(f"Catatan pengembalian: {note}")
        self.preview.show_letter(letter_id, item.data(Qt.ItemDataRole.UserRole + 1))

    # --- acting --------------------------------------------------------------------------

    def _export(self, path, columns, headers):
        """Every letter of this tab under the filter, as shown (run on a worker thread)."""
        actor, flt, state = self.session.user, self.filters.letter_filter(), self.current_state()
        chosen = [(header, EXPORT_KEYS[column]) for header, column in zip(headers, columns)]
        return lambda progress: letter_query.export_xlsx(actor, flt, state, path, chosen,
                                                         progress)


    def open_letter(self, letter_id: int | None) -> None:
        if letter_id is None:
            return
        from desktop.views.letters.letter_dialog import LetterDialog

        try:
            dialog = LetterDialog(self.session, letter_id, self)
        except PelitaError as exc:
            self.count_label.setStyleSheet(ERROR_TEXT_STYLE)
            self.count_label.setText(exc.message)
            return
        dialog.exec()
        if dialog.changed:
            self.data_changed.emit()
        self.refresh(keep=letter_id)
