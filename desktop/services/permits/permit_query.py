"""The permit cases as lists, one kind at a time: a page of rows and the count, each one
query (a page of PUB rows reads its reports with one more), for the roles that read them."""
import datetime
from dataclasses import dataclass

from peewee import JOIN

from desktop.cases.hibah.model import GrantCase
from desktop.cases.pub import record as pub
from desktop.cases.pub.model import CollectionCase
from desktop.cases.undian import record as raffle
from desktop.cases.undian.model import RaffleCase
from desktop.models import Application, Organisation, Person
from desktop.services.admin import settings
from desktop.services.applications import case_access
from desktop.services.shared import permissions, timefmt

KINDS = {"pub": "Pengumpulan uang atau barang", "undian": "Undian gratis berhadiah",
         "hibah": "Rekomendasi hibah"}
MODELS = {"pub": CollectionCase, "undian": RaffleCase, "hibah": GrantCase}
# Only what a row shows: whole records cost more to build than the query takes.
COLUMNS = {"pub": ("purpose", "target", "period_start", "period_end", "extension_end"),
           "undian": ("raffle_name", "prizes", "period_start", "period_end", "draw_date",
                      "handover_end", "report_received_on"),
           "hibah": ("purpose", "requested", "recommended", "budget_year", "visit_date",
                     "visit_result")}


@dataclass(frozen=True)
class PermitRow:
    id: int  # the application's
    reg_number: str
    state: str  # the application's
    applicant: str  # the organisation, or the person who applied for it
    summary: str
    amount: int | None
    period: str
    owed: str  # what it still owes, or ""
    urgent: bool


def _base(actor, kind: str, columns=None):
    permissions.require(actor, "applications.view")
    if kind not in MODELS:
        raise ValueError(f"unknown permit kind {kind!r}")
    model = MODELS[kind]
    fields = columns if columns is not None else [model.id]
    query = (model.select(*fields)
             .join(Application, on=(model.application == Application.id))
             .join(Organisation, JOIN.LEFT_OUTER,
                   on=(Application.organisation == Organisation.id), attr="org_row")
             .switch(Application)
             .join(Person, JOIN.LEFT_OUTER, on=(Application.person == Person.id),
                   attr="person_row"))
    visible = case_access.visible(actor)
    return query.where(visible) if visible is not None else query


def count(actor, kind: str) -> int:
    return _base(actor, kind).count()


def page(actor, kind: str, offset: int = 0, limit: int = 100,
         today: datetime.date | None = None) -> list[PermitRow]:
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    model = MODELS[kind]
    columns = [model.id, model.application] + [getattr(model, c) for c in COLUMNS[kind]] + [
        Application.id, Application.reg_number, Application.state, Organisation.name,
        Person.name]
    query = (_base(actor, kind, columns)
             .order_by(Application.received_at.desc(), Application.id.desc())
             .offset(offset).limit(limit))
    rows = list(query)
    return {"pub": _pub_rows, "undian": _raffle_rows, "hibah": _grant_rows}[kind](rows, today)


def _head(case) -> dict:
    app = case.application  # the applicant joined: no query per row
    who = getattr(app, "org_row", None) or getattr(app, "person_row", None)
    return dict(id=app.id, reg_number=app.reg_number, state=app.state,
                applicant=getattr(who, "name", None) or "-")


def _span(start: datetime.date, end: datetime.date) -> str:
    return f"{timefmt.short_date(start)} – {timefmt.short_date(end)}"


def _pub_rows(cases, today) -> list[PermitRow]:
    ids = [c.application_id for c in cases]
    reports = pub._reports_of(ids)
    given = pub.issued_among({c.application_id: c.application.state for c in cases})
    grace = settings.value(pub.REPORT_DAYS)
    rows = []
    for case in cases:
        dues = pub.dues(case, reports.get(case.application_id, {}), grace) \
            if case.application_id in given else []
        late = [d for d in dues if d.state(today) == "tertunggak"]
        waiting = [d for d in dues if d.state(today) == "ditunggu"]
        owed = (f"Laporan s.d. {timefmt.short_date(late[0].due_on)} lewat batas" if late
                else f"Laporan s.d. {timefmt.short_date(waiting[0].due_on)}, batas "
                     f"{timefmt.short_date(waiting[0].deadline())}" if waiting else "")
        rows.append(PermitRow(**_head(case), summary=case.purpose, amount=case.target,
                              period=_span(case.period_start, pub.period_end(case)),
                              owed=owed, urgent=bool(late)))
    return rows


def _raffle_rows(cases, today) -> list[PermitRow]:
    grace = datetime.timedelta(days=settings.value(raffle.REPORT_DAYS))
    rows = []
    for case in cases:
        owed, urgent = "", False
        if case.report_received_on is None:
            if case.handover_end is None:
                owed = f"Penarikan {timefmt.short_date(case.draw_date)}"
            else:
                deadline = case.handover_end + grace
                urgent = deadline < today
                owed = f"Laporan {'lewat batas' if urgent else 'batas'} " \
                       f"{timefmt.short_date(deadline)}"
        rows.append(PermitRow(**_head(case), summary=case.raffle_name,
                              amount=raffle.prize_total(case),
                              period=_span(case.period_start, case.period_end), owed=owed,
                              urgent=urgent))
    return rows


def _grant_rows(cases, today) -> list[PermitRow]:
    rows = []
    for case in cases:
        owed = "" if case.visit_date else "Verifikasi lapangan belum dicatat"
        if case.visit_date and case.visit_result != "layak":
            owed = "Tidak layak"
        rows.append(PermitRow(**_head(case), summary=case.purpose,
                              amount=case.recommended or case.requested,
                              period=f"TA {case.budget_year}", owed=owed, urgent=False))
    return rows

