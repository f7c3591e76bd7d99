"""Demo data: grant recommendations over several budget years for the demo LKS, verified,
some in consecutive years (flagged)."""
import json

from desktop.cases.hibah.model import GrantCase
from desktop.models import Application, Lks, Service, db, utcnow
from desktop.services.shared.ages import add_years


def fill(rng) -> int:
    if GrantCase.select().exists():
        return 0
    lks_of = dict(Lks.select(Lks.organisation, Lks.id).tuples())
    apps = list(Application.select(Application.id, Application.organisation,
                                   Application.received_at)
                .join(Service).where(Service.case_kind == "hibah"))
    now, rows = utcnow(), []
    for app in apps:
        lks = lks_of.get(app.organisation_id)
        amount = rng.choice((25, 50, 75, 100)) * 1_000_000
        lines = [["Honor pengasuh", amount * 4 // 10], ["Bahan makanan", amount * 4 // 10],
                 ["Perlengkapan asrama", amount - 2 * (amount * 4 // 10)]]
        visit = app.received_at.date()
        rows.append(dict(
            application=app.id, lks=lks, legal_number="" if lks else "AHU-0001.AH.01.04.2015",
            domiciled_since=None if lks else add_years(visit, -6),
            budget_year=app.received_at.year + 1, requested=amount,
            purpose="Operasional pelayanan anak asuh", budget_lines=json.dumps(lines),
            visit_date=visit, visit_result="layak", visit_note="Kegiatan berjalan, sesuai "
            "proposal.", recommended=amount, created_at=now, created_by="layanan",
            updated_at=now, updated_by="layanan", version=1))
    with db.atomic():
        for start in range(0, len(rows), 500):
            GrantCase.insert_many(rows[start:start + 500]).execute()
    return len(rows)
