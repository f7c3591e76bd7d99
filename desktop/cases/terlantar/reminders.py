"""Tugas Saya: a shelter guest on the last night allowed (amber), or past it without an
emergency reason (red), for whoever the case is assigned to or registered it."""
from desktop.cases.terlantar import record as terlantar
from desktop.services.shared import timefmt


def due(actor, today) -> list:
    from desktop.services.cases.kind import Reminder

    found = []
    for guest in terlantar.guests(actor, timefmt.utcnow()):
        app = guest.stay.application
        mine = app.assigned_to == actor.username or (
            not app.assigned_to and app.created_by == actor.username)
        if mine and guest.state in ("last", "over"):
            found.append(Reminder(f"Rumah singgah: {app.person.name} ({app.reg_number}), "
                                  f"{guest.words}", guest.state == "over", app.id))
    return found


