"""One way to turn any error a screen meets into words for the user, and a last resort for the
ones no screen expected: a short Indonesian message, never a traceback or the data in it."""
import logging
import sys
import traceback

from peewee import DatabaseError, InterfaceError

from desktop.errors import PelitaError

log = logging.getLogger(__name__)

DATABASE_REFUSED = ("Database menolak perintah ini. Isian Anda tidak hilang: periksa koneksi "
                    "lalu coba lagi; bila terus begini, hubungi administrator.")
UNEXPECTED = ("Terjadi kesalahan tak terduga di Pelita. Isian yang sudah tersimpan tidak "
              "hilang. Coba lagi; bila terus begini, catat apa yang sedang Anda kerjakan dan "
              "laporkan kepada administrator.")


def user_message(exc: BaseException) -> str | None:
    """The message for a service's or the database's error; None for a programming error."""
    if isinstance(exc, PelitaError):
        return exc.message
    if isinstance(exc, (DatabaseError, InterfaceError)):
        log_without_values(exc)
        return DATABASE_REFUSED
    return None


def describe(exc: BaseException, otherwise: str) -> str:
    """user_message(), or `otherwise` (logged where it happened, without its values)."""
    message = user_message(exc)
    if message is None:
        log_without_values(exc)
        return otherwise
    return message


def log_without_values(exc: BaseException) -> None:
    """Where it happened, not what it said: driver messages quote the row (a NIK, a name)."""
    frames = "".join(traceback.format_tb(exc.__traceback__)) if exc.__traceback__ else ""
    log.error("%s.%s\n%s", type(exc).__module__, type(exc).__name__, frames)


def install_excepthook(show) -> None:
    """Route exceptions nothing caught (a slot's, an event handler's) to `show(message)`."""
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        message = user_message(exc)
        if message is None:
            log_without_values(exc)
            message = UNEXPECTED
        show(message)
    sys.excepthook = hook
