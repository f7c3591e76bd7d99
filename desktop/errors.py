"""Errors the services raise. Every message is Indonesian and meant for the user."""


class PelitaError(Exception):
    """Base of every error a user may see; `message` is shown as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(PelitaError):
    """Bad input in one field; `field` is the field's label as the user sees it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class ValidationErrors(ValidationError):
    """Every field a form got wrong, found in one check so the user fixes them in one go.
    A ValidationError whose `field` and `reason` are the first one's, so callers that show
    one error still work; `errors` lists them all in the form's order."""

    def __init__(self, errors: list[ValidationError]):
        flat = [e for error in errors for e in getattr(error, "errors", [error])]
        super().__init__(flat[0].field, flat[0].reason)
        self.errors = flat
        self.message = "\n".join(error.message for error in flat)


class PermissionDenied(PelitaError):
    pass


class NotFound(PelitaError):
    pass


class ConflictError(PelitaError):
    """Another PC saved the record first (optimistic lock)."""

    def __init__(self, message: str, changed_by: str | None = None, changed_at=None):
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class AuthError(PelitaError):
    pass


class DatabaseProblem(PelitaError):
    """The database cannot be opened or used; the connection dialog should open."""


class ConnectionLost(DatabaseProblem):
    """The connection dropped or the file is unusable; the message says whether anything was
    saved. Pelita reconnects by itself, so the same action works once the server answers."""


class SchemaTooNew(DatabaseProblem):
    pass


class SchemaTooOld(DatabaseProblem):
    pass


class Cancelled(PelitaError):
    """The user stopped a long task (an export); nothing half-done was left behind."""
