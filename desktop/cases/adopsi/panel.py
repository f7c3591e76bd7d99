"""The adoption case in the application detail: the child, the COTA and their marriage, the
stages on a timeline with the care period counted down; forms for the case and for a stage.
The rules and the kepala's overrides are the case section's (views/cases/case_section.py)."""
import datetime

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QLineEdit, QMessageBox,
                               QPlainTextEdit, QSpinBox, QTabWidget, QWidget)

from desktop.cases.adopsi import record as adoption
from desktop.cases.adopsi import rules
from desktop.errors import PelitaError
from desktop.services.admin import settings
from desktop.services.applications.people import RELIGIONS, SEXES
from desktop.services.cases.kind import accepts_case_data
from desktop.services.shared import ages, timefmt
from desktop.views.applications.application_table import thousands
from desktop.views.cases.case_form import CaseForm, CasePanel, choices_combo, select
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import date_edit, date_of, follow_required, set_date
from desktop.views.shared.rich_text import typed_text


def _person_line(label: str, person, occupation: str, day: datetime.date) -> str:
    age = ages.age_on(person.birth_date, day) if person.birth_date else "?"
    return (f"{label} <b>{typed_text(person.name)}</b> ({age} tahun, "
            f"{typed_text(person.religion or 'agama belum dicatat')}"
            + (f", {typed_text(occupation)}" if occupation else "") + ")")


def care_countdown(events, day: datetime.date) -> str:
    """"Masa pengasuhan: sejak …; 6 bulan pada … (tinggal 41 hari)", or "" before the permit."""
    permit = next((e for e in events if e.stage == "izin_pengasuhan"), None)
    if permit is None:
        return ""
    months = settings.value(rules.CARE_MONTHS)
    end = ages.add_months(permit.on_date, months)
    left = (end - day).days
    state = (f"<span style='color:#b45309'>tinggal {left} hari</span>" if left > 0
             else "<span style='color:#1e6b35'>sudah terpenuhi</span>")
    return (f"Masa pengasuhan: sejak {timefmt.format_date(permit.on_date)}; {months} bulan pada "
            f"{timefmt.format_date(end)} ({state})")


def timeline(events) -> str:
    if not events:
        return "<span style='color:#666'>Belum ada tahap yang dicatat.</span>"
    lines = []
    for e in events:
        detail = " · ".join(typed_text(part) for part in (
            f"nomor {e.reference}" if e.reference else "", e.court, e.people, e.note) if part)
        lines.append(f"{timefmt.short_date(e.on_date)} — <b>{adoption.STAGES[e.stage]}</b>"
                     + (f": {detail}" if detail else "")
                     + f" <span style='color:#666'>(dicatat {typed_text(e.created_by)})</span>")
    return "<br/>".join(lines)


def summary(case, events, day: datetime.date) -> str:
    if case is None:
        return ("<i>Data pengangkatan anak belum dicatat.</i> Catat anak, calon orang tua "
                "angkat (suami dan istri dengan NIK), perkawinan dan penilaiannya; aturan PP "
                "54/2007 di bawah diperiksa dari data itu.")
    child = case.child
    age = ages.age_on(child.birth_date, day) if child.birth_date else "?"
    lines = [f"<b>Anak:</b> {typed_text(child.name)} ({SEXES.get(child.sex, '')}, {age} tahun"
             f", {typed_text(child.religion)}); {adoption.CHILD_STATUSES[case.child_status]}"
             + ("; penyandang disabilitas" if case.child_disability else "")
             + f"; tinggal di {typed_text(case.child_place or 'keluarga')}"]
    parents = [_person_line(label, person, occupation, day) for label, person, occupation in (
        ("suami", case.husband, case.husband_occupation),
        ("istri", case.wife, case.wife_occupation)) if person is not None]
    married = (f"; menikah {timefmt.format_date(case.marriage_date)}" if case.marriage_date
               else "")
    lines.append(f"<b>COTA</b> ({adoption.ROUTES[case.route]}): " + ", ".join(parents) + married)
    if case.route != "pasangan_wni":
        lines.append("<span style='color:#a93226'>Permohonan ini diputuskan Tim PIPA Pusat "
                     "(Kementerian Sosial): Dinas mencatat dan meneruskannya.</span>")
    countdown = care_countdown(events, day)
    if countdown:
        lines.append(countdown)
    lines.append("<b>Tahapan:</b><br/>" + timeline(events))
    return "<br/>".join(lines)


class AdoptionPanel(CasePanel):
    def __init__(self, session, parent=None):
        super().__init__(session, [("Catat data anak dan COTA…",
                                    lambda: self.open_form(AdoptionDialog)),
                                   ("Catat tahap…", lambda: self.open_form(StageDialog)),
                                   ("Batalkan catatan tahap…", self.cancel_stage)], parent)
        self.case_button, self.stage_button, self.delete_button = self.buttons
        self.events = []

    def show_record(self, application, case) -> None:
        from desktop.cases.adopsi import KIND

        self.application, self.case = application, case
        self.events = adoption.events_of(application.id) if case is not None else []
        self.label.setText(summary(case, self.events, rules.today()))
        may, open_ = KIND.can(self.session.user, "record"), accepts_case_data(application)
        self.case_button.setVisible(may)
        self.case_button.setText("Ubah data anak dan COTA…" if case else
                                 "Catat data anak dan COTA…")
        for button in (self.case_button, self.stage_button, self.delete_button):
            button.setEnabled(open_)
        self.stage_button.setVisible(may and case is not None)
        self.delete_button.setVisible(may and bool(self.events))

    def cancel_stage(self) -> None:
        last = self.events[-1]
        title = "Batalkan catatan tahap — Pelita"
        answer = QMessageBox.question(
            self, title, f"Batalkan catatan {adoption.STAGES[last.stage]} tanggal "
            f"{timefmt.format_date(last.on_date)}? Catatannya tetap tersimpan sebagai "
            "dibatalkan, dan pembatalan tercatat di jejak audit.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            adoption.cancel_event(self.session.user, self.application, last)
        except PelitaError as exc:
            QMessageBox.warning(self, title, exc.message)
            return
        except Exception as exc:  # noqa: BLE001 (the database refused)
            QMessageBox.warning(self, title, describe(exc, "Catatan belum dibatalkan."))
            return
        self.changed.emit()




class AdoptionDialog(CaseForm):
    """Three tabs: the child, the COTA and their marriage, the assessment. A refusal marks
    every field at fault on every tab and opens the tab of the first."""

    def __init__(self, session, application, case=None, parent=None):
        super().__init__("Data pengangkatan anak", parent, width=640)
        self.session, self.application, self.case = session, application, case
        self.tabs = QTabWidget()
        self.body.insertWidget(0, self.tabs)
        child = self._tab("Anak")
        self.child_name = self._row(child, "Nama anak", QLineEdit())
        self.child_nik = self._row(child, "NIK anak", QLineEdit())
        self.child_nik.setPlaceholderText("kosongkan bila belum punya NIK")
        self.child_place_born = self._row(child, "Tempat lahir anak", QLineEdit())
        self.child_birth = self._row(child, "Tanggal lahir anak", date_edit())
        self.child_sex = self._row(child, "Jenis kelamin anak", choices_combo({"": "—", **SEXES}))
        self.child_religion = self._row(child, "Agama anak",
                                        choices_combo({"": "—", **{r: r for r in RELIGIONS}}))
        self.status = self._row(child, "Status anak", choices_combo(adoption.CHILD_STATUSES))
        self.disability = self._row(child, "", QCheckBox("Anak penyandang disabilitas"))
        self.lives = self._row(child, "Anak tinggal di", choices_combo(adoption.LIVES))
        self.place = self._row(child, "Nama LKSA/rumah sakit", QLineEdit())
        self.guardian = self._row(child, "Orang tua/wali anak", QLineEdit())
        self.consent = self._row(child, "Persetujuan anak", choices_combo(adoption.CONSENT))
        self.permission = self._row(child, "Izin tertulis orang tua/wali",
                                    choices_combo(adoption.YES_NO))
        cota = self._tab("Calon orang tua angkat")
        self.route = self._row(cota, "Jalur permohonan", choices_combo(adoption.ROUTES))
        self.spouse = {}
        for who, label in (("husband", "Suami"), ("wife", "Istri")):
            low = label.lower()
            self.spouse[who] = {
                "nik": self._row(cota, f"NIK {label}", QLineEdit()),
                "name": self._row(cota, f"Nama {label}", QLineEdit()),
                "birth_place": self._row(cota, f"Tempat lahir {label}", QLineEdit()),
                "religion": self._row(cota, f"Agama {label}",
                                      choices_combo({"": "—", **{r: r for r in RELIGIONS}})),
                "occupation": self._row(cota, f"Pekerjaan {low}", QLineEdit()),
                "income": self._row(cota, f"Penghasilan {low}", QLineEdit()),
                "healthy": self._row(cota, f"Sehat jasmani dan rohani ({low})",
                                     choices_combo(adoption.YES_NO)),
                "clean": self._row(cota, f"SKCK tanpa catatan pidana ({low})",
                                   choices_combo(adoption.YES_NO))}
            self.spouse[who]["income"].setPlaceholderText("rupiah per bulan")
        self.marriage = self._row(cota, "Tanggal perkawinan", date_edit())
        self.marriage_number = self._row(cota, "Nomor akta nikah", QLineEdit())
        assess = self._tab("Penilaian")
        self.children = self._row(assess, "Jumlah anak kandung/angkat", QSpinBox())
        self.children.setRange(-1, 30)
        self.children.setSpecialValueText("belum diketahui")
        self.children.setValue(-1)
        # The service names both dates "Pengangkatan sebelumnya": its mark lands on the first.
        self.previous = [self._row(assess, f"Putusan pengangkatan sebelumnya ({n})",
                                   date_edit(), "Pengangkatan sebelumnya" if n == 1 else None)
                         for n in (1, 2)]
        self.able = self._row(assess, "Mampu ekonomi dan sosial", choices_combo(adoption.YES_NO))
        self.statement = self._row(assess, "Pernyataan kepentingan terbaik anak",
                                   choices_combo(adoption.YES_NO))
        self.able_note = self._row(assess, "Catatan penilaian", QPlainTextEdit())
        self.able_note.setFixedHeight(80)
        self.mark_required(adoption.REQUIRED)
        # The route and what is written decide whose particulars and which dates are asked.
        follow_required(self.errors.fields, lambda: adoption.required_fields(
            self.route.currentData(), self._spouse_values("husband"),
            self._spouse_values("wife"), self.lives.currentData()), adoption.CONDITIONAL,
            self.route.currentIndexChanged, self.lives.currentIndexChanged,
            *(self.spouse[who][key].textChanged for who in self.spouse
              for key in ("nik", "name")))
        if case is not None:
            self._load(case)

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        self.tabs.addTab(page, title)
        return form

    def _row(self, form: QFormLayout, label: str, widget, field: str | None = None):
        form.addRow(label + ":" if label else "", widget)
        self.errors.add(field or label, widget)
        return widget

    def _load(self, case) -> None:
        child = case.child
        self.child_name.setText(child.name)
        self.child_nik.setText(child.nik or "")
        self.child_place_born.setText(child.birth_place)
        set_date(self.child_birth, child.birth_date)
        select(self.child_sex, child.sex)
        select(self.child_religion, child.religion)
        select(self.status, case.child_status)
        self.disability.setChecked(case.child_disability)
        select(self.lives, case.child_lives)
        self.place.setText(case.child_place)
        self.guardian.setText(case.child_guardian)
        select(self.consent, case.child_consent)
        select(self.permission, case.guardian_permission)
        select(self.route, case.route)
        for who, person in (("husband", case.husband), ("wife", case.wife)):
            fields = self.spouse[who]
            if person is not None:
                fields["nik"].setText(person.nik or "")
                fields["name"].setText(person.name)
                fields["birth_place"].setText(person.birth_place)
                select(fields["religion"], person.religion)
            fields["occupation"].setText(getattr(case, f"{who}_occupation"))
            income = getattr(case, f"{who}_income")
            fields["income"].setText(thousands(income) if income is not None else "")
            select(fields["healthy"], getattr(case, f"{who}_healthy"))
            select(fields["clean"], getattr(case, f"{who}_clean"))
        set_date(self.marriage, case.marriage_date)
        self.marriage_number.setText(case.marriage_number)
        self.children.setValue(-1 if case.children_count is None else case.children_count)
        for edit, day in zip(self.previous, adoption.previous_of(case)):
            set_date(edit, day)
        select(self.able, case.able)
        select(self.statement, case.statement)
        self.able_note.setPlainText(case.able_note)

    def _spouse_values(self, who: str) -> dict | None:
        fields = self.spouse[who]
        values = {key: fields[key].text() for key in ("nik", "name", "birth_place")}
        values["religion"] = fields["religion"].currentData()
        return values if values["nik"].strip() or values["name"].strip() else None

    def _facts(self) -> dict:
        facts = dict(
            child_status=self.status.currentData(), child_disability=self.disability.isChecked(),
            child_lives=self.lives.currentData(), child_place=self.place.text(),
            child_guardian=self.guardian.text(), child_consent=self.consent.currentData(),
            guardian_permission=self.permission.currentData(),
            marriage_date=date_of(self.marriage), marriage_number=self.marriage_number.text(),
            children_count=None if self.children.value() < 0 else self.children.value(),
            previous_adoptions=[d for d in map(date_of, self.previous) if d is not None],
            able=self.able.currentData(), able_note=self.able_note.toPlainText(),
            statement=self.statement.currentData())
        for who, fields in self.spouse.items():
            facts.update({f"{who}_occupation": fields["occupation"].text(),
                          f"{who}_income": fields["income"].text(),
                          f"{who}_healthy": fields["healthy"].currentData(),
                          f"{who}_clean": fields["clean"].currentData()})
        return facts

    def _child(self) -> dict:
        return dict(name=self.child_name.text(), nik=self.child_nik.text().strip(),
                    birth_place=self.child_place_born.text(),
                    birth_date=date_of(self.child_birth), sex=self.child_sex.currentData(),
                    religion=self.child_religion.currentData())

    def save(self) -> None:
        # The dates are read inside the attempt: one typed as no date is refused with the rest.
        self.attempt(lambda: adoption.save(
            self.session.user, self.application, self.case, route=self.route.currentData(),
            child=self._child(), husband=self._spouse_values("husband"),
            wife=self._spouse_values("wife"), facts=self._facts()))


class StageDialog(CaseForm):
    def __init__(self, session, application, case, parent=None):
        super().__init__("Tahap pengangkatan anak", parent, width=560)
        self.session, self.application, self.case = session, application, case
        self.stage = self.row("Tahap", choices_combo(adoption.STAGES))
        self.date = self.row("Tanggal", date_edit(optional=False))
        self.reference = self.row("Nomor", QLineEdit())
        for label in adoption.NEEDS_REFERENCE.values():
            self.errors.add(label, self.reference)
        self.court = self.row("Pengadilan", QLineEdit())
        self.people = self.row("Petugas/peserta", QLineEdit())
        self.note = self.row("Temuan/catatan", QPlainTextEdit())
        self.note.setFixedHeight(90)
        self.mark_required(adoption.STAGE_REQUIRED)
        done = {e.stage for e in adoption.events_of(application.id)}
        upcoming = next((code for code in adoption.STAGES
                         if code not in done or code in adoption.REPEATABLE), None)
        select(self.stage, upcoming)
        self.stage.currentIndexChanged.connect(self._follow_stage)
        self._follow_stage()
        follow_required(self.errors.fields,
                        lambda: adoption.stage_required(self.stage.currentData()),
                        adoption.STAGE_CONDITIONAL, self.stage.currentIndexChanged)

    def _follow_stage(self) -> None:
        stage = self.stage.currentData()
        self.court.setEnabled(stage == "putusan")
        self.reference.setPlaceholderText(adoption.NEEDS_REFERENCE.get(stage, "boleh kosong"))

    def save(self) -> None:
        self.attempt(lambda: adoption.add_event(
            self.session.user, self.application, self.case, stage=self.stage.currentData(),
            on_date=date_of(self.date), reference=self.reference.text(),
            court=self.court.text(), people_text=self.people.text(),
            note=self.note.toPlainText()))

