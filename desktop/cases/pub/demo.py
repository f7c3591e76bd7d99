"""Demo data: each demo PUB application gets its collection; those whose months have passed
have reports on time, late, or missing (an organiser with a missing one waits)."""
import datetime

from desktop.cases.pub.model import CollectionCase, CollectionReport
from desktop.cases.pub.record import REPORT_DAYS, dues, last_day_of_months
from desktop.models import Application, Service, db, utcnow
from desktop.services.admin import settings

PURPOSES = ["Bantuan pendidikan anak yatim dan anak dari keluarga miskin",
            "Bantuan korban banjir dan tanah longsor", "Pembangunan asrama panti asuhan",
            "Bantuan kursi roda bagi penyandang disabilitas"]


def fill(rng) -> int:
    if CollectionCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at)
                .join(Service).where(Service.case_kind == "pub"))
    now, today = utcnow(), datetime.date.today()
    cases = []
    for app in apps:
        start = app.received_at.date() + datetime.timedelta(days=rng.randint(3, 14))
        purpose = rng.choice(PURPOSES)
        target = rng.choice((25, 50, 120, 300, 750)) * 1_000_000
        disaster = "bencana" in purpose
        cases.append(dict(
            application=app.id, organiser_form=rng.choice(("yayasan", "perkumpulan")),
            legal_number=f"AHU-{rng.randint(1000, 99999):05d}.AH.01.04.Tahun 2019",
            goods="uang", disaster=disaster, purpose=purpose, methods=",kotak,transfer,",
            area_level=rng.choice(("kecamatan", "kabkota")),
            area_names="Magelang Utara\nMagelang Selatan", bank_account="Bank Jateng 1-234-5678",
            target=target, planned_cost=target * rng.choice((5, 8, 10)) // 100,
            period_start=start, period_end=last_day_of_months(start, 3),
            extension_end=None, created_at=now, created_by="layanan", updated_at=now,
            updated_by="layanan", version=1))
    with db.atomic():
        for begin in range(0, len(cases), 500):
            CollectionCase.insert_many(cases[begin:begin + 500]).execute()
        reports, grace = [], settings.value(REPORT_DAYS)
        for case in CollectionCase.select():
            for due in dues(case, {}, grace):
                deadline = due.deadline()
                if deadline >= today or rng.random() < 0.15:
                    continue  # not due yet, or missing
                received = due.due_on + datetime.timedelta(days=rng.choice((10, 20, 45)))
                if received > today:
                    continue
                collected = case.target * rng.randint(40, 110) // 100
                costs = collected * rng.randint(3, 9) // 100
                reports.append(dict(
                    application=case.application_id, due_on=due.due_on, final=due.final,
                    received_on=received, collected=collected, costs=costs,
                    distributed=collected - costs,
                    recipients="Penerima tercantum dalam lampiran laporan.",
                    auditor="KAP Sutrisno dan Rekan" if collected > 500_000_000 else "",
                    created_at=now, created_by="layanan", updated_at=now, updated_by="layanan",
                    version=1))
        for begin in range(0, len(reports), 500):
            CollectionReport.insert_many(reports[begin:begin + 500]).execute()
    return len(cases)
