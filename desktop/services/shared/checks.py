"""Collect every field's refusal of a form before raising, so the officer hears all of them
after one press instead of one per press."""
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


def trial(call) -> None:
    """Run `call` only to hear its refusals: whatever it writes is rolled back. Raises what it
    raises; returns when it refused nothing (and kept nothing).

    The forms use it when a date is typed as no date: the service is asked with that date
    empty, so one press names the date and every other field at fault together."""
    try:
        with db.atomic():
            call()
            raise _KeepNothing
    except _KeepNothing:
        pass
