"""The raffle's rules, shown on its case and guarding its recommendation: the organiser, the
lead time before the draw, the contribution (each checked again: settings and the office
calendar may have changed since the data was recorded)."""
from desktop.cases.undian import record as raffle
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.letters import formatting
from desktop.services.shared import timefmt

SERVICE = "mgt-03-izin-undian-gratis-berhadiah"


def _organiser(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "data undian belum dicatat")
    if case.organiser_status == "badan_hukum":
        return Outcome(Verdict.MET, "badan hukum")
    return Outcome(Verdict.MET, f"badan lain, berdiri {timefmt.format_date(case.organiser_founded)}")


def _lead_time(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "tanggal penarikan belum dicatat")
    last = raffle.last_day_to_apply(case.draw_date)
    received = timefmt.to_local(application.received_at).date()
    if received > last:
        return Outcome(Verdict.NOT_MET, f"diajukan {timefmt.format_date(received)}, batas "
                       f"terakhir {timefmt.format_date(last)}")
    return Outcome(Verdict.MET, f"diajukan {timefmt.format_date(received)}, batas terakhir "
                   f"{timefmt.format_date(last)}")


def _contribution(application, case) -> Outcome:
    if case is None:
        return Outcome(Verdict.UNKNOWN, "daftar hadiah belum dicatat")
    total = raffle.prize_total(case)
    least = raffle.minimum_contribution(total)
    text = (f"sumbangan {formatting.rupiah(case.contribution)} dari nilai hadiah "
            f"{formatting.rupiah(total)} (paling sedikit {formatting.rupiah(least)})")
    return Outcome(Verdict.MET if case.contribution >= least else Verdict.NOT_MET, text)


ORGANISER = Rule("organiser", "Penyelenggara berbadan hukum atau berdiri 1 tahun", _organiser,
                 letters=raffle.TEMPLATES)
LEAD_TIME = Rule("lead_time", "Diajukan sebelum batas hari kerja", _lead_time,
                 letters=raffle.TEMPLATES)
CONTRIBUTION = Rule("contribution", "Sumbangan sosial dari nilai hadiah", _contribution,
                    letters=raffle.TEMPLATES)
RULES = (ORGANISER, LEAD_TIME, CONTRIBUTION)
