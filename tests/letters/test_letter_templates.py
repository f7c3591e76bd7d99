"""Letter templates: each renders with its sample context, opens in python-docx and LibreOffice
with no leftover tag, prints names as typed, and the checker names what is wrong."""
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from desktop import cli
from desktop.errors import ValidationError
from desktop.models import OfficeProfile
from desktop.services.letters import catalogue, checks, context
from desktop.services.letters.pdf import docx_to_pdf_many
from desktop.services.letters.render import TEMPLATE_DIR, render_letter

ROOT = Path(__file__).resolve().parents[2]
KEYS = list(catalogue.TEMPLATES)
DRAFT = "DRAF \u2014 belum ditandatangani"
TRICKY = "Siti \"Ayu\" O'Neil & <Putri> Rahma"


def docx_text(data: bytes) -> str:
    """Every paragraph of the document, tables and nested tables included, via python-docx."""
    document = Document(io.BytesIO(data))
    lines = []

    def walk(container):
        for paragraph in container.paragraphs:
            lines.append(paragraph.text)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    return "\n".join(lines)


def _expected_values(key: str, context: dict) -> list[str]:
    values = []
    for name in catalogue.TEMPLATES[key].variables:
        value = context[name]
        values.extend(value if isinstance(value, list) else [value])
    return [v for v in values if isinstance(v, str) and v]


def _image_count(data: bytes) -> int:
    """Pictures drawn in the body, in the line or floating (the stamp over the signature)."""
    from docx.oxml.ns import qn

    return len(list(Document(io.BytesIO(data)).element.body.iter(qn("w:drawing"))))


@pytest.mark.parametrize("key", KEYS)
def test_signed_letter_renders_with_every_value_and_image(key):
    context = catalogue.sample_context(key)
    data = render_letter(key, context, catalogue.sample_images(signed=True))
    text = docx_text(data)
    assert "{{" not in text and "{%" not in text
    for value in _expected_values(key, context):
        assert value in text, f"{key}: {value!r} missing"
    for value in (context["number"], context["signer_name"], context["signer_nip"],
                  context["letter_date"], "PEMERINTAH KOTA MAGELANG", "DINAS SOSIAL",
                  "Verifikasi: " + context["verification_code"]):
        assert value in text
    assert DRAFT not in text
    # emblem, QR code, signature and stamp
    assert _image_count(data) == 4


NAMES_THEIR_SIGNER = {"keterangan_dtks"}


@pytest.mark.parametrize("key", KEYS)
def test_draft_shows_the_draft_mark_instead_of_number_and_signature(key):
    context = catalogue.sample_context(key, draft=True)
    data = render_letter(key, context, catalogue.sample_images(signed=False))
    text = docx_text(data)
    assert "{{" not in text and "{%" not in text
    assert text.count(DRAFT) == 2  # the number and the signature
    # Not signed: no name under the signature; a certificate that says who signs it
    # ("Yang bertanda tangan di bawah ini: Nama ...") names the chosen signer once, above.
    named_above = 1 if key in NAMES_THEIR_SIGNER else 0
    assert text.count(context["signer_name"]) == named_above
    assert "NIP. " + context["signer_nip"] not in text
    assert "Verifikasi:" not in text
    assert _image_count(data) == 1  # the emblem only


def test_without_emblem_and_without_tembusan_the_letter_still_opens():
    context = catalogue.sample_context("rujukan_rehabilitasi")
    context["tembusan"] = []
    data = render_letter("rujukan_rehabilitasi", context)
    text = docx_text(data)
    assert _image_count(data) == 0 and "Tembusan" not in text and "{{" not in text


@pytest.mark.parametrize("signing_as, lines", [
    ("", ["Kepala Dinas Sosial,"]),
    ("a.n.", ["a.n. Kepala Dinas Sosial Kota Magelang", "Sekretaris,"]),
    # Plt./Plh. stand before the position acted for, not before the signer's own.
    ("Plt.", ["Plt. Kepala Dinas Sosial Kota Magelang,"]),
    ("Plh.", ["Plh. Kepala Dinas Sosial Kota Magelang,"]),
])
def test_signature_block_on_behalf_and_acting(signing_as, lines):
    context = catalogue.sample_context("keterangan_dtks")
    context.update(catalogue.signer_context(
        name="Hendro Saputro, S.H.", rank="Pembina (IV/a)", nip="197805052003121004",
        position="Kepala Dinas Sosial" if not signing_as else "Sekretaris",
        signing_as=signing_as, head_position="Kepala Dinas Sosial Kota Magelang"))
    text = docx_text(render_letter("keterangan_dtks", context))
    paragraphs = text.splitlines()
    for line in lines:
        assert line in paragraphs
    assert "NIP. 19780505 200312 1 004" in paragraphs
    assert ("a.n. " in text) == (signing_as == "a.n.")
    assert ("Sekretaris" in text) == (signing_as == "a.n.")


def test_names_with_markup_characters_appear_as_typed():
    context = catalogue.sample_context("rekomendasi_slrt")
    context["person_name"] = TRICKY
    context["person_address"] = "Gang <Mawar> & \"Melati\" No. 3'A"
    text = docx_text(render_letter("rekomendasi_slrt", context, catalogue.sample_images()))
    assert TRICKY in text and "Gang <Mawar> & \"Melati\" No. 3'A" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_letterhead_comes_from_the_office_profile():
    profile = OfficeProfile(office_name="Dinas Sosial", region_kind="Kabupaten",
                            region_name="Magetan", address="Jl. Tripandita No. 17, Magetan",
                            phone="(0351) 895123", email="dinsos@magetan.go.id", website="")
    office = catalogue.office_context(profile)
    assert office["region_title"] == "PEMERINTAH KABUPATEN MAGETAN"
    assert office["region_name"] == "Kabupaten Magetan" and office["place"] == "Magetan"
    assert office["office_contact"] == "Telepon (0351) 895123, Pos-el dinsos@magetan.go.id"
    context = {**catalogue.sample_context("tanda_daftar_lks"), **office}
    text = docx_text(render_letter("tanda_daftar_lks", context))
    assert "PEMERINTAH KABUPATEN MAGETAN" in text and "di Kabupaten Magetan." in text


def test_every_service_letter_names_a_template_and_every_template_serves_a_service():
    import json

    codes = {s["code"] for s in json.loads(
        (ROOT / "resources" / "catalog.json").read_text(encoding="utf-8"))["services"]}
    assert set(catalogue.SERVICE_LETTERS) <= codes
    used = {c.template_key for choices in catalogue.SERVICE_LETTERS.values() for c in choices}
    answering = {k for k in KEYS if catalogue.spec(k).filled}  # drafted from a complaint
    assert answering == {"jawaban_pengaduan"} and used | answering == set(KEYS)
    slrt = {c.defaults["aid_type"] for c in catalogue.letters_for_service("dpk-slrt")}
    assert len(slrt) == 3
    assert catalogue.letters_for_service("mgl-monitoring-bpnt") == []  # its product is a visit
    assert [c.template_key for c in catalogue.letters_for_service("mgl-korban-bencana")] == [
        "berita_acara_bantuan_bencana"]
    for key in KEYS:
        assert (TEMPLATE_DIR / f"{key}.docx").exists()


@pytest.mark.parametrize("key", KEYS)
def test_template_uses_its_documented_variables_and_sample_context_covers_them(key):
    from docxtpl import DocxTemplate

    spec = catalogue.TEMPLATES[key]
    used = DocxTemplate(str(TEMPLATE_DIR / f"{key}.docx")).get_undeclared_template_variables()
    assert used <= set(spec.all_variables()) | {"loop"}
    assert set(spec.variables) <= used, "a documented variable the template never prints"
    assert set(context.editable_names(key)) <= used, "a draft field the letter never prints"
    assert set(spec.all_variables()) <= set(catalogue.sample_context(key))
    assert set(spec.editable) <= set(spec.variables)


def test_templates_and_variables_md_are_what_the_build_script_makes(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_templates
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert (TEMPLATE_DIR / "VARIABLES.md").read_text(encoding="utf-8") == (
        build_templates.variables_markdown())
    for key in KEYS:
        assert build_templates.build(key) == (TEMPLATE_DIR / f"{key}.docx").read_bytes(), (
            f"{key}.docx differs from scripts/build_templates.py: rebuild it")


def test_cli_templates_check_writes_rendered_letters(tmp_path, capsys):
    code = cli.main(["templates", "check", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 masalah" in out
    for key in KEYS:
        written = tmp_path / f"{key}.docx"
        assert written.exists()
        assert "{{" not in docx_text(written.read_bytes())


# --- the checker ------------------------------------------------------------------------------


def _docx(*paragraphs: str, runs: list[str] | None = None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if runs:  # one paragraph made of several runs, as Word splits text
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_checker_names_an_unknown_variable():
    problems = checks.check_template(
        "rujukan_rehabilitasi", _docx("Yth. {{ addressee }}", "Nama: {{ nama_lengkap }}"))
    assert len(problems) == 1
    assert problems[0].tag == "{{ nama_lengkap }}"
    assert "rujukan_rehabilitasi.docx" in str(problems[0])
    assert "'nama_lengkap'" in problems[0].message and "tidak disediakan" in problems[0].message


def test_checker_names_a_broken_tag():
    problems = checks.check_template("keterangan_dtks", _docx(
        "{{ person_name }}", "{% if is_draft %}DRAF{% endfi %}"))
    assert [p.tag for p in problems] == ["{% endfi %}"]
    assert "tidak dikenal" in problems[0].message

    problems = checks.check_template("keterangan_dtks", _docx(
        "{%p if qr_code %}", "{{ qr_code }}", "{{ person_name }}"))
    assert problems[0].tag == "{%p if qr_code %}" and "tidak ditutup" in problems[0].message

    problems = checks.check_template("keterangan_dtks", _docx("Nama: {{ person_name "))
    assert problems and "tidak ditutup" in problems[0].message


def test_checker_finds_smart_quotes_even_across_runs():
    problems = checks.check_template("keterangan_dtks", _docx(
        runs=["{% if dtks_status == ", "\u201cTERDAFTAR\u201d", " %}ya{% endif %}"]))
    assert len(problems) == 1
    assert problems[0].tag == "{% if dtks_status == \u201cTERDAFTAR\u201d %}"
    assert "kutip lengkung" in problems[0].message


def test_checker_refuses_a_file_that_is_not_a_docx_and_an_unknown_template():
    not_docx = checks.check_template("keterangan_dtks", b"PK\x03\x04")
    assert "bukan dokumen Word" in not_docx[0].message
    assert "tidak dikenal" in checks.check_template("surat_cinta", _docx("x"))[0].message


def test_require_valid_raises_a_message_naming_template_and_tag():
    with pytest.raises(ValidationError) as raised:
        checks.require_valid("keterangan_dtks", _docx("{{ nomor_surat }}"))
    assert "keterangan_dtks.docx" in raised.value.message
    assert "{{ nomor_surat }}" in raised.value.message
    good = (TEMPLATE_DIR / "keterangan_dtks.docx").read_bytes()
    checks.require_valid("keterangan_dtks", good)  # no exception


def test_check_all_reports_a_bad_replacement_in_a_template_folder(tmp_path):
    for key in KEYS:
        shutil.copy(TEMPLATE_DIR / f"{key}.docx", tmp_path)
    (tmp_path / "rekomendasi_hibah.docx").write_bytes(_docx("{{ grant_amount }}",
                                                            "{{ jumlah }}"))
    (tmp_path / "lama.docx").write_bytes(_docx("x"))
    problems = checks.check_all(template_dir=tmp_path)
    assert {p.template for p in problems} == {"rekomendasi_hibah.docx", "lama.docx"}


# --- on paper ---------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def _to_pdf(folder: Path) -> None:
    """Each .docx in `folder` beside it as PDF, by Pelita's own converter (one LibreOffice)."""
    documents = {p.stem: p.read_bytes() for p in sorted(folder.glob("*.docx"))}
    for name, data in docx_to_pdf_many(documents).items():
        (folder / f"{name}.pdf").write_bytes(data)


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT),
                    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed: "
                           "the PDF check of the letters needs both")
def test_letters_convert_to_pdf_without_leftover_tags_and_stay_within_the_page(tmp_path):
    for key in KEYS:
        (tmp_path / f"{key}.docx").write_bytes(render_letter(
            key, catalogue.sample_context(key), catalogue.sample_images()))
    long_context = catalogue.sample_context("rujukan_rehabilitasi")
    long_context["person_name"] = ("Raden Mas " + "Muhammad Abdurrahman Wahyudiningrat " * 4
                                   + TRICKY)
    long_context["person_address"] = ("Perumahan Griya Asri Permai Blok " + "Z" * 90
                                      + " RT 012 RW 034, " * 6 + "Kota Magelang")
    (tmp_path / "panjang.docx").write_bytes(render_letter(
        "rujukan_rehabilitasi", long_context, catalogue.sample_images()))
    _to_pdf(tmp_path)
    for key in KEYS + ["panjang"]:
        pdf = tmp_path / f"{key}.pdf"
        assert pdf.exists(), f"LibreOffice made no PDF of {key}.docx"
        text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "{{" not in text and "{%" not in text and "%}" not in text, key
        assert "PEMERINTAH KOTA MAGELANG" in text and "DINAS SOSIAL" in text
        assert catalogue.sample_context(key if key in KEYS else "rujukan_rehabilitasi")[
            "signer_name"] in text
    text = subprocess.run([PDFTOTEXT, str(tmp_path / "panjang.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "O'Neil & <Putri>" in text
    # Every word of the long letter lies inside the page's right margin (A4 595 pt, 2.5 cm).
    boxes = subprocess.run([PDFTOTEXT, "-bbox", str(tmp_path / "panjang.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    import re

    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert right_edges and max(right_edges) <= 595.3 - 70.8 + 2


def test_check_context_names_a_missing_signer_nip_and_a_missing_variable():
    context = catalogue.sample_context("rujukan_rehabilitasi")
    checks.check_context("rujukan_rehabilitasi", context)  # complete: no exception
    context["signer_nip"] = ""
    with pytest.raises(ValidationError) as raised:
        checks.check_context("rujukan_rehabilitasi", context)
    assert raised.value.field == "NIP penanda tangan"
    assert "rujukan_rehabilitasi.docx" in raised.value.message
    draft = catalogue.sample_context("rujukan_rehabilitasi", draft=True)
    draft["signer_nip"] = ""
    checks.check_context("rujukan_rehabilitasi", draft)  # a draft has no NIP printed yet
    del draft["destination_name"]
    with pytest.raises(ValidationError, match="destination_name"):
        checks.check_context("rujukan_rehabilitasi", draft)


def test_each_series_is_filed_under_its_permendagri_code_by_default():
    """Permendagri 83/2022's social affairs codes as the settings' defaults (to confirm
    against the annex), and each template's own code the same as its setting's default."""
    from desktop.services.admin import settings

    expected = {"rekomendasi_pengangkatan_anak": "400.9.2", "laporan_sosial_abh": "400.9.2",
                "rujukan_rehabilitasi": "400.9.3", "catatan_layanan_atensi": "400.9.3",
                "tanda_terima_seating_clinic": "400.9.3", "rujukan_medis_tuna_sosial":
                "400.9.4", "pemulangan_orang_terlantar": "400.9.4", "rekomendasi_pub":
                "400.9.7", "izin_undian": "400.9.7", "berita_acara_bantuan_bencana": "400.9.10",
                "tanda_daftar_lks": "400.9.12", "rekomendasi_hibah": "400.9.12",
                "rekomendasi_slrt": "400.9.14", "keterangan_dtks": "400.9.14"}
    defaults = {key: d.default for key, d in settings.DEFINITIONS.items()}
    for key, code in expected.items():
        assert defaults[catalogue.CLASSIFICATION_SETTINGS[key]] == code, key
    for key, setting in catalogue.CLASSIFICATION_SETTINGS.items():
        assert catalogue.spec(key).classification_code == defaults[setting], key
    assert defaults["letters.classification_elderly"] == "400.9.6"
    assert defaults["letters.classification_disaster_social"] == "400.9.9"


def _text(key, **changes) -> str:
    context = catalogue.sample_context(key)
    context.update(changes)
    return docx_text(render_letter(key, context, catalogue.sample_images()))


def _tables(key) -> list[list[tuple]]:
    """Each table of the rendered sample, its rows as tuples of cell text."""
    document = Document(io.BytesIO(render_letter(key, catalogue.sample_context(key),
                                                 catalogue.sample_images())))
    return [[tuple(c.text for c in row.cells) for row in t.rows] for t in document.tables]


def test_what_a_records_officer_sent_back_letter_by_letter():
    # The referral says it encloses the assessment only when Lampiran lists it.
    assert "kami lampirkan hasil asesmen" in _text("rujukan_rehabilitasi")
    assert "kami lampirkan" not in _text("rujukan_rehabilitasi", attachment="-")
    # The hearse letter does not say "Alm." after "Nama Almarhum/Almarhumah".
    assert "Alm. " not in _text("surat_mobil_jenazah")
    # "Yang bertanda tangan di bawah ini:" is followed by the signer's name, NIP, position.
    dtks = _tables("keterangan_dtks")
    assert dtks[1] == [("Nama", ":", "Dra. Wulan Ratnasari, M.Si."),  # after the letterhead
                       ("NIP", ":", "19720315 199803 2 005"),
                       ("Jabatan", ":", "Kepala Dinas Sosial")]
    # The raffle recommendation cites its law and names a company as one.
    raffle = _text("rekomendasi_undian")
    assert "Undang-Undang Nomor 22 Tahun 1954 tentang Undian" in raffle
    assert "Nama Lembaga" not in raffle and "Ketua/Pimpinan" not in raffle
    assert ("Penyelenggara", ":", "PT Sinar Tidar Makmur") in sum(
        _tables("rekomendasi_undian"), [])
    assert ("Pimpinan", ":", "Hendra Kusuma") in sum(_tables("rekomendasi_undian"), [])
    # The adoption letter: husband and wife under a./b., each with their religion.
    adoption = _text("rekomendasi_pengangkatan_anak")
    assert "a. Suami" in adoption and "b. Istri" in adoption
    rows = sum(_tables("rekomendasi_pengangkatan_anak"), [])
    assert rows.count(("Agama", ":", "Islam")) == 2
    # The seating-clinic receipt: a thumbprint for a recipient who cannot sign; the foreign
    # term in italics wherever it is printed.
    receipt = render_letter("tanda_terima_seating_clinic",
                            catalogue.sample_context("tanda_terima_seating_clinic"),
                            catalogue.sample_images())
    assert "cap ibu jari" in docx_text(receipt)
    runs = [r for p in Document(io.BytesIO(receipt)).paragraphs for r in p.runs
            if "seating clinic" in r.text.lower()]
    assert runs and all(r.italic for r in runs)


@pytest.mark.parametrize("key", [k for k in KEYS if catalogue.spec(k).kind == "letter"])
def test_a_sample_letter_never_copies_its_addressee(key):
    context = catalogue.sample_context(key)
    addressee = context["addressee"].split(" u.p. ")[0]
    assert not any(entry.startswith(addressee) for entry in context["tembusan"]), key
    if "RAHASIA" in _text(key):  # a child's case goes to no one the law does not name
        assert not any("Wali Kota" in entry for entry in context["tembusan"])
