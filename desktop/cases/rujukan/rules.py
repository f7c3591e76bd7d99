"""The referral letter goes out once the person is assessed and sent to an institution that
takes their group (an administrator may change what an institution takes afterwards)."""
from desktop.cases.rujukan import record as rujukan
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.referrals import institutions

SERVICES = tuple(rujukan.GROUP_OF_SERVICE)


def _destination(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "asesmen belum dicatat")
    if not case.institution_id:
        return Outcome(Verdict.UNKNOWN, "lembaga tujuan belum dipilih")
    if not case.institution.active:
        return Outcome(Verdict.NOT_MET, f"{case.institution.name} tidak aktif lagi di daftar "
                       "lembaga")
    if not institutions.accepts(case.institution, case.target_group):
        return Outcome(Verdict.NOT_MET, f"{case.institution.name} tidak menerima "
                       f"{institutions.GROUPS[case.target_group].lower()}")
    return Outcome(Verdict.MET, f"{case.institution.name} menerima "
                   f"{institutions.GROUPS[case.target_group].lower()}")


RULES = (Rule("destination", "Lembaga tujuan menerima kelompok sasaran", _destination,
              letters=(rujukan.TEMPLATE,)),)
