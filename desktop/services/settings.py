"""Office-wide settings stored in the database, typed, with defaults registered in one place."""
import json
from dataclasses import dataclass

from desktop.models import Setting
from desktop.services import permissions, records
from desktop.services.errors import ValidationError


@dataclass(frozen=True)
class SettingDef:
    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    unit: str = ""


DEFINITIONS = {d.key: d for d in [
    SettingDef("login.max_attempts", "Batas salah kata sandi", 5, 1, 50, "kali"),
    SettingDef("login.lockout_minutes", "Lama akun terkunci", 5, 1, 1440, "menit"),
    SettingDef("session.idle_minutes", "Kunci layar setelah tidak aktif", 15, 1, 480, "menit"),
    SettingDef("password.min_length", "Panjang minimum kata sandi", 8, 8, 64, "karakter"),
]}


def get(key: str) -> int:
    definition = DEFINITIONS[key]
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return definition.default
    try:
        return int(json.loads(row.value))
    except (ValueError, TypeError):
        return definition.default


def set_value(actor, key: str, value) -> None:
    permissions.require(actor, "settings.edit")
    definition = DEFINITIONS[key]
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(definition.label, "harus berupa bilangan bulat.") from None
    if not definition.minimum <= number <= definition.maximum:
        raise ValidationError(definition.label, f"harus antara {definition.minimum} dan "
                              f"{definition.maximum} {definition.unit}.".rstrip())
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        records.create(Setting, actor, key=key, value=json.dumps(number))
    else:
        records.update(row, actor, value=json.dumps(number))
