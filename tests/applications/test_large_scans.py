"""A scan at the size limit saves and reads back byte for byte on every backend with its default
server settings (MariaDB's max_allowed_packet is 16 MB)."""
import os

from desktop.models import Attachment, AttachmentChunk
from desktop.services.admin import settings
from desktop.services.applications import chunks, workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from tests.factories import make_person, make_user


def test_a_scan_at_the_limit_round_trips(backend_db):
    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    app = workflow.register(clerk, service_catalog.get("dpk-slrt"), person=make_person())
    limit = settings.get("attachments.max_mb") * 1024 * 1024
    assert limit >= 10 * 1024 * 1024
    data = b"%PDF-1.7\n" + os.urandom(limit - 9)
    attachment = workflow.attach(clerk, app, "kk-berwarna.pdf", data)
    stored, read = workflow.attachment_data(clerk, attachment.id)
    assert read == data and stored.size == limit
    pieces = AttachmentChunk.select().where(AttachmentChunk.attachment == attachment.id).count()
    assert pieces == -(-limit // chunks.chunk_size()) and pieces > 1


def test_a_scan_saved_before_chunking_still_reads(backend_db):
    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    app = workflow.register(clerk, service_catalog.get("dpk-slrt"), person=make_person())
    data = b"\x89PNG\r\n\x1a\n" + b"lama" * 100
    old = workflow.attach(clerk, app, "lama.png", data)
    AttachmentChunk.delete().where(AttachmentChunk.attachment == old.id).execute()
    Attachment.update(data=data).where(Attachment.id == old.id).execute()
    assert workflow.attachment_data(clerk, old.id)[1] == data


def test_a_template_beyond_the_server_packet_limit_is_refused_by_size(backend_db):
    import pytest

    from desktop.errors import ValidationError
    from desktop.services.letters import templates

    admin = make_user("admin", role=permissions.ADMIN)
    data = b"PK\x03\x04" + os.urandom(9 * 1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        templates.replace(admin, "rekomendasi_slrt", data, "besar.docx")
    too_large = "terlalu besar" in caught.value.message
    assert too_large == backend_db.startswith("mysql")  # 9 MB as hex passes 16 MB
