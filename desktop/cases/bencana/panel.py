"""The disaster in the application detail: the event and its response clock, the
assessment's totals, the households affected with what each received, the activities, and
the forms for each step (the distribution form offers the assessment's households and the
stock on hand)."""
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QTabWidget

from desktop.cases.bencana import record as bencana
from desktop.services.cases.kind import accepts_case_data
from desktop.services.shared import timefmt
from desktop.services.stock import stock
from desktop.views.cases.case_form import (CaseForm, CasePanel, choices_combo, date_field,
                                          datetime_edit, fill_rows, local_of, record_table,
                                          select)
from desktop.views.shared.forms import date_edit, date_of
from desktop.views.shared.rich_text import typed_text

HOUSEHOLD_COLUMNS = ["Kepala keluarga", "Alamat", "Anggota", "Rentan", "Kerusakan",
                     "Mengungsi", "Bantuan diterima"]
DISTRIBUTION_COLUMNS = ["Tanggal", "Rumah tangga", "Bantuan", "Diterima oleh"]


def clock_line(case, now) -> str:
    due = bencana.response_due(case)
    if case.responded_at is not None:
        late = case.responded_at > due
        return (f"<b>Respons:</b> petugas tiba {timefmt.format_local(case.responded_at)}"
                + (" <span style='color:#a93226'><b>melewati batas</b></span>" if late
                   else " (dalam batas waktu)"))
    left = due - now
    if left.total_seconds() < 0:
        return (f"<span style='color:#a93226'><b>TERLAMBAT</b></span> respons: batas "
                f"{timefmt.format_local(due)}, petugas belum tiba di lokasi")
    hours = int(left.total_seconds() // 3600)
    return (f"<span style='color:#b45309'><b>Respons berjalan</b></span>: batas "
            f"{timefmt.format_local(due)} (sisa {hours} jam)")


def summary(case, totals, activities, now) -> str:
    if case is None:
        return ("<i>Kejadian belum dicatat.</i> Catat jenis bencana, lokasi sampai kelurahan, "
                "dan waktu kejadian dilaporkan: batas waktu respons dihitung dari sana.")
    label, category = bencana.HAZARDS[case.hazard]
    lines = [f"<b>{label}</b> ({bencana.CATEGORIES[category].lower()}) di "
             f"{typed_text(case.place)}, Kel. {typed_text(case.kelurahan)}"
             + (f", Kec. {typed_text(case.kecamatan)}" if case.kecamatan else ""),
             f"Terjadi {timefmt.format_local(case.occurred_at)} · dilaporkan "
             f"{timefmt.format_local(case.reported_at)}",
             clock_line(case, now)]
    if case.damage:
        lines.append(f"<b>Kerusakan:</b> {typed_text(case.damage)}")
    if totals["households"]:
        ages = ", ".join(f"{label} {totals[name]}" for name, label in
                         bencana.AGE_GROUPS.items())
        damage = ", ".join(f"{bencana.DAMAGE[level].lower()} {count}"
                           for level, count in totals["damage"].items() if level and count)
        lines.append(f"<b>Terdampak:</b> {totals['households']} rumah tangga, "
                     f"{totals['people']} jiwa ({ages}); disabilitas {totals['disabled']}, "
                     f"ibu hamil {totals['pregnant']}; mengungsi {totals['displaced']} rumah "
                     "tangga" + (f"; rumah {damage}" if damage else ""))
    if activities:
        lines.append("<b>Kegiatan:</b> " + "; ".join(
            f"{bencana.ACTIVITIES[a.kind][0]} {timefmt.format_date(a.start_on)}"
            + (f"–{timefmt.format_date(a.end_on)}" if a.end_on else " (berjalan)")
            + (f", {a.count} {bencana.ACTIVITIES[a.kind][1]}" if a.count else "")
            for a in activities))
    lines.append("<b>Laporan ke Kepala:</b> " + (
        f"{timefmt.format_date(case.reported_on)} oleh {typed_text(case.reported_by)}"
        if case.report else "<span style='color:#666'>belum ditulis</span>"))
    return "<br/>".join(lines)


class DisasterPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [
            ("Catat kejadian…", lambda: self.open_form(EventDialog)),
            ("Petugas tiba di lokasi…", lambda: self.open_form(ResponseDialog)),
            ("Tambah rumah tangga…", lambda: self.open_form(HouseholdDialog)),
            ("Catat kegiatan…", lambda: self.open_form(ActivityDialog)),
            ("Serahkan bantuan…", lambda: self.open_form(DistributionDialog)),
            ("Tulis laporan…", lambda: self.open_form(ReportDialog))], parent)
        self.households = record_table(HOUSEHOLD_COLUMNS)
        self.distributions = record_table(DISTRIBUTION_COLUMNS)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.households, "Rumah tangga terdampak")
        self.tabs.addTab(self.distributions, "Penyerahan bantuan")
        self.layout().addWidget(self.tabs)

    def show_record(self, application, case) -> None:
        from desktop.cases.bencana import KIND

        self.application, self.case = application, case
        households = bencana.households_of(application.id) if case else []
        given = bencana.distributions_of(application.id) if case else []
        totals = bencana.affected(application.id) if case else None
        activities = bencana.activities_of(application.id) if case else []
        self.label.setText(summary(case, totals, activities, timefmt.utcnow()))
        received = {}
        for d in given:
            received.setdefault(d.household_id, []).append(
                f"{d.item.name} {d.quantity} {d.item.unit}")
        fill_rows(self.households, [
            [h.head_name, h.address, str(h.infants + h.children + h.adults + h.elderly),
             ", ".join(p for p in (f"{h.disabled} disabilitas" if h.disabled else "",
                                   f"{h.pregnant} ibu hamil" if h.pregnant else "") if p)
             or "—", bencana.DAMAGE[h.damage], "ya" if h.displaced else "tidak",
             ", ".join(received.get(h.id, [])) or "belum"] for h in households])
        fill_rows(self.distributions, [
            [timefmt.format_date(d.given_on), d.household.head_name,
             f"{d.item.name} {d.quantity} {d.item.unit}", d.received_by] for d in given])
        self.tabs.setVisible(case is not None)
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        event, response, household, activity, give, report = self.buttons
        event.setText("Ubah kejadian…" if case else "Catat kejadian…")
        shown = {event: True, response: case is not None and case.responded_at is None,
                 household: case is not None, activity: case is not None,
                 give: bool(households), report: case is not None}
        for button, visible in shown.items():
            button.setVisible(may and visible)
            button.setEnabled(open_)


class EventDialog(CaseForm):
    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Kejadian bencana", parent, width=620)
        self.session, self.application, self.case = session, application, case
        self.hazard = self.row("Jenis bencana", choices_combo(
            {code: f"{label} ({bencana.CATEGORIES[category].lower()})"
             for code, (label, category) in bencana.HAZARDS.items()}))
        self.occurred = self.row("Waktu kejadian", datetime_edit(case.occurred_at if case
                                                                 else None))
        self.reported = self.row("Waktu dilaporkan", datetime_edit(
            case.reported_at if case else application.received_at))
        self.place = self.row("Lokasi", QLineEdit(case.place if case else ""))
        self.place.setPlaceholderText("dusun/kampung, RT/RW")
        self.kelurahan = self.row("Kelurahan", QLineEdit(case.kelurahan if case else ""))
        self.kecamatan = self.row("Kecamatan", QLineEdit(case.kecamatan if case else ""))
        self.damage = self.row("Kerusakan", QPlainTextEdit(case.damage if case else ""))
        self.damage.setFixedHeight(80)
        if case is not None:
            select(self.hazard, case.hazard)
        self.mark_required(bencana.EVENT_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: bencana.save_event(
            self.session.user, self.application, self.case, hazard=self.hazard.currentData(),
            occurred_at=local_of(self.occurred), reported_at=local_of(self.reported),
            place=self.place.text(), kelurahan=self.kelurahan.text(),
            kecamatan=self.kecamatan.text(), damage=self.damage.toPlainText()))


class ResponseDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Petugas tiba di lokasi", parent, width=440)
        self.session, self.application, self.case = session, application, case
        self.at = self.row("Waktu tiba di lokasi", datetime_edit())
        self.mark_required(bencana.RESPONSE_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: bencana.record_response(self.session.user, self.application,
                                                     self.case, local_of(self.at)))


def _spin(maximum: int = bencana.MAX_MEMBERS) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    return spin


class HouseholdDialog(CaseForm):
    def __init__(self, session, application, case, parent=None, household=None):
        super().__init__("Rumah tangga terdampak", parent, width=600)
        self.session, self.application, self.case = session, application, case
        self.household = household
        self.head = self.row("Kepala keluarga", QLineEdit())
        self.nik = self.row("NIK kepala keluarga", QLineEdit())
        self.nik.setPlaceholderText("boleh kosong bila dokumen hilang")
        self.address = self.row("Alamat", QLineEdit())
        self.counts = {}
        for name, label in {**bencana.AGE_GROUPS, **bencana.VULNERABLE}.items():
            self.counts[name] = self.row(label, _spin())
        self.damage = self.row("Kerusakan rumah", choices_combo(bencana.DAMAGE))
        self.displaced = self.row("", QCheckBox("Mengungsi"))
        self.note = self.row("Catatan", QLineEdit())
        self.mark_required(bencana.HOUSEHOLD_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: bencana.save_household(
            self.session.user, self.application, self.case, self.household,
            head_name=self.head.text(), head_nik=self.nik.text(),
            address=self.address.text(), damage=self.damage.currentData(),
            displaced=self.displaced.isChecked(), note=self.note.text(),
            **{name: spin.value() for name, spin in self.counts.items()}))


class ActivityDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Kegiatan penanganan", parent)
        self.session, self.application, self.case = session, application, case
        self.kind = self.row("Kegiatan", choices_combo(
            {code: label for code, (label, _) in bencana.ACTIVITIES.items()}))
        self.start = self.row("Mulai", date_field())
        self.end = self.row("Selesai", date_edit())
        self.place = self.row("Tempat", QLineEdit())
        self.count = self.row("Jumlah", _spin(100_000))
        self.note = self.row("Catatan", QLineEdit())
        self.kind.currentIndexChanged.connect(self._unit)
        self._unit()
        self.mark_required(bencana.ACTIVITY_REQUIRED)

    def _unit(self) -> None:
        self.count.setSuffix(f" {bencana.ACTIVITIES[self.kind.currentData()][1]}")

    def save(self) -> None:
        self.attempt(lambda: bencana.add_activity(
            self.session.user, self.application, self.case, kind=self.kind.currentData(),
            start_on=date_of(self.start), end_on=date_of(self.end), place=self.place.text(),
            count=self.count.value(), note=self.note.text()))


class DistributionDialog(CaseForm):
    """Aid to one household of the assessment, from what the warehouse has on hand."""

    def __init__(self, session, application, case, parent=None):
        super().__init__("Serahkan bantuan", parent, width=560)
        self.session, self.application, self.case = session, application, case
        self.household = self.row("Rumah tangga", QComboBox())
        for h in bencana.households_of(application.id):
            self.household.addItem(f"{h.head_name} — {h.address}", h.id)
        self.item = self.row("Barang", QComboBox())
        left = stock.totals()
        for item in stock.items(active_only=True):
            have = left.get(item.id, (0, 0, 0))[2]
            self.item.addItem(f"{item.name} (stok {have} {item.unit})", item.id)
        self.quantity = self.row("Jumlah", _spin(stock.MAX_QUANTITY))
        self.quantity.setMinimum(1)
        self.given_on = self.row("Tanggal diserahkan", date_field())
        self.received_by = self.row("Diterima oleh", QLineEdit())
        self.household.currentIndexChanged.connect(self._recipient)
        self._recipient()
        self.mark_required(bencana.DISTRIBUTION_REQUIRED)

    def _recipient(self) -> None:
        text = self.household.currentText()
        self.received_by.setText(text.split(" — ")[0] if text else "")

    def save(self) -> None:
        self.attempt(lambda: bencana.distribute(
            self.session.user, self.application, self.case,
            household_id=self.household.currentData(), item_id=self.item.currentData(),
            quantity=self.quantity.value(), given_on=date_of(self.given_on),
            received_by=self.received_by.text()))


class ReportDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Laporan kepada Kepala Dinas", parent, width=620)
        self.session, self.application, self.case = session, application, case
        self.report = self.row("Laporan", QPlainTextEdit(case.report))
        self.report.setFixedHeight(180)
        self.mark_required(bencana.REPORT_REQUIRED)

    def save(self) -> None:
        self.attempt(lambda: bencana.save_report(self.session.user, self.application,
                                                 self.case, self.report.toPlainText()))
