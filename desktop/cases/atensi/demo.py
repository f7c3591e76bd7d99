"""Demo data: the year's ATENSI beneficiaries (the elderly among the applicants in the
elderly cluster, the others with disabilities), each with a plan of two or three components
and some assistance already delivered, the rest still to come."""
import datetime

from desktop.cases.atensi.model import AtensiCase, AtensiDelivery, AtensiPlan
from desktop.models import Application, Person, Service, db, utcnow
from desktop.services.shared import timefmt
from desktop.services.shared.ages import age_on

CASES = 40
RUNNING = 12  # the year's beneficiaries still being served (the service runs all year)
# component: (planned rupiah, what is planned, what a delivery gives)
PLANS = {"hidup_layak": (1_200_000, "sembako bulanan", "paket sembako (beras 10 kg, minyak, "
                                                       "telur)"),
         "aksesibilitas": (2_500_000, "kursi roda", "kursi roda standar"),
         "terapi": (600_000, "terapi fisik 6 sesi", "terapi fisik di rumah"),
         "keluarga": (0, "pendampingan keluarga", "kunjungan dan konseling keluarga"),
         "kewirausahaan": (1_500_000, "modal usaha warung", "peralatan dan modal usaha")}


def _row(now, by="peksos", **values) -> dict:
    return dict(created_at=now, created_by=by, updated_at=now, updated_by=by, version=1,
                **values)


def fill(rng) -> int:
    if AtensiCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at, Person.birth_date)
                .join(Service, on=(Application.service == Service.id)).switch(Application)
                .join(Person, on=(Application.person == Person.id))
                .where(Service.case_kind == "atensi").limit(CASES))
    now = utcnow()
    today = timefmt.to_local(now).date()
    cases, plans, deliveries = [], [], []
    for index, app in enumerate(apps):
        birth = app.person.birth_date
        determined = timefmt.to_local(app.received_at).date()  # the year it came in
        year = determined.year
        elderly = birth is not None and age_on(birth, datetime.date(year, 12, 31)) >= 60
        cluster = "lansia" if elderly else "disabilitas"
        cases.append(_row(now, by="kadis", application=app.id, budget_year=year,
                          cluster=cluster, pmks_reference=f"PMKS-3371-{year}-{app.id:05d}",
                          condition="Tinggal sendiri, penghasilan tidak tetap."
                          if elderly else "Disabilitas fisik, pengguna alat bantu.",
                          determined_by="kadis", determined_on=determined))
        chosen = rng.sample(list(PLANS), 3 if index % 3 else 2)
        for component in chosen:
            amount, planned, given = PLANS[component]
            plans.append(_row(now, application=app.id, component=component, amount=amount,
                              note=planned))
            end = min(today, datetime.date(year, 12, 31))
            if rng.random() < 0.6 and end >= determined:  # delivered already
                day = determined + datetime.timedelta(days=rng.randint(
                    0, (end - determined).days))
                deliveries.append(_row(now, application=app.id, component=component,
                                       delivered_on=day,
                                       amount=amount or None, items=given,
                                       delivered_by="Yusuf Hidayat, S.Sos.", note=""))
    with db.atomic():
        for model, rows in ((AtensiCase, cases), (AtensiPlan, plans),
                            (AtensiDelivery, deliveries)):
            for start in range(0, len(rows), 50):  # SQLite's limit on bound variables
                model.insert_many(rows[start:start + 50]).execute()
    return len(cases)
