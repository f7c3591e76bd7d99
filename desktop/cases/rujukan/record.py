"""Recording a rehabilitation referral, in the order staff work it: the assessment (the
group, findings and needs), the institution chosen among those that take the group, the
letter sent or the person taken there (Pendampingan: who went, how), the institution's
answer, follow-up visits and the outcome. Each form is one transaction; a refusal names its
field and the rule, and nothing is saved half way."""
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


def save_assessment(actor, application, existing: ReferralCase | None, *, group: str,
                    findings: str, needs: str = "", guardian: str = "", assessed_on=None,
                    today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    if group not in institutions.GROUPS:
        raise ValidationError("Kelompok sasaran", "pilih dari daftar.")
    received = timefmt.to_local(application.received_at).date()
    clean = dict(target_group=group, findings=require_text(findings, "Hasil asesmen", 4000,
                                                   multiline=True),
                 needs=clean_text(needs, "Kebutuhan", 2000, multiline=True),
                 guardian=clean_text(guardian, "Keluarga/wali", 200),
                 assessed_on=require_past_date(assessed_on, "Tanggal asesmen", today, received,
                                               "permohonan diterima"),
                 assessed_by=actor.username)
    with db.atomic():
        if existing is None:
            return create_record(ReferralCase, actor, application, "Asesmen rujukan ini",
                                 **clean)
        refuse_under_letter(application, (TEMPLATE,), "Kelompok sasaran", "Surat rujukan")
        if existing.sent_on and clean["assessed_on"] > existing.sent_on:
            raise ValidationError("Tanggal asesmen", "sesudah rujukan dikirim "
                                  f"({timefmt.format_date(existing.sent_on)}).")
        if existing.institution_id and group != existing.target_group and \
                not institutions.accepts(existing.institution, group):
            raise ValidationError("Kelompok sasaran", f"{existing.institution.name} tidak "
                                  "menerima kelompok ini; pilih lembaga lain dulu.")
        return records.update(existing, actor, **clean)


def choose_institution(actor, application, case: ReferralCase, institution_id, *,
                       companions: str = "", transport: str = "") -> ReferralCase:
    """The destination, among those that take the group, and for a Pendampingan who will take
    the person and how (the letter names them). After a refusal the worker chooses another:
    the earlier sending and answer stay in the audit trail, the case starts again."""
    _writer(actor, application)
    institution = institutions.require_accepting(institution_id, case.target_group)
    moved = institution.id != case.institution_id
    if case.outcome and moved:
        raise ValidationError("Lembaga rujukan", "hasil akhir rujukan ini sudah dicatat; "
                              "rujukan baru didaftarkan sebagai permohonan baru.")
    if case.answer == "diterima" and moved:
        raise ValidationError("Lembaga rujukan", f"sudah diterima di {case.institution.name}; "
                              "bila dipindahkan, catat hasilnya 'Dipindahkan ke lembaga lain'.")
    if case.sent_on and case.answer not in ("ditolak", "antre") and moved:
        raise ValidationError("Lembaga rujukan", "rujukan sudah dikirim dan belum dijawab; "
                              "catat jawaban lembaga dulu.")
    changes = {"institution": institution.id}
    if accompanied(application):
        changes.update(companions=clean_text(companions, "Pendamping", 200),
                       transport=clean_text(transport, "Transportasi", 120))
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
    field = "Tanggal diantar" if accompanied(application) else "Tanggal dikirim"
    if case.answer:
        raise ValidationError(field, "lembaga sudah menjawab; tanggalnya tidak diubah lagi.")
    day = require_past_date(sent_on, field, today, case.assessed_on, "asesmen")
    companions = clean_text(companions, "Pendamping", 200)
    transport = clean_text(transport, "Transportasi", 120)
    if accompanied(application):
        if not companions:
            raise ValidationError("Pendamping", "tulis siapa yang mengantar (pekerja sosial, "
                                  "keluarga).")
        if not transport:
            raise ValidationError("Transportasi", "tulis kendaraan yang dipakai.")
    with db.atomic():
        return records.update(case, actor, sent_on=day, companions=companions,
                              transport=transport)


def record_answer(actor, application, case: ReferralCase, *, answer: str, answer_on,
                  note: str = "", today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    if answer not in ANSWERS:
        raise ValidationError("Jawaban lembaga", "pilih diterima, ditolak, atau daftar tunggu.")
    if not case.sent_on:
        raise ValidationError("Jawaban lembaga", "catat dulu tanggal rujukan dikirim atau "
                              "penerima manfaat diantar.")
    if case.outcome:
        raise ValidationError("Jawaban lembaga", "hasil akhir sudah dicatat.")
    day = require_past_date(answer_on, "Tanggal jawaban", today, case.sent_on, "rujukan dikirim")
    note = clean_text(note, "Keterangan jawaban", 2000, multiline=True)
    if answer == "ditolak" and not note:
        raise ValidationError("Keterangan jawaban", "tulis alasan lembaga menolak.")
    with db.atomic():
        return records.update(case, actor, answer=answer, answer_on=day, answer_note=note)


def add_visit(actor, application, case: ReferralCase, *, visited_on, note: str,
              today: datetime.date | None = None) -> ReferralVisit:
    _writer(actor, application)
    today = _today(today)
    if not case.sent_on:
        raise ValidationError("Tanggal kunjungan", "kunjungan lanjutan dicatat setelah rujukan "
                              "dikirim atau penerima manfaat diantar.")
    day = require_past_date(visited_on, "Tanggal kunjungan", today, case.sent_on,
                            "rujukan dikirim")
    with db.atomic():
        return records.create(ReferralVisit, actor, application=application.id,
                              visited_on=day, note=require_text(note, "Hasil kunjungan", 2000,
                                                                multiline=True))


def record_outcome(actor, application, case: ReferralCase, *, outcome: str, outcome_on,
                   note: str = "", today: datetime.date | None = None) -> ReferralCase:
    _writer(actor, application)
    today = _today(today)
    if outcome not in OUTCOMES:
        raise ValidationError("Hasil akhir", "pilih dari daftar.")
    if not case.sent_on:
        raise ValidationError("Hasil akhir", "catat dulu rujukan dikirim atau diantar.")
    if outcome in NEEDS_ACCEPTANCE and case.answer != "diterima":
        raise ValidationError("Hasil akhir", f"'{OUTCOMES[outcome]}' dicatat setelah lembaga "
                              "menerima penerima manfaat; catat jawabannya dulu.")
    start = case.answer_on or case.sent_on
    day = require_past_date(outcome_on, "Tanggal hasil", today, start,
                            "jawaban lembaga" if case.answer_on else "rujukan dikirim")
    note = clean_text(note, "Keterangan hasil", 2000, multiline=True)
    if outcome == "pindah" and not note:
        raise ValidationError("Keterangan hasil", "tulis lembaga tujuan pemindahan.")
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
