"""The append-only audit trail: every create, update and delete made through the services."""
import datetime
import decimal
import json

from desktop.models import AuditEntry


def _plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(bytes(value))} byte>"
    return value


def snapshot(instance, only=None) -> dict:
    """The record's field values as JSON-able data, without excluded (secret or binary) fields."""
    excluded = set(getattr(instance, "audit_exclude", ()))
    data = {}
    for field in instance._meta.sorted_fields:
        if field.name in excluded or (only is not None and field.name not in only):
            continue
        # __data__ holds raw column values: a foreign key's id, not the related row.
        data[field.name] = _plain(instance.__data__.get(field.name))
    return data


def record(actor, action: str, table_name: str, record_id=None, old=None, new=None) -> None:
    """Append one entry. Call inside the same transaction as the change it describes."""
    AuditEntry.insert(
        username=getattr(actor, "username", "") or "",
        action=action,
        table_name=table_name,
        record_id=record_id,
        old_values=json.dumps(old, ensure_ascii=False, default=str) if old is not None else None,
        new_values=json.dumps(new, ensure_ascii=False, default=str) if new is not None else None,
    ).execute()


def entries_for(table_name: str, record_id: int) -> list[AuditEntry]:
    return list(AuditEntry.select()
                .where((AuditEntry.table_name == table_name) & (AuditEntry.record_id == record_id))
                .order_by(AuditEntry.at, AuditEntry.id))
