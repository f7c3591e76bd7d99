"""The account form's service on every backend: an empty new account names every required
field in the form's order, wrong values are named together, and nothing is saved."""
import pytest

from desktop.errors import ValidationError, ValidationErrors
from desktop.models import User
from desktop.services.admin import users
from desktop.services.shared import permissions
from tests.factories import make_user


@pytest.fixture
def admin(backend_db):
    return make_user("admin", role=permissions.ADMIN)


def _fields(call) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        call()
    return [error.field for error in getattr(caught.value, "errors", [caught.value])]


def test_an_empty_account_names_every_required_field_and_saves_nothing(admin):
    fields = _fields(lambda: users.add_user(admin, "", "", "", "", repeat=""))
    assert tuple(fields) == users.REQUIRED
    with pytest.raises(ValidationErrors) as caught:
        users.add_user(admin, "", "", "", "")
    assert caught.value.errors[0].reason.startswith("wajib diisi")
    assert User.select().count() == 1


def test_wrong_values_are_named_together(admin):
    assert _fields(lambda: users.add_user(admin, "admin", "Kepala", permissions.HEAD,
                                          "Kuat12345x", repeat="Lain12345x")) == \
        ["Nama pengguna", "Ulangi kata sandi", "NIP"]  # taken; not repeated; a head's NIP
    assert _fields(lambda: users.update_user(admin, admin, "", permissions.FRONT_OFFICE,
                                             True, nip="123")) == \
        ["Nama lengkap", "Peran", "NIP"]  # one's own role stays
    other = make_user("rina")
    assert _fields(lambda: users.reset_password(admin, other, "Kuat12345x",
                                                repeat="lain")) == [users.REPEAT_FIELD]
    with pytest.raises(ValidationError) as caught:  # a weak one is not also "not repeated"
        users.reset_password(admin, other, "pendek", repeat="lain")
    assert caught.value.field == "Kata sandi" and not hasattr(caught.value, "errors")
    assert User.select().count() == 2


@pytest.mark.parametrize("role", permissions.ROLE_LABELS)
def test_required_fields_asks_a_kepala_his_nip(admin, role):
    asked = users.required_fields(role)
    assert asked == users.REQUIRED + (("NIP",) if role == permissions.HEAD else ())
    fields = _fields(lambda: users.add_user(admin, "", "", role, "", repeat=""))
    assert tuple(fields) == tuple(f for f in asked if f != "Peran")
