"""What a disaster gives its hand-over record (berita acara serah terima): the event, and
every household with what it received, and the totals per item."""
from desktop.cases.bencana import record as bencana
from desktop.services.letters import formatting
from desktop.services.shared import timefmt

NAMES = ("event_name", "event_date", "event_place", "handover_date", "distribution_rows",
         "aid_totals")


def classification(application, template_key: str) -> str | None:
    """A social disaster's record is filed under its own code (400.9.9), a natural one's
    under the template's (400.9.10)."""
    case = bencana.read(application)
    if template_key != bencana.TEMPLATE or case is None or bencana.category_of(case) != "sosial":
        return None
    from desktop.services.admin import settings

    return settings.get("letters.classification_disaster_social")


def _amount(quantity: int, item) -> str:
    return f"{item.name} {quantity} {item.unit}"


def fill(application, case) -> dict:
    if case is None:
        return {}
    given = bencana.distributions_of(application.id)
    rows, totals, order = {}, {}, []
    for d in given:
        row = rows.get(d.household_id)
        if row is None:
            row = rows[d.household_id] = {"name": d.household.head_name,
                                          "nik": d.household.head_nik,
                                          "address": d.household.address, "aid": []}
            order.append(row)
        row["aid"].append(_amount(d.quantity, d.item))
        totals[d.item_id] = (d.item, totals.get(d.item_id, (d.item, 0))[1] + d.quantity)
    place = ", ".join(p for p in (case.place, f"Kelurahan {case.kelurahan}",
                                  f"Kecamatan {case.kecamatan}" if case.kecamatan else "") if p)
    return {"event_name": bencana.event_name(case),
            "event_date": timefmt.format_local(case.occurred_at),
            "event_place": place,
            "handover_date": formatting.format_date(max(d.given_on for d in given))
            if given else "",
            "distribution_rows": [{**row, "number": str(number), "aid": ", ".join(row["aid"])}
                                  for number, row in enumerate(order, start=1)],
            "aid_totals": [_amount(quantity, item) for item, quantity in totals.values()]}
