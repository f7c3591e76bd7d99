"""Recording a disaster response: the event and its response clock, the assessment
(households and people affected by age group and vulnerability, damage), what the office ran
(public kitchen, shelter, psychosocial support, evacuation, Tagana), aid handed to each
household from the stock, and the report to the kepala. Each form is one transaction; a
refusal names its field and the rule, nothing is saved half way."""
import datetime

from peewee import fn

from desktop.cases.bencana.model import (DisasterActivity, DisasterCase, DisasterDistribution,
                                         DisasterHousehold)
from desktop.errors import ValidationError
from desktop.models import AidItem, db
from desktop.services.admin import settings
from desktop.services.cases.kind import (create_record, refuse_under_letter,
                                         require_case_writer, set_due)
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_nik, clean_text, require_date,
                                                require_past_moment, require_text)
from desktop.services.stock import stock

RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER, permissions.FRONT_OFFICE})
RECORD_DOING = "mencatat penanganan korban bencana"
TEMPLATE = "berita_acara_bantuan_bencana"

# hazard: (label, natural or social)
HAZARDS = {"banjir": ("Banjir", "alam"), "tanah_longsor": ("Tanah longsor", "alam"),
           "angin_kencang": ("Angin puting beliung", "alam"),
           "gempa_bumi": ("Gempa bumi", "alam"), "erupsi": ("Erupsi gunung api", "alam"),
           "kekeringan": ("Kekeringan", "alam"),
           "kebakaran": ("Kebakaran permukiman", "sosial"),
           "konflik_sosial": ("Konflik sosial", "sosial")}
CATEGORIES = {"alam": "Bencana alam", "sosial": "Bencana sosial"}
DAMAGE = {"": "Tidak rusak", "ringan": "Rusak ringan", "sedang": "Rusak sedang",
          "berat": "Rusak berat"}
ACTIVITIES = {"dapur_umum": ("Dapur umum", "porsi per hari"),
              "pengungsian": ("Tenda / tempat pengungsian", "pengungsi"),
              "psikososial": ("Dukungan psikososial", "penerima layanan"),
              "evakuasi": ("Evakuasi korban", "orang dievakuasi"),
              "tagana": ("Pengerahan Tagana", "relawan")}
AGE_GROUPS = {"infants": "Balita (0-4)", "children": "Anak (5-17)",
              "adults": "Dewasa (18-59)", "elderly": "Lansia (60+)"}
VULNERABLE = {"disabled": "Penyandang disabilitas", "pregnant": "Ibu hamil"}
MAX_MEMBERS = 40

RESPONSE_HOURS = settings.SettingDef(
    "bencana.response_hours", "Batas waktu respons kejadian bencana", 24, 1, 72, "jam",
    help="Dihitung sejak kejadian dilaporkan sampai petugas tiba di lokasi. Standar "
    "pelayanan Dinsos Kota Magelang: 1 hari (Layanan Penanganan Korban Bencana).")


def read(application) -> DisasterCase | None:
    return DisasterCase.get_or_none(DisasterCase.application == application.id)


def category_of(case) -> str:
    return HAZARDS[case.hazard][1]


def event_name(case) -> str:
    """'banjir di Kelurahan Tidar Utara': how letters and lists name the event."""
    return f"{HAZARDS[case.hazard][0].lower()} di Kelurahan {case.kelurahan}"


def households_of(application_id: int) -> list[DisasterHousehold]:
    return list(DisasterHousehold.select()
                .where(DisasterHousehold.application == application_id)
                .order_by(DisasterHousehold.head_name, DisasterHousehold.id))


def activities_of(application_id: int) -> list[DisasterActivity]:
    return list(DisasterActivity.select().where(DisasterActivity.application == application_id)
                .order_by(DisasterActivity.start_on, DisasterActivity.id))


def distributions_of(application_id: int) -> list[DisasterDistribution]:
    return list(DisasterDistribution.select(DisasterDistribution, DisasterHousehold, AidItem)
                .join(DisasterHousehold).switch(DisasterDistribution).join(AidItem)
                .where(DisasterDistribution.application == application_id)
                .order_by(DisasterDistribution.given_on, DisasterHousehold.head_name,
                          DisasterDistribution.id))


def affected(application_id: int) -> dict:
    """The assessment's totals, summed by the database: households, people per age group and
    vulnerability, homes per damage level, households displaced."""
    h = DisasterHousehold
    columns = [fn.COUNT(h.id)] + [fn.COALESCE(fn.SUM(getattr(h, name)), 0)
                                  for name in (*AGE_GROUPS, *VULNERABLE)]
    row = h.select(*columns).where(h.application == application_id).tuples().first()
    totals = dict(zip(("households", *AGE_GROUPS, *VULNERABLE), (int(v) for v in row)))
    totals["people"] = sum(totals[name] for name in AGE_GROUPS)
    damage = dict(h.select(h.damage, fn.COUNT(h.id)).where(h.application == application_id)
                  .group_by(h.damage).tuples())
    totals["damage"] = {level: int(damage.get(level, 0)) for level in DAMAGE}
    totals["displaced"] = h.select().where((h.application == application_id)
                                           & h.displaced).count()
    return totals


def response_due(case) -> datetime.datetime:
    return case.reported_at + datetime.timedelta(hours=settings.value(RESPONSE_HOURS))


def deadline(application):
    """For a service the catalog gives no time limit (Magetan's): the response clock until
    the officers are on site."""
    case = read(application)
    if case is None or case.responded_at is not None:
        return None
    due = response_due(case)
    return due, due - datetime.timedelta(hours=6)


def _refresh_deadline(application) -> None:
    if application.service.limit_kind != "conditional":
        return  # the catalog's own limit (Magelang's 1 day from the report) stands
    set_due(application, deadline(application) or (None, None))


def _writer(actor, application):
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)


# What each empty form is refused for, in the form's order; the dialogs mark these.
EVENT_REQUIRED = ("Jenis bencana", "Waktu kejadian", "Waktu dilaporkan", "Lokasi", "Kelurahan")
RESPONSE_REQUIRED = ("Waktu tiba di lokasi",)
HOUSEHOLD_REQUIRED = ("Kepala keluarga", "Alamat")  # and at least one member
ACTIVITY_REQUIRED = ("Kegiatan", "Mulai")
DISTRIBUTION_REQUIRED = ("Rumah tangga", "Barang", "Jumlah", "Tanggal diserahkan",
                         "Diterima oleh")
REPORT_REQUIRED = ("Laporan",)


def save_event(actor, application, existing: DisasterCase | None, *, hazard: str,
               occurred_at, reported_at, place: str, kelurahan: str, kecamatan: str = "",
               damage: str = "", now: datetime.datetime | None = None) -> DisasterCase:
    _writer(actor, application)
    now = now or timefmt.utcnow()
    checks = FieldChecks()
    run = checks.run
    if hazard not in HAZARDS:
        checks.add("Jenis bencana", "pilih dari daftar.")
    occurred = run(require_past_moment, occurred_at, "Waktu kejadian", now)
    reported = run(require_past_moment, reported_at, "Waktu dilaporkan", now)
    if occurred is not None and reported is not None and reported < occurred:
        checks.add("Waktu dilaporkan", "tidak boleh sebelum waktu kejadian.")
    elif (existing is not None and existing.responded_at and reported is not None
          and existing.responded_at < reported):
        checks.add("Waktu dilaporkan", "sesudah petugas tiba di lokasi "
                   f"({timefmt.format_local(existing.responded_at)}).")
    if existing is not None and occurred is not None:
        first = min([a.start_on for a in activities_of(application.id)]
                    + [d.given_on for d in distributions_of(application.id)], default=None)
        if first is not None and timefmt.to_local(occurred).date() > first:
            checks.add("Waktu kejadian", "sesudah kegiatan atau penyerahan bantuan "
                       f"pertama ({timefmt.format_date(first)}); periksa tanggalnya.")
    clean = dict(hazard=hazard, occurred_at=occurred, reported_at=reported,
                 place=run(require_text, place, "Lokasi", 200),
                 kelurahan=run(require_text, kelurahan, "Kelurahan", 80),
                 kecamatan=run(clean_text, kecamatan, "Kecamatan", 80),
                 damage=run(clean_text, damage, "Kerusakan", 4000, multiline=True))
    checks.raise_errors()
    with db.atomic():
        if existing is None:
            case = create_record(DisasterCase, actor, application, "Kejadian ini", **clean)
        else:
            refuse_under_letter(application, (TEMPLATE,), "Kejadian", "Berita acara")
            case = records.update(existing, actor, **clean)
        _refresh_deadline(application)
    return case


def record_response(actor, application, case: DisasterCase, responded_at,
                    now: datetime.datetime | None = None) -> DisasterCase:
    """The officers reached the site: the response clock stops."""
    _writer(actor, application)
    at = require_past_moment(responded_at, "Waktu tiba di lokasi", now or timefmt.utcnow(),
                             case.reported_at, "kejadian dilaporkan")
    with db.atomic():
        case = records.update(case, actor, responded_at=at)
        _refresh_deadline(application)
    return case


def _count(value, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MEMBERS:
        raise ValidationError(field, f"isi jumlah orang, 0 sampai {MAX_MEMBERS}.")
    return value


def save_household(actor, application, case: DisasterCase,
                   existing: DisasterHousehold | None = None, *, head_name: str,
                   address: str, head_nik: str = "", infants=0, children=0, adults=0,
                   elderly=0, disabled=0, pregnant=0, damage: str = "",
                   displaced: bool = False, note: str = "") -> DisasterHousehold:
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    head = run(require_text, head_name, "Kepala keluarga", 120)
    nik = (head_nik or "").strip()
    if nik and run(check_nik, nik, "NIK kepala keluarga") is not None:
        twin = (DisasterHousehold.select(DisasterHousehold.id)
                .where((DisasterHousehold.application == application.id)
                       & (DisasterHousehold.head_nik == nik)).first())
        if twin is not None and (existing is None or twin.id != existing.id):
            checks.add("NIK kepala keluarga", "rumah tangga dengan NIK ini sudah ada di "
                       "asesmen kejadian ini.")
    address = run(require_text, address, "Alamat", 300)
    counts = {key: run(_count, value, AGE_GROUPS[key]) for key, value in
              (("infants", infants), ("children", children), ("adults", adults),
               ("elderly", elderly))}
    members = sum(v or 0 for v in counts.values())
    if members == 0 and not checks.failed(*AGE_GROUPS.values()):
        checks.add("Dewasa (18-59)", "rumah tangga paling sedikit satu orang; isi jumlah "
                   "anggotanya per kelompok umur.")
    for key, value in (("disabled", disabled), ("pregnant", pregnant)):
        counts[key] = run(_count, value, VULNERABLE[key])
        if counts[key] is not None and members and counts[key] > members and \
                not checks.failed(*AGE_GROUPS.values()):
            checks.add(VULNERABLE[key], f"lebih banyak dari anggota rumah tangga "
                       f"({members} orang).")
    if damage not in DAMAGE:
        checks.add("Kerusakan rumah", "pilih dari daftar.")
    note = run(clean_text, note, "Catatan", 1000)
    checks.raise_errors()
    clean = dict(head_name=head, head_nik=nik, address=address, damage=damage,
                 displaced=bool(displaced), note=note, **counts)
    with db.atomic():
        if existing is None:
            return records.create(DisasterHousehold, actor, application=application.id,
                                  **clean)
        return records.update(existing, actor, **clean)


def add_activity(actor, application, case: DisasterCase, *, kind: str, start_on, end_on=None,
                 place: str = "", count=0, note: str = "",
                 today: datetime.date | None = None) -> DisasterActivity:
    _writer(actor, application)
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    run = checks.run
    if kind not in ACTIVITIES:
        checks.add("Kegiatan", "pilih dari daftar.")
    start = run(require_date, start_on, "Mulai")
    began = timefmt.to_local(case.occurred_at).date()
    if start is not None and (start < began or start > today):
        checks.add("Mulai", f"antara hari kejadian ({timefmt.format_date(began)}) dan hari "
                   "ini.")
    if end_on is not None and (end_on > today or start is not None and end_on < start):
        checks.add("Selesai", "antara hari mulai dan hari ini; kosongkan bila masih "
                   "berjalan.")
    place = run(clean_text, place, "Tempat", 200)
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 100_000:
        checks.add("Jumlah", "isi angka 0 atau lebih.")
    note = run(clean_text, note, "Catatan", 1000)
    checks.raise_errors()
    with db.atomic():
        return records.create(DisasterActivity, actor, application=application.id, kind=kind,
                              start_on=start, end_on=end_on, place=place, count=count,
                              note=note)


def _household(application, household_id) -> DisasterHousehold:
    household = DisasterHousehold.get_or_none(DisasterHousehold.id == household_id) \
        if household_id is not None else None
    if household is None or household.application_id != application.id:
        raise ValidationError("Rumah tangga", "tidak tercatat dalam asesmen kejadian ini; "
                              "catat dulu di daftar rumah tangga terdampak.")
    return household


def distribute(actor, application, case: DisasterCase, *, household_id, item_id, quantity,
               given_on, received_by: str,
               today: datetime.date | None = None) -> DisasterDistribution:
    """Aid from the stock to a household of this event's assessment: the stock movement and
    the distribution are saved together, never beyond what is on hand."""
    _writer(actor, application)
    permissions.require(actor, "stock.manage")
    refuse_under_letter(application, (TEMPLATE,), "Bantuan", "Berita acara serah terima")
    checks = FieldChecks()
    run = checks.run
    household = run(_household, application, household_id)
    run(stock.issuable_item, item_id)  # an inactive one too, in the same press
    run(stock.quantity_of, quantity, "Jumlah")
    day = run(require_date, given_on, "Tanggal diserahkan")
    if day is not None and day < timefmt.to_local(case.occurred_at).date():
        checks.add("Tanggal diserahkan", "tidak boleh sebelum hari kejadian.")
    elif day is not None and day > (today or timefmt.to_local(timefmt.utcnow()).date()):
        checks.add("Tanggal diserahkan", "tidak boleh sesudah hari ini.")
    received_by = run(require_text, received_by, "Diterima oleh", 120)
    checks.raise_errors()
    made = []

    def record_distribution(movement):
        made.append(records.create(DisasterDistribution, actor, application=application.id,
                                   household=household.id, item=movement.item_id,
                                   movement=movement.id, quantity=-movement.quantity,
                                   given_on=day, received_by=received_by))

    stock.issue(actor, item_id, quantity, moved_on=day, application_id=application.id,
                source=f"{application.reg_number}: {household.head_name}",
                then=record_distribution, today=today)
    return made[0]


def save_report(actor, application, case: DisasterCase, report: str,
                today: datetime.date | None = None) -> DisasterCase:
    """The report to the kepala (through the head of Linjamsos), as the seed's last step."""
    _writer(actor, application)
    text = require_text(report, "Laporan", 8000, multiline=True)
    with db.atomic():
        return records.update(case, actor, report=text, reported_by=actor.username,
                              reported_on=today or timefmt.to_local(timefmt.utcnow()).date())
