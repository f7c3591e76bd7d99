"""One application: header, applicant, checklist with scans, procedure timeline, history."""
import html
import os
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QScrollArea, QSizePolicy, QTableView, QTextBrowser, QVBoxLayout)

from desktop.errors import ConflictError, PelitaError
from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import audit_words
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.complaints import complaints
from desktop.services.shared import permissions, timefmt
from desktop.views.applications.assignment_row import AssignmentRow
from desktop.views.applications.checklist_model import (NOTE, REQUIREMENT, STATE, ChecklistModel,
                                                        StateDelegate)
from desktop.views.applications.new_application import SCAN_FILTER, person_address
from desktop.views.applications.receipt_print import ReceiptButton
from desktop.views.cases.case_section import CaseSection
from desktop.views.shared import file_dialogs, reason_dialog, window_size
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import ERROR_TEXT_STYLE, OK_TEXT_STYLE
from desktop.views.shared.rich_text import typed_text
from desktop.views.shared.tables import read_only_table
from desktop.views.shell import workers

ACTION_BUTTONS = {  # available_actions key -> button text
    "done": "Selesaikan langkah", "approve": "Setujui", "reject": "Tolak",
    "return": "Kembalikan untuk dilengkapi", "resume": "Berkas dilengkapi (lanjutkan)",
    "withdraw": "Cabut permohonan",
}
COMMENT_PROMPTS = {
    "approve": "Catatan persetujuan (wajib):", "reject": "Alasan penolakan (wajib):",
    "return": "Apa yang harus dilengkapi pemohon? (wajib)",
    "withdraw": "Alasan pencabutan (wajib):",
}
DUE_STYLES = {  # due_state -> (label, colour)
    "terlambat": ("Terlambat", "#b3261e"), "segera": ("Segera jatuh tempo", "#b26a00"),
    "normal": ("Dalam jangka waktu", "#1e6b35"), "tanpa_batas": ("Tanpa batas waktu", "#555"),
    "selesai": ("Selesai", "#555"), "menunggu": ("Jam berhenti: menunggu pemohon", "#7a4b00"),
}
STEP_MARKS = {"done": ("✔", "#1e6b35", "selesai"), "current": ("▶", "#1f5fbf", "sedang dikerjakan"),
              "pending": ("○", "#888", "belum")}
HISTORY_COLUMNS = ["Waktu", "Pengguna", "Kejadian", "Perubahan"]


def format_duration(delta) -> str:
    """3 hari 2 jam; 45 menit."""
    minutes = int(delta.total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} hari"] if days else []
    if hours:
        parts.append(f"{hours} jam")
    if not days and (minutes or not parts):
        parts.append(f"{minutes} menit")
    return " ".join(parts)


def _line_label() -> QLabel:
    """Selectable plain text that never wraps nor widens the dialog; too long, it is cut and
    the tooltip has it all. (Wrapped or rich-text labels make every layout pass lay their text
    out again.)"""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _heading(text: str) -> QLabel:
    """A section's bold title over its content. Framed group boxes took 8M of the 88M
    instructions an opening of this screen cost, and staff open it dozens of times a day."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


class HistoryDialog(QDialog):
    """An application's audit trail: every change, and each reading of a sensitive case."""

    def __init__(self, reg_number: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Riwayat perubahan {reg_number} — Pelita")
        window_size.fit(self, 900, 500)
        self.model = QStandardItemModel(0, len(HISTORY_COLUMNS), self)
        self.model.setHorizontalHeaderLabels(HISTORY_COLUMNS)
        self.table = read_only_table(self.model)
        head = self.table.horizontalHeader()
        for column in range(3):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        close = _button("Tutup")
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def fill(self, rows: list[list[str]]) -> None:
        self.model.setRowCount(0)
        for values in rows:
            self.model.appendRow([QStandardItem(value) for value in values])
        self.table.resizeRowsToContents()


class ApplicationDetailDialog(QDialog):
    def __init__(self, session, application_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.application_id = application_id
        self.app = None
        self.checks = []
        self.step_states: list[str] = []  # per step: done, current or pending (tests read it)
        self.action_buttons: dict[str, QPushButton] = {}
        self._preview_data: tuple | None = None
        self.setWindowTitle("Rincian permohonan — Pelita")
        self.setSizeGripEnabled(True)
        window_size.fit(self, 1100, 750)

        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.service_label = _line_label()
        self.state_label = QLabel()
        self.due_label = QLabel()
        self.waiting_label = QLabel()
        self.waiting_label.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.state_label)
        top.addStretch(1)
        top.addWidget(self.due_label)
        header.addLayout(top)
        sub = QHBoxLayout()
        sub.addWidget(self.service_label, 1)
        sub.addWidget(self.waiting_label)
        header.addLayout(sub)

        self.history_dialog: HistoryDialog | None = None
        main = self._main_page()

        self.actions_row = QHBoxLayout()
        self.refresh_button = _button("Muat ulang")
        self.refresh_button.clicked.connect(self.reload)
        self.history_button = _button("Riwayat perubahan…")
        self.history_button.setToolTip("Setiap perubahan permohonan ini: siapa, kapan, apa")
        self.history_button.clicked.connect(self.show_history)
        self.letter_button = _button("Buat surat")
        self.letter_button.setToolTip("Buat konsep surat layanan ini dari data permohonan")
        self.letter_button.clicked.connect(self.make_letter)
        self.receipt_button = ReceiptButton(session, lambda: self.application_id,
                                            self._receipt_said)
        close = _button("Tutup")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_row)
        bottom.addStretch(1)
        bottom.addWidget(self.receipt_button)
        bottom.addWidget(self.letter_button)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(main, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.reload(record_view=True)

    # -- layout ---------------------------------------------------------------------------
    def _main_page(self) -> QHBoxLayout:
        self.applicant_name = _line_label()
        bold = self.applicant_name.font()
        bold.setBold(True)
        self.applicant_name.setFont(bold)
        self.applicant_label = _line_label()

        self.check_model = ChecklistModel(self._check_changed, self._note_changed, self)
        self.check_table = QTableView()
        self.check_table.setModel(self.check_model)
        self.check_table.setItemDelegateForColumn(STATE, StateDelegate(self.check_table))
        self.check_table.verticalHeader().hide()
        # Row heights follow the wrapped requirement text at the column's width: measured when
        # the table is resized (a header in ResizeToContents mode measures on every pass).
        self.check_table.horizontalHeader().geometriesChanged.connect(
            self.check_table.resizeRowsToContents)
        self.check_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.check_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged
                                         | QAbstractItemView.EditTrigger.SelectedClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.check_table.setWordWrap(True)
        head = self.check_table.horizontalHeader()
        head.setSectionResizeMode(REQUIREMENT, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Interactive)
        self.check_table.setColumnWidth(STATE, 120)
        self.check_table.setColumnWidth(NOTE, 150)

        self.add_scan_button = _button("Tambah pindaian…")
        self.add_scan_button.setToolTip("Dilampirkan pada persyaratan yang dipilih di daftar "
                                        "periksa, bila ada.")
        self.add_scan_button.clicked.connect(self.add_scan)
        self.open_button = _button("Buka")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_attachment)
        self.no_attachments = QLabel("Belum ada lampiran.")
        attach_buttons = QHBoxLayout()
        attach_buttons.addWidget(self.add_scan_button)
        attach_buttons.addWidget(self.no_attachments)
        attach_buttons.addStretch(1)  # the buttons keep their size once the label is hidden
        attach_buttons.addWidget(self.open_button)
        # The list and the preview are built with the first scan (most open applications
        # have none, and an empty viewer only takes room from the checklist).
        self.attachment_list: QListWidget | None = None
        self.preview_label: QLabel | None = None

        self.case_section = CaseSection(self.session, self)
        self.case_section.changed.connect(self.reload)
        # A case with many rules and stages (adoption) scrolls rather than crushing the rest.
        self.case_scroll = QScrollArea()
        self.case_scroll.setWidgetResizable(True)
        self.case_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.case_scroll.setWidget(self.case_section)
        self.case_scroll.hide()
        self.assignment_row = AssignmentRow(self.session, self)
        self.assignment_row.changed.connect(self.reload)

        left = self.left_layout = QVBoxLayout()
        left.addWidget(_heading("Pemohon"))
        left.addWidget(self.applicant_name)
        left.addWidget(self.applicant_label)
        left.addWidget(self.assignment_row)
        left.addSpacing(8)
        left.addWidget(self.case_scroll, 4)
        left.addWidget(_heading("Daftar periksa persyaratan"))
        left.addWidget(self.check_table, 3)
        left.addSpacing(8)
        left.addWidget(_heading("Lampiran pindaian"))
        left.addLayout(attach_buttons)

        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        # A scroll bar that comes and goes makes the view lay the whole timeline out again
        # for each width it tries.
        self.timeline.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Complaints about this case (shown only when there are some).
        self.complaints_label = _line_label()
        self.complaints_label.setStyleSheet("color: #8a5300; background: #fff4dc; padding: 6px;"
                                            " border: 1px solid #e8c880; border-radius: 4px;")
        self.complaints_label.hide()
        right = QVBoxLayout()
        right.addWidget(_heading("Prosedur dan riwayat langkah"))
        right.addWidget(self.timeline, 1)
        right.addWidget(self.complaints_label)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addSpacing(12)
        columns.addLayout(right, 4)
        return columns

    # -- loading --------------------------------------------------------------------------
    def reload(self, record_view: bool = False) -> None:
        """Read the application again; only the first load counts as a 'view' for the audit."""
        try:
            self.app = workflow.get(self.application_id, self.session.user, record=False)
        except PelitaError as exc:
            self.show_error(exc.message)
            return
        if record_view and workflow.is_sensitive(self.app):
            # Written beside the first frame, not before it.
            user, app = self.session.user, self.app
            workers.run_task(lambda: workflow.record_view(user, app), lambda _: None,
                             self._view_not_recorded)
        self.checks = workflow.checks_of(self.app)
        self._fill_header()
        self._fill_applicant()
        self.assignment_row.show_for(self.app)
        self.case_section.show_case(self.app)
        self._fit_case_section()
        self._fill_checks()
        self._fill_attachments()
        self._fill_timeline()
        self._fill_complaints()
        self._fill_actions()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self._fill_history()

    def _fill_header(self) -> None:
        app = self.app
        service = app.service
        self.number_label.setText(app.reg_number)
        self.state_label.setText(workflow.STATES.get(app.state, app.state))
        self.state_label.setStyleSheet("padding: 2px 8px; border-radius: 8px; "
                                       "background: #e8eef9; color: #1f3f7a;")
        self.service_label.setText(f"{service.name} — {service.source_office} · Jangka waktu "
                                   f"{service_catalog.time_limit(service).describe()} · Diterima "
                                   f"{timefmt.format_local(app.received_at)} "
                                   f"({workflow.CHANNELS.get(app.channel, app.channel)})")
        self.service_label.setToolTip(self.service_label.text())
        state = workflow.due_state(app)
        label, colour = DUE_STYLES.get(state, (state, "#555"))
        due = (f"Batas waktu {timefmt.format_local(app.due_at)} · {label}" if app.due_at
               else label)
        if state == "tanpa_batas":  # conditional services: show only how long it has run
            due = f"{label} · berjalan {format_duration(utcnow() - app.received_at)}"
        if app.due_at is None and service.limit_starts == "complete" and app.complete_at is None \
                and app.state not in workflow.CLOSED:
            due = "Batas waktu dihitung setelah berkas lengkap"
        self.due_label.setText(due)
        self.due_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        waited = workflow.waiting_time(app)
        if app.state == "waiting" or waited.total_seconds() > 0:
            self.waiting_label.setText(f"Menunggu pemohon: {format_duration(waited)}")
        else:
            self.waiting_label.clear()

    def _fill_complaints(self) -> None:
        found = complaints.for_application(self.session.user, self.app)
        self.complaints_label.setVisible(bool(found))
        self.complaints_label.setText("<b>Pengaduan tentang permohonan ini</b> (lihat menu "
                                      "Pengaduan):<br/>" + "<br/>".join(
                                          f"{typed_text(c.number)} · "
                                          f"{typed_text(complaints.STATES[c.state])} · "
                                          f"{typed_text(c.subject)}" for c in found))

    def _fit_case_section(self) -> None:
        """As tall as the case needs, scrolling beyond what the window gives it."""
        shown = not self.case_section.isHidden()
        self.case_scroll.setVisible(shown)
        if shown:
            self.case_section.adjustSize()
            self.case_scroll.setMaximumHeight(self.case_section.sizeHint().height() + 8)

    def _fill_applicant(self) -> None:
        person, org = self.app.person, self.app.organisation
        if person is not None:
            name = person.name
            lines = [f"NIK {person.nik}" if person.nik else f"Tanpa NIK: {person.identity_note}",
                     person_address(person)]
            if person.phone:
                lines.append(f"Telepon/WA {person.phone}")
        elif org is not None:
            name = f"{org.name} ({org.legal_form or 'lembaga'})"
            lines = [org.address]
            if org.contact_person or org.phone:
                lines.append(f"Narahubung: {org.contact_person} {org.phone}")
        else:
            name, lines = "-", []
        if self.app.summary:
            lines.append(f"Ringkasan: {self.app.summary}")
        self.applicant_name.setText(name)
        self.applicant_label.setText("\n".join(lines))
        self.applicant_label.setToolTip(self.applicant_label.text())

    def _editable(self) -> bool:
        return (self.app.state not in workflow.CLOSED
                and permissions.can(self.session.user, "applications.register"))

    def _fill_checks(self) -> None:
        editable = self._editable()
        self.check_model.set_checks(self.checks, editable)
        if self.check_table.isVisible():
            self.check_table.resizeRowsToContents()
        self.add_scan_button.setEnabled(editable)

    def _fill_attachments(self) -> None:
        attachments = workflow.attachments_of(self.app)
        self.no_attachments.setVisible(not attachments)
        self.open_button.setEnabled(False)
        if not attachments and self.attachment_list is None:
            return
        if self.attachment_list is None:
            self._build_attachment_viewer()
        self.attachment_list.clear()
        by_check = {c.id: c for c in self.checks}
        for attachment in attachments:
            check = by_check.get(attachment.check_id)
            label = (f"{attachment.filename} ({attachment.size // 1024 or 1} KB, "
                     f"{attachment.created_by}, {timefmt.format_local(attachment.created_at)})")
            if check is not None:
                label += f" — persyaratan {check.position}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.attachment_list.addItem(item)
        self.preview_label.clear()
        self.preview_label.setText("Pilih lampiran untuk melihat pratinjau.")

    def _build_attachment_viewer(self) -> None:
        self.attachment_list = QListWidget()
        self.attachment_list.currentItemChanged.connect(self._preview)
        self.preview_label = QLabel()
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setMinimumHeight(160)
        self.preview_label.setStyleSheet("background: #fafafa; border: 1px solid #ddd;")
        viewer = QHBoxLayout()
        viewer.addWidget(self.attachment_list, 1)
        viewer.addWidget(self.preview_label, 1)
        # Above the scan buttons, the last row of the left column.
        self.left_layout.insertLayout(self.left_layout.count() - 1, viewer, 2)

    def _step_state(self, number: int) -> str:
        app = self.app
        if app.state == "completed" or number < app.current_step:
            return "done"
        return "current" if number == app.current_step else "pending"

    def _fill_timeline(self) -> None:
        app = self.app
        steps = service_catalog.steps_of(app.service)
        events: dict[int, list] = {}
        for event in workflow.events_of(app):
            events.setdefault(event.step_number, []).append(event)
        self.step_states = [self._step_state(s.number) for s in steps]
        parts = []
        for step, state in zip(steps, self.step_states):
            mark, colour, word = STEP_MARKS[state]
            if state == "current" and app.state != "open":
                word = workflow.STATES[app.state].lower()
            role = service_catalog.STEP_ACTORS.get(step.actor, step.actor)
            who = html.escape(role + (f" · {step.actor_label}" if step.actor_label else ""))
            weight = "bold" if state == "current" else "normal"
            # A finished step's own lines below say who did it and when.
            duty = "" if state == "done" else (
                f"<br><span style='color:#555'>{who} — <span style='color:{colour}'>{word}"
                "</span></span>")
            parts.append(
                f"<p style='margin-top:8px; margin-bottom:2px; font-weight:{weight}'>"
                f"<span style='color:{colour}'>{mark}</span> {step.number}. "
                f"{html.escape(step.text)}{duty}</p>")
            parts.extend(self._event_html(e) for e in events.pop(step.number, []))
        for leftover in events.values():  # events for steps no longer in the catalog
            parts.extend(self._event_html(e) for e in leftover)
        if not steps:
            parts.insert(0, "<p>Layanan ini tidak mencantumkan langkah prosedur.</p>")
        self.timeline.setHtml("".join(parts))

    @staticmethod
    def _event_html(event) -> str:
        action = workflow.ACTIONS.get(event.action, event.action)
        comment = f": “{html.escape(event.comment)}”" if event.comment else ""
        return (f"<p style='margin:0 0 0 24px; color:#333'>• {action} — "
                f"{html.escape(event.username)} ({permissions.role_label(event.role)}), "
                f"{timefmt.format_local(event.at)}{comment}"
                "</p>")

    def _fill_actions(self) -> None:
        while self.actions_row.count():
            widget = self.actions_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.action_buttons = {}
        for action in workflow.available_actions(self.session.user, self.app):
            button = _button(ACTION_BUTTONS[action])
            button.clicked.connect(lambda _=False, a=action: self.run_action(a))
            if action in ("approve", "done", "resume"):
                button.setStyleSheet("font-weight: bold;")
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button
        from desktop.views.letters.letter_dialog import may_draft

        self.letter_button.setVisible(may_draft(self.session.user, self.app))

    def show_history(self) -> None:
        """Read the history only when asked for: most visits never look at it."""
        if self.app is None:
            return
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.app.reg_number, self)
        self._fill_history()
        self.history_dialog.show()
        self.history_dialog.table.resizeRowsToContents()  # at the shown width
        self.history_dialog.raise_()
        self.history_dialog.activateWindow()

    def _fill_history(self) -> None:
        entries = workflow.history(self.session.user, self.app)
        # The audit trail's own words (Jejak Audit shows the same entries the same way).
        words = audit_words.describe_all(entries)
        self.history_dialog.fill([[timefmt.format_local(entry.at), entry.username,
                                   said.sentence, said.summary()]
                                  for entry, said in zip(entries, words)])

    # -- actions --------------------------------------------------------------------------
    def _view_not_recorded(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            self.show_error("Catatan bahwa Anda membuka berkas ini belum tersimpan. "
                            + describe(exc, "Kesalahan tak terduga.") + " Tutup lalu buka "
                            "lagi; bila tetap gagal, hubungi administrator.")

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_TEXT_STYLE)
        self.message.setText(text)

    def show_ok(self, text: str) -> None:
        self.message.setStyleSheet(OK_TEXT_STYLE)
        self.message.setText(text)

    def _receipt_said(self, text: str, error: bool) -> None:
        (self.show_error if error else self.show_ok)(text)

    def _call(self, func, ok_text: str) -> bool:
        """Run a service change; on a conflict, say who moved it and reload."""
        try:
            func()
        except ConflictError as exc:
            self.reload()
            self.show_error(exc.message + " Tampilan sudah dimuat ulang.")
            return False
        except PelitaError as exc:
            self.show_error(exc.message)
            return False
        self.reload()
        self.show_ok(ok_text)
        return True

    def make_letter(self) -> None:
        from desktop.views.letters.letter_dialog import draft_from_application

        if draft_from_application(self.session, self.app, self) is not None:
            self.show_ok("Konsep surat dibuat; lanjutkan di menu Surat.")

    def run_action(self, action: str) -> None:
        user = self.session.user
        calls = {
            "done": lambda app, comment: workflow.complete_step(user, app, comment),
            "approve": lambda app, comment: workflow.decide(user, app, "approve", comment),
            "reject": lambda app, comment: workflow.decide(user, app, "reject", comment),
            "return": lambda app, comment: workflow.decide(user, app, "return", comment),
            "resume": lambda app, comment: workflow.resume(user, app, comment),
            "withdraw": lambda app, comment: workflow.withdraw(user, app, comment),
        }
        done_text = f"{ACTION_BUTTONS[action]}: tersimpan."
        if action not in COMMENT_PROMPTS:
            self._call(lambda: calls[action](self.app, ""), done_text)
            return

        def save(comment: str):
            try:
                return calls[action](self.app, comment)
            except ConflictError as exc:  # the next try works on what the other PC saved
                self.reload()
                self.show_error(exc.message + " Tampilan sudah dimuat ulang.")
                raise

        # The dialog makes the change and keeps a refusal to itself, with the typed reason.
        dialog = reason_dialog.ask(self, ACTION_BUTTONS[action], COMMENT_PROMPTS[action], save,
                                   accept_text=ACTION_BUTTONS[action])
        if dialog.result() == QDialog.DialogCode.Accepted:
            self.reload()
            self.show_ok(done_text)

    def _check_changed(self, check, state: str) -> None:
        self._call(lambda: workflow.set_check(self.session.user, self.app, check, state,
                                                  check.note),
                   f"Persyaratan {check.position}: {workflow.CHECK_STATES[state]}.")

    def _note_changed(self, check, note: str) -> None:
        if note.strip() == check.note:
            return
        self._call(lambda: workflow.set_check(self.session.user, self.app, check,
                                                  check.state, note),
                   f"Catatan persyaratan {check.position} tersimpan.")

    def add_scan(self) -> None:
        name = file_dialogs.open_path(self, "Pilih pindaian", SCAN_FILTER)
        if not name:
            return
        row = self.check_table.currentIndex().row()
        check = self.checks[row] if 0 <= row < len(self.checks) else None
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.show_error(f"Berkas '{path.name}' tidak bisa dibaca: {exc.strerror}.")
            return
        self._call(lambda: workflow.attach(self.session.user, self.app, path.name, data,
                                               check=check),
                   f"Pindaian '{path.name}' dilampirkan.")

    def _preview(self, item, _previous=None) -> None:
        self._preview_data = None
        self.open_button.setEnabled(False)
        if item is None:
            return
        try:
            attachment, data = workflow.attachment_data(self.session.user, item.data(Qt.ItemDataRole.UserRole))
        except PelitaError as exc:
            self.preview_label.setText(exc.message)
            return
        self._preview_data = (attachment, data)
        self.open_button.setEnabled(True)
        size = f"{attachment.size // 1024 or 1} KB"
        if attachment.mime.startswith("image/"):
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                self.preview_label.setPixmap(pixmap.scaled(
                    self.preview_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                return
            self.preview_label.setText(f"{attachment.filename}\nGambar, {size}, tidak bisa "
                                       "ditampilkan di sini.\n\nTekan 'Buka' untuk mencoba "
                                       "aplikasi lain.")
            return
        # QtPdf is not part of PySide6-Essentials: PDFs open in the system viewer.
        self.preview_label.setText(f"{attachment.filename}\nPDF, {size}\n\n"
                                   "Tekan 'Buka' untuk melihatnya.")

    def open_attachment(self) -> None:
        if self._preview_data is None:
            return
        attachment, data = self._preview_data
        # Under the extension of what the bytes are, never the name's own: a scan named
        # ktp.hta must not reach the system's HTML application host.
        suffix = workflow.EXTENSIONS.get(attachment.mime, (".bin",))[0]
        handle, name = tempfile.mkstemp(prefix="pelita-", suffix=suffix)
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(name)):
            self.show_error(f"Tidak ada aplikasi untuk membuka {attachment.filename}; berkas "
                            f"sementara: {name}")
