"""Demo data: each demo Tanda Daftar application names its organisation's LKS; those past the
field visit have their visit, and those past making the certificate their validity."""
import datetime

from desktop.cases.tanda_daftar.model import TandaDaftarCase
from desktop.models import Application, Lks, Service, db, utcnow
from desktop.services.lks import registrations

BATCH = 500
TEAM = "Dra. Sri Lestari (Bidang Rehabilitasi Sosial)\nAgus Santoso, S.Sos. (Pekerja Sosial)"


def fill(rng) -> int:
    if TandaDaftarCase.select().exists():
        return 0
    lks_of = dict(Lks.select(Lks.organisation, Lks.id).tuples())
    if not lks_of:
        return 0
    apps = (Application.select(Application.id, Application.organisation, Application.received_at,
                               Application.current_step, Application.state)
            .join(Service).where(Service.case_kind == "tanda_daftar"))
    now, rows, choices = utcnow(), [], list(lks_of.values())
    for app in apps:
        lks = lks_of.get(app.organisation_id) or rng.choice(choices)
        past = app.state == "completed" or app.current_step > 4
        visit = (app.received_at + datetime.timedelta(days=rng.randint(1, 4))).date()
        start = visit + datetime.timedelta(days=3)
        rows.append(dict(
            application=app.id, lks=lks, kind="baru", activity_report=False,
            visit_date=visit if past else None, visit_team=TEAM if past else "",
            visit_findings="Sekretariat sesuai alamat; pelayanan berjalan; pengurus lengkap."
            if past else "", visit_result="layak" if past else "",
            visited_by="peksos" if past else "",
            valid_from=start if past else None,
            valid_until=registrations.default_until(start) if past else None,
            created_at=now, created_by="layanan", updated_at=now, updated_by="layanan", version=1))
    with db.atomic():
        for begin in range(0, len(rows), BATCH):
            TandaDaftarCase.insert_many(rows[begin:begin + BATCH]).execute()
    return len(rows)
