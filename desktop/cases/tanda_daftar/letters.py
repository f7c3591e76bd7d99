"""What the LKS register and the case give the Tanda Daftar certificate: staff type none of
it. A value the LKS does not have stays empty, and the template leaves its row out."""
from desktop.services.lks import lks_records
from desktop.services.shared import timefmt

NAMES = ("org_name", "org_address", "org_legal_number", "org_chair", "org_npwp", "org_deed",
         "org_services", "org_target", "valid_until")
# The recommendation names the visit instead of a validity the issuer decides.
RECOMMENDATION_NAMES = NAMES[:-1] + ("verification_date",)


def deed_text(lks) -> str:
    """Nomor 12 tanggal 2 Maret 2015, Notaris Hj. Sri Wahyuni, S.H.; or the nota pendirian."""
    if lks.legal_status == "berbadan_hukum":
        text = f"Nomor {lks.deed_number} tanggal {timefmt.format_date(lks.deed_date)}"
        return text + (f", Notaris {lks.deed_notary}" if lks.deed_notary else "")
    if lks.founding_note:
        return (f"{lks.founding_note} tanggal {timefmt.format_date(lks.founding_date)}"
                if lks.founding_date else lks.founding_note)
    return ""


def beneficiaries_text(lks) -> str:
    counts = lks_records.beneficiaries_of(lks)
    return ", ".join(f"{lks_records.FIELDS[kind]} {count} orang"
                     for kind, count in counts.items() if kind in lks_records.FIELDS)


def fill(application, record) -> dict:
    if record is None:
        return {}
    lks = record.lks
    org = lks.organisation
    chair = lks_records.board_of(lks).get("ketua")
    return {"org_name": org.name, "org_address": org.address,
            "org_legal_number": lks.sk_number, "org_chair": chair.name if chair else "",
            "org_npwp": lks_records.npwp_text(lks.npwp), "org_deed": deed_text(lks),
            "org_services": lks_records.fields_text(lks.fields),
            "org_target": beneficiaries_text(lks),
            "valid_until": timefmt.format_date(record.valid_until) if record.valid_until
            else "",
            "verification_date": timefmt.format_date(record.visit_date) if record.visit_date
            else ""}
