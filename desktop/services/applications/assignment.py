"""The kepala's disposition: which social worker handles a case. For a child's case it is also
who may read it besides the kepala and the registering officer (services.case_access)."""
from desktop.errors import ValidationError
from desktop.models import Application, StepEvent, User, db, utcnow
from desktop.services.applications import case_access
from desktop.services.shared import permissions, records


def social_workers(actor) -> list[User]:
    """Active social workers, whom a case may be assigned to."""
    permissions.require(actor, "applications.assign")
    return list(User.select(User.id, User.username, User.full_name, User.nip)
                .where((User.role == permissions.SOCIAL_WORKER) & User.active)
                .order_by(User.full_name, User.username))


def assigned_name(application) -> str:
    """The assigned worker's name for the case's screen ("" when none; one query)."""
    if not application.assigned_to:
        return ""
    user = User.get_or_none(User.username == application.assigned_to)
    return user.full_name if user is not None else application.assigned_to


def assign(actor, application: Application, username: str) -> Application:
    """Assign (or reassign) the case; the previous worker no longer reads a child's case."""
    permissions.require(actor, "applications.assign")
    case_access.require_readable(actor, application)
    if application.state in ("completed", "rejected", "withdrawn"):
        raise ValidationError("Status", "permohonan sudah ditutup; penugasan tidak bisa diubah.")
    worker = User.get_or_none((User.username == (username or "")) & User.active)
    if worker is None or worker.role != permissions.SOCIAL_WORKER:
        raise ValidationError("Pekerja sosial", "pilih pekerja sosial yang aktif dari daftar.")
    if worker.username == application.assigned_to:
        return application
    with db.atomic():
        StepEvent.create(application=application.id, step_number=application.current_step,
                         action="assign", comment=f"Ditugaskan kepada {worker.full_name}",
                         username=actor.username, role=actor.role, at=utcnow())
        return records.update(application, actor, assigned_to=worker.username)
