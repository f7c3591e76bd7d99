"""Demo data: each demo raffle application gets its organiser, draw, prizes and contribution;
those whose prizes were handed over long ago have their report, on time, late or missing."""
import datetime
import json

from desktop.cases.undian.model import RaffleCase
from desktop.models import Application, Service, db, utcnow
from desktop.services.admin.calendar import WorkCalendar

PRIZES = [("Sepeda motor matik 110 cc", 1, 18_500_000), ("Televisi LED 32 inci", 3, 2_450_000),
          ("Kulkas dua pintu", 2, 3_900_000), ("Voucher belanja", 50, 100_000),
          ("Sepeda gunung", 5, 1_750_000)]
PLACES = ["Gedung Wanita Kota Magelang", "Alun-alun Kota Magelang", "Artos Mall Magelang"]


def fill(rng) -> int:
    if RaffleCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at)
                .join(Service).where(Service.case_kind == "undian"))
    calendar, now, today, rows = WorkCalendar(), utcnow(), datetime.date.today(), []
    for app in apps:
        received = app.received_at.date()
        draw = calendar.add_working_days(received, rng.randint(15, 40))
        prizes = rng.sample(PRIZES, rng.randint(2, 4))
        total = sum(q * v for _, q, v in prizes)
        handover = draw + datetime.timedelta(days=rng.randint(7, 30))
        handed = handover < today
        due = handover + datetime.timedelta(days=30)
        report = None
        if handed and due < today and rng.random() < 0.7:
            report = handover + datetime.timedelta(days=rng.choice((10, 25, 45)))  # some late
        rows.append(dict(
            application=app.id, organiser_status="badan_hukum", organiser_founded=None,
            raffle_name=f"Undian Belanja Berhadiah {draw.year}", period_start=received,
            period_end=draw - datetime.timedelta(days=1), draw_date=draw,
            draw_place=rng.choice(PLACES), notary="Hj. Sri Wahyuni, S.H., M.Kn.",
            prizes=json.dumps(prizes), contribution=int(total * rng.choice((10, 12, 15)) / 100),
            handover_end=handover if handed else None,
            report_received_on=report if report and report <= today else None,
            report_note="Berita acara notaris, daftar pemenang dan tanda terima lengkap."
            if report else "", created_at=now, created_by="layanan", updated_at=now,
            updated_by="layanan", version=1))
    with db.atomic():
        for start in range(0, len(rows), 500):
            RaffleCase.insert_many(rows[start:start + 500]).execute()
    return len(rows)
