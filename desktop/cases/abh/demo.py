"""Demo data: ABH cases at every stage, their clocks on time, due soon and overdue, the child
(12 to 17 at the offence; one under 12) as the applicant, assigned to the demo social worker."""
import datetime
import json

from desktop.cases.abh import clocks
from desktop.cases.abh.model import AbhCase, AbhEvent
from desktop.models import Application, Person, Service, db, utcnow
from desktop.services.applications.people import name_key
from desktop.services.demo import identities

CASES = 9
H = datetime.timedelta(hours=1)
# (stage, threat in months, repeat, age at offence, events: (kind, hours ago, stage, result))
SCENARIOS = (
    ("penyidikan", 36, False, 15, [("permintaan_laporan", 10, "", "")]),   # on time
    ("penyidikan", 48, False, 16, [("permintaan_laporan", 60, "", "")]),   # due soon
    ("penyidikan", 30, False, 14, [("permintaan_laporan", 80, "", "")]),   # overdue
    ("penyidikan", 60, False, 17, [("permintaan_laporan", 130, "", ""),
                                   ("laporan_dikirim", 100, "", ""),
                                   ("tahap", 130, "penyidikan", "")]),       # diversion running
    ("penyidikan", 24, False, 15, [("tahap", 200, "penyidikan", "")]),      # attempt overdue
    ("penuntutan", 48, False, 16, [("tahap", 400, "penyidikan", ""),
                                   ("musyawarah", 300, "penyidikan", "gagal"),
                                   ("tahap", 200, "penuntutan", ""),
                                   ("musyawarah", 150, "penuntutan", "")]),  # 30 days running
    ("pengadilan", 96, False, 17, [("tahap", 500, "pengadilan", ""),
                                   ("sesi", 480, "", "")]),                 # not mandatory
    ("putusan", 60, True, 16, [("tahap", 900, "putusan", ""),
                               ("sesi", 880, "", "")]),                     # repeat, ruled
    ("penyidikan", 12, False, 11, [("sesi", 30, "", "")]),                  # under 12
)


RUNNING = 6  # the first scenarios have clocks running: they take the cases still worked on


def fill(rng) -> int:
    if AbhCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at, Application.state)
                .join(Service).where(Service.case_kind == "abh")
                .order_by(Application.received_at.desc()))
    if not apps:
        return 0
    worked = [a for a in apps if a.state in ("open", "waiting")]
    closed = [a for a in apps if a.state not in ("open", "waiting")]
    now = utcnow()
    used = {nik for (nik,) in Person.select(Person.nik).where(Person.nik.is_null(False))
            .tuples()}
    made = 0
    with db.atomic():
        for index, (stage, threat, repeat, age, events) in enumerate(SCENARIOS):
            oldest = max(hours for _, hours, _, _ in events)
            received = now - datetime.timedelta(hours=oldest + 26)
            pool = worked if index < RUNNING else closed
            if not pool:
                continue
            app = pool.pop(0)
            offence = (min(received, app.received_at) - datetime.timedelta(days=3)).date()
            birth = offence - datetime.timedelta(days=int(age * 365.25) + rng.randint(20, 300))
            sex = rng.choice("LP")
            while True:
                nik = identities.nik(rng, "3371", "02", birth, sex, rng.randint(1, 9999))
                if nik not in used:
                    used.add(nik)
                    break
            name = identities.full_name(rng, sex)
            place = identities.address(rng, "02")
            child = Person.create(
                created_at=now, created_by="peksos", updated_at=now, updated_by="peksos",
                version=1, nik=nik, name=name, birth_place="Magelang", birth_date=birth,
                sex=sex, religion="Islam", marital_status="Belum kawin", city="Kota Magelang",
                name_key=name_key(name), **place)
            parent = identities.full_name(rng, "P")
            case = AbhCase.create(
                created_at=now, created_by="peksos", updated_at=now, updated_by="peksos",
                application=app.id, offence_date=offence,
                offence="Anak bersama dua temannya mengambil telepon genggam milik korban di "
                        "area parkir pasar.", article="Pasal 362 KUHP", threat_months=threat,
                repeat=repeat, stage=stage, police_report=f"LP/B/{app.id}/XI/{offence.year}"
                "/SPKT/Polres Magelang Kota",
                court_case=f"{app.id}/Pid.Sus-Anak/{offence.year}/PN Mgg"
                if stage == "putusan" else "",
                contacts=json.dumps([["penyidik", "Aipda Santoso", "Unit PPA Polres Magelang "
                                      "Kota", "081234500001"],
                                     ["pk_bapas", "Sri Wahyuni", "Bapas Magelang", ""],
                                     ["jaksa", "Dwi Rahayu, S.H.", "Kejaksaan Negeri Kota "
                                      "Magelang", ""]]),
                education="SMP kelas 8", parent_name=f"{parent} (ibu)",
                parent_address=f"{place['street']}, {place['kelurahan']}, Kota Magelang",
                assessment="Anak tinggal bersama ibu; ayah bekerja di luar kota. Anak masih "
                           "bersekolah dan menyesali perbuatannya." if stage != "penyidikan"
                           else "", recommendation="Diversi dengan pengembalian kepada orang "
                           "tua dan bimbingan di LPKS selama 3 bulan." if stage != "penyidikan"
                           else "", written_by="peksos" if stage != "penyidikan" else "",
                outcome="Putusan: pembinaan di LPKS 6 bulan; pendampingan lanjutan oleh "
                        "pekerja sosial." if stage == "putusan" else "")
            rows = [dict(created_at=now, created_by="peksos", updated_at=now,
                         updated_by="peksos", version=1, application=app.id, kind=kind,
                         at=now - hours * H, stage=event_stage,
                         reference=f"B/{app.id}/XI/Res.1.8/{now.year}"
                         if kind == "permintaan_laporan" else "",
                         place="Unit PPA Polres Magelang Kota" if kind != "sesi"
                         else "Rumah anak", people="Penyidik, PK Bapas, anak, ibu, pekerja "
                         "sosial" if kind in ("sesi", "musyawarah") else "",
                         note="Anak didampingi saat pemeriksaan." if kind == "sesi" else "",
                         result=result, terms="")
                    for kind, hours, event_stage, result in events]
            AbhEvent.insert_many(rows).execute()
            due = clocks.open_due(case, [AbhEvent(**r) for r in sorted(
                rows, key=lambda r: r["at"])], age)
            made += 1
            Application.update(person=child, assigned_to="peksos",
                               due_at=due[0] if due else None,
                               due_soon_at=due[1] if due else None).where(
                Application.id == app.id).execute()
    return made
