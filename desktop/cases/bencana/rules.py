"""The hand-over record goes out once aid has been handed to the assessment's households."""
from desktop.cases.bencana import record as bencana
from desktop.cases.bencana.model import DisasterDistribution
from desktop.services.cases.kind import Outcome, Rule, Verdict

SERVICES = ("mgl-korban-bencana", "mgt-14-bantuan-bencana-sosial", "mgt-15-bantuan-bencana-alam")


def _handed_over(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "kejadian belum dicatat")
    given = DisasterDistribution.select().where(
        DisasterDistribution.application == application.id).count()
    if not given:
        return Outcome(Verdict.UNKNOWN, "belum ada bantuan yang diserahkan kepada rumah tangga "
                       "terdampak")
    return Outcome(Verdict.MET, f"{given} penyerahan bantuan tercatat")


RULES = (Rule("handed_over", "Bantuan diserahkan kepada rumah tangga terdampak", _handed_over,
              letters=(bencana.TEMPLATE,)),)
