"""Administrators' replacements of the shipped letter templates.

A replacement is checked before it is accepted (checks.require_valid: Jinja syntax, smart
quotes, variables Pelita does not provide, a trial rendering) and stored in the database, so
every PC uses it at once. Without a replacement the shipped letter_templates/<key>.docx is
used. Letters already signed keep the document rendered at signing.
"""
import datetime
import hashlib
from dataclasses import dataclass

from peewee import IntegrityError

from desktop.errors import ConflictError, ValidationError
from desktop.models import TemplateOverride, db
from desktop.services.applications import chunks
from desktop.services.letters import catalogue, checks, render
from desktop.services.shared import permissions, records

TEMPLATE_MAX_BYTES = 10 * 1024 * 1024
FILENAME_MAX = 200


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    title: str
    replaced: bool
    filename: str = ""  # the replacement's original file name
    updated_by: str = ""
    updated_at: datetime.datetime | None = None
    sha256: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.key}.docx"


def _check_key(template_key: str) -> None:
    if template_key not in catalogue.TEMPLATES:
        raise ValidationError("Templat", f"templat '{template_key}' tidak dikenal Pelita.")


def _row(template_key: str) -> TemplateOverride | None:
    return TemplateOverride.get_or_none(TemplateOverride.template_key == template_key)


def active_template(template_key: str) -> bytes | None:
    """The administrator's replacement, or None when the shipped file is in use."""
    data = (TemplateOverride.select(TemplateOverride.docx)
            .where(TemplateOverride.template_key == template_key).scalar())
    return bytes(data) if data else None


def template_bytes(template_key: str) -> bytes:
    """The template in use now: the replacement, or the shipped file."""
    _check_key(template_key)
    return active_template(template_key) or render.template_path(template_key).read_bytes()


def list_templates() -> list[TemplateInfo]:
    """Every template in the catalogue's order, shipped or replaced, and by whom and when."""
    columns = [f for f in TemplateOverride._meta.sorted_fields if f.name != "docx"]
    rows = {r.template_key: r for r in TemplateOverride.select(*columns)}
    result = []
    for key in catalogue.TEMPLATES:
        row = rows.get(key)
        title = catalogue.spec(key).title
        if row is None:
            result.append(TemplateInfo(key, title, False))
        else:
            result.append(TemplateInfo(key, title, True, row.filename, row.updated_by,
                                       row.updated_at, row.sha256))
    return result


def replace(actor, template_key: str, data: bytes, filename: str = "") -> TemplateOverride:
    """Use `data` (a .docx) for `template_key` from now on, once the checker accepts it.

    Raises ValidationError naming the template and the tag; nothing is stored then.
    """
    permissions.require(actor, "templates.manage")
    _check_key(template_key)
    data = bytes(data or b"")
    if not data:
        raise ValidationError(f"Templat {template_key}.docx", "berkas kosong.")
    server_max = chunks.single_value_max()  # MariaDB's packet limit, read from the server
    limit = min(TEMPLATE_MAX_BYTES, server_max) if server_max else TEMPLATE_MAX_BYTES
    if len(data) > limit:
        raise ValidationError(f"Templat {template_key}.docx", "berkas terlalu besar: paling "
                              f"besar {limit / (1024 * 1024):.1f} MB. Perkecil gambar di "
                              "dalamnya (Word: Kompres Gambar) lalu unggah lagi.")
    checks.require_valid(template_key, data)
    values = {"docx": data, "sha256": hashlib.sha256(data).hexdigest(),
              "filename": (filename or "")[-FILENAME_MAX:]}
    row = _row(template_key)
    if row is None:
        try:
            with db.atomic():
                return records.create(TemplateOverride, actor, template_key=template_key,
                                      **values)
        except IntegrityError:
            raise ConflictError(f"Templat {template_key}.docx baru saja diganti dari PC lain. "
                                "Muat ulang daftar templat, lalu ulangi bila perlu.") from None
    return records.update(row, actor, **values)


def restore_shipped(actor, template_key: str) -> None:
    """Go back to the shipped letter_templates/<key>.docx."""
    permissions.require(actor, "templates.manage")
    _check_key(template_key)
    row = _row(template_key)
    if row is None:
        raise ValidationError(f"Templat {template_key}.docx", "sudah memakai templat bawaan.")
    records.delete(row, actor)


def signer_images(user) -> tuple[bytes | None, bytes | None]:
    """A signer's stored (signature, stamp); None where there is none."""
    from desktop.models import SignerImage

    row = SignerImage.get_or_none(SignerImage.user == getattr(user, "id", user))
    if row is None:
        return None, None
    return (bytes(row.signature) if row.signature else None,
            bytes(row.stamp) if row.stamp else None)
