"""What the ABH case gives its social report: the child, the case, the assessment and the
worker who wrote it (who signs it; the kepala knows it); the report is confidential."""
from desktop.cases.abh import record as abh
from desktop.models import User
from desktop.services.applications.people import SEXES, address_text
from desktop.services.letters import formatting

NAMES = ("child_name", "child_nik", "child_birth", "child_sex", "child_education",
         "child_address", "parent_name", "parent_address", "case_article", "case_stage",
         "case_summary", "social_assessment", "recommendation", "social_worker_name",
         "social_worker_nip", "request_reference", "nature", "addressee")
# Whom the report goes to at each stage: the authority that asked for it.
ADDRESSEE_ROLE = {"penyidikan": "penyidik", "penuntutan": "jaksa", "pengadilan": "hakim"}


def fill(application, case) -> dict:
    values = {"nature": "Rahasia"}
    child = application.person if application.person_id else None
    if child is not None:
        values.update(child_name=child.name, child_nik=child.nik or "",
                      child_birth=formatting.place_and_date(child.birth_place, child.birth_date),
                      child_sex=SEXES.get(child.sex, ""),
                      child_address=address_text(child, formal=True))
    if case is None:
        return values
    values.update(child_education=case.education, parent_name=case.parent_name,
                  parent_address=case.parent_address,
                  case_article=f"{case.article} (ancaman {abh.threat_text(case.threat_months)})",
                  case_stage=abh.STAGES[case.stage], case_summary=case.offence,
                  social_assessment=case.assessment, recommendation=case.recommendation)
    authority = ADDRESSEE_ROLE.get(case.stage)
    for role, name, institution, _ in abh.contacts_of(case):
        if role == authority:
            values["addressee"] = (f"{abh.CONTACT_ROLES[role]} {institution}".strip()
                                   + f" u.p. {name}")
            break
    writer = User.get_or_none(User.username == case.written_by) if case.written_by else None
    if writer is not None:
        values.update(social_worker_name=writer.full_name,
                      social_worker_nip=formatting.format_nip(writer.nip) if writer.nip else "")
    request = next((e for e in reversed(abh.events_of(application.id))
                    if e.kind == "permintaan_laporan"), None)  # the latest request
    if request is not None:
        from desktop.services.shared import timefmt

        day = timefmt.to_local(request.at).date()
        values["request_reference"] = (
            f"surat permintaan penyidik{f' Nomor {request.reference}' if request.reference else ''}"
            f" tanggal {formatting.format_date(day)}")
    return values
