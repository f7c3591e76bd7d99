"""Login, lockout and users, on every backend."""
import datetime

import pytest

from desktop.errors import AuthError, PermissionDenied, ValidationError
from desktop.models import User, utcnow
from desktop.services.admin import settings, users
from desktop.services.shared import permissions
from desktop.services.shell import auth
from tests.factories import PASSWORD, make_user


def test_password_is_stored_as_argon2id(backend_db):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_good_login_resets_failures(backend_db):
    make_user()
    with pytest.raises(AuthError):
        auth.authenticate("budi", "salah-sekali1")
    user = auth.authenticate("budi", PASSWORD)
    assert user.failed_attempts == 0 and user.last_login_at is not None


def test_five_failures_lock_for_five_minutes(backend_db):
    make_user()
    for attempt in range(4):
        with pytest.raises(AuthError) as caught:
            auth.authenticate("budi", "keliru12345")
        assert f"Sisa {4 - attempt} kali" in caught.value.message
    with pytest.raises(AuthError) as caught:
        auth.authenticate("budi", "keliru12345")
    assert "terkunci" in caught.value.message
    locked_until = User.get(User.username == "budi").locked_until
    assert datetime.timedelta(minutes=4) < locked_until - utcnow() <= datetime.timedelta(minutes=5)
    with pytest.raises(AuthError) as caught:
        auth.authenticate("budi", PASSWORD)  # even the right password waits
    assert "terkunci" in caught.value.message
    User.update(locked_until=utcnow() - datetime.timedelta(seconds=1)).execute()
    assert auth.authenticate("budi", PASSWORD).username == "budi"


def test_lockout_limits_are_settings(backend_db):
    admin = make_user("admin", role="administrator")
    settings.set_value(admin, "login.max_attempts", 2)
    settings.set_value(admin, "login.lockout_minutes", 30)
    make_user()
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.authenticate("budi", "keliru12345")
    left = User.get(User.username == "budi").locked_until - utcnow()
    assert datetime.timedelta(minutes=29) < left <= datetime.timedelta(minutes=30)


def test_unknown_user_and_inactive_user(backend_db):
    with pytest.raises(AuthError) as caught:
        auth.authenticate("nobody", PASSWORD)
    assert caught.value.message == auth.FAILED
    admin = make_user("admin", role="administrator")
    user = make_user()
    users.update_user(admin, user, user.full_name, user.role, active=False)
    with pytest.raises(AuthError) as caught:
        auth.authenticate("budi", PASSWORD)
    assert "dinonaktifkan" in caught.value.message


@pytest.mark.parametrize("username", ["", "ab", "Budi", "1budi", "budi santoso", "x" * 40])
def test_bad_usernames_refused_naming_field(backend_db, username):
    with pytest.raises(ValidationError) as caught:
        make_user(username)
    assert caught.value.field == "Nama pengguna"


@pytest.mark.parametrize("password", ["", "pendek1", "hanyahuruf", "1234567890", "budi12345",
                                      "aaaa1111"])
def test_weak_or_empty_passwords_refused(backend_db, password):
    with pytest.raises(ValidationError) as caught:
        make_user("budi", password=password)
    assert caught.value.field == "Kata sandi"
    assert not User.select().exists()


def test_head_needs_a_valid_nip(backend_db):
    with pytest.raises(ValidationError) as caught:
        users.add_user(permissions.SYSTEM, "kadis", "Dra. Sri", permissions.HEAD, PASSWORD)
    assert caught.value.field == "NIP"
    with pytest.raises(ValidationError) as caught:
        users.add_user(permissions.SYSTEM, "kadis", "Dra. Sri", permissions.HEAD, PASSWORD,
                       nip="197013451995031002")
    assert caught.value.field == "NIP"
    head = users.add_user(permissions.SYSTEM, "kadis", "Dra. Sri", permissions.HEAD, PASSWORD,
                          nip="19700512 199503 1 002")
    assert head.nip == "197005121995031002"


def test_only_admin_manages_users(backend_db):
    clerk = make_user()
    with pytest.raises(PermissionDenied) as caught:
        users.add_user(clerk, "andi", "Andi", permissions.FRONT_OFFICE, PASSWORD)
    assert "Petugas Layanan" in caught.value.message
    with pytest.raises(PermissionDenied):
        users.reset_password(clerk, clerk, "baru12345x")


def test_reset_password_unlocks_and_last_admin_is_kept(backend_db):
    admin = make_user("admin", role="administrator")
    user = make_user()
    User.update(locked_until=utcnow() + datetime.timedelta(minutes=5)).where(
        User.username == "budi").execute()
    users.reset_password(admin, User.get(User.username == "budi"), "sandibaru42")
    assert auth.authenticate("budi", "sandibaru42").username == "budi"
    with pytest.raises(ValidationError):
        users.update_user(admin, records_reload(admin), admin.full_name, "kepala", True,
                          nip="197005121995031002")
    assert user.role == permissions.FRONT_OFFICE


def records_reload(user):
    return User.get_by_id(user.id)


def test_first_admin_only_on_empty_database(backend_db):
    users.create_first_admin("admin", "Administrator", PASSWORD)
    with pytest.raises(ValidationError):
        users.create_first_admin("admin2", "Administrator", PASSWORD)
