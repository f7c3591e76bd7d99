"""Recording a raffle application's data, checked against the rules at entry: the organiser,
the lead time before the draw (office calendar), the prizes and the contribution; and the
report after the prizes are handed over."""
import datetime
import json
import math
from dataclasses import dataclass

from desktop.cases.undian.model import RaffleCase
from desktop.errors import ConflictError, ValidationError
from desktop.services.admin import settings
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import case_access
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.letters import formatting
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_rupiah, clean_text, require_date,
                                                require_text)

RECORD_ROLES = frozenset({permissions.FRONT_OFFICE, permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat data undian gratis berhadiah"
ORGANISERS = {"badan_hukum": "Badan hukum",
              "badan_lain": "Badan lain (bukan badan hukum), berdiri sekurang-kurangnya 1 tahun"}
TEMPLATE = "rekomendasi_undian"
TEMPLATES = (TEMPLATE, "izin_undian")  # the recommendation, or the permit itself
MAX_PRIZES = 200

LEAD_DAYS = settings.SettingDef(
    "undian.lead_working_days", "Pengajuan undian paling lambat sebelum penarikan", 14, 1, 60,
    "hari kerja", help="Undian gratis berhadiah diajukan paling lambat 14 hari kerja sebelum "
    "penarikan (UU 22/1954; Permensos 3/2024 tentang undian, perlu dikonfirmasi). Hari "
    "pengajuan tidak dihitung, hari penarikan dihitung; libur dan cuti bersama dari kalender "
    "kantor.")
CONTRIBUTION = settings.SettingDef(
    "undian.contribution_percent", "Sumbangan sosial undian, paling sedikit", 10, 1, 100,
    "% nilai hadiah", help="Sumbangan dana kesejahteraan sosial paling sedikit 10% dari jumlah "
    "nilai hadiah (Permensos 3/2024 tentang undian, perlu dikonfirmasi).")
REPORT_DAYS = settings.SettingDef(
    "undian.report_days", "Laporan undian setelah hadiah diserahkan", 30, 1, 180, "hari",
    help="Laporan (berita acara notaris, pemenang, tanda terima, hadiah tak diambil) paling "
    "lambat 30 hari setelah penyerahan hadiah (Permensos 3/2024, perlu dikonfirmasi).")
SETTINGS = (LEAD_DAYS, CONTRIBUTION, REPORT_DAYS)


@dataclass(frozen=True)
class Prize:
    item: str
    quantity: int
    value: int  # market value of one, in rupiah

    @property
    def total(self) -> int:
        return self.quantity * self.value


def read(application) -> RaffleCase | None:
    return RaffleCase.get_or_none(RaffleCase.application == application.id)


def prizes_of(case: RaffleCase | None) -> list[Prize]:
    if case is None:
        return []
    return [Prize(item, quantity, value) for item, quantity, value in json.loads(case.prizes)]


def prize_total(case: RaffleCase | None) -> int:
    return sum(p.total for p in prizes_of(case))


def minimum_contribution(total: int) -> int:
    """The least contribution for prizes worth `total`, rounded up to the rupiah."""
    return math.ceil(total * settings.value(CONTRIBUTION) / 100)


def last_day_to_apply(draw_date: datetime.date, calendar: WorkCalendar | None = None
                      ) -> datetime.date:
    return (calendar or WorkCalendar()).latest_start(draw_date, settings.value(LEAD_DAYS))


def report_due(case: RaffleCase) -> datetime.date | None:
    if case is None or case.handover_end is None:
        return None
    return case.handover_end + datetime.timedelta(days=settings.value(REPORT_DAYS))


def _prizes(rows, checks: FieldChecks) -> list[Prize] | None:
    """The prize rows, each cell's refusal kept in `checks`; None when any was refused."""
    prizes, refused = [], False
    for number, row in enumerate(rows or (), start=1):
        item, quantity, value = row
        item = checks.run(clean_text, item, f"Hadiah {number}", 200)
        if item == "":
            checks.add(f"Hadiah {number}", "tulis nama hadiahnya, atau hapus barisnya.")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or \
                not 1 <= quantity <= 100000:
            checks.add(f"Jumlah hadiah {number}", "isi 1 sampai 100.000.")
            quantity = None
        value = checks.run(check_rupiah, value, f"Nilai hadiah {number}")
        if not item or quantity is None or value is None:
            refused = True
            continue
        prizes.append(Prize(item, quantity, value))
    if not rows:
        checks.add("Daftar hadiah", "isi sekurang-kurangnya satu hadiah dengan harga pasarnya.")
        return None
    if len(rows) > MAX_PRIZES:
        checks.add("Daftar hadiah", f"paling banyak {MAX_PRIZES} baris.")
        return None
    return None if refused else prizes


# What an empty raffle form is refused for, in the form's order; the dialog marks these.
REQUIRED = ("Penyelenggara", "Nama program undian", "Mulai program", "Akhir program",
            "Tanggal penarikan", "Tempat penarikan", "Notaris", "Daftar hadiah",
            "Sumbangan sosial")
FOUNDED_FIELD = "Tanggal berdiri penyelenggara"


def required_fields(organiser_status) -> tuple[str, ...]:
    """What save() refuses empty: REQUIRED, and the founding date of an organiser that is
    not a legal entity (it must be a year old)."""
    return REQUIRED + ((FOUNDED_FIELD,) if organiser_status == "badan_lain" else ())


def _founded(founded, received: datetime.date) -> datetime.date:
    founded = require_date(founded, FOUNDED_FIELD)
    year_after = founded.replace(year=founded.year + 1) if not (
        founded.month == 2 and founded.day == 29) else datetime.date(founded.year + 1, 3, 1)
    if year_after > received:
        raise ValidationError("Tanggal berdiri penyelenggara", "penyelenggara yang bukan "
                              "badan hukum harus sudah berdiri sekurang-kurangnya 1 tahun "
                              f"(baru memenuhi pada {timefmt.format_date(year_after)}).")
    return founded


def save(actor, application, existing: RaffleCase | None = None, **values) -> RaffleCase:
    """Record (or correct) the raffle. Every field at fault is refused at once, naming the
    rule (applied for too close to its draw, less than the least contribution); nothing is
    saved then."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is not None:
        _refuse_under_letter(application)
    received = timefmt.to_local(application.received_at).date()
    checks = FieldChecks()
    run = checks.run
    status = values.get("organiser_status")
    if status not in ORGANISERS:
        checks.add("Penyelenggara", "pilih badan hukum atau badan lain.")
    founded = run(_founded, values.get("organiser_founded"), received) \
        if FOUNDED_FIELD in required_fields(status) else None
    name = run(require_text, values.get("raffle_name", ""), "Nama program undian", 200)
    start = run(require_date, values.get("period_start"), "Mulai program")
    end = run(require_date, values.get("period_end"), "Akhir program")
    if start is not None and end is not None and end < start:
        checks.add("Akhir program", "tidak boleh sebelum mulai program.")
    draw = run(require_date, values.get("draw_date"), "Tanggal penarikan")
    if draw is not None and start is not None and draw < start:
        checks.add("Tanggal penarikan", "tidak boleh sebelum program dimulai.")
    elif draw is not None and received > (last := last_day_to_apply(draw)):
        checks.add("Tanggal penarikan", f"permohonan harus diajukan paling lambat "
                   f"{settings.value(LEAD_DAYS)} hari kerja sebelum penarikan, "
                   f"yaitu {timefmt.format_date(last)}; permohonan ini diterima "
                   f"{timefmt.format_date(received)}. Penarikan paling cepat "
                   f"{timefmt.format_date(_earliest_draw(received))}.")
    place = run(require_text, values.get("draw_place", ""), "Tempat penarikan", 200)
    notary = run(require_text, values.get("notary", ""), "Notaris", 120)
    prizes = _prizes(values.get("prizes"), checks)
    contribution = run(check_rupiah, values.get("contribution"), "Sumbangan sosial")
    if prizes is not None and contribution is not None:
        total = sum(p.total for p in prizes)
        least = minimum_contribution(total)
        if contribution < least:
            checks.add("Sumbangan sosial", f"paling sedikit "
                       f"{settings.value(CONTRIBUTION)}% dari nilai hadiah "
                       f"{formatting.rupiah(total)}, yaitu {formatting.rupiah(least)}.")
    checks.raise_errors()
    clean = dict(organiser_status=status, organiser_founded=founded, raffle_name=name,
                 period_start=start, period_end=end, draw_date=draw, draw_place=place,
                 notary=notary,
                 prizes=json.dumps([[p.item, p.quantity, p.value] for p in prizes],
                                   ensure_ascii=False),
                 contribution=contribution)
    if existing is None:
        return records.create(RaffleCase, actor, application=application.id, **clean,
                              duplicate=lambda: ConflictError(
                                  "Data undian untuk permohonan ini baru saja dicatat di PC "
                                  "lain. Muat ulang untuk melihatnya."))
    return records.update(existing, actor, **clean)


def _earliest_draw(received: datetime.date) -> datetime.date:
    return WorkCalendar().add_working_days(received, settings.value(LEAD_DAYS))


REPORT_REQUIRED = ("Akhir penyerahan hadiah",)


def save_report(actor, application, existing: RaffleCase | None, *, handover_end,
                received_on=None, note: str = "", today: datetime.date | None = None
                ) -> RaffleCase:
    """The prizes' hand-over, and the report when it comes (notary's minutes, winners,
    receipts, unclaimed prizes); every field at fault refused at once."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("Undian", "catat dulu data undiannya.")
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    handover_end = checks.run(require_date, handover_end, "Akhir penyerahan hadiah")
    if handover_end is not None and handover_end < existing.draw_date:
        checks.add("Akhir penyerahan hadiah", "tidak boleh sebelum penarikan "
                   f"({timefmt.format_date(existing.draw_date)}).")
    elif handover_end is not None and handover_end > today:
        checks.add("Akhir penyerahan hadiah", "tidak boleh di masa depan.")
    if received_on is not None and (received_on > today or (
            handover_end is not None and received_on < handover_end)):
        checks.add("Tanggal laporan diterima", "antara akhir penyerahan hadiah dan hari ini.")
    note = checks.run(clean_text, note, "Catatan laporan", 2000, multiline=True)
    checks.raise_errors()
    return records.update(existing, actor, handover_end=handover_end,
                          report_received_on=received_on, report_note=note)


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, TEMPLATES, "Undian", "Rekomendasi atau izin undian")


def reminders(actor, today: datetime.date):
    """Raffle reports past their deadline (Tugas Saya)."""
    from desktop.models import Application
    from desktop.services.cases.kind import Reminder

    grace = datetime.timedelta(days=settings.value(REPORT_DAYS))
    latest = today - grace
    cases = (RaffleCase.select(RaffleCase, Application).join(Application)
             .where(RaffleCase.handover_end.is_null(False)
                    & (RaffleCase.handover_end < latest)
                    & RaffleCase.report_received_on.is_null()))
    visible = case_access.visible(actor)
    if visible is not None:
        cases = cases.where(visible)
    return [Reminder(f"Laporan undian {case.application.reg_number} ({case.raffle_name}) lewat "
                     f"batas {timefmt.format_date(case.handover_end + grace)}", True,
                     case.application_id)
            for case in cases.order_by(RaffleCase.handover_end).limit(50)]
