"""Small checks and time conversions the schedule services share."""
import datetime
import re

from desktop.errors import ValidationError
from desktop.services.admin import office
from desktop.services.shared import timefmt
from desktop.services.shared.validators import check_phone

to_utc = timefmt.to_utc


def local_date(utc_naive: datetime.datetime) -> datetime.date:
    return timefmt.to_local(utc_naive).date()


def day_bounds(day: datetime.date, days: int = 1) -> tuple[datetime.datetime, datetime.datetime]:
    """The naive-UTC start and end of `days` office-local days from `day`."""
    start = to_utc(datetime.datetime.combine(day, datetime.time()))
    end = to_utc(datetime.datetime.combine(day + datetime.timedelta(days=days), datetime.time()))
    return start, end


def format_time(utc_naive: datetime.datetime) -> str:
    """09.30"""
    return f"{timefmt.to_local(utc_naive):%H.%M}"


def format_span(start: datetime.datetime, end: datetime.datetime) -> str:
    """26 November 2026 09.00–11.30 WIB; the end's date is named when it differs."""
    zone = timefmt.TIME_ZONES.get(timefmt.office_tz().key, "")
    local_start, local_end = timefmt.to_local(start), timefmt.to_local(end)
    head = f"{timefmt.format_date(local_start.date())} {local_start:%H.%M}"
    if local_end.date() != local_start.date():
        return f"{head} s.d. {timefmt.format_date(local_end.date())} {local_end:%H.%M} {zone}"
    return f"{head}–{local_end:%H.%M} {zone}"


def phone(value: str, field: str = "Telepon/WhatsApp", required: bool = False) -> str:
    return check_phone(value, field, required, "agar petugas bisa menghubungi keluarga")


def digits(value: str, field: str, length: int) -> str:
    text = re.sub(r"\s", "", value or "")
    if not text:
        raise ValidationError(field, "wajib diisi.")
    if not re.fullmatch(rf"\d{{{length}}}", text):
        raise ValidationError(field, f"harus {length} angka (tertulis {len(text)} karakter).")
    return text


def _city_parts(text: str) -> tuple[str | None, str]:
    words = " ".join((text or "").lower().replace(".", ". ").split())
    for prefix, kind in (("kabupaten ", "Kabupaten"), ("kab. ", "Kabupaten"),
                         ("kab ", "Kabupaten"), ("kota ", "Kota")):
        if words.startswith(prefix):
            return kind, words[len(prefix):].strip()
    return None, words


def check_in_region(city: str, field: str = "Kota tujuan") -> str:
    """Refuse a place outside the office's city or regency (the hearse serves only within it)."""
    profile = office.get_profile()
    region = (profile.region_name or "").strip()
    if not region:
        raise ValidationError(field, "profil kantor belum menyebut nama kota/kabupaten, jadi "
                              "tujuan ketikan tidak bisa diperiksa. Pilih pemakaman dari daftar "
                              "atau minta administrator mengisi Profil Kantor.")
    typed = (city or "").strip()
    if not typed:
        raise ValidationError(field, f"wajib diisi untuk pemakaman yang diketik, contoh "
                              f"{profile.region_kind} {region}.")
    kind, name = _city_parts(typed)
    _, own = _city_parts(region)
    if name != own or (kind is not None and kind != profile.region_kind):
        raise ValidationError(field, f"{typed} di luar wilayah {profile.region_kind} {region}. "
                              "Layanan mobil jenazah hanya dari rumah duka ke pemakaman di "
                              f"dalam {profile.region_kind} {region}.")
    return f"{profile.region_kind} {region}"
