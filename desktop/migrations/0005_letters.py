"""Letters and signers' images; the database refuses to change or delete an issued letter."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

MESSAGE = "signed letter is immutable"
# Columns fixed at signing. pdf, state and the hand-over columns may still change.
ISSUED_COLUMNS = ("final_docx", "sha256", "number", "sequence", "year", "signed_at",
                  "verification_code", "signer_id", "signing_as", "issued", "template_key",
                  "subject", "fields")


def create_guards(db):
    """Triggers: no UPDATE of an issued column and no DELETE once `signed_at` is set."""
    if isinstance(db, PostgresqlDatabase):
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in ISSUED_COLUMNS)
        db.execute_sql(
            "CREATE FUNCTION pelita_letter_immutable() RETURNS trigger AS $$ BEGIN "
            "IF OLD.signed_at IS NOT NULL AND (TG_OP = 'DELETE' OR " + changed + ") THEN "
            f"RAISE EXCEPTION '{MESSAGE}'; END IF; "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$ "
            "LANGUAGE plpgsql")
        db.execute_sql(
            "CREATE TRIGGER letter_immutable BEFORE UPDATE OR DELETE ON letter "
            "FOR EACH ROW EXECUTE FUNCTION pelita_letter_immutable()")
    elif isinstance(db, MySQLDatabase):
        changed = " OR ".join(f"NOT (NEW.{c} <=> OLD.{c})" for c in ISSUED_COLUMNS)
        db.execute_sql(
            "CREATE TRIGGER letter_immutable_update BEFORE UPDATE ON letter FOR EACH ROW "
            f"IF OLD.signed_at IS NOT NULL AND ({changed}) THEN "
            f"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'; END IF")
        db.execute_sql(
            "CREATE TRIGGER letter_immutable_delete BEFORE DELETE ON letter FOR EACH ROW "
            "IF OLD.signed_at IS NOT NULL THEN "
            f"SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '{MESSAGE}'; END IF")
    else:
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in ISSUED_COLUMNS)
        db.execute_sql(
            "CREATE TRIGGER letter_immutable_update BEFORE UPDATE ON letter "
            f"WHEN OLD.signed_at IS NOT NULL AND ({changed}) "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        db.execute_sql(
            "CREATE TRIGGER letter_immutable_delete BEFORE DELETE ON letter "
            f"WHEN OLD.signed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def drop_guards(db):
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("DROP TRIGGER IF EXISTS letter_immutable ON letter")
        db.execute_sql("DROP FUNCTION IF EXISTS pelita_letter_immutable()")
    else:
        for event in ("update", "delete"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS letter_immutable_{event}")


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class Letter(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        application = ForeignKeyField(Application, null=True, on_delete='RESTRICT')
        template_key = CharField(max_length=64)
        series = CharField(max_length=64)
        classification = CharField(max_length=40, default='')
        subject = CharField(default='')
        state = CharField(max_length=20, default='draft')
        fields = TextField(default='{}')
        drafted_by = ForeignKeyField(User, on_delete='RESTRICT')
        paraf_by = ForeignKeyField(User, null=True, on_delete='RESTRICT')
        paraf_at = DateTimeField(null=True)
        return_note = TextField(default='')
        signer = ForeignKeyField(User, on_delete='RESTRICT')
        signing_as = CharField(max_length=8, default='')
        number = CharField(unique=True, null=True, max_length=120)
        sequence = IntegerField(null=True)
        year = IntegerField(null=True)
        signed_at = DateTimeField(null=True)
        issued = TextField(default='')
        final_docx = BlobField(null=True)
        sha256 = CharField(max_length=64, default='')
        verification_code = CharField(unique=True, null=True, max_length=16)
        pdf = BlobField(null=True)
        handed_over_at = DateTimeField(null=True)
        handed_over_by = ForeignKeyField(User, null=True, on_delete='RESTRICT')
        class Meta:
            database = db
            table_name = 'letter'
            indexes = ((('state', 'updated_at'), False), (('series', 'year', 'sequence'), True))
    db.create_tables([Letter])

    class SignerImage(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)
        user = ForeignKeyField(User, unique=True, on_delete='CASCADE')
        signature = BlobField(null=True)
        stamp = BlobField(null=True)
        class Meta:
            database = db
            table_name = 'signer_image'
    db.create_tables([SignerImage])

    create_guards(db)


def down(migrator, db):
    drop_guards(db)
    migrator.migrate(migrator.drop_table('signer_image'))
    migrator.migrate(migrator.drop_table('letter'))
