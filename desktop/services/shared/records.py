"""Create, update and delete records with optimistic locking and an audit entry for each change."""
from peewee import IntegrityError

from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import db, utcnow
from desktop.services.shared import audit
from desktop.services.shared.checks import before_change


def _stamp_fields(model, actor, now):
    return {model.updated_at: now, model.updated_by: actor.username}


def create(model, actor, duplicate=None, **values):
    """Insert a record stamped with the actor, and audit it, in one transaction.

    With `duplicate` (a callable returning the error to raise), a row that would break a
    unique constraint is not inserted (ON CONFLICT DO NOTHING, INSERT IGNORE, INSERT OR
    IGNORE) and `duplicate()` is raised: the violation never happens, so the value (a NIK)
    never reaches the database server's log, and no driver error reaches the user.
    """
    now = utcnow()
    values.update(created_at=now, created_by=actor.username, updated_at=now,
                  updated_by=actor.username, version=1)
    with db.atomic():
        if duplicate is None:
            instance = model.create(**values)
        else:
            new_id = _insert_unless_duplicate(model, values)
            if new_id is None:
                raise duplicate()
            instance = model.get_by_id(new_id)
        audit.record(actor, "create", model._meta.table_name, instance.id,
                     new=audit.snapshot(instance))
    return instance


def _insert_unless_duplicate(model, values):
    """The new row's id, or None when a unique value already exists."""
    query = model.insert(**values).on_conflict_ignore()
    sql, params = query.sql()
    cursor = db.execute_sql(sql, params)
    if cursor.rowcount != 1:  # not lastrowid: SQLite keeps the previous insert's there
        return None
    if "RETURNING" in sql.upper():
        row = cursor.fetchone()
        return row[0] if row else None
    return cursor.lastrowid


def _conflict(model, record_id, verb: str) -> ConflictError:
    current = model.get_or_none(model.id == record_id)
    if current is None:
        return ConflictError(f"Data ini sudah dihapus di PC lain sehingga tidak bisa {verb}. "
                             "Tutup formulir ini; isian Anda masih bisa disalin.")
    from desktop.services.shared.timefmt import format_local

    return ConflictError(
        f"Data ini sudah diubah oleh {current.updated_by or 'pengguna lain'} pada "
        f"{format_local(current.updated_at)} setelah Anda membukanya. Muat ulang data terbaru; "
        "isian Anda tetap ada di formulir untuk diterapkan kembali.",
        changed_by=current.updated_by, changed_at=current.updated_at)


def update(instance, actor, **changes):
    """Save `changes` only if nobody saved the record since `instance` was loaded.

    Runs `UPDATE ... WHERE id = ? AND version = ?`; on a conflict raises ConflictError naming
    who changed it and when, and leaves `instance` untouched.
    """
    model = type(instance)
    changed = {k: v for k, v in changes.items() if getattr(instance, k) != v}
    if not changed:
        return instance
    old = audit.snapshot(instance, only=changed)
    now = utcnow()
    columns = {getattr(model, k): v for k, v in changed.items()}
    columns.update(_stamp_fields(model, actor, now))
    columns[model.version] = instance.version + 1
    with db.atomic():
        rows = (model.update(columns)
                .where((model.id == instance.id) & (model.version == instance.version))
                .execute())
        if rows != 1:
            raise _conflict(model, instance.id, "disimpan")
        before_change(instance)
        for key, value in changed.items():
            setattr(instance, key, value)
        instance.updated_at, instance.updated_by = now, actor.username
        instance.version += 1
        audit.record(actor, "update", model._meta.table_name, instance.id, old=old,
                     new=audit.snapshot(instance, only=changed))
    return instance


# What staff call the records that may point at another, for "still used by" messages.
REFERRER_LABELS = {"application": "permohonan", "letter": "surat",
                   "hearse_booking": "pemesanan mobil jenazah",
                   "clinic_request": "permintaan layanan kursi roda"}


def delete(instance, actor) -> None:
    """Delete a record unchanged since it was read. A record others still point at (an
    application's service, a booking's vehicle) is refused with a message naming them, read
    before the delete: the violation never reaches the database server or its log."""
    model = type(instance)
    with db.atomic():
        _refuse_if_still_used(instance)
        try:
            rows = (model.delete()
                    .where((model.id == instance.id) & (model.version == instance.version))
                    .execute())
        except IntegrityError as exc:
            if not _is_foreign_key_violation(exc):
                raise  # a trigger's refusal (an issued letter), with its own message
            raise ValidationError("Hapus", "data ini baru saja dipakai di PC lain; "
                                  "nonaktifkan saja bila tidak dipakai lagi.") from None
        if rows != 1:
            raise _conflict(model, instance.id, "dihapus")
        audit.record(actor, "delete", model._meta.table_name, instance.id,
                     old=audit.snapshot(instance))


def _is_foreign_key_violation(exc: IntegrityError) -> bool:
    """Another PC pointed at the row between the check and the delete: PostgreSQL's SQLSTATE
    23503, MariaDB's error 1451, SQLite's message."""
    cause = getattr(exc, "orig", None) or exc  # peewee keeps the driver's error there
    if getattr(cause, "pgcode", None) is not None:
        return cause.pgcode == "23503"
    if cause.args and cause.args[0] == 1451:
        return True
    return "FOREIGN KEY constraint failed" in str(cause)


def _refuse_if_still_used(instance) -> None:
    for fk, referrer in type(instance)._meta.backrefs.items():
        if (fk.on_delete or "").upper() in ("CASCADE", "SET NULL"):
            continue  # the database follows those itself
        count = referrer.select().where(fk == instance.id).count()
        if count:
            label = REFERRER_LABELS.get(referrer._meta.table_name, "catatan lain")
            raise ValidationError("Hapus", f"data ini masih dipakai oleh {count} {label}; "
                                  "nonaktifkan saja bila tidak dipakai lagi.")


def reload(instance):
    """The record as it is now in the database."""
    model = type(instance)
    current = model.get_or_none(model.id == instance.id)
    if current is None:
        raise NotFound("Data ini sudah dihapus oleh pengguna lain.")
    return current
