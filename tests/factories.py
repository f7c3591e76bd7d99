"""Small helpers that make the records tests need."""
from desktop.services.admin import users
from desktop.services.shared import permissions

PASSWORD = "rahasia123"


def make_user(username="budi", role=permissions.FRONT_OFFICE, password=PASSWORD, **extra):
    if role == permissions.HEAD:
        extra.setdefault("nip", "197005121995031002")
    return users.add_user(permissions.SYSTEM, username, username.title() + " Santoso", role,
                          password, **extra)


def make_person(nik="3371011503850001", name="Agus Prasetyo", **extra):
    import datetime

    from desktop.services.applications import people

    values = dict(birth_date=datetime.date(1985, 3, 15), sex="L", street="Jl. Tidar No. 5",
                  rt="002", rw="003", kelurahan="Magersari", kecamatan="Magelang Selatan",
                  city="Kota Magelang", phone="081234567890")
    values.update(extra)
    return people.register_person(permissions.SYSTEM, nik=nik, name=name, **values)


def make_office() -> dict:
    """The shipped catalog, one account of each working role, and one applicant."""
    from desktop.services.catalog import service_catalog

    service_catalog.load_shipped()
    return {
        "clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
        "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
        "head": make_user("kabid", role=permissions.HEAD),
        "admin": make_user("admin", role=permissions.ADMIN),
        "person": make_person(),
    }


def submit_complete(actor, letter):
    """Fill the parts staff type (addressee, survey results...) as the demo does, then submit."""
    from desktop.services.demo.letters_demo import complete
    from desktop.services.letters import lifecycle

    return lifecycle.submit(actor, complete(actor, letter))


def shipped_template_with(key: str, *paragraphs: str) -> bytes:
    """A shipped letter template with paragraphs added at its end, as an administrator edits
    it before uploading the replacement."""
    import io

    import docx

    from desktop.services.letters.render import template_path

    document = docx.Document(io.BytesIO(template_path(key).read_bytes()))
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """A DOCX's paragraphs and table cells as text, one per line."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)
