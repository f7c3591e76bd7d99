"""Render a Word template in letter_templates/ with a context: docxtpl, autoescaped, in Jinja's
sandbox (letters.sandbox).

docxtpl is imported here only, on first use, so it stays out of the app's start-up.
"""
import functools
import io
from pathlib import Path

from desktop import data_files
from desktop.errors import ValidationError
from desktop.services.letters import sandbox

TEMPLATE_DIR = data_files.letter_templates()

# Printed heights of the images a letter may carry.
IMAGE_HEIGHTS_MM = {"emblem": 24, "qr_code": 22, "signature_image": 18, "stamp_image": 20,
                    "chart": 75}  # a report's chart (the SKM report)
# The stamp laid over the left part of the signature, as offices stamp a signed letter: from
# the left edge of the signature's column, reaching a little into the margin before it.
STAMP_OFFSET_MM = (-6, -1)  # across, down: centred on the signature's height
PAPER_WHITE = 235  # a scanned stamp's background: every channel at least this light


def template_path(template_key: str) -> Path:
    """letter_templates/<key>.docx"""
    return TEMPLATE_DIR / f"{template_key}.docx"


def render_letter(template_key: str, context: dict, images: dict[str, bytes] | None = None,
                  template_file: Path | bytes | None = None,
                  body_pt: float | None = None, stamp_over_signature: bool = True) -> bytes:
    """The rendered .docx as bytes.

    `images` maps a context name to PNG/JPEG bytes placed with docxtpl's InlineImage (emblem,
    QR code, scanned signature, stamp); an image not given is None, so `{% if qr_code %}`
    works. `template_file` overrides the shipped template (a path, or the bytes of a
    candidate template being checked). Values are autoescaped: `&`, `<`, quotes appear as typed.
    `body_pt` sets the body text's size (the template's Normal style; the letterhead keeps its
    own sizes): the office's setting, where regional rules ask for 12 pt.
    `stamp_over_signature` floats the stamp over the left part of the signature (the office's
    setting letters.stamp_placement); otherwise it stands in the line beside it.
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
            kind = InlineImage
            if name == "stamp_image" and stamp_over_signature:
                kind = _stamp_class()
                data = _clear_background(bytes(data))  # the signature shows through its paper
            values[name] = kind(document, io.BytesIO(data),
                                height=Mm(IMAGE_HEIGHTS_MM.get(name, 20)))
    try:
        document.render(values, jinja_env=sandbox.environment(), autoescape=True)
    except (TemplateError, OverflowError) as exc:  # OverflowError: the sandbox's range()
        raise ValidationError(f"Templat {template_key}.docx", refused_message(exc)) from None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def _stamp_class():
    """docxtpl's InlineImage, drawn as a floating picture in front of the text (wp:anchor,
    no wrapping) at STAMP_OFFSET_MM from its column and paragraph, so it takes no room in the
    line and covers the signature's left part. Made on first use: docxtpl loads lazily."""
    from docxtpl import InlineImage

    class StampOverSignature(InlineImage):
        def _insert_image(self):
            inline = self.tpl.current_rendering_part.new_pic_inline(
                self.image_descriptor, self.width, self.height)
            return ("</w:t></w:r><w:r><w:drawing>%s</w:drawing></w:r><w:r>"
                    '<w:t xml:space="preserve">' % _anchored(inline))

    return StampOverSignature


@functools.lru_cache(maxsize=8)  # the same few heads' stamps, letter after letter
def _clear_background(image: bytes) -> bytes:
    """The image as PNG with its white or near-white paper made transparent (a scan or a
    photographed stamp is seldom uploaded with a transparent background)."""
    from PIL import Image, ImageChops

    with Image.open(io.BytesIO(image)) as source:
        picture = source.convert("RGBA")
    red, green, blue, alpha = picture.split()
    ink = ImageChops.darker(ImageChops.darker(red, green), blue).point(
        lambda level: 255 if level < PAPER_WHITE else 0)
    picture.putalpha(ImageChops.darker(alpha, ink))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _anchored(inline) -> str:
    """The wp:anchor XML holding an inline picture's size, name and graphic."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm

    across, down = (int(Mm(value)) for value in STAMP_OFFSET_MM)
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" '
        'distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{across}</wp:posOffset>'
        f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{down}'
        '</wp:posOffset></wp:positionV></wp:anchor>')
    anchor.append(inline.find(qn("wp:extent")))
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f'<wp:wrapNone {nsdecls("wp")}/>'))
    for name in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(name)))
    return anchor.xml


def refused_message(exc) -> str:
    """Why a template could not be rendered, in words for the administrator."""
    if isinstance(exc, sandbox.security_error()):
        return ("templat memuat perintah yang tidak diizinkan (akses ke bagian dalam Python); "
                "Pelita tidak menjalankannya. Administrator: ganti templat ini dengan yang "
                "bersih, lalu periksa dengan «pelita templates check».")
    return ("templat tidak bisa dibentuk (" + (getattr(exc, "message", "") or type(exc).__name__)
            + "). Administrator: periksa templat ini dengan «pelita templates check».")
