"""An issued letter may be revoked (dicabut) once, with who, when and why; the database keeps
the revocation as it was recorded.

The columns sit on the letter row, as the hand-over does; a trigger of its own (0005's stay as
they are) refuses, whichever program tries: a revocation of a letter never signed, a state and
revocation that disagree, and any later change of a revoked letter's state, hand-over or
revocation. The application's login may UPDATE letters but not drop triggers, so it cannot
take a revocation back or rewrite its reason.
"""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

MESSAGE = "revoked letter is final"
FINAL_COLUMNS = ("state", "revoked_at", "revoked_by_id", "revocation_reason", "handed_over_at",
                 "handed_over_by_id")


def create_guard(db):
    if isinstance(db, PostgresqlDatabase):
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in FINAL_COLUMNS)
        db.execute_sql(
            "CREATE FUNCTION pelita_letter_revocation_final() RETURNS trigger AS $$ BEGIN "
            "IF (OLD.revoked_at IS NOT NULL AND (" + changed + ")) "
            "OR (NEW.revoked_at IS NOT NULL AND OLD.signed_at IS NULL) "
            "OR ((NEW.state = 'revoked') <> (NEW.revoked_at IS NOT NULL)) THEN "
            f"RAISE EXCEPTION '{MESSAGE}'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
        db.execute_sql(
            "CREATE TRIGGER letter_revocation_final BEFORE UPDATE ON letter "
            "FOR EACH ROW EXECUTE FUNCTION pelita_letter_revocation_final()")
    elif isinstance(db, MySQLDatabase):
        changed = " OR ".join(f"NOT (NEW.{c} <=> OLD.{c})" for c in FINAL_COLUMNS)
        db.execute_sql(
            "CREATE TRIGGER letter_revocation_final BEFORE UPDATE ON letter FOR EACH ROW "
            f"IF (OLD.revoked_at IS NOT NULL AND ({changed})) "
            "OR (NEW.revoked_at IS NOT NULL AND OLD.signed_at IS NULL) "
            "OR ((NEW.state = 'revoked') <> (NEW.revoked_at IS NOT NULL)) THEN "
            f"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'; END IF")
    else:
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FINAL_COLUMNS)
        db.execute_sql(
            "CREATE TRIGGER letter_revocation_final BEFORE UPDATE ON letter "
            f"WHEN (OLD.revoked_at IS NOT NULL AND ({changed})) "
            "OR (NEW.revoked_at IS NOT NULL AND OLD.signed_at IS NULL) "
            "OR ((NEW.state = 'revoked') <> (NEW.revoked_at IS NOT NULL)) "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def drop_guard(db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("DROP TRIGGER IF EXISTS letter_revocation_final ON letter")
        db.execute_sql("DROP FUNCTION IF EXISTS pelita_letter_revocation_final()")
    else:
        db.execute_sql("DROP TRIGGER IF EXISTS letter_revocation_final")


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    migrator.migrate(
        migrator.add_column('letter', 'revoked_at', DateTimeField(null=True)),
        migrator.add_column('letter', 'revoked_by_id', ForeignKeyField(
            User, field=User.id, null=True, on_delete='RESTRICT')),
        migrator.add_column('letter', 'revocation_reason', TextField(null=True)))
    create_guard(db)


def down(migrator, db):
    drop_guard(db)
    if isinstance(db, MySQLDatabase):
        migrator.migrate(migrator.drop_foreign_key_constraint('letter', 'revoked_by_id'))
    migrator.migrate(migrator.drop_index('letter', 'letter_revoked_by_id'),
                     migrator.drop_column('letter', 'revocation_reason'),
                     migrator.drop_column('letter', 'revoked_by_id'),
                     migrator.drop_column('letter', 'revoked_at'))
