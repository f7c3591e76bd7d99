"""Reports to xlsx (openpyxl): the recap workbook (per service with a native Excel chart, by
channel, kelurahan, sex and age, the SPM indicators; frozen header rows, number formats), and
the period's applications one row each, streamed in write-only mode, a chunk at a time, with
progress and cancel. No names or NIKs leave in either: registration numbers and areas only."""
import datetime
from collections.abc import Callable

from peewee import JOIN

from desktop.errors import Cancelled
from desktop.models import Application, Person, Service, db
from desktop.services.admin import office
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications.workflow import CHANNELS, STATES
from desktop.services.reports import recap as recap_module
from desktop.services.reports.recap import OUTCOME_LABELS, WorkingDayIndex
from desktop.services.shared import audit, files, periods, permissions, timefmt

# Rows per query: 20,000 took as long per row as one query of all of them on PostgreSQL (0.72
# s against 0.70 for 100,000 of a million), 5,000 a half longer. Progress (and Batal) is
# checked every PROGRESS_EVERY rows written.
CHUNK = 20_000
PROGRESS_EVERY = 2500
EXCEL_EPOCH, DAY = datetime.datetime(1899, 12, 30), datetime.timedelta(days=1)
ROW_HEADERS = ("No. registrasi", "Diterima", "Layanan", "Saluran", "Status", "Selesai",
               "Tepat waktu", "Hari kerja", "Kelurahan", "Kecamatan", "Jenis kelamin",
               "Kelompok umur")
ROW_WIDTHS = (18, 17, 50, 22, 20, 17, 12, 11, 22, 22, 14, 14)
Progress = Callable[[int, int], bool]  # (done, total) -> go on?


def _bold_row(sheet, row: int) -> None:
    """A header row: bold, wrapped in its column's width."""
    from openpyxl.styles import Alignment, Font

    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _printable(sheet) -> None:
    """Landscape, one page wide, the header rows on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0


def recap_xlsx(actor, result: recap_module.Recap, path) -> None:
    """The recap shown on screen, to a workbook for the province and the head."""
    from openpyxl import Workbook  # imported when used: not needed to start Pelita
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    permissions.require(actor, "reports.view")
    unit = office.unit_name(office.get_profile())
    period = periods.describe(result.start, result.end)
    book = Workbook()
    sheet = book.active
    sheet.title = "Rekap per layanan"
    sheet.append([f"Rekapitulasi layanan {unit}, {period}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Permohonan yang diterima dalam periode, menurut keadaannya saat laporan "
                  f"dibuat ({timefmt.format_local(timefmt.utcnow())})."])
    headers = ["Bidang", "Layanan", OUTCOME_LABELS["received"], OUTCOME_LABELS["on_time"],
               OUTCOME_LABELS["late"], OUTCOME_LABELS["rejected"], OUTCOME_LABELS["withdrawn"],
               OUTCOME_LABELS["open"], "Tepat waktu (%)", "Median hari kerja"]
    sheet.append(headers)
    _bold_row(sheet, 3)
    for line in result.lines + [result.total]:
        share = line.on_time_share
        sheet.append([line.category, line.name, line.received, line.on_time, line.late,
                      line.rejected, line.withdrawn, line.open, share,
                      float(line.median_days) if line.median_days is not None else None])
        sheet.cell(sheet.max_row, 9).number_format = "0.0%"
        sheet.cell(sheet.max_row, 10).number_format = "0.0"
    _bold_row(sheet, sheet.max_row)
    for column, width in zip("ABCDEFGHIJ", (24, 58, 10, 12, 12, 10, 10, 10, 12, 12)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "C4"
    sheet.print_title_rows = "3:3"
    _printable(sheet)
    last = 3 + len(result.lines)
    if result.lines:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Penyelesaian per layanan"
        chart.add_data(Reference(sheet, min_col=4, max_col=5, min_row=3, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=2, min_row=4, max_row=last))
        chart.height, chart.width = max(8, len(result.lines) * 0.6), 22
        sheet.add_chart(chart, f"B{last + 4}")  # under the table: printed with it
    for title, rows, label in (("Saluran", result.by_channel.items(), "Saluran"),
                               ("Kelurahan", sorted(result.by_kelurahan.items()), "Kelurahan")):
        part = book.create_sheet(title)
        part.append([label, "Permohonan"])
        _bold_row(part, 1)
        for name, count in rows:
            part.append([name, count])
        part.column_dimensions["A"].width = 34
        part.freeze_panes = "A2"
    people = book.create_sheet("Jenis kelamin dan umur")
    groups = [g for g, _ in recap_module.AGE_GROUPS] + [recap_module.UNKNOWN]
    people.append(["Jenis kelamin"] + groups + ["Jumlah"])
    _bold_row(people, 1)
    for sex in ("Laki-laki", "Perempuan", recap_module.UNKNOWN, recap_module.NO_PERSON):
        counts = [result.by_sex_age.get((sex, g), 0) for g in groups]
        if sex == recap_module.NO_PERSON:
            counts = [0] * len(groups)
            counts[-1] = result.by_sex_age.get((sex, sex), 0)
        if any(counts):
            people.append([sex] + counts + [sum(counts)])
    people.column_dimensions["A"].width = 18
    people.freeze_panes = "B2"
    spm = book.create_sheet("SPM")
    spm.append(["Indikator SPM bidang sosial (PP 2/2018)", "Orang dilayani"])
    _bold_row(spm, 1)
    for code, label in recap_module.SPM_INDICATORS.items():
        spm.append([label, result.spm.get(code, 0)])
    spm.column_dimensions["A"].width = 90
    spm.freeze_panes = "A2"
    files.write_beside(path, book.save)
    audit.record(actor, "export", "application", None, new={"laporan": "rekap", "periode":
                                                            period})


def _age_text(birth: datetime.date | None, on: datetime.date) -> str | None:
    if birth is None:
        return None
    return recap_module.age_group(on.year - birth.year
                                  - ((on.month, on.day) < (birth.month, birth.day)))


def applications_xlsx(actor, start, end, path, progress: Progress | None = None) -> int:
    """The period's applications, one row each (no names, no NIK), in id order a chunk at a
    time; `progress(done, total)` returning False stops it (Cancelled), leaving no file.
    Returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    permissions.require(actor, "reports.view")
    start, end = periods.check(start, end)
    where = recap_module.cohort(actor, start, end)
    total = Application.select().where(where).count()
    services = dict(Service.select(Service.id, Service.name).tuples())
    index = WorkingDayIndex(start, max(end, timefmt.office_today()), WorkCalendar())
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Permohonan")
    for column, width in enumerate(ROW_WIDTHS):
        sheet.column_dimensions[chr(65 + column)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for text in ROW_HEADERS:
        cell = WriteOnlyCell(sheet, text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    sex_words = {"L": "Laki-laki", "P": "Perempuan"}
    written, last_id = 0, 0
    query = (Application.select(Application.id, Application.reg_number, Application.received_at,
                                Application.service, Application.channel, Application.state,
                                Application.closed_at, Application.due_at, Person.kelurahan,
                                Person.kecamatan, Person.sex, Person.birth_date)
             .join(Person, JOIN.LEFT_OUTER, on=(Application.person == Person.id)))
    # One styled cell per date column, given each row's value: openpyxl writes a row as it is
    # appended, and a cell object per date of 100,000 rows was a third of the export's time.
    # The value is the Excel serial number the file stores for a date anyway: a datetime is
    # matched against the number format's pattern on every assignment and converted again
    # when written (0.9 s of 100,000 rows); under the date format Excel, LibreOffice and
    # openpyxl read it back as the same date and time.
    moment, day_of = datetime.datetime.fromisoformat, datetime.date.fromisoformat
    channels, states = CHANNELS, STATES
    received_cell, closed_cell = WriteOnlyCell(sheet), WriteOnlyCell(sheet)
    offset = timefmt.office_offset()
    received_cell.number_format = closed_cell.number_format = "DD-MM-YYYY HH:MM"
    while True:
        chunk = (query.where(where & (Application.id > last_id)).order_by(Application.id)
                 .limit(CHUNK))
        # The driver's rows as they come (the ORM's date parsing per value doubled the time).
        rows = db.execute_sql(*chunk.sql()).fetchall()
        for step in range(0, max(len(rows), 1), PROGRESS_EVERY):
            if progress is not None and not progress(written, total):
                sheet.close()  # end openpyxl's stream into its temporary file, which it removes
                raise Cancelled("Ekspor dibatalkan; tidak ada berkas yang ditulis.")
            part = rows[step:step + PROGRESS_EVERY]
            for (app_id, number, received, service, channel, state, closed, due, kelurahan,
                 kecamatan, sex, birth) in part:
                if received.__class__ is str:  # SQLite gives timestamps as text
                    received, closed, due = moment(received), closed and moment(closed), \
                        due and moment(due)
                    birth = birth and day_of(birth[:10])
                got = received + offset
                got_day = got.date()
                received_cell.value = (got - EXCEL_EPOCH) / DAY
                if state == "completed" and closed is not None:
                    done = closed + offset
                    closed_cell.value = (done - EXCEL_EPOCH) / DAY
                    on_time = "ya" if due is None or closed <= due else "tidak"
                    days = index.between(got_day, max(got_day, done.date()))
                else:
                    on_time = days = None
                    done = closed + offset if closed else None
                    if done:
                        closed_cell.value = (done - EXCEL_EPOCH) / DAY
                sheet.append([number, received_cell, services.get(service, ""),
                              channels.get(channel, channel), states.get(state, state),
                              closed_cell if done else None, on_time, days, kelurahan or None,
                              kecamatan or None, sex_words.get(sex), _age_text(birth, got_day)])
                last_id = app_id
            written += len(part)
        if len(rows) < CHUNK:
            break
    if progress is not None:
        progress(written, total)
    files.write_beside(path, book.save)
    audit.record(actor, "export", "application", None,
                 new={"laporan": "daftar permohonan", "baris": written,
                      "periode": periods.describe(start, end)})
    return written
