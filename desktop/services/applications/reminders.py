"""Tugas Saya's reminders beside the applications at the user's step: Tanda Daftar LKS
running out, and what each case kind says is owed (reports past their deadline, permits
ending). Each source is a constant number of queries."""
import datetime

from desktop.services.admin import settings
from desktop.services.cases import registry
from desktop.services.cases.kind import Reminder
from desktop.services.lks import registry_query
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import permissions, timefmt

LKS_SHOWN = 10


def for_user(actor, today: datetime.date | None = None) -> list[Reminder]:
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    found = []
    if permissions.can(actor, "lks.register"):
        found += _lks(actor, today)
    for kind in registry.KINDS.values():
        if kind.reminders is not None and "record" in kind.permissions and kind.can(actor,
                                                                                  "record"):
            found += kind.reminders(actor, today)
    return sorted(found, key=lambda r: not r.urgent)


def _lks(actor, today: datetime.date) -> list[Reminder]:
    warn = settings.get("lks.warn_days")
    soon = LksFilter(expiring_within=warn)
    rows = registry_query.page(actor, soon, sort="until", limit=LKS_SHOWN, today=today,
                               warn_days=warn)
    reminders = [Reminder(f"Tanda Daftar {row.name} berakhir "
                          f"{timefmt.format_date(row.registered_until)}: ingatkan untuk "
                          "memperpanjang",
                          (row.registered_until - today).days <= 30) for row in rows]
    if len(rows) == LKS_SHOWN:
        total = registry_query.count(actor, soon, today=today, warn_days=warn)
        if total > LKS_SHOWN:
            reminders.append(Reminder(f"… dan {total - LKS_SHOWN} LKS lain (Daftar LKS, status "
                                      "Segera habis)", False))
    return reminders
