"""Recording an ABH case: the offence and its threatened sentence (so Pelita says whether
diversion is mandatory), the stage and the other parties, the events the legal clocks read,
the social report and the outcome. Every write keeps the application's deadline on the
earliest running clock, so lists and Tugas Saya show it."""
import datetime
import json

from desktop.cases.abh import clocks
from desktop.cases.abh.model import AbhCase, AbhEvent
from desktop.errors import ConflictError, ValidationError
from desktop.models import db
from desktop.services.cases.kind import refuse_under_letter, require_case_writer, set_due
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import clean_text, require_date, require_text

RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat pendampingan ABH"
TEMPLATE = "laporan_sosial_abh"
STAGES = {"penyidikan": "Penyidikan", "penuntutan": "Penuntutan", "pengadilan": "Pengadilan",
          "putusan": "Putusan", "pasca_putusan": "Pasca putusan"}
NEEDS_COURT_CASE = ("putusan", "pasca_putusan")
CONTACT_ROLES = {"penyidik": "Penyidik", "pk_bapas": "Pembimbing Kemasyarakatan (Bapas)",
                 "jaksa": "Penuntut umum", "hakim": "Hakim", "bantuan_hukum": "Bantuan hukum",
                 "lpks": "LPKS"}
EVENTS = {"permintaan_laporan": "Permintaan laporan sosial dari penyidik",
          "laporan_dikirim": "Laporan sosial diserahkan",
          "tahap": "Tahap dimulai",
          "sesi": "Pendampingan",
          "musyawarah": "Musyawarah diversi"}
RESULTS = {"": "Berlanjut", "sepakat": "Kesepakatan diversi", "gagal": "Diversi gagal"}
MAX_THREAT_MONTHS, MAX_CONTACTS = 20 * 12, 20


def read(application) -> AbhCase | None:
    return AbhCase.get_or_none(AbhCase.application == application.id)


def events_of(application_id: int) -> list[AbhEvent]:
    return list(AbhEvent.select().where(AbhEvent.application == application_id)
                .order_by(AbhEvent.at, AbhEvent.id))


def contacts_of(case) -> list[list[str]]:
    return json.loads(case.contacts) if case else []


def age_at_offence(application, case) -> int | None:
    birth = application.person.birth_date if application.person_id else None
    return age_on(birth, case.offence_date) if birth and case else None


def threat_text(months: int) -> str:
    years, rest = divmod(months, 12)
    return " ".join(p for p in (f"{years} tahun" if years else "",
                                f"{rest} bulan" if rest else "") if p) or "tanpa pidana penjara"


def diversion_text(application, case) -> str:
    """What the law asks of this case, for every screen that shows it."""
    age = age_at_offence(application, case)
    if age is not None and age < clocks.OWN_PATH_BELOW:
        return ("Anak belum berusia 12 tahun saat perbuatan: tidak diproses pidana; diserahkan "
                "kembali kepada orang tua/wali atau diikutsertakan dalam program pendidikan dan "
                "pembinaan paling lama 6 bulan (UU SPPA Pasal 21).")
    if clocks.diversion_mandatory(case):
        return ("Diversi WAJIB diupayakan di setiap tahap: ancaman "
                f"{threat_text(case.threat_months)} (di bawah 7 tahun) dan bukan pengulangan "
                "(UU SPPA Pasal 7).")
    why = "pengulangan tindak pidana" if case.repeat else \
        f"ancaman {threat_text(case.threat_months)} (7 tahun atau lebih)"
    return f"Diversi tidak wajib: {why}."


def _now_local(now) -> datetime.datetime:
    return timefmt.to_local(now or timefmt.utcnow())


def _offence_day(offence_date, child, existing, application, today) -> datetime.date:
    day = require_date(offence_date, "Tanggal perbuatan")
    if day > today or day < child.birth_date:
        raise ValidationError("Tanggal perbuatan", "antara tanggal lahir anak dan hari ini.")
    if existing is not None:
        first = next(iter(events_of(application.id)), None)
        if first is not None and timefmt.to_local(first.at).date() < day:
            raise ValidationError("Tanggal perbuatan", "sesudah catatan pertama perkara ini "
                                  f"({timefmt.format_local(first.at)}); periksa tanggalnya.")
    age = age_on(child.birth_date, day)
    if age >= 18:
        raise ValidationError("Tanggal perbuatan", f"anak sudah berusia {age} tahun saat "
                              "perbuatan: UU SPPA berlaku bagi anak yang belum berusia 18 tahun.")
    return day


def _contacts(contacts) -> list[list[str]]:
    people = []
    for number, row in enumerate(contacts or (), start=1):
        role, name, institution, phone = (list(row) + ["", "", "", ""])[:4]
        if role not in CONTACT_ROLES:
            raise ValidationError(f"Pihak {number}", "pilih perannya dari daftar.")
        people.append([role, require_text(name, f"Nama pihak {number}", 120),
                       clean_text(institution, f"Instansi pihak {number}", 160),
                       clean_text(phone, f"Telepon pihak {number}", 30)])
    if len(people) > MAX_CONTACTS:
        raise ValidationError("Pihak", f"paling banyak {MAX_CONTACTS}.")
    return people


# The case form's fields a save refuses when empty, in the form's order.
REQUIRED = ("Tanggal perbuatan", "Perbuatan", "Pasal yang disangkakan", "Ancaman pidana")


def required_fields(stage: str = "penyidikan") -> tuple[str, ...]:
    """What save() refuses empty for a case at `stage` (a new one is at penyidikan): REQUIRED,
    and the court case's number once the judgment is given."""
    return REQUIRED + (("Nomor perkara",) if stage in NEEDS_COURT_CASE else ())


def save(actor, application, existing: AbhCase | None, *, offence_date, offence: str,
         article: str, threat_months, repeat: bool, police_report: str = "",
         court_case: str = "", contacts=(), education: str = "", parent_name: str = "",
         parent_address: str = "", now: datetime.datetime | None = None) -> AbhCase:
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    today = _now_local(now).date()
    child = application.person if application.person_id else None
    if child is None or child.birth_date is None:
        raise ValidationError("Anak", "permohonan ABH dicatat atas nama anak dengan tanggal "
                              "lahirnya; perbaiki data pemohon dulu.")
    checks = FieldChecks()  # every field's refusal shown at once, in the form's order
    run = checks.run
    day = run(_offence_day, offence_date, child, existing, application, today)
    offence = run(require_text, offence, "Perbuatan", 4000, multiline=True)
    article = run(require_text, article, "Pasal yang disangkakan", 200)
    if isinstance(threat_months, bool) or not isinstance(threat_months, int) or \
            not 0 <= threat_months <= MAX_THREAT_MONTHS:
        checks.add("Ancaman pidana", "tulis ancaman pidana penjara pasal yang disangkakan, "
                   "dalam tahun dan bulan (paling lama 20 tahun).")
    police_report = run(clean_text, police_report, "Nomor laporan polisi", 80)
    stage = existing.stage if existing else "penyidikan"
    court_case = run(clean_text, court_case, "Nomor perkara", 80)
    if "Nomor perkara" in required_fields(stage) and court_case == "":
        checks.add("Nomor perkara", "wajib diisi setelah putusan.")
    clean = dict(offence_date=day, offence=offence, article=article,
                 threat_months=threat_months, repeat=bool(repeat), police_report=police_report,
                 court_case=court_case,
                 education=run(clean_text, education, "Pendidikan", 80),
                 parent_name=run(clean_text, parent_name, "Orang tua/wali", 120),
                 parent_address=run(clean_text, parent_address, "Alamat orang tua/wali", 300))
    people = run(_contacts, contacts)
    clean["contacts"] = json.dumps(people or [], ensure_ascii=False)
    checks.raise_errors()
    with db.atomic():
        if existing is None:
            case = records.create(AbhCase, actor, application=application.id, **clean,
                                  duplicate=lambda: ConflictError(
                                      "Data ABH untuk permohonan ini baru saja dicatat di PC "
                                      "lain. Muat ulang untuk melihatnya."))
        else:
            _refuse_under_letter(application)
            case = records.update(existing, actor, **clean)
        refresh_deadline(actor, application, case)
    return case


def add_event(actor, application, case: AbhCase | None, *, kind: str, at, stage: str = "",
              reference: str = "", place: str = "", people: str = "", note: str = "",
              result: str = "", terms: str = "", now: datetime.datetime | None = None
              ) -> AbhEvent:
    """`at` is the office's local date and time the thing happened (the clock starts there)."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if case is None:
        raise ValidationError("ABH", "catat dulu perkaranya (tanggal perbuatan, pasal, ancaman).")
    if kind not in EVENTS:
        raise ValidationError("Jenis catatan", "pilih dari daftar.")
    if not isinstance(at, datetime.datetime):
        raise ValidationError("Waktu", "isi tanggal dan jamnya.")
    at_utc = timefmt.to_utc(at)  # a naive `at` is the office's wall time
    if at_utc > (now or timefmt.utcnow()):
        raise ValidationError("Waktu", "tidak boleh di masa depan.")
    if timefmt.to_local(at_utc).date() < case.offence_date:
        raise ValidationError("Waktu", "tidak boleh sebelum tanggal perbuatan "
                              f"({timefmt.format_date(case.offence_date)}).")
    if kind in ("tahap", "musyawarah"):
        if stage not in STAGES or (kind == "musyawarah" and stage not in clocks.DIVERSION_STAGES):
            raise ValidationError("Tahap", "pilih tahap perkaranya.")
    else:
        stage = ""
    if kind == "tahap" and stage in NEEDS_COURT_CASE and not case.court_case:
        raise ValidationError("Tahap", "catat dulu nomor perkaranya di data ABH.")
    order = list(STAGES)
    earlier = events_of(application.id)
    started = [e for e in earlier if e.kind == "tahap"]
    if kind == "tahap" and started and order.index(stage) <= order.index(case.stage):
        raise ValidationError("Tahap", f"perkara sudah pada tahap {STAGES[case.stage].lower()}"
                              "; tahap berikutnya saja yang dapat dicatat.")
    if result and (kind != "musyawarah" or result not in RESULTS):
        raise ValidationError("Hasil", "hasil hanya untuk musyawarah diversi.")
    terms = clean_text(terms, "Isi kesepakatan", 4000, multiline=True)
    if result == "sepakat" and not terms:
        raise ValidationError("Isi kesepakatan", "tulis isi kesepakatan diversi dan "
                              "pengawasannya.")
    people = clean_text(people, "Yang hadir", 300)
    if kind in ("sesi", "musyawarah") and not people:
        raise ValidationError("Yang hadir", "tulis siapa yang hadir.")
    values = dict(kind=kind, at=at_utc, stage=stage,
                  reference=clean_text(reference, "Nomor surat", 120),
                  place=clean_text(place, "Tempat", 160), people=people,
                  note=clean_text(note, "Catatan", 4000, multiline=True), result=result,
                  terms=terms)
    if kind == "sesi" and not values["note"]:
        raise ValidationError("Catatan", "tulis catatan pendampingannya.")
    if kind == "laporan_dikirim" and not any(
            e.kind == "permintaan_laporan" and e.at <= at_utc for e in earlier):
        raise ValidationError("Waktu" if any(e.kind == "permintaan_laporan" for e in earlier)
                              else "Jenis catatan", "laporan diserahkan sesudah permintaan "
                              "laporan sosial dari penyidik dicatat (tenggat 3×24 jam dihitung "
                              "dari situ).")
    if kind == "musyawarah" and not any(
            e.kind == "tahap" and e.stage == stage and e.at <= at_utc for e in started):
        raise ValidationError("Tahap", f"catat dulu mulainya tahap {STAGES[stage].lower()}, "
                              "sebelum waktu musyawarah ini (tenggat diversi dihitung dari "
                              "situ).")
    with db.atomic():
        event = records.create(AbhEvent, actor, application=application.id, **values)
        if kind == "tahap":
            case = records.update(case, actor, stage=stage)
        refresh_deadline(actor, application, case)
    return event


def save_report(actor, application, case: AbhCase | None, *, assessment: str,
                recommendation: str) -> AbhCase:
    """The social report's assessment and recommendation; its writer signs it."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if case is None:
        raise ValidationError("ABH", "catat dulu perkaranya.")
    _refuse_under_letter(application)
    return records.update(
        case, actor, assessment=require_text(assessment, "Hasil asesmen", 8000, multiline=True),
        recommendation=require_text(recommendation, "Rekomendasi", 4000, multiline=True),
        written_by=actor.username)


def save_outcome(actor, application, case: AbhCase | None, outcome: str) -> AbhCase:
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if case is None:
        raise ValidationError("ABH", "catat dulu perkaranya.")
    return records.update(case, actor, outcome=require_text(
        outcome, "Hasil akhir dan pendampingan lanjutan", 4000, multiline=True))


def deadline(application):
    """The kind's deadline hook: (due_at, due_soon_at) of the earliest running clock."""
    case = read(application)
    if case is None:
        return None
    return clocks.open_due(case, events_of(application.id), age_at_offence(application, case))


def refresh_deadline(actor, application, case) -> None:
    """Keep the application's due fields on the running clocks (None when none runs). They
    follow from the events (audited themselves), so the application's version is left alone:
    another PC with the case open is not sent a conflict for it."""
    set_due(application, clocks.open_due(case, events_of(application.id),
                                         age_at_offence(application, case)) or (None, None))


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, (TEMPLATE,), "ABH", "Laporan sosial ABH")
