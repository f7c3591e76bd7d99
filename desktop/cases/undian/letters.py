"""What the raffle's record gives its recommendation: staff type none of it."""
from desktop.cases.undian import record as raffle
from desktop.services.letters import catalogue, formatting
from desktop.services.shared import timefmt

NAMES = ("raffle_name", "raffle_start", "raffle_end", "draw_date", "draw_place", "prizes",
         "prize_total", "prize_total_words", "social_contribution",
         "social_contribution_words")


def prize_lines(case) -> list[str]:
    """TV LED 32 inci: 2 unit @ Rp 2.500.000,00 = Rp 5.000.000,00"""
    return [f"{p.item}: {p.quantity} unit @ {formatting.rupiah(p.value)} = "
            f"{formatting.rupiah(p.total)}" for p in raffle.prizes_of(case)]


def fill(application, case) -> dict:
    if case is None:
        return {}
    return {"raffle_name": case.raffle_name,
            "raffle_start": timefmt.format_date(case.period_start),
            "raffle_end": timefmt.format_date(case.period_end),
            "draw_date": timefmt.format_date(case.draw_date), "draw_place": case.draw_place,
            "prizes": prize_lines(case),
            **catalogue.money_fields("prize_total", raffle.prize_total(case)),
            **catalogue.money_fields("social_contribution", case.contribution)}
