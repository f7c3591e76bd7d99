from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel


class AidItem(RecordModel):
    """A kind of aid the office keeps in its warehouse (beras, selimut, terpal), counted in
    one unit. `movements` counts its movements: an issue bumps it first, which locks the row
    on every backend, so two PCs issuing the last items queue there."""

    name = CharField(max_length=120, unique=True)
    unit = CharField(max_length=20)  # kg, lembar, paket, dus
    movements = IntegerField(default=0)
    active = BooleanField(default=True)

    class Meta:
        table_name = "aid_item"


class StockMovement(RecordModel):
    """One movement of an item: received (+), issued (-) or corrected after a count (±).
    Never changed or deleted (the app's login may only add): on hand is their sum."""

    item = ForeignKeyField(AidItem, backref="stock_movements", on_delete="RESTRICT")
    quantity = IntegerField()  # signed
    kind = CharField(max_length=8)  # masuk, keluar, koreksi
    moved_on = DateField()
    source = CharField(max_length=200, default="")  # who gave it, or where it went
    application = ForeignKeyField(Application, null=True, backref="stock_movements",
                                  on_delete="RESTRICT")  # the disaster it was issued for
    note = TextField(default="")

    class Meta:
        table_name = "stock_movement"
        # The sum per item reads the index alone (an index-only scan on PostgreSQL).
        indexes = ((("item", "quantity"), False),)
