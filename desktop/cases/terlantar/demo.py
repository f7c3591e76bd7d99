"""Demo data: stranded travellers sent home (on time, and one still waiting for the bus),
tuna sosial in the shelter (a few nights in, on the last night, past the limit without and
with an emergency reason, checked out to their families), medical referrals to RSUD Tidar
and RSJ Prof. dr. Soerojo, and one person helped twice."""
import datetime

from desktop.cases.terlantar import record as terlantar
from desktop.cases.terlantar.model import ShelterStay, StrandedCase
from desktop.models import Application, Institution, Service, db, utcnow
from desktop.services.demo import retime

H, D = datetime.timedelta(hours=1), datetime.timedelta(days=1)
RUNNING = 6  # four shelter guests still in (night 3, the last night, past it, with a
# reason) and two travellers waiting for their bus
# (track, nights in the shelter or None, checked out?, emergency reason?, medical: ""/umum/jiwa)
SHELTER = (("tuna_sosial", 2, False, False, ""), ("tuna_sosial", 6, False, False, "umum"),
           ("tuna_sosial", 8, False, False, ""), ("tuna_sosial", 10, False, True, "jiwa"),
           ("tuna_sosial", 5, True, False, ""), ("tuna_sosial", 11, True, True, "umum"))
DESTINATIONS = (("Kabupaten Cilacap, Jawa Tengah", "bus umum trayek Magelang - Cilacap", 95_000),
                ("Kota Surabaya, Jawa Timur", "kereta api Yogyakarta - Surabaya", 150_000),
                ("Kabupaten Wonosobo, Jawa Tengah", "bus umum trayek Magelang - Wonosobo",
                 35_000))
CASES = 60  # the most recent reports get a record (at any demo size)
BATCH = 200
EMPTY = dict(reporter="", outreach_at=None, assessment="", identity="", identity_note="",
             police_reference="", destination="", transport="", ticket_number="",
             ticket_cost=None, pocket_money=None, companion="", departure_at=None,
             tracing="", reunified_at=None, reunified_with="", medical_institution=None,
             medical_at=None, medical_reason="")


def _row(now, **values) -> dict:
    return dict(created_at=now, created_by="peksos", updated_at=now, updated_by="peksos",
                version=1, **values)


def fill(rng) -> int:
    if StrandedCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at, Application.state,
                                   Application.person, Service.code)
                .join(Service).where(Service.case_kind == "terlantar")
                .order_by(Application.received_at.desc()).limit(CASES))
    hospitals = {name: Institution.get_or_none(Institution.name.contains(name))
                 for name in ("Tidar", "Soerojo")}
    now = utcnow()
    cases, stays, shelter = [], [], list(SHELTER)
    with db.atomic():
        open_shelter = [a for a in apps if a.service.code == "mgl-orang-terlantar-tuna-sosial"
                        and a.state in ("open", "waiting")]
        for app in apps:
            values = dict(EMPTY, application=app.id, source="masyarakat",
                          found_place="Terminal Tidar, Kota Magelang")
            use_shelter = app.service.code == "mgl-orang-terlantar-tuna-sosial" and shelter \
                and (app in open_shelter) == (not shelter[0][2])
            if use_shelter:
                _, spent, out, reason, medical = shelter.pop(0)
                check_in = now - spent * D - 2 * H
                # The report is the application: registered when it came in.
                reported = retime.receipt(app.id, check_in - 3 * H)
                values.update(track="tuna_sosial", source="satpol_pp",
                              found_place="Emperan toko Jl. Pemuda, Kota Magelang",
                              reported_at=reported, outreach_at=reported + H,
                              assessment="Laki-laki sekitar 45 tahun, tidur di emperan toko, "
                                         "tidak dapat menyebutkan alamat.",
                              identity="tidak", identity_note="tanpa dokumen; mengaku dari "
                                                              "Temanggung")
                if medical and hospitals["Tidar" if medical == "umum" else "Soerojo"]:
                    values.update(medical_institution=hospitals[
                        "Tidar" if medical == "umum" else "Soerojo"].id,
                        medical_at=check_in + 5 * H,
                        medical_reason="Luka di kaki kiri dan demam." if medical == "umum"
                        else "Bicara kacau, halusinasi; perlu pemeriksaan kejiwaan.")
                if out:
                    values.update(tracing="Keluarga ditemukan melalui Dinsos Kabupaten "
                                          "Temanggung.", reunified_at=now - 2 * H,
                                  reunified_with="Sri Lestari (adik kandung)")
                stays.append(_row(now, application=app.id, check_in=check_in,
                                  check_out=now - 2 * H if out else None,
                                  emergency_reason="Masih dirawat jalan setelah keluar dari "
                                  "rumah sakit; keluarga belum dapat menjemput." if reason
                                  else "", note=""))
            else:
                reported = app.received_at
                city, mode, fare = DESTINATIONS[app.id % len(DESTINATIONS)]
                waiting = app.state in ("open", "waiting")
                values.update(track="perjalanan", source="polisi", reported_at=reported,
                              outreach_at=reported + H,
                              assessment="Kehabisan bekal dalam perjalanan pulang setelah "
                                         "bekerja; dompet hilang.", identity="ada",
                              identity_note="KTP ada",
                              police_reference=f"Nomor SKT/{app.id}/XI/2026/Polres Magelang "
                                               "Kota")
                if not waiting:
                    values.update(destination=city, transport=mode,
                                  ticket_number=f"TK-{app.id:05d}", ticket_cost=fare,
                                  pocket_money=50_000, departure_at=reported + 5 * H,
                                  companion="Budi (petugas Dinsos)"
                                  if app.service.code == "mgt-12-pemulangan-anak-terlantar"
                                  else "")
            cases.append(_row(now, **values))
            if app.state in ("open", "waiting"):
                Application.update(assigned_to="peksos").where(
                    Application.id == app.id).execute()
        # the same person helped twice, for the same service: a child stays a child's case
        again = [a for a in apps[:-1] if a.service.code == apps[-1].service.code]
        if len(apps) > 2 and again:
            Application.update(person=apps[-1].person_id).where(
                Application.id == again[0].id).execute()
        for model, rows in ((StrandedCase, cases), (ShelterStay, stays)):
            for start in range(0, len(rows), BATCH):
                model.insert_many(rows[start:start + BATCH]).execute()
        for app in apps:  # the case's own clock: the journey's day, the shelter's nights
            due = terlantar.deadline(app)
            if due is not None:
                Application.update(due_at=due[0], due_soon_at=due[1]).where(
                    Application.id == app.id).execute()
    return len(cases)
