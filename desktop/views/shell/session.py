"""What every screen needs to know about the signed-in session."""
from dataclasses import dataclass


@dataclass
class Session:
    user: object  # the signed-in User, as desktop.services.shell.auth returned it
    database_label: str  # e.g. "Tertanam (SQLite): /path" or "PostgreSQL server:5432/pelita"
    url: str
