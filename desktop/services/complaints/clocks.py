"""A complaint's three clocks, in working days: verified within 3 and a follow-up formulated
within 5 of receipt (SP4N-LAPOR!), resolved within 60 of a complete file (Perpres 76/2013);
each figure a setting. Suggestions and appreciation run on no clock."""
import datetime
from dataclasses import dataclass

from desktop.services.admin import settings
from desktop.services.admin.calendar import WorkCalendar

STAGES = {"verifikasi": "Verifikasi", "tindak_lanjut": "Tindak lanjut",
          "penyelesaian": "Penyelesaian"}
# How a running clock stands on a given day, as the dashboard groups them.
STANDING = {"terlambat": "Terlambat", "hari_ini": "Jatuh tempo hari ini",
            "berjalan": "Dalam batas waktu", "menunggu_berkas": "Menunggu berkas lengkap"}


@dataclass(frozen=True)
class Clock:
    stage: str
    due: datetime.date | None  # None: the resolution clock waits for a complete file
    done_on: datetime.date | None

    @property
    def label(self) -> str:
        return STAGES[self.stage]

    @property
    def on_time(self) -> bool | None:
        """Whether it was done by its day; None while it runs."""
        if self.done_on is None or self.due is None:
            return None
        return self.done_on <= self.due

    def standing(self, today: datetime.date) -> str:
        if self.due is None:
            return "menunggu_berkas"
        if today > self.due:
            return "terlambat"
        return "hari_ini" if today == self.due else "berjalan"


def limits() -> tuple[int, int, int]:
    return (settings.get("complaints.verify_days"), settings.get("complaints.follow_up_days"),
            settings.get("complaints.resolve_days"))


def clocks_of(complaint, calendar: WorkCalendar, figures=None) -> list[Clock]:
    """The three clocks of a complaint ([] for a suggestion or appreciation). Pass `figures`
    (limits()) and one calendar when computing many."""
    if complaint.kind != "pengaduan":
        return []
    verify, follow, resolve = figures or limits()
    start = complaint.received_on
    resolve_due = (calendar.add_working_days(complaint.file_complete_on, resolve)
                   if complaint.file_complete_on else None)
    return [Clock("verifikasi", calendar.add_working_days(start, verify), complaint.verified_on),
            Clock("tindak_lanjut", calendar.add_working_days(start, follow),
                  complaint.followed_up_on),
            Clock("penyelesaian", resolve_due, complaint.resolved_on)]


def running(clocks: list[Clock]) -> Clock | None:
    """The clock the complaint is on now: the first not yet done."""
    return next((c for c in clocks if c.done_on is None), None)


def describe(clock: Clock | None, today: datetime.date, calendar: WorkCalendar) -> str:
    """'Verifikasi: terlambat 2 hari kerja (batas 4 Des 2026)' and the like, for a list."""
    from desktop.services.shared import timefmt

    if clock is None:
        return ""
    if clock.due is None:
        return f"{clock.label}: menunggu berkas lengkap"
    due = timefmt.short_date(clock.due)
    standing = clock.standing(today)
    if standing == "terlambat":
        late = max(1, calendar.working_days_between(clock.due, today))  # a weekend counts 1
        return f"{clock.label}: terlambat {late} hari kerja (batas {due})"
    if standing == "hari_ini":
        return f"{clock.label}: batas hari ini"
    left = calendar.working_days_between(today, clock.due)
    return f"{clock.label}: {left} hari kerja lagi (batas {due})"
