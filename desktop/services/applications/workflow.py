"""Applications: registered with their checklist, moved through the service's procedure steps.

Each step is done by the role the seed names; a citizen's or another agency's step is
recorded by the front office. Steps of the `kepala` role are decisions (approve, reject);
any step may return the application to the citizen for completion, which stops the clock.
"""
import datetime
import hashlib
from pathlib import Path

from peewee import JOIN

from desktop.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from desktop.models import (Application, Attachment, AttachmentChunk, Organisation, Person,
                            RequirementCheck, Service, StepEvent, db, utcnow)
from desktop.services.admin import settings
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import case_access, chunks, deadlines
from desktop.services.catalog import service_catalog
from desktop.services.shared import audit, numbering, permissions, records, timefmt
from desktop.services.shared.prepared import Prepared
from desktop.services.shared.validators import clean_text

CHANNELS = {"datang": "Datang langsung", "telepon": "Telepon/WhatsApp",
            "daring": "Daring (online)", "jemput": "Jemput bola/kunjungan rumah"}
NUMBER_SERIES = "registrasi"  # the counter of registration numbers
CHECK_STATES = {"ada": "Ada", "kurang": "Belum ada", "tidak_berlaku": "Tidak berlaku"}
STATES = {"open": "Diproses", "waiting": "Menunggu kelengkapan", "completed": "Selesai",
          "rejected": "Ditolak", "withdrawn": "Dicabut"}
CLOSED = ("completed", "rejected", "withdrawn")
ACTIONS = {"registered": "Didaftarkan", "done": "Langkah selesai", "approve": "Disetujui",
           "reject": "Ditolak", "return": "Dikembalikan untuk dilengkapi",
           "resume": "Berkas dilengkapi", "complete_docs": "Berkas lengkap",
           "incomplete": "Menunggu kelengkapan berkas",
           "withdraw": "Dicabut pemohon", "view": "Dibuka", "assign": "Pekerja sosial ditugaskan"}
COMMENT_MAX = 4000  # a summary, a decision's reason
NOTE_MAX = 2000  # a note on one requirement
EARLIEST_RECEIVED = datetime.datetime(2000, 1, 1)
ATTACHMENT_TYPES = {b"%PDF-": "application/pdf", b"\x89PNG\r\n\x1a\n": "image/png",
                    b"\xff\xd8\xff": "image/jpeg"}
# Actions that hand the application to the citizen for completion: the clock stops.
WAIT_STARTS = ("return", "incomplete")
# The extensions a scan of each type may carry; it is opened under the first.
EXTENSIONS = {"application/pdf": (".pdf",), "image/png": (".png",),
              "image/jpeg": (".jpg", ".jpeg")}
MIME_LABELS = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}


def acting_role(step_actor: str) -> str:
    """The office role that records a step: citizens' and agencies' steps go to the front office."""
    return step_actor if step_actor in permissions.ROLE_LABELS else permissions.FRONT_OFFICE


def _steps(service: Service):
    return service_catalog.steps_of(service)


def _is_complete(checks) -> bool:
    return all(c.state in ("ada", "tidak_berlaku") for c in checks)


def _waiting_intervals(application: Application) -> list[tuple]:
    events = (StepEvent.select(StepEvent.action, StepEvent.at)
              .where((StepEvent.application == application)
                     & StepEvent.action.in_([*WAIT_STARTS, "resume"]))
              .order_by(StepEvent.at, StepEvent.id))
    intervals, started = [], None
    for event in events:
        if event.action in WAIT_STARTS:
            started = event.at
        elif started is not None:
            intervals.append((started, event.at))
            started = None
    return intervals


def _deadline_fields(application: Application, service: Service) -> dict:
    start = application.received_at if service.limit_starts == "receipt" \
        else application.complete_at
    deadline = deadlines.compute(service.limit_kind, service.limit_value, start,
                                 _waiting_intervals(application), WorkCalendar())
    if application.id is not None:
        from desktop.services.cases import registry  # the kinds import this module

        kind = registry.kind_of(service)
        asks = kind is not None and kind.deadline is not None and (
            deadline.due_at is None or kind.deadline_replaces)
        own = kind.deadline(application) if asks else None
        if own is not None:  # the kind's own clock (ABH's hours, the shelter's nights)
            return {"due_at": own[0], "due_soon_at": own[1]}
    return {"due_at": deadline.due_at, "due_soon_at": deadline.due_soon_at}


def _event(application, actor, action: str, comment: str = "", step: int | None = None,
           at: datetime.datetime | None = None):
    StepEvent.create(application=application, step_number=step or application.current_step,
                     action=action, comment=comment, username=actor.username, role=actor.role,
                     at=at or utcnow())


def missing_requirements(service: Service, checks: dict[int, str] | None) -> list:
    """The service's requirements `checks` (position: CHECK_STATES key) leaves 'Belum ada'."""
    checks = checks or {}
    return [r for r in service_catalog.requirements_of(service)
            if checks.get(r.position, "kurang") == "kurang"]


def ensure_numbering(received_at: datetime.datetime | None) -> None:
    """The registration counter of the year, before the transaction that takes a number."""
    numbering.ensure_series(NUMBER_SERIES, timefmt.to_local(received_at or utcnow()).year)


def register(actor, service: Service, *, person: Person | None = None,
             organisation: Organisation | None = None, channel: str = "datang",
             received_at: datetime.datetime | None = None, summary: str = "",
             checks: dict[int, str] | None = None,
             notes: dict[int, str] | None = None,
             wait_for_missing: bool = False) -> Application:
    """Register a new application. `checks` maps requirement position to a CHECK_STATES key.

    `wait_for_missing`: with a requirement not yet brought, the application starts waiting
    for completion (the front desk's registration), its clock stopped from receipt."""
    permissions.require(actor, "applications.register")
    if not service.active:
        raise ValidationError("Layanan", f"'{service.name}' sedang tidak aktif di katalog.")
    if (person is None) == (organisation is None):
        raise ValidationError("Pemohon", "pilih satu pemohon: orang atau lembaga.")
    if channel not in CHANNELS:
        raise ValidationError("Cara permohonan", "pilih datang langsung, telepon/WhatsApp, "
                              "daring, atau jemput bola.")
    now = utcnow()
    received_at = received_at or now
    if received_at > now + datetime.timedelta(minutes=5):
        raise ValidationError("Waktu diterima", "tidak boleh di masa depan.")
    if received_at < EARLIEST_RECEIVED:
        raise ValidationError("Waktu diterima", "tidak boleh sebelum tahun "
                              f"{EARLIEST_RECEIVED.year}; periksa tanggalnya.")
    summary = clean_text(summary, "Ringkasan", COMMENT_MAX)
    checks, notes = checks or {}, notes or {}
    notes = {position: clean_text(text, f"Catatan persyaratan {position}", NOTE_MAX)
             for position, text in notes.items()}
    for position, state in checks.items():
        if state not in CHECK_STATES:
            raise ValidationError(f"Persyaratan {position}", "pilih ada, belum ada, atau tidak "
                                  "berlaku.")
    requirements = service_catalog.requirements_of(service)
    steps = _steps(service)
    first_actor = acting_role(steps[0].actor) if steps else permissions.FRONT_OFFICE
    local = timefmt.to_local(received_at)
    ensure_numbering(received_at)
    with db.atomic():
        seq = numbering.next_value(NUMBER_SERIES, local.year)
        number = numbering.format_pattern(settings.get("applications.number_pattern"), seq=seq,
                                          year=local.year, month=local.month,
                                          service=service.code.upper())
        missing = missing_requirements(service, checks)
        complete_at = received_at if not missing else None
        waits = wait_for_missing and bool(missing)
        start = received_at if service.limit_starts == "receipt" else complete_at
        deadline = deadlines.compute(service.limit_kind, service.limit_value, start, [],
                                     WorkCalendar())
        application = records.create(
            Application, actor, reg_number=number, service=service, person=person,
            organisation=organisation, channel=channel, summary=summary,
            received_at=received_at, complete_at=complete_at, current_step=1,
            current_actor=first_actor, state="waiting" if waits else "open",
            waiting_since=received_at if waits else None, due_at=deadline.due_at,
            due_soon_at=deadline.due_soon_at)
        if requirements:
            RequirementCheck.insert_many([
                dict(application=application.id, position=r.position, group_name=r.group_name,
                     text=r.text, state=checks.get(r.position, "kurang"),
                     note=notes.get(r.position, ""))
                for r in requirements]).execute()
        _event(application, actor, "registered")
        if waits:
            # From receipt, as waiting_since: the deadline and the waiting time agree.
            _event(application, actor, "incomplete",
                   "Belum ada: " + "; ".join(r.text for r in missing), at=received_at)
    return application


_WITH_APPLICANT = Prepared(lambda application_id: (
    Application.select(Application, Service, Person, Organisation)
    .join(Service).switch(Application)
    .join(Person, JOIN.LEFT_OUTER).switch(Application)
    .join(Organisation, JOIN.LEFT_OUTER)
    .where(Application.id == application_id)))
_CHECKS = Prepared(lambda application_id: (
    RequirementCheck.select().where(RequirementCheck.application == application_id)
    .order_by(RequirementCheck.position)))
_ATTACHMENTS = Prepared(lambda application_id: (  # without the bytes: attachment_data reads them
    Attachment.select(*[f for f in Attachment._meta.sorted_fields if f.name != "data"])
    .where(Attachment.application == application_id).order_by(Attachment.id)))
_EVENTS = Prepared(lambda application_id: (
    StepEvent.select().where(StepEvent.application == application_id)
    .order_by(StepEvent.at, StepEvent.id)))


def get(application_id: int, actor, record: bool = True) -> Application:
    """The application with its service and applicant, in one query; a sensitive case only
    for those who may read it, each reading recorded (`record=False`: the caller records it)."""
    found = _WITH_APPLICANT.rows(application_id)
    if not found:  # the same words as a hidden case: a refusal must not confirm it exists
        raise NotFound(case_access.HIDDEN)
    application = found[0]
    case_access.require_readable(actor, application)
    if record:
        record_view(actor, application)
    return application


def is_sensitive(application: Application) -> bool:
    """Children's and referral cases are specific personal data: each reading is recorded."""
    return bool(application.service.sensitive)


def record_view(actor, application: Application) -> bool:
    """Record who read a sensitive case; True when the reading was recorded."""
    if not is_sensitive(application):
        return False
    audit.record(actor, "view", "application", application.id)
    return True


def checks_of(application: Application) -> list[RequirementCheck]:
    return _CHECKS.rows(application.id)


def attachments_of(application: Application) -> list[Attachment]:
    """The scans' descriptions, without their bytes (attachment_data reads those)."""
    return _ATTACHMENTS.rows(application.id)


def events_of(application: Application) -> list[StepEvent]:
    return _EVENTS.rows(application.id)


def _require_step_role(actor, application: Application) -> None:
    permissions.require(actor, "applications.view")
    case_access.require_readable(actor, application)
    if application.state in CLOSED:
        raise ValidationError("Status", f"permohonan sudah {STATES[application.state].lower()}; "
                              "tidak ada langkah yang bisa dikerjakan.")
    if actor.role != application.current_actor:
        raise PermissionDenied(
            f"Langkah {application.current_step} dikerjakan oleh "
            f"{permissions.role_label(application.current_actor)}, bukan "
            f"{permissions.role_label(actor.role)}.")


def _require_comment(comment: str, what: str) -> str:
    text = (comment or "").strip()
    if not text:
        raise ValidationError("Catatan", f"wajib diisi untuk {what}: tuliskan alasannya.")
    return clean_text(text, "Catatan", COMMENT_MAX)


def is_decision_step(application: Application) -> bool:
    return application.current_actor == permissions.HEAD


def available_actions(actor, application: Application) -> list[str]:
    """What `actor` may do now: the detail screen shows these buttons."""
    if application.state in CLOSED:
        return []
    registers = permissions.can(actor, "applications.register")
    if application.state == "waiting":
        return ["resume", "withdraw"] if registers else []
    actions = []
    if actor.role == application.current_actor:
        actions += ["approve", "reject"] if is_decision_step(application) else ["done"]
        actions.append("return")
    if registers:
        actions.append("withdraw")
    return actions


def _advance(actor, application: Application, action: str, comment: str) -> Application:
    from desktop.services.cases import guards  # the case kinds: not needed at start-up

    guards.require_step(application)  # the case kind's rules for this step
    steps = _steps(application.service)
    with db.atomic():
        _event(application, actor, action, comment)
        if application.current_step >= len(steps):
            return records.update(application, actor, state="completed", closed_at=utcnow(),
                                  outcome_reason=comment)
        next_step = steps[application.current_step]  # steps are numbered from 1
        _require_assigned(application, acting_role(next_step.actor))
        return records.update(application, actor, current_step=next_step.number,
                              current_actor=acting_role(next_step.actor))


def _require_assigned(application: Application, role: str) -> None:
    """A case whose readers leave out the next step's social workers (a child's case) goes to
    them only once the kepala has assigned one: otherwise no one could see it there."""
    service = application.service
    if (role == permissions.SOCIAL_WORKER and service.sensitive and not application.assigned_to
            and role not in case_access.readers_of(service)):
        raise ValidationError("Pekerja sosial", "langkah berikutnya dikerjakan pekerja sosial "
                              "yang ditugaskan: tugaskan dulu (Tugaskan… di bawah pemohon), "
                              "lalu selesaikan langkah ini.")


def complete_step(actor, application: Application, comment: str = "") -> Application:
    _require_step_role(actor, application)
    if application.state == "waiting":
        raise ValidationError("Status", "permohonan sedang menunggu kelengkapan dari pemohon.")
    if is_decision_step(application):
        raise ValidationError("Keputusan", "langkah ini memerlukan keputusan: setujui atau tolak.")
    return _advance(actor, application, "done", (comment or "").strip())


def decide(actor, application: Application, decision: str, comment: str) -> Application:
    """approve, reject or return (for completion); each needs a comment."""
    _require_step_role(actor, application)
    if decision not in ("approve", "reject", "return"):
        raise ValidationError("Keputusan", "pilih setujui, tolak, atau kembalikan.")
    if application.state == "waiting":
        raise ValidationError("Status", "permohonan sedang menunggu kelengkapan dari pemohon.")
    text = _require_comment(comment, {"approve": "persetujuan", "reject": "penolakan",
                                      "return": "pengembalian"}[decision])
    if decision == "approve":
        if not is_decision_step(application):
            raise ValidationError("Keputusan", "langkah ini bukan langkah keputusan.")
        return _advance(actor, application, "approve", text)
    if decision == "reject" and not is_decision_step(application):
        raise ValidationError("Keputusan", "hanya Kepala, pada langkah keputusan, yang dapat "
                              "menolak permohonan.")
    now = utcnow()
    with db.atomic():
        _event(application, actor, decision, text)
        if decision == "reject":
            return records.update(application, actor, state="rejected", closed_at=now,
                                  outcome_reason=text)
        return records.update(application, actor, state="waiting", waiting_since=now)


def resume(actor, application: Application, comment: str = "") -> Application:
    """The citizen brought what was missing: the clock runs again, extended by the wait."""
    permissions.require(actor, "applications.register")
    case_access.require_readable(actor, application)
    if application.state != "waiting":
        raise ValidationError("Status", "permohonan tidak sedang menunggu kelengkapan.")
    now = utcnow()
    with db.atomic():
        _event(application, actor, "resume", (comment or "").strip())
        waited = int((now - application.waiting_since).total_seconds())
        application = records.update(application, actor, state="open", waiting_since=None,
                                     waiting_seconds=application.waiting_seconds + waited)
        return _refresh_deadline(actor, application)


def withdraw(actor, application: Application, reason: str) -> Application:
    permissions.require(actor, "applications.register")
    case_access.require_readable(actor, application)
    if application.state in CLOSED:
        raise ValidationError("Status", "permohonan sudah ditutup.")
    text = _require_comment(reason, "pencabutan")
    with db.atomic():
        _event(application, actor, "withdraw", text)
        return records.update(application, actor, state="withdrawn", closed_at=utcnow(),
                              outcome_reason=text)


def _refresh_deadline(actor, application: Application) -> Application:
    fields = _deadline_fields(application, application.service)
    changed = {k: v for k, v in fields.items() if getattr(application, k) != v}
    return records.update(application, actor, **changed) if changed else application


def set_check(actor, application: Application, check: RequirementCheck, state: str,
              note: str = "") -> RequirementCheck:
    """Tick a requirement. When the last one is ticked, documents are complete.

    The update applies only if the tick is still as `check` was loaded: another PC's change
    is reported as a conflict instead of being overwritten.
    """
    permissions.require(actor, "applications.register")
    case_access.require_readable(actor, application)
    if state not in CHECK_STATES:
        raise ValidationError(f"Persyaratan {check.position}", "pilih ada, belum ada, atau "
                              "tidak berlaku.")
    if application.state in CLOSED:
        raise ValidationError("Status", "permohonan sudah ditutup; daftar periksa tidak bisa "
                              "diubah.")
    if check.application_id != application.id:
        raise ValidationError(f"Persyaratan {check.position}", "bukan milik permohonan ini.")
    note = clean_text(note, "Catatan persyaratan", NOTE_MAX)
    with db.atomic():
        old = {"state": check.state, "note": check.note}
        rows = (RequirementCheck.update(state=state, note=note)
                .where((RequirementCheck.id == check.id)
                       & (RequirementCheck.state == check.state)
                       & (RequirementCheck.note == check.note)).execute())
        if rows != 1:
            raise ConflictError(f"Persyaratan {check.position} sudah diubah di PC lain setelah "
                                "Anda membukanya. Muat ulang lalu periksa lagi.")
        check.state, check.note = state, note
        audit.record(actor, "update", "requirement_check", check.id, old=old,
                     new={"application": application.id, "state": state, "note": note})
        if application.complete_at is None and _is_complete(checks_of(application)):
            _event(application, actor, "complete_docs")
            application = records.update(application, actor, complete_at=utcnow())
            _refresh_deadline(actor, application)
    return check


def attach(actor, application: Application, filename: str, data: bytes,
           check: RequirementCheck | None = None) -> Attachment:
    permissions.require(actor, "applications.register")
    case_access.require_readable(actor, application)
    limit_mb = settings.get("attachments.max_mb")
    if not data:
        raise ValidationError("Lampiran", f"berkas '{filename}' kosong.")
    if len(data) > limit_mb * 1024 * 1024:
        raise ValidationError("Lampiran", f"berkas '{filename}' {len(data) / 1048576:.1f} MB, "
                              f"melebihi batas {limit_mb} MB. Pindai ulang dengan resolusi "
                              "lebih kecil.")
    filename = clean_text(Path(str(filename or "")).name, "Nama berkas lampiran", 200,
                          required=True, multiline=False)
    mime = next((m for magic, m in ATTACHMENT_TYPES.items() if data.startswith(magic)), None)
    if mime is None:
        raise ValidationError("Lampiran", f"berkas '{filename}' bukan PDF, JPG atau PNG.")
    if Path(filename).suffix.lower() not in EXTENSIONS[mime]:
        raise ValidationError("Lampiran", f"nama berkas '{filename}' tidak cocok dengan isinya "
                              f"({MIME_LABELS[mime]}): beri akhiran {' atau '.join(EXTENSIONS[mime])}"
                              ". Hanya PDF, JPG dan PNG yang diterima.")
    if application.state in CLOSED:
        raise ValidationError("Lampiran", "permohonan sudah ditutup; pindaian tidak bisa "
                              "ditambahkan.")
    if check is not None and check.application_id != application.id:
        raise ValidationError("Lampiran", "persyaratan yang dipilih bukan milik permohonan ini.")
    with db.atomic():
        attachment = Attachment.create(
            application=application, check=check, filename=filename, mime=mime,
            size=len(data), sha256=hashlib.sha256(data).hexdigest(), data=b"",
            created_at=utcnow(), created_by=actor.username)
        chunks.write(AttachmentChunk, "attachment", attachment.id, data)
        audit.record(actor, "create", "attachment", attachment.id,
                     new={"application": application.id, "filename": attachment.filename,
                          "size": attachment.size, "sha256": attachment.sha256})
    return attachment


def attachment_data(actor, attachment_id: int) -> tuple[Attachment, bytes]:
    """The stored scan, checked against its checksum."""
    attachment = Attachment.get_or_none(Attachment.id == attachment_id)
    if attachment is None:
        raise NotFound(case_access.HIDDEN)
    get(attachment.application_id, actor)  # a sensitive case's scans: its readers only
    data = chunks.read(AttachmentChunk, "attachment", attachment.id)
    if data is None:  # saved before scans were stored in pieces
        data = bytes(attachment.data)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise ValidationError("Lampiran", f"berkas '{attachment.filename}' rusak: checksum "
                              "tidak cocok.")
    return attachment, data


def due_state(application: Application, now: datetime.datetime | None = None) -> str:
    return deadlines.due_state(application.due_at, application.due_soon_at, now or utcnow(),
                               application.state in CLOSED, application.state == "waiting")


def waiting_time(application: Application, now: datetime.datetime | None = None):
    """Time spent with the citizen, including a wait still running."""
    seconds = application.waiting_seconds
    if application.waiting_since is not None:
        seconds += int(((now or utcnow()) - application.waiting_since).total_seconds())
    return datetime.timedelta(seconds=seconds)


def history(actor, application: Application) -> list:
    """Every audit entry about the application, its checklist and its scans, oldest first."""
    permissions.require(actor, "applications.view")
    case_access.require_readable(actor, application)
    from desktop.models import AuditEntry

    checks = RequirementCheck.select(RequirementCheck.id).where(
        RequirementCheck.application == application)
    scans = Attachment.select(Attachment.id).where(Attachment.application == application)
    condition = (((AuditEntry.table_name == "application")
                  & (AuditEntry.record_id == application.id))
                 | ((AuditEntry.table_name == "requirement_check")
                    & AuditEntry.record_id.in_(checks))
                 | ((AuditEntry.table_name == "attachment") & AuditEntry.record_id.in_(scans)))
    from desktop.services.cases import registry  # the case kinds' records and overrides

    for table, model in registry.case_tables().items():
        condition |= ((AuditEntry.table_name == table) & AuditEntry.record_id.in_(
            model.select(model.id).where(model.application == application)))
    return list(AuditEntry.select().where(condition).order_by(AuditEntry.at, AuditEntry.id))
