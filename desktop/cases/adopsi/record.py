"""Recording an adoption case: the child, the prospective parents (COTA) as people with a
validated NIK, their marriage and the facts the eligibility rules read, and the dated stages of
its way from the city's office to the court. Everything of one form is saved in one
transaction; a refusal names the field and the rule."""
import datetime
import json

from desktop.cases.adopsi.model import AdoptionCase, AdoptionEvent
from desktop.errors import ConflictError, ValidationError
from desktop.models import db
from desktop.services.applications import people
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.validators import (check_nik, check_rupiah, clean_text,
                                                optional_text, require_date, require_text)

RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER, permissions.FRONT_OFFICE})
RECORD_DOING = "mencatat data pengangkatan anak"
TEMPLATE = "rekomendasi_pengangkatan_anak"

ROUTES = {"pasangan_wni": "Pasangan suami istri WNI",
          "orang_tua_tunggal": "Orang tua tunggal (Tim PIPA Pusat)",
          "wni_wna": "Pasangan WNI–WNA (Tim PIPA Pusat)"}
CHILD_STATUSES = {"terlantar": "Anak terlantar", "ditelantarkan": "Anak yang ditelantarkan",
                  "perlindungan_khusus": "Anak yang memerlukan perlindungan khusus"}
LIVES = {"keluarga": "Keluarga", "lksa": "LKSA (panti asuhan)", "rumah_sakit": "Rumah sakit"}
YES_NO = {"": "Belum diketahui", "ya": "Ya", "tidak": "Tidak"}
CONSENT = {"": "Belum diketahui", "ya": "Setuju", "tidak": "Tidak setuju",
           "belum_mampu": "Anak belum mampu menyatakan"}
# The stages in their order (PP 54/2007; Permensos 110/HUK/2009; the Magelang seed).
STAGES = {
    "pemeriksaan_berkas": "Pemeriksaan berkas",
    "kunjungan_rumah": "Kunjungan rumah",
    "laporan_sosial": "Laporan sosial pekerja sosial",
    "izin_pengasuhan": "Izin pengasuhan dari provinsi",
    "kunjungan_pengasuhan": "Kunjungan selama pengasuhan",
    # After the care period: the recommendation needs 6 months' care (PP 54/2007 Pasal 13 m).
    "rekomendasi": "Rekomendasi Dinas ke provinsi",
    "tim_pipa": "Sidang Tim PIPA Daerah",
    "izin_pengangkatan": "Izin pengangkatan anak",
    "putusan": "Putusan pengadilan",
}
REPEATABLE = ("kunjungan_rumah", "kunjungan_pengasuhan")
NEEDS_REFERENCE = {"laporan_sosial": "Nomor laporan sosial",
                   "izin_pengasuhan": "Nomor izin pengasuhan",
                   "izin_pengangkatan": "Nomor izin pengangkatan",
                   "putusan": "Nomor putusan"}
NEEDS_PEOPLE = ("kunjungan_rumah", "kunjungan_pengasuhan", "tim_pipa")
ADULT_AGE, MAX_PREVIOUS = 18, 10



def read(application) -> AdoptionCase | None:
    return AdoptionCase.get_or_none(AdoptionCase.application == application.id)


def events_of(application_id: int) -> list[AdoptionEvent]:
    """The case's stages, oldest first (one query)."""
    return list(AdoptionEvent.select()
                .where((AdoptionEvent.application == application_id)
                       & ~AdoptionEvent.cancelled)
                .order_by(AdoptionEvent.on_date, AdoptionEvent.id))


def previous_of(case: AdoptionCase | None) -> list[datetime.date]:
    if case is None:
        return []
    return [datetime.date.fromisoformat(day) for day in json.loads(case.previous_adoptions)]


def _today(today) -> datetime.date:
    return today or timefmt.to_local(timefmt.utcnow()).date()


# -- people ----------------------------------------------------------------------------------

def _spouse(actor, values: dict, label: str, today: datetime.date):
    """The husband or wife: the person with this NIK, or a new one from it; a NIK that makes
    the person a child is refused."""
    nik = "".join((values.get("nik") or "").split())
    info = check_nik(nik, field=f"NIK {label}", today=today)
    name = require_text(values.get("name", ""), f"Nama {label}", 120)
    age = age_on(info.birth_date, today)
    if age < ADULT_AGE:
        born = timefmt.format_date(info.birth_date)
        raise ValidationError(f"NIK {label}", f"tanggal lahir di NIK ({born}) berarti "
                              f"{label.lower()} baru berusia {age} tahun: calon orang tua "
                              "angkat harus orang dewasa. Periksa NIK-nya.")
    religion = values.get("religion", "")
    if religion not in people.RELIGIONS:
        raise ValidationError(f"Agama {label}", "pilih dari daftar (syarat agama yang sama "
                              "dengan anak).")
    birth_place = optional_text(values.get("birth_place", ""), f"Tempat lahir {label}", 80)
    existing = people.find_by_nik(nik)
    if existing is None:
        return people.register_person(actor, today=today, nik=nik, name=name,
                                      birth_date=info.birth_date, sex=info.sex,
                                      religion=religion, birth_place=birth_place)
    if not people.can_see(actor, existing):
        raise ValidationError(f"NIK {label}", "sudah terdaftar, tetapi datanya tidak dapat Anda "
                              "buka; minta Kepala untuk mencatatnya.")
    if people.name_key(name) != existing.name_key:
        raise ValidationError(f"Nama {label}", f"NIK ini terdaftar atas nama {existing.name}; "
                              "periksa NIK-nya, atau tulis nama sesuai data itu.")
    changes = {"religion": religion, "birth_place": birth_place or existing.birth_place}
    if any(getattr(existing, k) != v for k, v in changes.items()):
        return people.update_person(actor, existing, today=today, **changes)
    return existing


def _child(actor, values: dict, existing, today: datetime.date, lives: str, place: str):
    """The child's person: with a NIK or none yet (then where the child is says who it is)."""
    birth = require_date(values.get("birth_date"), "Tanggal lahir anak")
    if birth > today:
        raise ValidationError("Tanggal lahir anak", "tidak boleh di masa depan.")
    age = age_on(birth, today)
    if age >= ADULT_AGE:
        raise ValidationError("Tanggal lahir anak", f"anak sudah berusia {age} tahun: yang "
                              "dapat diangkat hanya anak yang belum berusia 18 tahun "
                              "(PP 54/2007 Pasal 12).")
    if values.get("religion", "") not in people.RELIGIONS:
        raise ValidationError("Agama anak", "pilih dari daftar (syarat agama yang sama dengan "
                              "calon orang tua angkat).")
    if values.get("sex", "") not in people.SEXES:
        raise ValidationError("Jenis kelamin anak", "pilih Laki-laki atau Perempuan.")
    fields = dict(name=values.get("name", ""), nik=values.get("nik") or "", birth_date=birth,
                  sex=values["sex"], religion=values["religion"],
                  birth_place=values.get("birth_place", ""),
                  identity_note="" if values.get("nik") else
                  f"belum memiliki NIK; tinggal di {LIVES[lives].lower()} {place}".strip())
    labels = {"Nama lengkap": "Nama anak", "NIK": "NIK anak", "Tempat lahir": "Tempat lahir anak",
              "Tanggal lahir": "Tanggal lahir anak", "Jenis kelamin": "Jenis kelamin anak"}
    known = people.find_by_nik(fields["nik"]) if fields["nik"] else None
    if known is not None and (existing is None or known.id != existing.id):
        if not people.can_see(actor, known):
            raise ValidationError("NIK anak", "sudah terdaftar, tetapi datanya tidak dapat Anda "
                                  "buka; minta Kepala untuk mencatatnya.")
        existing = known  # a child already on file (an earlier applicant): that record
    try:
        if existing is not None:
            return people.update_person(actor, existing, today=today, **fields)
        return people.register_person(actor, today=today, documented=bool(fields["nik"]),
                                      **fields)
    except ValidationError as exc:  # the people service names its own form's fields
        raise ValidationError(labels.get(exc.field, exc.field), exc.message) from None


def _choice(value, choices: dict, field: str, what: str) -> str:
    if value not in choices:
        raise ValidationError(field, f"pilih {what} dari daftar.")
    return value


# -- the case --------------------------------------------------------------------------------

def save(actor, application, existing: AdoptionCase | None, *, route: str, child: dict,
         husband: dict | None, wife: dict | None, facts: dict,
         today: datetime.date | None = None) -> AdoptionCase:
    """Record (or correct) the child, the COTA and the facts, all or nothing."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    today = _today(today)
    route = _choice(route, ROUTES, "Jalur permohonan", "jalur permohonan")
    status = _choice(facts.get("child_status"), CHILD_STATUSES, "Status anak", "status anak")
    lives = _choice(facts.get("child_lives"), LIVES, "Anak tinggal di", "tempat tinggal anak")
    place = clean_text(facts.get("child_place", ""), "Nama LKSA/rumah sakit", 160)
    if lives != "keluarga" and not place:
        raise ValidationError("Nama LKSA/rumah sakit", f"tulis nama {LIVES[lives].lower()} "
                              "tempat anak tinggal sekarang.")
    spouses = {"Suami": husband, "Istri": wife}
    if route != "orang_tua_tunggal" and not (husband and wife):
        raise ValidationError("NIK Istri" if husband else "NIK Suami", "pasangan suami istri: "
                              "catat suami dan istri dengan NIK masing-masing (orang tua "
                              "tunggal: pilih jalur itu).")
    if not any(spouses.values()):
        raise ValidationError("NIK Suami", "catat calon orang tua angkat dengan NIK-nya.")
    marriage = facts.get("marriage_date")
    if marriage is not None and not isinstance(marriage, datetime.date):
        raise ValidationError("Tanggal perkawinan", "bukan tanggal; pilih dari kalender.")
    if route != "orang_tua_tunggal" and marriage is None:
        raise ValidationError("Tanggal perkawinan", "wajib diisi untuk pasangan suami istri "
                              "(syarat menikah paling singkat 5 tahun).")
    if marriage is not None and marriage > today:
        raise ValidationError("Tanggal perkawinan", "tidak boleh di masa depan.")
    children = facts.get("children_count")
    if children is not None and (isinstance(children, bool) or not isinstance(children, int)
                                 or not 0 <= children <= 30):
        raise ValidationError("Jumlah anak kandung/angkat", "tulis 0 sampai 30, atau kosongkan "
                              "bila belum diketahui.")
    previous = sorted(facts.get("previous_adoptions") or ())
    if len(previous) > MAX_PREVIOUS or any(not isinstance(d, datetime.date) or d > today
                                          for d in previous):
        raise ValidationError("Pengangkatan sebelumnya", "tanggal putusan pengangkatan anak "
                              "sebelumnya, paling lambat hari ini.")
    incomes = {}
    for who in ("husband", "wife"):
        text = facts.get(f"{who}_income")
        label = "Penghasilan suami" if who == "husband" else "Penghasilan istri"
        incomes[f"{who}_income"] = (check_rupiah(text, label, allow_zero=True)
                                    if text not in (None, "") else None)
    clean = dict(
        route=route, child_status=status, child_disability=bool(facts.get("child_disability")),
        child_lives=lives, child_place=place,
        child_guardian=clean_text(facts.get("child_guardian", ""), "Orang tua/wali anak", 200),
        husband_occupation=clean_text(facts.get("husband_occupation", ""), "Pekerjaan suami", 80),
        wife_occupation=clean_text(facts.get("wife_occupation", ""), "Pekerjaan istri", 80),
        **incomes, marriage_date=marriage,
        marriage_number=clean_text(facts.get("marriage_number", ""), "Nomor akta nikah", 80),
        children_count=children,
        previous_adoptions=json.dumps([d.isoformat() for d in previous]),
        able=_choice(facts.get("able", ""), YES_NO, "Mampu ekonomi dan sosial", "penilaian"),
        able_note=clean_text(facts.get("able_note", ""), "Catatan penilaian", 2000,
                             multiline=True),
        child_consent=_choice(facts.get("child_consent", ""), CONSENT, "Persetujuan anak",
                              "persetujuan anak"),
        guardian_permission=_choice(facts.get("guardian_permission", ""), YES_NO,
                                    "Izin tertulis orang tua/wali", "izin orang tua/wali"),
        statement=_choice(facts.get("statement", ""), YES_NO, "Pernyataan kepentingan terbaik "
                          "anak", "jawaban"))
    for who, label in (("husband", "suami"), ("wife", "istri")):
        for fact, field in (("healthy", f"Sehat jasmani dan rohani ({label})"),
                            ("clean", f"SKCK tanpa catatan pidana ({label})")):
            clean[f"{who}_{fact}"] = _choice(facts.get(f"{who}_{fact}", ""), YES_NO, field,
                                             "jawaban")
    if existing is not None:
        _refuse_under_letter(application)
    with db.atomic():
        found = {}
        for label, values in spouses.items():
            found[label] = _spouse(actor, values, label, today) if values else None
        h, w = found["Suami"], found["Istri"]
        if h is not None and w is not None and h.id == w.id:
            raise ValidationError("NIK Istri", "suami dan istri tidak boleh orang yang sama.")
        if marriage is not None:
            for label, person in found.items():
                if person is not None and person.birth_date and marriage <= person.birth_date:
                    born = timefmt.format_date(person.birth_date)
                    raise ValidationError("Tanggal perkawinan", "sebelum tanggal lahir "
                                          f"{label.lower()} ({born}); periksa akta nikahnya.")
        kid = _child(actor, child, existing.child if existing else None, today, lives, place)
        if kid.id in {p.id for p in found.values() if p is not None}:
            raise ValidationError("NIK anak", "anak tidak boleh sama dengan calon orang tua "
                                  "angkatnya.")
        clean.update(child=kid.id, husband=h.id if h else None, wife=w.id if w else None)
        if existing is None:
            case = records.create(AdoptionCase, actor, application=application.id, **clean,
                                  duplicate=lambda: ConflictError(
                                      "Data pengangkatan anak untuk permohonan ini baru saja "
                                      "dicatat di PC lain. Muat ulang untuk melihatnya."))
        else:
            case = records.update(existing, actor, **clean)
        # the child and the COTA are as closed as the case
        people.link_case_people(application, {"anak": kid, "suami": h, "istri": w})
        return case


def add_event(actor, application, case: AdoptionCase | None, *, stage: str, on_date,
              reference: str = "", court: str = "", people_text: str = "", note: str = "",
              today: datetime.date | None = None) -> AdoptionEvent:
    """Record one stage with its date (not before the application, not after today)."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if case is None:
        raise ValidationError("Pengangkatan anak", "catat dulu data anak dan calon orang tua "
                              "angkatnya.")
    today = _today(today)
    stage = _choice(stage, STAGES, "Tahap", "tahap")
    day = require_date(on_date, "Tanggal")
    received = timefmt.to_local(application.received_at).date()
    if day > today:
        raise ValidationError("Tanggal", "tidak boleh di masa depan.")
    if day < received:
        what = ("Izin pengasuhan tidak boleh mulai" if stage == "izin_pengasuhan"
                else "Tahap ini tidak boleh tercatat")
        raise ValidationError("Tanggal", f"{what} sebelum permohonan diterima "
                              f"({timefmt.format_date(received)}).")
    reference = clean_text(reference, NEEDS_REFERENCE.get(stage, "Nomor"), 120)
    if stage in NEEDS_REFERENCE and not reference:
        raise ValidationError(NEEDS_REFERENCE[stage], f"wajib diisi untuk "
                              f"{STAGES[stage].lower()}.")
    court = clean_text(court, "Pengadilan", 120)
    if stage == "putusan" and not court:
        raise ValidationError("Pengadilan", "tulis pengadilan yang memutus (misalnya "
                              "Pengadilan Agama Magelang).")
    people_text = clean_text(people_text, "Petugas/peserta", 200)
    if stage in NEEDS_PEOPLE and not people_text:
        raise ValidationError("Petugas/peserta", "tulis siapa yang berkunjung atau hadir.")
    note = clean_text(note, "Temuan/catatan", 4000, multiline=True)
    if stage in REPEATABLE and not note:
        raise ValidationError("Temuan/catatan", "tulis temuan kunjungannya.")
    with db.atomic():
        if stage not in REPEATABLE and AdoptionEvent.select().where(
                (AdoptionEvent.application == application.id) & ~AdoptionEvent.cancelled
                & (AdoptionEvent.stage == stage)).exists():
            raise ValidationError("Tahap", f"{STAGES[stage]} sudah tercatat; batalkan catatan "
                                  "yang lama bila perlu diperbaiki.")
        return records.create(AdoptionEvent, actor, application=application.id, stage=stage,
                              on_date=day, reference=reference, court=court,
                              people=people_text, note=note)


def cancel_event(actor, application, event: AdoptionEvent) -> AdoptionEvent:
    """A stage recorded by mistake is cancelled, not deleted: its record stays (and stays as
    closed as the case); not once the recommendation states it."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if event.application_id != application.id:
        raise ValidationError("Tahap", "catatan ini bukan dari permohonan ini.")
    _refuse_under_letter(application)
    return records.update(event, actor, cancelled=True)


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, (TEMPLATE,), "Pengangkatan anak",
                        "Rekomendasi pengangkatan anak")
