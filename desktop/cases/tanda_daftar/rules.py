"""The Tanda Daftar's rules: the Magelang procedure's six steps, each waiting for what it
needs (Permensos 184/2011: verification by the technical team before the certificate)."""
from desktop.cases.tanda_daftar import record as case_record
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.lks import registrations
from desktop.services.shared import timefmt

SERVICE = "mgl-tanda-daftar-lks"
# Magetan recommends the registration (its FAQ lists no steps): the same data and visit.
RECOMMENDATION = "mgt-04-rekomendasi-terdaftar-lks"
CHECK_STEP, VISIT_STEP, MAKE_STEP, ISSUE_STEP = 2, 4, 5, 6


def _lks_known(application, record) -> Outcome:
    if record is None:
        return Outcome(Verdict.NOT_MET, "LKS yang mendaftar belum dipilih dari Daftar LKS")
    if record.kind == "perpanjangan":
        if not registrations.history(record.lks):
            return Outcome(Verdict.NOT_MET, "perpanjangan tanpa Tanda Daftar sebelumnya")
        if not record.activity_report:
            return Outcome(Verdict.NOT_MET, "laporan kegiatan belum diterima (syarat "
                           "perpanjangan)")
    return Outcome(Verdict.MET, f"{record.lks.organisation.name}, "
                   f"{registrations.KINDS[record.kind].lower()}")


def _visited(application, record) -> Outcome:
    if record is None or record.visit_date is None:
        return Outcome(Verdict.NOT_MET, "hasil kunjungan tim teknis belum dicatat")
    return Outcome(Verdict.MET, f"dikunjungi, hasil: "
                   f"{case_record.RESULTS[record.visit_result].lower()}")


def _feasible(application, record) -> Outcome:
    if record is None or record.visit_date is None:
        return Outcome(Verdict.UNKNOWN, "menunggu hasil kunjungan tim teknis")
    if record.visit_result != "layak":
        return Outcome(Verdict.NOT_MET, "tim teknis menilai tidak layak")
    return Outcome(Verdict.MET, "layak")


def _validity(application, record) -> Outcome:
    if record is None or record.valid_from is None or record.valid_until is None:
        return Outcome(Verdict.NOT_MET, "masa berlaku Tanda Daftar belum ditetapkan")
    return Outcome(Verdict.MET, f"sampai {timefmt.format_date(record.valid_until)}")


def _entered(application, record) -> Outcome:
    found = case_record.entry(application)
    if found is None:
        return Outcome(Verdict.NOT_MET, "Tanda Daftar yang ditandatangani belum dicatat di "
                       "Daftar LKS")
    return Outcome(Verdict.MET, f"tercatat nomor {found.number}")


LKS_KNOWN = Rule("lks_known", "LKS dan syarat pendaftaran", _lks_known,
                 steps={SERVICE: (CHECK_STEP,)}, letters=case_record.TEMPLATES)
VISITED = Rule("visited", "Verifikasi lapangan oleh tim teknis", _visited,
               steps={SERVICE: (VISIT_STEP,)}, letters=case_record.TEMPLATES)
FEASIBLE = Rule("feasible", "Layak diberi Tanda Daftar", _feasible,
                steps={SERVICE: (MAKE_STEP,)}, letters=case_record.TEMPLATES)
VALIDITY = Rule("validity", "Masa berlaku Tanda Daftar", _validity,
                steps={SERVICE: (MAKE_STEP,)}, letters=(case_record.TEMPLATE,))
ENTERED = Rule("entered", "Tercatat di Daftar LKS", _entered, steps={SERVICE: (ISSUE_STEP,)})
RULES = (LKS_KNOWN, VISITED, FEASIBLE, VALIDITY, ENTERED)
