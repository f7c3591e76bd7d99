"""`letter_pdf`: a rendered letter to PDF through Pelita (pdf.docx_to_pdf, the session's
LibreOffice already running: every conversion after the first) against a cold
`soffice --headless --convert-to pdf` of the same file with a profile of its own, as each
conversion was before, in the same run. The first conversion, which starts LibreOffice, is
reported beside it.
"""
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.letters import TEMPLATE


def _letter() -> bytes:
    from desktop.services.letters import catalogue
    from desktop.services.letters.render import render_letter

    return render_letter(TEMPLATE, catalogue.sample_context(TEMPLATE),
                         catalogue.sample_images(signed=True))


def _cold(soffice: str, docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="pelita-bench-pdf-") as tmp:
        folder = Path(tmp)
        (folder / "surat.docx").write_bytes(docx)
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                        str(folder), str(folder / "surat.docx")],
                       capture_output=True, check=True, timeout=120, stdin=subprocess.DEVNULL)
        return (folder / "surat.pdf").read_bytes()


def _time(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def run(repeats: int = 5) -> dict:
    from desktop.services.letters import converter, pdf

    soffice = pdf.find_soffice()
    if soffice is None:
        return {"_letter_pdf": "skipped: LibreOffice not installed"}
    docx = _letter()
    converter.shutdown()  # the first conversion starts it
    first = _time(pdf.docx_to_pdf, docx)
    server = converter.running_pid()
    _cold(soffice, docx)  # the file cache warm for the baseline too
    samples = max(repeats * 2, 10)  # a cold conversion takes a second or two
    subject, baseline = [], []
    for i in range(samples):  # interleaved, alternating who goes first, so noise hits both
        if i % 2:
            baseline.append(_time(_cold, soffice, docx))
        subject.append(_time(pdf.docx_to_pdf, docx))
        if not i % 2:
            baseline.append(_time(_cold, soffice, docx))
    same_server = server is not None and converter.running_pid() == server
    converter.shutdown()
    value, base = statistics.median(subject), statistics.median(baseline)
    return {
        "letter_pdf": {"value": round(value * 1000, 1), "unit": "ms",
                       "baseline": round(base * 1000, 1), "ratio": round(value / base, 3),
                       "target_ratio": 0.3, "repeats": samples, "template": TEMPLATE,
                       "first_ms": round(first * 1000, 1),
                       # False: no Python with uno here, or it restarted: cold conversions
                       "warm": same_server},
    }


if __name__ == "__main__":
    for name, figure in run().items():
        print(name, figure)
