"""The PUB's rules, shown on its case and guarding its recommendation."""
from desktop.cases.pub import record as pub
from desktop.services.admin import settings
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.shared import timefmt

SERVICE = "mgt-02-izin-pengumpulan-uang-barang"


def _organiser(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "data pengumpulan belum dicatat")
    return Outcome(Verdict.MET, f"{pub.ORGANISERS[case.organiser_form].lower()}, SK "
                   f"{case.legal_number}")


def _costs(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "rencana biaya belum dicatat")
    percent = pub.cost_percent(case)
    if case.disaster:
        return Outcome(Verdict.MET, f"{percent}% (pengumpulan untuk korban bencana)")
    most = settings.value(pub.COST_PERCENT)
    return Outcome(Verdict.MET if percent <= most else Verdict.NOT_MET,
                   f"{percent}% dari target (paling banyak {most}%)")


def _reports_elsewhere(application, case) -> Outcome:
    late = pub.overdue_elsewhere(application)
    if late:
        number, due = late[0]
        return Outcome(Verdict.NOT_MET, f"laporan pengumpulan {number} (periode s.d. "
                       f"{timefmt.format_date(due.due_on)}) belum masuk, lewat batas "
                       f"{timefmt.format_date(due.deadline())}"
                       + (f" dan {len(late) - 1} laporan lain" if len(late) > 1 else ""))
    return Outcome(Verdict.MET, "tidak ada laporan pengumpulan lain yang tertunggak")


ORGANISER = Rule("organiser", "Penyelenggara perkumpulan atau yayasan berbadan hukum",
                 _organiser, letters=pub.TEMPLATES)
COSTS = Rule("costs", "Biaya pengumpulan dalam batas persen hasil", _costs,
             letters=pub.TEMPLATES)
REPORTS = Rule("reports", "Laporan pengumpulan sebelumnya sudah masuk", _reports_elsewhere,
               letters=pub.TEMPLATES)
RULES = (ORGANISER, COSTS, REPORTS)
