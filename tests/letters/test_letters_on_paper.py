"""Letters read on paper as a records officer reads them: every template with its sample data
and with its optional parts left empty, and the demo's real letters, converted by LibreOffice
and read page by page (letters.paper). The check itself is shown to catch each defect."""
import io
import shutil

import pytest
from docx import Document
from docx.enum.text import WD_BREAK

from desktop.models import Letter
from desktop.services.letters import catalogue, checks, context, lifecycle, paper, pdf
from desktop.services.letters.render import render_letter

pytestmark = pytest.mark.skipif(
    not (pdf.find_soffice() and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed")
SIGNER = "Dra. Wulan Ratnasari, M.Si."
ROW_LISTS = {"distribution_rows", "services_rows"}
BODY = ("Menindaklanjuti surat permohonan Yayasan Peduli Kasih Bangsa dan hasil verifikasi "
        "lapangan, dengan ini kami memberikan rekomendasi kepada lembaga tersebut. ") * 3


def _pdf(paragraphs) -> bytes:
    """A .docx of these paragraphs ("\\f" starts a new page), as PDF."""
    doc = Document()
    for text in paragraphs:
        if text == "\f":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return pdf.docx_to_pdf_many({"contoh": out.getvalue()})["contoh"]


def test_the_check_finds_each_defect_and_passes_a_sound_letter():
    sound = _pdf([BODY, "Nama Lembaga : Yayasan Peduli", "Kepala Dinas Sosial,", SIGNER])
    assert paper.problems(sound, signer_name=SIGNER, one_page=True) == []
    faulty = _pdf([BODY, "NPWP :", "Jangka Waktu 1 Desember s.d. 2 Desember ()", "{{ npwp }}",
                   "\f", "Kepala Dinas Sosial,", SIGNER])
    found = " | ".join(paper.problems(faulty, signer_name=SIGNER, one_page=True))
    for expected in ("«NPWP :» tanpa isi", "tercetak «s.d.»", "tercetak «()»", "tercetak «{{»",
                     "mestinya satu halaman, tercetak 2", "halaman 2: blok tanda tangan sendirian"):
        assert expected in found
    assert "nama penanda tangan «Drs. Lain» tidak tercetak" in " ".join(
        paper.problems(sound, signer_name="Drs. Lain", one_page=True))


def _without_optional_parts(key: str) -> dict:
    """The sample letter with every optional part a case may lack left empty (Sifat and
    Lampiran as context.build fills them when left blank)."""
    values = catalogue.sample_context(key)
    for name in context.OPTIONAL - set(context.LETTER_DEFAULTS):
        if name in values:
            values[name] = [] if isinstance(values[name], list) else ""
    return values


def test_every_template_on_paper_with_its_sample_and_with_its_optional_parts_empty():
    images = catalogue.sample_images()
    documents = {}
    for key in catalogue.TEMPLATES:
        documents[key] = render_letter(key, catalogue.sample_context(key), images)
        documents[f"{key}__kosong"] = render_letter(key, _without_optional_parts(key), images)
    found = {}
    for name, data in pdf.docx_to_pdf_many(documents).items():
        key = name.split("__")[0]
        problems = paper.problems(data, signer_name=catalogue.sample_context(key)["signer_name"],
                                  one_page=catalogue.spec(key).pages == 1)
        if problems:
            found[name] = problems
    assert found == {}


def test_the_template_check_reads_the_letters_on_paper(monkeypatch):
    assert [p for p in checks.check_all(on_paper=True)] == []
    import dataclasses

    longer = dataclasses.replace(catalogue.TEMPLATES["rekomendasi_pub"], pages=1)
    monkeypatch.setitem(catalogue.TEMPLATES, "rekomendasi_pub", longer)
    problems = checks.check_all(on_paper=True)
    assert [(p.template, "mestinya satu halaman" in p.message) for p in problems] == \
        [("rekomendasi_pub.docx", True)]


def test_the_demo_letters_on_paper(sqlite_db):
    from desktop.services.demo import seed
    from desktop.services.shared import permissions

    seed.fill(size=120)
    documents, signers = {}, {}
    for letter in Letter.select():
        letter = lifecycle.get(letter.id, permissions.SYSTEM)
        documents[str(letter.id)] = lifecycle.preview(letter)
        signers[str(letter.id)] = letter.signer.full_name
    assert len(documents) >= 10
    found = {}
    for name, data in pdf.docx_to_pdf_many(documents).items():
        letter = Letter.get_by_id(int(name))
        spec = catalogue.spec(letter.template_key)
        # A list of recipients or services takes the pages its length needs.
        one_page = spec.pages == 1 and not ROW_LISTS & set(spec.variables)
        problems = paper.problems(data, signer_name=signers[name] if letter.number else "",
                                  one_page=one_page)
        if problems:
            found[f"{letter.template_key} ({letter.state})"] = problems
    assert found == {}
