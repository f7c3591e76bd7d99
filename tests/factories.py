"""Small helpers that make the records tests need."""
from desktop.services import permissions, users

PASSWORD = "rahasia123"


def make_user(username="budi", role=permissions.FRONT_OFFICE, password=PASSWORD, **extra):
    if role == permissions.HEAD:
        extra.setdefault("nip", "197005121995031002")
    return users.add_user(permissions.SYSTEM, username, username.title() + " Santoso", role,
                          password, **extra)
