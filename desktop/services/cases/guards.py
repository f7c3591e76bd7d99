"""A case kind's rules guard steps and letters: refused while a rule is not met, unless a
kepala overrides it with a written reason (kept, and audited)."""
from dataclasses import dataclass

from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import RuleOverride, db, utcnow
from desktop.services.applications import case_access
from desktop.services.cases import registry
from desktop.services.cases.kind import Outcome, Rule, require_open
from desktop.services.shared import audit, permissions, timefmt
from desktop.services.shared.validators import clean_text

REASON_MIN, REASON_MAX = 10, 1000


@dataclass(frozen=True)
class Standing:
    """A rule as it stands for one application: its outcome, and a kepala's override."""

    rule: Rule
    key: str  # "<kind>.<rule>"
    outcome: Outcome
    override: RuleOverride | None

    @property
    def passes(self) -> bool:
        return self.outcome.met or self.override is not None


def standings(case) -> list[Standing]:
    """Every rule of a case file (registry.case_file) with its outcome and override."""
    if case is None:
        return []
    return [Standing(rule, f"{case.kind.code}.{rule.code}",
                     rule.check(case.application, case.record),
                     case.overrides.get(f"{case.kind.code}.{rule.code}"))
            for rule in case.kind.rules]


def _failing(application, guards_it) -> list[Standing]:
    """The rules `guards_it` selects that do not pass (one query: the case file)."""
    return [s for s in standings(registry.case_file(application))
            if guards_it(s.rule) and not s.passes]


def _refuse(failing: list[Standing], blocked: str) -> None:
    reasons = "; ".join(f"{s.rule.label}: {s.outcome.reason}" for s in failing)
    raise ValidationError("Aturan layanan", f"{reasons}. {blocked}; lengkapi datanya, atau "
                          "Kepala dapat mengesampingkan aturan ini dengan alasan tertulis.")


def require_step(application) -> None:
    """Before the current step is done: every rule guarding it passes."""
    kind = registry.kind_of(application.service)
    if kind is None or not any(r.guards_step(application.service.code,
                                             application.current_step) for r in kind.rules):
        return  # no query for a plain application or an unguarded step
    failing = _failing(application, lambda rule: rule.guards_step(
        application.service.code, application.current_step))
    if failing:
        _refuse(failing, f"Langkah {application.current_step} belum bisa diselesaikan")


def require_letter(application, template_key: str) -> None:
    """Before a letter is drafted: a letter a case kind fills is drafted only from a case of
    that kind, and every rule guarding it passes."""
    owners = registry.letter_owners(template_key)
    kind = registry.kind_of(application.service) if application is not None else None
    if owners and kind not in owners:
        raise ValidationError("Jenis surat", "surat ini diisi dari data "
                              f"{' atau '.join(k.label for k in owners)}: buat dari permohonan "
                              "layanan itu, setelah datanya dicatat.")
    if kind is None or not any(r.guards_letter(template_key) for r in kind.rules):
        return
    failing = _failing(application, lambda rule: rule.guards_letter(template_key))
    if failing:
        _refuse(failing, "Surat ini belum bisa dibuat")


def letter_allowed(application, template_key: str) -> bool:
    try:
        require_letter(application, template_key)
    except ValidationError:
        return False
    return True


def override(actor, application, rule_key: str, reason: str) -> RuleOverride:
    """A kepala lets the case go on although `rule_key` is not met, saying why."""
    permissions.require(actor, "cases.override")
    case_access.require_readable(actor, application)
    require_open(application)
    kind = registry.kind_of(application.service)
    codes = {f"{kind.code}.{r.code}" for r in kind.rules} if kind is not None else set()
    if rule_key not in codes:
        raise ValidationError("Aturan", "aturan ini tidak berlaku untuk layanan permohonan ini.")
    text = clean_text(reason, "Alasan", REASON_MAX, multiline=True).strip()
    if len(text) < REASON_MIN:
        raise ValidationError("Alasan", f"tuliskan alasannya, paling sedikit {REASON_MIN} "
                              "karakter: mengapa permohonan boleh dilanjutkan.")
    with db.atomic():
        # Two kepala on two PCs: the first override stands; the second is told whose it is
        # (no unique violation reaches the server's log).
        sql, params = (RuleOverride.insert(application=application.id, rule=rule_key,
                                           reason=text, username=actor.username, at=utcnow())
                       .on_conflict_ignore().sql())
        added = db.execute_sql(sql, params).rowcount == 1
        row = RuleOverride.get_or_none((RuleOverride.application == application.id)
                                       & (RuleOverride.rule == rule_key))
        if row is None:
            raise NotFound("Permohonan ini tidak ditemukan lagi; mungkin sudah dihapus.")
        if not added:
            raise ConflictError(f"Aturan ini sudah dikesampingkan oleh {row.username} pada "
                                f"{timefmt.format_local(row.at)}. Muat ulang permohonan; "
                                "alasan Anda masih ada di formulir.")
        audit.record(actor, "override", "rule_override", row.id,
                     new={"application": application.id, "rule": rule_key, "reason": text})
    return row

