"""Referrals in the SPM recap (PP 2/2018): each person the office assessed and referred in
the period (the letter sent or the person taken), by the indicator of their group."""
from peewee import fn

from desktop.cases.rujukan.model import ReferralCase
from desktop.models import Application

INDICATOR = {"disabilitas": "disabilitas", "odgj": "disabilitas", "anak": "anak",
             "lansia": "lansia", "tuna_sosial": "gepeng"}  # tuna susila: no SPM indicator


def counts(start, end, visible) -> dict[str, int]:
    query = (ReferralCase.select(ReferralCase.target_group, fn.COUNT(ReferralCase.id))
             .join(Application, on=(Application.id == ReferralCase.application))
             .where(ReferralCase.sent_on.between(start, end))
             .group_by(ReferralCase.target_group))
    if visible is not None:
        query = query.where(visible)
    result: dict[str, int] = {}
    for group, count in query.tuples():
        if group in INDICATOR:
            result[INDICATOR[group]] = result.get(INDICATOR[group], 0) + count
    return result
