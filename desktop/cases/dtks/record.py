"""Recording the DTKS check of an application, and reading it back."""
import datetime

from desktop.cases.dtks.model import DtksCheck
from desktop.errors import ConflictError, ValidationError
from desktop.models import Letter
from desktop.services.applications import case_access
from desktop.services.cases.kind import require_case_writer
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import clean_text

RECORD_ROLES = frozenset({permissions.FRONT_OFFICE, permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat hasil pengecekan DTKS"

# The national programmes SIKS-NG shows for a household, in the order staff read them.
PROGRAMMES = {"PKH": "Program Keluarga Harapan (PKH)",
              "BPNT": "Bantuan Pangan Non Tunai / Sembako (BPNT)",
              "PBI-JK": "Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)",
              "PIP": "Program Indonesia Pintar (PIP)"}
EARLIEST_PERIOD = datetime.date(2015, 1, 1)  # DTKS began in 2015
OTHER_MAX, NOTE_MAX, ID_MAX = 200, 1000, 32


def read(application) -> DtksCheck | None:
    """The check recorded for `application` (one query); no permission check: callers have
    read the application through case_access already."""
    return DtksCheck.get_or_none(DtksCheck.application == application.id)


def get(actor, application) -> DtksCheck | None:
    case_access.require_readable(actor, application)
    return read(application)


def programme_codes(check: DtksCheck | None) -> list[str]:
    if check is None:
        return []
    return [code for code in check.programmes.strip(",").split(",") if code]


# What an empty check is refused for, in the form's order; the dialog marks these.
REQUIRED = ("Hasil pengecekan", "Periode data")


def _period(value, today: datetime.date) -> datetime.date:
    if not isinstance(value, datetime.date):
        raise ValidationError("Periode data", "pilih bulan dan tahun data yang tampil di SIKS-NG.")
    first = value.replace(day=1)
    if first < EARLIEST_PERIOD:
        raise ValidationError("Periode data", "tidak boleh sebelum Januari 2015.")
    if first > today.replace(day=1):
        raise ValidationError("Periode data", "tidak boleh bulan yang akan datang.")
    return first


def _decile(decile) -> int | None:
    if decile in ("", None):
        return None
    try:
        decile = int(decile)
    except (TypeError, ValueError):
        raise ValidationError("Desil", "isi angka 1 sampai 10, atau kosongkan.") from None
    if not 1 <= decile <= 10:
        raise ValidationError("Desil", "isi angka 1 sampai 10, atau kosongkan.")
    return decile


def _validated(values: dict, today: datetime.date) -> dict:
    """Every field's check; their refusals raised together."""
    checks = FieldChecks()
    run = checks.run
    registered = values.get("registered")
    if registered not in (True, False):
        checks.add("Hasil pengecekan", "pilih terdaftar atau tidak terdaftar.")
    data_id = run(clean_text, values.get("data_id"), "ID data", ID_MAX)
    if data_id and not data_id.isdigit():
        checks.add("ID data", "hanya angka, seperti yang tampil di SIKS-NG.")
    decile = run(_decile, values.get("decile"))
    codes = list(values.get("programmes") or ())
    unknown = [c for c in codes if c not in PROGRAMMES]
    if unknown:
        checks.add("Program bantuan", f"tidak dikenal: {', '.join(unknown)}.")
    other = run(clean_text, values.get("other_programmes"), "Bantuan lain", OTHER_MAX)
    if registered is False and (data_id or decile is not None or codes or other):
        checks.add("Hasil pengecekan", "yang tidak terdaftar tidak punya ID, desil atau "
                   "program bantuan; kosongkan isian itu atau pilih terdaftar.")
    clean = dict(registered=registered, data_id=data_id, decile=decile,
                 programmes="," + ",".join(c for c in PROGRAMMES if c in codes) + ","
                 if codes else "",
                 other_programmes=other,
                 data_period=run(_period, values.get("data_period"), today),
                 note=run(clean_text, values.get("note"), "Catatan", NOTE_MAX, multiline=True))
    checks.raise_errors()
    return clean


def save(actor, application, existing: DtksCheck | None = None, *, today=None,
         **values) -> DtksCheck:
    """Record (or correct) the check. `existing` is the record the form was opened with: a
    correction made on another PC meanwhile is a conflict, not overwritten."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    if existing is not None:
        _refuse_under_letter(application)
    now = timefmt.utcnow()
    today = today or timefmt.to_local(now).date()
    clean = _validated(values, today)
    clean.update(checked_by=actor.username, checked_at=now)
    if existing is None:
        return records.create(DtksCheck, actor, application=application.id, **clean,
                              duplicate=lambda: ConflictError(
                                  "Hasil pengecekan DTKS untuk permohonan ini baru saja "
                                  "dicatat di PC lain. Muat ulang untuk melihatnya; isian Anda "
                                  "masih ada di formulir."))
    return records.update(existing, actor, **clean)


def _refuse_under_letter(application) -> None:
    """A certificate on its way to the kepala, or issued, says what the check said then: a
    correction would change it unseen."""
    letter = (Letter.select(Letter.state, Letter.number)
              .where((Letter.application == application.id)
                     & (Letter.template_key == "keterangan_dtks")
                     & Letter.state.in_(("waiting_paraf", "waiting_signature", "signed",
                                         "handed_over"))).first())
    if letter is None:
        return
    if letter.number:
        raise ValidationError("Hasil pengecekan", f"sudah dipakai Surat Keterangan nomor "
                              f"{letter.number}; hasil yang tercatat tidak bisa diubah lagi.")
    raise ValidationError("Hasil pengecekan", "Surat Keterangan dari hasil ini sedang menunggu "
                          "paraf atau tanda tangan; minta suratnya dikembalikan dulu, lalu "
                          "ubah hasilnya.")


def programmes_text(check: DtksCheck | None) -> str:
    """PKH, BPNT and the others typed, for letters and lists; "" when none."""
    if check is None:
        return ""
    names = programme_codes(check) + ([check.other_programmes] if check.other_programmes
                                      else [])
    return ", ".join(names)
