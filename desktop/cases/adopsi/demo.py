"""Demo data: adoption cases at every stage, with couples who meet every rule and couples who
each miss one (married three years, a husband of 57, another religion, two children, no health
certificate yet, a conviction, not able, no parents' permission, an adoption last year, a single
parent), assigned to the demo social worker."""
import datetime
import json

from desktop.cases.adopsi import record as adoption
from desktop.cases.adopsi.model import AdoptionCase, AdoptionEvent
from desktop.models import Application, CasePerson, Person, Service, db, utcnow
from desktop.services.applications.people import name_key
from desktop.services.demo import identities

CASES = 18  # the most recent applications of the adoption services get a case
ORDER = ("pemeriksaan_berkas", "kunjungan_rumah", "laporan_sosial", "izin_pengasuhan",
         "kunjungan_pengasuhan", "rekomendasi", "tim_pipa", "izin_pengangkatan", "putusan")
# (what the couple misses, or "" for none) by case index
MISSES = ("", "married", "age", "religion", "children", "health", "", "conduct", "able",
          "consent", "", "adoptions", "single")
LKSA = "LKSA Panti Asuhan Darul Hadlonah"


def _person(rng, now, used, sex, birth, religion, district="01", name=None, nik=True):
    while True:
        number = identities.nik(rng, "3371", district, birth, sex, rng.randint(1, 9999))
        if number not in used:
            used.add(number)
            break
    name = name or identities.full_name(rng, sex)
    place = identities.address(rng, district)
    return Person.insert(
        created_at=now, created_by="peksos", updated_at=now, updated_by="peksos", version=1,
        nik=number if nik else None, name=name, birth_place="Magelang", birth_date=birth,
        sex=sex, religion=religion, marital_status="Kawin" if nik else "Belum kawin",
        street=place["street"], rt=place["rt"], rw=place["rw"], kelurahan=place["kelurahan"],
        kecamatan=place["kecamatan"], city="Kota Magelang", name_key=name_key(name),
        identity_note="" if nik else f"belum memiliki NIK; tinggal di {LKSA}").execute()


def fill(rng) -> int:
    if AdoptionCase.select().exists():
        return 0
    # the cases still worked on first, the newest first: their clocks and rules matter
    apps = sorted(Application.select(Application.id, Application.received_at, Application.state)
                  .join(Service).where(Service.case_kind == "adopsi"),
                  key=lambda a: (a.state not in ("open", "waiting"), -a.received_at.timestamp()))
    apps = apps[:CASES]
    now = utcnow()
    today = now.date()
    used = {nik for (nik,) in Person.select(Person.nik).where(Person.nik.is_null(False))
            .tuples()}
    made = 0
    with db.atomic():
        for index, app in enumerate(apps):
            miss = MISSES[index % len(MISSES)]
            received = app.received_at.date()
            husband_age = 57 if miss == "age" else rng.randint(33, 48)
            husband = _person(rng, now, used, "L", identities.birth_date(
                rng, husband_age, husband_age, today), "Islam")
            wife = None if miss == "single" else _person(
                rng, now, used, "P", identities.birth_date(rng, 31, 45, today),
                "Kristen" if miss == "religion" else "Islam")
            child_birth = received - datetime.timedelta(days=rng.randint(30, 900))
            child = _person(rng, now, used, rng.choice("LP"), child_birth, "Islam",
                            nik=index % 3 == 0)
            married_years = 3 if miss == "married" else rng.randint(6, 15)
            AdoptionCase.insert(
                created_at=now, created_by="peksos", updated_at=now, updated_by="peksos", version=1,
                application=app.id, route="orang_tua_tunggal" if miss == "single"
                else "pasangan_wni", child=child,
                child_status=rng.choice(list(adoption.CHILD_STATUSES)), child_lives="lksa",
                child_place=LKSA, child_guardian="Pengurus LKSA sebagai wali",
                husband=husband, wife=wife, husband_occupation="Pegawai Swasta",
                wife_occupation="" if wife is None else "Guru", husband_income=6_500_000,
                wife_income=None if wife is None else 4_000_000,
                husband_healthy="" if miss == "health" else "ya",
                wife_healthy="" if wife is None else "ya",
                husband_clean="tidak" if miss == "conduct" else "ya",
                wife_clean="" if wife is None else "ya",
                marriage_date=None if wife is None else
                received.replace(year=received.year - married_years, day=1),
                marriage_number=f"{rng.randint(100, 999)}/{rng.randint(10, 99)}/VI/"
                                f"{received.year - married_years}" if wife else "",
                children_count=2 if miss == "children" else rng.choice((0, 0, 1)),
                previous_adoptions=json.dumps(
                    [received.replace(year=received.year - 1, day=1).isoformat()]
                    if miss == "adoptions" else []),
                able="tidak" if miss == "able" else "ya",
                able_note="Penghasilan tetap, rumah layak, keluarga besar mendukung.",
                child_consent="belum_mampu",
                guardian_permission="" if miss == "consent" else "ya",
                statement="ya").execute()
            Application.update(person=husband, assigned_to="peksos").where(
                Application.id == app.id).execute()
            CasePerson.insert_many([dict(application=app.id, person=person, role=role)
                                    for role, person in (("anak", child), ("suami", husband),
                                                         ("istri", wife)) if person]).execute()
            reached = index % (len(ORDER) + 1)
            if index == 0 and app.state == "open" and (today - received).days >= 240:
                reached = 5  # cared for long enough: its recommendation can be drafted now
            _stages(app, received, today, reached, now)
            made += 1
    return made


def _stages(app, received, today, reached: int, now) -> None:
    """The first `reached` stages, on plausible dates; the care period lasts its 6 months."""
    day, rows = received, []
    for stage in ORDER[:reached]:
        step = 190 if stage in ("kunjungan_pengasuhan", "rekomendasi") else 12
        day = min(day + datetime.timedelta(days=step), today)
        rows.append(dict(
            created_at=now, created_by="peksos", updated_at=now, updated_by="peksos",
            version=1, application=app.id, stage=stage, on_date=day,
            reference={"laporan_sosial": f"400.9.2/{app.id:03d}/Dinsos/{day.year}",
                       "izin_pengasuhan": f"463/{app.id}/PPA/{day.year}",
                       "izin_pengangkatan": f"463/{app.id}/IPA/{day.year}",
                       "putusan": f"{app.id}/Pdt.P/{day.year}/PA.Mgl"}.get(stage, ""),
            court="Pengadilan Agama Magelang" if stage == "putusan" else "",
            people="Pekerja sosial Dinas dan pendamping LKSA"
            if stage in adoption.NEEDS_PEOPLE else "",
            note="Anak tampak sehat dan dekat dengan calon orang tua angkat."
            if stage in adoption.REPEATABLE else ""))
    if rows:
        AdoptionEvent.insert_many(rows).execute()
