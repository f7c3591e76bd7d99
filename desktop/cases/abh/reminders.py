"""Tugas Saya for the assigned social worker: each ABH clock due soon or overdue, the child
named by initials only (UU SPPA Pasal 19)."""
from desktop.cases.abh import clocks
from desktop.cases.abh.model import AbhCase, AbhEvent
from desktop.models import Application, Person, utcnow
from desktop.services.admin import settings
from desktop.services.shared import timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.initials import initials


def due(actor, today) -> list:
    from desktop.services.cases.kind import Reminder

    now, soon = utcnow(), settings.value(clocks.DUE_SOON)
    rows = list(Application.select(Application.id, Application.reg_number, Person.name,
                                   Person.birth_date, AbhCase)
                .join(AbhCase, on=(AbhCase.application == Application.id), attr="abh")
                .switch(Application).join(Person, on=(Application.person == Person.id))
                .where((Application.assigned_to == actor.username)
                       & (Application.state.in_(("open", "waiting")))
                       & Application.due_soon_at.is_null(False)
                       & (Application.due_soon_at <= now)))
    if not rows:
        return []
    events = {}
    for event in AbhEvent.select().where(AbhEvent.application.in_([r.id for r in rows])) \
            .order_by(AbhEvent.at, AbhEvent.id):
        events.setdefault(event.application_id, []).append(event)
    found = []
    for row in rows:
        age = age_on(row.person.birth_date, row.abh.offence_date) \
            if row.person.birth_date else None
        for clock in clocks.clocks(row.abh, events.get(row.id, []), age):
            state = clock.state(now, soon)
            if clock.done is None and state in ("segera", "terlambat"):
                found.append(Reminder(
                    f"{clock.label} {initials(row.person.name)} ({row.reg_number}): tenggat "
                    f"{timefmt.format_local(clock.due)}, {clocks.left_text(clock, now)}",
                    state == "terlambat", row.id))
    return found
