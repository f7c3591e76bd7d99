"""The schedule for the drivers and technicians, a day a page, for a printer or a PDF."""
import datetime
import html

from PySide6.QtGui import QTextDocument

from desktop.services.admin import office
from desktop.services.schedule import clinic, hearse, resources
from desktop.services.schedule.clashes import booking_label
from desktop.services.schedule.fields import format_time
from desktop.services.shared import timefmt

STYLE = ("body { font-family: sans-serif; font-size: 9pt; } h1 { font-size: 13pt; } "
         "h2 { font-size: 11pt; margin-top: 14px; } th { background: #e8edf2; text-align: left; }"
         " td, th { padding: 3px; }")


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>')


def day_html(day: datetime.date) -> str:
    """The day's active hearse trips, clinic services and duty roster as printable HTML."""
    return schedule_html([day])


def schedule_html(days: list[datetime.date]) -> str:
    """Each day's schedule, each day beginning a page."""
    profile = office.get_profile()
    sections = [_day_section(day, profile) for day in days]
    return (f"<html><head><style>{STYLE}</style></head><body>"
            + '<div style="page-break-before: always"></div>'.join(sections)
            + f"<p>Dicetak {html.escape(timefmt.format_local(_now()))}</p></body></html>")


def _day_section(day: datetime.date, profile) -> str:
    title = f"{timefmt.DAYS[day.weekday()]}, {timefmt.format_date(day)}"
    trips = [[booking_label(b), format_time(b.departure_at), b.vehicle.plate, b.driver.name,
              f"{b.deceased_name}", b.pickup_address, b.cemetery_name,
              f"{b.responsible_name} ({b.responsible_phone})", hearse.STATES[b.state]]
             for b in hearse.on_day(day, include_cancelled=False)]
    services = [[booking_label(r), f"{format_time(r.start_at)}–{format_time(r.end_at)}",
                 r.technician.name, r.client_name, r.client_address, r.client_phone,
                 clinic.KINDS[r.kind], clinic.PLACES[r.place], clinic.STATES[r.state]]
                for r in clinic.on_day(day, include_cancelled=False)]
    duty = [[resources.DUTIES[a.duty], resources.duty_name(a), a.note]
            for a in resources.roster(day, 1)[day]]
    zone = timefmt.TIME_ZONES.get(timefmt.office_tz().key, "")
    return (f"<h1>{html.escape(profile.office_name)} {html.escape(profile.region_kind)} "
            f"{html.escape(profile.region_name)}<br/>Jadwal Layanan {html.escape(title)}</h1>"
            f"<h2>Mobil jenazah</h2>"
            + _table(["No.", f"Berangkat ({zone})", "Kendaraan", "Pengemudi", "Almarhum",
                      "Rumah duka", "Pemakaman", "Penanggung jawab", "Status"], trips,
                     "Tidak ada pemesanan mobil jenazah.")
            + "<h2>Seating clinic kursi roda</h2>"
            + _table(["No.", "Waktu", "Teknisi", "Pengguna", "Alamat", "Telepon", "Layanan",
                      "Tempat", "Status"], services, "Tidak ada layanan seating clinic.")
            + "<h2>Petugas piket</h2>"
            + _table(["Tugas", "Nama", "Catatan"], duty, "Belum ada petugas piket tercatat."))


def _now():
    from desktop.services.shared.timefmt import utcnow

    return utcnow()


def schedule_document(days: list[datetime.date]) -> QTextDocument:
    """The days' schedule, for views.shared.paged to print or write as PDF."""
    document = QTextDocument()
    document.setHtml(schedule_html(days))
    return document
