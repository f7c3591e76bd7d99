"""The ABH social report goes out only once its writer has recorded the assessment."""
from desktop.cases.abh import record as abh
from desktop.services.cases.kind import Outcome, Rule, Verdict

SERVICES = ("mgl-abh", "mgt-28-abh")


def _written(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "perkara belum dicatat")
    if not case.assessment:
        return Outcome(Verdict.UNKNOWN, "hasil asesmen dan rekomendasi belum ditulis")
    return Outcome(Verdict.MET, f"ditulis oleh {case.written_by}")


RULES = (Rule("report_written", "Laporan sosial ditulis pekerja sosial", _written,
              letters=(abh.TEMPLATE,)),)
