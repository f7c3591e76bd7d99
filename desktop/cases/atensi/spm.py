"""ATENSI in the SPM recap (PP 2/2018): each beneficiary given assistance in the period, by
cluster: neglected elderly and people with disabilities, served outside institutions."""
from peewee import fn

from desktop.cases.atensi.model import AtensiCase, AtensiDelivery
from desktop.models import Application


def counts(start, end, visible) -> dict[str, int]:
    query = (AtensiDelivery.select(AtensiCase.cluster,
                                   fn.COUNT(fn.DISTINCT(AtensiDelivery.application)))
             .join(AtensiCase, on=(AtensiCase.application == AtensiDelivery.application))
             .join(Application, on=(Application.id == AtensiDelivery.application))
             .where(AtensiDelivery.delivered_on.between(start, end))
             .group_by(AtensiCase.cluster))
    if visible is not None:
        query = query.where(visible)
    return {cluster: count for cluster, count in query.tuples()}
