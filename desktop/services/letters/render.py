"""Render a Word template in letter_templates/ with a context: docxtpl, autoescaped, in Jinja's
sandbox (letters.sandbox).

docxtpl is imported here only, on first use, so it stays out of the app's start-up.
"""
import io
from pathlib import Path

from desktop.errors import ValidationError
from desktop.services.letters import sandbox

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "letter_templates"

# Printed heights of the images a letter may carry.
IMAGE_HEIGHTS_MM = {"emblem": 24, "qr_code": 22, "signature_image": 18, "stamp_image": 20,
                    "chart": 75}  # a report's chart (the SKM report)


def template_path(template_key: str) -> Path:
    """letter_templates/<key>.docx"""
    return TEMPLATE_DIR / f"{template_key}.docx"


def render_letter(template_key: str, context: dict, images: dict[str, bytes] | None = None,
                  template_file: Path | bytes | None = None,
                  body_pt: float | None = None) -> bytes:
    """The rendered .docx as bytes.

    `images` maps a context name to PNG/JPEG bytes placed with docxtpl's InlineImage (emblem,
    QR code, scanned signature, stamp); an image not given is None, so `{% if qr_code %}`
    works. `template_file` overrides the shipped template (a path, or the bytes of a
    candidate template being checked). Values are autoescaped: `&`, `<`, quotes appear as typed.
    `body_pt` sets the body text's size (the template's Normal style; the letterhead keeps its
    own sizes): the office's setting, where regional rules ask for 12 pt.
    A template the sandbox refuses raises ValidationError naming it; nothing of it runs.
    """
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError

    source = template_file or template_path(template_key)
    document = DocxTemplate(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    if body_pt:
        from docx.shared import Pt

        document.init_docx()
        document.docx.styles["Normal"].font.size = Pt(body_pt)
    values = {name: None for name in IMAGE_HEIGHTS_MM}
    values.update(context)
    for name, data in (images or {}).items():
        if data:
            values[name] = InlineImage(document, io.BytesIO(data),
                                       height=Mm(IMAGE_HEIGHTS_MM.get(name, 20)))
    try:
        document.render(values, jinja_env=sandbox.environment(), autoescape=True)
    except (TemplateError, OverflowError) as exc:  # OverflowError: the sandbox's range()
        raise ValidationError(f"Templat {template_key}.docx", refused_message(exc)) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def refused_message(exc) -> str:
    """Why a template could not be rendered, in words for the administrator."""
    if isinstance(exc, sandbox.security_error()):
        return ("templat memuat perintah yang tidak diizinkan (akses ke bagian dalam Python); "
                "Pelita tidak menjalankannya. Administrator: ganti templat ini dengan yang "
                "bersih, lalu periksa dengan «pelita templates check».")
    return ("templat tidak bisa dibentuk (" + (getattr(exc, "message", "") or type(exc).__name__)
            + "). Administrator: periksa templat ini dengan «pelita templates check».")
