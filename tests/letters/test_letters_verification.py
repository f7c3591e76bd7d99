"""Verification: the real code is accepted, a tampered document and an unknown code are not."""
import importlib

import pytest

from desktop.errors import ValidationError
from desktop.models import Letter, db
from desktop.services.letters import lifecycle, verification
from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office

guards = importlib.import_module("desktop.migrations.0005_letters")


def tamper(letter_id: int, data: bytes) -> None:
    """What someone with the database password could do: lift the guard, change the bytes."""
    guards.drop_guards(db.obj)
    try:
        Letter.update(final_docx=data).where(Letter.id == letter_id).execute()
    finally:
        guards.create_guards(db.obj)


def test_real_code_is_accepted_however_it_is_typed(backend_db):
    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o, signing_as="Plh."))
    code = signed.verification_code
    shown = lifecycle.letter_context.format_code(code)
    typed = [code, shown, shown.lower(), f"  {shown[:4]} {shown[5:9]} {shown[10:]} ",
             lifecycle.QR_PREFIX + shown]
    for text in typed:
        result = verification.verify(text, actor=o["clerk"])
        assert result.found and result.intact, text
        assert (result.number, result.subject, result.signing_as) == \
            (signed.number, signed.subject, "Plh.")
        assert result.signer_name == "Kabid Santoso"
        assert result.signer_nip == "19700512 199503 1 002"
        assert result.code == shown and "utuh" in result.message
    assert result.date.endswith(str(signed.year))


def test_tampered_document_is_reported(backend_db):
    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    original = bytes(Letter.get_by_id(signed.id).final_docx)
    forged = original[:-1] + bytes([original[-1] ^ 1])  # one bit flipped
    tamper(signed.id, forged)
    result = verification.verify(signed.verification_code)
    assert result.found and not result.intact
    assert "PERINGATAN" in result.message and "tidak cocok" in result.message
    assert result.number == signed.number
    with pytest.raises(ValidationError, match="telah diubah"):
        lifecycle.signed_document(Letter.get_by_id(signed.id))
    # the guard is back: the forged bytes cannot be swapped again through peewee
    with pytest.raises(Exception, match="immutable"):
        with db.atomic():
            Letter.update(final_docx=original).where(Letter.id == signed.id).execute()


def test_unknown_and_malformed_codes_are_rejected(backend_db):
    o = setup_office()
    letter = ready_to_sign(o)  # not signed: no code yet
    assert letter.verification_code is None
    unknown = verification.verify("ABCD-EFGH-JKMN", actor=o["clerk"])
    assert not unknown.found and not unknown.intact
    assert "tidak terdaftar" in unknown.message and "ABCD-EFGH-JKMN" in unknown.message
    malformed = verification.verify("0O1I-xx")
    assert not malformed.found and "bukan kode verifikasi" in malformed.message
    empty = verification.verify("   ")
    assert not empty.found and "Ketik atau tempel" in empty.message


def test_with_a_verification_page_the_qr_holds_its_address_and_the_code(backend_db):
    import io
    import zipfile

    import segno

    from desktop.services.admin import settings

    o = setup_office()
    for bad in ("dinsos.magelangkota.go.id/verifikasi", "https://dinsos.go.id/cek?kode=1",
                "javascript:alert(1)"):
        with pytest.raises(ValidationError, match="Alamat halaman verifikasi"):
            settings.set_value(o["admin"], "letters.verification_url", bad)
    page = "https://dinsos.magelangkota.go.id/verifikasi"
    settings.set_value(o["admin"], "letters.verification_url", page)
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    shown = lifecycle.letter_context.format_code(signed.verification_code)
    assert lifecycle.qr_payload(signed.verification_code) == f"{page}?kode={shown}"

    def png(payload):
        out = io.BytesIO()
        segno.make(payload, error="m").save(out, kind="png", scale=8, border=2)
        return out.getvalue()

    with zipfile.ZipFile(io.BytesIO(lifecycle.signed_document(signed))) as docx:
        media = [docx.read(n) for n in docx.namelist() if n.startswith("word/media/")]
    assert png(f"{page}?kode={shown}") in media
    assert png(lifecycle.QR_PREFIX + shown) not in media
    # The address a phone opens, pasted into Verifikasi Surat, finds the letter.
    result = verification.verify(f"{page}?kode={shown.lower()}", actor=o["clerk"])
    assert result.found and result.intact and result.number == signed.number
    assert not verification.verify(f"{page}?kode=", actor=o["clerk"]).found
    settings.set_value(o["admin"], "letters.verification_url", "")  # back to the bare code
    assert lifecycle.qr_payload("K7Q2M9XD4TPA") == lifecycle.QR_PREFIX + "K7Q2-M9XD-4TPA"


def test_a_revoked_letter_is_reported_revoked_with_its_date(backend_db):
    from desktop.models import Service
    from desktop.services.shared import timefmt

    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    revoked = lifecycle.revoke(o["head"], signed, "Surat dibuat untuk permohonan yang salah.")
    day = timefmt.format_date(timefmt.to_local(revoked.revoked_at).date())
    result = verification.verify(signed.verification_code, actor=o["clerk"])
    assert result.found and result.intact and result.revoked and not result.handed_over
    assert result.revoked_on == day and result.number == signed.number
    assert result.message.startswith("DICABUT") and f"dicabut pada {day}" in result.message
    assert "tidak berlaku" in result.message
    assert result.revocation_reason == "Surat dibuat untuk permohonan yang salah."
    assert "permohonan yang salah" in result.message  # the clerk reads the case
    # The reason is the case's: who may not read it is told only that, and when.
    unnamed = verification.verify(signed.verification_code)
    assert unnamed.revoked and "permohonan yang salah" not in unnamed.message
    Service.update(sensitive=True, readers=",pekerja_sosial,").where(
        Service.id == o["application"].service_id).execute()
    outsider = verification.verify(signed.verification_code, actor=o["head"])
    assert outsider.revoked and outsider.revoked_on == day
    assert outsider.revocation_reason == "" and "permohonan yang salah" not in outsider.message
