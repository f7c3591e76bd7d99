"""Who may read a sensitive case: children's cases and referrals are read only by the roles the
catalog names for the service (default: kepala and pekerja sosial; a child's case: the kepala),
by the social worker assigned to it, and by whoever registered the case. Every path that reveals a case (lists, counts, search, task badges, the person's
page, letters and their files, history, withdrawal) asks here; others do not learn it exists.
"""
from desktop.errors import NotFound
from desktop.models import Application, Service
from desktop.services.shared import permissions

DEFAULT_READERS = (permissions.HEAD, permissions.SOCIAL_WORKER)
SENSITIVE_CATEGORIES = frozenset({"Perlindungan Anak", "Rujukan", "Rehabilitasi Sosial"})
# In those categories but about aid or a wheelchair, not a child or a referral.
NOT_SENSITIVE_BY_DEFAULT = frozenset({"dpk-slrt", "mgl-seating-clinic-kursi-roda"})

HIDDEN = ("Permohonan ini tidak ditemukan, atau termasuk kasus sensitif yang hanya dibuka oleh "
          "petugas yang menanganinya.")


def default_sensitive(code: str, category: str) -> bool:
    return category in SENSITIVE_CATEGORIES and code not in NOT_SENSITIVE_BY_DEFAULT


def encode_readers(roles) -> str:
    """',kepala,pekerja_sosial,': delimited so a LIKE matches a whole role name."""
    chosen = sorted(set(roles) & permissions.ALL_ROLES)
    return "," + ",".join(chosen) + "," if chosen else ""


def readers_of(service) -> frozenset[str]:
    return frozenset(r for r in (service.readers or "").split(",") if r)


def _reads_everything(actor) -> bool:
    # Command-line administration (backup, demo, upgrade) works on the whole database.
    return isinstance(actor, permissions.SystemActor)


def can_read(actor, application) -> bool:
    service = application.service
    if not service.sensitive or _reads_everything(actor):
        return True
    if actor is None:
        return False
    return (actor.role in readers_of(service)
            or (bool(application.created_by) and application.created_by == actor.username)
            or (bool(application.assigned_to) and application.assigned_to == actor.username))


def require_readable(actor, application) -> None:
    """NotFound, not PermissionDenied: the refusal must not confirm the case exists."""
    if not can_read(actor, application):
        raise NotFound(HIDDEN)


def closed_services(actor):
    """A subquery of the sensitive services `actor`'s role does not read."""
    return (Service.select(Service.id)
            .where(Service.sensitive
                   & ~Service.readers.contains(f",{getattr(actor, 'role', '')},")))


def visible(actor):
    """A condition on Application: the cases `actor` may see in a list, count or search;
    None when every case is visible."""
    if _reads_everything(actor):
        return None
    condition = Application.service.not_in(closed_services(actor))
    username = getattr(actor, "username", "")
    if not username:
        return condition
    return (condition | (Application.created_by == username)
            | (Application.assigned_to == username))
