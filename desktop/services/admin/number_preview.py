"""The next registration and letter number a pattern would give, for the settings screen:
read from the same counters the numbers come from, taking none of them."""
from dataclasses import dataclass

from desktop.errors import ValidationError
from desktop.models import Service
from desktop.services.admin import office, settings
from desktop.services.applications import workflow
from desktop.services.letters import catalogue, lifecycle
from desktop.services.shared import numbering, timefmt


@dataclass(frozen=True)
class Preview:
    number: str = ""  # empty when the pattern is refused
    example: str = ""  # what the number is for: a pattern may name a service or letter kind
    error: str = ""  # the service's own refusal, naming the setting and the fix


def _checked(key: str, pattern: str) -> str:
    definition = settings.DEFINITIONS[key]
    text = (pattern or "").strip()
    if not text:
        raise ValidationError(definition.label, "wajib diisi.")
    definition.check(definition.label, text)
    return text


def registration(pattern: str, now=None) -> Preview:
    """The next registration number under `pattern` (the counter of this year)."""
    try:
        pattern = _checked("applications.number_pattern", pattern)
    except ValidationError as exc:
        return Preview(error=exc.message)
    local = timefmt.to_local(now or timefmt.utcnow())
    service = (Service.select(Service.code, Service.name).where(Service.active)
               .order_by(Service.name).first())
    code = service.code.upper() if service else "KODE"
    seq = numbering.peek_value(workflow.NUMBER_SERIES, local.year)
    number = numbering.format_pattern(pattern, seq=seq, year=local.year, month=local.month,
                                      service=code)
    example = f"untuk layanan {service.name}" if service and "{service" in pattern else ""
    return Preview(number, example)


def letter(pattern: str, now=None) -> Preview:
    """The next number of the first letter kind in the catalogue under `pattern`: numbers run
    per classification (and series when the pattern shows it), so the example names it."""
    try:
        pattern = _checked("letters.number_pattern", pattern)
    except ValidationError as exc:
        return Preview(error=exc.message)
    local = timefmt.to_local(now or timefmt.utcnow())
    spec = catalogue.SPECS[0]
    classification = catalogue.classification_of(spec.key)
    unit = office.get_profile().unit_code or "UNIT"
    series = lifecycle.series_key(pattern, classification, spec.series, unit)
    seq = numbering.peek_value(series, local.year)
    number = numbering.format_letter_number(pattern, classification=classification, seq=seq,
                                            unit=unit, year=local.year, month=local.month,
                                            series=spec.series)
    return Preview(number, f"untuk {spec.title}")


PREVIEWS = {"applications.number_pattern": registration, "letters.number_pattern": letter}
LEGENDS = {"applications.number_pattern": numbering.legend(numbering.REGISTRATION_PLACEHOLDERS),
           "letters.number_pattern": numbering.legend(numbering.LETTER_PLACEHOLDERS, 4)}
