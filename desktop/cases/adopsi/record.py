"""Recording an adoption case: the child, the prospective parents (COTA) as people with a
validated NIK, their marriage and the facts the eligibility rules read, and the dated stages of
its way from the city's office to the court. Everything of one form is saved in one
transaction; a refusal names the field and the rule."""
import datetime
import json
from dataclasses import dataclass

from desktop.cases.adopsi.model import AdoptionCase, AdoptionEvent
from desktop.errors import ConflictError, ValidationError, ValidationErrors
from desktop.models import db
from desktop.services.applications import people
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.checks import FieldChecks
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
# A stage form's fields asked only by some stages (stage_required); its "*" follows the stage.
STAGE_CONDITIONAL = (*NEEDS_REFERENCE.values(), "Pengadilan", "Petugas/peserta",
                     "Temuan/catatan")


def stage_required(stage) -> tuple[str, ...]:
    """What add_event() refuses empty for `stage`: the stage and its date, its number, a
    ruling's court, who visited or attended, a visit's findings."""
    asked = ((NEEDS_REFERENCE.get(stage), stage in NEEDS_REFERENCE),
             ("Pengadilan", stage == "putusan"), ("Petugas/peserta", stage in NEEDS_PEOPLE),
             ("Temuan/catatan", stage in REPEATABLE))
    return STAGE_REQUIRED + tuple(field for field, needed in asked if needed)
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

# What an empty form is refused for, in the form's order (the COTA of a couple; a single
# parent's spouse is not asked for); the form marks these "*".
REQUIRED = ("Nama anak", "Tanggal lahir anak", "Jenis kelamin anak", "Agama anak",
            "Status anak", "Anak tinggal di", "Jalur permohonan", "NIK Suami", "Nama Suami",
            "Agama Suami", "NIK Istri", "Nama Istri", "Agama Istri", "Tanggal perkawinan")
STAGE_REQUIRED = ("Tahap", "Tanggal")
SPOUSE_FIELDS = ("NIK {}", "Nama {}", "Agama {}")
# Required only for some values of the others (required_fields); the form's "*" follows.
CONDITIONAL = (*(f.format(label) for label in ("Suami", "Istri") for f in SPOUSE_FIELDS),
               "Tanggal perkawinan", "Nama LKSA/rumah sakit")


def _spouses_asked(route, husband: dict | None, wife: dict | None) -> tuple[str, ...]:
    """A couple both (a route not chosen yet: the usual couple); a single parent the one
    written, the husband's fields until the wife's are; a spouse written is checked."""
    couple = route != "orang_tua_tunggal"
    return tuple(label for label, values in (("Suami", husband), ("Istri", wife))
                 if values or couple or (label == "Suami" and not wife))


def _lives_away(lives) -> bool:
    """The child lives in an LKSA or a hospital, which is named."""
    return lives in LIVES and lives != "keluarga"


def required_fields(route, husband: dict | None = None, wife: dict | None = None,
                    child_lives=None) -> tuple[str, ...]:
    """What save() refuses empty for these values (its `route`, `husband`, `wife` and
    facts' child_lives): REQUIRED but a single parent's absent spouse and marriage date,
    and the LKSA's or hospital's name of a child living there."""
    asked = _spouses_asked(route, husband, wife)
    dropped = {f.format(label) for label in ("Suami", "Istri") if label not in asked
               for f in SPOUSE_FIELDS}
    if route == "orang_tua_tunggal":
        dropped.add("Tanggal perkawinan")
    found = tuple(f for f in REQUIRED if f not in dropped)
    return found + (("Nama LKSA/rumah sakit",) if _lives_away(child_lives) else ())


@dataclass
class _Spouse:
    """A husband or wife as checked, written once every field passed."""
    label: str
    nik: str
    name: str
    religion: str
    birth_place: str
    birth_date: datetime.date | None
    sex: str
    existing: object = None  # the Person with this NIK, when there is one


def _spouse(checks: FieldChecks, actor, values: dict, label: str, today: datetime.date,
            missing: str = "") -> _Spouse | None:
    """The husband or wife checked without writing: the person with this NIK, or a new one
    from it; a NIK that makes the person a child is refused. `missing`: why an absent spouse
    is asked for (said on the NIK)."""
    run = checks.run
    nik = "".join((values.get("nik") or "").split())
    nik_field, name_field = f"NIK {label}", f"Nama {label}"
    if missing and not nik:
        checks.add(nik_field, missing)
        info = None
    else:
        info = run(check_nik, nik, field=nik_field, today=today)
    name = run(require_text, values.get("name", ""), name_field, 120)
    age = age_on(info.birth_date, today) if info is not None else None
    if age is not None and age < ADULT_AGE:
        born = timefmt.format_date(info.birth_date)
        checks.add(nik_field, f"tanggal lahir di NIK ({born}) berarti {label.lower()} baru "
                   f"berusia {age} tahun: calon orang tua angkat harus orang dewasa. Periksa "
                   "NIK-nya.")
    religion = values.get("religion", "")
    if religion not in people.RELIGIONS:
        checks.add(f"Agama {label}", "pilih dari daftar (syarat agama yang sama dengan anak).")
    birth_place = run(optional_text, values.get("birth_place", ""), f"Tempat lahir {label}", 80)
    if checks.failed(nik_field, name_field, f"Agama {label}", f"Tempat lahir {label}"):
        return None
    existing = people.find_by_nik(nik)
    if existing is not None and not people.can_see(actor, existing):
        checks.add(nik_field, "sudah terdaftar, tetapi datanya tidak dapat Anda buka; minta "
                   "Kepala untuk mencatatnya.")
        return None
    if existing is not None and people.name_key(name) != existing.name_key:
        checks.add(name_field, f"NIK ini terdaftar atas nama {existing.name}; periksa NIK-nya, "
                   "atau tulis nama sesuai data itu.")
        return None
    return _Spouse(label, nik, name, religion, birth_place,
                   existing.birth_date if existing is not None and existing.birth_date
                   else info.birth_date, info.sex, existing)


def _write_spouse(actor, spouse: _Spouse, today: datetime.date):
    existing = spouse.existing
    if existing is None:
        return people.register_person(actor, today=today, nik=spouse.nik, name=spouse.name,
                                      birth_date=spouse.birth_date, sex=spouse.sex,
                                      religion=spouse.religion, birth_place=spouse.birth_place)
    changes = {"religion": spouse.religion,
               "birth_place": spouse.birth_place or existing.birth_place}
    if any(getattr(existing, k) != v for k, v in changes.items()):
        return people.update_person(actor, existing, today=today, **changes)
    return existing


CHILD_LABELS = {"Nama lengkap": "Nama anak", "NIK": "NIK anak",
                "Tempat lahir": "Tempat lahir anak", "Tanggal lahir": "Tanggal lahir anak",
                "Jenis kelamin": "Jenis kelamin anak", "Agama": "Agama anak"}


def _child_checks(checks: FieldChecks, actor, values: dict, existing,
                  today: datetime.date):
    """The child's fields checked without writing, as the people service will check them
    (under the child's labels); returns (fields, the person to update or None) or None."""
    run = checks.run
    name = run(require_text, values.get("name", ""), "Nama anak", 120)
    nik = "".join((values.get("nik") or "").split())
    info = run(check_nik, nik, field="NIK anak", today=today) if nik else None
    birth_place = run(optional_text, values.get("birth_place", ""), "Tempat lahir anak", 80)
    birth = run(require_date, values.get("birth_date"), "Tanggal lahir anak")
    if birth is not None and birth > today:
        checks.add("Tanggal lahir anak", "tidak boleh di masa depan.")
    elif birth is not None and age_on(birth, today) >= ADULT_AGE:
        checks.add("Tanggal lahir anak", f"anak sudah berusia {age_on(birth, today)} tahun: "
                   "yang dapat diangkat hanya anak yang belum berusia 18 tahun "
                   "(PP 54/2007 Pasal 12).")
    elif birth is not None and info is not None and info.birth_date != birth:
        checks.add("Tanggal lahir anak", "tidak cocok dengan NIK: NIK menyatakan "
                   f"{timefmt.format_date(info.birth_date)}. Periksa NIK atau tanggal lahir.")
    sex = values.get("sex", "")
    if sex not in people.SEXES:
        checks.add("Jenis kelamin anak", "pilih Laki-laki atau Perempuan.")
    elif info is not None and info.sex != sex:
        checks.add("Jenis kelamin anak", "tidak cocok dengan NIK: NIK menyatakan "
                   f"{people.SEXES[info.sex]}. Periksa NIK atau jenis kelamin.")
    if values.get("religion", "") not in people.RELIGIONS:
        checks.add("Agama anak", "pilih dari daftar (syarat agama yang sama dengan calon orang "
                   "tua angkat).")
    if checks.failed(*CHILD_LABELS.values()):
        return None
    known = people.find_by_nik(nik) if nik else None
    if known is not None and (existing is None or known.id != existing.id):
        if not people.can_see(actor, known):
            checks.add("NIK anak", "sudah terdaftar, tetapi datanya tidak dapat Anda buka; "
                       "minta Kepala untuk mencatatnya.")
            return None
        existing = known  # a child already on file (an earlier applicant): that record
    return dict(name=name, nik=nik, birth_date=birth, sex=sex,
                religion=values["religion"], birth_place=birth_place), existing


def _write_child(actor, fields: dict, existing, today: datetime.date, lives: str, place: str):
    """The child's person: with a NIK or none yet (then where the child is says who it is)."""
    fields = dict(fields, identity_note="" if fields["nik"] else
                  f"belum memiliki NIK; tinggal di {LIVES[lives].lower()} {place}".strip())
    try:
        if existing is not None:
            return people.update_person(actor, existing, today=today, **fields)
        return people.register_person(actor, today=today, documented=bool(fields["nik"]),
                                      **fields)
    except ValidationError as exc:  # the people service names its own form's fields
        errors = [ValidationError(CHILD_LABELS.get(e.field, e.field), e.reason)
                  for e in getattr(exc, "errors", [exc])]
        raise (errors[0] if len(errors) == 1 else ValidationErrors(errors)) from None


def _choice(value, choices: dict, field: str, what: str) -> str:
    if value not in choices:
        raise ValidationError(field, f"pilih {what} dari daftar.")
    return value


# -- the case --------------------------------------------------------------------------------

def save(actor, application, existing: AdoptionCase | None, *, route: str, child: dict,
         husband: dict | None, wife: dict | None, facts: dict,
         today: datetime.date | None = None) -> AdoptionCase:
    """Record (or correct) the child, the COTA and the facts, all or nothing: every field at
    fault is refused at once, in the form's order, before anything is written."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    today = _today(today)
    checks = FieldChecks()
    run = checks.run
    kid = _child_checks(checks, actor, child or {}, existing.child if existing else None,
                        today)
    status = run(_choice, facts.get("child_status"), CHILD_STATUSES, "Status anak",
                 "status anak")
    lives = run(_choice, facts.get("child_lives"), LIVES, "Anak tinggal di",
                "tempat tinggal anak")
    place = run(clean_text, facts.get("child_place", ""), "Nama LKSA/rumah sakit", 160)
    if _lives_away(lives) and place == "":
        checks.add("Nama LKSA/rumah sakit", f"tulis nama {LIVES[lives].lower()} tempat anak "
                   "tinggal sekarang.")
    clean = dict(
        child_status=status, child_disability=bool(facts.get("child_disability")),
        child_lives=lives, child_place=place,
        child_guardian=run(clean_text, facts.get("child_guardian", ""), "Orang tua/wali anak",
                           200),
        child_consent=run(_choice, facts.get("child_consent", ""), CONSENT, "Persetujuan anak",
                          "persetujuan anak"),
        guardian_permission=run(_choice, facts.get("guardian_permission", ""), YES_NO,
                                "Izin tertulis orang tua/wali", "izin orang tua/wali"))
    route = run(_choice, route, ROUTES, "Jalur permohonan", "jalur permohonan")
    couple = route != "orang_tua_tunggal"  # a route not chosen yet: the usual couple
    asked = ("wajib diisi: pasangan suami istri mencatat suami dan istri dengan NIK "
             "masing-masing (orang tua tunggal: pilih jalur itu)." if couple else
             "wajib diisi: catat calon orang tua angkat dengan NIK-nya.")
    found = {}
    spouses = _spouses_asked(route, husband, wife)
    for who, label, values in (("husband", "Suami", husband), ("wife", "Istri", wife)):
        if label in spouses:
            found[label] = _spouse(checks, actor, values or {}, label, today,
                                   "" if values else asked)
        low = label.lower()
        clean[f"{who}_occupation"] = run(clean_text, facts.get(f"{who}_occupation", ""),
                                         f"Pekerjaan {low}", 80)
        text = facts.get(f"{who}_income")
        clean[f"{who}_income"] = (run(check_rupiah, text, f"Penghasilan {low}", allow_zero=True)
                                  if text not in (None, "") else None)
        for fact, field in (("healthy", f"Sehat jasmani dan rohani ({low})"),
                            ("clean", f"SKCK tanpa catatan pidana ({low})")):
            clean[f"{who}_{fact}"] = run(_choice, facts.get(f"{who}_{fact}", ""), YES_NO,
                                         field, "jawaban")
    h, w = found.get("Suami"), found.get("Istri")
    if h is not None and w is not None and h.nik == w.nik:
        checks.add("NIK Istri", "suami dan istri tidak boleh orang yang sama.")
    if kid is not None and kid[0]["nik"] and kid[0]["nik"] in {
            s.nik for s in found.values() if s is not None}:
        checks.add("NIK anak", "anak tidak boleh sama dengan calon orang tua angkatnya.")
    marriage = facts.get("marriage_date")
    if marriage is not None and not isinstance(marriage, datetime.date):
        checks.add("Tanggal perkawinan", "bukan tanggal; pilih dari kalender.")
    elif couple and marriage is None:
        checks.add("Tanggal perkawinan", "wajib diisi untuk pasangan suami istri (syarat "
                   "menikah paling singkat 5 tahun).")
    elif marriage is not None and marriage > today:
        checks.add("Tanggal perkawinan", "tidak boleh di masa depan.")
    elif marriage is not None:
        for spouse in (h, w):
            if spouse is not None and spouse.birth_date and marriage <= spouse.birth_date:
                born = timefmt.format_date(spouse.birth_date)
                checks.add("Tanggal perkawinan", f"sebelum tanggal lahir "
                           f"{spouse.label.lower()} ({born}); periksa akta nikahnya.")
                break
    children = facts.get("children_count")
    if children is not None and (isinstance(children, bool) or not isinstance(children, int)
                                 or not 0 <= children <= 30):
        checks.add("Jumlah anak kandung/angkat", "tulis 0 sampai 30, atau kosongkan bila "
                   "belum diketahui.")
    previous = facts.get("previous_adoptions") or ()
    if len(previous) > MAX_PREVIOUS or any(not isinstance(d, datetime.date) or d > today
                                          for d in previous):
        checks.add("Pengangkatan sebelumnya", "tanggal putusan pengangkatan anak sebelumnya, "
                   "paling lambat hari ini.")
        previous = ()
    clean.update(
        route=route, marriage_date=marriage,
        marriage_number=run(clean_text, facts.get("marriage_number", ""), "Nomor akta nikah",
                            80),
        children_count=children,
        previous_adoptions=json.dumps([d.isoformat() for d in sorted(previous)]),
        able=run(_choice, facts.get("able", ""), YES_NO, "Mampu ekonomi dan sosial",
                 "penilaian"),
        statement=run(_choice, facts.get("statement", ""), YES_NO, "Pernyataan kepentingan "
                      "terbaik anak", "jawaban"),
        able_note=run(clean_text, facts.get("able_note", ""), "Catatan penilaian", 2000,
                      multiline=True))
    checks.raise_errors()
    if existing is not None:
        _refuse_under_letter(application)
    with db.atomic():
        written = {label: _write_spouse(actor, spouse, today) if spouse else None
                   for label, spouse in found.items()}
        h, w = written.get("Suami"), written.get("Istri")
        person = _write_child(actor, kid[0], kid[1], today, lives, place)
        if person.id in {p.id for p in (h, w) if p is not None}:
            raise ValidationError("NIK anak", "anak tidak boleh sama dengan calon orang tua "
                                  "angkatnya.")
        clean.update(child=person.id, husband=h.id if h else None, wife=w.id if w else None)
        if existing is None:
            case = records.create(AdoptionCase, actor, application=application.id, **clean,
                                  duplicate=lambda: ConflictError(
                                      "Data pengangkatan anak untuk permohonan ini baru saja "
                                      "dicatat di PC lain. Muat ulang untuk melihatnya."))
        else:
            case = records.update(existing, actor, **clean)
        # the child and the COTA are as closed as the case
        people.link_case_people(application, {"anak": person, "suami": h, "istri": w})
        return case


def add_event(actor, application, case: AdoptionCase | None, *, stage: str, on_date,
              reference: str = "", court: str = "", people_text: str = "", note: str = "",
              today: datetime.date | None = None) -> AdoptionEvent:
    """Record one stage with its date (not before the application, not after today); every
    field at fault is refused at once."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if case is None:
        raise ValidationError("Pengangkatan anak", "catat dulu data anak dan calon orang tua "
                              "angkatnya.")
    today = _today(today)
    checks = FieldChecks()
    run = checks.run
    stage = run(_choice, stage, STAGES, "Tahap", "tahap")
    if stage is not None and stage not in REPEATABLE and AdoptionEvent.select().where(
            (AdoptionEvent.application == application.id) & ~AdoptionEvent.cancelled
            & (AdoptionEvent.stage == stage)).exists():
        checks.add("Tahap", f"{STAGES[stage]} sudah tercatat; batalkan catatan yang lama bila "
                   "perlu diperbaiki.")
    day = run(require_date, on_date, "Tanggal")
    received = timefmt.to_local(application.received_at).date()
    if day is not None and day > today:
        checks.add("Tanggal", "tidak boleh di masa depan.")
    elif day is not None and day < received:
        what = ("Izin pengasuhan tidak boleh mulai" if stage == "izin_pengasuhan"
                else "Tahap ini tidak boleh tercatat")
        checks.add("Tanggal", f"{what} sebelum permohonan diterima "
                   f"({timefmt.format_date(received)}).")
    asked = stage_required(stage)
    reference = run(clean_text, reference, NEEDS_REFERENCE.get(stage, "Nomor"), 120)
    if NEEDS_REFERENCE.get(stage) in asked and reference == "":
        checks.add(NEEDS_REFERENCE[stage], f"wajib diisi untuk {STAGES[stage].lower()}.")
    court = run(clean_text, court, "Pengadilan", 120)
    if "Pengadilan" in asked and court == "":
        checks.add("Pengadilan", "tulis pengadilan yang memutus (misalnya Pengadilan Agama "
                   "Magelang).")
    people_text = run(clean_text, people_text, "Petugas/peserta", 200)
    if "Petugas/peserta" in asked and people_text == "":
        checks.add("Petugas/peserta", "tulis siapa yang berkunjung atau hadir.")
    note = run(clean_text, note, "Temuan/catatan", 4000, multiline=True)
    if "Temuan/catatan" in asked and note == "":
        checks.add("Temuan/catatan", "tulis temuan kunjungannya.")
    checks.raise_errors()
    with db.atomic():
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
