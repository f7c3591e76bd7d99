"""What a records officer (arsiparis) checks on a letter's printed pages, read from the PDF's
text page by page (poppler's pdftotext): leftover template tags and fragments, a label with
a colon and nothing after it, a signature page without the letter's closing text, and a
letter that should fit on one page running onto a second."""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Fragments a rendered letter must not print: template tags, empty brackets left by an empty
# value, and the abbreviation "s.d." where the letter should say "sampai dengan".
FRAGMENTS = ("{{", "}}", "{%", "%}", "()", "s.d.")
# A label's colon standing alone at the end of a line: "NPWP           :" with no value.
_BARE_COLON = re.compile(r"\s:\s*$")
# A line of running text: the signature block's lines are short, a justified body line long.
BODY_LINE_CHARS = 60


def find_pdftotext() -> str | None:
    return shutil.which("pdftotext")


def pages_text(pdf: bytes, *, layout: bool = True) -> list[str]:
    """Each page's text; `layout` keeps a row's label, colon and value on one line."""
    with tempfile.TemporaryDirectory(prefix="pelita-paper-") as tmp:
        path = Path(tmp) / "surat.pdf"
        path.write_bytes(pdf)
        command = [find_pdftotext() or "pdftotext"] + (["-layout"] if layout else []) + [
            str(path), "-"]
        text = subprocess.run(command, capture_output=True, text=True, check=True,
                              timeout=60).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def problems(pdf: bytes, *, signer_name: str, one_page: bool) -> list[str]:
    """What would send the letter back, in words for the administrator; [] when none."""
    laid_out = pages_text(pdf)
    found = []
    for number, page in enumerate(laid_out, 1):
        for fragment in FRAGMENTS:
            if fragment in page:
                found.append(f"halaman {number}: tercetak «{fragment}»")
        for line in page.splitlines():
            if _BARE_COLON.search(line):
                found.append(f"halaman {number}: baris «{' '.join(line.split())}» tanpa isi "
                             "sesudah titik dua")
    if one_page and len(laid_out) > 1:
        found.append(f"surat ini mestinya satu halaman, tercetak {len(laid_out)} halaman")
    plain = pages_text(pdf, layout=False)
    signed_on = [i for i, page in enumerate(plain) if signer_name and signer_name in page]
    if signer_name and not signed_on:
        found.append(f"nama penanda tangan «{signer_name}» tidak tercetak")
    for index in signed_on:
        # Read as laid out: the plain text breaks a justified line into its words.
        body = [line for line in map(" ".join, map(str.split, laid_out[index].splitlines()))
                if len(line) >= BODY_LINE_CHARS and not _in_signature_block(line, signer_name)]
        if not body:
            found.append(f"halaman {index + 1}: blok tanda tangan sendirian, tanpa akhir isi "
                         "surat (halaman tanda tangan bisa dilepas)")
    return found


def _in_signature_block(line: str, signer_name: str) -> bool:
    """A line of the signature block: the name, the NIP, the verification code beside them."""
    return signer_name in line or "NIP" in line or "Verifikasi" in line
