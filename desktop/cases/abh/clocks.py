"""The legal clocks of an ABH case, in calendar hours from the moment staff recorded
(UU 11/2012 SPPA; PP 65/2015): the social report within 3×24 hours of the investigator's
request; where diversion is mandatory, attempted within 7 days of each stage's start and
completed within 30 days of its start (Pasal 7, 29, 42, 52). Read from the case's events, so
nothing is stored twice; weekends and holidays do not stop them."""
import datetime
from dataclasses import dataclass

from desktop.services.admin import settings

REPORT_HOURS = 72
ATTEMPT_DAYS, DIVERSION_DAYS = 7, 30
DIVERSION_STAGES = {"penyidikan": "penyidikan", "penuntutan": "penuntutan",
                    "pengadilan": "pemeriksaan di pengadilan"}
MANDATORY_BELOW_MONTHS = 7 * 12  # threatened with less than 7 years
OWN_PATH_BELOW = 12  # a child under 12 is not tried (Pasal 21)

DUE_SOON = settings.SettingDef(
    "abh.due_soon_hours", "Tandai tenggat ABH 'segera' sejak", 24, 1, 240, "jam sebelumnya",
    help="Laporan sosial paling lama 3×24 jam sejak permintaan penyidik; diversi diupayakan "
    "paling lama 7 hari sejak tahap dimulai dan selesai paling lama 30 hari sejak dimulai "
    "(UU 11/2012 tentang SPPA Pasal 7, 29, 42, 52; PP 65/2015).")


@dataclass(frozen=True)
class Clock:
    label: str
    started: datetime.datetime  # naive UTC
    due: datetime.datetime
    done: datetime.datetime | None

    def state(self, now: datetime.datetime, soon_hours: int) -> str:
        """selesai, terlambat (done late or still open past due), segera or berjalan."""
        if self.done is not None:
            return "selesai" if self.done <= self.due else "terlambat"
        if now > self.due:
            return "terlambat"
        if now >= self.due - datetime.timedelta(hours=soon_hours):
            return "segera"
        return "berjalan"


def diversion_mandatory(case) -> bool:
    return case.threat_months < MANDATORY_BELOW_MONTHS and not case.repeat


def clocks(case, events, age_at_offence: int | None = None) -> list[Clock]:
    """Every clock the events started, oldest first (`events` ordered by time). A child under
    12 at the offence follows its own path: no diversion."""
    found = []
    for request in (e for e in events if e.kind == "permintaan_laporan"):
        sent = next((e.at for e in events if e.kind == "laporan_dikirim" and e.at >= request.at),
                    None)
        found.append(Clock("Laporan sosial (3×24 jam)", request.at,
                           request.at + datetime.timedelta(hours=REPORT_HOURS), sent))
    under_twelve = age_at_offence is not None and age_at_offence < OWN_PATH_BELOW
    if case is None or not diversion_mandatory(case) or under_twelve:
        return found
    stages = [e for e in events if e.kind == "tahap"]
    for start in (e for e in stages if e.stage in DIVERSION_STAGES):
        # the next stage closes what this one left open (late, if past its due)
        moved_on = next((e.at for e in stages if e.at > start.at), None)
        talks = [e for e in events if e.kind == "musyawarah" and e.stage == start.stage
                 and e.at >= start.at]
        name = DIVERSION_STAGES[start.stage]
        found.append(Clock(f"Upaya diversi, {name} (7 hari)", start.at,
                           start.at + datetime.timedelta(days=ATTEMPT_DAYS),
                           talks[0].at if talks else moved_on))
        if talks:
            ended = next((e.at for e in talks if e.result in ("sepakat", "gagal")), moved_on)
            found.append(Clock(f"Diversi selesai, {name} (30 hari)", talks[0].at,
                               talks[0].at + datetime.timedelta(days=DIVERSION_DAYS), ended))
    return found


def open_due(case, events, age_at_offence: int | None = None
             ) -> tuple[datetime.datetime, datetime.datetime] | None:
    """(due, due soon) of the earliest open clock: the application's deadline while it runs."""
    running = [c for c in clocks(case, events, age_at_offence) if c.done is None]
    if not running:
        return None
    due = min(c.due for c in running)
    return due, due - datetime.timedelta(hours=settings.value(DUE_SOON))


def left_text(clock: Clock, now: datetime.datetime) -> str:
    """"tinggal 5 jam 20 menit" / "lewat 2 hari 3 jam"."""
    delta = clock.due - now if now <= clock.due else now - clock.due
    hours, rest = divmod(int(delta.total_seconds()) // 60, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{days} hari" if days else "", f"{hours} jam" if hours else "",
             f"{rest} menit" if not days and rest else ""]
    text = " ".join(p for p in parts if p) or "kurang dari 1 menit"
    return f"tinggal {text}" if now <= clock.due else f"lewat {text}"
