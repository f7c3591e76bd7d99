"""A letter template cannot run code: refused at upload with a message, and harmless when one
is planted straight into the database and rendered at preview, signing or the check."""
import io
import zipfile

import pytest

from desktop.errors import PelitaError, ValidationError
from desktop.models import TemplateOverride
from desktop.services.letters import checks, lifecycle, render, templates
from desktop.services.shared import records
from tests.factories import shipped_template_with
from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office

KEY = "rekomendasi_slrt"


def payloads(marker) -> dict[str, str]:
    """Each would create `marker` (or read Python's internals) if Jinja ran it unsandboxed."""
    touch = f"touch {marker}"
    return {
        "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "cycler": f"{{{{ cycler.__init__.__globals__.os.system('{touch}') }}}}",
        "joiner": f"{{{{ joiner.__init__.__globals__.os.popen('{touch}').read() }}}}",
        "self": ("{{ self._TemplateReference__context.cycler.__init__.__globals__.os"
                 f".system('{touch}') }}}}"),
        "context variable": ("{{ person_name.__class__.__mro__[1].__subclasses__() }}"),
        "computed key": ("{{ person_name['__cla' ~ 'ss__']['__mro__'][1]"
                         "['__subclasses__']() }}"),
        "lipsum": f"{{{{ lipsum['__glo' ~ 'bals__']['os'].system('{touch}') }}}}",
        "namespace": ("{% set n = namespace() %}{{ n.__init__.__globals__['os']"
                      f".system('{touch}') }}}}"),
    }


@pytest.fixture
def marker(tmp_path):
    path = tmp_path / "marker"
    yield path
    assert not path.exists(), "a template ran code"


@pytest.mark.parametrize("name", list(payloads("x")))
def test_payload_refused_at_upload(sqlite_db, marker, name):
    o = setup_office()
    data = shipped_template_with(KEY, "Isi: " + payloads(marker)[name])
    problems = checks.check_template(KEY, data)
    assert problems and all(p.message for p in problems)
    with pytest.raises(ValidationError) as caught:
        templates.replace(o["admin"], KEY, data, "jahat.docx")
    assert caught.value.field == f"Templat {KEY}.docx"
    assert "Traceback" not in caught.value.message
    assert TemplateOverride.select().count() == 0


@pytest.mark.parametrize("name", list(payloads("x")))
def test_payload_planted_in_the_database_is_harmless_at_preview_and_signing(
        sqlite_db, marker, name):
    o = setup_office()
    data = shipped_template_with(KEY, "Isi: " + payloads(marker)[name])
    records.create(TemplateOverride, o["admin"], template_key=KEY, docx=data, sha256="x",
                   filename="ditanam.docx")  # past the check, as a database login could
    draft = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    with pytest.raises(PelitaError) as caught:
        lifecycle.preview(draft)
    assert "Templat" in caught.value.message
    with pytest.raises(PelitaError):
        lifecycle.sign(o["head"], ready_to_sign(o))
    problems = checks.check_all(replacement=templates.active_template)
    assert any(p.template == f"{KEY}.docx" for p in problems)


def test_the_sandbox_refuses_a_computed_underscore_key_at_render(marker):
    data = shipped_template_with(KEY, payloads(marker)["computed key"])
    with pytest.raises(ValidationError) as caught:
        render.render_letter(KEY, {"person_name": "Agus"}, template_file=data)
    assert "tidak diizinkan" in caught.value.message


def test_an_unknown_filter_is_named_not_raised():
    data = shipped_template_with(KEY, "{{ person_name|jalankan }}")
    problems = checks.check_template(KEY, data)
    assert len(problems) == 1 and "filter tidak dikenal" in problems[0].message


def test_an_include_of_another_file_is_refused():
    data = shipped_template_with(KEY, "{% include '/etc/passwd' %}")
    problems = checks.check_template(KEY, data)
    assert problems and "memuat berkas lain" in problems[0].message


def _without_w_namespace(data: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(
                    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', b"")
            target.writestr(item, content)
    return out.getvalue()


def test_malformed_document_xml_is_a_message_on_the_template_screen(sqlite_db):
    o = setup_office()
    data = _without_w_namespace(render.template_path(KEY).read_bytes())
    problems = checks.check_template(KEY, data)
    assert len(problems) == 1 and "rusak" in problems[0].message
    with pytest.raises(ValidationError):
        templates.replace(o["admin"], KEY, data, "rusak.docx")


def test_the_shipped_templates_all_pass_the_sandboxed_check():
    assert checks.check_all() == []


@pytest.mark.parametrize("payload", [
    "{{ emblem.tpl.render({}) }}",
    "{{ emblem.tpl.save('MARKER') }}",
    "{{ qr_code.tpl.replace_zipname('word/document.xml', '/etc/passwd') }}",
    "{{ emblem|attr('tpl') }}",
])
def test_the_images_in_the_context_expose_nothing(marker, payload):
    from desktop.services.letters import catalogue
    from tests.letters.test_letters_lifecycle import docx_text

    data = shipped_template_with(KEY, "Isi: " + payload.replace("MARKER", str(marker)))
    try:
        rendered = render.render_letter(KEY, catalogue.sample_context(KEY, draft=False),
                                        catalogue.sample_images(signed=True),
                                        template_file=data)
    except ValidationError as exc:  # refused outright
        assert "tidak diizinkan" in exc.message or "tidak bisa" in exc.message
    else:  # or an empty, harmless value in its place
        assert "DocxTemplate" not in docx_text(rendered) and "docxtpl" not in docx_text(rendered)


@pytest.mark.parametrize("payload", ["{{ 9 ** 99999999 }}", "{{ 'x' * 999999999 }}",
                                     "{{ [1] * 999999999 }}"])
def test_huge_arithmetic_is_refused_not_computed(payload):
    data = shipped_template_with(KEY, payload)
    problems = checks.check_template(KEY, data)  # would hang before the sandbox checked it
    assert problems


def test_ordinary_arithmetic_and_text_still_work():
    data = shipped_template_with(KEY, "Jumlah {{ 2 ** 3 }} dan {{ '-' * 3 }} "
                                      "{{ person_name.upper() }}")
    rendered = render.render_letter(KEY, {"person_name": "Agus"}, template_file=data)
    from tests.letters.test_letters_lifecycle import docx_text

    assert "Jumlah 8 dan --- AGUS" in docx_text(rendered)


def test_a_loop_numbers_its_items_but_exposes_nothing_else():
    from tests.letters.test_letters_lifecycle import docx_text

    data = shipped_template_with(KEY, "{% for x in tembusan %}[{{ loop.index }}/{{ loop.length }}"
                                      "{{ loop.cycle }}]{% endfor %}")
    rendered = render.render_letter(KEY, {"tembusan": ["Arsip", "Camat"]}, template_file=data)
    text = docx_text(rendered)
    assert "1. Arsip" in text and "2. Camat" in text  # the shipped tembusan list
    assert "[1/2][2/2]" in text  # loop.cycle, a method, is not offered
