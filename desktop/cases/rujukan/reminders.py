"""Tugas Saya: a referral sent and not answered after the set number of days, for the
social worker assigned to it (or who registered it, when nobody was assigned)."""
import datetime

from desktop.cases.rujukan import record as rujukan
from desktop.cases.rujukan.model import ReferralCase
from desktop.models import Application, Institution
from desktop.services.admin import settings
from desktop.services.shared import timefmt


def due(actor, today) -> list:
    from desktop.services.cases.kind import Reminder

    limit = settings.value(rujukan.ANSWER_DAYS)
    mine = ((Application.assigned_to == actor.username)
            | ((Application.assigned_to == "") & (Application.created_by == actor.username)))
    rows = (ReferralCase.select(ReferralCase.sent_on, Application.id, Application.reg_number,
                                Institution.name)
            .join(Application, on=(ReferralCase.application == Application.id))
            .switch(ReferralCase)
            .join(Institution, on=(ReferralCase.institution == Institution.id))
            .where(mine & Application.state.in_(("open", "waiting"))
                   & (ReferralCase.answer == "") & (ReferralCase.outcome == "")
                   & (ReferralCase.sent_on <= today - datetime.timedelta(days=limit)))
            .order_by(ReferralCase.sent_on))
    return [Reminder(f"Rujukan {row.application.reg_number} ke {row.institution.name} belum "
                     f"dijawab sejak {timefmt.format_date(row.sent_on)} "
                     f"({(today - row.sent_on).days} hari)", True, row.application.id)
            for row in rows]
