"""What ATENSI gives its service record: the beneficiary's year, cluster and PMKS entry,
and each assistance delivered."""
from desktop.cases.atensi import record as atensi
from desktop.services.letters import formatting

NAMES = ("budget_year", "cluster", "pmks_reference", "services_rows", "services_total")


def fill(application, case) -> dict:
    if case is None:
        return {}
    given = atensi.deliveries_of(application.id)
    rows = [{"date": formatting.format_date(d.delivered_on),
             "component": atensi.COMPONENTS[d.component],
             "form": atensi.delivery_text(d),
             "by": d.delivered_by} for d in given]
    total = sum(d.amount or 0 for d in given)
    return {"budget_year": str(case.budget_year), "cluster": atensi.CLUSTERS[case.cluster],
            "pmks_reference": case.pmks_reference, "services_rows": rows,
            "services_total": formatting.rupiah(total) if total else ""}
