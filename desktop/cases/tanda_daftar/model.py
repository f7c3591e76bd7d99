from peewee import BooleanField, CharField, DateField, ForeignKeyField, TextField

from desktop.models.applications.application import Application
from desktop.models.base import RecordModel
from desktop.models.lks.lks import Lks


class TandaDaftarCase(RecordModel):
    """An application for a Tanda Daftar: which LKS, new or a renewal (with its activity
    report), the technical team's field visit and its result, and the validity to issue."""

    application = ForeignKeyField(Application, unique=True, backref="tanda_daftar_cases",
                                  on_delete="CASCADE")
    lks = ForeignKeyField(Lks, backref="tanda_daftar_cases", on_delete="RESTRICT")
    kind = CharField(max_length=16, default="baru")  # baru, perpanjangan
    activity_report = BooleanField(default=False)  # laporan kegiatan, for a renewal
    visit_date = DateField(null=True)
    visit_team = TextField(default="")  # one member per line
    visit_findings = TextField(default="")
    visit_result = CharField(max_length=16, default="")  # layak, tidak_layak
    visited_by = CharField(max_length=64, default="")
    valid_from = DateField(null=True)
    valid_until = DateField(null=True)

    class Meta:
        table_name = "tanda_daftar_case"
