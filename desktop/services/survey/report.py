"""The SKM report for a period: a Word document from resources/report_templates/laporan_skm.docx
(rendered in the letters' sandbox, its chart drawn by matplotlib) and an xlsx workbook with the
same figures and a native Excel chart."""
import datetime
import io

from desktop import data_files
from desktop.services.admin import office
from desktop.services.letters import catalogue, render
from desktop.services.shared import audit, files, periods, timefmt
from desktop.services.survey import skm
from desktop.services.survey.questionnaire import EDUCATION, ELEMENTS, OCCUPATIONS, SEXES

TEMPLATE = data_files.resource("report_templates", "laporan_skm.docx")
CHART_HEIGHT_MM = 75


def decimal_text(value, places: int = 2) -> str:
    """82,45: Indonesian decimals."""
    return f"{value:.{places}f}".replace(".", ",")


class Figures:
    """Everything the report shows, read once: the unit's result, per service, respondents."""

    def __init__(self, actor, start, end):
        self.start, self.end = periods.check(start, end)
        self.unit = skm.result(actor, self.start, self.end)
        self.services = [(s, r) for s, r in skm.by_service(actor, self.start, self.end)
                         if r.respondents]
        self.respondents = skm.respondent_counts(actor, self.start, self.end)
        self.profile = office.get_profile()
        self.unit_name = office.unit_name(self.profile)
        self.period = periods.describe(self.start, self.end)

    def element_rows(self) -> list[dict]:
        unit = self.unit
        return [{"number": str(n), "name": e.name, "code": e.code,
                 "average": decimal_text(unit.averages[e.code], 3) if unit.respondents else "-",
                 "converted": decimal_text(unit.averages[e.code] * 25) if unit.respondents
                 else "-"} for n, e in enumerate(ELEMENTS, start=1)]

    def service_rows(self) -> list[dict]:
        return [{"number": str(n), "name": s.name, "respondents": str(r.respondents),
                 "required": str(r.required), "index": decimal_text(r.index),
                 "grade": r.grade, "below": r.below_sample}
                for n, (s, r) in enumerate(self.services, start=1)]

    def respondent_rows(self) -> list[dict]:
        rows = []
        for column, group, labels in (("sex", "Jenis kelamin", SEXES),
                                      ("education", "Pendidikan", EDUCATION),
                                      ("occupation", "Pekerjaan", OCCUPATIONS)):
            counts = self.respondents[column]
            for code, label in list(labels.items()) + [("", "Tidak diisi")]:
                if counts.get(code):
                    rows.append({"group": group, "label": label, "count": str(counts[code])})
        return rows


def chart_png(figures: Figures) -> bytes:
    """The nine element averages as horizontal bars on the 1-4 scale, the lowest in red."""
    import matplotlib

    matplotlib.use("Agg")  # no window: drawn straight into a PNG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    unit = figures.unit
    names = [skm.field_of(e) for e in ELEMENTS][::-1]
    values = [float(unit.averages.get(e.code, 0)) for e in ELEMENTS][::-1]
    lowest = unit.lowest.code if unit.lowest else None
    colours = ["#c0392b" if e.code == lowest else "#1e7a6a" for e in ELEMENTS][::-1]
    figure = Figure(figsize=(7.0, 3.9), dpi=150)
    axes = figure.add_subplot()
    bars = axes.barh(names, values, color=colours)
    axes.set_xlim(1, 4)
    axes.set_xlabel("Nilai rata-rata (1-4)")
    axes.set_title(f"Nilai rata-rata per unsur, {figures.period}", fontsize=10)
    axes.bar_label(bars, labels=[decimal_text(v, 2) for v in values], padding=3, fontsize=8)
    axes.tick_params(labelsize=8)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: decimal_text(x, 1)))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def context(figures: Figures, today: datetime.date) -> dict:
    unit, profile = figures.unit, figures.profile
    values = catalogue.office_context(profile)
    lowest = unit.lowest
    below = [row["name"] for row in figures.service_rows() if row["below"]]
    weak = [s.name for s, r in figures.services if r.grade in ("C", "D")]
    values.update(
        unit_name=figures.unit_name, period=figures.period,
        respondents=str(unit.respondents), population=str(unit.population),
        required=str(unit.required),
        index=decimal_text(unit.index) if unit.index is not None else "-",
        grade=unit.grade or "-", grade_words=unit.grade_words or "belum ada responden",
        sample_note=("; jumlah responden di bawah sampel minimal, sehingga hasilnya belum "
                     "mewakili seluruh penerima layanan" if unit.below_sample else ""),
        elements=figures.element_rows(), services=figures.service_rows(),
        respondent_rows=figures.respondent_rows(),
        lowest=skm.field_of(lowest) if lowest else "-",
        lowest_average=decimal_text(unit.averages[lowest.code], 3) if lowest else "-",
        weak_note=(" Layanan dengan mutu kurang baik atau tidak baik: " + "; ".join(weak)
                   + "." if weak else "")
        + (f" {len(below)} layanan belum mencapai sampel minimal." if below else ""),
        report_date=timefmt.format_date(today), head_name=profile.head_name,
        head_rank=profile.head_rank, head_nip=profile.head_nip)
    return values


def docx(actor, start, end, today: datetime.date | None = None) -> bytes:
    figures = Figures(actor, start, end)
    images = {"chart": chart_png(figures), "emblem": figures.profile.emblem}
    data = render.render_letter("laporan_skm", context(figures, today or timefmt.office_today()),
                                images, template_file=TEMPLATE)
    audit.record(actor, "export", "skm_response", None,
                 new={"laporan": "docx", "periode": figures.period})
    return data


def xlsx(actor, start, end, path) -> None:
    """The workbook: Ringkasan (the unit's elements and a bar chart), Per layanan, Responden."""
    from openpyxl import Workbook  # imported when used: not needed to start Pelita
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    figures = Figures(actor, start, end)
    unit = figures.unit
    book = Workbook()
    sheet = book.active
    sheet.title = "Ringkasan"
    sheet.append([f"Survei Kepuasan Masyarakat {figures.unit_name}"])
    sheet.append([f"Periode {figures.period}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    for label, value in (("Responden", unit.respondents), ("Penerima layanan", unit.population),
                         ("Sampel minimal", unit.required),
                         ("IKM", float(unit.index) if unit.index is not None else None),
                         ("Mutu", f"{unit.grade} ({unit.grade_words})" if unit.grade else "-")):
        sheet.append([label, value])
    sheet.cell(7, 2).number_format = "0.00"
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append(["Unsur", "Nilai rata-rata", "Nilai konversi"])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for element in ELEMENTS:
        average = float(unit.averages[element.code]) if unit.respondents else None
        sheet.append([skm.field_of(element), average, average * 25 if average else None])
        sheet.cell(sheet.max_row, 2).number_format = "0.000"
        sheet.cell(sheet.max_row, 3).number_format = "0.00"
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 16
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Nilai rata-rata per unsur"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 1, 4
    chart.add_data(Reference(sheet, min_col=2, min_row=header_row,
                             max_row=header_row + len(ELEMENTS)), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1,
                                   max_row=header_row + len(ELEMENTS)))
    chart.height, chart.width = 9, 18
    sheet.add_chart(chart, "E3")

    services = book.create_sheet("Per layanan")
    services.append(["Layanan", "Responden", "Penerima layanan", "Sampel minimal", "IKM", "Mutu",
                     "Unsur terendah", "Di bawah sampel"])
    for cell in services[1]:
        cell.font = Font(bold=True)
    for service, result in figures.services:
        services.append([service.name, result.respondents, result.population, result.required,
                         float(result.index), result.grade, skm.field_of(result.lowest),
                         "ya" if result.below_sample else "tidak"])
        services.cell(services.max_row, 5).number_format = "0.00"
    services.freeze_panes = "A2"
    services.column_dimensions["A"].width = 60
    services.column_dimensions["G"].width = 36

    people = book.create_sheet("Responden")
    people.append(["Karakteristik", "Kategori", "Jumlah"])
    for cell in people[1]:
        cell.font = Font(bold=True)
    for row in figures.respondent_rows():
        people.append([row["group"], row["label"], int(row["count"])])
    people.freeze_panes = "A2"
    people.column_dimensions["B"].width = 28
    files.write_beside(path, book.save)
    audit.record(actor, "export", "skm_response", None,
                 new={"laporan": "xlsx", "periode": figures.period})
