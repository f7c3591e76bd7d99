"""Demo data: the warehouse's items and what came in, and for the disaster applications the
generic demo made an event each (the first a flood, the second a fire), with its assessed
households, the kitchen, shelter and Tagana, and aid handed out from the stock."""
import datetime

from desktop.cases.bencana import record as bencana
from desktop.cases.bencana.model import (DisasterActivity, DisasterCase, DisasterDistribution,
                                         DisasterHousehold)
from desktop.models import AidItem, Application, Service, StockMovement, db, utcnow
from desktop.services.demo import identities
from desktop.services.shared import timefmt

# name, unit, received at the start of the year, given per household
ITEMS = (("Beras", "kg", 2000, 10), ("Mi instan", "dus", 300, 1),
         ("Selimut", "lembar", 400, 2), ("Terpal", "lembar", 150, 1),
         ("Paket sandang (family kit)", "paket", 200, 1), ("Air mineral", "dus", 250, 2),
         ("Matras", "lembar", 180, 1))
SOURCES = ("Kementerian Sosial RI (buffer stock)", "Dinas Sosial Provinsi Jawa Tengah",
           "BAZNAS Kota Magelang")
EVENTS = (("banjir", "Bantaran Sungai Progo, RW 05", "Tidar Utara", "Magelang Selatan",
           "Air setinggi 60-120 cm merendam 14 rumah; 3 rumah rusak berat."),
          ("kebakaran", "Kampung Jagoan RT 03 RW 07", "Jurangombo Selatan",
           "Magelang Selatan", "Dua rumah hangus terbakar, satu rusak sedang."),
          ("tanah_longsor", "Lereng Gunung Tidar", "Magersari", "Magelang Selatan",
           "Tebing longsor menimpa dapur dua rumah."),
          ("angin_kencang", "Perumahan Kramat Utara", "Kramat Utara", "Magelang Utara",
           "Atap 9 rumah rusak diterjang angin."))
H = datetime.timedelta(hours=1)
CASES = 12  # events with their aid: the stock above covers them at any demo size


def _row(now, by="peksos", **values) -> dict:
    return dict(created_at=now, created_by=by, updated_at=now, updated_by=by, version=1,
                **values)


def _stock(now, today) -> dict:
    """The items and the year's receipts; {name: (id, per household)}."""
    found = {}
    for name, unit, received, each in ITEMS:
        item = AidItem.get_or_none(AidItem.name == name) or AidItem.create(
            **_row(now, by="layanan", name=name, unit=unit, movements=0))
        found[name] = (item.id, each)
        StockMovement.insert_many([
            _row(now, by="layanan", item=item.id, quantity=received // 2 + received // 4 * i,
                 kind="masuk", moved_on=today - datetime.timedelta(days=300 - 120 * i),
                 source=SOURCES[i % len(SOURCES)], application=None, note="")
            for i in range(2)]).execute()
    return found


def fill(rng) -> int:
    if DisasterCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at,
                                   Application.reg_number, Application.state,
                                   Service.limit_kind)
                .join(Service).where(Service.case_kind == "bencana")
                .order_by(Application.received_at.desc()).limit(CASES))
    now = utcnow()
    today = timefmt.to_local(now).date()
    made = 0
    with db.atomic():
        items = _stock(now, today)
        for index, app in enumerate(apps):
            hazard, place, kelurahan, kecamatan, damage = EVENTS[index % len(EVENTS)]
            reported = app.received_at
            occurred = reported - rng.randint(1, 5) * H
            waiting = index == 3 and app.state in ("open", "waiting")  # officers on the way
            responded = None if waiting else min(now, reported + rng.randint(1, 20) * H)
            case = DisasterCase.create(**_row(
                now, application=app.id, hazard=hazard, occurred_at=occurred,
                reported_at=reported, place=place, kelurahan=kelurahan, kecamatan=kecamatan,
                responded_at=responded, damage=damage if responded else "",
                report="Bantuan logistik disalurkan; dapur umum beroperasi tiga hari; tidak "
                       "ada korban jiwa." if app.state == "completed" else "",
                reported_by="peksos" if app.state == "completed" else "",
                reported_on=timefmt.to_local(reported).date() + datetime.timedelta(days=4)
                if app.state == "completed" else None))
            made += 1
            if responded is None:
                if app.service.limit_kind == "conditional":  # the response clock runs
                    due = bencana.response_due(case)
                    Application.update(due_at=due, due_soon_at=due - 6 * H).where(
                        Application.id == app.id).execute()
                continue
            day = timefmt.to_local(responded).date()
            households = []
            for number in range(rng.randint(4, 9) if index > 1 else 14 if index == 0 else 3):
                sex = rng.choice("LP")
                households.append(DisasterHousehold.create(**_row(
                    now, application=app.id, head_name=identities.full_name(rng, sex),
                    head_nik="", address=f"{place}, rumah {number + 1}",
                    infants=rng.randint(0, 1), children=rng.randint(0, 3),
                    adults=rng.randint(1, 3), elderly=rng.randint(0, 2),
                    disabled=1 if rng.random() < 0.15 else 0, pregnant=0,
                    damage=rng.choice(("ringan", "sedang", "berat", "")),
                    displaced=rng.random() < 0.5, note="")))
            kinds = ("dapur_umum", "pengungsian", "tagana", "psikososial") if index == 0 \
                else ("dapur_umum", "tagana")
            DisasterActivity.insert_many([_row(
                now, application=app.id, kind=kind, start_on=day,
                end_on=min(today, day + datetime.timedelta(days=3)),
                place=f"Balai Kelurahan {kelurahan}" if kind != "tagana" else place,
                count={"dapur_umum": 120, "pengungsian": 35, "tagana": 12,
                       "psikososial": 20}[kind], note="") for kind in kinds]).execute()
            for household in households:
                for name in rng.sample([n for n, *_ in ITEMS], 3):
                    item_id, each = items[name]
                    movement = StockMovement.create(**_row(
                        now, item=item_id, quantity=-each, kind="keluar", moved_on=day,
                        source=f"{app.reg_number}: {household.head_name}",
                        application=app.id, note=""))
                    DisasterDistribution.create(**_row(
                        now, application=app.id, household=household.id, item=item_id,
                        movement=movement.id, quantity=each, given_on=day,
                        received_by=household.head_name))
            if app.state in ("open", "waiting"):
                Application.update(assigned_to="peksos").where(
                    Application.id == app.id).execute()
    return made
