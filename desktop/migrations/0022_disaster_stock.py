"""The aid warehouse (desktop/models/stock: items, and movements whose sum is on hand) and the
disaster kind (desktop/cases/bencana: the event, its households, activities and the aid each
household received); the shipped disaster services carry the kind."""
from peewee import *  # noqa: F401,F403  (the generated style of playhouse.migrations)

SERVICES = ('mgl-korban-bencana', 'mgt-14-bantuan-bencana-sosial', 'mgt-15-bantuan-bencana-alam')


def up(migrator, db):
    class Application(Model):
        class Meta:
            database = db
            table_name = 'application'

    class Record(Model):
        created_at = DateTimeField()
        created_by = CharField(max_length=64, default='')
        updated_at = DateTimeField()
        updated_by = CharField(max_length=64, default='')
        version = IntegerField(default=1)

        class Meta:
            database = db

    class AidItem(Record):
        name = CharField(max_length=120, unique=True)
        unit = CharField(max_length=20)
        movements = IntegerField(default=0)
        active = BooleanField(default=True)

        class Meta:
            table_name = 'aid_item'

    class StockMovement(Record):
        item = ForeignKeyField(AidItem, on_delete='RESTRICT')
        quantity = IntegerField()
        kind = CharField(max_length=8)
        moved_on = DateField()
        source = CharField(max_length=200, default='')
        application = ForeignKeyField(Application, null=True, on_delete='RESTRICT')
        note = TextField(default='')

        class Meta:
            table_name = 'stock_movement'
            indexes = ((('item', 'quantity'), False),)

    class DisasterCase(Record):
        application = ForeignKeyField(Application, unique=True, on_delete='CASCADE')
        hazard = CharField(max_length=24)
        occurred_at = DateTimeField()
        reported_at = DateTimeField()
        place = CharField(max_length=200)
        kelurahan = CharField(max_length=80)
        kecamatan = CharField(max_length=80, default='')
        responded_at = DateTimeField(null=True)
        damage = TextField(default='')
        report = TextField(default='')
        reported_by = CharField(max_length=64, default='')
        reported_on = DateField(null=True)

        class Meta:
            table_name = 'disaster_case'

    class DisasterHousehold(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        head_name = CharField(max_length=120)
        head_nik = CharField(max_length=16, default='')
        address = CharField(max_length=300)
        infants = IntegerField(default=0)
        children = IntegerField(default=0)
        adults = IntegerField(default=0)
        elderly = IntegerField(default=0)
        disabled = IntegerField(default=0)
        pregnant = IntegerField(default=0)
        damage = CharField(max_length=8, default='')
        displaced = BooleanField(default=False)
        note = TextField(default='')

        class Meta:
            table_name = 'disaster_household'
            indexes = ((('application', 'head_name'), False),)

    class DisasterActivity(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        kind = CharField(max_length=12)
        start_on = DateField()
        end_on = DateField(null=True)
        place = CharField(max_length=200, default='')
        count = IntegerField(default=0)
        note = TextField(default='')

        class Meta:
            table_name = 'disaster_activity'

    class DisasterDistribution(Record):
        application = ForeignKeyField(Application, on_delete='CASCADE')
        household = ForeignKeyField(DisasterHousehold, on_delete='RESTRICT')
        item = ForeignKeyField(AidItem, on_delete='RESTRICT')
        movement = ForeignKeyField(StockMovement, unique=True, on_delete='RESTRICT')
        quantity = IntegerField()
        given_on = DateField()
        received_by = CharField(max_length=120)

        class Meta:
            table_name = 'disaster_distribution'

    db.create_tables([AidItem, StockMovement, DisasterCase, DisasterHousehold, DisasterActivity,
                      DisasterDistribution])
    service = Table('service').bind(db)
    service.update(case_kind='bencana').where(service.c.code.in_(SERVICES)).execute()


def down(migrator, db):
    service = Table('service').bind(db)
    service.update(case_kind='').where(service.c.code.in_(SERVICES)).execute()
    migrator.migrate(*[migrator.drop_table(name) for name in (
        'disaster_distribution', 'disaster_activity', 'disaster_household', 'disaster_case',
        'stock_movement', 'aid_item')])
