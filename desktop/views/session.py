"""What every screen needs to know about the signed-in session."""
from dataclasses import dataclass

from desktop.models import User


@dataclass
class Session:
    user: User
    database_label: str  # e.g. "Tertanam (SQLite): /path" or "PostgreSQL server:5432/pelita"
    url: str
