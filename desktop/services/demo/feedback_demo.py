"""Demo complaints and SKM responses. Complaints come through every channel and stand in every
state (on time and late, confidential, anonymous, from LAPOR! with a ticket, about a case);
suggestions and appreciation beside them. Every service has SKM responses over the last
three years; one scores C (kurang baik), its completion time the weakest element."""
import datetime
import random

from desktop.models import Application, Complaint, Counter, Service, SkmResponse, User, utcnow
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.complaints import clocks, complaints, reply_letter
from desktop.models.base import replaying
from desktop.services.demo import identities, letters_demo, office_hours
from desktop.services.demo.office_hours import OfficeHours
from desktop.services.letters import lifecycle
from desktop.services.shared import timefmt
from desktop.services.survey.questionnaire import CODES, EDUCATION, OCCUPATIONS

BATCH = 400
YEARS_BACK = 3
WEAK_SERVICE = "mgl-cek-dtks-pkh"  # a long queue at the DTKS desk: the demo's grade C
HANDLERS = ("peksos", "layanan", "kabid")
SUBJECTS = {
    "waktu": ["Surat keterangan DTKS belum selesai lewat batas waktu",
              "Antrean loket terlalu lama", "Rekomendasi belum ada kabar"],
    "perilaku": ["Petugas loket kurang ramah", "Petugas tidak ada di tempat saat jam layanan"],
    "persyaratan": ["Persyaratan berubah tanpa pemberitahuan",
                    "Diminta fotokopi KK berulang kali"],
    "bantuan": ["Bantuan sembako belum diterima", "Nama keluarga tidak masuk daftar penerima"],
    "data": ["Status DTKS keluarga berubah tanpa pemberitahuan",
             "Data anggota keluarga di DTKS keliru"],
    "biaya": ["Diminta uang oleh oknum untuk mempercepat surat"],
    "sarana": ["Ruang tunggu panas dan kursi kurang", "Tidak ada jalur kursi roda"],
}
SUGGESTIONS = ["Mohon layanan antar surat untuk lansia", "Tambah kursi di ruang tunggu",
               "Informasi persyaratan dipasang di website", "Nomor antrean lewat WhatsApp"]
PRAISE = ["Terima kasih atas bantuan cepat untuk korban kebakaran",
          "Petugas seating clinic sangat membantu", "Pelayanan mobil jenazah tepat waktu"]
REPLIES = {"terbukti": "Kami mohon maaf; petugas telah dibina dan prosedur diperbaiki.",
           "sebagian": "Sebagian keluhan benar; perbaikan sudah dilakukan.",
           "tidak_terbukti": "Setelah diperiksa, layanan sudah sesuai standar; kami jelaskan "
                             "prosedurnya.",
           "diteruskan": "Pengaduan kami teruskan kepada instansi yang berwenang."}


def fill(rng: random.Random, size: int, report) -> None:
    if not Complaint.select().exists():
        report.counts["complaint"] = _complaints(rng, max(60, min(size // 20, 600)))
        report.counts["complaint_letters"] = _reply_letters()
    if not SkmResponse.select().exists():
        report.counts["skm_response"] = _responses(rng)


def _stamp(now, by="layanan") -> dict:  # the clerk enters what the counter receives
    return dict(created_at=now, created_by=by, updated_at=now, updated_by=by, version=1)


def _complaints(rng: random.Random, count: int) -> int:
    today = timefmt.office_today()
    days = WorkCalendar()
    figures = clocks.limits()
    services = [sid for (sid,) in Service.select(Service.id).where(~Service.sensitive).tuples()]
    cases = [(aid, sid) for aid, sid in Application.select(Application.id, Application.service)
             .join(Service).where(~Service.sensitive).order_by(Application.id.desc())
             .limit(500).tuples()]
    channels = list(complaints.CHANNELS)
    latest = utcnow() - datetime.timedelta(minutes=30)
    rows = []
    for i in range(count):
        # The first ones cover each channel; the rest spread over three years, recent heavier.
        age = int(rng.triangular(0, 365 * YEARS_BACK, 0)) if i >= len(channels) * 3 \
            else rng.randint(0, 40)
        received_on = today - datetime.timedelta(days=age)
        while not days.is_working_day(received_on) and received_on > today - \
                datetime.timedelta(days=365 * YEARS_BACK):
            received_on -= datetime.timedelta(days=1)
        at = min(latest, timefmt.to_utc(datetime.datetime.combine(received_on, datetime.time(
            rng.randint(8, 14), rng.randint(0, 59)))))
        received_on = timefmt.to_local(at).date()
        row = _complaint(rng, i, channels[i % len(channels)], at, received_on, today, days,
                         figures, services, cases)
        row.update(_stamp(at))
        rows.append(row)
    rows.sort(key=lambda r: r["received_at"])  # numbered in the order they came in
    _keep_one_awaiting_confirmation(rows)
    numbers = {}
    for row in rows:
        year = row["received_on"].year
        numbers[year] = numbers.get(year, 0) + 1
        row["number"] = f"ADU-{year}-{numbers[year]:04d}"
    for start in range(0, len(rows), BATCH):
        Complaint.insert_many(rows[start:start + BATCH]).execute()
    for year, value in numbers.items():
        Counter.insert(series=complaints.NUMBER_SERIES, year=year, value=value).execute()
    return len(rows)


def _keep_one_awaiting_confirmation(rows: list[dict]) -> None:
    """Whatever the day the demo is made, the latest resolved complaint with a known
    complainant still waits for the complainant's confirmation (state selesai)."""
    if any(r["state"] == "selesai" for r in rows):
        return
    confirmed = [r for r in rows if r["confirmed_on"] is not None]
    if confirmed:
        latest = max(confirmed, key=lambda r: r["resolved_on"])
        latest.update(state="selesai", confirmed_on=None, confirmation="")


# A reply letter left at each step, so the Surat queues hold complaints' letters too.
REPLY_STEPS = ("draft", "waiting_paraf", "signed")


def _reply_letters() -> int:
    """Reply letters to open complaints their handlers (staff who draft) follow up: a
    confidential complainant's among them, read only by the handler and the kepala."""
    users = {u.username: u for u in User.select().where(
        User.username.in_(("layanan", "peksos", "kabid", "kadis")))}
    if len(users) < 4:
        return 0
    found = (Complaint.select()
             .where(reply_letter.draftable() & (Complaint.identity != "anonim")
                    & Complaint.handler.in_(("layanan", "peksos")))
             .order_by(Complaint.identity, Complaint.received_on.desc())
             .limit(len(REPLY_STEPS)))
    made, hours = 0, OfficeHours()
    latest = hours.snap_back(hours.to_local(utcnow()) - datetime.timedelta(minutes=5))
    for complaint, end in zip(found, REPLY_STEPS):
        handler = users[complaint.handler]
        # drafted once followed up or verified, by the handler; initialled, then signed
        since = complaint.followed_up_on or complaint.verified_on or complaint.received_on
        earliest = max(hours.to_local(complaint.received_at),
                       datetime.datetime.combine(since, office_hours.OPEN))
        at = iter(letters_demo.moments(rng_for_letters(complaint), hours, end, earliest,
                                       latest))
        with replaying(next(at)):
            letter = lifecycle.draft(handler, None, signer=users["kadis"], complaint=complaint)
            letter = lifecycle.edit(handler, letter, fields={"reply_paragraphs": [
                complaint.follow_up or "Pengaduan Saudara telah kami verifikasi bersama "
                "petugas terkait.", REPLIES["sebagian"]]})
        if end != "draft":
            with replaying(next(at)):
                letter = lifecycle.submit(handler, letter)
        if end == "signed":
            with replaying(next(at)):
                letter = lifecycle.paraf(users["kabid"], letter)
            with replaying(next(at)):
                letter = lifecycle.sign(users["kadis"], letter)
        made += 1
    return made


def rng_for_letters(complaint) -> random.Random:
    """Each reply letter's own pace, the same every time the demo is made."""
    return random.Random(complaint.id)


def _after(days: WorkCalendar, start: datetime.date, limit: int, late: bool, rng) -> datetime.date:
    """A working day by the limit (or past it, when late)."""
    offset = limit + rng.randint(1, 4) if late else rng.randint(1, limit)
    return days.add_working_days(start, offset)


def _complaint(rng, i, channel, at, received_on, today, days, figures, services, cases) -> dict:
    kind = "pengaduan" if i % 6 not in (4, 5) else ("saran" if i % 6 == 4 else "apresiasi")
    identity = ("anonim" if channel in ("kotak_saran", "sigap") and rng.random() < 0.6
                else "rahasia" if i % 7 == 3 else "terbuka")
    category = rng.choice(list(SUBJECTS)) if kind == "pengaduan" else "lainnya"
    subject = (rng.choice(SUBJECTS[category]) if kind == "pengaduan"
               else rng.choice(SUGGESTIONS if kind == "saran" else PRAISE))
    about, service, application = "umum", None, None
    if kind == "pengaduan" and cases and i % 4 == 1:
        about, (application, service) = "permohonan", rng.choice(cases)
    elif services and i % 4 == 2:
        about, service = "layanan", rng.choice(services)
    sex = rng.choice("LP")
    name = identities.full_name(rng, sex) if identity != "anonim" else ""
    row = dict(kind=kind, channel=channel, received_at=at, received_on=received_on,
               lapor_ticket=f"LPR{rng.randint(10**6, 10**7 - 1)}" if channel == "lapor" else "",
               about=about, service=service, application=application,
               staff_named="", category=category, subject=subject, description="",
               identity=identity, complainant_name=name,
               complainant_contact=f"08{rng.randint(10**9, 10**10 - 1)}" if name else "",
               complainant_address="", handler="", state="diterima", verified_on=None,
               verification_note="", file_complete_on=None, followed_up_on=None, follow_up="",
               resolved_on=None, reply_kind="", reply_reference="", reply="", outcome="",
               confirmation="", confirmed_on=None)
    row["handler"] = rng.choice(HANDLERS) if i % 9 != 0 else ""  # some still to be routed
    if kind != "pengaduan":
        if (today - received_on).days > 10 and row["handler"]:
            reply_kind = "pengumuman" if identity == "anonim" else "whatsapp"
            row.update(state="ditutup", resolved_on=min(today, days.add_working_days(
                received_on, rng.randint(1, 5))), reply_kind=reply_kind,
                reply="Terima kasih atas masukan Anda.",
                outcome=next(iter(complaints.OUTCOMES[kind])))
        return row
    if not row["handler"]:
        return row
    verify_days, follow_days, resolve_days = figures
    late = i % 5 == 0  # every fifth complaint misses a clock
    stages = (("verified_on", verify_days), ("followed_up_on", follow_days))
    for column, limit in stages:
        if column == "followed_up_on" and i % 12 == 2:
            return row  # verified, its follow-up still owed: whatever day the demo is made
        day = _after(days, received_on, limit, late, rng)
        if day > today:
            return row
        row[column] = day
        row["state"] = "diverifikasi" if column == "verified_on" else "ditindaklanjuti"
        if column == "verified_on":
            row["file_complete_on"] = day
            row["verification_note"] = "Berkas lengkap; klarifikasi petugas terkait."
        else:
            row["follow_up"] = "Klarifikasi kepada petugas dan pemeriksaan berkas."
    done = _after(days, row["file_complete_on"], min(resolve_days, 20), late and i % 10 == 0,
                  rng)
    if done > today or done < row["followed_up_on"]:
        return row
    outcome = rng.choice(list(REPLIES))
    reply_kind = ("lapor" if channel == "lapor" else "pengumuman" if identity == "anonim"
                  else rng.choice(["telepon", "whatsapp", "surat"]))
    row.update(state="selesai", resolved_on=done, reply_kind=reply_kind, reply=REPLIES[outcome],
               outcome=outcome, reply_reference=f"400.9/{rng.randint(100, 999)}/Dinsos/"
               f"{done.year}" if reply_kind == "surat" else "")
    confirm = days.add_working_days(done, rng.randint(1, 3))
    if identity == "anonim":
        row["state"] = "ditutup"
    elif confirm <= today:
        row.update(state="ditutup", confirmed_on=confirm,
                   confirmation="puas" if rng.random() < 0.85 else "tidak_dijawab")
    return row


def _scores(rng: random.Random, mean: float, weak: str) -> dict:
    """Nine answers around `mean`, the `weak` element lower; cost always free (4)."""
    values = {}
    for code in CODES:
        centre = mean - (0.35 if code == weak else 0) + (0.1 if code == "u7" else 0)
        score = round(rng.gauss(centre, 0.55))
        values[code] = 4 if code == "u4" else min(4, max(1, score))
    return values


def _responses(rng: random.Random) -> int:
    today = timefmt.office_today()
    now = utcnow()
    services = list(Service.select(Service.id, Service.code).where(Service.active).tuples())
    rows = []
    for service_id, code in services:
        mean = 2.55 if code == WEAK_SERVICE else rng.uniform(3.05, 3.6)
        weak = "u3" if code == WEAK_SERVICE or rng.random() < 0.5 else rng.choice(
            ("u1", "u2", "u5", "u8", "u9"))  # waiting is what citizens mind most
        for back in range(YEARS_BACK):
            year = today.year - back
            first = datetime.date(year, 1, 1)
            last = min(today, datetime.date(year, 12, 31))
            span = (last - first).days
            for _ in range(rng.randint(12, 45) if span > 60 else rng.randint(2, 8)):
                day = first + datetime.timedelta(days=rng.randint(0, span))
                row = dict(responded_on=day, service=service_id,
                           source=rng.choice(("kertas", "kiosk")),
                           age=rng.randint(18, 80) if rng.random() < 0.9 else None,
                           sex=rng.choice("LP"), education=rng.choice(list(EDUCATION)),
                           occupation=rng.choice(list(OCCUPATIONS)), **_stamp(now))
                row.update(_scores(rng, mean, weak))
                rows.append(row)
    for start in range(0, len(rows), BATCH):
        SkmResponse.insert_many(rows[start:start + BATCH]).execute()
    return len(rows)
