"""Staff accounts: created, changed and reset by an administrator."""
from desktop.errors import NotFound, ValidationError
from desktop.models import User
from desktop.services.shared import permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_nip, normalise_nip, optional_text, require_text
from desktop.services.shell import auth

# What an empty new-account form is refused for, in the form's order; the page marks them "*".
REQUIRED = ("Nama pengguna", "Nama lengkap", "Peran", "Kata sandi")
REPEAT_FIELD = "Ulangi kata sandi"


def required_fields(role: str | None) -> tuple[str, ...]:
    """What a new account of `role` is refused without: REQUIRED, and the NIP of a Kepala
    (printed under the letters' signature)."""
    return REQUIRED + (("NIP",) if role == permissions.HEAD else ())


def _check_role(role: str) -> str:
    if role not in permissions.ROLE_LABELS:
        choices = ", ".join(permissions.ROLE_LABELS)
        raise ValidationError("Peran", f"'{role}' tidak dikenal; pilih salah satu: {choices}.")
    return role


def _signing_fields(role: str | None, nip: str, rank: str, position: str,
                    checks: FieldChecks) -> dict:
    nip = normalise_nip(nip)
    if nip:
        checks.run(check_nip, nip)
    elif "NIP" in required_fields(role):
        checks.add("NIP", "wajib diisi untuk peran Kepala, karena dicetak di bawah tanda "
                   "tangan surat.")
    return {"nip": nip, "rank": checks.run(optional_text, rank, "Pangkat/golongan", 80),
            "position": checks.run(optional_text, position, "Jabatan", 160)}


def _repeated(checks: FieldChecks, password: str, repeat: str | None, what: str) -> None:
    if repeat is not None and not checks.failed("Kata sandi") and repeat != password:
        checks.add(REPEAT_FIELD, f"tidak sama dengan {what}.")


def add_user(actor, username: str, full_name: str, role: str, password: str,
             nip: str = "", rank: str = "", position: str = "",
             repeat: str | None = None) -> User:
    """A new account; `repeat` is the password typed again (checked when given)."""
    permissions.require(actor, "users.manage")
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    username = checks.run(auth.check_username, username)
    if username is not None and User.select().where(User.username == username).exists():
        checks.add("Nama pengguna", f"'{username}' sudah dipakai; pilih nama lain.")
    full_name = checks.run(require_text, full_name, "Nama lengkap", 120)
    role = checks.run(_check_role, role)
    checks.run(auth.check_password_strength, password, username or "")
    _repeated(checks, password, repeat, "kata sandi")
    signing = _signing_fields(role, nip, rank, position, checks)
    checks.raise_errors()

    def taken():
        return ValidationError("Nama pengguna", f"'{username}' baru saja dibuat di PC lain; "
                               "pilih nama lain.")
    return records.create(User, actor, duplicate=taken, username=username,
                          full_name=full_name, role=role,
                          password_hash=auth.hash_password(password), **signing)


def get(username: str) -> User:
    user = User.get_or_none(User.username == (username or "").strip().lower())
    if user is None:
        raise NotFound(f"Pengguna '{username}' tidak ditemukan.")
    return user


# Every column but the password hash, which never leaves the auth module's own queries.
_PUBLIC = [f for f in User._meta.sorted_fields if f.name != "password_hash"]


def list_users(actor) -> list[User]:
    """Every account, for the administrator's user screen and `pelita user list`."""
    permissions.require(actor, "users.manage")
    return list(User.select(*_PUBLIC).order_by(User.role, User.username))


def signers(actor) -> list[User]:
    """Active users with the Kepala role: whom a letter may be addressed to for signing."""
    permissions.require(actor, "letters.view")
    return list(User.select(*_PUBLIC)
                .where((User.role == permissions.HEAD) & User.active)
                .order_by(User.full_name, User.username))


def full_names(actor) -> dict[int, str]:
    """Each account's display name by id, for lists that name who signed or changed a row."""
    permissions.require(actor, "letters.view")
    return {row.id: row.full_name for row in User.select(User.id, User.full_name)}


def update_user(actor, user: User, full_name: str, role: str, active: bool,
                nip: str = "", rank: str = "", position: str = "") -> User:
    permissions.require(actor, "users.manage")
    checks = FieldChecks()
    full_name = checks.run(require_text, full_name, "Nama lengkap", 120)
    role = checks.run(_check_role, role)
    if role is not None and user.username == actor.username and (
            role != user.role or not active):
        checks.add("Peran", "Anda tidak bisa mengubah peran atau menonaktifkan akun Anda "
                   "sendiri; minta administrator lain.")
    if (not checks.failed("Peran") and user.role == permissions.ADMIN
            and (role != permissions.ADMIN or not active)):
        checks.run(_keep_one_admin, user)
    signing = _signing_fields(role, nip, rank, position, checks)
    checks.raise_errors()
    changes = dict(full_name=full_name, role=role, active=bool(active), **signing)
    return records.update(user, actor, **changes)


def _keep_one_admin(user: User) -> None:
    others = User.select().where((User.role == permissions.ADMIN) & User.active
                                 & (User.id != user.id)).count()
    if not others:
        raise ValidationError("Peran", "harus ada paling sedikit satu administrator aktif.")


def reset_password(actor, user: User, new_password: str, repeat: str | None = None) -> User:
    """`repeat` is the new password typed again (checked when given)."""
    permissions.require(actor, "users.manage")
    checks = FieldChecks()
    checks.run(auth.check_password_strength, new_password, user.username)
    _repeated(checks, new_password, repeat, "kata sandi baru")
    checks.raise_errors()
    return records.update(user, actor, password_hash=auth.hash_password(new_password),
                          failed_attempts=0, locked_until=None)


def change_own_password(user: User, old_password: str, new_password: str) -> User:
    auth.authenticate(user.username, old_password)
    auth.check_password_strength(new_password, user.username)
    return records.update(records.reload(user), user,
                          password_hash=auth.hash_password(new_password))


def unlock(actor, user: User) -> User:
    permissions.require(actor, "users.manage")
    return records.update(user, actor, failed_attempts=0, locked_until=None)


def has_any_user() -> bool:
    return User.select().exists()


def create_first_admin(username: str, full_name: str, password: str) -> User:
    """First run of an empty database: the one account that may be made without an actor."""
    if has_any_user():
        raise ValidationError("Nama pengguna", "database ini sudah memiliki akun; masuk dengan "
                              "akun administrator yang ada.")
    return add_user(permissions.SYSTEM, username, full_name, permissions.ADMIN, password)
