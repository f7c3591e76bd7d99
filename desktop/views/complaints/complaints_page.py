"""Pengaduan: complaints, suggestions and appreciation from every channel, each with the clock
it runs on; the chosen one's whole story below, and the step its handler takes next."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget)

from desktop.services.admin.calendar import WorkCalendar
from desktop.services.complaints import clocks, complaints, reply_letter
from desktop.services.letters import lifecycle
from desktop.services.shared import list_export as shared_export, permissions, timefmt
from desktop.views.complaints.complaint_forms import (CompleteFileDialog, ConfirmDialog,
                                                      FollowUpDialog, RecordDialog,
                                                      ResolveDialog, RouteDialog, VerifyDialog)
from desktop.views.letters.letter_dialog import LetterDialog, draft_from_application
from desktop.views.shared import list_export
from desktop.views.shared.rich_text import typed_text as escape
from desktop.views.shared.tables import read_only_table

COLUMNS = ["Nomor", "Diterima", "Jenis", "Saluran", "Pokok aduan", "Tentang", "Pengadu",
           "Penangan", "Status", "Batas waktu"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The page's "Tampilkan" choices: a state, every open one, or the open ones on a clock.
SHOWN = {"terbuka": "Belum selesai", "terlambat": "Terlambat", "hari_ini": "Jatuh tempo hari ini",
         "": "Semua"}
SHOWN.update({k: v for k, v in complaints.STATES.items() if k not in SHOWN})
LATE_COLOUR = QColor("#a93226")


def about_text(c) -> str:
    if c.about == "permohonan":
        return complaints.HIDDEN_CASE if c.case_hidden else c.application.reg_number
    if c.about == "petugas":
        return f"Petugas: {c.staff_named}"
    if c.about == "layanan" and c.service_id:
        return c.service.name
    return complaints.ABOUT[c.about]


class ComplaintsPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        user = session.user
        self.shown = QComboBox()
        for code, label in SHOWN.items():
            self.shown.addItem(label, code)
        self.kind = QComboBox()
        self.kind.addItem("Semua jenis", "")
        for code, label in complaints.KINDS.items():
            self.kind.addItem(label, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari nomor, pokok aduan, tiket LAPOR! atau nama pengadu")
        self.search.returnPressed.connect(self.refresh)
        self.shown.currentIndexChanged.connect(lambda _: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _: self.refresh())
        self.new_button = QPushButton("Catat pengaduan/saran…")
        self.new_button.setVisible(permissions.can(user, "complaints.record"))
        self.new_button.clicked.connect(self.record)
        top = QHBoxLayout()
        for label, widget in (("Tampilkan:", self.shown), ("Jenis:", self.kind)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.table = read_only_table(self.model, "pengaduan")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_chosen())

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.actions = {}
        column = QVBoxLayout()
        for key, text, dialog in (("route", "Teruskan ke petugas…", RouteDialog),
                                  ("verify", "Verifikasi…", VerifyDialog),
                                  ("complete", "Berkas lengkap…", CompleteFileDialog),
                                  ("follow", "Tindak lanjut…", FollowUpDialog),
                                  ("resolve", "Jawab / tanggapi…", ResolveDialog),
                                  ("confirm", "Konfirmasi pengadu…", ConfirmDialog)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, d=dialog: self.open_form(d))
            column.addWidget(button)
            self.actions[key] = button
        for key, text, slot in (("draft_reply", "Buat surat jawaban…", self.draft_reply),
                                ("open_reply", "Buka surat jawaban", self.open_reply)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.actions[key] = button
        self.actions["draft_reply"].setToolTip(
            "Konsep surat jawaban kepada pengadu dari templat, lalu diparaf dan "
            "ditandatangani kepala seperti surat lainnya")
        column.addStretch(1)
        lower = QWidget()
        lower_row = QHBoxLayout(lower)
        lower_row.setContentsMargins(0, 0, 0, 0)
        lower_row.addWidget(self.detail, 1)
        lower_row.addLayout(column)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.status = QLabel()
        self.export_button = list_export.export_button(self, self.table, "Daftar pengaduan",
                                                       self._export)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.rows = []
        self.refresh()

    def show_only(self, shown: str = "terbuka", kind: str = "") -> None:
        """Open the list on one filter (a dashboard tile's)."""
        self.shown.blockSignals(True)
        self.shown.setCurrentIndex(max(self.shown.findData(shown), 0))
        self.shown.blockSignals(False)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen_id()
        shown = self.shown.currentData()
        state = "terbuka" if shown in ("terlambat", "hari_ini") else shown
        found = complaints.listing(self.session.user, state=state or None,
                                   kind=self.kind.currentData() or None,
                                   text=self.search.text())
        today, days = timefmt.office_today(), WorkCalendar()
        figures = clocks.limits()
        self.rows = []
        for c in found:
            clock = clocks.running(clocks.clocks_of(c, days, figures))
            if shown in ("terlambat", "hari_ini") and (
                    clock is None or clock.standing(today) != shown):
                continue
            self.rows.append((c, clock))
        self.model.removeRows(0, self.model.rowCount())
        for c, clock in self.rows:
            cells = [c.number, timefmt.short_local(c.received_at), complaints.KINDS[c.kind],
                     complaints.CHANNELS[c.channel], c.subject, about_text(c),
                     complaints.complainant_label(c), c.handler or "—",
                     complaints.STATES[c.state], clocks.describe(clock, today, days)]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setToolTip(item.text())
            items[0].setData(c.id, ID_ROLE)
            if clock is not None and clock.standing(today) == "terlambat":
                items[-1].setForeground(LATE_COLOUR)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        for column, most in ((4, 260), (5, 200), (6, 160)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        rows = [r for r, (c, _) in enumerate(self.rows) if c.id == chosen]
        self.table.selectRow(rows[0] if rows else 0)
        self.status.setText(f"{len(self.rows)} catatan" + (" (500 terbaru)" if len(found) >= 500
                                                         else ""))
        self.show_chosen()

    def _export(self, path, columns, headers):
        """The complaints listed, as shown; the received time as a date."""
        rows = list_export.shown_rows(self.model)
        for row, (c, _clock) in zip(rows, self.rows):
            row[1] = shared_export.local_time(c.received_at)
        return list_export.rows_task(self.session.user, path, columns, headers,
                                     title="Daftar pengaduan", rows=rows, table="complaint")

    def chosen_id(self):
        index = self.table.currentIndex()
        return self.model.item(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    def chosen(self):
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) \
            else (None, None)

    def show_chosen(self) -> None:
        c, clock = self.chosen()
        for button in self.actions.values():
            button.setVisible(False)
        if c is None:
            self.detail.setText("Belum ada pengaduan, saran atau apresiasi yang cocok.")
            return
        user = self.session.user
        self.reply_letters = reply_letter.letters_of(user, c)
        self.detail.setText(detail_html(c, clock, self.reply_letters))
        handles = user.role == permissions.HEAD or (c.handler and c.handler == user.username)
        complaint_kind = c.kind == "pengaduan"
        visible = {
            "route": permissions.can(user, "complaints.route") and c.state in
            complaints.OPEN_STATES,
            "verify": handles and complaint_kind and c.state == "diterima",
            "complete": handles and c.state in ("diverifikasi", "ditindaklanjuti")
            and c.file_complete_on is None,
            "follow": handles and c.state == "diverifikasi",
            "resolve": handles and (c.state == "ditindaklanjuti" if complaint_kind
                                    else c.state == "diterima"),
            "confirm": handles and c.state == "selesai",
            "draft_reply": reply_letter.may_draft(user, c),
            "open_reply": bool(self.reply_letters)}
        for key, shown in visible.items():
            self.actions[key].setVisible(bool(shown))

    def open_form(self, dialog_class) -> None:
        c, _ = self.chosen()
        if c is None:
            return
        fresh = complaints.get(self.session.user, c.id)  # its current version
        if dialog_class(self.session, fresh, self).exec():
            self.refresh()

    def draft_reply(self) -> None:
        c, _ = self.chosen()
        if c is None:
            return
        if self.reply_letters and QMessageBox.question(
                self, "Surat jawaban lain",
                f"Pengaduan ini sudah punya surat jawaban: {letters_text(self.reply_letters)}."
                "\n\nBuat satu surat jawaban lagi (misalnya jawaban lanjutan)?") \
                != QMessageBox.StandardButton.Yes:
            return
        fresh = complaints.get(self.session.user, c.id)
        if draft_from_application(self.session, None, self, complaint=fresh) is not None:
            self.refresh()

    def open_reply(self) -> None:
        if not self.reply_letters:
            return
        dialog = LetterDialog(self.session, self.reply_letters[-1].id, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    def record(self) -> None:
        dialog = RecordDialog(self.session, None, self)
        if dialog.exec():
            self.search.clear()
            self.refresh()


def _line(label: str, value) -> str:
    return f"<tr><td style='color:#555; padding-right:10px'>{label}</td>" \
           f"<td>{escape(str(value))}</td></tr>" if value else ""


def letters_text(letters) -> str:
    """Each reply letter: its number once signed, else its step."""
    return "; ".join(
        letter.number or f"konsep ({lifecycle.STATES[letter.state].lower()})"
        for letter in letters)


def detail_html(c, clock, letters=()) -> str:
    today = timefmt.office_today()
    days = WorkCalendar()
    identity = complaints.complainant_label(c)
    if c.identity == "rahasia" and not c.identity_hidden:
        identity += " (dirahasiakan dari petugas lain)"
    rows = [
        _line("Diterima", f"{timefmt.format_local(c.received_at)} melalui "
              f"{complaints.CHANNELS[c.channel]}"
              + (f", tiket {c.lapor_ticket}" if c.lapor_ticket else "")),
        _line("Tentang", about_text(c)), _line("Kategori", complaints.CATEGORIES[c.category]),
        _line("Pengadu", identity),
        _line("Kontak", ", ".join(p for p in (c.complainant_contact, c.complainant_address)
                                  if p)),
        _line("Uraian", c.description),
        _line("Penangan", c.handler or "belum diteruskan oleh kepala")]
    for stage in clocks.clocks_of(c, days):
        if stage.done_on:
            words = "tepat waktu" if stage.on_time else "terlambat"
            rows.append(_line(stage.label, f"{timefmt.format_date(stage.done_on)} ({words})"))
        else:
            rows.append(_line(stage.label, clocks.describe(stage, today, days)))
    rows += [_line("Catatan verifikasi", c.verification_note),
             _line("Berkas lengkap", timefmt.format_date(c.file_complete_on)
                   if c.file_complete_on else ""),
             _line("Tindak lanjut", c.follow_up),
             _line("Jawaban", f"{complaints.REPLY_KINDS[c.reply_kind]}"
                   + (f" ({c.reply_reference})" if c.reply_reference else "")
                   + f": {c.reply}" if c.reply_kind else ""),
             _line("Surat jawaban", letters_text(letters)),
             _line("Hasil", complaints.OUTCOMES[c.kind].get(c.outcome, "")),
             _line("Konfirmasi", complaints.CONFIRMATIONS.get(c.confirmation, ""))]
    return (f"<b>{escape(c.number)} · {escape(complaints.KINDS[c.kind])}: "
            f"{escape(c.subject)}</b> — {escape(complaints.STATES[c.state])}"
            f"<table>{''.join(rows)}</table>")
