"""The register, as filtered on screen, to an xlsx workbook (openpyxl) for reports and
letters to the province."""
import datetime

from desktop.services.admin import settings
from desktop.services.lks import lks_records, registrations, registry_query
from desktop.services.shared import audit, files

HEADERS = ("Nama LKS", "Status hukum", "NPWP", "Bidang pelayanan", "Kecamatan",
           "No. Tanda Daftar", "Berlaku sampai", "Status", "Akreditasi")
WIDTHS = (40, 20, 22, 40, 20, 28, 15, 16, 11)
CHUNK = 2000


def export_xlsx(actor, flt: registry_query.LksFilter, path, today: datetime.date | None = None
                ) -> int:
    """Write every LKS matching `flt` to `path`; returns how many rows were written."""
    from openpyxl import Workbook  # imported when used: not needed to start Pelita
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    today = today or datetime.date.today()
    warn_days = settings.get("lks.warn_days")
    book = Workbook()
    sheet = book.active
    sheet.title = "Daftar LKS"
    sheet.append([f"Daftar Lembaga Kesejahteraan Sosial per {today:%d-%m-%Y}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"
    written, offset = 0, 0
    while True:
        rows = registry_query.page(actor, flt, offset=offset, limit=CHUNK, today=today)
        for row in rows:
            sheet.append([row.name, lks_records.LEGAL_STATUSES.get(row.legal_status, ""),
                          lks_records.npwp_text(row.npwp), lks_records.fields_text(row.fields),
                          row.kecamatan, row.registration_number, row.registered_until,
                          registrations.STATES[row.state(today, warn_days)],
                          row.accreditation or "-"])
            sheet.cell(sheet.max_row, 7).number_format = "DD-MM-YYYY"
        written += len(rows)
        offset += CHUNK
        if len(rows) < CHUNK:
            break
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(HEADERS))}{sheet.max_row}"
    files.write_beside(path, book.save)
    audit.record(actor, "export", "lks", None, new={"rows": written})
    return written

