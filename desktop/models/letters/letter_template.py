"""An administrator's replacement for a shipped letter template (letter_templates/<key>.docx)."""
from peewee import BlobField, CharField

from desktop.models.base import RecordModel


class TemplateOverride(RecordModel):
    """The .docx used instead of the shipped file for `template_key`; no row: the shipped one.

    Letters already signed keep the document rendered at signing: replacing a template never
    touches them.
    """

    template_key = CharField(max_length=64, unique=True)
    docx = BlobField()
    sha256 = CharField(max_length=64)
    filename = CharField(max_length=200, default="")  # the file the administrator chose

    audit_exclude = ("docx",)
