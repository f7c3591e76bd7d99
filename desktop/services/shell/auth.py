"""Passwords (argon2id), login with lockout, and the password check that unlocks an idle screen."""
import datetime
import re
from functools import lru_cache

from desktop.errors import AuthError, ValidationError
from desktop.models import User, db, utcnow
from desktop.services.admin import settings
from desktop.services.shared import audit
from desktop.services.shared.timefmt import format_local


@lru_cache(maxsize=1)
def _hasher():
    """argon2id with the library's current recommended parameters. argon2 is imported with
    the first password checked, not at start-up (the login dialog shows before)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")
FAILED = "Nama pengguna atau kata sandi salah."
WRONG_PASSWORD = "Kata sandi salah."  # where only a password was asked (the lock screen)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_username(username: str) -> str:
    name = (username or "").strip()
    if not name:
        raise ValidationError("Nama pengguna", "wajib diisi (contoh: budi.s).")
    if not USERNAME_RE.match(name):
        raise ValidationError("Nama pengguna", "3 s.d. 32 karakter: huruf kecil, angka, titik, "
                              "garis bawah atau tanda hubung, diawali huruf (contoh: budi.s).")
    return name


def check_password_strength(password: str, username: str = "", minimum: int | None = None) -> None:
    """`minimum` given where the settings cannot be read yet (a first run's empty database)."""
    minimum = minimum or settings.get("password.min_length")
    if not password:
        raise ValidationError("Kata sandi", "wajib diisi.")
    if len(password) < minimum:
        raise ValidationError("Kata sandi", f"terlalu pendek: paling sedikit {minimum} karakter.")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise ValidationError("Kata sandi", "harus memuat huruf dan angka.")
    if username and username.lower() in password.lower():
        raise ValidationError("Kata sandi", "tidak boleh memuat nama pengguna.")
    if len(set(password)) < 4:
        raise ValidationError("Kata sandi", "terlalu mudah ditebak: gunakan lebih banyak "
                              "karakter yang berbeda.")


def _locked_message(user: User) -> str:
    return (f"Akun '{user.username}' terkunci sampai {format_local(user.locked_until)} karena "
            "terlalu sering salah kata sandi. Coba lagi nanti atau minta administrator "
            "membuka kuncinya.")


def _refuse_unusable(user: User | None, password: str, now: datetime.datetime) -> None:
    """Unknown name, empty password, locked or deactivated account: refused before hashing."""
    if user is None or not password:
        raise AuthError(FAILED)
    if user.locked_until and user.locked_until > now:
        raise AuthError(_locked_message(user))
    if not user.active:
        raise AuthError(f"Akun '{user.username}' dinonaktifkan. Hubungi administrator.")


def _password_matches(user: User, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    return True


def authenticate(username: str, password: str, failed: str = FAILED) -> User:
    """Return the user when the password is right; count failures and lock the account.
    `failed` opens the refusal (the login names both fields, the lock screen its password)."""
    name = (username or "").strip().lower()
    user = User.get_or_none(User.username == name)
    now = utcnow()
    _refuse_unusable(user, password, now)
    if not _password_matches(user, password):
        _register_failure(user, now)
        raise AuthError(_failure_message(user, failed))
    with db.atomic():
        changes = {User.failed_attempts: 0, User.locked_until: None, User.last_login_at: now}
        if _hasher().check_needs_rehash(user.password_hash):
            changes[User.password_hash] = _hasher().hash(password)
        User.update(changes).where(User.id == user.id).execute()
        audit.record(user, "login", "user", user.id)
    return User.get_by_id(user.id)


def sign_out(user) -> None:
    """'Keluar akun': the audit trail shows when a shared PC changed hands."""
    audit.record(user, "logout", "user", getattr(user, "id", None))


# What the `user` table has had since the first schema: all that a check before an upgrade
# may read, since the table may not have the columns the current model adds.
_FIRST_SCHEMA_COLUMNS = (User.id, User.username, User.full_name, User.role, User.password_hash,
                         User.active, User.failed_attempts, User.locked_until)


def authenticate_before_upgrade(username: str, password: str) -> User:
    """The password check of the administrator who upgrades an older database.

    It reads only the first schema's columns and writes only the failure count (audit and
    lockout tables may differ in the older schema): authenticate() reads and writes through
    the current models, and a future column of `user` would make an upgrade impossible.
    """
    name = (username or "").strip().lower()
    user = User.select(*_FIRST_SCHEMA_COLUMNS).where(User.username == name).first()
    _refuse_unusable(user, password, utcnow())
    if not _password_matches(user, password):
        User.update(failed_attempts=User.failed_attempts + 1).where(User.id == user.id).execute()
        raise AuthError(FAILED)
    return user


def _register_failure(user: User, now: datetime.datetime) -> None:
    limit = settings.get("login.max_attempts")
    minutes = settings.get("login.lockout_minutes")
    with db.atomic():
        # Increment in SQL so failures from several PCs at once all count.
        User.update(failed_attempts=User.failed_attempts + 1).where(User.id == user.id).execute()
        fresh = User.get_by_id(user.id)
        if fresh.failed_attempts >= limit:
            until = now + datetime.timedelta(minutes=minutes)
            User.update(failed_attempts=0, locked_until=until).where(User.id == user.id).execute()
            audit.record(user, "lockout", "user", user.id, new={"locked_until": until.isoformat()})
        else:
            audit.record(user, "login_failed", "user", user.id)
    refreshed = User.get_by_id(user.id)
    user.failed_attempts, user.locked_until = refreshed.failed_attempts, refreshed.locked_until


def _failure_message(user: User, failed: str = FAILED) -> str:
    if user.locked_until:
        return _locked_message(user)
    left = settings.get("login.max_attempts") - user.failed_attempts
    return f"{failed} Sisa {left} kali percobaan sebelum akun dikunci."


def verify_current_user(user: User, password: str) -> User:
    """Unlock the screen: the same rules as login, for the user already signed in."""
    return authenticate(user.username, password, failed=WRONG_PASSWORD)
