"""The saved connection profile of this PC: a JSON file, with the password kept in the keyring."""
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

import platformdirs

from desktop.errors import PelitaError, ValidationError

KEYRING_SERVICE = "pelita-database"
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}


def profile_path() -> Path:
    return platformdirs.user_config_path("pelita", appauthor=False) / "connection.json"


@dataclass
class ConnectionProfile:
    backend: str = "sqlite"  # sqlite, postgresql, mysql
    sqlite_path: str = ""
    host: str = ""
    port: int = 0
    database: str = "pelita"
    user: str = ""

    @property
    def keyring_key(self) -> str:
        return f"{self.backend}://{self.user}@{self.host}:{self.port}/{self.database}"

    def validate(self) -> None:
        if self.backend == "sqlite":
            if not self.sqlite_path.strip():
                raise ValidationError("Berkas database", "pilih lokasi berkas .db.")
            return
        if self.backend not in DEFAULT_PORTS:
            raise ValidationError("Jenis database", "pilih SQLite, PostgreSQL atau MariaDB/MySQL.")
        if not self.host.strip():
            raise ValidationError("Server", "isi nama atau alamat IP server database.")
        if not 1 <= int(self.port or 0) <= 65535:
            raise ValidationError("Port", "isi angka 1 s.d. 65535 (PostgreSQL biasanya 5432, "
                                  "MariaDB 3306).")
        if not self.database.strip():
            raise ValidationError("Nama database", "wajib diisi, misalnya pelita.")
        if not self.user.strip():
            raise ValidationError("Pengguna", "isi nama pengguna database.")

    def url(self, password: str | None = None) -> str:
        if self.backend == "sqlite":
            return "sqlite:///" + str(Path(self.sqlite_path).expanduser())
        secret = password if password is not None else get_password(self)
        auth = quote(self.user, safe="")
        if secret:
            auth += ":" + quote(secret, safe="")
        return f"{self.backend}://{auth}@{self.host}:{int(self.port)}/{quote(self.database)}"


def load() -> ConnectionProfile | None:
    path = profile_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ConnectionProfile(**{k: data[k] for k in ConnectionProfile.__dataclass_fields__
                                    if k in data})
    except (ValueError, TypeError):
        return None


def load_url() -> str | None:
    profile = load()
    return profile.url() if profile else None


def get_password(profile: ConnectionProfile) -> str:
    import keyring  # imported on use: it costs start-up time on PCs that use SQLite
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, profile.keyring_key) or ""
    except KeyringError:
        return ""


def save(profile: ConnectionProfile, password: str = "") -> None:
    profile.validate()
    if profile.backend != "sqlite" and password:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(KEYRING_SERVICE, profile.keyring_key, password)
        except KeyringError as exc:
            raise PelitaError("Kata sandi database tidak bisa disimpan di brankas kata sandi "
                              f"sistem ({exc}). Pasang atau aktifkan brankas kata sandi, atau "
                              "gunakan PELITA_DATABASE_URL.") from exc
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(profile), indent=2), encoding="utf-8")
