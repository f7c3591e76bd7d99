"""Beranda: the office, today's working-day status, the signed-in user, the catalog at a glance."""
import datetime
from collections import Counter

from PySide6.QtWidgets import (QFormLayout, QGridLayout, QGroupBox, QLabel, QScrollArea,
                               QVBoxLayout, QWidget)

from desktop.services.shared.timefmt import utcnow
from desktop.services.admin import office
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions, timefmt
from desktop.views.shell import workers

SHORTEST_COUNT = 5
# Rough length of one limit unit in minutes, only to order services by their limit.
_UNIT_MINUTES = {"minutes": 1, "days": 24 * 60, "working_days": 24 * 60 * 7 / 5}


def local_today() -> datetime.date:
    return timefmt.to_local(utcnow()).date()


def long_date(day: datetime.date) -> str:
    """Kamis, 26 November 2026"""
    return f"{timefmt.DAYS[day.weekday()]}, {timefmt.format_date(day)}"


def next_holiday(calendar: WorkCalendar, today: datetime.date, horizon_days: int = 400):
    """(date, name) of the first holiday after today, or None within the horizon."""
    for offset in range(1, horizon_days):
        day = today + datetime.timedelta(days=offset)
        name = calendar.holiday_name(day)
        if name:
            return day, name
    return None


def shortest_limits(services, count: int = SHORTEST_COUNT):
    timed = [s for s in services if s.active and s.limit_kind in _UNIT_MINUTES and s.limit_value]
    timed.sort(key=lambda s: (s.limit_value * _UNIT_MINUTES[s.limit_kind], s.name))
    return timed[:count]


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class HomePage(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

        self.office_title = QLabel()
        self.office_title.setObjectName("officeTitle")
        self.office_title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.office_title.setWordWrap(True)
        self.region_label = _value_label()
        self.region_label.setStyleSheet("font-size: 11pt;")
        self.profile_hint = _value_label()
        self.profile_hint.setStyleSheet("color: #8a5300; background: #fff4dc; padding: 6px;"
                                        " border: 1px solid #e8c880; border-radius: 4px;")

        self.today_label = _value_label()
        self.today_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.working_label = _value_label()
        self.next_holiday_label = _value_label()
        today_box = QGroupBox("Hari ini")
        today_form = QVBoxLayout(today_box)
        for widget in (self.today_label, self.working_label, self.next_holiday_label):
            today_form.addWidget(widget)

        self.user_label = _value_label()
        self.role_label = _value_label()
        user_box = QGroupBox("Pengguna yang masuk")
        user_form = QFormLayout(user_box)
        user_form.addRow("Nama:", self.user_label)
        user_form.addRow("Peran:", self.role_label)

        self.catalog_total = _value_label()
        self.per_office_label = _value_label()
        self.working_day_count = _value_label()
        catalog_box = QGroupBox("Katalog layanan")
        catalog_form = QFormLayout(catalog_box)
        catalog_form.addRow("Layanan aktif:", self.catalog_total)
        catalog_form.addRow("Menurut sumber standar:", self.per_office_label)
        catalog_form.addRow("Berbatas hari kerja:", self.working_day_count)

        # Plain labels, not an item view: the home page is the first frame of every start.
        self.shortest_grid = QGridLayout()
        self.shortest_grid.setColumnStretch(0, 1)
        self.shortest_grid.setHorizontalSpacing(16)
        shortest_box = QGroupBox("Layanan dengan jangka waktu tersingkat")
        shortest_box.setLayout(self.shortest_grid)

        grid = QGridLayout()
        grid.addWidget(today_box, 0, 0)
        grid.addWidget(user_box, 0, 1)
        grid.addWidget(catalog_box, 1, 0, 1, 2)
        grid.addWidget(shortest_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        # The head's office at a glance, or the user's own day: built after the first frame
        # (its modules and queries are not on the start-up path).
        self.work_panel = None

        content = QWidget()
        layout = self.content_layout = QVBoxLayout(content)
        layout.addWidget(self.office_title)
        layout.addWidget(self.region_label)
        layout.addWidget(self.profile_hint)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()
        workers.after_paint(self._build_work_panel)

    def _build_work_panel(self) -> None:
        from desktop.views.reports import dashboard_panel

        head = permissions.can(self.session.user, "reports.view")
        self.work_panel = (dashboard_panel.DashboardPanel if head
                           else dashboard_panel.MyDayPanel)(self.session, self)
        self.work_panel.open_list.connect(self.open_list)
        self.content_layout.insertWidget(3, self.work_panel)
        self.work_panel.refresh()

    def open_list(self, section: str, shown: dict) -> None:
        """A tile's list: the section, then its page set to what the tile counted."""
        window = self.window()
        if not hasattr(window, "select_section"):
            return
        window.select_section(section)
        page = getattr(window, "pages", {}).get(section)
        if page is None:
            return
        if section == "surat" and hasattr(page, "select_state"):
            page.select_state(shown.get("state"))
        elif section == "permohonan" and hasattr(page, "show_only"):
            page.show_only(state=shown.get("state"), due=shown.get("due"),
                           received_on=local_today() if shown.get("received_today") else None)
        elif section == "pengaduan" and hasattr(page, "show_only"):
            page.show_only(shown.get("shown", "terbuka"))

    def refresh(self) -> None:
        if self.work_panel is not None:
            self.work_panel.refresh()
        self._show_office()
        self._show_today()
        user = self.session.user
        self.user_label.setText(f"{user.full_name} ({user.username})")
        self.role_label.setText(permissions.role_label(user.role))
        self._show_catalog()

    def _show_office(self) -> None:
        profile = office.get_profile()
        empty = profile.id is None or not profile.region_name
        self.office_title.setText(profile.office_name or "Dinas Sosial")
        self.region_label.setText("" if empty else office.region_title(profile).title())
        self.region_label.setVisible(not empty)
        if empty:
            if permissions.can(self.session.user, "office.edit"):
                hint = ("Profil kantor belum diisi. Buka menu Profil Kantor untuk mengisi nama "
                        "dinas, kota/kabupaten, alamat dan kepala dinas: kop surat memakainya.")
            else:
                hint = "Profil kantor belum diisi. Minta administrator mengisinya."
            self.profile_hint.setText(hint)
        self.profile_hint.setVisible(empty)

    def _show_today(self) -> None:
        today = local_today()
        self.today_label.setText(long_date(today))
        # The holiday calendar loads the `holidays` package (about 0.1 s): off the UI thread.
        workers.run_task(lambda: _calendar_facts(today), self._show_calendar_facts)

    def _show_calendar_facts(self, facts) -> None:
        today, working, name, upcoming = facts
        if working:
            self.working_label.setText("Hari kerja: layanan buka.")
        elif name:
            self.working_label.setText(f"Hari libur: {name}. Tidak dihitung sebagai hari kerja.")
        else:
            self.working_label.setText("Akhir pekan: tidak dihitung sebagai hari kerja.")
        if upcoming is None:
            self.next_holiday_label.setText("Libur berikutnya: belum ada dalam kalender.")
        else:
            day, holiday = upcoming
            days = (day - today).days
            self.next_holiday_label.setText(
                f"Libur berikutnya: {long_date(day)}, {holiday} ({days} hari lagi).")

    def _show_catalog(self) -> None:
        services = [s for s in service_catalog.list_services() if s.active]
        self.catalog_total.setText(str(len(services)) if services else
                                   "0 (katalog belum dimuat)")
        per_office = Counter(s.source_office for s in services)
        self.per_office_label.setText("\n".join(f"{name}: {n}"
                                                for name, n in sorted(per_office.items()))
                                      or "-")
        self.working_day_count.setText(
            str(sum(s.limit_kind == "working_days" for s in services)))
        while self.shortest_grid.count():
            self.shortest_grid.takeAt(0).widget().deleteLater()
        headings = ["Layanan", "Sumber", "Jangka waktu"]
        rows = [(s.name, s.source_office, service_catalog.time_limit(s).describe())
                for s in shortest_limits(services)]
        for column, heading in enumerate(headings):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold;")
            self.shortest_grid.addWidget(label, 0, column)
        for number, row in enumerate(rows, start=1):
            for column, text in enumerate(row):
                self.shortest_grid.addWidget(_value_label(text), number, column)

    def shortest_rows(self) -> list[list[str]]:
        """The services shown with the shortest limits, as their cells' text (for tests)."""
        grid = self.shortest_grid
        return [[grid.itemAtPosition(r, c).widget().text() for c in range(3)]
                for r in range(1, grid.rowCount()) if grid.itemAtPosition(r, 0) is not None]


def _calendar_facts(today: datetime.date):
    calendar = WorkCalendar()
    return (today, calendar.is_working_day(today), calendar.holiday_name(today),
            next_holiday(calendar, today))
