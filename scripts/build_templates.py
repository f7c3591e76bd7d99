"""Build letter_templates/*.docx, VARIABLES.md and resources/report_templates/*.docx with
python-docx, reproducibly.

    python scripts/build_templates.py [--out DIR]

Every Jinja tag is written in a single run (python-docx add_run), `{%p %}` tags stand alone in
their paragraph, quotes are straight. The document's core properties carry a fixed date so a
rebuild of unchanged templates gives the same files.
"""
import argparse
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.services.letters import catalogue  # noqa: E402

FONT = "Arial"
TEXT_WIDTH_CM = 16.0  # A4 21 cm minus 2.5 cm margins each side
FIXED_DATE = datetime.datetime(2026, 11, 1)
DRAFT = "DRAF \u2014 belum ditandatangani"


# --- low-level helpers ----------------------------------------------------------------------


def _new_document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    _page_numbers(section)
    props = doc.core_properties
    props.author = props.last_modified_by = "Pelita"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    props.title = props.subject = props.comments = props.keywords = ""
    return doc


def _page_numbers(section):
    """Page numbers centred at the foot of the second and later pages, none on the first."""
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(9)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def confidential(doc):
    """RAHASIA at the head of every page, the first included (a child's case: UU 11/2012
    SPPA Pasal 19; PP 54/2007)."""
    section = doc.sections[0]
    for header in (section.first_page_header, section.header):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run("RAHASIA")
        run.bold = True
        run.font.size = Pt(11)


def para(container, text: str = "", *, align=None, bold=False, size=None, underline=False,
         italic=False, indent_cm=None, first_line_cm=None, hanging_cm=None, after=0,
         before=0, keep_next=False):
    """A paragraph whose text (tags included) is one run, but for *foreign terms* between
    asterisks, each an italic run of its own (tags never span them)."""
    p = container.add_paragraph()
    _runs(p, text, bold=bold, underline=underline, italic=italic, size=size)
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        fmt.left_indent = Cm(indent_cm)
    if first_line_cm is not None:
        fmt.first_line_indent = Cm(first_line_cm)
    if hanging_cm is not None:
        fmt.left_indent = Cm((indent_cm or 0) + hanging_cm)
        fmt.first_line_indent = Cm(-hanging_cm)
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if keep_next:
        fmt.keep_with_next = True
    return p


def _runs(p, text: str, *, bold=False, underline=False, italic=False, size=None) -> None:
    for index, part in enumerate(re.split(r"\*([^*{}%]+)\*", text or "")):
        if not part:
            continue
        run = p.add_run(part)
        run.bold, run.underline = bold or None, underline or None
        run.italic = (italic or index % 2 == 1) or None  # odd parts: between asterisks
        if size:
            run.font.size = Pt(size)


def spacer(doc, height_pt: float = 9, keep_next: bool = False):
    """An empty paragraph exactly `height_pt` high between blocks (a table and the text after
    it): a blank line of body text would take twice that, and push letters onto a second page."""
    p = para(doc, "", keep_next=keep_next)
    p.paragraph_format.line_spacing = Pt(height_pt)  # a length: exactly this high
    return p


def tag(container, text: str):
    """A paragraph holding only a {%p ... %} tag (docxtpl removes the paragraph)."""
    return para(container, text)


def _first_paragraph(cell, text: str = "", **kwargs):
    p = cell.paragraphs[0]
    _runs(p, text, bold=kwargs.get("bold"), size=kwargs.get("size"))
    if kwargs.get("align") is not None:
        p.alignment = kwargs["align"]
    return p


def _set_table(table, widths_cm, indent_cm: float = 0.0):
    """Fixed layout, given column widths, no borders, optional left indent."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(widths_cm) * 567)))
    width.set(qn("w:type"), "dxa")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(width)
    if indent_cm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(indent_cm * 567)))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.append(ind)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "57")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tbl_pr.append(margins)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _keep_row_together(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _bottom_rule(paragraph):
    """The thick-thin double rule under the letterhead."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "thickThinSmallGap")
    bottom.set(qn("w:sz"), "24")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    p_pr.append(borders)


# --- letter parts -----------------------------------------------------------------------------


def letterhead(doc):
    table = doc.add_table(rows=1, cols=3)
    _set_table(table, [2.6, 11.8, 1.6])
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, middle, _right = table.rows[0].cells
    for cell in (left, middle):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _first_paragraph(left, "{% if emblem %}{{ emblem }}{% endif %}",
                     align=WD_ALIGN_PARAGRAPH.CENTER)
    _first_paragraph(middle, "{{ region_title }}", bold=True, size=14,
                     align=WD_ALIGN_PARAGRAPH.CENTER)
    para(middle, "{{ office_title }}", bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(middle, "{{ office_address }}", size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(middle, "{{ office_contact }}", size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
    rule = para(doc, "", size=4)
    rule.paragraph_format.space_before = Pt(2)
    _bottom_rule(rule)
    spacer(doc)


def number_text() -> str:
    return "{% if is_draft %}" + DRAFT + "{% else %}{{ number }}{% endif %}"


def letter_heading(doc):
    """Place and date at right, then Nomor / Sifat / Lampiran / Hal, then the addressee."""
    para(doc, "{{ place }}, {{ letter_date }}", align=WD_ALIGN_PARAGRAPH.RIGHT, after=6)
    rows = [("Nomor", number_text()), ("Sifat", "{{ nature }}"),
            ("Lampiran", "{{ attachment }}"), ("Hal", "{{ subject }}")]
    table = doc.add_table(rows=len(rows), cols=3)
    _set_table(table, [2.6, 0.5, 12.9])
    for row, (label, value) in zip(table.rows, rows):
        _first_paragraph(row.cells[0], label)
        _first_paragraph(row.cells[1], ":")
        _first_paragraph(row.cells[2], value)
    spacer(doc)
    para(doc, "Yth. {{ addressee }}")
    para(doc, "di {{ addressee_place }}", indent_cm=0.0, after=12)


def certificate_heading(doc, title: str):
    para(doc, title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, underline=True, size=13)
    para(doc, "Nomor: " + number_text(), align=WD_ALIGN_PARAGRAPH.CENTER, after=12)


def body(doc, text: str, cont: bool = False, **kwargs):
    """A justified paragraph; `cont` continues the sentence above a table (no indent)."""
    kwargs.setdefault("after", 6)
    kwargs.setdefault("keep_next", text == CLOSING)  # the closing stays with the signature
    return para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                first_line_cm=0 if cont else 1.25, **kwargs)


def data_table(doc, rows, indent_cm: float = 1.25, label_cm: float = 4.6):
    """Label : value rows with fixed columns, so long values wrap inside the page. A row whose
    value is one variable is left out when it is empty (docxtpl's row tags, `{%tr %}`): never
    a label with a colon and nothing after it."""
    value_cm = TEXT_WIDTH_CM - indent_cm - label_cm - 0.5
    tagged = []
    for label, value in rows:
        variable = re.fullmatch(r"\{\{ (\w+) \}\}", value)
        if variable:
            tagged += [("{%tr if " + variable[1] + " %}", None), (label, value),
                       ("{%tr endif %}", None)]
        else:
            tagged.append((label, value))
    table = doc.add_table(rows=len(tagged), cols=3)
    _set_table(table, [label_cm, 0.5, value_cm], indent_cm)
    for row, (label, value) in zip(table.rows, tagged):
        _first_paragraph(row.cells[0], label)  # a tag row: docxtpl replaces the row by it
        if value is not None:
            _first_paragraph(row.cells[1], ":")
            _first_paragraph(row.cells[2], value)
    spacer(doc)
    return table


def numbered_list(doc, variable: str, indent_cm: float = 1.25):
    tag(doc, "{%p for item in " + variable + " %}")
    para(doc, "{{ loop.index }}. {{ item }}", indent_cm=indent_cm, hanging_cm=0.6,
         align=WD_ALIGN_PARAGRAPH.LEFT)
    tag(doc, "{%p endfor %}")


def signature_block(doc, date_line: str | None = None, heading: str | None = None,
                    above=None):
    """QR code and verification code at left; place/date, position, signature, name, rank and
    NIP at right. Drafts show the draft mark instead of signature and name. `above(cell)`
    writes another signature above the head's in the same row (one row never splits)."""
    spacer(doc, keep_next=True)
    table = doc.add_table(rows=1, cols=2)
    _set_table(table, [7.0, 9.0])
    _keep_row_together(table.rows[0])
    left, right = table.rows[0].cells
    left.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    tag_p = left.paragraphs[0]
    tag_p.add_run("{%p if qr_code %}")
    para(left, "{{ qr_code }}")
    para(left, "Verifikasi: {{ verification_code }}", size=9)
    tag(left, "{%p endif %}")
    para(left, "")  # a cell must keep one paragraph when the tags above are removed

    first = right.paragraphs[0]
    if above is not None:
        above(right)
        for text in (date_line, heading):
            if text:
                para(right, text)
        tag(right, "{%p if on_behalf_of %}")
    elif date_line or heading:
        first.add_run(date_line or heading)
        if heading and date_line:
            para(right, heading)
        tag(right, "{%p if on_behalf_of %}")
    else:
        first.add_run("{%p if on_behalf_of %}")
    para(right, "a.n. {{ on_behalf_of }}")
    tag(right, "{%p endif %}")
    para(right, "{% if signer_acting %}{{ signer_acting }} {% endif %}{{ signer_position }},")
    tag(right, "{%p if is_draft %}")
    para(right, "", before=18)
    para(right, DRAFT, bold=True, italic=True)
    para(right, "", after=18)
    tag(right, "{%p else %}")
    tag(right, "{%p if signature_image or stamp_image %}")
    para(right, "{% if signature_image %}{{ signature_image }}{% endif %}"
                "{% if stamp_image %}{{ stamp_image }}{% endif %}")
    tag(right, "{%p else %}")
    para(right, "", before=54)
    tag(right, "{%p endif %}")
    para(right, "{{ signer_name }}", bold=True, underline=True)
    para(right, "{{ signer_rank }}")
    para(right, "NIP. {{ signer_nip }}")
    tag(right, "{%p endif %}")


def tembusan(doc):
    """The copies list, kept on one page (never one entry alone on the next)."""
    tag(doc, "{%p if tembusan %}")
    para(doc, "Tembusan:", before=12, size=10, keep_next=True)
    tag(doc, "{%p for item in tembusan %}")
    para(doc, "{{ loop.index }}. {{ item }}", hanging_cm=0.6, size=10, keep_next=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


PERSON_ROWS = [("Nama", "{{ person_name }}"), ("NIK", "{{ person_nik }}"),
               ("Tempat/Tgl. Lahir", "{{ person_birth }}"),
               ("Jenis Kelamin", "{{ person_sex }}"), ("Alamat", "{{ person_address }}")]
ORG_ROWS = [("Nama Lembaga", "{{ org_name }}"),
            ("Badan Hukum", "{{ org_legal_number }}"),
            ("Alamat", "{{ org_address }}"), ("Ketua/Pimpinan", "{{ org_chair }}"),
            ("NPWP", "{{ org_npwp }}")]
# A raffle's organiser is mostly a company: its name, deed and director, not a "Lembaga".
ORGANISER_ROWS = [("Penyelenggara", "{{ org_name }}"),
                  ("Akta/Badan Hukum", "{{ org_legal_number }}"),
                  ("Alamat", "{{ org_address }}"), ("Pimpinan", "{{ org_chair }}"),
                  ("NPWP", "{{ org_npwp }}")]
# A permit and its recommendation state the same terms.
COLLECTION_ROWS = [("Tujuan", "{{ collection_purpose }}"),
                   ("Cara Pengumpulan", "{{ collection_method }}"),
                   ("Wilayah", "{{ collection_area }}"),
                   ("Jangka Waktu", "{{ collection_start }} sampai dengan {{ collection_end }}"),
                   ("Target Hasil", "{{ collection_target }} ({{ collection_target_words }})"),
                   ("Biaya Pengumpulan", "paling banyak {{ collection_cost_percent }}% dari "
                                         "hasil pengumpulan")]
RAFFLE_ROWS = [("Nama Undian", "{{ raffle_name }}"),
               ("Masa Program", "{{ raffle_start }} sampai dengan {{ raffle_end }}"),
               ("Penarikan", "{{ draw_date }}, di {{ draw_place }}"),
               ("Nilai Hadiah", "{{ prize_total }} ({{ prize_total_words }})"),
               ("Sumbangan Sosial", "{{ social_contribution }} ({{ social_contribution_words }})")]
# "Yang bertanda tangan di bawah ini:" is followed by who that is.
SIGNER_ROWS = [("Nama", "{{ signer_name }}"), ("NIP", "{{ signer_nip }}"),
               ("Jabatan", "{% if signer_acting %}{{ signer_acting }} {% endif %}"
                           "{{ signer_position }}")]
CLOSING = ("Demikian rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya. Atas "
           "perhatian dan kerja sama Saudara, kami sampaikan terima kasih.")
DATE_LINE = "{{ place }}, {{ letter_date }}"


# --- the templates ----------------------------------------------------------------------------


def tanda_daftar_lks(doc):
    certificate_heading(doc, "SURAT TANDA DAFTAR LEMBAGA KESEJAHTERAAN SOSIAL")
    body(doc, "Berdasarkan Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial dan "
              "hasil verifikasi lapangan oleh Tim Teknis, Kepala Dinas Sosial menyatakan "
              "bahwa lembaga:")
    data_table(doc, ORG_ROWS[:2] + [("Akta Pendirian", "{{ org_deed }}")] + ORG_ROWS[2:] + [
        ("Jenis Pelayanan", "{{ org_services }}"), ("Sasaran Pelayanan", "{{ org_target }}")])
    body(doc, "telah TERDAFTAR sebagai Lembaga Kesejahteraan Sosial di {{ region_name }}. Tanda "
              "daftar ini berlaku sampai dengan tanggal "
              "{{ valid_until }} dan wajib diperbarui sebelum masa berlakunya berakhir.", cont=True)
    body(doc, "Lembaga wajib menyampaikan laporan kegiatan secara berkala kepada Dinas Sosial. "
              "Tanda daftar ini dapat dicabut apabila lembaga tidak lagi memenuhi persyaratan.")
    signature_block(doc, "Ditetapkan di {{ place }}",
                    heading="pada tanggal {{ letter_date }}")
    tembusan(doc)


def rekomendasi_terdaftar_lks(doc):
    letter_heading(doc)
    body(doc, "Menindaklanjuti surat permohonan {{ org_name }}{% if request_reference %} "
              "{{ request_reference }}{% endif %} dan hasil verifikasi lapangan oleh Tim Teknis "
              "pada tanggal {{ verification_date }}, dengan ini kami merekomendasikan agar "
              "lembaga berikut ditetapkan terdaftar sebagai Lembaga Kesejahteraan Sosial:")
    data_table(doc, ORG_ROWS[:2] + [("Akta Pendirian", "{{ org_deed }}")] + ORG_ROWS[2:] + [
        ("Jenis Pelayanan", "{{ org_services }}"), ("Sasaran Pelayanan", "{{ org_target }}")])
    body(doc, "Lembaga tersebut telah memenuhi persyaratan administrasi dan dinilai layak "
              "menyelenggarakan kesejahteraan sosial sesuai Peraturan Menteri Sosial Nomor 184 "
              "Tahun 2011 tentang Lembaga Kesejahteraan Sosial.", cont=True)
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def rekomendasi_pub(doc):
    letter_heading(doc)
    body(doc, "Menindaklanjuti surat permohonan {{ org_name }}{% if request_reference %} {{ request_reference }}{% endif %} "
              "perihal permohonan izin pengumpulan uang atau barang, dan setelah dilakukan "
              "penelitian atas kelengkapan persyaratan sesuai Peraturan Pemerintah Nomor 29 "
              "Tahun 1980 dan Peraturan Menteri Sosial Nomor 8 Tahun 2021, dengan ini kami "
              "memberikan rekomendasi kepada:")
    data_table(doc, ORG_ROWS + [("Rekening", "{{ org_bank_account }}")])
    body(doc, "untuk menyelenggarakan pengumpulan uang atau barang dengan ketentuan:", cont=True)
    data_table(doc, COLLECTION_ROWS)
    body(doc, "Penyelenggara wajib melaporkan hasil pengumpulan dan penggunaannya kepada "
              "pemberi izin setelah jangka waktu berakhir, serta mengumumkannya kepada "
              "masyarakat.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def rekomendasi_undian(doc):
    letter_heading(doc)
    body(doc, "Berdasarkan Undang-Undang Nomor 22 Tahun 1954 tentang Undian dan Peraturan "
              "Menteri Sosial tentang penyelenggaraan undian gratis berhadiah, serta "
              "menindaklanjuti surat permohonan {{ org_name }}{% if request_reference %} "
              "{{ request_reference }}{% endif %}, dengan ini kami memberikan rekomendasi "
              "penyelenggaraan undian gratis berhadiah kepada:")
    data_table(doc, ORGANISER_ROWS)
    body(doc, "dengan keterangan sebagai berikut:", cont=True)
    data_table(doc, RAFFLE_ROWS)
    para(doc, "Hadiah yang disediakan:", indent_cm=1.25)
    numbered_list(doc, "prizes")
    body(doc, "Penyelenggara wajib menyetorkan sumbangan dana kesejahteraan sosial, membayar "
              "pajak hadiah, dan melaporkan pelaksanaan undian (berita acara notaris, daftar "
              "pemenang, bukti penyerahan hadiah dan hadiah yang tidak diambil) paling lambat "
              "30 (tiga puluh) hari setelah penyerahan hadiah.", before=6)
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def izin_pub(doc):
    certificate_heading(doc, "SURAT IZIN PENGUMPULAN UANG ATAU BARANG")
    body(doc, "Berdasarkan Undang-Undang Nomor 9 Tahun 1961 tentang Pengumpulan Uang atau "
              "Barang, Peraturan Pemerintah Nomor 29 Tahun 1980 dan Peraturan Menteri Sosial "
              "Nomor 8 Tahun 2021, serta permohonan {{ org_name }}, dengan ini diberikan izin "
              "kepada:")
    data_table(doc, ORG_ROWS + [("Rekening", "{{ org_bank_account }}")])
    body(doc, "untuk menyelenggarakan pengumpulan uang atau barang dengan ketentuan:", cont=True)
    data_table(doc, COLLECTION_ROWS)
    body(doc, "Pemegang izin wajib melaporkan hasil pengumpulan, biaya dan penyalurannya setiap "
              "3 (tiga) bulan dan pada akhir jangka waktu izin, mengumumkannya kepada "
              "masyarakat, dan tidak mengumpulkan di luar wilayah dan jangka waktu di atas. "
              "Izin ini dapat dicabut apabila ketentuan tersebut dilanggar.")
    signature_block(doc, "Ditetapkan di {{ place }}", heading="pada tanggal {{ letter_date }}")
    tembusan(doc)


def izin_undian(doc):
    certificate_heading(doc, "SURAT IZIN UNDIAN GRATIS BERHADIAH")
    body(doc, "Berdasarkan Undang-Undang Nomor 22 Tahun 1954 tentang Undian dan peraturan "
              "Menteri Sosial tentang undian gratis berhadiah, serta permohonan {{ org_name }}, "
              "dengan ini diberikan izin penyelenggaraan undian gratis berhadiah kepada:")
    data_table(doc, ORG_ROWS)
    body(doc, "dengan keterangan sebagai berikut:", cont=True)
    data_table(doc, RAFFLE_ROWS)
    para(doc, "Hadiah yang disediakan:", indent_cm=1.25)
    numbered_list(doc, "prizes")
    body(doc, "Pemegang izin wajib menyetorkan sumbangan dana kesejahteraan sosial, membayar "
              "pajak hadiah, menarik undian di hadapan notaris, dan melaporkan pelaksanaannya "
              "(berita acara notaris, daftar pemenang, bukti penyerahan hadiah dan hadiah yang "
              "tidak diambil) paling lambat 30 (tiga puluh) hari setelah penyerahan hadiah.",
         before=6)
    signature_block(doc, "Ditetapkan di {{ place }}", heading="pada tanggal {{ letter_date }}")
    tembusan(doc)


def rekomendasi_hibah(doc):
    letter_heading(doc)
    body(doc, "Menindaklanjuti surat permohonan {{ org_name }}{% if request_reference %} {{ request_reference }}{% endif %} dan "
              "hasil verifikasi lapangan pada tanggal {{ verification_date }}, dengan ini "
              "kami merekomendasikan pemberian hibah kepada:")
    data_table(doc, ORG_ROWS)
    body(doc, "sebesar {{ grant_amount }} ({{ grant_amount_words }}) untuk {{ grant_purpose }}, "
              "yang dibebankan pada Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran "
              "{{ budget_year }} sesuai ketentuan peraturan perundang-undangan.", cont=True)
    body(doc, "Penerima hibah wajib menggunakan hibah sesuai peruntukannya dan menyampaikan "
              "laporan pertanggungjawaban penggunaan hibah.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def rekomendasi_pengangkatan_anak(doc):
    confidential(doc)
    letter_heading(doc)
    body(doc, "Berdasarkan Peraturan Pemerintah Nomor 54 Tahun 2007 tentang Pelaksanaan "
              "Pengangkatan Anak dan laporan sosial {{ social_report_reference }}, dengan ini "
              "kami merekomendasikan permohonan izin pengangkatan anak oleh calon orang tua "
              "angkat:")
    para(doc, "a. Suami", indent_cm=1.25, keep_next=True)
    data_table(doc, [("Nama", "{{ father_name }}"), ("NIK", "{{ father_nik }}"),
                     ("Tempat/Tgl. Lahir", "{{ father_birth }}"),
                     ("Agama", "{{ parents_religion }}"),
                     ("Pekerjaan", "{{ father_occupation }}")], indent_cm=1.75, label_cm=4.1)
    para(doc, "b. Istri", indent_cm=1.25, keep_next=True)
    data_table(doc, [("Nama", "{{ mother_name }}"), ("NIK", "{{ mother_nik }}"),
                     ("Tempat/Tgl. Lahir", "{{ mother_birth }}"),
                     ("Agama", "{{ parents_religion }}"),
                     ("Pekerjaan", "{{ mother_occupation }}")], indent_cm=1.75, label_cm=4.1)
    data_table(doc, [("Tanggal Perkawinan", "{{ marriage_date }}"),
                     ("Alamat", "{{ parents_address }}")])
    body(doc, "terhadap anak:", cont=True)
    data_table(doc, [("Nama Anak", "{{ child_name }}"),
                     ("Tempat/Tgl. Lahir", "{{ child_birth }}"),
                     ("Jenis Kelamin", "{{ child_sex }}"),
                     ("Asal-usul Anak", "{{ child_origin }}"),
                     ("Diasuh Sejak", "{{ care_since }}")])
    body(doc, "Calon orang tua angkat telah memenuhi persyaratan sebagaimana diatur dalam "
              "peraturan perundang-undangan, dan pengangkatan anak ini dilakukan untuk "
              "kepentingan terbaik bagi anak.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def laporan_sosial_abh(doc):
    confidential(doc)
    letter_heading(doc)
    body(doc, "{% if request_reference %}Menindaklanjuti {{ request_reference }}, bersama"
              "{% else %}Bersama{% endif %} ini kami sampaikan laporan sosial anak berhadapan "
              "dengan hukum sebagai berikut.")
    para(doc, "I. Identitas Anak", bold=True, after=3)
    data_table(doc, [("Nama", "{{ child_name }}"), ("NIK", "{{ child_nik }}"),
                     ("Tempat/Tgl. Lahir", "{{ child_birth }}"),
                     ("Jenis Kelamin", "{{ child_sex }}"),
                     ("Pendidikan", "{{ child_education }}"),
                     ("Alamat", "{{ child_address }}"),
                     ("Orang Tua/Wali", "{{ parent_name }}"),
                     ("Alamat Orang Tua", "{{ parent_address }}")])
    para(doc, "II. Perkara", bold=True, after=3)
    data_table(doc, [("Sangkaan", "{{ case_article }}"), ("Tahap", "{{ case_stage }}")])
    body(doc, "{{ case_summary }}")
    para(doc, "III. Hasil Asesmen", bold=True, after=3)
    body(doc, "{{ social_assessment }}")
    para(doc, "IV. Rekomendasi", bold=True, after=3)
    body(doc, "{{ recommendation }}")
    body(doc, "Laporan sosial ini disusun oleh pekerja sosial yang menangani dan bersifat "
              "rahasia sesuai Undang-Undang Nomor 11 Tahun 2012 tentang Sistem Peradilan Pidana "
              "Anak.", keep_next=True)
    # Signed by the social worker who wrote it; the kepala signs below as knowing it.
    para(doc, DATE_LINE, align=WD_ALIGN_PARAGRAPH.RIGHT, before=6, keep_next=True)

    def social_worker(right):  # in the kepala's row, so that both signatures share a page
        _first_paragraph(right, "Pekerja Sosial yang menangani,")
        para(right, "", before=42)
        para(right, "{{ social_worker_name }}", bold=True, underline=True)
        para(right, "{% if social_worker_nip %}NIP. {{ social_worker_nip }}{% endif %}",
             after=12)

    signature_block(doc, heading="Mengetahui,", above=social_worker)
    tembusan(doc)


def rujukan_rehabilitasi(doc):
    letter_heading(doc)
    body(doc, "Berdasarkan hasil asesmen Dinas Sosial, bersama ini kami merekomendasikan "
              "{{ target_group }} berikut untuk memperoleh {{ referral_service }} di "
              "{{ destination_name }}{% if destination_address %}, {{ destination_address }}"
              "{% endif %}:")
    data_table(doc, PERSON_ROWS + [("Kondisi", "{{ condition }}"),
                                   ("Keluarga/Wali", "{{ guardian_name }}"),
                                   ("Pendamping", "{{ companion_name }}")])
    # What is said to be enclosed is what Lampiran lists: nothing when it says "-".
    body(doc, "{% if attachment and attachment != '-' %}Bersama surat ini kami lampirkan "
              "hasil asesmen dan fotokopi dokumen kependudukan yang bersangkutan. {% endif %}"
              "Kami mohon kiranya yang bersangkutan dapat diterima dan memperoleh layanan "
              "sesuai kebutuhannya.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def rujukan_medis_tuna_sosial(doc):
    letter_heading(doc)
    body(doc, "Bersama ini kami rujuk seorang tuna sosial {{ identity_status }} yang "
              "ditemukan di {{ found_place }} untuk memperoleh {{ medical_need }} di "
              "{{ destination_name }}{% if destination_address %}, {{ destination_address }}"
              "{% endif %}:")
    data_table(doc, PERSON_ROWS + [("Keluhan/Kondisi", "{{ medical_reason }}")])
    body(doc, "Yang bersangkutan berada dalam penanganan Dinas Sosial. Kami mohon kiranya "
              "dapat diberikan pelayanan kesehatan sesuai kebutuhannya; penelusuran "
              "identitas dan keluarganya tetap kami lanjutkan.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def rekomendasi_slrt(doc):
    letter_heading(doc)
    body(doc, "Berdasarkan hasil pemeriksaan Sistem Layanan dan Rujukan Terpadu (SLRT), "
              "dengan ini kami merekomendasikan pemberian {{ aid_type }} kepada:")
    data_table(doc, PERSON_ROWS + [("Nomor KK", "{{ person_kk }}"),
                                   ("Data Kesejahteraan", "{{ dtks_status }}"),
                                   ("Keperluan", "{{ aid_purpose }}")])
    body(doc, "Rekomendasi ini diberikan berdasarkan {{ survey_summary }}. Pemohon "
              "dipersilakan melanjutkan ke penyedia layanan dengan membawa surat ini dan "
              "dokumen persyaratan asli.")
    body(doc, CLOSING)
    signature_block(doc)
    tembusan(doc)


def keterangan_dtks(doc):
    certificate_heading(doc, "SURAT KETERANGAN")
    body(doc, "Yang bertanda tangan di bawah ini:")
    data_table(doc, SIGNER_ROWS)
    body(doc, "menerangkan bahwa:", cont=True)
    data_table(doc, PERSON_ROWS + [("Nomor KK", "{{ person_kk }}")])
    body(doc, "berdasarkan pengecekan pada aplikasi SIKS-NG, yang bersangkutan "
              "{{ dtks_status }} dalam {{ data_source }} periode {{ dtks_period }}"
              "{% if dtks_id %} dengan ID {{ dtks_id }}{% endif %}"
              "{% if aid_programs %}, dan menerima bantuan sosial: {{ aid_programs }}"
              "{% else %}, dan tidak tercatat menerima bantuan sosial{% endif %}.", cont=True)
    body(doc, "Surat keterangan ini dibuat untuk {{ purpose }} dan hanya berlaku untuk "
              "keperluan tersebut.")
    signature_block(doc, DATE_LINE)


def pemulangan_orang_terlantar(doc):
    letter_heading(doc)
    body(doc, "Berdasarkan surat keterangan kepolisian {{ police_reference }}, dengan ini kami "
              "mohon bantuan Saudara untuk mengangkut orang terlantar yang kehabisan bekal "
              "di perjalanan berikut kembali ke daerah asalnya:")
    data_table(doc, PERSON_ROWS + [("Ditemukan di", "{{ found_place }}"),
                                   ("Tujuan Pemulangan", "{{ home_address }}"),
                                   ("Angkutan", "{{ transport }}"),
                                   ("Berangkat", "{{ departure_date }}"),
                                   ("Pendamping", "{{ companion_name }}"),
                                   ("Harga Tiket", "{{ travel_allowance }} "
                                                   "({{ travel_allowance_words }})")])
    body(doc, "Biaya perjalanan ditanggung oleh Dinas Sosial dan tidak dipungut dari yang "
              "bersangkutan. Surat ini berlaku untuk satu kali perjalanan.")
    body(doc, "Atas perhatian dan kerja sama Saudara, kami sampaikan terima kasih.")
    signature_block(doc)
    tembusan(doc)


def tanda_terima_seating_clinic(doc):
    certificate_heading(doc, "TANDA TERIMA LAYANAN *SEATING CLINIC* KURSI RODA")
    body(doc, "Pada tanggal {{ service_date }} telah dilaksanakan layanan *seating clinic* "
              "kursi roda tanpa dipungut biaya kepada:")
    data_table(doc, PERSON_ROWS + [("Jenis Kursi Roda", "{{ wheelchair_type }}"),
                                   ("Tempat Layanan", "{{ service_location }}"),
                                   ("Suku Cadang", "{{ spare_parts }}")])
    para(doc, "Pekerjaan yang dilakukan:", indent_cm=1.25)
    numbered_list(doc, "services")
    spacer(doc)
    table = doc.add_table(rows=1, cols=2)
    _set_table(table, [8.0, 8.0])
    for cell, (role, name, extra) in zip(table.rows[0].cells, [
            # a recipient who cannot write puts a thumbprint in the space
            ("Penerima layanan,", "{{ person_name }}", "(tanda tangan atau cap ibu jari kiri)"),
            ("Petugas *seating clinic*,", "{{ officer_name }}", "NIP. {{ officer_nip }}")]):
        _first_paragraph(cell, role, align=WD_ALIGN_PARAGRAPH.CENTER)
        para(cell, "", before=48)
        para(cell, name, bold=True, underline=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        para(cell, extra, align=WD_ALIGN_PARAGRAPH.CENTER, size=8 if "(" in extra else None)
    signature_block(doc, DATE_LINE, heading="Mengetahui,")


def surat_mobil_jenazah(doc):
    certificate_heading(doc, "SURAT KETERANGAN LAYANAN MOBIL JENAZAH")
    body(doc, "Yang bertanda tangan di bawah ini menerangkan bahwa Dinas Sosial memberikan "
              "layanan mobil jenazah tanpa dipungut biaya untuk:")
    data_table(doc, [("Nama Almarhum/Almarhumah", "{{ deceased_name }}"),
                     ("NIK", "{{ deceased_nik }}"),
                     ("Tanggal Meninggal", "{{ death_date }}"),
                     ("Rumah Duka", "{{ deceased_address }}"),
                     ("Tempat Pemakaman", "{{ cemetery }}"),
                     ("Waktu Layanan", "{{ service_date }}")])
    body(doc, "atas permohonan penanggung jawab:", cont=True)
    data_table(doc, [("Nama", "{{ responsible_name }}"), ("NIK", "{{ responsible_nik }}"),
                     ("Hubungan", "{{ responsible_relation }}"),
                     ("Telepon", "{{ responsible_phone }}")])
    data_table(doc, [("Pengemudi", "{{ driver_name }}"),
                     ("Nomor Polisi", "{{ vehicle_plate }}")])
    body(doc, "Layanan diberikan dari rumah duka menuju tempat pemakaman di wilayah "
              "{{ region_name }}. Surat keterangan ini dibuat untuk dipergunakan sebagaimana "
              "mestinya.")
    signature_block(doc, DATE_LINE)


def berita_acara_bantuan_bencana(doc):
    certificate_heading(doc, "BERITA ACARA SERAH TERIMA BANTUAN KORBAN BENCANA")
    body(doc, "Pada tanggal {{ handover_date }} Dinas Sosial {{ region_name }} telah "
              "menyerahkan bantuan sosial dari persediaan Dinas Sosial kepada rumah tangga "
              "korban {{ event_name }} yang terjadi pada {{ event_date }} di {{ event_place }}, "
              "dengan rincian sebagai berikut:")
    widths = [1.0, 4.3, 4.2, 4.0, 2.5]
    table = doc.add_table(rows=4, cols=len(widths))
    _set_table(table, widths)
    table.style = "Table Grid"
    header, loop, row, end = table.rows
    for cell, text in zip(header.cells, ("No.", "Kepala Keluarga", "Alamat", "Bantuan",
                                         "Tanda Tangan")):
        _first_paragraph(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _first_paragraph(loop.cells[0], "{%tr for row in distribution_rows %}")
    _first_paragraph(row.cells[0], "{{ row.number }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _first_paragraph(row.cells[1], "{{ row.name }}")
    tag(row.cells[1], "{%p if row.nik %}")
    para(row.cells[1], "NIK {{ row.nik }}", size=9)
    tag(row.cells[1], "{%p endif %}")
    _first_paragraph(row.cells[2], "{{ row.address }}")
    _first_paragraph(row.cells[3], "{{ row.aid }}")
    _keep_row_together(row)
    _first_paragraph(end.cells[0], "{%tr endfor %}")
    spacer(doc)
    para(doc, "Jumlah bantuan yang diserahkan:", indent_cm=0)
    numbered_list(doc, "aid_totals", indent_cm=0.6)
    body(doc, "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
              "sebagaimana mestinya.", before=6, keep_next=True)
    signature_block(doc, DATE_LINE, heading="Yang menyerahkan,")


def catatan_layanan_atensi(doc):
    certificate_heading(doc, "CATATAN LAYANAN ASISTENSI REHABILITASI SOSIAL (ATENSI)")
    body(doc, "Yang bertanda tangan di bawah ini menerangkan bahwa pada tahun anggaran "
              "{{ budget_year }} Dinas Sosial {{ region_name }} telah memberikan Asistensi "
              "Rehabilitasi Sosial (ATENSI) kepada:")
    data_table(doc, PERSON_ROWS + [("Klaster", "{{ cluster }}"),
                                   ("Nomor Data PMKS", "{{ pmks_reference }}")])
    body(doc, "dengan rincian layanan sebagai berikut:", cont=True)
    widths = [3.2, 4.6, 5.2, 3.0]
    table = doc.add_table(rows=4, cols=len(widths))
    _set_table(table, widths)
    table.style = "Table Grid"
    header, loop, row, end = table.rows
    for cell, text in zip(header.cells, ("Tanggal", "Komponen", "Bentuk Layanan", "Petugas")):
        _first_paragraph(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _first_paragraph(loop.cells[0], "{%tr for row in services_rows %}")
    for cell, text in zip(row.cells, ("{{ row.date }}", "{{ row.component }}",
                                      "{{ row.form }}", "{{ row.by }}")):
        _first_paragraph(cell, text)
    _keep_row_together(row)
    _first_paragraph(end.cells[0], "{%tr endfor %}")
    spacer(doc)
    tag(doc, "{%p if services_total %}")
    para(doc, "Jumlah nilai layanan berupa uang atau barang: {{ services_total }}.")
    tag(doc, "{%p endif %}")
    body(doc, "Catatan layanan ini dibuat untuk dipergunakan sebagaimana mestinya.",
         before=6, keep_next=True)
    signature_block(doc, DATE_LINE)


def jawaban_pengaduan(doc):
    letter_heading(doc)
    body(doc, "Menindaklanjuti {{ complaint_kind }} Saudara yang kami terima pada tanggal "
              "{{ complaint_date }} {{ complaint_channel }}, tercatat dengan nomor "
              "{{ complaint_number }}, perihal {{ complaint_subject }}, bersama ini kami "
              "sampaikan jawaban sebagai berikut.")
    tag(doc, "{%p for item in reply_paragraphs %}")
    body(doc, "{{ item }}")
    tag(doc, "{%p endfor %}")
    body(doc, "Demikian jawaban ini kami sampaikan. Terima kasih atas kepedulian Saudara "
              "bagi perbaikan pelayanan kami. Bila Saudara belum puas dengan jawaban ini, "
              "Saudara dapat menghubungi kami melalui kontak pada kop surat dengan menyebut "
              "nomor pengaduan di atas.", keep_next=True)
    signature_block(doc)
    tembusan(doc)


BUILDERS = {fn.__name__: fn for fn in [
    tanda_daftar_lks, rekomendasi_terdaftar_lks, rekomendasi_pub, rekomendasi_undian, izin_pub, izin_undian,
    rekomendasi_hibah,
    rekomendasi_pengangkatan_anak, laporan_sosial_abh, rujukan_rehabilitasi, rekomendasi_slrt,
    keterangan_dtks, pemulangan_orang_terlantar, tanda_terima_seating_clinic,
    surat_mobil_jenazah, berita_acara_bantuan_bencana, rujukan_medis_tuna_sosial,
    catatan_layanan_atensi, jawaban_pengaduan]}


# --- report templates (resources/report_templates): not numbered or signed as letters --------


def grid_table(doc, headers, cells, widths, loop: str):
    """A bordered table: a header row, then one row per item of `loop` ("e in elements")."""
    table = doc.add_table(rows=4, cols=len(widths))
    _set_table(table, widths)
    table.style = "Table Grid"
    header, start, row, end = table.rows
    for cell, text in zip(header.cells, headers):
        _first_paragraph(cell, text, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER
                         ).paragraph_format.keep_with_next = True  # never alone at a page end
    header_pr = header._tr.get_or_add_trPr()
    header_pr.append(OxmlElement("w:tblHeader"))  # repeated on each page the table runs onto
    _keep_row_together(header)
    _first_paragraph(start.cells[0], "{%tr for " + loop + " %}")
    for cell, (text, align) in zip(row.cells, cells):
        _first_paragraph(cell, text, size=10, align=align)
    _keep_row_together(row)
    _first_paragraph(end.cells[0], "{%tr endfor %}")
    spacer(doc)
    return table


def laporan_skm(doc):
    centre = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT", align=centre, bold=True, size=13)
    para(doc, "{{ unit_name }}", align=centre, bold=True)
    para(doc, "Periode {{ period }}", align=centre, after=12)
    para(doc, "A. Hasil", bold=True, after=4, keep_next=True)
    body(doc, "Survei Kepuasan Masyarakat (SKM) dilaksanakan menurut Peraturan Menteri PANRB "
              "Nomor 14 Tahun 2017 dengan sembilan unsur pelayanan, masing-masing dinilai 1 "
              "sampai 4. Indeks Kepuasan Masyarakat (IKM) adalah rata-rata nilai kesembilan "
              "unsur dikalikan 25.")
    body(doc, "Dari {{ respondents }} responden, IKM {{ unit_name }} pada periode ini adalah "
              "{{ index }} dengan mutu pelayanan {{ grade }} ({{ grade_words }}). Jumlah "
              "responden minimal untuk {{ population }} penerima layanan pada periode ini "
              "adalah {{ required }} orang (tabel Krejcie dan Morgan){{ sample_note }}.",
         before=4)
    spacer(doc, 6)
    grid_table(doc, ("No.", "Unsur Pelayanan", "Nilai Rata-rata", "Nilai Konversi"),
               [("{{ e.number }}", centre), ("{{ e.name }}", None), ("{{ e.average }}", centre),
                ("{{ e.converted }}", centre)], [1.2, 8.8, 3.0, 3.0], "e in elements")
    para(doc, "{{ chart }}", align=centre, after=6)
    para(doc, "B. Hasil per Layanan", bold=True, after=4, keep_next=True)
    grid_table(doc, ("No.", "Layanan", "Responden", "Sampel Minimal", "IKM", "Mutu"),
               [("{{ s.number }}", centre), ("{{ s.name }}", None),
                ("{{ s.respondents }}", centre), ("{{ s.required }}", centre),
                ("{{ s.index }}", centre), ("{{ s.grade }}", centre)],
               [1.0, 7.4, 2.3, 2.3, 1.6, 1.4], "s in services")
    para(doc, "C. Profil Responden", bold=True, after=4, keep_next=True)
    grid_table(doc, ("Karakteristik", "Kategori", "Jumlah"),
               [("{{ r.group }}", None), ("{{ r.label }}", None), ("{{ r.count }}", centre)],
               [4.0, 9.0, 3.0], "r in respondent_rows")
    para(doc, "D. Analisis dan Tindak Lanjut", bold=True, after=4, keep_next=True)
    body(doc, "Unsur dengan nilai terendah adalah {{ lowest }} ({{ lowest_average }}); unsur "
              "ini menjadi prioritas perbaikan pelayanan pada periode berikutnya.{{ weak_note }}")
    body(doc, "Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.",
         before=6, keep_next=True)
    spacer(doc, keep_next=True)
    table = doc.add_table(rows=1, cols=2)
    _set_table(table, [7.0, 9.0])
    _keep_row_together(table.rows[0])
    cell = table.rows[0].cells[1]
    _first_paragraph(cell, "{{ place }}, {{ report_date }}")
    para(cell, "Kepala {{ unit_name }},")
    para(cell, "", before=54)
    para(cell, "{{ head_name }}", bold=True, underline=True)
    para(cell, "{{ head_rank }}")
    para(cell, "{% if head_nip %}NIP. {{ head_nip }}{% endif %}")



REPORTS = {fn.__name__: fn for fn in [laporan_skm]}


def build(key: str) -> bytes:
    doc = _new_document()
    if key in REPORTS:
        doc.core_properties.title = "Laporan Survei Kepuasan Masyarakat"
    else:
        doc.core_properties.title = catalogue.TEMPLATES[key].title
    letterhead(doc)
    (REPORTS.get(key) or BUILDERS[key])(doc)
    # python-docx leaves an empty first paragraph in a new document: drop it.
    first = doc.paragraphs[0]
    if not first.text and first._p.getprevious() is None:
        first._p.getparent().remove(first._p)
    raw = io.BytesIO()
    doc.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Same entries, fixed timestamps: identical input gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def variables_markdown() -> str:
    lines = ["# Variables of the letter templates", "",
             "Generated by `scripts/build_templates.py` from "
             "`desktop/services/letters/catalogue.py`; do not edit by hand. A template may use "
             "only the variables listed for it (`pelita templates check` refuses others).",
             "Images (`emblem`, `qr_code`, `signature_image`, `stamp_image`) may be absent: wrap "
             "them in `{% if name %}`. Dates, amounts and NIPs arrive already formatted.", ""]

    def section(title, variables):
        lines.extend([f"## {title}", "", "| variable | meaning |", "|---|---|"])
        lines.extend(f"| `{name}` | {text} |" for name, text in variables.items())
        lines.append("")

    section("Every template: letterhead", catalogue.OFFICE_VARIABLES)
    section("Every template: number, date and signature", catalogue.SIGNING_VARIABLES)
    section("Letters (templates of kind `letter`): Nomor / Sifat / Lampiran / Hal",
            catalogue.LETTER_VARIABLES)
    for spec in catalogue.SPECS:
        services = sorted(code for code, choices in catalogue.SERVICE_LETTERS.items()
                          if any(c.template_key == spec.key for c in choices))
        used_by = ("Services: " + ", ".join(f"`{c}`" for c in services) if services
                   else "Drafted from a complaint on the Pengaduan page")
        lines.extend([f"## `{spec.key}.docx`: {spec.title}", "",
                      f"Kind `{spec.kind}`, number series `{spec.series}`, classification "
                      f"`{spec.classification_code}`. {used_by}.", ""])
        if spec.filled:
            lines.extend(["Filled from the complaint, never typed: "
                          + ", ".join(f"`{e}`" for e in spec.filled) + ".", ""])
        if spec.editable:
            lines.extend(["Staff may edit on a draft: "
                          + ", ".join(f"`{e}`" for e in spec.editable) + ".", ""])
        lines.extend(["| variable | meaning |", "|---|---|"])
        lines.extend(f"| `{name}` | {text} |" for name, text in spec.variables.items())
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "letter_templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for key in catalogue.TEMPLATES:
        (args.out / f"{key}.docx").write_bytes(build(key))
        print(f"{key}.docx")
    (args.out / "VARIABLES.md").write_text(variables_markdown(), encoding="utf-8")
    print("VARIABLES.md")
    reports = args.out.parent / "resources" / "report_templates"
    reports.mkdir(parents=True, exist_ok=True)
    for key in REPORTS:
        (reports / f"{key}.docx").write_bytes(build(key))
        print(f"{reports.name}/{key}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
