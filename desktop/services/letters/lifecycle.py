"""A letter from draft to signed copy: draft, edit, paraf or return, sign, hand over; revoke.

Signing takes the number, renders the final DOCX once and stores it with its SHA-256, all in
one transaction: a failure anywhere returns the number. A signed letter is never changed
again: every function here refuses, and the database refuses too (migration 0005). A kepala
may revoke (cabut) an issued letter, once, with the reason: it keeps its number and document,
is never handed over again, and its revocation is never changed (migration 0028).
"""
import functools
import hashlib
import io
import json
import operator
import secrets

from peewee import IntegrityError, fn

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models import Application, Letter, SignerImage, User, db, utcnow
from desktop.services.admin import settings
from desktop.services.applications import case_access
from desktop.services.cases import guards, registry
from desktop.services.complaints import reply_letter
from desktop.services.letters import catalogue, checks, context as letter_context, templates
from desktop.services.shared import audit, numbering, permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import clean_text

STATES = {"draft": "Konsep", "waiting_paraf": "Menunggu paraf", "returned": "Dikembalikan",
          "waiting_signature": "Menunggu tanda tangan", "signed": "Ditandatangani",
          "handed_over": "Diserahkan", "revoked": "Dicabut"}
EDITABLE = ("draft", "returned")
# Signed, numbered and stored for good; a revoked letter too (it keeps its number).
ISSUED = ("signed", "handed_over", "revoked")
IN_FORCE = ("signed", "handed_over")  # issued and not revoked
REASON_MIN = 10  # a revocation's reason, in characters: it is what a reader is told
SIGNING_AS = letter_context.SIGNING_AS
FIELD_MAX = 4000
SUBJECT_MAX = 255
IMAGE_MAX_BYTES = 2 * 1024 * 1024
# Verification codes: no 0/O, 1/I/L, so a code read off paper is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
QR_PREFIX = "PELITA-SURAT:"  # a phone scanning the QR code sees what it is


# -- numbers -----------------------------------------------------------------------------------

def counter_series(letter: Letter, pattern: str, unit: str) -> str:
    """The Counter row a letter's sequence comes from: the number without sequence and date.

    Letters whose numbers differ only in the sequence share one counter, so no pattern can
    give two letters the same number (a per-template series would: 400.9.4/0001/... twice).
    """
    return series_key(pattern, letter.classification, letter.series, unit)


def series_key(pattern: str, classification: str, series: str, unit: str) -> str:
    """counter_series for a letter's parts (the settings screen's preview has no letter)."""
    key = "surat:" + numbering.format_letter_number(
        pattern, classification=classification, seq=0, unit=unit, year=0, month=1,
        series=series)
    if len(key) > 64:
        key = key[:47] + ":" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return key


# -- reading -----------------------------------------------------------------------------------

def get(letter_id: int, actor) -> Letter:
    """The letter, for someone who may read its case (a sensitive case's letters are its
    readers' only)."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:  # the same words as a hidden case's letter
        raise NotFound(LETTER_HIDDEN)
    _require_readable(actor, letter)
    return letter


LETTER_HIDDEN = ("Surat ini tidak ditemukan, atau termasuk kasus sensitif yang hanya dibuka "
                 "oleh petugas yang menanganinya.")


def _require_readable(actor, letter: Letter) -> None:
    if letter.application_id is not None:
        from desktop.services.applications import workflow

        try:
            workflow.get(letter.application_id, actor, record=False)
        except NotFound:
            raise NotFound(LETTER_HIDDEN) from None
    if letter.complaint_id is not None and not reply_letter.can_read(actor, letter.complaint_id):
        raise NotFound(LETTER_HIDDEN)


def may_read(actor, letter: Letter) -> bool:
    """Whether `actor` may read `letter` (its case's or complaint's rules); None may not."""
    if actor is None:
        return False
    try:
        _require_readable(actor, letter)
    except NotFound:
        return False
    return True


def readable(actor):
    """A condition on Letter: the letters `actor` may list or count (None: all), by the case
    or the complaint each belongs to."""
    conditions = [reply_letter.letter_condition(actor)]
    visible = case_access.visible(actor)
    if visible is not None:  # EXISTS per letter: IN listed every visible case (60 ms at 100k)
        conditions.append(Letter.application.is_null() | fn.EXISTS(
            Application.select(Application.id).where(
                (Application.id == Letter.application) & visible)))
    conditions = [c for c in conditions if c is not None]
    return functools.reduce(operator.and_, conditions) if conditions else None


def states_for(actor) -> list[str]:
    """The queue tabs where `actor`'s role has something to do, in the order of the work."""
    states = []
    if permissions.can(actor, "letters.draft"):
        states += ["draft", "returned"]
    if permissions.can(actor, "letters.paraf"):
        states.append("waiting_paraf")
    if permissions.can(actor, "letters.sign"):
        states.append("waiting_signature")
    if permissions.can(actor, "letters.hand_over"):
        states.append("signed")
    return states


def queue(actor, state: str | None = None) -> list[Letter]:
    """Letters in `state` (all states when None) that `actor`'s role acts on, newest first.

    Without the document bytes: the list screen never needs them.
    """
    permissions.require(actor, "letters.view")
    columns = [f for f in Letter._meta.sorted_fields if f.name not in ("final_docx", "pdf")]
    query = Letter.select(*columns)
    for condition in queue_conditions(actor, state):
        query = query.where(condition)
    return list(query.order_by(Letter.updated_at.desc(), Letter.id.desc()))


def queue_conditions(actor, state: str | None) -> list:
    """The conditions on Letter of `state`'s tab (None: all states) for `actor`: the letters
    it may read, and for a kepala only their own to sign and others' to initial."""
    conditions = [] if state is None else [Letter.state == state]
    condition = readable(actor)
    if condition is not None:
        conditions.append(condition)
    if state == "waiting_signature" and actor.role == permissions.HEAD:
        conditions.append(Letter.signer == actor.id)
    if state == "waiting_paraf" and actor.role == permissions.HEAD:
        conditions.append(Letter.signer != actor.id)  # a signer never initials their own
    return conditions


def free_text(letter: Letter) -> dict:
    return letter_context.free_text(letter)


def signed_document(letter: Letter) -> bytes:
    """The stored, signed DOCX, checked against the hash taken at signing."""
    if letter.state not in ISSUED:
        raise ValidationError("Surat", "belum ditandatangani; gunakan pratinjau konsep.")
    data = Letter.select(Letter.final_docx).where(Letter.id == letter.id).scalar()
    data = bytes(data or b"")
    if hashlib.sha256(data).hexdigest() != letter.sha256:
        raise ValidationError("Dokumen surat", f"isi surat {letter.number} yang tersimpan tidak "
                              "cocok dengan sidik (SHA-256) saat ditandatangani: dokumen telah "
                              "diubah di luar Pelita. Jangan dicetak; laporkan ke administrator.")
    return data


def preview(letter: Letter) -> bytes:
    """A signed letter's stored document, or a draft rendered now (no number, no QR code)."""
    if letter.state in ISSUED:
        return signed_document(letter)
    from desktop.services.letters.render import render_letter

    values = letter_context.build(letter, application=_application(letter))
    checks.check_context(letter.template_key, values)
    return render_letter(letter.template_key, values, images=_emblem(), body_pt=_body_pt(),
                         template_file=templates.active_template(letter.template_key))


# -- drafting ----------------------------------------------------------------------------------

def _body_pt() -> int:
    return settings.get("letters.font_pt")


def _stamp_over_signature() -> bool:
    return settings.get("letters.stamp_placement") == "over_signature"


def _application(letter: Letter):
    if letter.application_id is None:
        return None
    from desktop.services.applications import workflow

    # Internal: whoever asked was checked when the letter was read (get, _require_readable).
    return workflow.get(letter.application_id, permissions.SYSTEM, record=False)


def _emblem() -> dict:
    from desktop.services.admin import office

    emblem = office.get_profile().emblem
    return {"emblem": bytes(emblem)} if emblem else {}


def _check_signer(signer) -> User:
    if signer is None:
        raise ValidationError("Penanda tangan", "pilih pejabat yang akan menandatangani.")
    signer = User.get_or_none(User.id == getattr(signer, "id", signer))
    if signer is None or not signer.active:
        raise ValidationError("Penanda tangan", "akun pejabat ini tidak ada atau tidak aktif; "
                              "pilih pejabat lain.")
    if signer.role != permissions.HEAD:
        raise ValidationError("Penanda tangan", f"{signer.full_name} berperan "
                              f"{permissions.role_label(signer.role)}; surat hanya "
                              "ditandatangani pengguna berperan Kepala.")
    return signer


def _check_signing_as(signer: User, signing_as: str) -> str:
    """The capacity the signer signs in: own title, a.n., Plt. or Plh. of the head."""
    from desktop.services.admin import office

    signing_as = signing_as or ""
    if signing_as not in SIGNING_AS:
        raise ValidationError("Sebagai", "pilih atas jabatan sendiri, a.n., Plt. atau Plh.")
    profile = office.get_profile()
    head = letter_context.head_position(profile)
    heads = {head.casefold(), f"kepala {profile.office_name}".casefold()}
    if signing_as and " ".join((signer.position or "").split()).casefold() in heads:
        raise ValidationError("Sebagai", f"{signer.full_name} menjabat {head}; pejabat itu "
                              "menandatangani atas jabatannya sendiri, tanpa a.n., Plt. atau "
                              "Plh.")
    return signing_as


def _check_text(label: str, value) -> str:
    return clean_text(value, label, FIELD_MAX, multiline=True)


def _check_fields(template_key: str, fields: dict | None, application=None) -> str:
    """JSON of the free-text parts; a name the template does not use is refused by name, and
    one the application's case kind fills from its record is not kept (the record wins)."""
    allowed = letter_context.editable_names(template_key)
    filled = registry.letter_values(application, template_key)
    checks = FieldChecks()  # every text part at fault named, not the first alone
    clean = {}
    for key, value in (fields or {}).items():
        if key in filled:
            continue
        if key not in allowed:
            raise ValidationError("Isian surat", f"'{key}' tidak dipakai templat "
                                  f"{template_key}; isian yang boleh: {', '.join(allowed)}.")
        label = f"Isian '{key}'"
        if isinstance(value, (list, tuple)):
            clean[key] = [t for t in (checks.run(_check_text, label, v) for v in value) if t]
        else:
            clean[key] = checks.run(_check_text, label, value)
    checks.raise_errors()
    return json.dumps(clean, ensure_ascii=False, sort_keys=True)


def _check_subject(subject: str) -> str:
    text = (subject or "").strip()
    if not text:
        raise ValidationError("Hal", "wajib diisi: tuliskan perihal surat.")
    return clean_text(text, "Hal", SUBJECT_MAX, multiline=False)


def letter_choices(application) -> list:
    """The letters the application's service can produce (catalogue.LetterChoice)."""
    return catalogue.letters_for_service(application.service.code)


def draft(actor, application=None, *, signer, template_key: str | None = None,
          choice: int = 0, subject: str | None = None, fields: dict | None = None,
          complaint=None, signing_as: str = "") -> Letter:
    """A new draft for `application`, for a `complaint` (its reply), or for neither given
    `template_key`.

    The service's letter is catalogue.letters_for_service()[choice] unless `template_key`
    names another; its fixed values (a referral's destination) become editable fields.
    """
    permissions.require(actor, "letters.draft")
    signer = _check_signer(signer)
    signing_as = _check_signing_as(signer, signing_as)
    defaults = {}
    if complaint is not None:
        reply_letter.require_drafter(actor, complaint)
        template_key = reply_letter.TEMPLATE_KEY
        subject = subject or reply_letter.subject(complaint)
        defaults = {"reply_paragraphs": reply_letter.opening_paragraphs(complaint)}
    elif template_key == reply_letter.TEMPLATE_KEY:
        raise ValidationError("Jenis surat", "surat jawaban dibuat dari pengaduan yang "
                              "dijawabnya, di halaman Pengaduan.")
    if application is not None:
        case_access.require_readable(actor, application)
        if application.state in ("rejected", "withdrawn"):
            raise ValidationError("Permohonan", f"{application.reg_number} sudah ditolak atau "
                                  "dicabut; surat tidak dapat dibuat.")
        choices = letter_choices(application)
        if template_key is not None:
            choices = [c for c in choices if c.template_key == template_key] or \
                [catalogue.LetterChoice(template_key)]
            choice = 0
        if not choices:
            raise ValidationError("Jenis surat", f"layanan '{application.service.name}' tidak "
                                  "menghasilkan surat dari templat.")
        if not 0 <= choice < len(choices):
            raise ValidationError("Jenis surat", "pilihan surat tidak ada untuk layanan ini.")
        template_key, defaults = choices[choice].template_key, dict(choices[choice].defaults)
    if template_key not in catalogue.TEMPLATES:
        raise ValidationError("Jenis surat", f"templat '{template_key}' tidak dikenal.")
    guards.require_letter(application, template_key)  # the case kind's rules for it
    spec = catalogue.spec(template_key)
    if not subject:  # a long organisation's name is cut, a typed subject never
        subject = catalogue.default_subject(template_key, {
            **letter_context.applicant_values(application), **defaults, **(fields or {}),
            **registry.letter_values(application, template_key)})[:SUBJECT_MAX]
    return records.create(
        Letter, actor, application=application, complaint=complaint,
        template_key=template_key,
        series=spec.series[:64],
        classification=(registry.classification(application, template_key)
                        or catalogue.classification_of(template_key))[:40],
        subject=_check_subject(subject), state="draft",
        fields=_check_fields(template_key, {**defaults, **(fields or {})}, application),
        drafted_by=_user(actor), signer=signer, signing_as=signing_as)


def _user(actor) -> int:
    user = User.get_or_none(User.username == actor.username)
    if user is None:
        raise PermissionDenied("Akun Anda tidak ditemukan; masuk kembali.")
    return user.id


def _refuse_issued(letter: Letter, doing: str) -> None:
    current = Letter.select(Letter.state, Letter.number).where(Letter.id == letter.id).first()
    if current is None:
        raise NotFound("Surat ini tidak ditemukan; mungkin sudah dihapus.")
    if current.state in ISSUED or letter.state in ISSUED:
        raise ValidationError("Status surat", f"surat sudah ditandatangani dengan nomor "
                              f"{current.number}; surat yang sudah terbit tidak dapat {doing}. "
                              "Buat surat baru bila isinya perlu diperbaiki.")


def edit(actor, letter: Letter, *, subject: str | None = None, fields: dict | None = None,
         signer=None, signing_as: str | None = None) -> Letter:
    """Change the free text, subject, signer or capacity of a draft or returned letter."""
    permissions.require(actor, "letters.draft")
    _require_readable(actor, letter)
    _refuse_issued(letter, "diubah")
    if letter.state not in EDITABLE:
        raise ValidationError("Status surat", f"surat sedang {STATES[letter.state].lower()}; "
                              "hanya konsep atau surat yang dikembalikan yang dapat diubah.")
    checks = FieldChecks()  # the subject, every text part and the signer refused together
    changes = {}
    if subject is not None:
        changes["subject"] = checks.run(_check_subject, subject)
    if fields is not None:  # merged: a part not named keeps its text
        changes["fields"] = checks.run(_check_fields, letter.template_key,
                                       {**letter_context.free_text(letter), **fields},
                                       _application(letter))
    changes.update(checks.run(_signing_changes, letter, signer, signing_as) or {})
    checks.raise_errors()
    return records.update(letter, actor, **changes)


def _signing_changes(letter: Letter, signer, signing_as: str | None) -> dict:
    """The signer and capacity asked for, checked together, where they differ from now.
    Nothing asked, nothing checked: a draft whose signer has left keeps its text editable."""
    if signer is None and signing_as is None:
        return {}
    chosen = _check_signer(signer if signer is not None else letter.signer_id)
    capacity = _check_signing_as(chosen, letter.signing_as if signing_as is None
                                 else signing_as)
    changes = {}
    if chosen.id != letter.signer_id:
        changes["signer"] = chosen
    if capacity != letter.signing_as:
        changes["signing_as"] = capacity
    return changes


def change_signing(actor, letter: Letter, *, signer=None, signing_as: str | None = None
                   ) -> Letter:
    """The kepala changes who signs, or in what capacity, on a letter waiting for its paraf or
    its signature. What was initialled is what is signed: the letter goes back for a new
    paraf."""
    permissions.require(actor, "letters.paraf")
    _require_readable(actor, letter)
    _refuse_issued(letter, "diubah")
    if letter.state not in ("waiting_paraf", "waiting_signature"):
        raise ValidationError("Status surat", f"surat sedang {STATES[letter.state].lower()}; "
                              "konsep diubah oleh pembuatnya.")
    changes = _signing_changes(letter, signer, signing_as)
    if not changes:
        return letter
    return records.update(letter, actor, state="waiting_paraf", paraf_by=None, paraf_at=None,
                          **changes)


def submit(actor, letter: Letter) -> Letter:
    """Send a draft (or a corrected returned letter) to the verifier for paraf."""
    permissions.require(actor, "letters.draft")
    _require_readable(actor, letter)
    _refuse_issued(letter, "diajukan lagi")
    if letter.state not in EDITABLE:
        raise ValidationError("Status surat", f"surat sedang {STATES[letter.state].lower()}.")
    _require_complete(letter)
    return records.update(letter, actor, state="waiting_paraf")


def _require_complete(letter: Letter) -> None:
    """A letter with a blank addressee or amount must not reach the verifier or the signer."""
    values = letter_context.build(letter, application=_application(letter))
    missing = letter_context.missing_parts(letter, values)
    if missing:
        raise ValidationError(missing[0], f"masih kosong. Lengkapi isian surat sebelum diajukan "
                              f"({len(missing)} isian kosong: {', '.join(missing[:6])}"
                              f"{', …' if len(missing) > 6 else ''}).")


def paraf(actor, letter: Letter) -> Letter:
    """The verifier (koordinator) initials the draft: it goes to the signer."""
    permissions.require(actor, "letters.paraf")
    _require_readable(actor, letter)
    _refuse_issued(letter, "diparaf lagi")
    if letter.state != "waiting_paraf":
        raise ValidationError("Status surat", f"surat sedang {STATES[letter.state].lower()}; "
                              "paraf hanya untuk surat yang menunggu paraf.")
    user_id = _user(actor)
    if user_id == letter.signer_id:
        raise PermissionDenied("Paraf diberikan oleh pemeriksa (koordinator), bukan oleh "
                               "pejabat yang akan menandatangani surat ini.")
    return records.update(letter, actor, state="waiting_signature", paraf_by=user_id,
                          paraf_at=utcnow(), return_note="")


def return_letter(actor, letter: Letter, note: str) -> Letter:
    """Back to the drafter with a note: by the verifier, or by the signer before signing."""
    _refuse_issued(letter, "dikembalikan")
    _require_readable(actor, letter)
    if letter.state == "waiting_paraf":
        permissions.require(actor, "letters.paraf")
    elif letter.state == "waiting_signature":
        permissions.require(actor, "letters.sign")
    else:
        raise ValidationError("Status surat", f"surat sedang {STATES[letter.state].lower()}; "
                              "tidak ada yang bisa dikembalikan.")
    text = (note or "").strip()
    if not text:
        raise ValidationError("Catatan pengembalian", "wajib diisi: tuliskan apa yang harus "
                              "diperbaiki.")
    text = clean_text(text, "Catatan pengembalian", FIELD_MAX, multiline=True)
    return records.update(letter, actor, state="returned", return_note=text,
                          paraf_by=None, paraf_at=None)


# -- signing -----------------------------------------------------------------------------------

def is_code(code: str) -> bool:
    """Whether a normalised text has the form of a verification code."""
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def issued_values(letter: Letter) -> dict:
    """The context a signed letter was rendered with (stored at signing); {} if unreadable."""
    try:
        return json.loads(letter.issued or "{}")
    except ValueError:
        return {}


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def qr_payload(code: str) -> str:
    """What the printed QR code holds: the office's verification page with the code when one
    is set (a phone outside the office opens it), else PELITA-SURAT:<code>. verify() accepts
    either pasted."""
    shown = letter_context.format_code(code)
    page = settings.get("letters.verification_url")
    return f"{page}?kode={shown}" if page else QR_PREFIX + shown


def qr_png(code: str) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(qr_payload(code), error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def _signer_images(signer: User) -> dict:
    row = SignerImage.get_or_none(SignerImage.user == signer.id)
    images = {}
    if row is not None:
        if row.signature:
            images["signature_image"] = bytes(row.signature)
        if row.stamp:
            images["stamp_image"] = bytes(row.stamp)
    return images


def _check_can_sign(actor, letter: Letter, signing_as: str | None) -> User:
    permissions.require(actor, "letters.sign")
    _require_readable(actor, letter)
    _refuse_issued(letter, "ditandatangani lagi")
    current = records.reload(letter)
    if current.version != letter.version:
        _refuse_issued(letter, "ditandatangani lagi")  # signed on another PC just now
        raise records._conflict(Letter, letter.id, "ditandatangani")
    if letter.state != "waiting_signature":
        raise ValidationError("Paraf", f"surat sedang {STATES[letter.state].lower()}; surat "
                              "harus diparaf pemeriksa sebelum ditandatangani.")
    if letter.paraf_by_id is None:
        raise ValidationError("Paraf", "surat belum diparaf pemeriksa.")
    if signing_as is not None and signing_as != letter.signing_as:
        raise ValidationError("Sebagai", f"surat ini diparaf untuk ditandatangani "
                              f"«{SIGNING_AS[letter.signing_as]}»; bila kapasitasnya perlu "
                              "diganti, ubah lalu mintakan paraf ulang.")
    signer = User.get_by_id(letter.signer_id)
    if signer.username != actor.username:
        raise PermissionDenied(f"Surat ini ditujukan untuk ditandatangani oleh "
                               f"{signer.full_name}. Minta pemaraf mengembalikan surat bila "
                               "penanda tangannya perlu diganti.")
    if not (signer.nip or "").strip():
        raise ValidationError("NIP penanda tangan", f"NIP {signer.full_name} belum diisi; "
                              "NIP dicetak di bawah tanda tangan. Minta administrator "
                              "mengisinya di menu Pengguna.")
    return signer


def sign(actor, letter: Letter, signing_as: str | None = None) -> Letter:
    """Sign: number, final DOCX with QR code and the signer's images, stored for good. The
    capacity is the one chosen when drafting and initialled; `signing_as`, when given, must be
    it (a signer who would sign otherwise changes it, and the letter goes back for paraf)."""
    signer = _check_can_sign(actor, letter, signing_as)
    signing_as = letter.signing_as
    from desktop.services.admin import office
    from desktop.services.letters.render import render_letter

    profile = office.get_profile()
    application = _application(letter)
    images = _emblem()
    images.update(_signer_images(signer))
    pattern = settings.get("letters.number_pattern")
    series = counter_series(letter, pattern, profile.unit_code)
    now = utcnow()
    local = timefmt.to_local(now)
    numbering.ensure_series(series, local.year)  # outside: see numbering.ensure_series
    try:
        with db.atomic():
            seq = numbering.next_value(series, local.year)
            number = numbering.format_letter_number(
                pattern, classification=letter.classification, seq=seq,
                unit=profile.unit_code, year=local.year, month=local.month,
                series=letter.series)
            code = new_code()
            while Letter.select().where(Letter.verification_code == code).exists():
                code = new_code()
            values = letter_context.build(
                letter, application=application, signer=signer, signing_as=signing_as,
                number=number, letter_date=local.date(), verification_code=code,
                profile=profile)
            checks.check_context(letter.template_key, values)
            document = render_letter(letter.template_key, values, body_pt=_body_pt(),
                                     stamp_over_signature=_stamp_over_signature(),
                                     images={**images, "qr_code": qr_png(code)},
                                     template_file=templates.active_template(
                                         letter.template_key))
            digest = hashlib.sha256(document).hexdigest()
            issued = json.dumps({k: v for k, v in values.items()
                                 if k not in letter_context.IMAGE_NAMES},
                                ensure_ascii=False, sort_keys=True, default=str)
            rows = (Letter.update({
                Letter.state: "signed", Letter.signing_as: signing_as, Letter.number: number,
                Letter.sequence: seq, Letter.year: local.year, Letter.signed_at: now,
                Letter.verification_code: code, Letter.final_docx: document,
                Letter.sha256: digest, Letter.issued: issued, Letter.updated_at: now,
                Letter.updated_by: actor.username, Letter.version: letter.version + 1})
                .where((Letter.id == letter.id) & (Letter.version == letter.version)
                       & (Letter.state == "waiting_signature")).execute())
            if rows != 1:
                raise records._conflict(Letter, letter.id, "ditandatangani")
            audit.record(actor, "sign", "letter", letter.id,
                         new={"number": number, "sha256": digest, "signing_as": signing_as,
                              "verification_code": code})
    except ConflictError:
        _refuse_issued(letter, "ditandatangani lagi")  # signed on another PC meanwhile
        raise
    except IntegrityError:
        raise ValidationError("Pola nomor surat", "menghasilkan nomor yang sudah dipakai surat "
                              "lain. Sertakan {seq} dan kode klasifikasi atau {series} dalam "
                              "pola, lalu tanda tangani lagi.") from None
    return get(letter.id, actor)


def hand_over(actor, letter: Letter) -> Letter:
    """The signed letter was given to the applicant."""
    permissions.require(actor, "letters.hand_over")
    _require_readable(actor, letter)
    current = records.reload(letter)
    if current.state == "handed_over":
        raise ValidationError("Status surat", f"surat {current.number} sudah diserahkan pada "
                              f"{timefmt.format_local(current.handed_over_at)}.")
    if current.state == "revoked":
        raise ValidationError("Status surat", f"surat {current.number} sudah dicabut pada "
                              f"{timefmt.format_local(current.revoked_at)}; surat yang "
                              "dicabut tidak berlaku dan tidak diserahkan.")
    if current.state != "signed":
        raise ValidationError("Status surat", "surat belum ditandatangani; belum bisa "
                              "diserahkan.")
    return records.update(letter, actor, state="handed_over", handed_over_at=utcnow(),
                          handed_over_by=_user(actor))


def revoke(actor, letter: Letter, reason: str) -> Letter:
    """A kepala revokes (mencabut) an issued letter, with the reason: from now on verification
    says it was revoked, and when. Its number stays taken and its document stored; the
    revocation is final (the database refuses to change or clear it)."""
    permissions.require(actor, "letters.revoke")
    _require_readable(actor, letter)
    text = clean_text((reason or "").strip(), "Alasan pencabutan", FIELD_MAX, multiline=True)
    if len(text) < REASON_MIN:
        raise ValidationError("Alasan pencabutan", f"wajib diisi, paling sedikit {REASON_MIN} "
                              "karakter: tuliskan mengapa surat dicabut (tercatat dan dibaca "
                              "petugas yang memeriksa surat ini).")
    current = records.reload(letter)
    if current.state == "revoked":
        raise ValidationError("Status surat", f"surat {current.number} sudah dicabut pada "
                              f"{timefmt.format_local(current.revoked_at)}.")
    if current.state not in IN_FORCE:
        raise ValidationError("Status surat", f"surat sedang {STATES[current.state].lower()}; "
                              "hanya surat yang sudah ditandatangani yang dapat dicabut. Konsep "
                              "yang belum ditandatangani dikembalikan kepada pembuatnya.")
    if current.version != letter.version:
        raise records._conflict(Letter, letter.id, "dicabut")
    user_id, now = _user(actor), utcnow()
    with db.atomic():
        rows = (Letter.update({
            Letter.state: "revoked", Letter.revoked_at: now, Letter.revoked_by: user_id,
            Letter.revocation_reason: text, Letter.updated_at: now,
            Letter.updated_by: actor.username, Letter.version: letter.version + 1})
            .where((Letter.id == letter.id) & (Letter.version == letter.version)
                   & Letter.state.in_(IN_FORCE)).execute())
        if rows != 1:
            raise records._conflict(Letter, letter.id, "dicabut")
        audit.record(actor, "revoke", "letter", letter.id,
                     old={"state": current.state},
                     new={"state": "revoked", "number": current.number, "revoked_at": now,
                          "revoked_by": user_id, "revocation_reason": text})
    return get(letter.id, actor)


def pdf_of(actor, letter: Letter) -> bytes:
    """The signed letter as PDF: converted once and kept; the DOCX stays the original."""
    permissions.require(actor, "letters.view")
    _require_readable(actor, letter)
    stored = Letter.select(Letter.pdf).where(Letter.id == letter.id).scalar()
    if stored:
        return bytes(stored)
    from desktop.services.letters.pdf import docx_to_pdf

    data = docx_to_pdf(signed_document(letter))
    (Letter.update(pdf=data).where((Letter.id == letter.id) & Letter.pdf.is_null()).execute())
    return data


# -- signers' images ---------------------------------------------------------------------------

def _check_png(data: bytes | None, label: str) -> bytes | None:
    if not data:
        return None
    if len(data) > IMAGE_MAX_BYTES:
        raise ValidationError(label, "berkas terlalu besar: paling besar 2 MB.")
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValidationError(label, "harus gambar PNG (sebaiknya berlatar transparan).")
    from docx.image.image import Image

    try:
        Image.from_blob(bytes(data))  # what rendering will do with it at signing
    except Exception:  # python-docx raises several types for a damaged image
        raise ValidationError(label, "berkas PNG rusak atau tidak lengkap; pindai atau "
                              "simpan ulang gambarnya.") from None
    return bytes(data)


def set_signer_images(actor, user: User, signature: bytes | None = None,
                      stamp: bytes | None = None) -> SignerImage:
    """Store a signer's scanned signature and stamp; None removes one. Admin or the signer."""
    if actor.username != user.username:
        permissions.require(actor, "users.manage")
    if user.role != permissions.HEAD:
        raise ValidationError("Tanda tangan pindaian", "hanya untuk pengguna berperan Kepala.")
    values = {"signature": _check_png(signature, "Tanda tangan pindaian"),
              "stamp": _check_png(stamp, "Cap dinas")}
    row = SignerImage.get_or_none(SignerImage.user == user.id)
    if row is None:
        return records.create(SignerImage, actor, user=user.id, **values)
    return records.update(row, actor, **values)
