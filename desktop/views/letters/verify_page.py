"""Verifikasi Surat: check a printed letter from the code under its QR code.

The code may be typed in any case with or without dashes, or pasted whole from a phone's QR
scanner (PELITA-SURAT:K7Q2-M9XD-4TPA). Green: issued here and the stored document is intact.
Red: unknown code, a revoked letter, or the stored document no longer matches what was signed.
"""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.letters import verification
from desktop.services.letters.lifecycle import CODE_ALPHABET, CODE_LENGTH

STYLES = {  # outcome -> (background, border, text)
    "ok": ("#e3f4e8", "#1e6b35", "#14532d"),
    "bad": ("#fde2e1", "#b3261e", "#7f1d1d"),
    "neutral": ("#f3f4f6", "#9ca3af", "#374151"),
}
FIELDS = [("number", "Nomor"), ("date", "Tanggal"), ("subject", "Hal"), ("signer", "Penanda tangan"),
          ("signer_rank", "Pangkat/golongan"), ("signer_nip", "NIP"),
          ("signer_position", "Jabatan"), ("handed_over", "Penyerahan"), ("revoked", "Dicabut"),
          ("code", "Kode")]


def outcome(result) -> str:
    if result is None or (not result.found and not result.code):
        return "neutral"
    return "ok" if result.found and result.intact and not result.revoked else "bad"


class VerifyPage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.result: verification.Verification | None = None
        self._last_checked = ""

        intro = QLabel("Ketik atau tempel kode verifikasi yang tercetak di bawah kode QR surat "
                       "(contoh K7Q2-M9XD-4TPA), atau tempel seluruh teks hasil pindaian kode "
                       "QR. Huruf besar/kecil, spasi dan tanda hubung tidak berpengaruh.")
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("Kode verifikasi, mis. K7Q2-M9XD-4TPA")
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setMaxLength(200)
        font = self.code_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.code_edit.setFont(font)
        self.check_button = QPushButton("Periksa")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.code_edit.returnPressed.connect(self.check)
        self.code_edit.textChanged.connect(self._maybe_check)
        entry = QHBoxLayout()
        entry.addWidget(self.code_edit, 1)
        entry.addWidget(self.check_button)

        self.panel = QFrame()
        self.panel.setObjectName("verifyPanel")
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values: dict[str, QLabel] = {}
        form = self.form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)
        for key, label in FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-weight: bold;")
            self.values[key] = value
            form.addRow(label + ":", value)
        self.open_button = QPushButton("Lihat surat tersimpan…")
        self.open_button.setToolTip("Buka surat yang tersimpan di Pelita untuk dicocokkan "
                                    "dengan surat cetak")
        self.open_button.clicked.connect(self.open_letter)
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(18, 14, 18, 14)
        panel_layout.addWidget(self.headline)
        panel_layout.addWidget(self.message)
        panel_layout.addWidget(self.form_widget)
        panel_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

        column = QVBoxLayout()
        column.addWidget(intro)
        column.addLayout(entry)
        column.addSpacing(8)
        column.addWidget(self.panel)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(860)
        layout = QHBoxLayout(self)
        layout.addWidget(holder, 1, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(0)
        self._show(None)
        self.code_edit.setFocus()

    def _maybe_check(self, text: str) -> None:
        """A pasted or completely typed code is checked at once; a partial one waits."""
        code = verification.normalise(text)
        if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code) \
                and code != self._last_checked:
            self.check()

    def check(self) -> verification.Verification:
        text = self.code_edit.text()
        self._last_checked = verification.normalise(text)
        try:
            result = verification.verify(text, actor=self.session.user)
        except PelitaError as exc:
            result = verification.Verification(code=text.strip(), found=False,
                                                message=exc.message)
        self._show(result)
        return result

    def _show(self, result) -> None:
        self.result = result
        kind = outcome(result)
        background, border, colour = STYLES[kind]
        self.panel.setStyleSheet(f"QFrame#verifyPanel {{ background: {background}; border: 2px "
                                 f"solid {border}; border-radius: 8px; }} QLabel {{ color: "
                                 f"{colour}; background: transparent; }}")
        found = result is not None and result.found
        if result is None:
            self.headline.setText("Belum ada kode yang diperiksa")
            self.message.setText("Hasil pemeriksaan akan tampil di sini.")
        elif not result.code:
            self.headline.setText("Kode belum diisi")
            self.message.setText(result.message)
        elif found and result.revoked:
            self.headline.setText(f"✖ Surat telah dicabut pada {result.revoked_on}")
            self.message.setText(result.message)
        elif found and result.intact:
            self.headline.setText("✔ Surat sah: terdaftar dan dokumennya utuh")
            self.message.setText(result.message)
        elif found:
            self.headline.setText("✖ Dokumen surat telah diubah")
            self.message.setText(result.message)
        else:
            self.headline.setText("✖ Kode tidak dikenal")
            self.message.setText(result.message)
        self.form_widget.setVisible(found)
        self.open_button.setVisible(found)
        if not found:
            for value in self.values.values():
                value.clear()
            return
        signer = " ".join(p for p in (result.signing_as, result.signer_name) if p)
        shown = {"number": result.number, "date": result.date, "subject": result.subject,
                 "signer": signer, "signer_rank": result.signer_rank,
                 "signer_nip": result.signer_nip, "signer_position": result.signer_position,
                 "handed_over": "Sudah diserahkan kepada pemohon" if result.handed_over
                 else "Belum dicatat diserahkan",
                 "revoked": result.revoked_on + (f": {result.revocation_reason}"
                                                 if result.revocation_reason else ""),
                 "code": result.code}
        self.form.setRowVisible(self.values["revoked"], result.revoked)
        for key, value in self.values.items():
            value.setTextFormat(Qt.TextFormat.PlainText)  # a subject may contain < or &
            value.setText(shown[key] or "-")

    def open_letter(self) -> None:
        if self.result is None or self.result.letter_id is None:
            return
        from desktop.views.letters.letter_dialog import LetterDialog

        try:
            dialog = LetterDialog(self.session, self.result.letter_id, self)
        except PelitaError as exc:
            self.message.setText(exc.message)
            return
        dialog.exec()
