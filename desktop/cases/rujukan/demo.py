"""Demo data: a referral in every state for the referral applications the generic demo made:
assessed, sent and waiting (some past the answer limit), on a waiting list, refused, accepted
and still in care with follow-up visits, and the outcomes (home, moved, died)."""
import datetime

from desktop.cases.rujukan import record as rujukan
from desktop.cases.rujukan.model import ReferralCase, ReferralVisit
from desktop.models import Application, Service, db, utcnow
from desktop.services.referrals import institutions
from desktop.services.shared import timefmt

FINDINGS = {
    "disabilitas": "Penyandang disabilitas fisik (kedua tungkai), tinggal bersama orang tua "
                   "lanjut usia; belum pernah mendapat layanan rehabilitasi.",
    "odgj": "Menunjukkan gejala gangguan jiwa berat, sering mengamuk dan pernah dipasung "
            "keluarga; belum rutin berobat.",
    "lansia": "Lanjut usia hidup sendiri tanpa keluarga yang merawat, kesehatan menurun dan "
              "tidak mampu memenuhi kebutuhan harian.",
    "tuna_susila": "Terjaring razia Satpol PP; bersedia mengikuti rehabilitasi dan pelatihan "
                   "keterampilan.",
    "anak": "Anak putus sekolah, sehari-hari mengamen di perempatan; orang tua tidak diketahui "
            "keberadaannya."}
NEEDS = {"disabilitas": "Pelatihan keterampilan dan alat bantu.",
         "odgj": "Perawatan medis kejiwaan, lalu rehabilitasi sosial.",
         "lansia": "Pengasuhan dan perawatan dalam panti.",
         "tuna_susila": "Bimbingan mental dan keterampilan kerja.",
         "anak": "Pengasuhan, kembali bersekolah, penelusuran keluarga."}
# (step reached, answer, outcome, days the referral has waited or been answered)
SCENARIOS = (("asesmen", "", "", 0), ("pilih", "", "", 0), ("kirim", "", "", 3),
             ("kirim", "", "", 25), ("jawab", "antre", "", 10), ("jawab", "ditolak", "", 12),
             ("jawab", "diterima", "", 30), ("jawab", "diterima", "dirawat", 60),
             ("jawab", "", "keluarga", 20), ("jawab", "diterima", "pindah", 90),
             ("jawab", "diterima", "meninggal", 120))
RUNNING = 4  # cases still worked on: assessed, institution chosen, sent, past the limit
CASES = 300  # the most recent referrals get a record; older ones stay as the generic demo made
BATCH = 500  # rows per INSERT: SQLite's limit on bound variables
COMPANIONS = "Yusuf Hidayat, S.Sos. (pekerja sosial) dan kakak penerima manfaat"


def _row(now, **values) -> dict:
    return dict(created_at=now, created_by="peksos", updated_at=now, updated_by="peksos",
                version=1, **values)


def fill(rng) -> int:
    if ReferralCase.select().exists():
        return 0
    apps = list(Application.select(Application.id, Application.received_at, Application.state,
                                   Service.code)
                .join(Service).where(Service.case_kind == "rujukan")
                .order_by(Application.received_at.desc()).limit(CASES))
    apps.reverse()
    now = utcnow()
    today = timefmt.to_local(now).date()
    cases, visits = [], []
    running = closed = 0
    for app in apps:
        open_ = app.state in ("open", "waiting")
        # Cases still worked on take the early steps; completed ones were answered; one the
        # office rejected was only assessed.
        if open_:
            scenario, running = SCENARIOS[running % RUNNING], running + 1
        elif app.state == "rejected":
            scenario = SCENARIOS[0]
        else:
            scenario, closed = SCENARIOS[RUNNING + closed % (len(SCENARIOS) - RUNNING)], \
                closed + 1
        step, answer, outcome, days = scenario
        group = rujukan.GROUP_OF_SERVICE[app.service.code]
        places = institutions.accepting(group)
        received = timefmt.to_local(app.received_at).date()
        assessed = min(today, received + datetime.timedelta(days=rng.randint(0, 3)))
        sent = min(today, max(assessed, today - datetime.timedelta(days=days)))
        accompanied = app.service.code in rujukan.ACCOMPANIED
        # Every row names every column: insert_many takes its columns from the first row.
        values = dict(application=app.id, target_group=group, findings=FINDINGS[group],
                      needs=NEEDS[group], guardian="Keluarga (kakak), telepon 081227001234",
                      assessed_on=assessed, assessed_by="peksos", institution=None,
                      sent_on=None, companions="", transport="", answer="", answer_on=None,
                      answer_note="", outcome="", outcome_on=None, outcome_note="")
        if step != "asesmen" and places:
            values["institution"] = rng.choice(places).id
            if step in ("kirim", "jawab"):
                values.update(sent_on=sent, companions=COMPANIONS if accompanied else "",
                              transport="Mobil dinas Dinas Sosial" if accompanied else "")
            if step == "jawab":
                answered = min(today, sent + datetime.timedelta(days=rng.randint(3, 9)))
                values.update(answer=answer, answer_on=answered if answer else None,
                              answer_note="Kapasitas penuh; disarankan ke lembaga lain."
                              if answer == "ditolak" else "Urutan ke-4 daftar tunggu."
                              if answer == "antre" else "")
                if outcome:
                    values.update(outcome=outcome, outcome_on=today,
                                  outcome_note="Dipindahkan ke panti di daerah asal keluarga."
                                  if outcome == "pindah" else "")
                if answer == "diterima":
                    visits.append(_row(now, application=app.id, visited_on=min(
                        today, answered + datetime.timedelta(days=14)),
                        note="Penerima manfaat mulai beradaptasi; mengikuti kegiatan balai."))
        cases.append(_row(now, **values))
    with db.atomic():
        worked = [app.id for app in apps if app.state in ("open", "waiting")]
        Application.update(assigned_to="peksos").where(Application.id.in_(worked)).execute()
        for model, rows in ((ReferralCase, cases), (ReferralVisit, visits)):
            for start in range(0, len(rows), BATCH):
                model.insert_many(rows[start:start + BATCH]).execute()
    return len(cases)
