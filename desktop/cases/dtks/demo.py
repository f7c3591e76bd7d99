"""Demo data: a check recorded for every DTKS application past its SIKS-NG step."""
import datetime

from desktop.cases.dtks.model import DtksCheck
from desktop.cases.dtks.record import PROGRAMMES
from desktop.models import Application, Service, db, utcnow

BATCH = 500


def fill(rng) -> int:
    """Rows added; nothing when checks exist already (demo data is added once)."""
    if DtksCheck.select().exists():
        return 0
    done = (Application.select(Application.id, Application.received_at, Application.state,
                               Application.current_step)
            .join(Service).where((Service.case_kind == "dtks")
                                 & ((Application.current_step > 2)
                                    | (Application.state == "completed"))))
    now, rows = utcnow(), []
    for app in done:
        checked = min(now, app.received_at + datetime.timedelta(minutes=rng.randint(5, 40)))
        period = (checked.date().replace(day=1) - datetime.timedelta(days=rng.choice((0, 31))))
        registered = rng.random() < 0.7
        codes = [c for c in PROGRAMMES if registered and rng.random() < 0.45]
        rows.append(dict(
            application=app.id, registered=registered,
            data_id=str(rng.randint(10 ** 15, 10 ** 16 - 1)) if registered else "",
            decile=rng.randint(1, 6) if registered and rng.random() < 0.8 else None,
            programmes=("," + ",".join(codes) + ",") if codes else "", other_programmes="",
            data_period=period.replace(day=1), checked_by="layanan", checked_at=checked,
            note="", created_at=checked, created_by="layanan", updated_at=checked,
            updated_by="layanan", version=1))
    with db.atomic():
        for start in range(0, len(rows), BATCH):
            DtksCheck.insert_many(rows[start:start + BATCH]).execute()
    return len(rows)
