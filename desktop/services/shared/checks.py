"""Collect every field's refusal of a form before raising, so the officer hears all of them
after one press instead of one per press."""
import contextvars
import copy

from desktop.errors import ValidationError, ValidationErrors
from desktop.models import db


class FieldChecks:
    """Run checks, keep the ValidationErrors they raise, raise them together at the end.

        checks = FieldChecks()
        name = checks.run(require_text, values.get("name"), "Nama", 120)
        nik = checks.run(check_nik, values.get("nik"), "NIK")
        checks.raise_errors()

    `run` returns None for a refused value; checks that depend on it ask `failed(field)`."""

    def __init__(self):
        self.errors: list[ValidationError] = []

    def run(self, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as exc:
            self.errors.extend(getattr(exc, "errors", [exc]))
            return None

    def add(self, field: str, message: str) -> None:
        self.errors.append(ValidationError(field, message))

    def failed(self, *fields: str) -> bool:
        """Whether any of `fields` (any field when none named) was refused already."""
        return any(not fields or error.field in fields for error in self.errors)

    def raise_errors(self) -> None:
        """One field's error raised as the ValidationError it was; several together."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ValidationErrors(self.errors)


class _KeepNothing(Exception):
    """Raised inside a trial's transaction so that everything written in it is rolled back."""


# During a trial: (record instance, its state before the trial changed it in memory).
_changed_in_trial: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "changed_in_trial", default=None)


def before_change(instance) -> None:
    """Call before changing a record instance in memory (records.update does). In a trial the
    instance gets its values and version back after the rollback, so the form's own record
    still matches the database: a raised version would make its next save a false conflict."""
    kept = _changed_in_trial.get()
    if kept is None or any(seen is instance for seen, _ in kept):
        return
    state = dict(instance.__dict__)
    for name in ("__data__", "_dirty", "__rel__"):  # peewee's own, changed in place
        if name in state:
            state[name] = copy.copy(state[name])
    kept.append((instance, state))


def trial(call) -> None:
    """Run `call` only to hear its refusals: whatever it writes is rolled back, and the
    records it changed in memory are put back (before_change). Raises what it raises;
    returns when it refused nothing (and kept nothing).

    The forms use it when a date is typed as no date: the service is asked with that date
    empty, so one press names the date and every other field at fault together."""
    kept: list = []
    token = _changed_in_trial.set(kept)
    try:
        with db.atomic():
            call()
            raise _KeepNothing
    except _KeepNothing:
        pass
    finally:
        _changed_in_trial.reset(token)
        for instance, state in kept:
            instance.__dict__.clear()
            instance.__dict__.update(state)
