from peewee import BooleanField, CharField, DateField

from desktop.models.base import RecordModel


class HolidayOverride(RecordModel):
    """An administrator's change to the `holidays` package calendar: a day added or removed."""

    day = DateField(unique=True)
    name = CharField(max_length=160, default="")
    is_holiday = BooleanField(default=True)  # False removes a package holiday
    kind = CharField(max_length=16, default="cuti_bersama")  # cuti_bersama, public, other
