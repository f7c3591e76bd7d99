"""The values a letter template is rendered with, built from the letter and what it refers to.

Variable names are catalogue.py's (documented in letter_templates/VARIABLES.md). Every
variable the template may use gets a value, blank when nothing is known. Images (emblem,
qr_code, signature_image, stamp_image) travel as bytes in render_letter's `images`; in the
context they are None until render_letter replaces them, so `{% if qr_code %}` works.
"""
import datetime
import json
from decimal import Decimal, InvalidOperation

from desktop.services.admin import office
from desktop.services.cases import registry
from desktop.services.letters import catalogue, formatting
from desktop.services.shared import timefmt

IMAGE_NAMES = ("emblem", "qr_code", "signature_image", "stamp_image")
SIGNING_AS = {"": "Atas jabatan sendiri", "a.n.": "Atas nama (a.n.)",
              "Plt.": "Pelaksana Tugas (Plt.)", "Plh.": "Pelaksana Harian (Plh.)"}
# Filled by the code from the office, signer and signing: staff cannot override these.
PROVIDED = frozenset(catalogue.OFFICE_VARIABLES) | (
    frozenset(catalogue.SIGNING_VARIABLES) - {"tembusan"}) | {"subject"}


def editable_names(template_key: str, application=None) -> list[str]:
    """The variables staff may fill or edit on a draft: everything the code does not provide,
    nor the application's case kind from its record, nor the record the template answers."""
    spec = catalogue.spec(template_key)
    filled = registry.letter_values(application, template_key)
    return [name for name in spec.all_variables() if name not in PROVIDED
            and name not in filled and name not in spec.filled
            and (spec.copies or name != "tembusan")]


def _person_address(person) -> str:
    from desktop.services.applications.people import address_text

    return address_text(person, formal=True)


def applicant_values(application) -> dict:
    """person_* or org_* from the application's applicant; nothing without one."""
    if application is None:
        return {}
    if application.person_id:
        person = application.person
        return {"person_name": person.name, "person_nik": person.nik or "",
                "person_kk": person.kk_number,
                "person_birth": formatting.place_and_date(person.birth_place,
                                                          person.birth_date),
                "person_sex": {"L": "Laki-laki", "P": "Perempuan"}.get(person.sex, ""),
                "person_address": _person_address(person)}
    if application.organisation_id:
        org = application.organisation
        return {"org_name": org.name, "org_address": org.address,
                "org_chair": org.contact_person}
    return {}


def free_text(letter) -> dict:
    """The letter's stored fields: text, or lists of text (tembusan, prizes, services)."""
    try:
        data = json.loads(letter.fields or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _money_or_text(name: str, value, names) -> dict:
    """An amount typed as a plain number fills `name` and `name_words` (Rp ..., terbilang)."""
    if f"{name}_words" in names and isinstance(value, str):
        digits = value.replace(".", "").replace(",", ".").replace("Rp", "").strip()
        try:
            amount = Decimal(digits)
        except InvalidOperation:
            return {name: value}
        return catalogue.money_fields(name, amount)
    return {name: value}


# Sifat, Lampiran and the addressee's place when staff leave them blank: never "Lampiran :"
# with nothing after it.
LETTER_DEFAULTS = {"nature": "Biasa", "attachment": "-", "addressee_place": "Tempat"}


def build(letter, *, application=None, signer=None, signing_as: str | None = None,
          number: str = "",
          letter_date: datetime.date | None = None, verification_code: str = "",
          profile=None) -> dict:
    """The full context. Without `number` it is a draft: is_draft is true, no QR code. The
    signature block is the one chosen for the letter (its signer and capacity), on the draft
    as on the signed letter."""
    profile = profile or office.get_profile()
    signer = signer or letter.signer
    if signing_as is None:
        signing_as = getattr(letter, "signing_as", "") or ""
    spec = catalogue.spec(letter.template_key)
    names = spec.all_variables()
    values = {name: "" for name in names}
    values["tembusan"] = []
    values.update(applicant_values(application))
    for name, value in free_text(letter).items():
        if name not in PROVIDED and not name.endswith("_words"):
            values.update(_money_or_text(name, value, names))
    if spec.kind == "letter":  # left blank, the heading's rows say what offices write
        for name, usual in LETTER_DEFAULTS.items():
            if not str(values.get(name) or "").strip():
                values[name] = usual
    values.update(registry.letter_values(application, letter.template_key))
    values.update(_complaint_values(letter))
    values.update(catalogue.office_context(profile))
    values.update(catalogue.signer_context(
        name=signer.full_name, rank=signer.rank, nip=signer.nip, position=signer.position,
        signing_as=signing_as, head_position=head_position(profile)))
    day = letter_date or timefmt.to_local(
        datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)).date()
    values.update(subject=letter.subject, number=number, is_draft=not number,
                  letter_date=formatting.format_date(day),
                  verification_code=format_code(verification_code))
    for name in IMAGE_NAMES:
        values[name] = None
    return values


def _complaint_values(letter) -> dict:
    """A reply letter's addressee and what it answers, from the complaint (unmasked: whoever
    reads this letter was checked by lifecycle)."""
    if getattr(letter, "complaint_id", None) is None:
        return {}
    from desktop.models import Complaint
    from desktop.services.complaints import reply_letter

    return reply_letter.letter_values(Complaint.get_by_id(letter.complaint_id))


def head_position(profile) -> str:
    """Kepala Dinas Sosial Kota Magelang: whom an a.n. signer signs for."""
    kind = "Kabupaten" if profile.region_kind == "Kabupaten" else "Kota"
    return " ".join(part for part in ("Kepala", profile.office_name, kind,
                                      profile.region_name) if part) if profile.region_name \
        else f"Kepala {profile.office_name}"


def format_code(code: str) -> str:
    """K7Q2-M9XD-4TPA: easier to read out and type than twelve letters in a row."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4)) if code else ""


# Parts a letter may leave empty: copies, attachments, numbers a person without papers lacks,
# and amounts in words (filled from the amount).
OPTIONAL = frozenset({"tembusan", "attachment", "nature", "request_reference", "person_kk",
                      "person_nik", "child_nik", "deceased_nik", "guardian_name",
                      "companion_name", "destination_address", "spare_parts",
                      "services_total",
                      "org_legal_number", "org_npwp",
                      "org_bank_account", "org_deed", "dtks_id", "aid_programs"})


def missing_names(letter, values: dict) -> list[str]:
    """The parts still empty that the letter cannot go out without."""
    return [name for name in editable_names(letter.template_key)
            if name not in OPTIONAL and not name.endswith("_words")
            and not str(values.get(name) or "").strip()]


def missing_parts(letter, values: dict) -> list[str]:
    """missing_names as the labels staff see."""
    labels = catalogue.spec(letter.template_key).all_variables()
    return [labels[name].split(":")[0] for name in missing_names(letter, values)]
