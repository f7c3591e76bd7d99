"""The DTKS check's rules."""
from desktop.services.cases.kind import Outcome, Rule, Verdict

SIKS_NG_STEPS = {"mgl-cek-dtks-pkh": (2,), "mgl-surat-keterangan-dtks": (2,)}


def _checked(application, check) -> Outcome:
    if check is None:
        return Outcome(Verdict.NOT_MET, "hasil pengecekan di SIKS-NG belum dicatat")
    return Outcome(Verdict.MET, f"dicatat oleh {check.checked_by}")


CHECKED = Rule("checked", "Pengecekan DTKS", _checked, steps=SIKS_NG_STEPS,
               letters=("keterangan_dtks",))
RULES = (CHECKED,)
