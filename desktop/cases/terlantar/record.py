"""Recording a stranded traveller or a tuna sosial person: the report, the outreach and first
assessment, the identity (a person without papers is completed later), then the journey home
with the police letter, or the shelter stay (at most the set nights, longer only with an
emergency reason), family tracing and a medical referral to the hospital that takes them.
Someone helped before is recognised (same person, or same name and birth place)."""
import datetime
from dataclasses import dataclass

from peewee import JOIN

from desktop.cases.terlantar.model import ShelterStay, StrandedCase
from desktop.errors import ValidationError
from desktop.models import Application, Institution, Person, Service, db
from desktop.services.admin import settings
from desktop.services.applications import case_access
from desktop.services.cases.kind import (create_record, refuse_under_letter,
                                         require_case_writer, set_due)
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_rupiah, clean_text,
                                                require_past_moment, require_text)

RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER, permissions.FRONT_OFFICE,
                          permissions.DUTY_OFFICER})
RECORD_DOING = "mencatat penanganan orang terlantar dan tuna sosial"
JOURNEY_LETTER, MEDICAL_LETTER = "pemulangan_orang_terlantar", "rujukan_medis_tuna_sosial"

TRACKS = {"perjalanan": "Orang terlantar di perjalanan (dipulangkan)",
          "tuna_sosial": "Tuna sosial (rumah singgah)"}
# Magetan's two services are the journey home only; Magelang's covers both.
TRACKS_OF_SERVICE = {"mgl-orang-terlantar-tuna-sosial": ("perjalanan", "tuna_sosial"),
                     "mgt-11-pemulangan-orang-terlantar": ("perjalanan",),
                     "mgt-12-pemulangan-anak-terlantar": ("perjalanan",)}
CHILD_SERVICE = "mgt-12-pemulangan-anak-terlantar"
SOURCES = {"masyarakat": "Masyarakat", "polisi": "Kepolisian", "satpol_pp": "Satpol PP",
           "instansi": "Instansi/OPD lain", "rumah_sakit": "Rumah sakit",
           "petugas": "Temuan petugas"}
IDENTITY = {"": "Belum diperiksa", "ada": "Ada identitas", "tidak": "Tanpa identitas"}

SHELTER_NIGHTS = settings.SettingDef(
    "terlantar.shelter_nights", "Batas tinggal di rumah singgah", 7, 1, 60, "malam",
    help="Standar pelayanan Dinsos Kota Magelang (Layanan Orang Terlantar dan Tuna Sosial): "
    "paling lama 7 hari, dikecualikan bila ada kondisi darurat penerima manfaat; lebih dari "
    "itu hanya dengan alasan darurat yang dicatat.")
RESPONSE_HOURS = 24  # the seed's "1 hari setelah ada laporan masuk"
HOUR = datetime.timedelta(hours=1)


def read(application) -> StrandedCase | None:
    return (StrandedCase.select(StrandedCase, Institution)
            .join(Institution, JOIN.LEFT_OUTER,
                  on=(StrandedCase.medical_institution == Institution.id))
            .where(StrandedCase.application == application.id).first())


def stays_of(application_id: int) -> list[ShelterStay]:
    return list(ShelterStay.select().where(ShelterStay.application == application_id)
                .order_by(ShelterStay.check_in, ShelterStay.id))


def tracks_for(application) -> tuple[str, ...]:
    return TRACKS_OF_SERVICE.get(application.service.code, tuple(TRACKS))


def is_child(application) -> bool:
    person = application.person if application.person_id else None
    if application.service.code == CHILD_SERVICE:
        return True
    if person is None or person.birth_date is None:
        return False
    return age_on(person.birth_date, timefmt.to_local(timefmt.utcnow()).date()) < 18


def nights_between(start: datetime.datetime, end: datetime.datetime) -> int:
    """The office's midnights passed from `start` to `end` (naive UTC)."""
    return (timefmt.to_local(end).date() - timefmt.to_local(start).date()).days


def nights(stay: ShelterStay, now: datetime.datetime) -> int:
    """Nights spent: since check-in, to check-out or now."""
    return nights_between(stay.check_in, stay.check_out or now)


def used_nights(stays, stay=None) -> int:
    """Nights the case's earlier stays used (checked out, before `stay`): the limit is the
    case's, so leaving and coming back does not start it again."""
    return sum(nights(s, s.check_out) for s in stays
               if s.check_out is not None and s is not stay
               and (stay is None or s.check_in < stay.check_in))


def used_nights_by_case(application_ids) -> dict[int, int]:
    """used_nights for several cases at once (one query: their checked-out stays)."""
    used = {}
    for s in ShelterStay.select().where(ShelterStay.application.in_(list(application_ids))
                                        & ShelterStay.check_out.is_null(False)):
        used[s.application_id] = used.get(s.application_id, 0) + nights(s, s.check_out)
    return used


def stay_text(stay: ShelterStay, now: datetime.datetime, used: int = 0) -> tuple[str, str]:
    """(state, words) of a stay, after `used` nights of the case's earlier stays: 'out';
    'ok'; 'last' (tonight is the last night allowed); 'over' (tonight would pass the limit and
    no emergency reason is recorded: the alarm); 'emergency' (past it, with the reason)."""
    limit, spent = settings.value(SHELTER_NIGHTS), used + nights(stay, now)
    if stay.check_out is not None:
        return "out", f"keluar {timefmt.format_local(stay.check_out)} setelah {spent} malam"
    tonight = spent + 1
    if tonight > limit:
        if stay.emergency_reason:
            return "emergency", f"malam ke-{tonight}, melewati {limit} malam dengan alasan " \
                "darurat"
        return "over", f"malam ke-{tonight}: melewati batas {limit} malam tanpa alasan " \
            "darurat; keluarkan hari ini atau catat alasan darurat"
    if tonight == limit:
        return "last", f"malam ke-{tonight} dari {limit}: malam terakhir"
    return "ok", f"malam ke-{tonight} dari {limit}, sisa {limit - tonight} malam lagi"


@dataclass(frozen=True)
class Guest:
    """Someone in the shelter now: the stay, the nights the case has used (earlier stays
    included) and the countdown's state and words (stay_text)."""

    stay: ShelterStay
    nights: int
    state: str
    words: str


def guests(actor, now: datetime.datetime) -> list[Guest]:
    """The current guests with their countdowns, for the Rumah Singgah page and Tugas Saya
    (two queries: the stays, and the guests' earlier stays)."""
    stays = current_guests(actor)
    used = used_nights_by_case(s.application_id for s in stays) if stays else {}
    found = []
    for stay in stays:
        before = used.get(stay.application_id, 0)
        state, words = stay_text(stay, now, before)
        found.append(Guest(stay, before + nights(stay, now), state, words))
    return found


def current_guests(actor) -> list[ShelterStay]:
    """Who is in the shelter now, from the database: stays not checked out, with the person
    and the application (one query), those `actor` may read."""
    query = (ShelterStay.select(ShelterStay, Application, Person)
             .join(Application, on=(ShelterStay.application == Application.id))
             .join(Person, on=(Application.person == Person.id))
             .where(ShelterStay.check_out.is_null()))
    visible = case_access.visible(actor)
    if visible is not None:
        query = query.where(visible)
    return list(query.order_by(ShelterStay.check_in))


def earlier_cases(actor, application) -> list[Application]:
    person = application.person if application.person_id else None
    return earlier_for_person(actor, person, application.id) if person else []


def earlier_for_person(actor, person, exclude_id=None) -> list[Application]:
    """The person's cases of this kind: the same person (one NIK, one record), or a person
    without papers of the same name and birth place, that `actor` may read."""
    same = (Application.person == person.id)
    if person.birth_place:
        same = same | ((Person.name_key == person.name_key)
                       & (Person.birth_place == person.birth_place))
    query = (Application.select(Application.id, Application.reg_number,
                                Application.received_at, Application.state)
             .join(Person, on=(Application.person == Person.id)).switch(Application)
             .join(Service, on=(Application.service == Service.id))
             .where(same & (Service.case_kind == "terlantar")))
    if exclude_id is not None:
        query = query.where(Application.id != exclude_id)
    visible = case_access.visible(actor)
    if visible is not None:
        query = query.where(visible)
    return list(query.order_by(Application.received_at.desc()).limit(20))


def deadline(application):
    """The case's own clock, replacing the catalog's once it is recorded (Magelang's "1 day"
    is for travellers; a shelter guest's limit is the nights): a day from the report until the
    journey starts or the officers reach a tuna sosial person; then the shelter's last
    allowed day, none with an emergency reason or once out. None before the case is
    recorded; (None, None) when no clock runs."""
    case = read(application)
    if case is None:
        return None
    response = case.reported_at + datetime.timedelta(hours=RESPONSE_HOURS)
    if case.track == "perjalanan":
        return (None, None) if case.departure_at else (response, response - 6 * HOUR)
    stays = stays_of(application.id)
    stay = next((s for s in stays if s.check_out is None), None)
    if stay is not None:
        if stay.emergency_reason:
            return None, None
        left = max(0, settings.value(SHELTER_NIGHTS) - used_nights(stays, stay))
        last_day = timefmt.to_local(stay.check_in).date() + datetime.timedelta(days=left)
        due = timefmt.to_utc(datetime.datetime.combine(last_day, datetime.time(23, 59)))
        return due, due - 24 * HOUR
    if case.outreach_at is None:
        return response, response - 6 * HOUR
    return None, None


def _refresh_deadline(application) -> None:
    """The application's due fields on the case's clock (lists, filters and Tugas Saya
    read them)."""
    due = deadline(application)
    if due is not None:
        set_due(application, due)


def _writer(actor, application):
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)


def _now(now):
    return now or timefmt.utcnow()


# What each form refuses when left empty, in the form's order; the forms mark these "*".
REPORT_REQUIRED = ("Jenis penanganan", "Sumber laporan", "Tempat ditemukan", "Waktu laporan")
OUTREACH_REQUIRED = ("Waktu penjangkauan", "Asesmen awal")
JOURNEY_REQUIRED = ("Surat keterangan kepolisian", "Tujuan pemulangan", "Moda transportasi",
                    "Waktu berangkat")
TRACING_REQUIRED = ("Penelusuran keluarga",)
MEDICAL_REQUIRED = ("Rumah sakit rujukan", "Waktu dirujuk", "Keluhan/kondisi")
CHECK_IN_REQUIRED = ("Waktu masuk",)
CHECK_OUT_REQUIRED = ("Waktu keluar",)
EMERGENCY_REQUIRED = ("Alasan darurat",)


def journey_required(application) -> tuple[str, ...]:
    """A child travels with a companion: "Pendamping" too."""
    if not is_child(application):
        return JOURNEY_REQUIRED
    return JOURNEY_REQUIRED[:-1] + ("Pendamping",) + JOURNEY_REQUIRED[-1:]


def save_report(actor, application, existing: StrandedCase | None, *, track: str,
                source: str, found_place: str, reported_at, reporter: str = "",
                now: datetime.datetime | None = None) -> StrandedCase:
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    stays = stays_of(application.id) if existing is not None else []
    if track not in tracks_for(application):
        checks.add("Jenis penanganan", "layanan ini untuk "
                   + " atau ".join(TRACKS[t].lower() for t in tracks_for(application)) + ".")
    elif existing is not None and existing.track != track and (existing.departure_at or stays):
        checks.add("Jenis penanganan", "sudah ada perjalanan atau tinggal di rumah singgah "
                   "yang tercatat; jenisnya tetap.")
    if source not in SOURCES:
        checks.add("Sumber laporan", "pilih dari daftar.")
    clean = dict(track=track, source=source,
                 reporter=run(clean_text, reporter, "Pelapor", 160),
                 found_place=run(require_text, found_place, "Tempat ditemukan", 200),
                 reported_at=run(require_past_moment, reported_at, "Waktu laporan", _now(now)))
    if existing is not None and clean["reported_at"] is not None:
        later = [t for t in (existing.outreach_at, existing.departure_at,
                             existing.medical_at, existing.reunified_at) if t]
        later += [s.check_in for s in stays]
        if later and clean["reported_at"] > min(later):
            checks.add("Waktu laporan", "sesudah catatan penanganan pertama "
                       f"({timefmt.format_local(min(later))}); periksa waktunya.")
    checks.raise_errors()
    with db.atomic():
        if existing is None:
            case = create_record(StrandedCase, actor, application, "Laporan ini", **clean)
        else:
            refuse_under_letter(application, (JOURNEY_LETTER, MEDICAL_LETTER),
                                "Tempat ditemukan", "Surat")
            case = records.update(existing, actor, **clean)
        _refresh_deadline(application)
    return case


def record_outreach(actor, application, case: StrandedCase, *, outreach_at, assessment: str,
                    identity: str, identity_note: str = "",
                    now: datetime.datetime | None = None) -> StrandedCase:
    """The officers met the person: the first assessment and what papers were found."""
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    at = run(require_past_moment, outreach_at, "Waktu penjangkauan", _now(now),
             case.reported_at, "laporan masuk")
    assessment = run(require_text, assessment, "Asesmen awal", 4000, multiline=True)
    if identity not in IDENTITY:
        checks.add("Identitas", "pilih dari daftar.")
    identity_note = run(clean_text, identity_note, "Keterangan identitas", 1000,
                        multiline=True)
    checks.raise_errors()
    with db.atomic():
        case = records.update(case, actor, outreach_at=at, identity=identity,
                              assessment=assessment, identity_note=identity_note)
        _refresh_deadline(application)
    return case


def plan_journey(actor, application, case: StrandedCase, *, police_reference: str,
                 destination: str, transport: str, departure_at, ticket_number: str = "",
                 ticket_cost=0, pocket_money=0, companion: str = "",
                 now: datetime.datetime | None = None) -> StrandedCase:
    """The journey home: a ticket (not cash) and pocket money, with the police letter; a
    child travels with a companion."""
    _writer(actor, application)
    if case.track != "perjalanan":
        raise ValidationError("Jenis penanganan", "pemulangan dicatat untuk orang terlantar "
                              "di perjalanan.")
    checks = FieldChecks()
    run = checks.run
    clean = dict(police_reference=run(require_text, police_reference,
                                      "Surat keterangan kepolisian", 160),
                 destination=run(require_text, destination, "Tujuan pemulangan", 200),
                 transport=run(require_text, transport, "Moda transportasi", 120),
                 ticket_number=run(clean_text, ticket_number, "Nomor tiket", 60),
                 ticket_cost=run(check_rupiah, ticket_cost, "Harga tiket", allow_zero=True),
                 pocket_money=run(check_rupiah, pocket_money, "Uang saku", allow_zero=True),
                 companion=run(clean_text, companion, "Pendamping", 160))
    if clean["companion"] == "" and is_child(application):
        checks.add("Pendamping", "anak dipulangkan dengan pendamping: tulis nama dan "
                   "hubungan/instansinya.")
    clean["departure_at"] = run(_departure, departure_at, case, _now(now))
    checks.raise_errors()
    with db.atomic():
        refuse_under_letter(application, (JOURNEY_LETTER,), "Tujuan pemulangan",
                            "Surat pengantar pemulangan")
        case = records.update(case, actor, **clean)
        _refresh_deadline(application)
    return case


def _departure(value, case, now) -> datetime.datetime:
    """The bus may leave tomorrow: up to two days ahead, never before the report."""
    if not isinstance(value, datetime.datetime):
        raise ValidationError("Waktu berangkat", "wajib diisi: tanggal dan jam.")
    at = timefmt.to_utc(value)
    if at > now + datetime.timedelta(days=2):
        raise ValidationError("Waktu berangkat", "paling lambat dua hari dari sekarang; "
                              "catat pemulangan setelah tiketnya ada.")
    if at < case.reported_at:
        raise ValidationError("Waktu berangkat", "tidak boleh sebelum laporan masuk "
                              f"({timefmt.format_local(case.reported_at)}).")
    return at


def record_tracing(actor, application, case: StrandedCase, *, tracing: str,
                   reunified_at=None, reunified_with: str = "",
                   now: datetime.datetime | None = None) -> StrandedCase:
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    tracing = run(require_text, tracing, "Penelusuran keluarga", 4000, multiline=True)
    with_whom = run(clean_text, reunified_with, "Diserahkan kepada", 200)
    reunified = None
    if reunified_at is not None:
        if with_whom == "":
            checks.add("Diserahkan kepada", "tulis keluarga yang menerima dan hubungannya.")
        reunified = run(require_past_moment, reunified_at, "Waktu reunifikasi", _now(now),
                        case.reported_at, "laporan masuk")
    checks.raise_errors()
    with db.atomic():
        return records.update(case, actor, reunified_at=reunified, reunified_with=with_whom,
                              tracing=tracing)


def refer_medical(actor, application, case: StrandedCase, *, institution_id, mental: bool,
                  referred_at, reason: str,
                  now: datetime.datetime | None = None) -> StrandedCase:
    """A tuna sosial person sent for care: a general hospital (RSUD Tidar), or for mental
    illness a psychiatric one (RSJ Prof. dr. Soerojo), among those that take them."""
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    group = "odgj" if mental else "tuna_sosial"
    place = run(institutions.require_accepting, institution_id, group, "Rumah sakit rujukan")
    if place is not None and place.kind != "rumah_sakit":
        checks.add("Rumah sakit rujukan", f"{place.name} bukan rumah sakit; pilih rumah sakit "
                   "dari daftar.")
    clean = dict(medical_institution=place.id if place is not None else None,
                 medical_at=run(require_past_moment, referred_at, "Waktu dirujuk", _now(now),
                                case.reported_at, "laporan masuk"),
                 medical_reason=run(require_text, reason, "Keluhan/kondisi", 2000,
                                    multiline=True))
    checks.raise_errors()
    with db.atomic():
        refuse_under_letter(application, (MEDICAL_LETTER,), "Rumah sakit rujukan",
                            "Surat rujukan medis")
        case = records.update(case, actor, **clean)
    case.medical_institution = place
    return case


def check_in_required(application) -> tuple[str, ...]:
    """What check_in() refuses empty: the time, and the emergency reason once the case's
    earlier stays used the nights allowed."""
    over = used_nights(stays_of(application.id)) + 1 > settings.value(SHELTER_NIGHTS)
    return CHECK_IN_REQUIRED + (EMERGENCY_REQUIRED if over else ())


def check_out_required(application, stay: ShelterStay, at) -> tuple[str, ...]:
    """What check_out() refuses empty when leaving at `at` (office-local, as typed; None
    while there is none): the time, and the emergency reason when the stay then passed the
    nights allowed."""
    if not isinstance(at, datetime.datetime) or stay.emergency_reason:
        return CHECK_OUT_REQUIRED  # (a reason given at check-in stands for the stay)
    spent = used_nights(stays_of(application.id), stay) + nights_between(
        stay.check_in, timefmt.to_utc(at))
    return CHECK_OUT_REQUIRED + (EMERGENCY_REQUIRED if spent > settings.value(SHELTER_NIGHTS)
                                 else ())


def _require_reason(spent: int, reason: str, when: str) -> None:
    limit = settings.value(SHELTER_NIGHTS)
    if spent > limit and len(reason) < 10:
        raise ValidationError("Alasan darurat", f"{when} {spent} malam, melebihi batas "
                              f"{limit} malam: tulis alasan darurat penerima manfaat "
                              "(paling sedikit 10 karakter).")


def check_in(actor, application, case: StrandedCase, *, at, note: str = "",
             emergency_reason: str = "", now: datetime.datetime | None = None) -> ShelterStay:
    """A stay begins; the limit counts the case's earlier stays too, so coming back once they
    used it needs the emergency reason (a late-recorded stay is held to it at check-out)."""
    _writer(actor, application)
    if case.track != "tuna_sosial":
        raise ValidationError("Jenis penanganan", "rumah singgah dicatat untuk tuna sosial.")
    stays = stays_of(application.id)
    if any(s.check_out is None for s in stays):
        raise ValidationError("Waktu masuk", "masih tinggal di rumah singgah; catat "
                              "keluarnya dulu.")
    checks = FieldChecks()
    run = checks.run
    moment = run(require_past_moment, at, "Waktu masuk", _now(now), case.reported_at,
                 "laporan masuk")
    last_out = max((s.check_out for s in stays), default=None)
    if moment is not None and last_out is not None and moment < last_out:
        checks.add("Waktu masuk", "sebelum keluar dari tinggal sebelumnya "
                   f"({timefmt.format_local(last_out)}).")
    reason = run(clean_text, emergency_reason, "Alasan darurat", 1000, multiline=True)
    if reason is not None:
        run(_require_reason, used_nights(stays) + 1, reason, "dengan tinggal sebelumnya "
            "menjadi")
    note = run(clean_text, note, "Catatan", 1000)
    checks.raise_errors()
    with db.atomic():
        stay = records.create(ShelterStay, actor, application=application.id,
                              check_in=moment, emergency_reason=reason, note=note)
        _refresh_deadline(application)
    return stay


def _shelter_writer(actor, application) -> None:
    """The shelter records what happens to a person there: a guest leaves (or an emergency
    keeps them) even after their case was closed, so no require_open here."""
    permissions.require_roles(actor, RECORD_ROLES, RECORD_DOING)
    case_access.require_readable(actor, application)


def record_emergency(actor, application, stay: ShelterStay, reason: str) -> ShelterStay:
    """Why the person stays beyond the limit (a condition of theirs): kept on the stay."""
    _shelter_writer(actor, application)
    text = require_text(reason, "Alasan darurat", 1000, multiline=True)
    if len(text) < 10:
        raise ValidationError("Alasan darurat", "jelaskan kondisi daruratnya, paling sedikit "
                              "10 karakter.")
    with db.atomic():
        stay = records.update(stay, actor, emergency_reason=text)
        _refresh_deadline(application)
    return stay


def check_out(actor, application, stay: ShelterStay, *, at, emergency_reason: str = "",
              note: str = "", now: datetime.datetime | None = None) -> ShelterStay:
    _shelter_writer(actor, application)
    if stay.check_out is not None:
        raise ValidationError("Waktu keluar", "sudah keluar dari rumah singgah.")
    checks = FieldChecks()
    run = checks.run
    moment = run(require_past_moment, at, "Waktu keluar", _now(now))
    if moment is not None and moment <= stay.check_in:
        checks.add("Waktu keluar", "harus sesudah waktu masuk "
                   f"({timefmt.format_local(stay.check_in)}).")
    reason = run(clean_text, emergency_reason, "Alasan darurat", 1000, multiline=True)
    reason = reason or stay.emergency_reason
    if not checks.failed("Waktu keluar", "Alasan darurat"):  # nights to the moment out
        spent = used_nights(stays_of(application.id), stay) + nights_between(stay.check_in,
                                                                            moment)
        run(_require_reason, spent, reason, "tinggal")
    note = run(clean_text, note, "Catatan", 1000)
    checks.raise_errors()
    with db.atomic():
        stay = records.update(stay, actor, check_out=moment, emergency_reason=reason,
                              note=note or stay.note)
        _refresh_deadline(application)
    return stay
