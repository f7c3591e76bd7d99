"""Small helpers that make the records tests need."""
from desktop.services import permissions, users

PASSWORD = "rahasia123"


def make_user(username="budi", role=permissions.FRONT_OFFICE, password=PASSWORD, **extra):
    if role == permissions.HEAD:
        extra.setdefault("nip", "197005121995031002")
    return users.add_user(permissions.SYSTEM, username, username.title() + " Santoso", role,
                          password, **extra)


def make_person(nik="3371011503850001", name="Agus Prasetyo", **extra):
    import datetime

    from desktop.services import people

    values = dict(birth_date=datetime.date(1985, 3, 15), sex="L", street="Jl. Tidar No. 5",
                  rt="002", rw="003", kelurahan="Magersari", kecamatan="Magelang Selatan",
                  city="Kota Magelang", phone="081234567890")
    values.update(extra)
    return people.register_person(permissions.SYSTEM, nik=nik, name=name, **values)
