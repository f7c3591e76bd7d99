"""Katalog Layanan: the published service standards, searchable; an editor for administrators."""
import html
from itertools import groupby

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QStyledItemDelegate, QTableView, QTextBrowser, QVBoxLayout, QWidget)

from desktop.errors import ConflictError, PelitaError
from desktop.services.applications import case_access
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, records
from desktop.views.shared import window_size
from desktop.views.shared.columns import ColumnLayout
from desktop.views.shared.forms import FieldErrors, required_note
from desktop.views.shared.tables import read_only_table

ERROR_LABEL_STYLE = "color: #a93226;"
COLUMNS = ["Nama layanan", "Sumber", "Kategori", "Jangka waktu", "Biaya", "Aktif"]
CODE_ROLE = Qt.UserRole + 1
STARTS = {"receipt": "sejak permohonan diterima", "complete": "sejak berkas lengkap"}


def fee_text(fee: int) -> str:
    if not fee:
        return "Gratis (Rp 0)"
    return "Rp " + f"{fee:,}".replace(",", ".")


def short_office(name: str) -> str:
    """Dinas Sosial Kabupaten Magetan -> Kab. Magetan, to keep the table column narrow."""
    short = name.removeprefix("Dinas Sosial ").replace("Kabupaten ", "Kab. ")
    return short or name


def detail_html(service) -> str:
    """The service standard as the public reads it: requirements, steps, limit, product."""
    esc = html.escape
    parts = [f"<h2>{esc(service.name)}</h2>",
             f"<p>{esc(service.source_office)}"
             + (f" &middot; {esc(service.category)}" if service.category else "") + "</p>"]
    if service.customized:
        parts.append("<p style='color:#8a5300'><b>Diubah administrator</b> &mdash; berbeda "
                     "dari versi bawaan.</p>")
    if not service.active:
        parts.append("<p style='color:#a93226'><b>Tidak aktif</b></p>")
    if service.sensitive:
        names = ", ".join(permissions.role_label(r) for r in sorted(case_access.readers_of(service)))
        parts.append(f"<p><b>Kasus sensitif</b> &mdash; dibuka oleh {esc(names)} dan petugas "
                     "yang mendaftarkannya.</p>")
    kind = registry.kind_of(service)
    if kind is not None:
        rules = "; ".join(esc(rule.label) for rule in kind.rules)
        parts.append(f"<p><b>Data kasus: {esc(kind.label)}</b>"
                     + (f" &mdash; aturan: {rules}" if rules else "") + "</p>")
    parts.append("<h3>Persyaratan</h3>")
    requirements = service_catalog.requirements_of(service)
    if not requirements:
        parts.append("<p>Tidak ada persyaratan tercatat.</p>")
    for group, items in groupby(requirements, key=lambda r: r.group_name):
        if group:
            parts.append(f"<p><b>{esc(group)}</b></p>")
        parts.append("<ol>" + "".join(f"<li>{esc(r.text)}</li>" for r in items) + "</ol>")
    parts.append("<h3>Prosedur</h3>")
    steps = service_catalog.steps_of(service)
    if steps:
        rows = []
        for step in steps:
            actor = service_catalog.STEP_ACTORS.get(step.actor, step.actor)
            if step.actor_label and step.actor_label != actor:
                actor = f"{actor} ({step.actor_label})"
            rows.append(f"<tr><td valign='top'>{step.number}.</td><td>{esc(step.text)}"
                        f"<br><i>Pelaksana: {esc(actor)}</i></td></tr>")
        parts.append("<table cellspacing='4'>" + "".join(rows) + "</table>")
    else:
        parts.append("<p>Tidak ada langkah tercatat.</p>")
    limit = service_catalog.time_limit(service)
    parts.append(f"<h3>Jangka waktu</h3><p>{esc(limit.describe())}</p>")
    if limit.note:
        parts.append(f"<p><i>{esc(limit.note)}</i></p>")
    parts.append(f"<h3>Biaya</h3><p>{fee_text(service.fee)}</p>")
    parts.append(f"<h3>Produk layanan</h3><p>{esc(service.product or '-')}</p>")
    parts.append(f"<h3>Penanganan pengaduan</h3><p>{esc(service.complaint or '-')}</p>")
    return "".join(parts)


class ActorDelegate(QStyledItemDelegate):
    """A combo of STEP_ACTORS for the step's actor column; the key is kept in UserRole."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for key, label in service_catalog.STEP_ACTORS.items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor, index):
        found = editor.findData(index.data(Qt.UserRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.UserRole)
        model.setData(index, editor.currentText(), Qt.DisplayRole)


class ListEditor(QWidget):
    """A small table with add, remove, up and down buttons."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        buttons = QVBoxLayout()
        for text, slot in (("Tambah", self.add_row), ("Hapus", self.remove_row),
                           ("Naik", lambda: self.move(-1)), ("Turun", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def new_row(self) -> list[QStandardItem]:
        return [QStandardItem("") for _ in range(self.model.columnCount())]

    def add_row(self) -> None:
        row = self.model.rowCount()
        current = self.view.currentIndex()
        if current.isValid():
            row = current.row() + 1
        self.model.insertRow(row, self.new_row())
        self.view.setCurrentIndex(self.model.index(row, 0))

    def remove_row(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.removeRow(current.row())

    def move(self, delta: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        row, target = current.row(), current.row() + delta
        if not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(row)
        self.model.insertRow(target, items)
        self.view.setCurrentIndex(self.model.index(target, current.column()))


class StepsEditor(ListEditor):
    def __init__(self, parent=None):
        super().__init__(["Langkah", "Pelaksana", "Sebutan di standar"], parent)
        self.view.setItemDelegateForColumn(1, ActorDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Interactive)
        self.view.setColumnWidth(1, 150)
        self.view.setColumnWidth(2, 170)

    def new_row(self):
        actor = QStandardItem(service_catalog.STEP_ACTORS["pemohon"])
        actor.setData("pemohon", Qt.UserRole)
        return [QStandardItem(""), actor, QStandardItem("")]

    def set_steps(self, steps: list[dict]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for step in steps:
            actor = QStandardItem(service_catalog.STEP_ACTORS.get(step["actor"], step["actor"]))
            actor.setData(step["actor"], Qt.UserRole)
            self.model.appendRow([QStandardItem(step["text"]), actor,
                                  QStandardItem(step.get("actor_label", ""))])

    def steps(self) -> list[dict]:
        m = self.model
        return [dict(text=m.item(r, 0).text(), actor=m.item(r, 1).data(Qt.UserRole),
                     actor_label=m.item(r, 2).text()) for r in range(m.rowCount())]


class RequirementsEditor(ListEditor):
    def __init__(self, parent=None):
        super().__init__(["Kelompok", "Persyaratan"], parent)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.view.setColumnWidth(0, 220)

    def set_requirements(self, requirements: list[dict]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for req in requirements:
            self.model.appendRow([QStandardItem(req.get("group", "")),
                                  QStandardItem(req["text"])])

    def requirements(self) -> list[dict]:
        m = self.model
        return [dict(group=m.item(r, 0).text().strip(), text=m.item(r, 1).text())
                for r in range(m.rowCount())]


class ServiceEditor(QDialog):
    """Edit one service; on a conflict the typed values stay and can be saved over the reload."""

    def __init__(self, session, service, parent=None):
        super().__init__(parent)
        self.session = session
        self.service = service
        self.setWindowTitle(f"Ubah layanan: {service.name}")
        window_size.fit(self, 960, 720)

        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for key, label in service_catalog.LIMIT_KINDS.items():
            self.kind_combo.addItem(label.capitalize(), key)
        self.value_spin = QSpinBox()
        self.value_spin.setRange(0, 100000)
        self.starts_combo = QComboBox()
        for key, label in STARTS.items():
            self.starts_combo.addItem(label.capitalize(), key)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(60)
        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText("0 jika gratis")
        self.product_edit = QLineEdit()
        self.active_check = QCheckBox("Layanan aktif (tampil untuk petugas)")
        self.sensitive_check = QCheckBox("Kasus sensitif: hanya dibuka peran berikut dan "
                                         "petugas yang mendaftarkannya")
        self.sensitive_check.setToolTip(
            "Kasus anak, rujukan ODGJ, tuna susila dan sejenisnya memuat data pribadi yang "
            "spesifik (UU 27/2022 tentang Pelindungan Data Pribadi). Peran lain tidak melihat "
            "kasus ini di daftar, pencarian, tugas, surat maupun jejak audit.")
        self.reader_checks = {role: QCheckBox(permissions.role_label(role))
                              for role in permissions.ROLE_LABELS}
        readers_row = QHBoxLayout()
        for check in self.reader_checks.values():
            readers_row.addWidget(check)
        readers_row.addStretch(1)
        self.sensitive_check.toggled.connect(self._sensitive_changed)
        self.requirements_editor = RequirementsEditor()
        self.steps_editor = StepsEditor()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        limit_row = QHBoxLayout()
        limit_row.addWidget(self.value_spin)
        limit_row.addWidget(self.kind_combo)
        limit_row.addWidget(self.starts_combo, 1)
        form = QFormLayout()
        form.addRow("Nama layanan:", self.name_edit)
        form.addRow("Jangka waktu:", limit_row)
        form.addRow("Catatan jangka waktu:", self.note_edit)
        form.addRow("Biaya (Rp):", self.fee_edit)
        form.addRow("Produk layanan:", self.product_edit)
        form.addRow("", self.active_check)
        form.addRow("", self.sensitive_check)
        form.addRow("Peran yang boleh membuka:", readers_row)
        # ValidationError.field -> the widget to highlight.
        self.field_widgets = {
            "Nama layanan": self.name_edit, "Jenis jangka waktu": self.kind_combo,
            "Jangka waktu": self.value_spin, "Awal jangka waktu": self.starts_combo,
            "Catatan": self.note_edit, "Biaya": self.fee_edit,
            "Produk layanan": self.product_edit,
            "Peran yang boleh membuka": self.sensitive_check,
        }

        req_box = QGroupBox("Persyaratan (kelompok boleh kosong)")
        QVBoxLayout(req_box).addWidget(self.requirements_editor)
        steps_box = QGroupBox("Prosedur: langkah bernomor dan pelaksananya")
        QVBoxLayout(steps_box).addWidget(self.steps_editor)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_LABEL_STYLE)
        self.error_label.hide()
        self.reload_button = QPushButton("Muat ulang data terbaru")
        self.reload_button.setToolTip("Memuat data terbaru; isian Anda tetap di formulir.")
        self.reload_button.clicked.connect(self.reload_keeping_input)
        self.reload_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("Simpan")
        buttons.button(QDialogButtonBox.Cancel).setText("Batal")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(buttons)

        self.errors = FieldErrors(self.error_label, self.field_widgets)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(req_box, 1)
        layout.addWidget(steps_box, 1)
        layout.addWidget(required_note())
        layout.addLayout(bottom)
        self.errors.mark_required(service_catalog.REQUIRED)  # once the rows are on the dialog
        self.load(service)

    def load(self, service) -> None:
        self.name_edit.setText(service.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(service.limit_kind))
        self.value_spin.setValue(service.limit_value or 0)
        self.starts_combo.setCurrentIndex(max(self.starts_combo.findData(service.limit_starts), 0))
        self.note_edit.setPlainText(service.limit_note)
        self.fee_edit.setText(str(service.fee))
        self.product_edit.setText(service.product)
        self.active_check.setChecked(service.active)
        self.sensitive_check.setChecked(bool(service.sensitive))
        readers = case_access.readers_of(service)
        for role, check in self.reader_checks.items():
            check.setChecked(role in readers)
        self._sensitive_changed()
        self.requirements_editor.set_requirements(
            [dict(group=r.group_name, text=r.text) for r in service_catalog.requirements_of(service)])
        self.steps_editor.set_steps(
            [dict(text=s.text, actor=s.actor, actor_label=s.actor_label)
             for s in service_catalog.steps_of(service)])
        self._kind_changed()

    def _sensitive_changed(self, *_args) -> None:
        for check in self.reader_checks.values():
            check.setEnabled(self.sensitive_check.isChecked())

    def _kind_changed(self) -> None:
        conditional = self.kind_combo.currentData() == "conditional"
        self.value_spin.setEnabled(not conditional)
        self.starts_combo.setEnabled(not conditional)

    def values(self) -> dict:
        return dict(name=self.name_edit.text(), limit_kind=self.kind_combo.currentData(),
                    limit_value=self.value_spin.value(),
                    limit_starts=self.starts_combo.currentData(),
                    limit_note=self.note_edit.toPlainText(), fee=self.fee_edit.text().strip(),
                    product=self.product_edit.text(), active=self.active_check.isChecked(),
                    sensitive=self.sensitive_check.isChecked(),
                    readers=[role for role, check in self.reader_checks.items()
                             if check.isChecked()],
                    requirements=self.requirements_editor.requirements(),
                    steps=self.steps_editor.steps())

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.error_label.setStyleSheet(ERROR_LABEL_STYLE)
        self.error_label.hide()
        self.reload_button.hide()

    def _show_error(self, exc: PelitaError) -> None:
        """Every field at fault marked, the list rows' refusals said under the form with the
        first such row selected; the first field focused."""
        for editor, names in ((self.requirements_editor, ("Persyaratan",)),
                              (self.steps_editor, ("Langkah", "Pelaksana langkah"))):
            for row in range(1, editor.model.rowCount() + 1):
                for name in names:
                    self.errors.add(f"{name} {row}", editor.view)
        for error in getattr(exc, "errors", [exc]):
            if self._list_row_widget(getattr(error, "field", "") or "") is not None:
                break  # that row selected
        self.errors.show(exc)

    def _list_row_widget(self, field: str):
        """'Langkah 3' or 'Persyaratan 2': select that row and return its table."""
        name, _, number = field.rpartition(" ")
        if not number.isdigit():
            return None
        editor = {"Langkah": self.steps_editor, "Pelaksana langkah": self.steps_editor,
                  "Persyaratan": self.requirements_editor}.get(name)
        if editor is None:
            return None
        editor.view.selectRow(int(number) - 1)
        return editor.view

    def save(self) -> bool:
        self._clear_errors()
        try:
            self.service = service_catalog.update_service(self.session.user, self.service,
                                                  **self.values())
        except ConflictError as exc:
            self._show_error(exc)
            self.reload_button.show()
            return False
        except PelitaError as exc:
            self._show_error(exc)
            return False
        self.accept()
        return True

    def reload_keeping_input(self) -> None:
        """Take the newest version (and its lock) but leave every typed value in place."""
        try:
            self.service = records.reload(self.service)
        except PelitaError as exc:
            self._show_error(exc)
            return
        self._clear_errors()
        self.error_label.setText("Data terbaru dimuat; isian Anda tetap. Periksa lalu simpan.")
        self.error_label.setStyleSheet("color: #1e6b35;")
        self.error_label.show()


class ServiceFilter(QSortFilterProxyModel):
    """Rows matching the search text (name, source, category) and the chosen source office."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.office = ""

    def set_filter(self, text: str, office_name: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated
            self.beginFilterChange()
            self.text, self.office = text.strip().lower(), office_name
            self.endFilterChange()
        else:
            self.text, self.office = text.strip().lower(), office_name
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):
        model = self.sourceModel()
        cells = [model.index(row, c, parent).data() or "" for c in range(3)]
        cells.append(model.index(row, 1, parent).data(Qt.UserRole) or "")
        if self.office and cells[3] != self.office:
            return False
        return not self.text or self.text in " ".join(cells).lower()


class CatalogPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.can_edit = permissions.can(session.user, "catalog.edit")
        self._services = {}

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Cari nama layanan, sumber atau kategori…")
        self.search_edit.setClearButtonEnabled(True)
        self.office_combo = QComboBox()
        self.office_combo.setMinimumContentsLength(20)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.proxy = ServiceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        # The name gives way last: cut in the middle, where the Magetan DTKS services differ
        # only in their last word (Online, Offline).
        self.columns = ColumnLayout(self.table, "katalog",
                                    samples={1: "Kota Magelang", 4: "Gratis", 5: "Tidak"},
                                    elastic={0: 240, 2: 110, 3: 90})
        self.table.sortByColumn(-1, Qt.AscendingOrder)
        self.count_label = QLabel()

        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(False)
        self.edit_button = QPushButton("Ubah…")
        self.revert_button = QPushButton("Kembalikan ke versi bawaan")
        self.edit_button.clicked.connect(self.edit_selected)
        self.revert_button.clicked.connect(self.revert_selected)
        for button in (self.edit_button, self.revert_button):
            button.setVisible(self.can_edit)
            button.setEnabled(False)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.office_combo)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.revert_button)
        edit_row.addWidget(self.edit_button)
        right_layout.addLayout(edit_row)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)  # the list's names before the detail's width
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search_edit.textChanged.connect(self._apply_filter)
        self.office_combo.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.refresh()

    # --- loading -------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_service()
        code = selected.code if selected else None
        services = service_catalog.list_services(include_inactive=self.can_edit)
        self._services = {s.code: s for s in services}
        self.model.removeRows(0, self.model.rowCount())
        for service in services:
            cells = [service.name + (" *" if service.customized else ""),
                     short_office(service.source_office), service.category,
                     service_catalog.time_limit(service).describe(),
                     "Gratis" if not service.fee else fee_text(service.fee),
                     "Ya" if service.active else "Tidak"]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(service.code, CODE_ROLE)
            items[1].setData(service.source_office, Qt.UserRole)
            items[1].setToolTip(service.source_office)
            items[0].setToolTip(service.name + ("\nDiubah administrator" if service.customized
                                                else ""))
            self.model.appendRow(items)
        offices = sorted({s.source_office for s in services})
        current_office = self.office_combo.currentData()
        self.office_combo.blockSignals(True)
        self.office_combo.clear()
        self.office_combo.addItem("Semua sumber", "")
        for name in offices:
            self.office_combo.addItem(name, name)
        self.office_combo.setCurrentIndex(max(self.office_combo.findData(current_office), 0))
        self.office_combo.blockSignals(False)
        self._apply_filter()
        if code:
            self.select_code(code)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.setHtml("<p>Katalog layanan kosong. Administrator dapat memuat katalog "
                                "bawaan dari menu baris perintah.</p>")

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.search_edit.text(), self.office_combo.currentData() or "")
        text = f"{self.proxy.rowCount()} dari {self.model.rowCount()} layanan"
        if any(s.customized for s in self._services.values()):
            text += "  ·  * diubah administrator"
        self.count_label.setText(text)

    # --- selection and detail ------------------------------------------------
    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CODE_ROLE) == code:
                self.table.selectRow(row)
                return True
        return False

    def selected_service(self):
        index = self.table.currentIndex() if hasattr(self, "table") else None
        if index is None or not index.isValid():
            return None
        code = self.proxy.index(index.row(), 0).data(CODE_ROLE)
        return self._services.get(code)

    def _show_current(self, *args) -> None:
        service = self.selected_service()
        if service is None:
            self.detail.clear()
        else:
            self.detail.setHtml(detail_html(service))
        self.edit_button.setEnabled(service is not None)
        self.revert_button.setEnabled(service is not None and service.customized)

    # --- editing -------------------------------------------------------------
    def make_editor(self, service) -> ServiceEditor:
        return ServiceEditor(self.session, service, self)

    def edit_selected(self) -> None:
        service = self.selected_service()
        if service is None or not self.can_edit:
            return
        editor = self.make_editor(service)
        editor.exec()
        self.refresh()

    def revert_selected(self) -> None:
        service = self.selected_service()
        if service is None or not self.can_edit:
            return
        answer = QMessageBox.question(
            self, "Kembalikan ke versi bawaan",
            f"Perubahan administrator pada '{service.name}' akan dibuang dan layanan kembali "
            "seperti standar bawaan. Lanjutkan?")
        if answer != QMessageBox.Yes:
            return
        try:
            service_catalog.revert_to_shipped(self.session.user, service)
        except PelitaError as exc:
            QMessageBox.warning(self, "Tidak bisa dikembalikan", exc.message)
        self.refresh()
