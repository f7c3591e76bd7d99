"""Disasters in the SPM recap (PP 2/2018): the people of every household given aid in the
period, counted once however many times it received."""
from peewee import fn

from desktop.cases.bencana.model import DisasterDistribution, DisasterHousehold
from desktop.models import Application


def counts(start, end, visible) -> dict[str, int]:
    served = (DisasterDistribution.select(DisasterDistribution.household)
              .join(Application, on=(Application.id == DisasterDistribution.application))
              .where(DisasterDistribution.given_on.between(start, end)))
    if visible is not None:
        served = served.where(visible)
    members = (DisasterHousehold.infants + DisasterHousehold.children
               + DisasterHousehold.adults + DisasterHousehold.elderly)
    people = (DisasterHousehold.select(fn.SUM(members))
              .where(DisasterHousehold.id.in_(served)).scalar())
    return {"bencana": int(people or 0)}
