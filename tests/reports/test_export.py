"""The exports carry the figures the screens show: the recap workbook and the SKM workbook
(read back with openpyxl, and converted by LibreOffice where it is installed), the SKM report
in Word, and the row export that stops when cancelled and leaves no file behind."""
import csv
import datetime
import subprocess

import pytest
from openpyxl import load_workbook

from desktop.errors import Cancelled
from desktop.services.letters import pdf
from desktop.services.reports import export, recap
from desktop.services.survey import report, skm
from desktop.services.survey.questionnaire import CODES
from tests.factories import make_office
from tests.reports.test_recap import NOVEMBER, application, at

YEAR = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def office(backend_db):
    o = make_office()
    due = at(7)
    application(o, state="completed", closed_at=at(3), due_at=due)
    application(o, state="completed", closed_at=at(9), due_at=due)
    application(o, state="rejected", closed_at=at(2), due_at=due)
    application(o, code="mgl-surat-keterangan-dtks", channel="telepon")
    from desktop.services.catalog import service_catalog

    slrt = service_catalog.get("dpk-slrt")
    for score in (4, 3, 3):
        skm.record(o["clerk"], service_id=slrt.id, scores={c: score for c in CODES},
                   responded_on=datetime.date(2026, 11, 10), sex="P", education="sma")
    return o


def soffice_csv(path, tmp_path) -> list[list[str]]:
    """The first sheet as LibreOffice reads it."""
    soffice = pdf.find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "csv", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    with open(tmp_path / (path.stem + ".csv"), encoding="utf-8", errors="replace") as handle:
        return list(csv.reader(handle))


def test_the_recap_workbook_has_the_screen_s_figures(office, tmp_path):
    result = recap.recap(office["head"], *NOVEMBER)
    path = tmp_path / "rekap.xlsx"
    export.recap_xlsx(office["head"], result, path)
    book = load_workbook(path)
    sheet = book["Rekap per layanan"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    slrt = next(line for line in result.lines if line.name in rows)
    assert rows[slrt.name][2:8] == (slrt.received, slrt.on_time, slrt.late, slrt.rejected,
                                    slrt.withdrawn, slrt.open)
    assert rows["Jumlah"][2] == result.total.received == 4
    assert sheet.freeze_panes == "C4" and sheet._charts
    assert [r[1] for r in book["Saluran"].iter_rows(min_row=2, values_only=True)] == \
        list(result.by_channel.values())
    assert set(book.sheetnames) == {"Rekap per layanan", "Saluran", "Kelurahan",
                                    "Jenis kelamin dan umur", "SPM"}
    read = soffice_csv(path, tmp_path)
    total = next(row for row in read if len(row) > 2 and row[1] == "Jumlah")
    assert total[2] == "4" and total[3] == str(result.total.on_time)


def test_the_skm_workbook_and_report_agree_with_the_screen(office, tmp_path):
    result = skm.result(office["head"], *YEAR)
    path = tmp_path / "skm.xlsx"
    report.xlsx(office["head"], *YEAR, path)
    sheet = load_workbook(path)["Ringkasan"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, max_row=8, values_only=True)}
    assert values["Responden"] == 3 and values["IKM"] == pytest.approx(float(result.index))
    assert sheet._charts
    read = soffice_csv(path, tmp_path)
    assert ["IKM", f"{result.index:.2f}"] in [row[:2] for row in read]

    import io

    from docx import Document

    document = Document(io.BytesIO(report.docx(office["head"], *YEAR)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"IKM Dinas Sosial pada periode ini adalah {report.decimal_text(result.index)}" in text
    assert "mutu pelayanan A (Sangat baik)" in text or "mutu pelayanan B (Baik)" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Persyaratan" in cells and "{{" not in text + "".join(cells)


def test_the_row_export_streams_every_row_and_stops_when_cancelled(office, tmp_path):
    path = tmp_path / "permohonan.xlsx"
    seen = []
    written = export.applications_xlsx(office["head"], *NOVEMBER, path,
                                       progress=lambda done, total: seen.append((done, total))
                                       or True)
    assert written == 4 and seen[-1] == (4, 4)
    rows = list(load_workbook(path)["Permohonan"].iter_rows(values_only=True))
    assert rows[0][0] == "No. registrasi" and len(rows) == 5
    by_state = {row[4]: row for row in rows[1:]}
    from desktop.services.shared import timefmt
    from tests.reports.test_recap import RECEIVED

    assert by_state["Ditolak"][1] == RECEIVED  # the office's local time, as a date cell
    assert by_state["Ditolak"][5] == timefmt.to_local(at(2)).replace(tzinfo=None)
    assert by_state["Selesai"][6] in ("ya", "tidak") and by_state["Ditolak"][6] is None
    assert "Agus Prasetyo" not in str(rows) and "3371011503850001" not in str(rows)
    stopped = tmp_path / "batal.xlsx"
    with pytest.raises(Cancelled):
        export.applications_xlsx(office["head"], *NOVEMBER, stopped,
                                 progress=lambda done, total: False)
    assert list(tmp_path.glob("batal*")) == []


def test_the_row_export_leaves_out_cases_the_actor_may_not_read(office, tmp_path):
    from tests.factories import make_person

    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    application(office, code="mgt-26-rekomendasi-anjal-at", person=child)
    assert export.applications_xlsx(office["head"], *NOVEMBER, tmp_path / "k.xlsx") == 5
    assert export.applications_xlsx(office["admin"], *NOVEMBER, tmp_path / "a.xlsx") == 4
