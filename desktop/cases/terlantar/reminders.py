"""Tugas Saya: a shelter guest on the last night allowed (amber), or past it without an
emergency reason (red), for whoever the case is assigned to or registered it."""
from desktop.cases.terlantar import record as terlantar
from desktop.services.shared import timefmt


def due(actor, today) -> list:
    from desktop.services.cases.kind import Reminder

    now = timefmt.utcnow()
    found = []
    guests = terlantar.current_guests(actor)
    used = terlantar.used_nights_by_case(g.application_id for g in guests) if guests else {}
    for stay in guests:
        app = stay.application
        mine = app.assigned_to == actor.username or (
            not app.assigned_to and app.created_by == actor.username)
        state, words = terlantar.stay_text(stay, now, used.get(stay.application_id, 0))
        if mine and state in ("last", "over"):
            found.append(Reminder(f"Rumah singgah: {app.person.name} ({app.reg_number}), "
                                  f"{words}", state == "over", app.id))
    return found


