"""Which demo account records what: the clerk registers, the social worker assesses, the
kabid initials and coordinates, the kadis disposes and signs, the duty officer drives."""
from desktop.models import ServiceStep
from desktop.services.applications.workflow import acting_role
from desktop.services.shared import permissions

CLERK, SOCIAL_WORKER, COORDINATOR, HEAD, DUTY = "layanan", "peksos", "kabid", "kadis", "piket"
BY_ROLE = {permissions.FRONT_OFFICE: CLERK, permissions.SOCIAL_WORKER: SOCIAL_WORKER,
           permissions.HEAD: HEAD, permissions.DUTY_OFFICER: DUTY,
           permissions.ADMIN: "admin"}
# A kepala step the seed gives to a head of division or a coordinator, not the head herself.
DIVISION_WORDS = ("kepala bidang", "koordinator", "sub koordinator", "kabid")


def for_step(step: ServiceStep | None) -> tuple[str, str]:
    """(username, role) of the demo account that records `step`."""
    role = acting_role(step.actor) if step is not None else permissions.FRONT_OFFICE
    if role == permissions.HEAD and any(w in (step.actor_label or "").lower()
                                        for w in DIVISION_WORDS):
        return COORDINATOR, role
    return BY_ROLE[role], role


def registrar(service, steps: list[ServiceStep]) -> tuple[str, str]:
    """Who registers an application: the front office, except a confidential case its social
    worker reads and takes in herself when no front-office step comes first (the clerk who
    registers a case may read it)."""
    readers = service.readers or ""
    first = acting_role(steps[0].actor) if steps else None
    if service.sensitive and f",{permissions.SOCIAL_WORKER}," in readers and \
            first != permissions.FRONT_OFFICE:
        return SOCIAL_WORKER, permissions.SOCIAL_WORKER
    return CLERK, permissions.FRONT_OFFICE
