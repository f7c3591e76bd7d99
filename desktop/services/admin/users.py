"""Staff accounts: created, changed and reset by an administrator."""
from desktop.errors import NotFound, ValidationError
from desktop.models import User
from desktop.services.shared import permissions, records
from desktop.services.shared.validators import check_nip, normalise_nip, optional_text, require_text
from desktop.services.shell import auth


def _check_role(role: str) -> str:
    if role not in permissions.ROLE_LABELS:
        choices = ", ".join(permissions.ROLE_LABELS)
        raise ValidationError("Peran", f"'{role}' tidak dikenal; pilih salah satu: {choices}.")
    return role


def _signing_fields(role: str, nip: str, rank: str, position: str) -> dict:
    nip = normalise_nip(nip)
    if nip:
        check_nip(nip)
    if role == permissions.HEAD and not nip:
        raise ValidationError("NIP", "wajib diisi untuk peran Kepala, karena dicetak di bawah "
                              "tanda tangan surat.")
    return {"nip": nip, "rank": optional_text(rank, "Pangkat/golongan", 80),
            "position": optional_text(position, "Jabatan", 160)}


def add_user(actor, username: str, full_name: str, role: str, password: str,
             nip: str = "", rank: str = "", position: str = "") -> User:
    permissions.require(actor, "users.manage")
    username = auth.check_username(username)
    full_name = require_text(full_name, "Nama lengkap", 120)
    role = _check_role(role)
    signing = _signing_fields(role, nip, rank, position)
    auth.check_password_strength(password, username)
    if User.select().where(User.username == username).exists():
        raise ValidationError("Nama pengguna", f"'{username}' sudah dipakai; pilih nama lain.")
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
    role = _check_role(role)
    if user.username == actor.username and (role != user.role or not active):
        raise ValidationError("Peran", "Anda tidak bisa mengubah peran atau menonaktifkan akun "
                              "Anda sendiri; minta administrator lain.")
    changes = dict(full_name=require_text(full_name, "Nama lengkap", 120), role=role,
                   active=bool(active), **_signing_fields(role, nip, rank, position))
    if user.role == permissions.ADMIN and (role != permissions.ADMIN or not active):
        _keep_one_admin(user)
    return records.update(user, actor, **changes)


def _keep_one_admin(user: User) -> None:
    others = User.select().where((User.role == permissions.ADMIN) & User.active
                                 & (User.id != user.id)).count()
    if not others:
        raise ValidationError("Peran", "harus ada paling sedikit satu administrator aktif.")


def reset_password(actor, user: User, new_password: str) -> User:
    permissions.require(actor, "users.manage")
    auth.check_password_strength(new_password, user.username)
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
