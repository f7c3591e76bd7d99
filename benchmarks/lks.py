"""`lks_registry_open` and `expiring_list`: Daftar LKS among 20,000 organisations, first
screenful painted, against the raw indexed query into a bare QTableView, in the same run."""
import datetime
import random

from PySide6.QtWidgets import QApplication

from benchmarks.applications import (QueryCounter, _bare_table, _close, _compare, _model,
                                     _Nothing, _paint, _settle)
from desktop.models import Lks, Organisation, User, db, utcnow
from desktop.services.applications.people import name_key
from desktop.views.shell.session import Session

ORGANISATIONS = 20_000
PAGE = 100

REGISTRY_SQL = """
SELECT l.id, o.name, l.legal_status, l.fields, l.kecamatan, l.registration_number,
       l.registered_until, l.revoked, l.accreditation
FROM lks l JOIN organisation o ON o.id = l.organisation_id
{where} ORDER BY {order} LIMIT {limit}
"""


def ensure_organisations(count: int = ORGANISATIONS) -> None:
    """Top the database up to `count` organisations, each an LKS (the demo makes a few)."""
    from desktop.services.demo import lks_demo

    have = Organisation.select().count()
    if have < count:
        now = utcnow()
        rows = [(now, "bench", now, "bench", 1, f"Yayasan Sejahtera {i:05d}", "Yayasan",
                 "Jl. Pemuda", name_key(f"Yayasan Sejahtera {i:05d}"))
                for i in range(have, count)]
        fields = [Organisation.created_at, Organisation.created_by, Organisation.updated_at,
                  Organisation.updated_by, Organisation.version, Organisation.name,
                  Organisation.legal_form, Organisation.address, Organisation.name_key]
        with db.atomic():
            for start in range(0, len(rows), 1000):
                Organisation.insert_many(rows[start:start + 1000], fields=fields).execute()
    registered = {oid for (oid,) in Lks.select(Lks.organisation).tuples()}
    missing = [oid for (oid,) in Organisation.select(Organisation.id).order_by(Organisation.id)
               .tuples() if oid not in registered]
    if missing:
        lks_demo.fill_lks(random.Random(20), missing, datetime.date.today())
    from desktop.services.shell import schema

    schema.refresh_statistics()


def run(repeats: int = 7, suffix: str = "") -> dict:
    from desktop.views.lks.registry_page import LksRegistryPage

    ensure_organisations()
    QApplication.instance() or QApplication([])
    session = Session(User.get(User.username == "layanan"), "benchmark", "")
    param = "?" if isinstance(db.obj, __import__("peewee").SqliteDatabase) else "%s"
    results = {}

    def open_registry():
        page = LksRegistryPage(session)
        _paint(page)
        return page

    counter = QueryCounter()
    with counter.counting():
        _close(open_registry())
    results.update(_compare(
        "lks_registry_open" + suffix, open_registry,
        lambda: _bare_table(REGISTRY_SQL.format(where="", order="o.name_key, l.id", limit=PAGE)),
        repeats, queries=counter.count))

    today = datetime.date.today()
    soon = today + datetime.timedelta(days=90)

    # On the open register, the state filter set to "segera habis": the list staff call
    # through (the page re-reads the first screenful and recounts).
    page = open_registry()
    bare = _bare_table(REGISTRY_SQL.format(where="", order="o.name_key, l.id", limit=PAGE))
    expiring = page.state_combo.findData("segera_habis")

    def show_expiring():
        page.state_combo.blockSignals(True)
        page.state_combo.setCurrentIndex(0)
        page.state_combo.blockSignals(False)
        page.state_combo.setCurrentIndex(expiring)
        QApplication.processEvents()
        return _Nothing()

    where = (f"WHERE l.revoked = {param} AND l.registered_until >= {param} "
             f"AND l.registered_until < {param}")
    sql = REGISTRY_SQL.format(where=where, order="l.registered_until, o.name_key, l.id",
                              limit=PAGE)

    def bare_expiring():
        rows = db.execute_sql(sql, (False, today, soon)).fetchall()
        old = bare.model()
        bare.setModel(_model(rows, bare))
        old.deleteLater()
        QApplication.processEvents()
        return _Nothing()

    counter = QueryCounter()
    with counter.counting():
        show_expiring()
        _settle()
    results.update(_compare("expiring_list" + suffix, show_expiring, bare_expiring, repeats,
                            queries=counter.count))
    _close(page)
    _close(bare)
    return results
