"""What the collection's record gives its recommendation: staff type none of it."""
from desktop.cases.pub import record as pub
from desktop.services.letters import catalogue
from desktop.services.shared import timefmt

NAMES = ("org_legal_number", "org_bank_account", "collection_purpose", "collection_method",
         "collection_area", "collection_start", "collection_end", "collection_target",
         "collection_target_words", "collection_cost_percent")


def area_text(case) -> str:
    label = pub.AREAS[case.area_level][0]
    names = [n.strip() for n in case.area_names.splitlines() if n.strip()]
    return f"{label}: {', '.join(names)}" if names else label


def fill(application, case) -> dict:
    if case is None:
        return {}
    methods = [pub.METHODS[m] for m in case.methods.strip(",").split(",") if m in pub.METHODS]
    percent = pub.cost_percent(case)
    return {"org_legal_number": case.legal_number, "org_bank_account": case.bank_account,
            "collection_purpose": case.purpose,
            "collection_method": f"{pub.GOODS[case.goods]}, melalui {', '.join(methods).lower()}",
            "collection_area": area_text(case),
            "collection_start": timefmt.format_date(case.period_start),
            "collection_end": timefmt.format_date(pub.period_end(case)),
            **catalogue.money_fields("collection_target", case.target),
            "collection_cost_percent": f"{percent:g}".replace(".", ",")}
