"""The values the DTKS check gives its certificate (keterangan_dtks), and the name of the
national data it cites."""
from desktop.cases.dtks import record
from desktop.services.admin import settings
from desktop.services.shared import timefmt
from desktop.services.shared.validators import clean_text

NAMES = ("dtks_status", "dtks_id", "dtks_period", "aid_programs", "data_source")
SOURCE_KEY = "dtks.source_name"


def _check_source(label: str, text: str) -> None:
    clean_text(text, label, 120, required=True)


SOURCE = settings.SettingDef(
    SOURCE_KEY, "Nama data kesejahteraan di surat",
    "Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)", check=_check_source,
    help="DTKS menjadi DTSEN sejak 2025 (Inpres 4/2025, Permensos 3/2025); Surat Keterangan "
         "DTKS menyebut nama ini.")


def source_name() -> str:
    return settings.value(SOURCE)


def fill(application, check) -> dict:
    if check is None:
        return {"data_source": source_name()}
    period = check.data_period
    return {"dtks_status": "TERDAFTAR" if check.registered else "TIDAK TERDAFTAR",
            "dtks_id": check.data_id,
            "dtks_period": f"{timefmt.MONTHS[period.month - 1]} {period.year}",
            "aid_programs": record.programmes_text(check),
            "data_source": source_name()}
