"""The journey letter goes out once the journey is planned with the police letter; the medical
referral once the hospital is chosen."""
from desktop.cases.terlantar import record as terlantar
from desktop.services.cases.kind import Outcome, Rule, Verdict

SERVICES = tuple(terlantar.TRACKS_OF_SERVICE)


def _journey(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "laporan belum dicatat")
    if case.track != "perjalanan":
        return Outcome(Verdict.NOT_MET, "penerima manfaat ditangani sebagai tuna sosial, "
                       "bukan dipulangkan")
    if not case.destination:
        return Outcome(Verdict.UNKNOWN, "tujuan dan surat keterangan kepolisian belum dicatat")
    return Outcome(Verdict.MET, f"dipulangkan ke {case.destination}")


def _medical(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "laporan belum dicatat")
    if not case.medical_institution_id:
        return Outcome(Verdict.UNKNOWN, "rumah sakit rujukan belum dipilih")
    return Outcome(Verdict.MET, f"dirujuk ke {case.medical_institution.name}")


RULES = (Rule("journey", "Pemulangan direncanakan dengan surat kepolisian", _journey,
              letters=(terlantar.JOURNEY_LETTER,)),
         Rule("medical", "Rumah sakit rujukan dipilih", _medical,
              letters=(terlantar.MEDICAL_LETTER,)))
