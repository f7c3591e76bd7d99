"""One letter: its free text, subject and signer, the step the user's role may take now, and
the document itself (preview, save as DOCX or PDF, open in a word processor, print).

Also the small "Buat surat" dialog that drafts a letter from an application.
"""
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)
from shiboken6 import isValid

from desktop.errors import ConflictError, PelitaError
from desktop.services.admin import office, users
from desktop.services.applications import workflow
from desktop.services.complaints import reply_letter
from desktop.services.letters import catalogue, context as letter_context, lifecycle
from desktop.services.shared import permissions, timefmt
from desktop.views.letters.letter_preview import (LetterPreview, document_name, letter_pdf, open_docx,
                                                pdf_pages)
from desktop.views.shared import file_dialogs, reason_dialog, window_size
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import FieldErrors, dialog_buttons, error_label
from desktop.views.shell import workers

PRINT_DPI = 300
LONG_TEXT = 70  # a sample value longer than this gets a multi-line editor
ACTION_TEXTS = {"submit": "Ajukan paraf", "paraf": "Paraf", "return": "Kembalikan…",
                "sign": "Tanda tangani", "hand_over": "Serahkan", "revoke": "Cabut surat…"}


def _button(text: str, slot=None) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def signer_combo(actor, selected_id: int | None = None) -> QComboBox:
    combo = QComboBox()
    for user in users.signers(actor):
        label = user.full_name + (f" — {user.position}" if user.position else "")
        combo.addItem(label, user.id)
    if selected_id is not None:
        combo.setCurrentIndex(max(combo.findData(selected_id), 0))
    return combo


def signing_combo() -> QComboBox:
    """Own title, a.n., Plt. or Plh.: chosen with the signer, before the paraf."""
    combo = QComboBox()
    for key, label in letter_context.SIGNING_AS.items():
        combo.addItem(label, key)
    combo.setToolTip("Ditandatangani atas jabatan sendiri, atas nama (a.n.) Kepala Dinas, "
                     "atau sebagai Pelaksana Tugas (Plt.) / Pelaksana Harian (Plh.) Kepala "
                     "Dinas. Blok tanda tangan pada konsep dan paraf sudah mengikutinya; "
                     "mengubahnya sesudah paraf meminta paraf ulang.")
    return combo


def choice_label(choice) -> str:
    """Rekomendasi SLRT — Bantuan Sosial Kesehatan: the template and what the service fixes."""
    title = catalogue.spec(choice.template_key).title
    detail = choice.defaults.get("aid_type") or choice.defaults.get("destination_name")
    return f"{title} — {detail}" if detail else title


def available_actions(user, letter) -> list[str]:
    """The steps `user`'s role may take on `letter` now, in the order of the work."""
    can = lambda permission: permissions.can(user, permission)  # noqa: E731
    actions = []
    if letter.state in lifecycle.EDITABLE and can("letters.draft"):
        actions.append("submit")
    if letter.state == "waiting_paraf" and can("letters.paraf") and letter.signer_id != user.id:
        actions.append("paraf")
    if (letter.state == "waiting_paraf" and can("letters.paraf")) or \
            (letter.state == "waiting_signature" and can("letters.sign")
             and letter.signer_id == user.id):
        actions.append("return")
    if letter.state == "waiting_signature" and can("letters.sign") and \
            letter.signer_id == user.id:
        actions.append("sign")
    if letter.state == "signed" and can("letters.hand_over"):
        actions.append("hand_over")
    if letter.state in lifecycle.IN_FORCE and can("letters.revoke"):
        actions.append("revoke")
    return actions


def print_pages(printer: QPrinter, pngs: list[bytes]) -> None:
    """Each page image on its own sheet, at its true size (A4 on A4), centred."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PelitaError("Printer tidak bisa dibuka; periksa printer lalu coba lagi.")
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        for number, png in enumerate(pngs):
            if number:
                printer.newPage()
            image = QImage.fromData(png, "PNG")
            size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(QRect(0, 0, paper.width(), paper.height()).center())
            painter.drawImage(target, image)
    finally:
        painter.end()


class LetterDialog(QDialog):
    def __init__(self, session, letter_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.letter_id = letter_id
        self.letter = lifecycle.get(letter_id, session.user)  # NotFound goes to the caller
        self.changed = False  # the letter moved on or was edited: lists should refresh
        self.field_widgets: dict[str, QWidget] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        self._shown: dict[str, object] = {}
        self.setWindowTitle("Surat — Pelita")
        self.setSizeGripEnabled(True)
        window_size.fit(self, 1200, 760)

        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.state_label = QLabel()
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #444;")
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("background: #fff4d6; color: #7a4b00; padding: 6px;")
        header = QVBoxLayout()
        line = QHBoxLayout()
        line.addWidget(self.title_label, 1)
        line.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(line)
        header.addWidget(self.info_label)
        header.addWidget(self.note_label)

        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(lifecycle.SUBJECT_MAX)
        self.signer_combo = signer_combo(self.session.user)
        top_form = QFormLayout()
        top_form.addRow("Hal:", self.subject_edit)
        top_form.addRow("Penanda tangan:", self.signer_combo)
        self.signing_combo = signing_combo()
        top_form.addRow("Sebagai:", self.signing_combo)
        self.fields_form = QFormLayout()
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Captions above their fields: the templates' labels are too long to sit beside them.
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields_form.setVerticalSpacing(4)
        fields_widget = QWidget()
        fields_widget.setLayout(self.fields_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields_widget)
        self.fields_box = QGroupBox("Isian surat")
        self.fields_box.setStyleSheet("QLineEdit[readOnly=\"true\"], "
                                      "QPlainTextEdit[readOnly=\"true\"] "
                                      "{ background: #f3f4f6; color: #333; }")
        box_layout = QVBoxLayout(self.fields_box)
        box_layout.addLayout(top_form)
        box_layout.addWidget(scroll, 1)
        self.save_button = _button("Simpan perubahan", self.save)

        self.message = error_label()
        self.errors = FieldErrors(self.message, {"Hal": self.subject_edit,
                                                 "Penanda tangan": self.signer_combo,
                                                 "Sebagai": self.signing_combo})
        self.actions_row = QHBoxLayout()
        for action, text in ACTION_TEXTS.items():
            button = _button(text, lambda _=False, a=action: self.run_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.save_button)

        self.docx_button = _button("Simpan DOCX…", self.save_docx)
        self.pdf_button = _button("Simpan PDF…", self.save_pdf)
        self.word_button = _button("Buka di pengolah kata", self.open_in_word)
        self.word_button.setToolTip("Buka surat di Microsoft Word atau LibreOffice Writer")
        self.print_button = _button("Cetak…", self.print_letter)
        close = _button("Tutup", self.accept)
        documents = QHBoxLayout()
        for button in (self.docx_button, self.pdf_button, self.word_button, self.print_button):
            documents.addWidget(button)
        documents.addStretch(1)
        documents.addWidget(close)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.fields_box, 1)
        self.preview = LetterPreview(session)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([600, 600])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.actions_row)
        layout.addLayout(documents)
        self._fill()

    # --- showing -------------------------------------------------------------------------

    def editable(self) -> bool:
        return self.letter.state in lifecycle.EDITABLE and \
            permissions.can(self.session.user, "letters.draft")

    def signing_changeable(self) -> bool:
        """The kepala may change signer or capacity while it waits (for a new paraf)."""
        return self.letter.state in ("waiting_paraf", "waiting_signature") and \
            permissions.can(self.session.user, "letters.paraf")

    def _fill(self) -> None:
        letter = self.letter
        try:
            title = catalogue.spec(letter.template_key).title
        except KeyError:
            title = letter.template_key
        self.title_label.setText(f"{title}" + (f" · Nomor {letter.number}" if letter.number
                                               else " · belum bernomor"))
        self.state_label.setText(lifecycle.STATES.get(letter.state, letter.state))
        colour = {"signed": ("#e3f4e8", "#1e6b35"), "handed_over": ("#e3f4e8", "#1e6b35"),
                  "returned": ("#fff1c2", "#7a4b00"), "revoked": ("#fde2e1", "#b3261e")
                  }.get(letter.state, ("#e8eef9", "#1f3f7a"))
        self.state_label.setStyleSheet(f"padding: 3px 10px; border-radius: 8px; "
                                       f"background: {colour[0]}; color: {colour[1]};")
        self.info_label.setText(self._info())
        if letter.state == "revoked":
            self.note_label.setVisible(True)
            self.note_label.setText(f"Surat ini dicabut {timefmt.format_local(letter.revoked_at)}"
                                    f" oleh {letter.revoked_by.full_name} dan tidak berlaku lagi. "
                                    f"Alasan: {letter.revocation_reason}")
        else:
            self.note_label.setVisible(bool(letter.return_note) and letter.state == "returned")
            self.note_label.setText(f"Dikembalikan dengan catatan: {letter.return_note}")
        self.subject_edit.setText(letter.subject)
        self.signer_combo.setCurrentIndex(max(self.signer_combo.findData(letter.signer_id), 0))
        if self.signer_combo.findData(letter.signer_id) < 0:  # signer since deactivated
            self.signer_combo.insertItem(0, letter.signer.full_name, letter.signer_id)
            self.signer_combo.setCurrentIndex(0)
        self.signing_combo.setCurrentIndex(max(self.signing_combo.findData(letter.signing_as),
                                               0))
        self._fill_fields()
        editable = self.editable()
        self.subject_edit.setReadOnly(not editable)
        self.signer_combo.setEnabled(editable or self.signing_changeable())
        self.signing_combo.setEnabled(editable or self.signing_changeable())
        self.save_button.setVisible(editable or self.signing_changeable())
        self.save_button.setText("Simpan perubahan" if editable else
                                 "Simpan penanda tangan (paraf ulang)")
        self.fields_box.setTitle("Isian surat" if editable else "Isian surat (hanya dibaca)")
        allowed = available_actions(self.session.user, letter)
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
        self.action_buttons["sign"].setStyleSheet("font-weight: bold;")
        self.preview.show_letter(letter.id, letter.version)

    def _info(self) -> str:
        letter = self.letter
        parts = []
        if letter.application_id is not None:
            try:
                app = workflow.get(letter.application_id, self.session.user, record=False)
            except PelitaError:
                app = None
            if app is not None:
                who = app.person.name if app.person_id else (
                    app.organisation.name if app.organisation_id else "")
                parts.append(f"Permohonan {app.reg_number}" + (f" · {who}" if who else ""))
        if letter.complaint_id is not None:
            parts.append(f"Jawaban pengaduan {letter.complaint.number}")
        parts.append(f"Dibuat {letter.drafted_by.full_name}, "
                     f"{timefmt.format_local(letter.created_at)}")
        if letter.paraf_by_id:
            parts.append(f"Diparaf {letter.paraf_by.full_name}, "
                         f"{timefmt.format_local(letter.paraf_at)}")
        if letter.signed_at:
            parts.append(f"Ditandatangani {(letter.signing_as + ' ') if letter.signing_as else ''}"
                         f"{letter.signer.full_name}, {timefmt.format_local(letter.signed_at)} · "
                         f"kode verifikasi {letter_context.format_code(letter.verification_code)}")
        if letter.handed_over_at:
            parts.append(f"Diserahkan {timefmt.format_local(letter.handed_over_at)}")
        if letter.revoked_at:
            parts.append(f"Dicabut {timefmt.format_local(letter.revoked_at)}")
        return " · ".join(parts)

    def _values(self) -> tuple[dict, list[str]]:
        """What each field shows (as issued for a signed letter; else stored or derived), and
        the names staff fill: not what the case record fills (the DTKS status), which is
        recorded on its panel."""
        letter = self.letter
        if letter.state in lifecycle.ISSUED:
            return (lifecycle.issued_values(letter),
                    letter_context.editable_names(letter.template_key))
        app = (workflow.get(letter.application_id, self.session.user, record=False)
               if letter.application_id else None)
        values = letter_context.build(letter, application=app)
        typed = letter_context.editable_names(letter.template_key, app)
        values.update({name: value for name, value in letter_context.free_text(letter).items()
                       if name in typed})  # as typed (amounts), not what a case record fills
        return values, typed

    def _fill_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.field_widgets = {}
        self._shown = {}
        spec = catalogue.spec(self.letter.template_key)
        descriptions = spec.all_variables()
        samples = catalogue.sample_context(self.letter.template_key)
        values, typed = self._values()
        editable = self.editable()
        names = [n for n in typed if not n.endswith("_words")]  # terbilang: from the amount
        # Lists (tembusan) last, where they stand in the letter.
        names.sort(key=lambda n: isinstance(samples.get(n), list))
        for name in names:
            label, _, hint = descriptions.get(name, name).partition(": ")
            value = values.get(name, "")
            sample = samples.get(name, "")
            if isinstance(sample, list) or isinstance(value, list):
                widget = QPlainTextEdit("\n".join(str(v) for v in (value or [])))
                widget.setPlaceholderText("Satu baris untuk satu butir")
                widget.setFixedHeight(64)
                shown = widget.toPlainText()
            elif len(str(sample)) > LONG_TEXT or len(str(value)) > LONG_TEXT:
                widget = QPlainTextEdit(str(value or ""))
                widget.setPlaceholderText(hint)
                widget.setFixedHeight(72)
                shown = widget.toPlainText()
            else:
                widget = QLineEdit(str(value or ""))
                widget.setPlaceholderText(hint)
                shown = widget.text()
            widget.setReadOnly(not editable)
            widget.setToolTip(descriptions.get(name, name))
            widget.setObjectName(name)
            caption = QLabel(label + ":")
            caption.setStyleSheet("color: #333; margin-top: 4px;")
            self.fields_form.addRow(caption, widget)
            self.field_widgets[name] = widget
            self._shown[name] = shown
            self.errors.add(f"Isian '{name}'", widget)

    def field_value(self, name: str) -> str:
        widget = self.field_widgets[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def set_field(self, name: str, text: str) -> None:
        widget = self.field_widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    # --- editing -------------------------------------------------------------------------

    def _changes(self) -> dict:
        """Only what the user changed: untouched parts keep following the application."""
        changes = {}
        if self.subject_edit.text().strip() != self.letter.subject:
            changes["subject"] = self.subject_edit.text()
        if self.signer_combo.currentData() != self.letter.signer_id:
            changes["signer"] = self.signer_combo.currentData()
        if self.signing_combo.currentData() != self.letter.signing_as:
            changes["signing_as"] = self.signing_combo.currentData()
        if not self.editable():  # the kepala, on a waiting letter: who signs and how only
            return {k: v for k, v in changes.items() if k in ("signer", "signing_as")}
        stored = letter_context.free_text(self.letter)
        fields = dict(stored)
        for name, widget in self.field_widgets.items():
            text = self.field_value(name)
            if text == self._shown[name]:
                continue
            if isinstance(widget, QPlainTextEdit) and isinstance(
                    catalogue.sample_context(self.letter.template_key).get(name), list):
                fields[name] = [line.strip() for line in text.splitlines() if line.strip()]
            else:
                fields[name] = text
        if fields != stored:
            changes["fields"] = fields
        return changes

    def dirty(self) -> bool:
        return (self.editable() or self.signing_changeable()) and bool(self._changes())

    def has_unsaved_changes(self) -> bool:  # views.shared.unsaved: quitting asks first
        return self.isVisible() and self.dirty()

    def save(self) -> bool:
        changes = self._changes()
        if not changes:
            self.errors.success("Tidak ada perubahan.")
            return True
        if not self.editable():
            if self.letter.paraf_by_id and QMessageBox.question(
                    self, "Ubah penanda tangan",
                    "Surat ini sudah diparaf untuk blok tanda tangan yang lama. Mengubah "
                    "penanda tangan atau kapasitasnya mengembalikan surat untuk diparaf "
                    "ulang. Lanjutkan?") != QMessageBox.StandardButton.Yes:
                return False
            return self._call(lambda: lifecycle.change_signing(self.session.user, self.letter,
                                                               **changes),
                              "Penanda tangan diubah; surat menunggu paraf.")
        return self._call(lambda: lifecycle.edit(self.session.user, self.letter, **changes),
                          "Perubahan surat tersimpan.")

    def _call(self, func, ok_text: str) -> bool:
        """Run a lifecycle step; on success reload; on a refusal show the service's message."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.letter = func()
        except ConflictError as exc:
            self.letter = lifecycle.get(self.letter_id, self.session.user)
            self._fill()
            self.errors.show(exc)
            self.message.setText(exc.message + " Tampilan sudah dimuat ulang.")
            self.message.show()
            return False
        except PelitaError as exc:
            self.errors.show(exc)
            self.message.show()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.changed = True
        self._fill()
        self.errors.success(ok_text)
        self.message.show()
        return True

    def run_action(self, action: str) -> bool:
        user = self.session.user
        if action == "submit":
            if self.dirty() and not self.save():
                return False
            return self._call(lambda: lifecycle.submit(user, self.letter),
                              "Surat diajukan untuk diparaf.")
        if action == "paraf":
            return self._call(lambda: lifecycle.paraf(user, self.letter),
                              "Surat diparaf; menunggu tanda tangan.")
        if action == "return":
            def save(note: str):
                try:
                    return lifecycle.return_letter(user, self.letter, note)
                except ConflictError:  # the next try works on what the other PC saved
                    self.letter = lifecycle.get(self.letter_id, user)
                    self._fill()
                    raise

            # The note's dialog makes the change and keeps a refusal to itself.
            dialog = reason_dialog.ask(self, "Kembalikan surat",
                                       "Apa yang harus diperbaiki? (wajib)", save,
                                       accept_text="Kembalikan", field="Catatan pengembalian")
            if dialog.result() != QDialog.DialogCode.Accepted:
                return False
            return self._call(lambda: dialog.saved, "Surat dikembalikan kepada pembuatnya.")
        if action == "sign":
            if self.dirty():  # a capacity picked but not saved: not what was initialled
                self.errors.show(PelitaError("Penanda tangan atau kapasitas diubah tetapi "
                                             "belum disimpan; simpan (surat diparaf ulang) "
                                             "atau tutup tanpa menyimpan."))
                self.message.show()
                return False
            signing_as = self.letter.signing_as
            how = f" {signing_as} {letter_context.head_position(office.get_profile())}" \
                if signing_as else ""
            answer = QMessageBox.question(
                self, "Tanda tangani surat",
                f"Tanda tangani surat ini{how}? Nomor surat diambil sekarang dan surat yang "
                "sudah ditandatangani tidak dapat diubah lagi.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            ok = self._call(lambda: lifecycle.sign(user, self.letter, signing_as),
                            "Surat ditandatangani.")
            if ok:
                self.errors.success(f"Surat ditandatangani dengan nomor {self.letter.number}.")
            return ok
        if action == "hand_over":
            return self._call(lambda: lifecycle.hand_over(user, self.letter),
                              "Surat dicatat sudah diserahkan kepada pemohon.")
        if action == "revoke":
            asking = RevokeLetterDialog(self.session, self.letter, self)
            if asking.exec() != QDialog.DialogCode.Accepted or asking.letter is None:
                return False
            self.letter = asking.letter
            self.changed = True
            self._fill()
            self.errors.success(f"Surat {self.letter.number} dicabut. Verifikasi kodenya kini "
                                "menyatakan surat ini dicabut; terbitkan ulang halaman "
                                "verifikasi situs kantor agar tampil juga di sana.")
            self.message.show()
            return True
        raise ValueError(action)

    def reject(self) -> None:
        """Esc or the window's close button: do not drop typed edits silently."""
        if self.dirty():
            answer = QMessageBox.question(
                self, "Surat", "Perubahan isian belum disimpan. Simpan sekarang?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    def accept(self) -> None:
        self.reject()

    # --- the document --------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        if error:
            self.errors.show(PelitaError(text))
        else:
            self.errors.success(text)
        self.message.show()

    def document(self) -> bytes | None:
        """The stored signed DOCX, or the draft rendered now; None after showing why not."""
        try:
            return lifecycle.preview(self.letter)
        except PelitaError as exc:
            self._say(exc.message, error=True)
            return None

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        name = file_dialogs.save_path(self, title, document_name(self.letter) + suffix, kind,
                                      suffix)
        return Path(name) if name else None

    def _write(self, path: Path, data: bytes) -> bool:
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._say(f"Berkas {path} tidak bisa ditulis: {exc.strerror}.", error=True)
            return False
        self._say(f"Tersimpan: {path}")
        return True

    def save_docx(self) -> bool:
        data = self.document()
        if data is None:
            return False
        path = self._ask_path("Simpan surat sebagai DOCX", ".docx", "Dokumen Word")
        return path is not None and self._write(path, data)

    def save_pdf(self) -> None:
        path = self._ask_path("Simpan surat sebagai PDF", ".pdf", "Dokumen PDF")
        if path is None:
            return
        self._say("Membuat PDF…")
        self.pdf_button.setEnabled(False)
        actor, letter = self.session.user, self.letter
        workers.run_task(lambda: letter_pdf(actor, letter),
                         lambda data: self._pdf_done(path, data), self._document_failed)

    def _pdf_done(self, path: Path, data: bytes) -> None:
        if isValid(self):
            self.pdf_button.setEnabled(True)
            self._write(path, data)

    def _document_failed(self, exc: Exception) -> None:
        if isValid(self):
            self.pdf_button.setEnabled(True)
            self.print_button.setEnabled(True)
            self._say(describe(exc, "Surat gagal disiapkan untuk dicetak atau disimpan."),
                      error=True)

    def open_in_word(self) -> None:
        data = self.document()
        if data is None:
            return
        opened, name = open_docx(self.letter, data)
        if opened:
            self._say("Surat dibuka di pengolah kata. Perubahan di sana tidak mengubah surat "
                      "yang tersimpan di Pelita.")
        else:
            self._say(f"Tidak ada aplikasi untuk membuka dokumen Word di PC ini; berkasnya "
                      f"tersimpan di {name}.", error=True)

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the page images already carry the letter's margins
        printer.setDocName(document_name(self.letter))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._say("Menyiapkan halaman untuk dicetak…")
        self.print_button.setEnabled(False)
        actor, letter = self.session.user, self.letter
        self._printer = printer  # kept alive until the pages arrive
        workers.run_task(lambda: pdf_pages(letter_pdf(actor, letter), PRINT_DPI),
                         lambda pages: self._print_pages(printer, pages),
                         self._print_failed)

    def _print_failed(self, exc: Exception) -> None:
        self._document_failed(exc)
        if isValid(self):
            self.message.setText(self.message.text() + " Untuk mencetak tanpanya, pilih 'Buka "
                                 "di pengolah kata' lalu cetak dari Word atau LibreOffice.")

    def _print_pages(self, printer: QPrinter, pages: list[bytes]) -> None:
        if not isValid(self):
            return
        self.print_button.setEnabled(True)
        try:
            print_pages(printer, pages)
        except PelitaError as exc:
            self._say(exc.message, error=True)
            return
        self._say(f"{len(pages)} halaman dikirim ke printer.")


class RevokeLetterDialog(QDialog):
    """Revoke (cabut) an issued letter: the reason is required; a refusal stays in the dialog
    with what was typed, and only a revocation recorded closes it."""

    def __init__(self, session, letter, parent=None):
        super().__init__(parent)
        self.session = session
        self.target = letter
        self.letter = None  # the revoked letter, once recorded
        self.setWindowTitle("Cabut surat — Pelita")
        self.intro = QLabel(f"Cabut surat nomor {letter.number}? Surat yang dicabut tidak "
                            "berlaku lagi: verifikasi kodenya menyatakan surat ini dicabut "
                            "beserta tanggalnya, surat tidak dapat diserahkan, dan nomornya "
                            "tidak dipakai surat lain. Pencabutan tidak dapat dibatalkan.")
        self.intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText("Mengapa surat ini dicabut? (wajib; tercatat dan "
                                            "dibaca petugas yang memeriksa surat ini)")
        self.reason_edit.setTabChangesFocus(True)
        self.message = error_label()
        self.errors = FieldErrors(self.message, {"Alasan pencabutan": self.reason_edit})
        buttons, self.revoke_button = dialog_buttons(self, "Cabut surat", self.revoke)
        form = QFormLayout()
        form.addRow("Alasan pencabutan:", self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

    def revoke(self) -> bool:
        try:
            self.letter = lifecycle.revoke(self.session.user, self.target,
                                           self.reason_edit.toPlainText())
        except ConflictError as exc:  # handed over on another PC meanwhile: the new state
            self.target = lifecycle.get(self.target.id, self.session.user)
            self.errors.show(exc)
            self.message.setText(exc.message + " Surat sudah dimuat ulang; tekan Cabut surat "
                                 "lagi bila tetap perlu dicabut.")
            self.message.show()
            return False
        except PelitaError as exc:
            self.errors.show(exc)
            self.message.show()
            return False
        self.accept()
        return True


# --- drafting from an application ---------------------------------------------------------------

class DraftLetterDialog(QDialog):
    """Which letter (when the service has several) and who signs it; then drafts it. For a
    complaint, its reply letter."""

    def __init__(self, session, application=None, parent=None, complaint=None):
        super().__init__(parent)
        self.session = session
        self.application = application
        self.complaint = complaint
        self.letter = None
        self.setWindowTitle("Buat surat — Pelita")
        self.choices = ([catalogue.LetterChoice(reply_letter.TEMPLATE_KEY)]
                        if complaint is not None else lifecycle.letter_choices(application))
        self.choice_combo = QComboBox()
        for choice in self.choices:
            self.choice_combo.addItem(choice_label(choice))
        self.signer_combo = signer_combo(self.session.user)
        form = QFormLayout()
        if complaint is not None:
            form.addRow("Pengaduan:", QLabel(f"{complaint.number} · {complaint.subject}"))
        else:
            form.addRow("Permohonan:", QLabel(application.reg_number))
        form.addRow("Jenis surat:", self.choice_combo)
        form.addRow("Penanda tangan:", self.signer_combo)
        self.signing_combo = signing_combo()
        form.addRow("Sebagai:", self.signing_combo)
        self.message = error_label()
        self.errors = FieldErrors(self.message, {"Penanda tangan": self.signer_combo,
                                                 "Sebagai": self.signing_combo,
                                                 "Jenis surat": self.choice_combo})
        if not users.signers(self.session.user):
            self.errors.show(PelitaError("Belum ada pengguna berperan Kepala yang aktif; minta "
                                         "administrator menambahkannya di menu Pengguna."))
            self.message.show()
        buttons, self.create_button = dialog_buttons(self, "Buat konsep", self.create)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

    def create(self) -> None:
        try:
            self.letter = lifecycle.draft(self.session.user, self.application,
                                          signer=self.signer_combo.currentData(),
                                          choice=max(self.choice_combo.currentIndex(), 0),
                                          complaint=self.complaint,
                                          signing_as=self.signing_combo.currentData())
        except PelitaError as exc:
            self.errors.show(exc)
            self.message.show()
            return
        self.accept()


def may_draft(user, application) -> bool:
    """Whether the detail screen offers "Buat surat" for this application."""
    return (permissions.can(user, "letters.draft")
            and application.state not in ("rejected", "withdrawn")
            and bool(lifecycle.letter_choices(application)))


def draft_from_application(session, application, parent=None, complaint=None) -> int | None:
    """Ask which letter and signer, draft it, and open it; the new letter's id or None.
    With `complaint` (and no application): the complaint's reply letter."""
    chooser = DraftLetterDialog(session, application, parent, complaint=complaint)
    if chooser.exec() != QDialog.DialogCode.Accepted or chooser.letter is None:
        return None
    dialog = LetterDialog(session, chooser.letter.id, parent)
    dialog.exec()
    return chooser.letter.id
