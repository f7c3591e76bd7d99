"""Complaints, suggestions and appreciation: recorded from any channel, routed by the kepala
to a handler, verified, followed up, answered and confirmed by the complainant.

A confidential complainant's identity is read only by the handler and the kepala; an
anonymous one is never stored. A complaint about a sensitive case is seen only by those who
read that case, its handler and the kepala. Every read goes through `visible` and `_mask`."""
import datetime

from peewee import JOIN, fn

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.models import Application, Complaint, Letter, Service, User, db
from desktop.services.applications import case_access
from desktop.services.shared import numbering, permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_characters, clean_text,
                                                require_past_date, require_past_moment,
                                                require_text)

KINDS = {"pengaduan": "Pengaduan", "saran": "Saran/masukan", "apresiasi": "Apresiasi"}
CHANNELS = {"langsung": "Datang langsung", "telepon": "Telepon", "whatsapp": "WhatsApp",
            "email": "E-mail", "lapor": "SP4N-LAPOR!", "112": "Call center 112",
            "sigap": "SIGAP", "kotak_saran": "Kotak saran", "surat": "Surat"}
ABOUT = {"layanan": "Layanan", "permohonan": "Permohonan tertentu",
         "petugas": "Perilaku petugas", "umum": "Umum"}
# Near the survey's nine elements, so complaints and SKM point at the same weak spots.
CATEGORIES = {"persyaratan": "Persyaratan", "prosedur": "Prosedur", "waktu": "Waktu layanan",
              "biaya": "Biaya/pungutan", "produk": "Produk layanan",
              "kompetensi": "Kompetensi petugas", "perilaku": "Perilaku petugas",
              "sarana": "Sarana dan prasarana", "bantuan": "Penyaluran bantuan sosial",
              "data": "Data kesejahteraan sosial (DTKS)", "lainnya": "Lainnya"}
IDENTITIES = {"terbuka": "Identitas terbuka", "anonim": "Anonim (tanpa identitas)",
              "rahasia": "Dirahasiakan (hanya penangan dan kepala)"}
STATES = {"diterima": "Diterima", "diverifikasi": "Diverifikasi",
          "ditindaklanjuti": "Ditindaklanjuti", "selesai": "Dijawab",
          "ditutup": "Selesai"}
OPEN_STATES = ("diterima", "diverifikasi", "ditindaklanjuti")
REPLY_KINDS = {"surat": "Surat jawaban", "telepon": "Telepon", "whatsapp": "WhatsApp",
               "email": "E-mail", "langsung": "Bertemu langsung", "lapor": "Melalui SP4N-LAPOR!",
               "pengumuman": "Diumumkan (papan/website)"}
OUTCOMES = {"pengaduan": {"terbukti": "Terbukti, sudah diperbaiki",
                          "sebagian": "Sebagian terbukti, diperbaiki",
                          "tidak_terbukti": "Tidak terbukti, dijelaskan kepada pengadu",
                          "diteruskan": "Bukan kewenangan Dinas, diteruskan ke instansi lain"},
            "saran": {"ditampung": "Ditampung untuk perbaikan layanan",
                      "dilaksanakan": "Dilaksanakan"},
            "apresiasi": {"diterima": "Diterima dan disampaikan kepada petugas"}}
CONFIRMATIONS = {"puas": "Pengadu menerima jawaban",
                 "tidak_puas": "Pengadu belum puas: ditindaklanjuti lagi",
                 "tidak_dijawab": "Pengadu tidak dapat dihubungi"}
HIDDEN_NAME = "Dirahasiakan"
ANONYMOUS = "Anonim"
HIDDEN_CASE = "(permohonan yang tidak dapat Anda buka)"
NUMBER_SERIES = "pengaduan"


def _choice(value, choices: dict, field: str, what: str) -> str:
    if value not in choices:
        raise ValidationError(field, f"pilih {what} dari daftar.")
    return value


def _today() -> datetime.date:
    return timefmt.office_today()


# ---- who sees what ------------------------------------------------------------------------

def _privileged(actor, complaint) -> bool:
    """The kepala, the handler, and command-line administration (backup, demo)."""
    return (isinstance(actor, permissions.SystemActor)
            or getattr(actor, "role", "") == permissions.HEAD
            or (bool(complaint.handler) and complaint.handler == getattr(actor, "username", "")))


def sees_identity(actor, complaint) -> bool:
    return complaint.identity == "terbuka" or (complaint.identity == "rahasia"
                                               and _privileged(actor, complaint))


def _mask(actor, complaint: Complaint) -> Complaint:
    """Blank what `actor` may not read, in memory only (records.update writes only the
    columns it is given). `identity_hidden` and `case_hidden` tell the screens why."""
    complaint.identity_hidden = not sees_identity(actor, complaint)
    if complaint.identity_hidden:
        complaint.complainant_name = complaint.complainant_contact = ""
        complaint.complainant_address = ""
    complaint.case_hidden = False
    if complaint.application_id is not None and not _privileged(actor, complaint):
        complaint.case_hidden = not case_access.can_read(actor, complaint.application)
    return complaint


def complainant_label(complaint: Complaint) -> str:
    if complaint.identity == "anonim":
        return ANONYMOUS
    if getattr(complaint, "identity_hidden", True):
        return HIDDEN_NAME
    return complaint.complainant_name


def visible(actor):
    """A condition on Complaint: what `actor` may list, count or search; None: everything.
    A complaint about a case the actor cannot read stays out, unless they handle it."""
    if isinstance(actor, permissions.SystemActor) or actor.role == permissions.HEAD:
        return None
    cases = case_access.visible(actor)
    if cases is None:
        return None
    return (Complaint.application.is_null()
            | fn.EXISTS(Application.select(Application.id).where(  # per row, not every case
                (Application.id == Complaint.application) & cases))
            | (Complaint.handler == actor.username))


def get(actor, complaint_id) -> Complaint:
    permissions.require(actor, "complaints.view")
    query = Complaint.select().where(Complaint.id == complaint_id)
    condition = visible(actor)
    if condition is not None:
        query = query.where(condition)
    complaint = query.first()
    if complaint is None:
        raise NotFound("Pengaduan ini tidak ditemukan, atau menyangkut kasus yang hanya dibuka "
                       "oleh petugas yang menanganinya.")
    return _mask(actor, complaint)


def _search(query, actor, text: str):
    """Number, subject, LAPOR! ticket; the complainant's name only where the actor reads it."""
    by_name = Complaint.complainant_name.contains(text)  # peewee escapes % and _
    if not isinstance(actor, permissions.SystemActor) and actor.role != permissions.HEAD:
        by_name &= ((Complaint.identity == "terbuka")
                    | ((Complaint.identity == "rahasia")
                       & (Complaint.handler == actor.username)))
    return query.where(Complaint.number.contains(text) | Complaint.subject.contains(text)
                       | Complaint.lapor_ticket.contains(text) | by_name)


def listing(actor, *, state: str | None = None, kind: str | None = None, text: str = "",
            handler: str | None = None, since: datetime.date | None = None,
            until: datetime.date | None = None, limit: int = 500) -> list[Complaint]:
    """The complaints `actor` may see, newest first, each masked; `state` 'terbuka' means
    every open one. One query, with the service and the case joined."""
    permissions.require(actor, "complaints.view")
    case_service = Service.alias()  # the case's own, for its sensitivity
    query = (Complaint.select(Complaint, Service, Application, case_service)
             .join(Service, join_type=JOIN.LEFT_OUTER, on=(Complaint.service == Service.id))
             .switch(Complaint)
             .join(Application, join_type=JOIN.LEFT_OUTER,
                   on=(Complaint.application == Application.id))
             .join(case_service, join_type=JOIN.LEFT_OUTER,
                   on=(Application.service == case_service.id)))
    condition = visible(actor)
    if condition is not None:
        query = query.where(condition)
    if state == "terbuka":
        query = query.where(Complaint.state.in_(OPEN_STATES))
    elif state:
        query = query.where(Complaint.state == state)
    if kind:
        query = query.where(Complaint.kind == kind)
    if handler is not None:
        query = query.where(Complaint.handler == handler)
    if since is not None:
        query = query.where(Complaint.received_on >= since)
    if until is not None:
        query = query.where(Complaint.received_on <= until)
    text = check_characters((text or "").strip(), "Cari", multiline=False)
    if text:
        query = _search(query, actor, text)
    rows = query.order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(limit)
    return [_mask(actor, complaint) for complaint in rows]


def for_application(actor, application) -> list[Complaint]:
    """The complaints about one case, for its detail window (the case is already readable)."""
    permissions.require(actor, "complaints.view")
    rows = list(Complaint.select().where(Complaint.application == application.id)
                .order_by(Complaint.received_at))
    for complaint in rows:
        complaint.application = application
    return [_mask(actor, c) for c in rows]


# ---- recording -------------------------------------------------------------------------------

def _subject_of(actor, about: str, service_id, reg_number: str, staff_named: str) -> dict:
    """What the complaint is about: a service, one application (its service too), a member
    of staff, or the office in general."""
    values = dict(about=_choice(about, ABOUT, "Tentang", "apa yang diadukan"), service=None,
                  application=None, staff_named="")
    if about == "permohonan":
        number = require_text(reg_number, "Nomor registrasi", 40)
        application = Application.get_or_none(Application.reg_number == number)
        if application is None or not case_access.can_read(actor, application):
            raise ValidationError("Nomor registrasi", "tidak ditemukan; periksa nomornya di "
                                  "tanda terima pemohon.")
        values.update(application=application.id, service=application.service_id)
    elif about == "layanan":
        if service_id is None or Service.get_or_none(Service.id == service_id) is None:
            raise ValidationError("Layanan", "pilih layanan yang diadukan dari daftar.")
        values["service"] = service_id
    elif about == "petugas":
        values["staff_named"] = require_text(staff_named, "Petugas yang diadukan", 120)
        if service_id is not None:
            values["service"] = service_id
    return values


def _complainant(checks: FieldChecks, identity: str, name: str, contact: str,
                 address: str) -> dict:
    identity = checks.run(_choice, identity, IDENTITIES, "Identitas pengadu",
                          "terbuka, anonim atau dirahasiakan")
    if identity == "anonim":  # nothing that identifies them is kept
        return dict(identity=identity, complainant_name="", complainant_contact="",
                    complainant_address="")
    return dict(identity=identity,
                complainant_name=checks.run(require_text, name, "Nama pengadu", 120),
                complainant_contact=checks.run(clean_text, contact, "Kontak pengadu", 200),
                complainant_address=checks.run(clean_text, address, "Alamat pengadu", 300))


def _lapor_ticket(channel: str, ticket: str) -> str:
    ticket = clean_text(ticket, "Nomor tiket LAPOR!", 40)
    if "Nomor tiket LAPOR!" in required_fields(channel) and not ticket:
        raise ValidationError("Nomor tiket LAPOR!", "wajib diisi untuk pengaduan dari "
                              "SP4N-LAPOR!; salin nomor pelacakannya dari lapor.go.id.")
    return ticket if channel == "lapor" else ""


# What an empty form is refused for; the dialog marks these labels "*".
REQUIRED = ("Saluran", "Pokok aduan", "Nama pengadu")
# What each "Tentang" names; asked only of it.
ABOUT_REQUIRED = {"permohonan": ("Nomor registrasi",), "layanan": ("Layanan",),
                  "petugas": ("Petugas yang diadukan",)}
# Required only for some choices (required_fields); the dialog's "*" follows them.
CONDITIONAL = ("Nomor tiket LAPOR!", "Layanan", "Nomor registrasi", "Petugas yang diadukan",
               "Nama pengadu")


def required_fields(channel: str = "", about: str = "umum",
                    identity: str = "terbuka") -> tuple[str, ...]:
    """What record() refuses empty for these choices: REQUIRED, the ticket of a complaint
    from SP4N-LAPOR!, what the complaint is about, and no name of an anonymous one."""
    return (("Saluran",) + (("Nomor tiket LAPOR!",) if channel == "lapor" else ())
            + ABOUT_REQUIRED.get(about, ()) + ("Pokok aduan",)
            + (("Nama pengadu",) if identity != "anonim" else ()))


def record(actor, *, kind: str, channel: str, subject: str, category: str,
           about: str = "umum", received_at: datetime.datetime | None = None,
           description: str = "", lapor_ticket: str = "", service_id=None,
           reg_number: str = "", staff_named: str = "", identity: str = "terbuka",
           name: str = "", contact: str = "", address: str = "",
           now: datetime.datetime | None = None) -> Complaint:
    """A complaint, suggestion or appreciation as received. `received_at` is the office's
    local date and time (default: now); its day starts the clocks."""
    permissions.require(actor, "complaints.record")
    now = now or timefmt.utcnow()
    checks = FieldChecks()
    run = checks.run
    values = dict(kind=run(_choice, kind, KINDS, "Jenis", "pengaduan, saran atau apresiasi"),
                  channel=run(_choice, channel, CHANNELS, "Saluran",
                              "saluran yang dipakai pengadu"))
    values["lapor_ticket"] = run(_lapor_ticket, channel, lapor_ticket)
    at = (run(require_past_moment, received_at, "Diterima", now) if received_at is not None
          else now)
    values.update(run(_subject_of, actor, about, service_id, reg_number, staff_named) or {})
    values["category"] = run(_choice, category, CATEGORIES, "Kategori", "kategori")
    values["subject"] = run(require_text, subject, "Pokok aduan", 200)
    values["description"] = run(clean_text, description, "Uraian", 4000)
    values.update(_complainant(checks, identity, name, contact, address))
    checks.raise_errors()
    values.update(received_at=at, received_on=timefmt.to_local(at).date())
    year = values["received_on"].year
    numbering.ensure_series(NUMBER_SERIES, year)
    with db.atomic():
        sequence = numbering.next_value(NUMBER_SERIES, year)
        complaint = records.create(Complaint, actor, number=f"ADU-{year}-{sequence:04d}",
                                   **values)
    return _mask(actor, complaint)


# ---- handling -------------------------------------------------------------------------------

def handlers() -> list[User]:
    """Who a kepala may route a complaint to: every active user but administrators."""
    return list(User.select(User.id, User.username, User.full_name, User.role)
                .where(User.active & (User.role != permissions.ADMIN))
                .order_by(User.full_name))


def route(actor, complaint: Complaint, handler: str) -> Complaint:
    permissions.require(actor, "complaints.route")
    _require_state(complaint, OPEN_STATES, "diteruskan")
    user = User.get_or_none((User.username == (handler or "").strip().lower()) & User.active)
    if user is None or user.role == permissions.ADMIN:
        raise ValidationError("Penangan", "pilih petugas yang aktif dari daftar.")
    return _save(actor, complaint, handler=user.username)


def _require_handler(actor, complaint: Complaint) -> None:
    if getattr(actor, "role", "") == permissions.HEAD:
        return
    if not complaint.handler:
        raise PermissionDenied("Pengaduan ini belum diteruskan kepada petugas; kepala "
                               "menentukan penangannya dulu.")
    if complaint.handler != getattr(actor, "username", ""):
        raise PermissionDenied(f"Pengaduan ini ditangani oleh {complaint.handler}; hanya "
                               "penangan itu atau kepala yang mencatat penanganannya.")


def _require_state(complaint: Complaint, states, doing: str) -> None:
    if complaint.state not in states:
        raise ValidationError("Status", f"pengaduan berstatus {STATES[complaint.state]} tidak "
                              f"dapat {doing}; muat ulang untuk melihat keadaannya.")


def _save(actor, complaint: Complaint, **changes) -> Complaint:
    saved = records.update(complaint, actor, **changes)
    return _mask(actor, saved)


def _day(value, field: str, not_before, before_what: str, today) -> datetime.date:
    return require_past_date(value, field, today or _today(), not_before, before_what)


def verify(actor, complaint: Complaint, *, verified_on, complete: bool, note: str = "",
           today: datetime.date | None = None) -> Complaint:
    """The handler checked the complaint: a complete file starts the resolution clock; an
    incomplete one says what the complainant must still give."""
    _require_handler(actor, complaint)
    _require_kind(complaint, "diverifikasi")
    _require_state(complaint, ("diterima",), "diverifikasi lagi")
    checks = FieldChecks()
    day = checks.run(_day, verified_on, "Tanggal verifikasi", complaint.received_on,
                     "tanggal diterima", today)
    note = checks.run(clean_text, note, "Catatan verifikasi", 2000, required=not complete)
    checks.raise_errors()
    changes = dict(state="diverifikasi", verified_on=day, verification_note=note,
                   handler=complaint.handler or actor.username)
    if complete:
        changes["file_complete_on"] = day
    return _save(actor, complaint, **changes)


def complete_file(actor, complaint: Complaint, *, completed_on,
                  today: datetime.date | None = None) -> Complaint:
    """What was missing has come in: the resolution clock starts that day."""
    _require_handler(actor, complaint)
    _require_state(complaint, ("diverifikasi", "ditindaklanjuti"), "dinyatakan lengkap")
    if complaint.file_complete_on is not None:
        raise ValidationError("Berkas lengkap", "berkas pengaduan ini sudah dinyatakan lengkap "
                              f"pada {timefmt.format_date(complaint.file_complete_on)}.")
    day = _day(completed_on, "Berkas lengkap", complaint.verified_on, "tanggal verifikasi",
               today)
    return _save(actor, complaint, file_complete_on=day)


def follow_up(actor, complaint: Complaint, *, followed_up_on, text: str,
              today: datetime.date | None = None) -> Complaint:
    _require_handler(actor, complaint)
    _require_kind(complaint, "ditindaklanjuti")
    _require_state(complaint, ("diverifikasi",), "ditindaklanjuti")
    checks = FieldChecks()
    day = checks.run(_day, followed_up_on, "Tanggal tindak lanjut", complaint.verified_on,
                     "tanggal verifikasi", today)
    text = checks.run(require_text, text, "Tindak lanjut", 4000)
    checks.raise_errors()
    return _save(actor, complaint, state="ditindaklanjuti", followed_up_on=day, follow_up=text)


def _require_kind(complaint: Complaint, doing: str) -> None:
    if complaint.kind != "pengaduan":
        raise ValidationError("Jenis", f"{KINDS[complaint.kind].lower()} tidak "
                              f"{doing}; langsung catat tanggapannya.")


def signed_reply_number(complaint: Complaint) -> str:
    """The number of the complaint's latest signed reply letter, '' when none is signed."""
    row = (Letter.select(Letter.number)
           .where((Letter.complaint == complaint.id) & Letter.number.is_null(False))
           .order_by(Letter.signed_at.desc()).first())
    return row.number if row else ""


def _reply_kind(complaint: Complaint, reply_kind: str) -> str:
    reply_kind = _choice(reply_kind, REPLY_KINDS, "Cara menjawab", "cara jawaban disampaikan")
    if complaint.identity == "anonim" and reply_kind in ("telepon", "whatsapp", "email",
                                                          "surat", "langsung"):
        raise ValidationError("Cara menjawab", "pengadu anonim tidak dapat dihubungi; jawab "
                              "melalui SP4N-LAPOR! atau umumkan di papan/website.")
    return reply_kind


def resolve(actor, complaint: Complaint, *, resolved_on, reply_kind: str, reply: str,
            outcome: str, reply_reference: str = "",
            today: datetime.date | None = None) -> Complaint:
    """The answer given: a complaint after its follow-up and a complete file; a suggestion or
    appreciation straight away."""
    _require_handler(actor, complaint)
    if complaint.kind == "pengaduan":
        _require_state(complaint, ("ditindaklanjuti",), "dijawab sebelum tindak lanjutnya "
                       "dicatat")
        if complaint.file_complete_on is None:
            raise ValidationError("Berkas lengkap", "berkas pengaduan belum lengkap; catat "
                                  "tanggal berkasnya lengkap dulu.")
        start, what = complaint.followed_up_on, "tanggal tindak lanjut"
    else:
        _require_state(complaint, ("diterima",), "ditanggapi lagi")
        start, what = complaint.received_on, "tanggal diterima"
    checks = FieldChecks()
    day = checks.run(_day, resolved_on, "Tanggal jawaban", start, what, today)
    reply_kind = checks.run(_reply_kind, complaint, reply_kind)
    if reply_kind == "surat" and not (reply_reference or "").strip():
        reply_reference = signed_reply_number(complaint)  # the one Pelita signed
    changes = dict(resolved_on=day, reply_kind=reply_kind,
                   reply_reference=checks.run(clean_text, reply_reference,
                                              "Nomor surat jawaban", 120,
                                              required=reply_kind == "surat"),
                   reply=checks.run(require_text, reply, "Isi jawaban", 4000),
                   outcome=checks.run(_choice, outcome, OUTCOMES[complaint.kind], "Hasil",
                                      "hasil penanganan"),
                   handler=complaint.handler or actor.username)
    checks.raise_errors()
    # A suggestion or appreciation needs no confirmation; nor does an anonymous complainant.
    closes = complaint.kind != "pengaduan" or complaint.identity == "anonim"
    changes["state"] = "ditutup" if closes else "selesai"
    return _save(actor, complaint, **changes)


def confirm(actor, complaint: Complaint, *, confirmed_on, confirmation: str,
            today: datetime.date | None = None) -> Complaint:
    """The complainant's answer to the reply. Not satisfied: the complaint is followed up
    again (its resolution clock keeps running from the complete file)."""
    _require_handler(actor, complaint)
    _require_state(complaint, ("selesai",), "dikonfirmasi")
    day = _day(confirmed_on, "Tanggal konfirmasi", complaint.resolved_on, "tanggal jawaban",
               today)
    confirmation = _choice(confirmation, CONFIRMATIONS, "Konfirmasi pengadu",
                           "jawaban pengadu")
    if confirmation == "tidak_puas":
        return _save(actor, complaint, state="ditindaklanjuti", confirmation=confirmation,
                     confirmed_on=day, resolved_on=None)
    return _save(actor, complaint, state="ditutup", confirmation=confirmation,
                 confirmed_on=day)
