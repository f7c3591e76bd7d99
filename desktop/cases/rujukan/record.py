"""Recording a rehabilitation referral, in the order staff work it: the assessment (the
group, findings and needs), the institution chosen among those that take the group, the
letter sent or the person taken there (Pendampingan: who went, how), the institution's
answer, follow-up visits and the outcome. Each form is one transaction; its refusals name
every field at fault at once with the rule, and nothing is saved half way."""
import datetime

from peewee import JOIN, fn

from desktop.cases.rujukan.model import ReferralCase, ReferralVisit
from desktop.errors import ValidationError
from desktop.models import Application, Institution, db
from desktop.services.admin import settings
from desktop.services.applications import case_access
from desktop.services.cases.kind import (create_record, refuse_under_letter,
                                         require_case_writer)
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import clean_text, require_past_date, require_text

RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat rujukan rehabilitasi sosial"
TEMPLATE = "rujukan_rehabilitasi"

# The seeds' two services per group: the office recommends (a letter for the family or the
# institution), or a social worker takes the person there (Magetan 16 to 26).
GROUP_OF_SERVICE = {
    "mgt-16-pengiriman-anjal-at-balai": "anak", "mgt-21-pendampingan-anjal-at": "anak",
    "mgt-26-rekomendasi-anjal-at": "anak",
    "mgt-17-pendampingan-disabilitas-brspd": "disabilitas",
    "mgt-22-rekomendasi-disabilitas-brspd": "disabilitas",
    "mgt-18-pendampingan-odgj": "odgj", "mgt-23-rekomendasi-odgj": "odgj",
    "mgt-19-pendampingan-lansia-terlantar": "lansia", "mgt-24-rekomendasi-lansia-bpstw": "lansia",
    "mgt-20-pendampingan-tuna-susila-brskw": "tuna_susila",
    "mgt-25-rekomendasi-tuna-susila-brskw": "tuna_susila"}
ACCOMPANIED = frozenset({"mgt-16-pengiriman-anjal-at-balai",
                         "mgt-17-pendampingan-disabilitas-brspd", "mgt-18-pendampingan-odgj",
                         "mgt-19-pendampingan-lansia-terlantar",
                         "mgt-20-pendampingan-tuna-susila-brskw", "mgt-21-pendampingan-anjal-at"})
ANSWERS = {"diterima": "Diterima", "ditolak": "Ditolak", "antre": "Daftar tunggu"}
OUTCOMES = {"keluarga": "Kembali ke keluarga", "dirawat": "Masih dalam perawatan",
            "pindah": "Dipindahkan ke lembaga lain", "meninggal": "Meninggal dunia",
            "keluar": "Keluar / melarikan diri"}
# After an acceptance: the person was there (an outcome other than going home needs it).
NEEDS_ACCEPTANCE = frozenset({"dirawat", "pindah", "meninggal", "keluar"})

ANSWER_DAYS = settings.SettingDef(
    "rujukan.answer_days", "Rujukan tanpa jawaban lembaga menjadi tugas setelah", 14, 1, 180,
    "hari", help="Dihitung sejak surat rujukan dikirim atau penerima manfaat diantar. Tidak "
    "ada batas dalam standar pelayanan Dinsos; sesuaikan dengan kebiasaan lembaga tujuan.")


def read(application) -> ReferralCase | None:
    return (ReferralCase.select(ReferralCase, Institution)
            .join(Institution, JOIN.LEFT_OUTER, on=(ReferralCase.institution == Institution.id))
            .where(ReferralCase.application == application.id).first())


def visits_of(application_id: int) -> list[ReferralVisit]:
    return list(ReferralVisit.select().where(ReferralVisit.application == application_id)
                .order_by(ReferralVisit.visited_on, ReferralVisit.id))


def accompanied(application) -> bool:
    return application.service.code in ACCOMPANIED


def default_group(application) -> str:
    return GROUP_OF_SERVICE.get(application.service.code, "disabilitas")


def state_text(case) -> str:
    """Where the referral stands, in one phrase for the panel and lists."""
    if case is None:
        return "belum diasesmen"
    if case.outcome:
        return OUTCOMES[case.outcome].lower()
    if case.answer:
        return ANSWERS[case.answer].lower()
    if case.sent_on:
        return "menunggu jawaban lembaga"
    if case.institution_id:
        return "lembaga dipilih, belum dikirim"
    return "diasesmen, lembaga belum dipilih"


def _today(today) -> datetime.date:
    return today or timefmt.to_local(timefmt.utcnow()).date()


def _writer(actor, application):
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)


def _current(application, field: str) -> ReferralCase:
    case = read(application)
    if case is None:
        raise ValidationError(field, "catat asesmennya dulu.")
    return case


# What each form refuses when left empty, in the form's order; the forms mark these "*".
ASSESSMENT_REQUIRED = ("Kelompok sasaran", "Tanggal asesmen", "Hasil asesmen")
INSTITUTION_REQUIRED = ("Lembaga rujukan",)
TRIP_REQUIRED = ("Pendamping", "Transportasi")  # a Pendampingan's, on sending
ANSWER_REQUIRED = ("Jawaban lembaga", "Tanggal jawaban")
VISIT_REQUIRED = ("Tanggal kunjungan", "Hasil kunjungan")
OUTCOME_REQUIRED = ("Hasil akhir", "Tanggal hasil")


def sending_field(application) -> str:
    return "Tanggal diantar" if accompanied(application) else "Tanggal dikirim"


def sending_required(application) -> tuple[str, ...]:
    return (sending_field(application),) + (TRIP_REQUIRED if accompanied(application) else ())


def answer_required(answer) -> tuple[str, ...]:
    """What record_answer() refuses empty: a refusal's reason too."""
    return ANSWER_REQUIRED + (("Keterangan jawaban",) if answer == "ditolak" else ())


def outcome_required(outcome) -> tuple[str, ...]:
    """What record_outcome() refuses empty: where a transfer went too."""
    return OUTCOME_REQUIRED + (("Keterangan hasil",) if outcome == "pindah" else ())


def save_assessment(actor, application, existing: ReferralCase | None, *, group: str,
                    findings: str, needs: str = "", guardian: str = "", assessed_on=None,
                    today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    checks = FieldChecks()
    run = checks.run
    if group not in institutions.GROUPS:
        checks.add("Kelompok sasaran", "pilih dari daftar.")
    elif existing is not None and existing.institution_id and group != existing.target_group \
            and not institutions.accepts(existing.institution, group):
        checks.add("Kelompok sasaran", f"{existing.institution.name} tidak menerima kelompok "
                   "ini; pilih lembaga lain dulu.")
    received = timefmt.to_local(application.received_at).date()
    day = run(require_past_date, assessed_on, "Tanggal asesmen", today, received,
              "permohonan diterima")
    if day is not None and existing is not None and existing.sent_on and \
            day > existing.sent_on:
        checks.add("Tanggal asesmen", "sesudah rujukan dikirim "
                   f"({timefmt.format_date(existing.sent_on)}).")
    clean = dict(target_group=group, assessed_on=day,
                 findings=run(require_text, findings, "Hasil asesmen", 4000, multiline=True),
                 needs=run(clean_text, needs, "Kebutuhan", 2000, multiline=True),
                 guardian=run(clean_text, guardian, "Keluarga/wali", 200),
                 assessed_by=actor.username)
    checks.raise_errors()
    with db.atomic():
        if existing is None:
            return create_record(ReferralCase, actor, application, "Asesmen rujukan ini",
                                 **clean)
        refuse_under_letter(application, (TEMPLATE,), "Kelompok sasaran", "Surat rujukan")
        return records.update(existing, actor, **clean)


def choose_institution(actor, application, case: ReferralCase, institution_id, *,
                       companions: str = "", transport: str = "") -> ReferralCase:
    """The destination, among those that take the group, and for a Pendampingan who will take
    the person and how (the letter names them). After a refusal the worker chooses another:
    the earlier sending and answer stay in the audit trail, the case starts again."""
    _writer(actor, application)
    checks = FieldChecks()
    run = checks.run
    institution = run(institutions.require_accepting, institution_id, case.target_group)
    moved = institution is not None and institution.id != case.institution_id
    if case.outcome and moved:
        checks.add("Lembaga rujukan", "hasil akhir rujukan ini sudah dicatat; rujukan baru "
                   "didaftarkan sebagai permohonan baru.")
    elif case.answer == "diterima" and moved:
        checks.add("Lembaga rujukan", f"sudah diterima di {case.institution.name}; bila "
                   "dipindahkan, catat hasilnya 'Dipindahkan ke lembaga lain'.")
    elif case.sent_on and case.answer not in ("ditolak", "antre") and moved:
        checks.add("Lembaga rujukan", "rujukan sudah dikirim dan belum dijawab; catat jawaban "
                   "lembaga dulu.")
    changes = {"institution": institution.id if institution else None}
    if accompanied(application):
        changes.update(companions=run(clean_text, companions, "Pendamping", 200),
                       transport=run(clean_text, transport, "Transportasi", 120))
    checks.raise_errors()
    if moved:
        changes.update(sent_on=None, answer="", answer_on=None, answer_note="")
    if moved or any(getattr(case, k) != v for k, v in changes.items() if k != "institution"):
        refuse_under_letter(application, (TEMPLATE,), "Lembaga rujukan", "Surat rujukan")
    with db.atomic():
        case = records.update(case, actor, **changes)
    case.institution = institution
    return case


def record_sending(actor, application, case: ReferralCase, *, sent_on, companions: str = "",
                   transport: str = "", today: datetime.date | None = None) -> ReferralCase:
    """The letter sent, or (Pendampingan) the person taken there: the day, who went and how
    (planned when the institution was chosen, corrected here to who really went)."""
    _writer(actor, application)
    today = _today(today)
    if not case.institution_id:
        raise ValidationError("Lembaga rujukan", "pilih lembaga tujuan dulu.")
    field = sending_field(application)
    if case.answer:
        raise ValidationError(field, "lembaga sudah menjawab; tanggalnya tidak diubah lagi.")
    checks = FieldChecks()
    run = checks.run
    day = run(require_past_date, sent_on, field, today, case.assessed_on, "asesmen")
    companions = run(clean_text, companions, "Pendamping", 200)
    transport = run(clean_text, transport, "Transportasi", 120)
    if accompanied(application):
        if companions == "":
            checks.add("Pendamping", "tulis siapa yang mengantar (pekerja sosial, keluarga).")
        if transport == "":
            checks.add("Transportasi", "tulis kendaraan yang dipakai.")
    checks.raise_errors()
    with db.atomic():
        return records.update(case, actor, sent_on=day, companions=companions,
                              transport=transport)


def record_answer(actor, application, case: ReferralCase, *, answer: str, answer_on,
                  note: str = "", today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    if not case.sent_on:
        raise ValidationError("Jawaban lembaga", "catat dulu tanggal rujukan dikirim atau "
                              "penerima manfaat diantar.")
    if case.outcome:
        raise ValidationError("Jawaban lembaga", "hasil akhir sudah dicatat.")
    checks = FieldChecks()
    run = checks.run
    if answer not in ANSWERS:
        checks.add("Jawaban lembaga", "pilih diterima, ditolak, atau daftar tunggu.")
    day = run(require_past_date, answer_on, "Tanggal jawaban", today, case.sent_on,
              "rujukan dikirim")
    note = run(clean_text, note, "Keterangan jawaban", 2000, multiline=True)
    if "Keterangan jawaban" in answer_required(answer) and note == "":
        checks.add("Keterangan jawaban", "tulis alasan lembaga menolak.")
    checks.raise_errors()
    with db.atomic():
        return records.update(case, actor, answer=answer, answer_on=day, answer_note=note)


def add_visit(actor, application, case: ReferralCase, *, visited_on, note: str,
              today: datetime.date | None = None) -> ReferralVisit:
    _writer(actor, application)
    today = _today(today)
    if not case.sent_on:
        raise ValidationError("Tanggal kunjungan", "kunjungan lanjutan dicatat setelah rujukan "
                              "dikirim atau penerima manfaat diantar.")
    checks = FieldChecks()
    day = checks.run(require_past_date, visited_on, "Tanggal kunjungan", today, case.sent_on,
                     "rujukan dikirim")
    note = checks.run(require_text, note, "Hasil kunjungan", 2000, multiline=True)
    checks.raise_errors()
    with db.atomic():
        return records.create(ReferralVisit, actor, application=application.id,
                              visited_on=day, note=note)


def record_outcome(actor, application, case: ReferralCase, *, outcome: str, outcome_on,
                   note: str = "", today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    if not case.sent_on:
        raise ValidationError("Hasil akhir", "catat dulu rujukan dikirim atau diantar.")
    checks = FieldChecks()
    run = checks.run
    if outcome not in OUTCOMES:
        checks.add("Hasil akhir", "pilih dari daftar.")
    elif outcome in NEEDS_ACCEPTANCE and case.answer != "diterima":
        checks.add("Hasil akhir", f"'{OUTCOMES[outcome]}' dicatat setelah lembaga menerima "
                   "penerima manfaat; catat jawabannya dulu.")
    start = case.answer_on or case.sent_on
    day = run(require_past_date, outcome_on, "Tanggal hasil", today, start,
              "jawaban lembaga" if case.answer_on else "rujukan dikirim")
    note = run(clean_text, note, "Keterangan hasil", 2000, multiline=True)
    if "Keterangan hasil" in outcome_required(outcome) and note == "":
        checks.add("Keterangan hasil", "tulis lembaga tujuan pemindahan.")
    checks.raise_errors()
    with db.atomic():
        return records.update(case, actor, outcome=outcome, outcome_on=day, outcome_note=note)


def in_care_counts(actor) -> dict[int, int]:
    """People each institution has accepted and still cares for, by institution id, among
    the referrals `actor` may read (a count must not reveal a case: one GROUP BY)."""
    query = (ReferralCase.select(ReferralCase.institution, fn.COUNT(ReferralCase.id))
             .join(Application, on=(ReferralCase.application == Application.id))
             .where((ReferralCase.answer == "diterima")
                    & ReferralCase.outcome.in_(("", "dirawat"))
                    & Application.state.not_in(("rejected", "withdrawn"))))
    visible = case_access.visible(actor)
    if visible is not None:
        query = query.where(visible)
    rows = query.group_by(ReferralCase.institution).tuples()
    return {institution: count for institution, count in rows}


def waiting_since(case, today: datetime.date) -> int | None:
    """Days a sent referral has waited for its answer; None when it is not waiting."""
    if case is None or not case.sent_on or case.answer or case.outcome:
        return None
    return (today - case.sent_on).days
