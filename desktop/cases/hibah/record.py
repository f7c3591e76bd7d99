"""Recording a grant recommendation (Permendagri 32/2011 and its amendments): the applicant
must be an LKS with a valid Tanda Daftar, or a legal entity domiciled in the region for a set
number of years; the proposal's budget lines add up to the request; the verification visit;
a grant in the previous budget year is flagged (grants are not given continuously)."""
import datetime
import json

from desktop.cases.hibah.model import GrantCase
from desktop.errors import ConflictError, ValidationError
from desktop.models import Application, Lks
from desktop.services.admin import settings
from desktop.services.cases.kind import refuse_under_letter, require_case_writer
from desktop.services.letters import formatting
from desktop.services.lks import registrations
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_rupiah, clean_text, require_text

RECORD_ROLES = frozenset({permissions.FRONT_OFFICE, permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat data rekomendasi hibah"
TEMPLATE = "rekomendasi_hibah"
RESULTS = {"layak": "Layak", "tidak_layak": "Tidak layak"}
MAX_LINES = 100

DOMICILE_YEARS = settings.SettingDef(
    "hibah.domicile_years", "Badan hukum penerima hibah berdomisili di daerah sekurangnya", 3,
    0, 20, "tahun", help="Penerima hibah organisasi kemasyarakatan berbadan hukum, "
    "berkedudukan dalam wilayah daerah sekurang-kurangnya 3 tahun (Permendagri 32/2011 dan "
    "perubahannya, perlu dikonfirmasi). LKS dengan Tanda Daftar yang berlaku memenuhi.")
CONSECUTIVE = settings.SettingDef(
    "hibah.allow_consecutive", "Hibah berturut-turut setiap tahun diperbolehkan (1 = ya)", 0,
    0, 1, "", help="Hibah tidak wajib dan tidak terus-menerus setiap tahun anggaran "
    "(Permendagri 32/2011 Pasal 4, perlu dikonfirmasi); 0 menandai hibah pada tahun anggaran "
    "sebelumnya.")
SETTINGS = (DOMICILE_YEARS, CONSECUTIVE)


def read(application) -> GrantCase | None:
    return GrantCase.get_or_none(GrantCase.application == application.id)


def lines_of(case: GrantCase | None) -> list[tuple[str, int]]:
    return [(line, amount) for line, amount in json.loads(case.budget_lines)] if case else []


def previous_grant(application, budget_year: int) -> Application | None:
    """The organisation's grant recommendation for the budget year before, if any."""
    if application.organisation_id is None:
        return None
    return (Application.select().join(GrantCase, on=(GrantCase.application == Application.id))
            .where((Application.organisation == application.organisation_id)
                   & (Application.id != application.id)
                   & (GrantCase.budget_year == budget_year - 1)
                   & Application.state.not_in(("rejected", "withdrawn"))).first())


# What an empty proposal is refused for, in the form's order; the dialog marks these (the SK
# and the domicile are asked of a legal entity that is not a registered LKS).
REQUIRED = ("Nomor SK badan hukum", "Berdomisili sejak", "Tahun anggaran", "Peruntukan hibah",
            "Jumlah yang diajukan", "Rincian anggaran")
LEGAL_ENTITY_REQUIRED = ("Nomor SK badan hukum", "Berdomisili sejak")


def required_fields(lks_id) -> tuple[str, ...]:
    """What save() refuses empty: REQUIRED, but a registered LKS (`lks_id`) shows no SK or
    domicile (its Tanda Daftar stands for them)."""
    return tuple(f for f in REQUIRED if not lks_id or f not in LEGAL_ENTITY_REQUIRED)


def _domiciled(domiciled_since, today: datetime.date) -> datetime.date:
    if not isinstance(domiciled_since, datetime.date):
        raise ValidationError("Berdomisili sejak", "wajib diisi untuk badan hukum yang "
                              "bukan LKS terdaftar.")
    years = settings.value(DOMICILE_YEARS)
    try:
        enough = domiciled_since.replace(year=domiciled_since.year + years)
    except ValueError:  # 29 February
        enough = datetime.date(domiciled_since.year + years, 3, 1)
    if enough > today:
        raise ValidationError("Berdomisili sejak", f"penerima hibah harus berdomisili di "
                              f"daerah sekurang-kurangnya {years} tahun (baru memenuhi "
                              f"{timefmt.format_date(enough)}); organisasi yang tidak "
                              "terdaftar di daerah tidak dapat direkomendasikan.")
    return domiciled_since


def _lines(budget_lines, checks: FieldChecks) -> list[tuple[str, int]] | None:
    """The budget lines, each cell's refusal kept in `checks`; None when any was refused."""
    lines, refused = [], False
    for number, (line, amount) in enumerate(budget_lines or (), start=1):
        text = checks.run(clean_text, line, f"Rincian {number}", 200)
        if text == "":
            checks.add(f"Rincian {number}", "tulis uraiannya, atau hapus barisnya.")
        amount = checks.run(check_rupiah, amount, f"Jumlah rincian {number}")
        if not text or amount is None:
            refused = True
        else:
            lines.append((text, amount))
    if not budget_lines or len(budget_lines) > MAX_LINES:
        checks.add("Rincian anggaran", "isi sekurang-kurangnya satu rincian "
                   f"(paling banyak {MAX_LINES}).")
        return None
    return None if refused else lines


def save(actor, application, existing: GrantCase | None = None, *, lks_id=None,
         legal_number: str = "", domiciled_since=None, budget_year=None, requested=None,
         purpose: str = "", budget_lines=(), today: datetime.date | None = None) -> GrantCase:
    """Record (or correct) the proposal; an applicant the rules do not allow is refused, and
    every field at fault with it."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is not None:
        _refuse_under_letter(application)
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    run = checks.run
    lks = Lks.get_or_none(Lks.id == lks_id) if lks_id else None
    legal_number = run(clean_text, legal_number, "Nomor SK badan hukum", 80)
    if lks is not None:
        state = registrations.state_of(lks.registered_until, lks.revoked, today)
        if state not in ("berlaku", "segera_habis"):
            label = registrations.STATES[state].lower()
            checks.add("LKS", f"Tanda Daftar LKS ini {label}; hibah hanya untuk LKS "
                       "dengan Tanda Daftar yang berlaku, atau badan hukum yang "
                       "berdomisili di daerah.")
        domiciled_since = None
    else:
        if legal_number == "":
            checks.add("Nomor SK badan hukum", "pemohon yang bukan LKS terdaftar harus "
                       "berbadan hukum: tulis nomor SK Kemenkumham-nya, atau pilih LKS dari "
                       "Daftar LKS.")
        domiciled_since = run(_domiciled, domiciled_since, today)
    if isinstance(budget_year, bool) or not isinstance(budget_year, int) or \
            not today.year - 1 <= budget_year <= today.year + 2:
        checks.add("Tahun anggaran", f"antara {today.year - 1} dan {today.year + 2}.")
    purpose = run(require_text, purpose, "Peruntukan hibah", 2000, multiline=True)
    requested = run(check_rupiah, requested, "Jumlah yang diajukan")
    if (existing is not None and existing.recommended and requested is not None
            and requested < existing.recommended):
        checks.add("Jumlah yang diajukan", "tidak boleh kurang dari yang sudah "
                   f"direkomendasikan ({formatting.rupiah(existing.recommended)}); "
                   "ubah dulu hasil verifikasinya.")
    lines = _lines(budget_lines, checks)
    if lines is not None and requested is not None:
        total = sum(amount for _, amount in lines)
        if total != requested:
            checks.add("Rincian anggaran", f"jumlah rinciannya {formatting.rupiah(total)}, "
                       f"tidak sama dengan yang diajukan {formatting.rupiah(requested)}.")
    checks.raise_errors()
    clean = dict(lks=lks.id if lks else None, legal_number=legal_number,
                 domiciled_since=domiciled_since, budget_year=budget_year, requested=requested,
                 purpose=purpose, budget_lines=json.dumps(lines, ensure_ascii=False))
    if existing is None:
        return records.create(GrantCase, actor, application=application.id, **clean,
                              duplicate=lambda: ConflictError(
                                  "Data hibah untuk permohonan ini baru saja dicatat di PC "
                                  "lain. Muat ulang untuk melihatnya."))
    return records.update(existing, actor, **clean)


VISIT_REQUIRED = ("Tanggal verifikasi", "Hasil verifikasi", "Catatan verifikasi")


def visit_required(result) -> tuple[str, ...]:
    """What save_visit() refuses empty: the amount recommended of an eligible proposal too."""
    return VISIT_REQUIRED + (("Jumlah yang direkomendasikan",) if result == "layak" else ())


def save_visit(actor, application, existing: GrantCase | None, *, visit_date, result: str,
               note: str, recommended, today: datetime.date | None = None) -> GrantCase:
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is None:
        raise ValidationError("Hibah", "catat dulu proposalnya.")
    _refuse_under_letter(application)
    today = today or timefmt.to_local(timefmt.utcnow()).date()
    checks = FieldChecks()
    if not isinstance(visit_date, datetime.date) or visit_date > today:
        checks.add("Tanggal verifikasi", "pilih tanggal kunjungan, paling lambat hari ini.")
    if result not in RESULTS:
        checks.add("Hasil verifikasi", "pilih layak atau tidak layak.")
    note = checks.run(require_text, note, "Catatan verifikasi", 2000, multiline=True)
    amount = None
    if "Jumlah yang direkomendasikan" in visit_required(result):
        amount = checks.run(check_rupiah, recommended, "Jumlah yang direkomendasikan")
        if amount is not None and amount > existing.requested:
            checks.add("Jumlah yang direkomendasikan", "tidak boleh melebihi yang "
                       f"diajukan ({formatting.rupiah(existing.requested)}).")
    checks.raise_errors()
    return records.update(existing, actor, visit_date=visit_date, visit_result=result,
                          visit_note=note, recommended=amount)


def _refuse_under_letter(application) -> None:
    refuse_under_letter(application, (TEMPLATE,), "Hibah", "Rekomendasi hibah")