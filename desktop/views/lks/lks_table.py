"""The register's table model: a page of LKS at a time (views/shared/paged_table), each
row's Tanda Daftar state coloured."""
import datetime

from PySide6.QtGui import QBrush, QColor, QStandardItem

from desktop.services.admin import settings
from desktop.services.lks import lks_records, registrations, registry_query
from desktop.services.lks.registry_query import LksFilter
from desktop.services.shared import timefmt
from desktop.views.shared.paged_table import PagedTableModel

TOOLTIP_AFTER = 30  # characters
COLUMNS = ["Nama LKS", "Status hukum", "Bidang pelayanan", "Kecamatan", "No. Tanda Daftar",
           "Berlaku sampai", "Status", "Akreditasi"]
COL_NAME, COL_LEGAL, COL_FIELDS, COL_KECAMATAN, COL_NUMBER, COL_UNTIL, COL_STATE, COL_GRADE = \
    range(len(COLUMNS))
# state -> (foreground, background)
STATE_COLOURS = {"segera_habis": ("#7a4b00", "#fff1c2"), "habis": ("#9b1c1c", "#fde2e1"),
                 "dicabut": ("#9b1c1c", "#fde2e1"), "belum": ("#6b7280", None)}


class LksTableModel(PagedTableModel):
    def __init__(self, actor, parent=None):
        super().__init__(COLUMNS, parent)
        self.actor = actor
        self.filter = LksFilter()
        self.sort_key = "name"
        self.today = datetime.date.today
        self.warn_days = 90  # lks.warn_days, read with each new filter
        self._field_texts: dict[str, str] = {}  # a few combinations repeat on every page

    def set_filter(self, flt: LksFilter | None = None, sort: str | None = None) -> None:
        if flt is not None:
            self.filter = flt
        if sort is not None:
            self.sort_key = sort
        self.warn_days = settings.get("lks.warn_days")
        self.load()

    def reload(self) -> None:
        self.set_filter()

    def read_page(self, offset: int) -> list[registry_query.LksRow]:
        return registry_query.page(self.actor, self.filter, self.sort_key, offset=offset,
                                   limit=self.page_size, today=self.today(),
                                   warn_days=self.warn_days)

    def count_task(self):
        actor, flt, today, warn_days = self.actor, self.filter, self.today(), self.warn_days
        return lambda: registry_query.count(actor, flt, today, warn_days)

    def items(self, row: registry_query.LksRow) -> list[QStandardItem]:
        state = row.state(self.today(), self.warn_days)
        texts = [row.name, lks_records.LEGAL_STATUSES.get(row.legal_status, "-"),
                 self._fields_text(row.fields), row.kecamatan or "-",
                 row.registration_number or "-",
                 timefmt.format_date(row.registered_until) if row.registered_until else "-",
                 registrations.STATES[state], row.accreditation or "-"]
        items = [QStandardItem(text) for text in texts]
        for column in (COL_NAME, COL_FIELDS):  # whole where the column cuts it short
            if len(texts[column]) > TOOLTIP_AFTER:
                items[column].setToolTip(texts[column])
        foreground, background = STATE_COLOURS.get(state, (None, None))
        for item in (items[COL_UNTIL], items[COL_STATE]):
            if foreground:
                item.setForeground(QBrush(QColor(foreground)))
            if background:
                item.setBackground(QBrush(QColor(background)))
        return items

    def _fields_text(self, stored: str) -> str:
        text = self._field_texts.get(stored)
        if text is None:
            text = self._field_texts[stored] = lks_records.fields_text(stored)
        return text

    def lks_id(self, row: int) -> int | None:
        return self.row_id(row)


def state_colour(state: str) -> str:
    return STATE_COLOURS.get(state, ("#1e6b35", None))[0]
