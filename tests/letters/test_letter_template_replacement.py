"""An administrator replaces a letter template: checked first, used for the next preview and
signing, restorable, and never changes a letter already signed."""
import hashlib

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import AuditEntry, Letter, TemplateOverride
from desktop.services.letters import checks, lifecycle, templates
from desktop.services.shared import permissions
from tests.factories import shipped_template_with
from tests.letters.test_letters_lifecycle import docx_text, ready_to_sign, setup_office, stored

KEY = "rekomendasi_slrt"  # the letter of the dpk-slrt application setup_office() registers
MARKER = "TEMPLAT PENGGANTI UJI 7731"


def override_count() -> int:
    return TemplateOverride.select().count()


def test_a_valid_replacement_is_used_for_the_next_preview_and_signing(backend_db):
    o = setup_office()
    before = lifecycle.sign(o["head"], ready_to_sign(o))
    before_bytes, before_hash, _, _ = stored(before)
    assert MARKER not in docx_text(before_bytes)
    assert templates.active_template(KEY) is None

    good = shipped_template_with(KEY, f"{MARKER} untuk {{{{ person_name }}}}")
    templates.replace(o["admin"], KEY, good, "slrt-baru.docx")
    assert templates.active_template(KEY) == good
    assert templates.template_bytes(KEY) == good
    info = {t.key: t for t in templates.list_templates()}[KEY]
    assert info.replaced and info.filename == "slrt-baru.docx"
    assert info.updated_by == "admin" and info.updated_at is not None
    assert info.sha256 == hashlib.sha256(good).hexdigest()
    assert info.title.startswith("Surat Rekomendasi SLRT")
    assert not {t.key: t for t in templates.list_templates()}["keterangan_dtks"].replaced
    assert AuditEntry.select().where((AuditEntry.table_name == "template_override")
                                     & (AuditEntry.action == "create")).count() == 1

    # The next draft preview and the next signed letter come from the replacement.
    draft = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    assert f"{MARKER} untuk Agus Prasetyo" in docx_text(lifecycle.preview(draft))
    after = lifecycle.sign(o["head"], ready_to_sign(o))
    after_bytes, after_hash, number, _ = stored(after)
    assert f"{MARKER} untuk Agus Prasetyo" in docx_text(after_bytes)
    assert number in docx_text(after_bytes)

    # The letter signed before the replacement is byte for byte what was issued.
    assert stored(before)[:2] == (before_bytes, before_hash)
    assert lifecycle.signed_document(lifecycle.get(before.id, permissions.SYSTEM)) == before_bytes

    # `pelita templates check` with a database open checks the replacement.
    assert checks.check_all(replacement=templates.active_template) == []

    # Back to the shipped file: new previews lose the marker, signed letters keep theirs.
    templates.restore_shipped(o["admin"], KEY)
    assert templates.active_template(KEY) is None and override_count() == 0
    assert not {t.key: t for t in templates.list_templates()}[KEY].replaced
    assert MARKER not in docx_text(lifecycle.preview(lifecycle.get(draft.id, permissions.SYSTEM)))
    assert stored(after)[:2] == (after_bytes, after_hash)
    assert stored(before)[:2] == (before_bytes, before_hash)
    assert AuditEntry.select().where((AuditEntry.table_name == "template_override")
                                     & (AuditEntry.action == "delete")).count() == 1
    with pytest.raises(ValidationError, match="sudah memakai templat bawaan"):
        templates.restore_shipped(o["admin"], KEY)


BAD = {
    "unknown variable": ("Nama: {{ nama_lengkap }}", "{{ nama_lengkap }}", "tidak disediakan"),
    "broken tag": ("{% if is_draft %}DRAF{% endfi %}", "{% endfi %}", "tidak dikenal"),
    "smart quotes": ("{% if person_name == \u201cAgus\u201d %}ya{% endif %}",
                     "{% if person_name == \u201cAgus\u201d %}", "kutip lengkung"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_replacement_is_refused_naming_template_and_tag(backend_db, case):
    o = setup_office()
    paragraph, tag, words = BAD[case]
    with pytest.raises(ValidationError) as raised:
        templates.replace(o["admin"], KEY, shipped_template_with(KEY, paragraph), "salah.docx")
    message = raised.value.message
    assert f"{KEY}.docx" in message and tag in message and words in message
    assert override_count() == 0 and templates.active_template(KEY) is None

    # With a replacement already in use, a bad one leaves it in place.
    good = shipped_template_with(KEY, MARKER)
    templates.replace(o["admin"], KEY, good, "baik.docx")
    with pytest.raises(ValidationError):
        templates.replace(o["admin"], KEY, shipped_template_with(KEY, MARKER, paragraph), "salah.docx")
    assert templates.active_template(KEY) == good
    row = TemplateOverride.get(TemplateOverride.template_key == KEY)
    assert row.filename == "baik.docx" and row.version == 1


def test_not_a_docx_an_unknown_template_and_an_empty_file_are_refused(sqlite_db):
    o = setup_office()
    with pytest.raises(ValidationError, match="bukan dokumen Word"):
        templates.replace(o["admin"], KEY, b"PK\x03\x04 bukan docx", "x.docx")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        templates.replace(o["admin"], "surat_cinta", shipped_template_with(KEY, MARKER), "x.docx")
    with pytest.raises(ValidationError, match="kosong"):
        templates.replace(o["admin"], KEY, b"", "x.docx")
    assert override_count() == 0


def test_only_an_administrator_replaces_or_restores(backend_db):
    o = setup_office()
    good = shipped_template_with(KEY, MARKER)
    for who in ("clerk", "head", "worker"):
        with pytest.raises(PermissionDenied, match="mengganti templat surat"):
            templates.replace(o[who], KEY, good, "x.docx")
    assert override_count() == 0
    templates.replace(o["admin"], KEY, good, "x.docx")
    with pytest.raises(PermissionDenied):
        templates.restore_shipped(o["head"], KEY)
    assert templates.active_template(KEY) == good
    # Replacing again updates the one row.
    second = shipped_template_with(KEY, MARKER, "Paragraf kedua.")
    templates.replace(o["admin"], KEY, second, "y.docx")
    assert override_count() == 1 and templates.active_template(KEY) == second
    assert Letter.select().count() == 0
