"""The LKS register (desktop/models/lks): an organisation's LKS details, its board, its
beneficiaries and its Tanda Daftar certificates."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)


def up(migrator, db):
    def table(name):
        class Existing(Model):
            class Meta:
                database = db
                table_name = name
        return Existing

    Organisation, Person, Application = (table(n) for n in ("organisation", "person",
                                                              "application"))

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class Lks(Record):
        organisation = ForeignKeyField(Organisation, unique=True, on_delete='CASCADE')
        legal_status = CharField(max_length=24)
        deed_number = CharField(max_length=60, default='')
        deed_date = DateField(null=True)
        sk_number = CharField(max_length=80, default='')
        sk_date = DateField(null=True)
        founding_note = CharField(max_length=120, default='')
        founding_date = DateField(null=True)
        npwp = CharField(max_length=16, default='', index=True)
        bank_name = CharField(max_length=80, default='')
        bank_account = CharField(max_length=30, default='')
        bank_account_name = CharField(max_length=200, default='')
        domicile_number = CharField(max_length=80, default='')
        domicile_date = DateField(null=True)
        kelurahan = CharField(max_length=80, default='')
        kecamatan = CharField(max_length=80, default='', index=True)
        fields = CharField(max_length=200, default='')
        staff_count = IntegerField(default=0)
        accreditation = CharField(max_length=1, default='')
        registration_number = CharField(max_length=80, default='')
        registered_until = DateField(null=True, index=True)
        revoked = BooleanField(default=False)
        note = TextField(default='')

        class Meta:
            table_name = 'lks'

    class LksBoardMember(Record):
        lks = ForeignKeyField(Lks, on_delete='CASCADE')
        position = CharField(max_length=16)
        person = ForeignKeyField(Person)

        class Meta:
            table_name = 'lks_board_member'
            indexes = ((('lks', 'position'), True),)

    class LksBeneficiary(Record):
        lks = ForeignKeyField(Lks, on_delete='CASCADE')
        kind = CharField(max_length=24)
        count = IntegerField()

        class Meta:
            table_name = 'lks_beneficiary'
            indexes = ((('lks', 'kind'), True),)

    class LksRegistration(Record):
        lks = ForeignKeyField(Lks, on_delete='CASCADE')
        number = CharField(max_length=80)
        kind = CharField(max_length=16)
        issued_on = DateField()
        valid_from = DateField()
        valid_until = DateField()
        application = ForeignKeyField(Application, null=True, on_delete='SET NULL')
        revoked_on = DateField(null=True)
        revoke_reason = TextField(default='')
        revoked_by = CharField(max_length=64, default='')

        class Meta:
            table_name = 'lks_registration'
            indexes = ((('lks', 'valid_until'), False),)

    db.create_tables([Lks, LksBoardMember, LksBeneficiary, LksRegistration])


def down(migrator, db):
    for name in ('lks_registration', 'lks_beneficiary', 'lks_board_member', 'lks'):
        migrator.migrate(migrator.drop_table(name))
