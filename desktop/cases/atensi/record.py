"""Recording ATENSI (Permensos 7/2021, amended by 7/2022): the kepala determines the year's
beneficiaries from the office's PMKS data (neglected elderly and people with disabilities, as
the Magelang seed says); the social worker plans each component and records each assistance
delivered, dated inside its budget year. The year's plan against what was delivered, per
component and per kelurahan, is summed by the database."""
import datetime

from peewee import JOIN, fn

from desktop.cases.atensi.model import AtensiCase, AtensiDelivery, AtensiPlan
from desktop.errors import ValidationError
from desktop.models import Application, Person, db
from desktop.services.applications import case_access
from desktop.services.cases.kind import (create_record, refuse_under_letter,
                                         require_case_writer)
from desktop.services.shared import permissions, records, timefmt
from desktop.services.shared.ages import age_on
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import (check_rupiah, clean_text, require_date,
                                                require_text)

DETERMINE_ROLES = frozenset({permissions.HEAD})
DETERMINE_DOING = "menetapkan penerima manfaat ATENSI"
RECORD_ROLES = frozenset({permissions.SOCIAL_WORKER})
RECORD_DOING = "mencatat layanan ATENSI"
TEMPLATE = "catatan_layanan_atensi"
SERVICES = ("mgl-atensi",)

CLUSTERS = {"lansia": "Lanjut usia terlantar", "disabilitas": "Penyandang disabilitas"}
ELDERLY_FROM = 60  # UU 13/1998: lanjut usia from 60
# Permensos 7/2021 as amended by 7/2022, Pasal 6: the forms of ATENSI.
COMPONENTS = {"hidup_layak": "Dukungan pemenuhan kebutuhan hidup layak",
              "perawatan": "Perawatan sosial dan/atau pengasuhan",
              "keluarga": "Dukungan keluarga",
              "terapi": "Terapi fisik, psikososial dan mental spiritual",
              "vokasional": "Pelatihan vokasional",
              "kewirausahaan": "Pembinaan kewirausahaan",
              "bantuan_sosial": "Bantuan sosial dan asistensi sosial",
              "aksesibilitas": "Dukungan aksesibilitas"}


def read(application) -> AtensiCase | None:
    return AtensiCase.get_or_none(AtensiCase.application == application.id)


def plans_of(application_id: int) -> list[AtensiPlan]:
    return list(AtensiPlan.select().where(AtensiPlan.application == application_id)
                .order_by(AtensiPlan.id))


def deliveries_of(application_id: int) -> list[AtensiDelivery]:
    return list(AtensiDelivery.select().where(AtensiDelivery.application == application_id)
                .order_by(AtensiDelivery.delivered_on, AtensiDelivery.id))


def delivery_text(delivery) -> str:
    """'paket sembako, Rp 150.000,00': what was given and its value, for screens and letters."""
    from desktop.services.letters import formatting

    return ", ".join(p for p in (delivery.items, formatting.rupiah(delivery.amount)
                                 if delivery.amount else "") if p)


def _today(today) -> datetime.date:
    return today or timefmt.to_local(timefmt.utcnow()).date()


# What each empty form is refused for, in the form's order; the dialogs mark these.
DETERMINE_REQUIRED = ("Tahun anggaran", "Klaster", "Nomor data PMKS")
DELIVERY_REQUIRED = ("Komponen", "Tanggal layanan", "Bentuk layanan")  # or its value


def delivery_required(amount) -> tuple[str, ...]:
    """What deliver() refuses empty: DELIVERY_REQUIRED, but what was given need not be
    written once its rupiah value (`amount`, as typed) is."""
    try:
        money = check_rupiah(amount, "Nilai", allow_zero=True) if amount not in (None, "") \
            else None
    except ValidationError:
        money = None  # refused on its own
    return tuple(f for f in DELIVERY_REQUIRED if not (money and f == "Bentuk layanan"))


def _cluster(cluster, application, budget_year) -> str:
    if cluster not in CLUSTERS:
        raise ValidationError("Klaster", "pilih lanjut usia atau penyandang disabilitas.")
    person = application.person if application.person_id else None
    if cluster == "lansia" and budget_year is not None:
        if person is None or person.birth_date is None:
            raise ValidationError("Klaster", "tanggal lahir penerima manfaat belum dicatat; "
                                  "lengkapi data pemohon dulu.")
        age = age_on(person.birth_date, datetime.date(budget_year, 12, 31))
        if age < ELDERLY_FROM:
            raise ValidationError("Klaster", f"penerima manfaat berusia {age} tahun pada "
                                  f"akhir {budget_year}; klaster lanjut usia mulai "
                                  f"{ELDERLY_FROM} tahun (UU 13/1998).")
    return cluster


def determine(actor, application, existing: AtensiCase | None, *, budget_year: int,
              cluster: str, pmks_reference: str, condition: str = "",
              today: datetime.date | None = None) -> AtensiCase:
    """The kepala sets the beneficiary for the year, from the PMKS data."""
    require_case_writer(actor, DETERMINE_ROLES, DETERMINE_DOING, application)
    today = _today(today)
    checks = FieldChecks()
    run = checks.run
    if isinstance(budget_year, bool) or not isinstance(budget_year, int) or \
            not today.year - 1 <= budget_year <= today.year + 1:
        checks.add("Tahun anggaran", f"antara {today.year - 1} dan {today.year + 1}.")
        budget_year = None
    elif (existing is not None and existing.budget_year != budget_year
          and deliveries_of(application.id)):
        checks.add("Tahun anggaran", "layanan sudah dicatat untuk tahun "
                   f"{existing.budget_year}; tahunnya tetap.")
    clean = dict(budget_year=budget_year, cluster=run(_cluster, cluster, application,
                                                      budget_year),
                 pmks_reference=run(require_text, pmks_reference, "Nomor data PMKS", 60),
                 condition=run(clean_text, condition, "Kondisi", 2000, multiline=True),
                 determined_by=actor.username, determined_on=today)
    checks.raise_errors()
    with db.atomic():
        if existing is None:
            return create_record(AtensiCase, actor, application, "Penetapan penerima ini",
                                 **clean)
        return records.update(existing, actor, **clean)


def save_plan(actor, application, case: AtensiCase, rows) -> list[AtensiPlan]:
    """The year's plan for the beneficiary: [(component, amount, note)]; replaces the plan
    (a component left out is taken off it). Every row's refusal is said at once."""
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    checks = FieldChecks()
    clean = {}
    for component, amount, note in rows:
        if component not in COMPONENTS:
            checks.add("Komponen", "pilih dari daftar komponen ATENSI.")
            continue
        if component in clean:
            checks.add("Komponen", f"{COMPONENTS[component]} tertulis dua kali.")
            continue
        label = f"Rencana {COMPONENTS[component].lower()}"
        money = checks.run(check_rupiah, amount or 0, label, allow_zero=True)
        text = checks.run(clean_text, note, f"Keterangan {COMPONENTS[component].lower()}",
                          500)
        if money == 0 and text == "":
            checks.add(label, "isi nilai rupiah atau keterangan yang direncanakan.")
        clean[component] = (money, text)
    if not rows:
        checks.add("Komponen", "rencanakan paling sedikit satu komponen.")
    checks.raise_errors()
    with db.atomic():
        existing = {p.component: p for p in plans_of(application.id)}
        for component, plan in existing.items():
            if component not in clean:
                records.delete(plan, actor)
        saved = []
        for component, (amount, note) in clean.items():
            plan = existing.get(component)
            saved.append(records.update(plan, actor, amount=amount, note=note) if plan else
                         records.create(AtensiPlan, actor, application=application.id,
                                        component=component, amount=amount, note=note))
    return saved


def deliver(actor, application, case: AtensiCase, *, component: str, delivered_on,
            amount=None, items: str = "", delivered_by: str = "", note: str = "",
            today: datetime.date | None = None) -> AtensiDelivery:
    require_case_writer(actor, RECORD_ROLES, RECORD_DOING, application)
    today = _today(today)
    checks = FieldChecks()
    run = checks.run
    if component not in COMPONENTS:
        checks.add("Komponen", "pilih dari daftar komponen ATENSI.")
    day = run(require_date, delivered_on, "Tanggal layanan")
    if day is not None and day.year != case.budget_year:
        checks.add("Tanggal layanan", f"di luar tahun anggaran {case.budget_year}: layanan "
                   f"tahun ini dicatat 1 Januari s.d. 31 Desember {case.budget_year}.")
    elif day is not None and day > today:
        checks.add("Tanggal layanan", "tidak boleh sesudah hari ini.")
    items = run(clean_text, items, "Bentuk layanan", 1000, multiline=True)
    money = run(check_rupiah, amount, "Nilai", allow_zero=True) if amount not in (None, "") \
        else None
    if ("Bentuk layanan" in delivery_required(amount) and items == ""
            and not checks.failed("Nilai")):
        checks.add("Bentuk layanan", "tulis barang atau kegiatan yang diberikan, atau nilai "
                   "rupiahnya.")
    by = run(require_text, delivered_by or actor.full_name, "Petugas", 120)
    note = run(clean_text, note, "Catatan", 1000)
    checks.raise_errors()
    with db.atomic():
        refuse_under_letter(application, (TEMPLATE,), "Tanggal layanan",
                            "Catatan layanan ATENSI")
        return records.create(AtensiDelivery, actor, application=application.id,
                              component=component, delivered_on=day, amount=money,
                              items=items, note=note, delivered_by=by)


def _year_cases(actor, year: int):
    """The year's ATENSI applications `actor` may read (a subquery)."""
    query = (Application.select(Application.id)
             .join(AtensiCase, on=(AtensiCase.application == Application.id))
             .where(AtensiCase.budget_year == year))
    visible = case_access.visible(actor)
    return query.where(visible) if visible is not None else query


def recap_by_component(actor, year: int) -> list[tuple]:
    """[(component, beneficiaries planned, planned rupiah, beneficiaries served, deliveries,
    delivered rupiah)] for the year, every component listed."""
    cases = _year_cases(actor, year)
    planned = dict(((c, (n, s)) for c, n, s in AtensiPlan.select(
        AtensiPlan.component, fn.COUNT(AtensiPlan.id), fn.SUM(AtensiPlan.amount))
        .where(AtensiPlan.application.in_(cases)).group_by(AtensiPlan.component).tuples()))
    given = dict(((c, (n, k, s)) for c, n, k, s in AtensiDelivery.select(
        AtensiDelivery.component, fn.COUNT(AtensiDelivery.application.distinct()),
        fn.COUNT(AtensiDelivery.id), fn.SUM(AtensiDelivery.amount))
        .where(AtensiDelivery.application.in_(cases)).group_by(AtensiDelivery.component)
        .tuples()))
    return [(code, int(planned.get(code, (0, 0))[0]), int(planned.get(code, (0, 0))[1] or 0),
             int(given.get(code, (0, 0, 0))[0]), int(given.get(code, (0, 0, 0))[1]),
             int(given.get(code, (0, 0, 0))[2] or 0)) for code in COMPONENTS]


def recap_by_kelurahan(actor, year: int) -> list[tuple]:
    """[(kelurahan, beneficiaries, planned rupiah, delivered rupiah, deliveries)] for the
    year, by the beneficiary's kelurahan."""
    cases = _year_cases(actor, year)
    planned = (AtensiPlan.select(AtensiPlan.application, fn.SUM(AtensiPlan.amount)
                                 .alias("planned"))
               .where(AtensiPlan.application.in_(cases)).group_by(AtensiPlan.application)
               .alias("p"))
    given = (AtensiDelivery.select(AtensiDelivery.application,
                                   fn.SUM(AtensiDelivery.amount).alias("given"),
                                   fn.COUNT(AtensiDelivery.id).alias("times"))
             .where(AtensiDelivery.application.in_(cases)).group_by(AtensiDelivery.application)
             .alias("g"))
    rows = (Application.select(Person.kelurahan, fn.COUNT(Application.id),
                               fn.SUM(fn.COALESCE(planned.c.planned, 0)),
                               fn.SUM(fn.COALESCE(given.c.given, 0)),
                               fn.SUM(fn.COALESCE(given.c.times, 0)))
            .join(Person, on=(Application.person == Person.id)).switch(Application)
            .join(planned, JOIN.LEFT_OUTER, on=(planned.c.application_id == Application.id))
            .switch(Application)
            .join(given, JOIN.LEFT_OUTER, on=(given.c.application_id == Application.id))
            .where(Application.id.in_(cases))
            .group_by(Person.kelurahan).order_by(Person.kelurahan).tuples())
    return [(kelurahan or "(tanpa kelurahan)", int(n), int(p or 0), int(g or 0), int(t or 0))
            for kelurahan, n, p, g, t in rows]


def years(actor) -> list[int]:
    return [y for (y,) in AtensiCase.select(AtensiCase.budget_year).distinct()
            .order_by(AtensiCase.budget_year.desc()).tuples()]


