"""Recording a public collection (PUB) with the rules at entry (PP 29/1980, Permensos 8/2021):
only a perkumpulan or yayasan with its legal number; costs at most 10% of the proceeds
(disaster collections excepted); at most 3 months, one extension of at most 1 month; reports
every 3 months and at the end, audited by a public accountant above Rp 500.000.000."""
import calendar as months
import datetime
from dataclasses import dataclass

from desktop.cases.pub.model import CollectionCase, CollectionReport
from desktop.errors import ConflictError, ValidationError
from desktop.models import Application, Letter, Service
from desktop.services.admin import settings
from desktop.services.applications import case_access
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.letters import formatting
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_rupiah, clean_text, require_date,
                                                require_text)

RECORD_ROLES = frozenset({permissions.FRONT_OFFICE, permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat data pengumpulan uang atau barang"
TEMPLATE = "rekomendasi_pub"
TEMPLATES = (TEMPLATE, "izin_pub")  # the recommendation, or the permit itself
ORGANISERS = {"yayasan": "Yayasan", "perkumpulan": "Perkumpulan"}
GOODS = {"uang": "Uang", "barang": "Barang", "uang_barang": "Uang dan barang"}
METHODS = {"kotak": "Kotak sumbangan", "transfer": "Transfer bank", "online": "Daring (online)",
           "barang": "Penerimaan barang", "kupon": "Kupon atau kartu sumbangan"}
# area -> (label, who issues the permit)
AREAS = {"kelurahan": ("Beberapa kelurahan/desa", "bupati/wali kota"),
         "kecamatan": ("Beberapa kecamatan", "bupati/wali kota"),
         "kabkota": ("Seluruh kabupaten/kota", "bupati/wali kota"),
         "provinsi": ("Lebih dari satu kabupaten/kota dalam satu provinsi", "gubernur"),
         "nasional": ("Lebih dari satu provinsi", "Menteri Sosial")}
EXEMPTIONS = ("Tidak memerlukan izin: zakat, infak dan sedekah (UU 23/2011); pengumpulan di "
              "dalam tempat ibadah; pengumpulan dalam lingkungan terbatas untuk keadaan darurat "
              "atau gotong royong (sekolah, kantor, RT, desa). PP 29/1980 Pasal 2.")

COST_PERCENT = settings.SettingDef(
    "pub.max_cost_percent", "Biaya pengumpulan PUB paling banyak", 10, 1, 50, "% hasil",
    help="Biaya usaha pengumpulan paling banyak 10% dari hasil (PP 29/1980 Pasal 6; "
    "Permensos 8/2021, perlu dikonfirmasi); pengumpulan untuk korban bencana dikecualikan.")
PERIOD_MONTHS = settings.SettingDef(
    "pub.period_months", "Jangka waktu izin PUB paling lama", 3, 1, 12, "bulan",
    help="Izin PUB berlaku paling lama 3 bulan (Permensos 8/2021, perlu dikonfirmasi).")
EXTENSION_MONTHS = settings.SettingDef(
    "pub.extension_months", "Perpanjangan izin PUB paling lama (satu kali)", 1, 1, 6, "bulan",
    help="Izin PUB dapat diperpanjang satu kali paling lama 1 bulan (Permensos 8/2021, perlu "
    "dikonfirmasi).")
REPORT_DAYS = settings.SettingDef(
    "pub.report_days", "Laporan PUB diterima paling lambat", 30, 1, 180,
    "hari setelah tiap 3 bulan dan akhir izin",
    help="Laporan setiap 3 bulan dan pada akhir izin: hasil, biaya, penyaluran dan "
    "penerimanya (Permensos 8/2021, perlu dikonfirmasi).")
AUDIT_ABOVE = settings.SettingDef(
    "pub.audit_above", "Hasil PUB yang wajib diaudit akuntan publik, di atas", 500_000_000,
    1_000_000, 2_000_000_000, "rupiah",  # a spin box on the settings screen: 32 bits
    help="Hasil di atas Rp 500.000.000 diaudit akuntan publik (Permensos 8/2021, perlu "
    "dikonfirmasi).")
SETTINGS = (COST_PERCENT, PERIOD_MONTHS, EXTENSION_MONTHS, REPORT_DAYS, AUDIT_ABOVE)


def last_day_of_months(start: datetime.date, count: int) -> datetime.date:
    """The last day of `count` months from `start`: 1 Jan → 31 Mar, 28 Nov → 27 Feb, and
    30 Nov or 31 Jan (whose day the last month lacks) → that month's last day."""
    month = start.month - 1 + count
    year, month = start.year + month // 12, month % 12 + 1
    last = months.monthrange(year, month)[1]
    if start.day > last:
        return datetime.date(year, month, last)
    return datetime.date(year, month, start.day) - datetime.timedelta(days=1)


def read(application) -> CollectionCase | None:
    return CollectionCase.get_or_none(CollectionCase.application == application.id)


def period_end(case: CollectionCase) -> datetime.date:
    return case.extension_end or case.period_end


@dataclass(frozen=True)
class Due:
    due_on: datetime.date  # the last day of the months reported on
    final: bool
    report: CollectionReport | None
    grace_days: int  # pub.report_days, read once for all of them

    def deadline(self) -> datetime.date:
        return self.due_on + datetime.timedelta(days=self.grace_days)

    def state(self, today: datetime.date) -> str:
        if self.report is not None:
            return "diterima" if self.report.received_on <= self.deadline() else "terlambat"
        return "tertunggak" if self.deadline() < today else "ditunggu"


REPORT_STATES = {"diterima": "Diterima", "terlambat": "Diterima terlambat",
                 "tertunggak": "Belum masuk, lewat batas", "ditunggu": "Ditunggu"}


def dues(case: CollectionCase | None, reports: dict | None = None,
         grace_days: int | None = None) -> list[Due]:
    """The reports the collection owes: each 3 months from its start, and the final one.
    `reports`: {due_on: report}, and `grace_days`, when the caller read them for many."""
    if case is None:
        return []
    if grace_days is None:
        grace_days = settings.value(REPORT_DAYS)
    if reports is None:
        reports = _reports_of([case.application_id]).get(case.application_id, {})
    end = period_end(case)
    days, step = [], 1
    while (day := last_day_of_months(case.period_start, 3 * step)) < end:
        days.append(day)
        step += 1
    return ([Due(d, False, reports.get(d), grace_days) for d in days]
            + [Due(end, True, reports.get(end), grace_days)])


def _reports_of(application_ids) -> dict[int, dict]:
    """{application id: {due_on: report}} in one query."""
    found: dict[int, dict] = {}
    if application_ids:
        for report in CollectionReport.select(
                CollectionReport.id, CollectionReport.application, CollectionReport.due_on,
                CollectionReport.received_on).where(
                CollectionReport.application.in_(list(application_ids))):
            found.setdefault(report.application_id, {})[report.due_on] = report
    return found


def issued(cases):
    """Only collections whose permit or recommendation was given owe reports: the service
    completed, or its letter signed (a rejected or unanswered application owes nothing)."""
    letters = Letter.select(Letter.application).where(
        Letter.template_key.in_(list(TEMPLATES)) & Letter.state.in_(("signed", "handed_over")))
    return cases.where((Application.state == "completed") | Application.id.in_(letters))


def issued_among(states: dict[int, str]) -> set[int]:
    """Of these applications ({id: state}), those whose permit or recommendation was given:
    one query on the letters of the ones not completed (the letter index, not a scan)."""
    given = {app_id for app_id, state in states.items() if state == "completed"}
    rest = [app_id for app_id in states if app_id not in given]
    if rest:
        given |= {app_id for (app_id,) in Letter.select(Letter.application).where(
            Letter.application.in_(rest) & Letter.template_key.in_(list(TEMPLATES))
            & Letter.state.in_(("signed", "handed_over"))).tuples()}
    return given


def is_issued(application) -> bool:
    return issued(Application.select(Application.id)
                  .where(Application.id == application.id)).exists()


def _overdue(cases: list, today: datetime.date) -> list[tuple[Application, Due]]:
    """The reports past their deadline among `cases` (issued ones, with their application)."""
    reports, grace = _reports_of([c.application_id for c in cases]), settings.value(REPORT_DAYS)
    return [(case.application, due) for case in cases
            for due in dues(case, reports.get(case.application_id, {}), grace)
            if due.state(today) == "tertunggak"]


def overdue_elsewhere(application, today: datetime.date | None = None) -> list[tuple[str, Due]]:
    """The organisation's other collections with a report past its deadline: (their
    registration number, the due report)."""
    if application.organisation_id is None:
        return []
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    others = (CollectionCase.select(CollectionCase, Application)
              .join(Application)
              .where((Application.organisation == application.organisation_id)
                     & (Application.id != application.id)))
    return [(app.reg_number, due) for app, due in _overdue(list(issued(others)), today)]


def cost_percent(case_or_values) -> float:
    target, cost = case_or_values.target, case_or_values.planned_cost
    return round(cost * 100 / target, 1) if target else 0.0


# What an empty collection form is refused for, in the form's order; the dialog marks these.
REQUIRED = ("Bentuk penyelenggara", "Nomor SK badan hukum", "Jenis sumbangan",
            "Tujuan pengumpulan", "Cara pengumpulan", "Wilayah pengumpulan", "Target hasil",
            "Rencana biaya", "Mulai pengumpulan", "Akhir pengumpulan")
NAMED_AREAS = ("kelurahan", "kecamatan")  # collected in some of them: which, by name


def required_fields(area_level) -> tuple[str, ...]:
    """What save() refuses empty: REQUIRED, and the names of the kelurahan or kecamatan
    when the collection is in some of them."""
    return REQUIRED + (("Nama wilayah",) if area_level in NAMED_AREAS else ())


def _organiser(form) -> str:
    if not form:
        raise ValidationError("Bentuk penyelenggara", "wajib diisi: pilih perkumpulan atau "
                              "yayasan.")
    if form not in ORGANISERS:
        raise ValidationError("Bentuk penyelenggara", "hanya perkumpulan atau yayasan berbadan "
                              "hukum yang boleh menyelenggarakan pengumpulan uang atau barang "
                              "(PP 29/1980); permohonan lain ditolak dengan alasan ini.")
    return form


def _choice(value, choices: dict, field: str, message: str):
    if value not in choices:
        raise ValidationError(field, message)
    return value


def _methods(values) -> list[str]:
    methods = list(dict.fromkeys(values or ()))
    if not methods or any(m not in METHODS for m in methods):
        raise ValidationError("Cara pengumpulan", "pilih sekurang-kurangnya satu cara dari "
                              "daftar.")
    return methods


def save(actor, application, existing: CollectionCase | None = None, **values
         ) -> CollectionCase:
    """Record (or correct) the collection; every field at fault refused at once, each by the
    rule it breaks, and nothing saved then."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is not None:
        _refuse_under_letter(application)
    checks = FieldChecks()
    run = checks.run
    form = run(_organiser, values.get("organiser_form"))
    legal = run(require_text, values.get("legal_number", ""), "Nomor SK badan hukum", 80)
    goods = run(_choice, values.get("goods"), GOODS, "Jenis sumbangan",
                "pilih uang, barang, atau keduanya.")
    disaster = bool(values.get("disaster"))
    purpose = run(require_text, values.get("purpose", ""), "Tujuan pengumpulan", 2000,
                  multiline=True)
    methods = run(_methods, values.get("methods"))
    area = run(_choice, values.get("area_level"), AREAS, "Wilayah pengumpulan",
               "pilih wilayahnya dari daftar.")
    names = run(clean_text, values.get("area_names"), "Nama wilayah", 2000, multiline=True)
    if "Nama wilayah" in required_fields(area) and names == "":
        checks.add("Nama wilayah", "tulis kelurahan atau kecamatannya, satu per baris.")
    bank = run(clean_text, values.get("bank_account"), "Rekening", 200)
    target = run(check_rupiah, values.get("target"), "Target hasil")
    cost = run(check_rupiah, values.get("planned_cost"), "Rencana biaya", allow_zero=True)
    most = settings.value(COST_PERCENT)
    if target is not None and cost is not None and not disaster and cost * 100 > target * most:
        checks.add("Rencana biaya", f"paling banyak {most}% dari hasil: "
                   f"{formatting.rupiah(target * most // 100)} dari target "
                   f"{formatting.rupiah(target)} (rencana {round(cost * 100 / target, 1)}%). "
                   "Pengumpulan untuk korban bencana dikecualikan.")
    start = run(require_date, values.get("period_start"), "Mulai pengumpulan")
    end = run(require_date, values.get("period_end"), "Akhir pengumpulan")
    if start is not None and end is not None:
        months = settings.value(PERIOD_MONTHS)
        longest = last_day_of_months(start, months)
        if end < start:
            checks.add("Akhir pengumpulan", "tidak boleh sebelum mulai pengumpulan.")
        elif end > longest:
            checks.add("Akhir pengumpulan", f"izin paling lama {months} bulan: paling "
                       f"lambat {timefmt.format_date(longest)}.")
    if (existing is not None and existing.extension_end is not None and end is not None
            and existing.extension_end <= end and not checks.failed("Akhir pengumpulan")):
        checks.add("Akhir pengumpulan", "sudah diperpanjang sampai "
                   f"{timefmt.format_date(existing.extension_end)}; akhir izin "
                   "tidak boleh melewati perpanjangannya.")
    checks.raise_errors()
    clean = dict(organiser_form=form, legal_number=legal, goods=goods, disaster=disaster,
                 purpose=purpose,
                 methods="," + ",".join(m for m in METHODS if m in methods) + ",",
                 area_level=area, area_names=names, bank_account=bank,
                 target=target, planned_cost=cost, period_start=start, period_end=end)
    if existing is None:
        return records.create(CollectionCase, actor, application=application.id, **clean,
                              duplicate=lambda: ConflictError(
                                  "Data pengumpulan untuk permohonan ini baru saja dicatat di "
                                  "PC lain. Muat ulang untuk melihatnya."))
    return records.update(existing, actor, **clean)


EXTENSION_REQUIRED = ("Perpanjangan sampai",)


def extend(actor, application, existing: CollectionCase | None, until: datetime.date
           ) -> CollectionCase:
    """The one extension: at most a month after the permit's end."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("Pengumpulan", "catat dulu data pengumpulannya.")
    if existing.extension_end is not None:
        raise ValidationError("Perpanjangan", "izin hanya dapat diperpanjang satu kali; sudah "
                              f"diperpanjang sampai {timefmt.format_date(existing.extension_end)}.")
    until = require_date(until, "Perpanjangan sampai")
    months = settings.value(EXTENSION_MONTHS)
    longest = last_day_of_months(existing.period_end + datetime.timedelta(days=1), months)
    if until <= existing.period_end or until > longest:
        raise ValidationError("Perpanjangan sampai", "sesudah akhir izin "
                              f"({timefmt.format_date(existing.period_end)}) dan paling lambat "
                              f"{timefmt.format_date(longest)} ({months} "
                              "bulan).")
    return records.update(existing, actor, extension_end=until)


# What an empty report form is refused for, in the form's order.
REPORT_REQUIRED = ("Laporan untuk", "Tanggal laporan diterima", "Hasil terkumpul", "Biaya",
                   "Disalurkan", "Penerima")


def report_required(final: bool, collected) -> tuple[str, ...]:
    """What record_report() refuses empty: REPORT_REQUIRED, and the public accountant of a
    final report whose `collected` (as typed) is over the audit threshold."""
    try:
        amount = check_rupiah(collected, "Hasil terkumpul", allow_zero=True)
    except ValidationError:
        amount = None  # refused on its own
    audited = final and amount is not None and amount > settings.value(AUDIT_ABOVE)
    return REPORT_REQUIRED + (("Akuntan publik",) if audited else ())


def _due(existing: CollectionCase, due_on) -> Due:
    due = next((d for d in dues(existing) if d.due_on == due_on), None)
    if due is None:
        raise ValidationError("Laporan untuk", "pilih periode laporan dari daftar.")
    if due.report is not None:
        raise ValidationError("Laporan untuk", "laporan periode ini sudah dicatat.")
    return due


def record_report(actor, application, existing: CollectionCase | None, *, due_on,
                  received_on, collected, costs, distributed, recipients: str,
                  auditor: str = "", today: datetime.date | None = None) -> CollectionReport:
    """One of the reports the collection owes; every field at fault refused at once."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("Pengumpulan", "catat dulu data pengumpulannya.")
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    run = checks.run
    due = run(_due, existing, due_on)
    asked = report_required(due is not None and due.final, collected)
    received_on = run(require_date, received_on, "Tanggal laporan diterima")
    if received_on is not None and received_on > today:
        checks.add("Tanggal laporan diterima", "tidak boleh di masa depan.")
    collected = run(check_rupiah, collected, "Hasil terkumpul", allow_zero=True)
    costs = run(check_rupiah, costs, "Biaya", allow_zero=True)
    distributed = run(check_rupiah, distributed, "Disalurkan", allow_zero=True)
    if None not in (collected, costs, distributed) and costs + distributed > collected:
        checks.add("Disalurkan", "biaya dan yang disalurkan tidak boleh melebihi "
                   f"hasil terkumpul ({formatting.rupiah(collected)}).")
    recipients = run(require_text, recipients, "Penerima", 4000, multiline=True)
    auditor = run(clean_text, auditor, "Akuntan publik", 200)
    if "Akuntan publik" in asked and auditor == "":
        threshold = settings.value(AUDIT_ABOVE)
        checks.add("Akuntan publik", f"hasil di atas {formatting.rupiah(threshold)} wajib "
                   "diaudit akuntan publik: tulis nama kantor akuntan publiknya.")
    checks.raise_errors()
    return records.create(CollectionReport, actor, application=application.id, due_on=due_on,
                          final=due.final, received_on=received_on, collected=collected,
                          costs=costs, distributed=distributed, recipients=recipients,
                          auditor=auditor, duplicate=lambda: ConflictError(
                              "Laporan periode ini baru saja dicatat di PC lain."))


def overdue_reports(today: datetime.date | None = None) -> list[tuple[Application, Due]]:
    """Every collection's reports past their deadline (for Tugas Saya)."""
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    cases = (CollectionCase.select(CollectionCase, Application).join(Application)
             .join(Service).where(Service.case_kind == "pub"))
    return _overdue(list(issued(cases)), today)


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, TEMPLATES, "Pengumpulan", "Rekomendasi atau izin PUB")


ENDING_DAYS = 14  # a permit ending within two weeks is mentioned


def reminders(actor, today: datetime.date):
    """Reports past their deadline, and permits ending within two weeks (Tugas Saya)."""
    from desktop.services.cases.kind import Reminder

    visible = case_access.visible(actor)
    cases = (CollectionCase.select(CollectionCase, Application).join(Application)
             .where(Application.state.not_in(("rejected", "withdrawn"))))
    if visible is not None:
        cases = cases.where(visible)
    cases = list(issued(cases))
    found = [Reminder(f"Laporan PUB {app.reg_number} (s.d. {timefmt.format_date(due.due_on)}) "
                      f"lewat batas {timefmt.format_date(due.deadline())}", True, app.id)
             for app, due in _overdue(cases, today)]
    soon = today + datetime.timedelta(days=ENDING_DAYS)
    found += [Reminder(f"Izin PUB {case.application.reg_number} berakhir "
                       f"{timefmt.format_date(period_end(case))}", False, case.application_id)
              for case in cases if today <= period_end(case) <= soon]
    return found
