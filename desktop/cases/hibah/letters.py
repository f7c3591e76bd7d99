"""What the grant's record gives its recommendation: staff type none of it."""
from desktop.services.letters import catalogue
from desktop.services.lks import lks_records
from desktop.services.shared import timefmt

NAMES = ("grant_purpose", "grant_amount", "grant_amount_words", "budget_year",
         "verification_date", "org_legal_number", "org_npwp", "org_chair", "addressee")


def regional_head() -> str:
    """Wali Kota Magelang u.p. Ketua TAPD: a grant recommendation goes to the regional head,
    for the budget team (Permendagri 32/2011)."""
    from desktop.services.admin import office

    profile = office.get_profile()
    head = "Bupati" if profile.region_kind == "Kabupaten" else "Wali Kota"
    name = f"{head} {profile.region_name}".strip()
    return f"{name} u.p. Ketua Tim Anggaran Pemerintah Daerah (TAPD)"


def fill(application, case) -> dict:
    if case is None:
        return {}
    values = {"grant_purpose": case.purpose, "budget_year": str(case.budget_year),
              "addressee": regional_head(),
              "verification_date": timefmt.format_date(case.visit_date) if case.visit_date
              else "", "org_legal_number": case.legal_number}
    if case.recommended:
        values.update(catalogue.money_fields("grant_amount", case.recommended))
    if case.lks_id:
        lks = case.lks
        chair = lks_records.board_of(lks).get("ketua")
        values.update(org_legal_number=lks.sk_number or lks.founding_note,
                      org_npwp=lks_records.npwp_text(lks.npwp),
                      org_chair=chair.name if chair else "")
    return values
