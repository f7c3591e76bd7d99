"""The database itself refuses UPDATE and DELETE on the audit trail, on every backend."""
from peewee import MySQLDatabase, PostgresqlDatabase

MESSAGE = "audit_entry is append-only"


def up(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(
            "CREATE FUNCTION pelita_audit_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql")
        db.execute_sql(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION pelita_audit_append_only()")
    elif isinstance(db, MySQLDatabase):
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                f"FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'")
    else:
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def down(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        db.execute_sql("DROP FUNCTION IF EXISTS pelita_audit_append_only()")
    else:
        for event in ("update", "delete"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS audit_entry_no_{event}")
