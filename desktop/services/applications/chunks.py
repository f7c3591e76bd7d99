"""Large binaries written and read a piece at a time, each piece well inside the server's
packet limit (MariaDB's default max_allowed_packet is 16 MB; an escaped 8 MB value in one
INSERT already exceeds it). The limit is read once per connection target."""
from peewee import MySQLDatabase

from desktop.models import db

CHUNK_MAX = 1024 * 1024


def _packet_limit() -> int | None:
    """MySQL/MariaDB's max_allowed_packet, read once per database object; None elsewhere."""
    database = db.obj
    if not isinstance(database, MySQLDatabase):
        return None
    cached = getattr(database, "_pelita_packet_limit", None)
    if cached is None:
        (packet,) = database.execute_sql("SELECT @@max_allowed_packet").fetchone()
        cached = database._pelita_packet_limit = int(packet)
    return cached


def chunk_size() -> int:
    """Bytes per piece: 1 MB, or an eighth of a smaller MySQL/MariaDB packet limit."""
    packet = _packet_limit()
    return CHUNK_MAX if packet is None else max(64 * 1024, min(CHUNK_MAX, packet // 8))


def single_value_max() -> int | None:
    """The largest binary one statement may carry here (PyMySQL sends bytes as hex, so half
    the packet limit less room for the rest of the statement); None: no such limit."""
    packet = _packet_limit()
    return None if packet is None else packet // 2 - 256 * 1024


def split(data: bytes) -> list[bytes]:
    size = chunk_size()
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


def write(model, owner_field: str, owner_id: int, data: bytes) -> None:
    """One INSERT per piece: a multi-row INSERT would be one packet again."""
    for position, piece in enumerate(split(data)):
        model.insert(**{owner_field: owner_id, "position": position, "data": piece}).execute()


def read(model, owner_field: str, owner_id: int) -> bytes | None:
    """The pieces joined in order; None when the owner has none (stored before chunking)."""
    column = getattr(model, owner_field)
    pieces = [bytes(row[0]) for row in model.select(model.data).where(column == owner_id)
              .order_by(model.position).tuples()]
    return b"".join(pieces) if pieces else None
