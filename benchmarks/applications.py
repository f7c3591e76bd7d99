"""`list_open`, `search_nik`, `search_name`, `detail_open`: Pelita's screens against the plainest
way to show the same rows (the raw indexed SQL into a QStandardItemModel in a bare QTableView,
or plain labels in a form), in the same process and run.
"""
import statistics
import time
from contextlib import contextmanager

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QTableView, QWidget

from desktop.models import Application, Person, User, db
from desktop.views.shell import workers
from desktop.views.shell.session import Session

WIDTH, HEIGHT = 1280, 800
PAGE = 100  # the list's first page; more than one screenful

LIST_SQL = """
SELECT a.id, a.reg_number, a.received_at, s.name, COALESCE(p.name, o.name), p.nik,
       a.current_step, a.state, a.due_at
FROM application a JOIN service s ON s.id = a.service_id
LEFT JOIN person p ON p.id = a.person_id
LEFT JOIN organisation o ON o.id = a.organisation_id
{where}
ORDER BY a.received_at DESC, a.id DESC LIMIT {limit}
"""


class QueryCounter:
    def __init__(self):
        self.count = 0

    @contextmanager
    def counting(self):
        database = db.obj
        original = database.execute_sql

        def counted(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        database.execute_sql = counted
        try:
            yield self
        finally:
            database.execute_sql = original


def _paint(widget) -> None:
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    QApplication.processEvents()


def _settle() -> None:
    """Let work a screen started after its first paint (workers.after_paint) run to the end."""
    for _ in range(3):
        QApplication.processEvents()
        workers.wait_for_all()
    QApplication.processEvents()


def _close(widget) -> None:
    _settle()
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()


def _model(rows, view) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), 9, view)  # owned by the view, as a page owns its own
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    return model


def _bare_table(sql: str, params=()) -> QTableView:
    view = QTableView()
    view.setModel(_model(db.execute_sql(sql, params).fetchall(), view))
    _paint(view)
    return view


def _timed(build):
    started = time.perf_counter()
    widget = build()
    elapsed = time.perf_counter() - started
    _close(widget)
    return elapsed


def _compare(name, subject, baseline, repeats, queries=None):
    subject_times, baseline_times = [], []
    _timed(subject)
    _timed(baseline)
    for _ in range(repeats):
        subject_times.append(_timed(subject))
        baseline_times.append(_timed(baseline))
    value, base = statistics.median(subject_times), statistics.median(baseline_times)
    figure = {"value": round(value * 1000, 2), "unit": "ms", "baseline": round(base * 1000, 2),
              "ratio": round(value / base, 3), "repeats": repeats}
    if queries is not None:
        figure["queries"] = queries
    return {name: figure}


def _prefix_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def run(repeats: int = 7, suffix: str = "") -> dict:
    from desktop.views.applications.application_detail import ApplicationDetailDialog
    from desktop.views.applications.applications_page import ApplicationsPage
    from desktop.views.shell.app import configure_qt

    configure_qt()  # the screens are measured as the app shows them (baselines share it)
    app = QApplication.instance() or QApplication([])  # noqa: F841
    user = User.get(User.username == "layanan")
    session = Session(user, "benchmark", "")
    param = "%s" if not isinstance(db.obj, __import__("peewee").SqliteDatabase) else "?"
    results = {}

    def open_list():
        page = ApplicationsPage(session)
        _paint(page)
        return page

    counter = QueryCounter()
    with counter.counting():
        _close(open_list())
    results.update(_compare("list_open" + suffix, open_list,
                            lambda: _bare_table(LIST_SQL.format(where="", limit=PAGE)), repeats,
                            queries=counter.count))

    sample = Person.select().order_by(Person.id).offset(Person.select().count() // 2).first()
    nik_prefix, name_prefix = sample.nik[:8], sample.name_key[:4]
    page = open_list()
    bare = _bare_table(LIST_SQL.format(where="", limit=PAGE))  # both searches repaint an open view
    for label, prefix, column in (("search_nik", nik_prefix, "p.nik"),
                                  ("search_name", name_prefix, "p.name_key")):
        def search(prefix=prefix):
            page.search_edit.setText(prefix)
            page.apply_filter()
            QApplication.processEvents()
            return _Nothing()

        low, high = _prefix_range(prefix)
        where = (f"WHERE a.person_id IN (SELECT p.id FROM person p WHERE {column} >= {param} "
                 f"AND {column} < {param})")
        counter = QueryCounter()
        with counter.counting():
            search()
            _settle()
        def bare_search(where=where, low=low, high=high):
            rows = db.execute_sql(LIST_SQL.format(where=where, limit=PAGE), (low, high)).fetchall()
            old = bare.model()
            bare.setModel(_model(rows, bare))
            old.deleteLater()
            QApplication.processEvents()
            return _Nothing()

        results.update(_compare(label + suffix, search, bare_search, repeats,
                                queries=counter.count))
    _close(page)
    _close(bare)
    results.update(_people_search(session, name_prefix, param, repeats, suffix))

    busiest = (Application.select().where(Application.state == "open")
               .order_by(Application.current_step.desc(), Application.id).first())

    def open_detail():
        dialog = ApplicationDetailDialog(session, busiest.id)
        _paint(dialog)
        return dialog

    def bare_detail():
        form = QWidget()
        layout = QFormLayout(form)
        header = db.execute_sql(
            f"SELECT a.reg_number, a.state, a.received_at, a.due_at, s.name, p.name, p.nik, "
            f"p.street, p.phone FROM application a JOIN service s ON s.id = a.service_id "
            f"LEFT JOIN person p ON p.id = a.person_id WHERE a.id = {param}",
            (busiest.id,)).fetchone()
        for value in header:
            layout.addRow(QLabel("Data"), QLabel(str(value)))
        for sql in ("SELECT position, text, state, note FROM requirement_check "
                    f"WHERE application_id = {param} ORDER BY position",
                    "SELECT number, text, actor FROM service_step WHERE service_id = "
                    f"(SELECT service_id FROM application WHERE id = {param}) ORDER BY number",
                    "SELECT step_number, action, username, at, comment FROM step_event "
                    f"WHERE application_id = {param} ORDER BY at, id"):
            for row in db.execute_sql(sql, (busiest.id,)).fetchall():
                layout.addRow(QLabel(str(row[0])), QLabel(" · ".join(map(str, row[1:]))))
        _paint(form)
        return form

    counter = QueryCounter()
    with counter.counting():
        _close(open_detail())
    results.update(_compare("detail_open" + suffix, open_detail, bare_detail, repeats,
                            queries=counter.count))
    return results


def _people_search(session, prefix: str, param: str, repeats: int, suffix: str) -> dict:
    """Data Pemohon: a name prefix searched as the front office, who may not see the people
    named only by sensitive cases (an adopted child, a COTA), against the bare prefix scan."""
    from PySide6.QtWidgets import QListWidget

    from desktop.views.applications.people_page import PeoplePage

    page = PeoplePage(session)
    _paint(page)
    listing = QListWidget()
    _paint(listing)

    def search():
        page.search_edit.setText(prefix)
        page.search()
        QApplication.processEvents()
        return _Nothing()

    low, high = _prefix_range(prefix)

    def bare_search():
        rows = db.execute_sql(
            f"SELECT id, nik, name, birth_date FROM person WHERE name_key >= {param} AND "
            f"name_key < {param} ORDER BY name_key LIMIT 50", (low, high)).fetchall()
        listing.clear()
        listing.addItems([f"{r[2]} · {r[1]}" for r in rows])
        QApplication.processEvents()
        return _Nothing()

    counter = QueryCounter()
    with counter.counting():
        search()
    found = _compare("people_search" + suffix, search, bare_search, repeats,
                     queries=counter.count)
    _close(page)
    _close(listing)
    return found


class _Nothing:
    """A search repaints the open page: nothing new to close."""

    def close(self):
        pass

    def deleteLater(self):
        pass
