"""Check a letter from its verification code: what was issued, whether it is intact, and
whether it was revoked since."""
import hashlib
import re
from dataclasses import dataclass

from desktop.models import Letter
from desktop.services.letters import context as letter_context, lifecycle
from desktop.services.letters.lifecycle import CODE_LENGTH, ISSUED, QR_PREFIX
from desktop.services.shared import audit, timefmt


@dataclass(frozen=True)
class Verification:
    code: str  # as normalised, K7Q2-M9XD-4TPA
    found: bool
    intact: bool = False  # the stored document still has the hash taken at signing
    number: str = ""
    date: str = ""  # 22 November 2026
    subject: str = ""
    signer_name: str = ""
    signer_rank: str = ""
    signer_nip: str = ""
    signer_position: str = ""
    signing_as: str = ""
    handed_over: bool = False
    revoked: bool = False  # revoked (dicabut) by a kepala: no longer valid
    revoked_on: str = ""  # 3 Desember 2026
    revocation_reason: str = ""  # only for who may read the letter (lifecycle.may_read)
    message: str = ""  # what the screen says, in one or two sentences
    letter_id: int | None = None


def normalise(text: str) -> str:
    """The code from what was typed or pasted: spaces, dashes, case, the QR prefix and the
    verification page's address (…/verifikasi?kode=CODE) ignored."""
    value = (text or "").strip()
    if "://" in value:
        from urllib.parse import parse_qs, urlsplit

        value = (parse_qs(urlsplit(value).query).get("kode") or [""])[0]
    value = value.upper()
    if value.startswith(QR_PREFIX):
        value = value[len(QR_PREFIX):]
    return re.sub(r"[\s\-.]", "", value)


def verify(text: str, actor=None) -> Verification:
    code = normalise(text)
    shown = letter_context.format_code(code)
    if not code:
        return Verification(code="", found=False, message="Ketik atau tempel kode verifikasi "
                            "yang tercetak di bawah kode QR surat.")
    if not lifecycle.is_code(code):
        return Verification(code=shown, found=False, message=(
            f"'{text.strip()}' bukan kode verifikasi Pelita: kode terdiri atas {CODE_LENGTH} "
            "huruf/angka, contoh K7Q2-M9XD-4TPA. Periksa kembali ketikan Anda."))
    letter = (Letter.select(Letter.id, Letter.state, Letter.number, Letter.subject,
                            Letter.signed_at, Letter.sha256, Letter.issued, Letter.signing_as,
                            Letter.handed_over_at, Letter.revoked_at, Letter.revocation_reason,
                            Letter.application, Letter.complaint)
              .where(Letter.verification_code == code).first())
    if actor is not None:
        audit.record(actor, "verify", "letter", letter.id if letter else None,
                     new={"code": code, "found": letter is not None})
    if letter is None or letter.state not in ISSUED:
        return Verification(code=shown, found=False, message=(
            f"Kode {shown} tidak terdaftar di Pelita kantor ini. Surat dengan kode ini tidak "
            "diterbitkan oleh kantor ini atau kodenya salah ketik: jangan diterima sebagai "
            "surat sah sebelum dikonfirmasi ke kantor."))
    stored = Letter.select(Letter.final_docx).where(Letter.id == letter.id).scalar()
    intact = hashlib.sha256(bytes(stored or b"")).hexdigest() == letter.sha256
    issued = lifecycle.issued_values(letter)
    date = timefmt.format_local_date(letter.signed_at)
    revoked = letter.state == "revoked"
    revoked_on = (timefmt.format_local_date(letter.revoked_at)
                  if revoked and letter.revoked_at else "")
    reason = ((letter.revocation_reason or "") if revoked and lifecycle.may_read(actor, letter)
              else "")
    if revoked:
        message = (f"DICABUT: surat nomor {letter.number} tanggal {date} diterbitkan kantor ini, "
                   f"tetapi telah dicabut pada {revoked_on} dan tidak berlaku lagi. Jangan "
                   "diterima sebagai surat sah." + (f" Alasan pencabutan: {reason}" if reason
                                                    else ""))
        if not intact:
            message += (" PERINGATAN: dokumen yang tersimpan juga tidak cocok dengan sidik "
                        "(SHA-256) saat ditandatangani; laporkan ke administrator.")
    elif intact:
        message = (f"Surat nomor {letter.number} tanggal {date} diterbitkan kantor ini dan "
                   "dokumen yang tersimpan utuh, sama dengan saat ditandatangani. Cocokkan isi "
                   "surat cetak dengan dokumen tersimpan.")
    else:
        message = (f"PERINGATAN: surat nomor {letter.number} terdaftar, tetapi dokumen yang "
                   "tersimpan tidak cocok dengan sidik (SHA-256) saat ditandatangani: dokumen "
                   "di database telah diubah. Jangan dipercaya; laporkan ke administrator.")
    return Verification(
        code=shown, found=True, intact=intact, number=letter.number, date=date,
        subject=letter.subject, signer_name=issued.get("signer_name", ""),
        signer_rank=issued.get("signer_rank", ""), signer_nip=issued.get("signer_nip", ""),
        signer_position=issued.get("signer_position", ""), signing_as=letter.signing_as,
        handed_over=letter.handed_over_at is not None, revoked=revoked, revoked_on=revoked_on,
        revocation_reason=reason, message=message, letter_id=letter.id)

