"""The session's LibreOffice (letters.converter): a real PDF from the first conversion on, the
same LibreOffice for the next, started again when it dies, and LibreOffice run per letter, as
before, when it cannot be had. No LibreOffice is left running after it is stopped."""
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from docx import Document

from desktop.services.letters import converter, pdf

pytestmark = pytest.mark.skipif(
    not (pdf.find_soffice() and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed")
TEXT = "Surat Keterangan Nomor 470/123/DINSOS"


@pytest.fixture(autouse=True)
def fresh_converter():
    converter.shutdown()
    yield
    converter.shutdown()


@pytest.fixture
def warm():
    """The converter can run here: LibreOffice has a Python with uno (CI installs python3-uno)."""
    if converter.find_uno_python(pdf.find_soffice()) is None:
        if os.environ.get("CI"):
            pytest.fail("no Python that can import uno for LibreOffice (apt install python3-uno)")
        pytest.skip("no Python that can import uno for LibreOffice (python3-uno)")


def _docx(text=TEXT) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def _profile() -> str:
    return converter._server.folder


def _running_with(text: str) -> list[int]:
    """Live processes whose command line holds `text` (a zombie's is empty)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode(
                    errors="replace"):
                found.append(int(entry.name))
        except OSError:
            pass
    return found


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@linux_only
def test_one_libreoffice_converts_letter_after_letter_and_stops_with_all_it_started(warm):
    first = pdf.docx_to_pdf(_docx())
    assert TEXT in _text(first)
    server = converter.running_pid()
    assert server is not None
    profile = _profile()
    assert len(_running_with(profile)) >= 2  # its Python and LibreOffice, on its own profile
    second = pdf.docx_to_pdf(_docx("Kedua: Berita Acara Serah Terima"))
    assert "Berita Acara Serah Terima" in _text(second)
    assert converter.running_pid() == server
    converter.shutdown()
    assert converter.running_pid() is None
    assert _running_with(profile) == []
    assert not os.path.exists(profile)


@linux_only
def test_a_killed_converter_is_started_again(warm):
    pdf.docx_to_pdf(_docx())
    server = converter.running_pid()
    os.killpg(server, signal.SIGKILL)  # its Python and LibreOffice, as a crash would
    assert TEXT in _text(pdf.docx_to_pdf(_docx()))
    assert converter.running_pid() not in (None, server)


@linux_only
def test_libreoffice_dying_under_the_converter_starts_it_again(warm):
    pdf.docx_to_pdf(_docx())
    server, profile = converter.running_pid(), _profile()
    office = [pid for pid in _running_with(profile)
              if Path(f"/proc/{pid}/comm").read_text().strip() == "soffice.bin"]
    assert office
    os.kill(office[0], signal.SIGKILL)
    assert TEXT in _text(pdf.docx_to_pdf(_docx()))
    assert converter.running_pid() not in (None, server)
    assert _running_with(profile) == []


def test_letters_from_several_workers_at_once_share_one_converter(warm):
    results, problems = {}, []

    def work(i):
        try:
            results[i] = _text(pdf.docx_to_pdf(_docx(f"{TEXT} lembar {i}")))
        except Exception as exc:  # reported below, with the worker's number
            problems.append((i, exc))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert all(f"lembar {i}" in results[i] for i in range(3))
    assert converter.running_pid() is not None


def _counting_cold(monkeypatch) -> list:
    runs = []
    cold = pdf._libreoffice_many

    def counted(soffice, documents):
        runs.append(list(documents))
        return cold(soffice, documents)

    monkeypatch.setattr(pdf, "_libreoffice_many", counted)
    return runs


def test_without_a_python_for_uno_each_letter_gets_a_libreoffice_run(monkeypatch):
    monkeypatch.setattr(converter, "find_uno_python", lambda soffice: None)
    runs = _counting_cold(monkeypatch)
    assert TEXT in _text(pdf.docx_to_pdf(_docx()))
    assert runs == [["surat"]]
    assert converter.running_pid() is None


@linux_only
def test_a_converter_that_never_answers_is_stopped_and_the_letter_converted_cold(
        monkeypatch, tmp_path, warm):
    silent = tmp_path / "silent.py"  # starts, never serves: as a LibreOffice that hangs
    silent.write_text("import sys\nsys.stdin.read()\n")
    monkeypatch.setattr(converter, "MAIN", silent)
    monkeypatch.setattr(converter, "START_TIMEOUT_S", 1)
    runs = _counting_cold(monkeypatch)
    assert TEXT in _text(pdf.docx_to_pdf(_docx()))
    assert runs == [["surat"]]
    assert converter.running_pid() is None
    assert _running_with(str(silent)) == []
    pdf.docx_to_pdf(_docx())  # a second failed start: the session converts cold from then on
    pdf.docx_to_pdf(_docx())
    assert len(runs) == 3
    assert converter._failed_starts == converter.MAX_FAILED_STARTS
