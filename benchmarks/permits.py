"""`permits_open`: Izin dan Rekomendasi's PUB list, first screenful painted, against the raw
indexed query into a bare QTableView, in the same run, on the demo's collections."""
from PySide6.QtWidgets import QApplication

from benchmarks.applications import QueryCounter, _bare_table, _close, _compare, _paint
from desktop.models import User
from desktop.views.shell.session import Session

PAGE = 100
PERMITS_SQL = """
SELECT a.id, a.reg_number, o.name, c.purpose, c.target, c.period_start, c.period_end, a.state
FROM collection_case c JOIN application a ON a.id = c.application_id
LEFT JOIN organisation o ON o.id = a.organisation_id
ORDER BY a.received_at DESC, a.id DESC LIMIT {limit}
"""


def run(repeats: int = 7, suffix: str = "") -> dict:
    from desktop.views.permits.permits_page import PermitsPage

    QApplication.instance() or QApplication([])
    session = Session(User.get(User.username == "layanan"), "benchmark", "")

    def open_permits():
        page = PermitsPage(session)
        _paint(page)
        return page

    counter = QueryCounter()
    with counter.counting():
        _close(open_permits())
    return _compare("permits_open" + suffix, open_permits,
                    lambda: _bare_table(PERMITS_SQL.format(limit=PAGE)), repeats,
                    queries=counter.count)
