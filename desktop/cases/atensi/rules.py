"""The ATENSI service record goes out once assistance was delivered in the year."""
from desktop.cases.atensi import record as atensi
from desktop.cases.atensi.model import AtensiDelivery
from desktop.services.cases.kind import Outcome, Rule, Verdict

SERVICES = atensi.SERVICES


def _delivered(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "penerima manfaat belum ditetapkan Kepala")
    count = AtensiDelivery.select().where(AtensiDelivery.application == application.id).count()
    if not count:
        return Outcome(Verdict.UNKNOWN, "belum ada layanan yang dicatat")
    return Outcome(Verdict.MET, f"{count} layanan tercatat tahun {case.budget_year}")


RULES = (Rule("delivered", "Layanan ATENSI sudah diberikan", _delivered,
              letters=(atensi.TEMPLATE,)),)
