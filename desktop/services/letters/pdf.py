"""DOCX to PDF: LibreOffice where installed, Word on Windows through docx2pdf where installed.

A letter goes to the session's LibreOffice (converter.py), kept running after the first; where
that cannot be had, to a LibreOffice run of its own. Each has its own profile folder, so a
conversion works while the user has LibreOffice open and two never share a locked profile.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.errors import PelitaError
from desktop.services.letters import converter

TIMEOUT_S = 120
# Where the installers put soffice when it is not on PATH.
KNOWN_PATHS = [
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
]
NOT_AVAILABLE = ("PDF tidak dapat dibuat: LibreOffice tidak terpasang di PC ini (dan Microsoft "
                 "Word dengan docx2pdf juga tidak tersedia). Dokumen Word (.docx) surat tetap "
                 "tersedia untuk dibuka dan dicetak. Untuk membuat PDF, pasang LibreOffice dari "
                 "https://www.libreoffice.org/download/ (di Debian/Ubuntu: sudo apt install "
                 "libreoffice-writer), lalu coba lagi.")


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in KNOWN_PATHS if os.path.isfile(p)), None)


def _docx2pdf_available() -> bool:
    if sys.platform != "win32":
        return False
    try:
        import docx2pdf  # noqa: F401
    except ImportError:
        return False
    return True


def can_convert() -> bool:
    return find_soffice() is not None or _docx2pdf_available()


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of `docx`. Raises PelitaError with what to do when no converter exists."""
    soffice = find_soffice()
    if soffice is not None:
        return _with_libreoffice(soffice, docx)
    if _docx2pdf_available():
        return _with_word(docx)
    raise PelitaError(NOT_AVAILABLE)


def _with_libreoffice(soffice: str, docx: bytes) -> bytes:
    try:
        converted = converter.convert(soffice, docx, TIMEOUT_S)
    except TimeoutError:
        raise _too_slow(TIMEOUT_S) from None
    if converted is not None:
        return converted
    return _libreoffice_many(soffice, {"surat": docx})["surat"]


def _too_slow(limit: int) -> PelitaError:
    return PelitaError(f"LibreOffice tidak selesai membuat PDF dalam {limit} detik. "
                       "Dokumen Word (.docx) tetap tersedia; coba lagi nanti.")


def docx_to_pdf_many(documents: dict[str, bytes]) -> dict[str, bytes]:
    """Each named .docx as PDF, converted by one LibreOffice run (a template check's dozens of
    letters: one start of LibreOffice, not one each). LibreOffice only."""
    soffice = find_soffice()
    if soffice is None:
        raise PelitaError(NOT_AVAILABLE)
    return _libreoffice_many(soffice, documents) if documents else {}


def _libreoffice_many(soffice: str, documents: dict[str, bytes]) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory(prefix="pelita-pdf-") as tmp:
        folder = Path(tmp)
        sources = []
        for name, docx in documents.items():
            sources.append(folder / f"{name}.docx")
            sources[-1].write_bytes(docx)
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder)] + [str(p) for p in sources]
        limit = TIMEOUT_S * (len(sources) // 10 + 1)  # a conversion takes seconds, not minutes
        try:
            result = subprocess.run(command, capture_output=True, timeout=limit,
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise _too_slow(limit) from None
        except OSError as exc:
            raise PelitaError(f"LibreOffice ({soffice}) tidak bisa dijalankan: {exc}. Dokumen "
                              "Word (.docx) tetap tersedia.") from None
        converted = {}
        for name in documents:
            target = folder / f"{name}.pdf"
            if result.returncode != 0 or not target.exists():
                detail = (result.stderr or result.stdout or b"").decode(errors="replace").strip()
                raise PelitaError("LibreOffice gagal membuat PDF"
                                  + (f" ({detail.splitlines()[-1]})" if detail else "")
                                  + ". Dokumen Word (.docx) tetap tersedia.")
            converted[name] = target.read_bytes()
        return converted


def _with_word(docx: bytes) -> bytes:
    from docx2pdf import convert

    with tempfile.TemporaryDirectory(prefix="pelita-pdf-") as tmp:
        source, target = Path(tmp) / "surat.docx", Path(tmp) / "surat.pdf"
        source.write_bytes(docx)
        try:
            convert(str(source), str(target))
        except Exception as exc:  # Word automation fails in many ways; all mean the same
            raise PelitaError(f"Microsoft Word gagal membuat PDF ({exc}). Dokumen Word (.docx) "
                              "tetap tersedia.") from None
        if not target.exists():
            raise PelitaError("Microsoft Word tidak menghasilkan PDF. Dokumen Word (.docx) "
                              "tetap tersedia.")
        return target.read_bytes()
