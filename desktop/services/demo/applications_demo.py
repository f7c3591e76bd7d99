"""Demo applicants and applications: `size` applications over the last three years."""
import datetime
import random

from desktop.models import (Application, Counter, Organisation, Person, RequirementCheck, StepEvent,
                            db, utcnow)
from desktop.services.admin import settings
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import assignment, deadlines, workflow
from desktop.services.applications.people import RELIGIONS, name_key
from desktop.services.applications.workflow import CHANNELS, acting_role
from desktop.services.catalog import service_catalog
from desktop.services.demo import identities
from desktop.services.shared import numbering, permissions, timefmt

BATCH = 500
YEARS_BACK = 3
ORG_NAMES = ["Yayasan Bina Sejahtera", "Panti Asuhan Darul Hadlonah", "LKSA Putra Harapan",
             "Perkumpulan Peduli Lansia", "Yayasan Kasih Bunda", "LKS Mitra Mandiri",
             "Yayasan Cahaya Disabilitas", "Perkumpulan Tuna Netra Tidar"]


def _insert(model, fields, rows):
    for start in range(0, len(rows), BATCH):
        model.insert_many(rows[start:start + BATCH], fields=fields).execute()


def _people(rng: random.Random, count: int, region: str, now: datetime.datetime) -> list[int]:
    used, rows = set(), []
    today = now.date()
    fields = [Person.created_at, Person.created_by, Person.updated_at, Person.updated_by,
              Person.version, Person.nik, Person.kk_number, Person.name, Person.birth_place,
              Person.birth_date, Person.sex, Person.religion, Person.marital_status,
              Person.street, Person.rt, Person.rw, Person.kelurahan, Person.kecamatan,
              Person.city, Person.phone, Person.name_key]
    while len(rows) < count:
        sex = rng.choice("LP")
        birth = identities.birth_date(rng, 18, 85, today)  # applicants are adults
        district = rng.choice(list(identities.KELURAHAN))
        nik = identities.nik(rng, region, district, birth, sex, rng.randint(1, 9999))
        if nik in used:
            continue
        used.add(nik)
        name = identities.full_name(rng, sex)
        place = identities.address(rng, district)
        married = "Kawin" if birth.year < today.year - 25 and rng.random() < 0.7 else "Belum kawin"
        rows.append((now, "demo", now, "demo", 1, nik,
                     f"{region}{district}{rng.randint(10**9, 10**10 - 1)}",
                     name, "Magelang", birth, sex, rng.choice(RELIGIONS[:6]), married,
                     place["street"], place["rt"], place["rw"], place["kelurahan"],
                     place["kecamatan"], "Kota Magelang", f"08{rng.randint(10**9, 10**10 - 1)}",
                     name_key(name)))
    _insert(Person, fields, rows)
    return [pid for (pid,) in Person.select(Person.id).tuples()]


def _organisations(rng: random.Random, count: int, now) -> list[int]:
    fields = [Organisation.created_at, Organisation.created_by, Organisation.updated_at,
              Organisation.updated_by, Organisation.version, Organisation.name,
              Organisation.legal_form, Organisation.address, Organisation.contact_person,
              Organisation.phone, Organisation.name_key]
    rows = []
    for i in range(count):
        name = ORG_NAMES[i % len(ORG_NAMES)] + ("" if i < len(ORG_NAMES) else f" {i + 1}")
        place = identities.address(rng, rng.choice(list(identities.KELURAHAN)))
        rows.append((now, "demo", now, "demo", 1, name, rng.choice(["Yayasan", "Perkumpulan"]),
                     f"{place['street']}, {place['kelurahan']}, Kota Magelang",
                     identities.full_name(rng, rng.choice("LP")),
                     f"08{rng.randint(10**9, 10**10 - 1)}", name_key(name)))
    _insert(Organisation, fields, rows)
    return [oid for (oid,) in Organisation.select(Organisation.id).tuples()]


def _outcome(rng: random.Random, age_days: float) -> str:
    roll = rng.random()
    if age_days < 14:
        return "open" if roll < 0.6 else "waiting" if roll < 0.7 else "completed"
    return ("completed" if roll < 0.82 else "rejected" if roll < 0.9 else
            "withdrawn" if roll < 0.95 else "waiting" if roll < 0.97 else "open")


def fill(rng: random.Random, size: int, report) -> None:
    """Add `size` applications, `size // 2` people and a few organisations."""
    if size <= 0 or Application.select().exists():
        return
    now = utcnow()
    region = (office_region() or "3371")[:4]
    services = [s for s in service_catalog.list_services(include_inactive=False)]
    steps = {s.id: service_catalog.steps_of(s) for s in services}
    requirements = {s.id: service_catalog.requirements_of(s) for s in services}
    calendar = WorkCalendar()
    pattern = settings.get("applications.number_pattern")
    with db.atomic():
        person_ids = _people(rng, max(1, size // 2), region, now)
        org_ids = _organisations(rng, max(len(ORG_NAMES), size // 500), now)
        span = YEARS_BACK * 365 * 86400
        received = sorted(now - datetime.timedelta(seconds=rng.randint(60, span))
                          for _ in range(size))
        sequences: dict[int, int] = {}
        app_rows, plans = [], []
        for moment in received:
            service = rng.choice(services)
            local = timefmt.to_local(moment)
            seq = sequences[local.year] = sequences.get(local.year, 0) + 1
            state = _outcome(rng, (now - moment).total_seconds() / 86400)
            service_steps = steps[service.id] or []
            last = len(service_steps) or 1
            step = last if state == "completed" else rng.randint(1, last)
            actor = acting_role(service_steps[step - 1].actor) if service_steps else "petugas_layanan"
            complete_at = moment if state != "waiting" else None
            start = moment if service.limit_starts == "receipt" else complete_at
            deadline = deadlines.compute(service.limit_kind, service.limit_value, start, [],
                                         calendar)
            closed = state in ("completed", "rejected", "withdrawn")
            closed_at = min(now, moment + datetime.timedelta(hours=rng.randint(1, 24 * 10))) \
                if closed else None
            is_org = service.category in ("Kelembagaan", "Perizinan") and rng.random() < 0.8
            app_rows.append((
                now, "demo", now, "demo", 1,
                numbering.format_pattern(pattern, seq=seq, year=local.year, month=local.month,
                                         service=service.code.upper()),
                service.id, None if is_org else rng.choice(person_ids),
                rng.choice(org_ids) if is_org else None, rng.choice(list(CHANNELS)), "",
                moment, complete_at, step, actor, state,
                moment + datetime.timedelta(hours=2) if state == "waiting" else None,
                0, deadline.due_at, deadline.due_soon_at, closed_at,
                {"rejected": "Tidak memenuhi kriteria", "withdrawn": "Dicabut pemohon",
                 "completed": "Selesai"}.get(state, "")))
            plans.append((service.id, step, state, moment, closed_at))
        fields = [Application.created_at, Application.created_by, Application.updated_at,
                  Application.updated_by, Application.version, Application.reg_number,
                  Application.service, Application.person, Application.organisation,
                  Application.channel, Application.summary, Application.received_at,
                  Application.complete_at, Application.current_step, Application.current_actor,
                  Application.state, Application.waiting_since, Application.waiting_seconds,
                  Application.due_at, Application.due_soon_at, Application.closed_at,
                  Application.outcome_reason]
        _insert(Application, fields, app_rows)
        app_ids = [a for (a,) in Application.select(Application.id)
                   .order_by(Application.id).tuples()]
        _children(rng, app_ids, plans, steps, requirements)
        for year, value in sequences.items():
            Counter.insert(series="registrasi", year=year, value=value).execute()
    _open_kind_cases(rng, person_ids, now)
    report.counts["people"] = len(person_ids)
    report.counts["organisations"] = len(org_ids)
    report.counts["applications"] = Application.select().count()


def _open_kind_cases(rng: random.Random, person_ids: list[int], now) -> None:
    """The cases a kind asks to find running (CaseKind.demo_open): registered weeks ago by
    the demo clerk and moved by the demo staff to the first step of the kind's own workers,
    whose demo then fills them (ABH's clocks need cases still worked on)."""
    from desktop.models import User
    from desktop.services.cases import registry

    staff = {u.role: u for u in User.select().where(User.username.in_(("layanan", "kadis")))}
    if len(staff) < 2:
        return
    for kind in registry.KINDS.values():
        for _ in range(kind.demo_open):
            day = timefmt.to_local(now - datetime.timedelta(days=rng.randint(20, 45)))
            received = timefmt.to_utc(day.replace(hour=rng.randint(8, 14),
                                                  minute=rng.randint(0, 59)))  # office hours
            app = workflow.register(staff[permissions.FRONT_OFFICE],
                                    service_catalog.get(kind.services[0]),
                                    person=Person.get_by_id(rng.choice(person_ids)),
                                    received_at=received, channel="datang")
            if app.service.sensitive:  # the kepala's disposition names the social worker
                app = assignment.assign(staff[permissions.HEAD], app, "peksos")
            last = len(service_catalog.steps_of(app.service))  # a service without steps
            while app.state == "open" and app.current_actor in staff and \
                    app.current_step < last:  # stays open for the kind's demo to fill
                actor = staff[app.current_actor]
                app = (workflow.decide(actor, app, "approve", "Tugaskan pekerja sosial")
                       if workflow.is_decision_step(app) else workflow.complete_step(actor, app))


def _children(rng, app_ids, plans, steps, requirements) -> None:
    check_rows, event_rows = [], []
    for app_id, (service_id, step, state, moment, closed_at) in zip(app_ids, plans):
        for req in requirements[service_id]:
            ok = state != "waiting" or rng.random() < 0.6
            check_rows.append((app_id, req.position, req.group_name, req.text,
                               "ada" if ok else "kurang", ""))
        at = moment
        event_rows.append((app_id, 1, "registered", "", "layanan", "petugas_layanan", at))
        for number in range(1, step):
            at += datetime.timedelta(minutes=rng.randint(5, 600))
            actor = acting_role(steps[service_id][number - 1].actor)
            event_rows.append((app_id, number, "done", "", "demo", actor, at))
        final = {"completed": ("done", "Selesai"), "rejected": ("reject", "Tidak memenuhi kriteria"),
                 "withdrawn": ("withdraw", "Dicabut pemohon"),
                 "waiting": ("return", "Berkas belum lengkap")}.get(state)
        if final:
            event_rows.append((app_id, step, final[0], final[1], "demo", "petugas_layanan",
                               closed_at or moment + datetime.timedelta(hours=2)))
        if len(event_rows) >= 20 * BATCH:
            _flush(check_rows, event_rows)
    _flush(check_rows, event_rows)


def _flush(check_rows, event_rows) -> None:
    _insert(RequirementCheck, [RequirementCheck.application, RequirementCheck.position,
                               RequirementCheck.group_name, RequirementCheck.text,
                               RequirementCheck.state, RequirementCheck.note], check_rows)
    _insert(StepEvent, [StepEvent.application, StepEvent.step_number, StepEvent.action,
                        StepEvent.comment, StepEvent.username, StepEvent.role, StepEvent.at],
            event_rows)
    check_rows.clear()
    event_rows.clear()


def office_region() -> str:
    from desktop.services.admin import office

    return office.get_profile().region_code
