"""Checks for Indonesian identity numbers and other typed fields (DOMAIN.md)."""
import datetime
import re
from dataclasses import dataclass

from desktop.errors import ValidationError

PROVINCE_CODES = frozenset(
    [str(c) for c in range(11, 20)] + ["21"] + [str(c) for c in range(31, 37)]
    + ["51", "52", "53"] + [str(c) for c in range(61, 66)] + [str(c) for c in range(71, 77)]
    + ["81", "82"] + [str(c) for c in range(91, 97)])


def _date_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class NipInfo:
    birth_date: datetime.date
    appointed: tuple[int, int]  # year, month
    sex: str  # "L" or "P"


def check_nip(value: str, field: str = "NIP", today: datetime.date | None = None) -> NipInfo:
    """NIP: YYYYMMDD birth, YYYYMM appointment, sex 1/2, serial NNN (18 digits)."""
    today = today or datetime.date.today()
    nip = re.sub(r"\s", "", value or "")
    if not re.fullmatch(r"\d{18}", nip):
        raise ValidationError(field, "harus 18 angka tanpa huruf atau tanda baca "
                              f"(tertulis {len(nip)} karakter).")
    birth = _date_or_none(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None or not 1940 <= birth.year <= today.year - 17:
        raise ValidationError(field, "8 angka pertama harus tanggal lahir yang sah (TTTTBBHH).")
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or not birth.year + 17 <= year <= today.year:
        raise ValidationError(field, "angka ke-9 s.d. 14 harus tahun dan bulan pengangkatan "
                              "(TTTTBB) yang sah, setelah pegawai berusia 17 tahun.")
    if nip[14] not in "12":
        raise ValidationError(field, "angka ke-15 harus 1 (laki-laki) atau 2 (perempuan).")
    if nip[15:] == "000":
        raise ValidationError(field, "3 angka terakhir (nomor urut) tidak boleh 000.")
    return NipInfo(birth, (year, month), "L" if nip[14] == "1" else "P")


def normalise_nip(value: str) -> str:
    return re.sub(r"\s", "", value or "")


@dataclass(frozen=True)
class NikInfo:
    region: str  # 6 digits: province, regency/city, district
    birth_date: datetime.date
    sex: str  # "L" or "P"


def check_nik(value: str, field: str = "NIK", today: datetime.date | None = None) -> NikInfo:
    """NIK: PP KK CC DDMMYY SSSS, 40 added to the day for women."""
    today = today or datetime.date.today()
    nik = re.sub(r"\s", "", value or "")
    if not nik:
        raise ValidationError(field, "wajib diisi.")
    if not re.fullmatch(r"\d{16}", nik):
        raise ValidationError(field, f"harus 16 angka (tertulis {len(nik)} karakter).")
    if nik[:2] not in PROVINCE_CODES:
        raise ValidationError(field, f"kode provinsi {nik[:2]} tidak dikenal.")
    if nik[2:4] == "00" or nik[4:6] == "00":
        raise ValidationError(field, "kode kabupaten/kota dan kecamatan tidak boleh 00.")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "P" if day > 40 else "L"
    day = day - 40 if day > 40 else day
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    birth = _date_or_none(year, month, day)
    if birth is None:
        raise ValidationError(field, "angka ke-7 s.d. 12 bukan tanggal lahir yang sah "
                              "(HHBBTT, perempuan: tanggal + 40).")
    if birth > today:
        raise ValidationError(field, "tanggal lahir di dalam NIK ada di masa depan.")
    if nik[12:] == "0000":
        raise ValidationError(field, "4 angka terakhir (nomor urut) tidak boleh 0000.")
    return NikInfo(nik[:6], birth, sex)


EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)


def check_email(value: str, field: str = "E-mail") -> str:
    text = (value or "").strip()
    if text and not EMAIL_RE.match(text):
        raise ValidationError(field, "bukan alamat e-mail yang sah, contoh: dinsos@kotaku.go.id.")
    return text


# Bidirectional embeddings, overrides and isolates: they make "exe.ftp" display as "ptf.exe"
# and a name read in another order than it is stored.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Texts longer than this are typed in multi-line boxes (notes, addresses, steps).
MULTILINE_FROM = 400


def check_web_page(field: str, text: str) -> None:
    """A page's address on the office's website: https://dinsos.magelangkota.go.id/verifikasi,
    without a query or fragment (Pelita adds ?kode=...)."""
    if len(text) > 200 or not re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?"
                                           r"(/[A-Za-z0-9._~/-]*)?", text):
        raise ValidationError(field, "tulis alamat halaman lengkap, misalnya https://dinsos."
                              "magelangkota.go.id/verifikasi (tanpa ? atau #), atau kosongkan.")


def check_characters(text: str, field: str, multiline: bool) -> str:
    """Refuse NUL and other control characters (tab and line breaks only in multi-line fields)
    and bidirectional overrides: they corrupt lists, letters and the database's log."""
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise ValidationError(field, "memuat karakter pembalik arah tulisan (U+"
                                  f"{ord(ch):04X}) yang tidak terlihat; hapus lalu ketik ulang "
                                  "teksnya.")
        if ch in "\t\n\r":
            if not multiline:
                raise ValidationError(field, "harus satu baris: hapus tab dan ganti baris.")
        elif ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0:
            what = "karakter NUL" if ch == "\x00" else f"karakter kendali (kode {ord(ch)})"
            raise ValidationError(field, f"memuat {what} yang tidak terlihat, biasanya ikut "
                                  "tersalin dari program lain; hapus lalu ketik ulang teksnya.")
    return text


def clean_text(value, field: str, max_length: int, required: bool = False,
               multiline: bool | None = None) -> str:
    """Trimmed text within its limit, never silently cut; `multiline` defaults to limits of
    MULTILINE_FROM characters and more."""
    text = ("" if value is None else str(value)).strip()
    if required and not text:
        raise ValidationError(field, "wajib diisi.")
    if len(text) > max_length:
        raise ValidationError(field, f"terlalu panjang: {len(text)} karakter, melebihi batas "
                              f"{max_length} karakter. Persingkat teksnya.")
    if multiline is None:
        multiline = max_length >= MULTILINE_FROM
    return check_characters(text, field, multiline)


def require_text(value: str, field: str, max_length: int, multiline: bool | None = None) -> str:
    return clean_text(value, field, max_length, required=True, multiline=multiline)


def optional_text(value: str, field: str, max_length: int,
                  multiline: bool | None = None) -> str:
    return clean_text(value, field, max_length, multiline=multiline)


def check_phone(value: str, field: str = "Telepon/WhatsApp", required: bool = False,
                why: str = "") -> str:
    """A telephone or WhatsApp number: 8 to 15 digits, spaces and dashes dropped."""
    text = re.sub(r"[\s-]", "", value or "")
    if not text and required:
        raise ValidationError(field, f"wajib diisi{' ' + why if why else ''}.")
    if text and not re.fullmatch(r"\+?\d{8,15}", text):
        raise ValidationError(field, "isi 8 s.d. 15 angka, contoh 081234567890.")
    return text


MAX_RUPIAH = 10 ** 14


def check_rupiah(value, field: str, allow_zero: bool = False) -> int:
    """An amount in whole rupiah, typed as 25.000.000, Rp 25.000.000 or a number."""
    if isinstance(value, (bool, float)):  # 2.5e7 or 25000000.0: not a typed amount
        raise ValidationError(field, "isi jumlah rupiah, misalnya 25.000.000.")
    if not isinstance(value, int):
        text = str(value or "").replace("Rp", "").replace(".", "").replace(" ", "")
        if not re.fullmatch(r"[0-9]+", text):
            raise ValidationError(field, "isi jumlah rupiah dengan angka, misalnya 25.000.000.")
        value = int(text)
    if value > MAX_RUPIAH:
        raise ValidationError(field, "terlalu besar; periksa angkanya.")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, "harus lebih dari Rp 0; periksa angkanya.")
    return value


def rupiah_or_none(text: str) -> int | None:
    """A typed amount for a form's live total; None while it is not one yet."""
    digits = (text or "").replace("Rp", "").replace(".", "").replace(" ", "")
    return int(digits) if re.fullmatch(r"[0-9]+", digits) else None


# An empty date's refusal, the same in every form: typed or picked.
DATE_REQUIRED = "wajib diisi; tulis seperti 15/12/2027 atau pilih dari kalender."


def require_date(value, field: str) -> datetime.date:
    """A date the form must have (a date edit's value, or a date given to a service)."""
    if not isinstance(value, datetime.date):
        raise ValidationError(field, DATE_REQUIRED)
    return value


def require_past_date(value, field: str, today: datetime.date, not_before=None,
                      before_what: str = "") -> datetime.date:
    """A date that has happened: not after the office's `today`, nor before `not_before`
    (named `before_what` in the refusal)."""
    from desktop.services.shared import timefmt

    day = require_date(value, field)
    if day > today:
        raise ValidationError(field, "tidak boleh sesudah hari ini.")
    if not_before is not None and day < not_before:
        raise ValidationError(field, f"tidak boleh sebelum {before_what} "
                              f"({timefmt.format_date(not_before)}).")
    return day


def require_past_moment(value, field: str, now: datetime.datetime, not_before=None,
                        before_what: str = "") -> datetime.datetime:
    """An office-local date and time typed on a form, as naive UTC: not after `now` (five
    minutes' grace for the PCs' clocks), nor before `not_before` (naive UTC)."""
    from desktop.services.shared import timefmt

    if not isinstance(value, datetime.datetime):
        raise ValidationError(field, "wajib diisi: tanggal dan jam.")
    at = timefmt.to_utc(value)
    if at > now + datetime.timedelta(minutes=5):
        raise ValidationError(field, "tidak boleh sesudah saat ini.")
    if not_before is not None and at < not_before:
        raise ValidationError(field, f"tidak boleh sebelum {before_what} "
                              f"({timefmt.format_local(not_before)}).")
    return at
