"""The head's figures, each against a baseline in the same run:

- `dashboard_open`: the kepala's Beranda painted with real figures (tiles, sections, the
  twelve months' charts), against the same aggregate queries run raw and shown in plain
  labels (target ≤ 1.5). Ended months come from kept figures in both; the chart image is
  drawn once per set of figures, and `chart_drawn_ms` is an opening that draws it.
- `monthly_report`: one month's recap (services.reports.recap), against the raw GROUP BY of
  its per-service outcomes.
- `xlsx_export`: the period's applications to xlsx (services.reports.export), against bare
  openpyxl write-only of the same cells from one raw query (target ≤ 1.2); the export's and
  the baseline's peak Python memory (tracemalloc, measured in a separate run) beside it.
"""
import datetime
import os
import tempfile
import time
import tracemalloc

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from benchmarks.applications import QueryCounter, _compare, _Nothing, _paint, _settle
from desktop.models import Application, User, db
from desktop.services.reports import dashboard, export, recap
from desktop.services.shared import timefmt
from desktop.views.shell.session import Session

EXPORT_ROWS = 100_000


def _param() -> str:
    from peewee import SqliteDatabase

    return "?" if isinstance(db.obj, SqliteDatabase) else "%s"


def _raw_dashboard_labels(user) -> QWidget:
    """The dashboard's figures from plain SQL, shown in labels."""
    p = _param()
    now = timefmt.utcnow()
    today = timefmt.to_local(now).date()
    tomorrow = timefmt.to_utc(datetime.datetime.combine(today + datetime.timedelta(days=1),
                                                        datetime.time()))
    month_start = timefmt.to_utc(datetime.datetime.combine(today.replace(day=1),
                                                           datetime.time()))
    year_start = datetime.date(today.year, 1, 1)
    queries = [
        (f"SELECT s.category, SUM(CASE WHEN a.due_at < {p} THEN 1 ELSE 0 END), COUNT(a.id) "
         f"FROM application a JOIN service s ON s.id = a.service_id WHERE a.state = 'open' "
         f"AND a.due_at < {p} GROUP BY s.category", (now, tomorrow)),
        ("SELECT state, COUNT(id) FROM letter WHERE state IN ('waiting_paraf', "
         "'waiting_signature') GROUP BY state", ()),
        (f"SELECT COUNT(id) FROM letter WHERE state = 'waiting_signature' AND signer_id = {p}",
         (user.id,)),
        (f"SELECT COUNT(id) FROM hearse_booking WHERE start_at < {p} AND end_at > {p} AND "
         "state <> 'cancelled'", (tomorrow, now)),
        (f"SELECT COUNT(id) FROM clinic_request WHERE start_at < {p} AND end_at > {p} AND "
         "state <> 'cancelled'", (tomorrow, now)),
        ("SELECT id, kind, received_on, verified_on, followed_up_on, file_complete_on, "
         "resolved_on FROM complaint WHERE state IN ('diterima', 'diverifikasi', "
         "'ditindaklanjuti') AND kind = 'pengaduan' ORDER BY received_at DESC LIMIT 500", ()),
        ("SELECT COUNT(id), " + ", ".join(f"SUM(u{n})" for n in range(1, 10))
         + f" FROM skm_response WHERE responded_on BETWEEN {p} AND {p}", (year_start, today)),
        (f"SELECT COUNT(id) FROM application WHERE received_at >= {p}", (month_start,)),
        ("SELECT year, month, received, completed, on_time FROM monthly_figure WHERE "
         f"scope = {p}", (dashboard.scope_of(user),)),
        (f"SELECT COUNT(id), SUM(CASE WHEN due_at IS NULL OR closed_at <= due_at THEN 1 ELSE 0 "
         f"END) FROM application WHERE state = 'completed' AND closed_at >= {p}",
         (month_start,)),
    ]
    widget = QWidget()
    layout = QVBoxLayout(widget)
    for sql, params in queries:
        rows = db.execute_sql(sql, params).fetchall()
        layout.addWidget(QLabel("; ".join(" ".join(str(v) for v in row) for row in rows)))
    _paint(widget)
    return widget


def _dashboard(repeats: int, suffix: str) -> dict:
    from desktop.views.shell.home_page import HomePage

    user = User.get(User.username == "kadis")
    session = Session(user, "benchmark", "")
    dashboard.months(user, timefmt.office_today())  # the ended months kept, as after day one

    def beranda():
        page = HomePage(session)
        _paint(page)
        while page.work_panel is None or page.work_panel.board is None:
            _settle()  # the panel is built after the first frame, its figures come after
        return page

    counter = QueryCounter()
    with counter.counting():
        beranda().close()
    figure = _compare("dashboard_open" + suffix, beranda, lambda: _raw_dashboard_labels(user),
                      repeats, queries=counter.count)
    # The first opening after the figures change draws the chart with matplotlib.
    from desktop.views.reports import dashboard_panel

    dashboard_panel.months_chart.cache_clear()
    started = time.perf_counter()
    beranda().close()
    figure["dashboard_open" + suffix]["chart_drawn_ms"] = round(
        (time.perf_counter() - started) * 1000, 1)
    return figure


def _last_full_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end


def _monthly(repeats: int, suffix: str) -> dict:
    user = User.get(User.username == "kadis")
    start, end = _last_full_month(timefmt.office_today())
    p = _param()
    first = timefmt.to_utc(datetime.datetime.combine(start, datetime.time()))
    after = timefmt.to_utc(datetime.datetime.combine(end + datetime.timedelta(days=1),
                                                     datetime.time()))

    def report():
        recap.recap(user, start, end)
        return _Nothing()

    def raw():
        db.execute_sql(f"SELECT service_id, state, COUNT(id) FROM application WHERE "
                       f"received_at >= {p} AND received_at < {p} GROUP BY service_id, state",
                       (first, after)).fetchall()
        return _Nothing()

    return _compare("monthly_report" + suffix, report, raw, repeats)


def _export_period() -> tuple[datetime.date, datetime.date]:
    """The days holding the latest EXPORT_ROWS applications (all of a 100,000 demo)."""
    newest = Application.select(Application.received_at).order_by(
        Application.received_at.desc()).offset(EXPORT_ROWS - 1).limit(1).scalar()
    oldest = newest or Application.select(Application.received_at).order_by(
        Application.received_at).limit(1).scalar()
    return timefmt.to_local(oldest).date(), timefmt.office_today()


def _bare_xlsx(start, end, path) -> int:
    from openpyxl import Workbook

    first = timefmt.to_utc(datetime.datetime.combine(start, datetime.time()))
    after = timefmt.to_utc(datetime.datetime.combine(end + datetime.timedelta(days=1),
                                                     datetime.time()))
    p = _param()
    rows = db.execute_sql(
        "SELECT a.reg_number, a.received_at, s.name, a.channel, a.state, a.closed_at, "
        "a.due_at, p.kelurahan, p.kecamatan, p.sex, p.birth_date FROM application a "
        "JOIN service s ON s.id = a.service_id LEFT JOIN person p ON p.id = a.person_id "
        f"WHERE a.received_at >= {p} AND a.received_at < {p} ORDER BY a.id",
        (first, after)).fetchall()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Permohonan")
    sheet.append(list(export.ROW_HEADERS))
    for row in rows:  # the same cells: timestamps as datetimes (SQLite gives their text)
        row = list(row)
        for i in (1, 5, 6):
            if isinstance(row[i], str):
                row[i] = datetime.datetime.fromisoformat(row[i])
        sheet.append(row + [None])
    book.save(path)
    return len(rows)


def _peak_mb(call) -> float:
    tracemalloc.start()
    try:
        call()
        return round(tracemalloc.get_traced_memory()[1] / 2 ** 20, 1)
    finally:
        tracemalloc.stop()


def _xlsx(repeats: int, suffix: str) -> dict:
    user = User.get(User.username == "kadis")
    start, end = _export_period()
    folder = tempfile.mkdtemp(prefix="pelita-bench-xlsx-")
    ours, bare = os.path.join(folder, "export.xlsx"), os.path.join(folder, "bare.xlsx")
    rows = export.applications_xlsx(user, start, end, ours)

    def exported():
        export.applications_xlsx(user, start, end, ours)
        return _Nothing()

    def baseline():
        _bare_xlsx(start, end, bare)
        return _Nothing()

    figure = _compare("xlsx_export" + suffix, exported, baseline, max(1, min(repeats, 3)))
    figure["xlsx_export" + suffix].update(
        rows=rows, peak_mb=_peak_mb(lambda: export.applications_xlsx(user, start, end, ours)),
        baseline_peak_mb=_peak_mb(lambda: _bare_xlsx(start, end, bare)))
    return figure


def run(repeats: int = 5, suffix: str = "") -> dict:
    from desktop.views.shell.app import configure_qt

    configure_qt()
    QApplication.instance() or QApplication([])
    results = _dashboard(repeats, suffix)
    results.update(_monthly(repeats, suffix))
    results.update(_xlsx(repeats, suffix))
    return results
