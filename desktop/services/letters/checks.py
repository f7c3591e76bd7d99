"""Check a letter template before Pelita uses it: Jinja syntax, smart quotes, unknown variables.

Every problem names the template and the tag, in Indonesian, so an administrator replacing a
template in Word knows what to fix. `check_all` renders every shipped template with its sample
context (the `pelita templates check` command and the tests).
"""
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import ValidationError
from desktop.services.letters import catalogue, render, sandbox

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_UNCLOSED = re.compile(r"(\{\{(?:(?!\}\}).)*$|\{%(?:(?!%\}).)*$)")
_DOCXTPL_PREFIX = re.compile(r"^(\{[{%])(p|r|tr|tc)(?=\s)")
SMART_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb"
_ALWAYS_ALLOWED = {"loop", "range"}


@dataclass(frozen=True)
class Problem:
    template: str  # file name, e.g. rujukan_rehabilitasi.docx
    tag: str  # the offending tag as written, or '' for the whole file
    message: str  # Indonesian, names the tag

    def __str__(self) -> str:
        return f"{self.template}: {self.message}"


def _parts(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = [n for n in package.namelist()
                 if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", n)]
        if "word/document.xml" not in names:
            raise zipfile.BadZipFile("no word/document.xml")
        return [package.read(n) for n in names]


def paragraph_texts(data: bytes) -> list[str]:
    """The text of every paragraph (body, tables, headers, footers), runs joined."""
    from lxml import etree

    texts = []
    for xml in _parts(data):
        root = etree.fromstring(xml)
        for p in root.iter(f"{_W}p"):
            texts.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return texts


def template_tags(data: bytes) -> list[str]:
    return [tag for text in paragraph_texts(data) for tag in _TAG.findall(text)]


def _jinja_source(tags: list[str]) -> str:
    """One tag per line, docxtpl's {%p / {%tr ... prefixes removed, as docxtpl reads them."""
    lines = []
    for tag in tags:
        tag = _DOCXTPL_PREFIX.sub(r"\1", tag)
        for quote in SMART_QUOTES:
            tag = tag.replace(quote, "'" if quote in "\u2018\u2019\u201a" else '"')
        lines.append(tag)
    return "\n".join(lines)


_BLOCK = re.compile(r"^\{%[-+]?(?:p|r|tr|tc)?\s*(\w+)")


def _unclosed_block(tags: list[str]) -> str | None:
    """The innermost {% if %} / {% for %} left open: the tag to name when the file ends."""
    stack = []
    for tag in tags:
        match = _BLOCK.match(tag)
        if not match:
            continue
        word = match.group(1)
        if word in ("if", "for", "macro", "block", "with", "filter", "call"):
            stack.append(tag)
        elif word.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _syntax_message(exc) -> str:
    text = exc.message or ""
    if "Unexpected end of template" in text:
        return ("blok tidak ditutup: tambahkan penutupnya ({% endif %} atau {% endfor %}) "
                f"(Jinja: {text})")
    if "unknown tag" in text:
        return f"perintah tidak dikenal (Jinja: {text})"
    if "No filter named" in text or "No test named" in text:
        return f"filter tidak dikenal; hapus filter itu (Jinja: {text})"
    return f"penulisan tag salah (Jinja: {text})"


def check_template(template_key: str, data: bytes, name: str | None = None,
                   render_sample: bool = True) -> list[Problem]:
    """All problems of a candidate template for `template_key`; empty when it can be used.

    Never raises: whatever the file holds becomes a Problem the template screen shows."""
    name = name or f"{template_key}.docx"
    try:
        return _check_template(template_key, data, name, render_sample)
    except Exception as exc:  # noqa: BLE001 - a hostile or broken file, not a bug to show
        return [Problem(name, "", "berkas tidak bisa diperiksa sebagai templat surat "
                        f"({type(exc).__name__}). Simpan ulang dari Word sebagai .docx.")]


def _unsafe_nodes(source: str) -> list[str]:
    """Why the parsed tags may not be used: underscore attributes (the way out of a sandbox
    into Python) and other files (include, import, extends)."""
    from jinja2 import nodes

    tree = sandbox.environment().parse(source)
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(key, str) and key.startswith("_"):
            found.append(f"mengakses '{key}' (nama berawalan garis bawah tidak diizinkan)")
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        found.append(f"memuat berkas lain ({type(node).__name__.lower()} tidak diizinkan)")
    return found


def _check_template(template_key, data, name, render_sample) -> list[Problem]:
    import jinja2
    from lxml import etree

    if template_key not in catalogue.TEMPLATES:
        return [Problem(name, "", f"templat '{template_key}' tidak dikenal Pelita.")]
    try:
        texts = paragraph_texts(data)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [Problem(name, "", f"berkas bukan dokumen Word (.docx) yang sah ({exc}).")]
    except etree.XMLSyntaxError:
        return [Problem(name, "", "isi dokumen Word rusak (XML di dalam .docx tidak sah). Buka "
                        "di Word lalu simpan ulang sebagai .docx.")]

    problems = []
    tags = []
    for text in texts:
        found = _TAG.findall(text)
        tags.extend(found)
        for tag in found:
            if any(q in tag for q in SMART_QUOTES):
                problems.append(Problem(name, tag, f"tag {tag} memakai tanda kutip lengkung "
                                        "(smart quote): ganti dengan kutip lurus ' atau \". "
                                        "Matikan AutoCorrect \"smart quotes\" di Word."))
        leftover = _UNCLOSED.search(_TAG.sub("", text))
        if leftover:
            tag = leftover.group(0)[:60]
            problems.append(Problem(name, tag, f"tag {tag} tidak ditutup dalam paragraf yang "
                                    "sama (kurang }} atau %})."))
    source = _jinja_source(tags)
    try:
        sandbox.environment().from_string(source)  # compiling names unknown filters and tests
    except jinja2.TemplateSyntaxError as exc:
        line = (exc.lineno or 1) - 1
        tag = tags[min(line, len(tags) - 1)] if tags else ""
        if "Unexpected end of template" in (exc.message or ""):
            tag = _unclosed_block(tags) or tag
        problems.append(Problem(name, tag, f"tag {tag}: {_syntax_message(exc)}"))
    if problems:
        return problems
    for reason in _unsafe_nodes(source):
        problems.append(Problem(name, "", f"templat {reason}; Pelita menolak templat ini."))
    if problems:
        return problems

    problems.extend(_unknown_variables(template_key, data, name, tags))
    if problems or not render_sample:
        return problems
    return _trial_render(template_key, data, name)[1]


def _unknown_variables(template_key, data, name, tags) -> list[Problem]:
    from docxtpl import DocxTemplate

    allowed = set(catalogue.TEMPLATES[template_key].all_variables()) | _ALWAYS_ALLOWED
    used = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(
        jinja_env=sandbox.environment())  # a plain Environment would fold 9 ** 10**8 here
    problems = []
    for variable in sorted(used - allowed):
        pattern = re.compile(rf"\b{re.escape(variable)}\b")
        tag = next((t for t in tags if pattern.search(t)), variable)
        problems.append(Problem(name, tag, f"tag {tag} memakai variabel '{variable}' yang tidak "
                                "disediakan Pelita untuk templat ini (lihat "
                                "letter_templates/VARIABLES.md)."))
    return problems


def _trial_render(template_key, data, name) -> tuple[bytes | None, list[Problem]]:
    """Render with the sample context, as a draft and as a signed letter; the result must
    open and carry no leftover tag. Returns the signed rendering."""
    results = []
    for draft in (True, False):
        state = "draf" if draft else "surat bertanda tangan"
        try:
            rendered = render.render_letter(
                template_key, catalogue.sample_context(template_key, draft=draft),
                catalogue.sample_images(signed=not draft), template_file=data)
            texts = paragraph_texts(rendered)
        except ValidationError as exc:  # the sandbox refused it, or Jinja failed
            return None, [Problem(name, "", f"gagal dibentuk dengan data contoh ({state}): "
                                            f"{exc.reason}")]
        except Exception as exc:  # noqa: BLE001 - any failure is the template's to report
            return None, [Problem(name, "", f"gagal dibentuk dengan data contoh ({state}) "
                                            f"({type(exc).__name__}).")]
        leftovers = [t for text in texts for t in ("{{", "{%") if t in text]
        if leftovers:
            return rendered, [Problem(name, leftovers[0], f"hasil ({state}) masih memuat tag "
                                      f"yang tidak terisi ({leftovers[0]}): tulis setiap tag "
                                      "dalam satu run.")]
        results.append(rendered)
    return results[-1], []


def require_valid(template_key: str, data: bytes, name: str | None = None) -> None:
    """For an administrator's replacement: raise ValidationError listing every problem."""
    problems = check_template(template_key, data, name)
    if problems:
        raise ValidationError(f"Templat {problems[0].template}",
                              "; ".join(p.message for p in problems))


def check_all(out_dir: Path | None = None, template_dir: Path | None = None,
              replacement=None, on_paper: bool = False) -> list[Problem]:
    """Check and render every template; with `out_dir`, write <key>.docx rendered there.

    With `replacement` (key -> the administrator's replacement's bytes or None, such as
    `templates.active_template`), a replacement is checked instead of the shipped file: the
    templates letters are made from now. With `on_paper`, the sample letters are converted to
    PDF (one LibreOffice run) and read page by page as a records officer would
    (letters.paper).
    """
    template_dir = Path(template_dir or render.TEMPLATE_DIR)
    problems, rendered_all = [], {}
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    for key in catalogue.TEMPLATES:
        path = template_dir / f"{key}.docx"
        if not path.exists():
            problems.append(Problem(path.name, "", f"berkas templat tidak ada di {template_dir}."))
            continue
        data = path.read_bytes()
        if replacement is not None:
            data = replacement(key) or data
        found = check_template(key, data, path.name, render_sample=False)
        rendered = None
        if not found:
            rendered, found = _trial_render(key, data, path.name)
        problems.extend(found)
        if rendered is not None:
            rendered_all[key] = rendered
        if out_dir is not None and rendered is not None:
            (Path(out_dir) / path.name).write_bytes(rendered)
    if on_paper:
        problems.extend(paper_problems(rendered_all))
    for path in sorted(template_dir.glob("*.docx")):
        if path.stem not in catalogue.TEMPLATES and not path.name.startswith("~$"):
            problems.append(Problem(path.name, "", "templat tidak dipakai layanan mana pun "
                                    "(tidak ada di katalog surat)."))
    return problems


def paper_problems(rendered: dict[str, bytes]) -> list[Problem]:
    """The sample letters (template key -> rendered .docx) on paper: what an arsiparis would
    send back. Nothing when LibreOffice or pdftotext is missing (said as one problem)."""
    from desktop.services.letters import paper, pdf

    if not rendered:
        return []
    if pdf.find_soffice() is None or paper.find_pdftotext() is None:
        return [Problem("(kertas)", "", "pemeriksaan di atas kertas dilewati: LibreOffice atau "
                        "pdftotext (poppler-utils) tidak terpasang.")]
    found = []
    for key, data in pdf.docx_to_pdf_many(rendered).items():
        spec = catalogue.spec(key)
        signer = catalogue.sample_context(key)["signer_name"]
        found += [Problem(f"{key}.docx", "", f"di atas kertas: {text}.")
                  for text in paper.problems(data, signer_name=signer,
                                             one_page=spec.pages == 1)]
    return found


# Values a signed letter cannot go without, with the field name the user knows.
SIGNED_REQUIRED = {"number": "Nomor surat", "signer_name": "Nama penanda tangan",
                   "signer_nip": "NIP penanda tangan", "signer_position": "Jabatan penanda "
                   "tangan", "verification_code": "Kode verifikasi", "letter_date": "Tanggal "
                   "surat"}


def check_context(template_key: str, context: dict) -> None:
    """Before rendering: every documented variable is present, and a signed letter
    (is_draft false) has its number, signer name, NIP, position and verification code.
    Raises ValidationError naming the field and the template."""
    spec = catalogue.TEMPLATES[template_key]
    images = set(render.IMAGE_HEIGHTS_MM)
    missing = [name for name in spec.all_variables() if name not in context
               and name not in images]
    if missing:
        raise ValidationError(f"Templat {template_key}.docx", "data belum lengkap: "
                              + ", ".join(missing) + ".")
    if not context.get("is_draft"):
        for name, label in SIGNED_REQUIRED.items():
            if not str(context.get(name) or "").strip():
                raise ValidationError(label, f"belum diisi; surat {spec.title} "
                                      f"({template_key}.docx) tidak dapat ditandatangani.")
