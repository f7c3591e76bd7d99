"""The grant recommendation's rules, guarding its letter."""
from desktop.cases.hibah import record as grant
from desktop.services.admin import settings
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.letters import formatting
from desktop.services.shared import timefmt

SERVICE = "mgt-01-rekomendasi-hibah"


def _not_consecutive(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "tahun anggaran belum dicatat")
    before = grant.previous_grant(application, case.budget_year)
    if before is None:
        return Outcome(Verdict.MET, f"tidak ada rekomendasi hibah tahun anggaran "
                       f"{case.budget_year - 1}")
    if settings.value(grant.CONSECUTIVE):
        return Outcome(Verdict.MET, f"tahun anggaran {case.budget_year - 1} sudah "
                       f"direkomendasikan ({before.reg_number}); pengaturan kantor "
                       "membolehkan hibah berturut-turut")
    return Outcome(Verdict.NOT_MET, f"tahun anggaran {case.budget_year - 1} sudah "
                   f"direkomendasikan ({before.reg_number}); hibah tidak terus-menerus")


def _verified(application, case) -> Outcome:
    if case is None or case.visit_date is None:
        return Outcome(Verdict.NOT_MET, "verifikasi lapangan belum dicatat")
    if case.visit_result != "layak":
        return Outcome(Verdict.NOT_MET, "hasil verifikasi: tidak layak")
    return Outcome(Verdict.MET, f"layak, {formatting.rupiah(case.recommended)} "
                   f"({timefmt.format_date(case.visit_date)})")


NOT_CONSECUTIVE = Rule("not_consecutive", "Tidak berturut-turut dari tahun sebelumnya",
                       _not_consecutive, letters=(grant.TEMPLATE,))
VERIFIED = Rule("verified", "Verifikasi lapangan layak", _verified, letters=(grant.TEMPLATE,))
RULES = (NOT_CONSECUTIVE, VERIFIED)
