"""The front desk's registration in one call: a new applicant, if there is one, and the
application, in one transaction, so a refusal leaves nothing half written."""
from desktop.errors import ValidationError
from desktop.models import Application, Organisation, Person, Service, db
from desktop.services.applications import people, workflow
from desktop.services.shared import permissions


class MissingRequirements(ValidationError):
    """Requirements not yet brought that the officer has not confirmed; `missing` lists them."""

    def __init__(self, missing: list):
        super().__init__("Persyaratan", "belum ada: " + "; ".join(r.text for r in missing)
                         + ". Konfirmasi dulu bahwa permohonan didaftarkan dengan status "
                         "menunggu kelengkapan.")
        self.missing = missing


def register(actor, service: Service, *, person: Person | None = None,
             new_person: dict | None = None, documented: bool = True,
             organisation: Organisation | None = None, new_organisation: dict | None = None,
             accept_missing: bool = False, **application) -> Application:
    """Register `new_person` (PersonForm.values()) or `new_organisation` and the application.

    `application`: workflow.register's keywords. A requirement still 'Belum ada' is refused
    unless `accept_missing`; then the application starts waiting for completion."""
    permissions.require(actor, "applications.register")
    given = [a for a in (person, new_person, organisation, new_organisation) if a is not None]
    if len(given) != 1:
        raise ValidationError("Pemohon", "pilih satu pemohon: orang atau lembaga.")
    missing = workflow.missing_requirements(service, application.get("checks"))
    if missing and not accept_missing:
        raise MissingRequirements(missing)
    workflow.ensure_numbering(application.get("received_at"))
    with db.atomic():
        if new_person is not None:
            person = people.register_person(actor, documented=documented, at_desk=True,
                                               **new_person)
        if new_organisation is not None:
            organisation = people.register_organisation(actor, **new_organisation)
        return workflow.register(actor, service, person=person, organisation=organisation,
                                 wait_for_missing=True, **application)
