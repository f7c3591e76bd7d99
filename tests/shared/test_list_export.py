"""services/shared/list_export: a list's rows to xlsx a chunk at a time, progress as it goes,
Batal midway leaving no file, dates as dates, the export in the audit trail."""
import datetime

import pytest
from openpyxl import load_workbook

from desktop.errors import Cancelled
from desktop.models import AuditEntry
from desktop.services.shared import list_export
from tests.factories import make_user

ROWS = [(n, f"Surat ke-{n}", datetime.datetime(2026, 11, 1, 9, n % 60),
         datetime.date(2026, 11, 1 + n % 28)) for n in range(1, 24)]


def pages_of(rows, reads):
    def pages(offset, limit):
        reads.append((offset, limit))
        return rows[offset:offset + limit]
    return pages


def export(path, progress=None, reads=None, actor=None):
    return list_export.write_xlsx(
        actor, path, title="Daftar uji", headers=["No.", "Hal", "Diperbarui", "Tanggal"],
        pages=pages_of(ROWS, reads if reads is not None else []),
        values=lambda row: list(row), total=len(ROWS), progress=progress, table="letter",
        chunk=5)


def test_every_row_in_chunks_with_progress(sqlite_db, tmp_path):
    admin = make_user("admin")
    seen, reads = [], []
    written = export(tmp_path / "a.xlsx", lambda done, total: seen.append((done, total)) or True,
                     reads, admin)
    assert written == 23
    assert reads == [(0, 5), (5, 5), (10, 5), (15, 5), (20, 5)]  # chunks, never all at once
    assert seen[0] == (0, 23) and seen[-1] == (23, 23)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) > 2
    sheet = load_workbook(tmp_path / "a.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("No.", "Hal", "Diperbarui", "Tanggal") and len(rows) == 24
    assert rows[1] == (1, "Surat ke-1", datetime.datetime(2026, 11, 1, 9, 1),
                       datetime.datetime(2026, 11, 2))
    assert sheet["C2"].number_format == list_export.MOMENT_FORMAT
    assert sheet["D2"].number_format == list_export.DATE_FORMAT
    assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == len("Surat ke-10") + 2
    assert sheet.column_dimensions["A"].width == list_export.WIDTH_MIN
    entry = AuditEntry.select().where(AuditEntry.action == "export").get()
    assert entry.username == "admin" and '"baris": 23' in entry.new_values


def test_batal_midway_stops_reading_and_leaves_no_file(sqlite_db, tmp_path):
    reads = []

    def stop_after_ten(done, _total):
        return done < 10
    folder = tmp_path / "ekspor"
    folder.mkdir()
    with pytest.raises(Cancelled, match="dibatalkan"):
        export(folder / "b.xlsx", stop_after_ten, reads)
    assert list(folder.iterdir()) == []
    assert len(reads) < 5  # it stopped reading too
    assert not AuditEntry.select().where(AuditEntry.action == "export").exists()


def test_widths_are_capped_and_follow_the_longest_text():
    assert list_export.widths(["A", "Hal"], [["x" * 200, "abc"], [None, "abcdefgh"]]) == \
        [list_export.WIDTH_MAX, list_export.WIDTH_MIN + 2]
