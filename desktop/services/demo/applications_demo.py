"""Demo applicants and applications: `size` applications over the last three years, each
from an applicant who fits its service, its steps recorded by the demo account of each step's
role in the office's working hours, over as many days as the service's time limit allows."""
import datetime
import random

from peewee import fn

from desktop.models import (Application, Counter, Organisation, Person, RequirementCheck, StepEvent,
                            db, utcnow)
from desktop.models.base import replaying
from desktop.services.admin import settings
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import assignment, deadlines, workflow
from desktop.services.applications.people import RELIGIONS, name_key
from desktop.services.applications.workflow import CHANNELS, acting_role
from desktop.services.catalog import service_catalog
from desktop.services.demo import actors, identities, profiles
from desktop.services.demo.office_hours import DAY_MINUTES, OfficeHours
from desktop.services.shared import ages, numbering, permissions

BATCH = 500
YEARS_BACK = 3
CONDITIONAL_DAYS = 12  # working days a service without a time limit takes, as a rule
LATE_SHARE = 0.12  # applications that take longer than their limit: the demo shows overdue work
FINALS = {"completed": ("done", "Selesai"), "rejected": ("reject", "Tidak memenuhi kriteria"),
          "withdrawn": ("withdraw", "Dicabut pemohon")}
ORG_NAMES = ["Yayasan Bina Sejahtera", "Panti Asuhan Darul Hadlonah", "LKSA Putra Harapan",
             "Perkumpulan Peduli Lansia", "Yayasan Kasih Bunda", "LKS Mitra Mandiri",
             "Yayasan Cahaya Disabilitas", "Perkumpulan Tuna Netra Tidar"]


def _insert(model, fields, rows):
    for start in range(0, len(rows), BATCH):
        model.insert_many(rows[start:start + BATCH], fields=fields).execute()


def _person_row(rng, region, birth, stamp, used) -> tuple:
    sex = rng.choice("LP")
    district = rng.choice(list(identities.KELURAHAN))
    while True:
        nik = identities.nik(rng, region, district, birth, sex, rng.randint(1, 9999))
        if nik not in used:
            used.add(nik)
            break
    name = identities.full_name(rng, sex)
    place = identities.address(rng, district)
    age = ages.age_on(birth, stamp[0].date())
    married = "Kawin" if age > 25 and rng.random() < 0.7 else "Belum kawin"
    return stamp + (nik, f"{region}{district}{rng.randint(10**9, 10**10 - 1)}", name,
                    "Magelang", birth, sex, rng.choice(RELIGIONS[:6]), married, place["street"],
                    place["rt"], place["rw"], place["kelurahan"], place["kecamatan"],
                    "Kota Magelang", f"08{rng.randint(10**9, 10**10 - 1)}", name_key(name))


class _Applicants:
    """People of each profile's ages; an application takes one who fits on the day it came
    in, a newcomer when none of the few tried does."""

    def __init__(self, rng: random.Random, region: str, now: datetime.datetime):
        self.rng, self.region, self.now = rng, region, now
        self.births: list[datetime.date] = []
        self.first_seen: list[datetime.datetime] = []
        self.pools: dict[profiles.Profile, list[int]] = {}
        self.used: set[str] = set()

    def _add(self, profile, on: datetime.date, at: datetime.datetime) -> int:
        self.births.append(identities.birth_date(self.rng, profile.min_age, profile.max_age, on))
        self.first_seen.append(at)
        self.pools.setdefault(profile, []).append(len(self.births) - 1)
        return len(self.births) - 1

    def stock(self, profile, count: int) -> None:
        for _ in range(count):
            self._add(profile, self.now.date(), self.now)

    def take(self, profile, at: datetime.datetime) -> int:
        pool, day = self.pools.get(profile, []), at.date()
        for _ in range(4 if pool else 0):
            index = self.rng.choice(pool)
            if profile.min_age <= ages.age_on(self.births[index], day) <= profile.max_age:
                self.first_seen[index] = min(self.first_seen[index], at)
                return index
        return self._add(profile, day, at)

    def fitting(self, profile, day: datetime.date, inserted: int) -> int:
        """One of the first `inserted` people who fits `profile` on `day` (the first if none)."""
        for index in self.pools.get(profile, []):
            if index < inserted and \
                    profile.min_age <= ages.age_on(self.births[index], day) <= profile.max_age:
                return index
        return 0

    def insert(self) -> list[int]:
        """Person ids, by index."""
        rows = [_person_row(self.rng, self.region, birth,
                            (seen, actors.CLERK, seen, actors.CLERK, 1), self.used)
                for birth, seen in zip(self.births, self.first_seen)]
        fields = [Person.created_at, Person.created_by, Person.updated_at, Person.updated_by,
                  Person.version, Person.nik, Person.kk_number, Person.name, Person.birth_place,
                  Person.birth_date, Person.sex, Person.religion, Person.marital_status,
                  Person.street, Person.rt, Person.rw, Person.kelurahan, Person.kecamatan,
                  Person.city, Person.phone, Person.name_key]
        before = Person.select(fn.MAX(Person.id)).scalar() or 0
        _insert(Person, fields, rows)
        return [pid for (pid,) in Person.select(Person.id).where(Person.id > before)
                .order_by(Person.id).tuples()]


def _organisations(rng: random.Random, count: int, now) -> list[int]:
    fields = [Organisation.created_at, Organisation.created_by, Organisation.updated_at,
              Organisation.updated_by, Organisation.version, Organisation.name,
              Organisation.legal_form, Organisation.address, Organisation.contact_person,
              Organisation.phone, Organisation.name_key]
    rows = []
    for i in range(count):
        name = ORG_NAMES[i % len(ORG_NAMES)] + ("" if i < len(ORG_NAMES) else f" {i + 1}")
        place = identities.address(rng, rng.choice(list(identities.KELURAHAN)))
        rows.append((now, actors.CLERK, now, actors.CLERK, 1, name,
                     rng.choice(["Yayasan", "Perkumpulan"]),
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


def _budget(rng: random.Random, service) -> int:
    """Working minutes the whole procedure takes: within the time limit, some past it."""
    minutes = {"minutes": 1, "days": DAY_MINUTES, "working_days": DAY_MINUTES}.get(
        service.limit_kind)
    budget = minutes * (service.limit_value or 1) if minutes else CONDITIONAL_DAYS * DAY_MINUTES
    return int(budget * (1.6 if rng.random() < LATE_SHARE else 0.9))


def _history(rng, hours: OfficeHours, service_steps, state: str, step: int,
             received: datetime.datetime, latest: datetime.datetime, budget: int,
             registrar: tuple[str, str]):
    """(events, state, step): registered by `registrar`, each step recorded by its account,
    then the outcome; spread over `budget` working minutes and cut where `latest` (the
    present) falls, the application then still open at that step. Local times."""
    if state == "rejected":  # only the kepala rejects, at a decision step
        heads = [s.number for s in service_steps if acting_role(s.actor) == permissions.HEAD]
        state, step = ("rejected", heads[0]) if heads else ("withdrawn", step)
    events = [(1, "registered", "", *registrar, received)]
    count = step + 1
    at = received

    def later() -> datetime.datetime:
        return hours.advance(at, rng.randint(max(1, budget // (3 * count)),
                                             max(1, budget // count)))

    if state == "waiting":  # the file is found incomplete as it is taken in
        at = hours.advance(at, rng.randint(2, 15))
        if at > latest:
            return events, "open", 1
        return events + [(1, "return", "Berkas belum lengkap", *registrar, at)], "waiting", 1
    for number in range(1, step):
        at = later()
        if at > latest:
            return events, "open", number
        user, role = actors.for_step(service_steps[number - 1])
        events.append((number, "approve" if role == permissions.HEAD else "done",
                       "Disetujui" if role == permissions.HEAD else "", user, role, at))
    if state in FINALS:
        at = later()
        if at > latest:
            return events, "open", step
        action, comment = FINALS[state]
        user, role = registrar if state == "withdrawn" or not service_steps else \
            actors.for_step(service_steps[step - 1])
        if action == "done" and role == permissions.HEAD:
            action = "approve"
        events.append((step, action, comment, user, role, at))
    return events, state, step


def fill(rng: random.Random, size: int, report) -> None:
    """Add `size` applications, people who fit their services and a few organisations."""
    if size <= 0 or Application.select().exists():
        return
    now = utcnow()
    region = (office_region() or "3371")[:4]
    services = [s for s in service_catalog.list_services(include_inactive=False)]
    steps = {s.id: service_catalog.steps_of(s) for s in services}
    requirements = {s.id: service_catalog.requirements_of(s) for s in services}
    wanted = {s.id: profiles.profile_of(s, [r.text for r in requirements[s.id]])
              for s in services}
    calendar = WorkCalendar()
    hours = OfficeHours(calendar)
    latest = hours.snap_back(hours.to_local(now) - datetime.timedelta(minutes=5))
    pattern = settings.get("applications.number_pattern")
    applicants = _Applicants(rng, region, now)
    # In the catalog's order, not a set's: the same seed gives the same demo on every run.
    for profile in dict.fromkeys(p for p in wanted.values() if p is not profiles.INSTITUTION):
        share = sum(p is profile for p in wanted.values()) / len(services)
        applicants.stock(profile, max(2, int(size * share / 2)))
    with db.atomic():
        org_ids = _organisations(rng, max(len(ORG_NAMES), size // 500), now)
        span = YEARS_BACK * 365 * 86400
        received = sorted(hours.moment_on_or_before(
            (hours.to_local(now) - datetime.timedelta(seconds=rng.randint(60, span))).date(),
            rng, latest) for _ in range(size))
        sequences: dict[int, int] = {}
        app_rows, histories, people = [], [], []
        for local in received:
            service = rng.choice(services)
            moment = hours.to_utc(local)
            seq = sequences[local.year] = sequences.get(local.year, 0) + 1
            state = _outcome(rng, (now - moment).total_seconds() / 86400)
            service_steps = steps[service.id] or []
            last = len(service_steps) or 1
            step = last if state in ("completed", "rejected") else rng.randint(1, last)
            registrar = actors.registrar(service, service_steps)
            events, state, step = _history(rng, hours, service_steps, state, step, local,
                                           latest, _budget(rng, service), registrar)
            actor = acting_role(service_steps[step - 1].actor) if service_steps \
                else permissions.FRONT_OFFICE  # as workflow.register sets it
            complete_at = moment if state != "waiting" else None
            start = moment if service.limit_starts == "receipt" else complete_at
            deadline = deadlines.compute(service.limit_kind, service.limit_value, start, [],
                                         calendar)
            ended = hours.to_utc(events[-1][5])
            closed_at = ended if state in FINALS else None
            is_org = wanted[service.id] is profiles.INSTITUTION
            people.append(None if is_org else applicants.take(wanted[service.id], moment))
            app_rows.append([
                moment, registrar[0], ended, events[-1][3], len(events),
                numbering.format_pattern(pattern, seq=seq, year=local.year, month=local.month,
                                         service=service.code.upper()),
                service.id, None, rng.choice(org_ids) if is_org else None,
                rng.choice(list(CHANNELS)), "", moment, complete_at, step, actor, state,
                ended if state == "waiting" else None,
                0, deadline.due_at, deadline.due_soon_at, closed_at,
                {"rejected": "Tidak memenuhi kriteria", "withdrawn": "Dicabut pemohon",
                 "completed": "Selesai"}.get(state, "")])
            histories.append((service.id, state, [(n, a, c, u, r, hours.to_utc(at))
                                                  for n, a, c, u, r, at in events]))
        person_ids = applicants.insert()
        for row, index in zip(app_rows, people):
            row[7] = None if index is None else person_ids[index]
        fields = [Application.created_at, Application.created_by, Application.updated_at,
                  Application.updated_by, Application.version, Application.reg_number,
                  Application.service, Application.person, Application.organisation,
                  Application.channel, Application.summary, Application.received_at,
                  Application.complete_at, Application.current_step, Application.current_actor,
                  Application.state, Application.waiting_since, Application.waiting_seconds,
                  Application.due_at, Application.due_soon_at, Application.closed_at,
                  Application.outcome_reason]
        _insert(Application, fields, [tuple(r) for r in app_rows])
        app_ids = [a for (a,) in Application.select(Application.id)
                   .order_by(Application.id).tuples()]
        _children(rng, app_ids, histories, requirements)
        for year, value in sequences.items():
            Counter.insert(series="registrasi", year=year, value=value).execute()
    _open_kind_cases(rng, applicants, person_ids, wanted, hours, now)
    report.counts["people"] = Person.select().count()
    report.counts["organisations"] = len(org_ids)
    report.counts["applications"] = Application.select().count()


def _open_kind_cases(rng, applicants, person_ids, wanted, hours: OfficeHours, now) -> None:
    """The cases a kind asks to find running (CaseKind.demo_open): registered weeks ago by
    the demo clerk and moved, a working hour or more apart, by the demo staff to the first
    step of the kind's own workers, whose demo then fills them (ABH's clocks need cases
    still worked on)."""
    from desktop.models import User
    from desktop.services.cases import registry

    staff = {u.username: u for u in User.select().where(User.username.in_(
        (actors.CLERK, actors.HEAD, actors.COORDINATOR, actors.SOCIAL_WORKER)))}
    if len(staff) < 4:
        return
    latest = hours.snap_back(hours.to_local(now) - datetime.timedelta(minutes=5))
    for kind in registry.KINDS.values():
        for _ in range(kind.demo_open):
            service = service_catalog.get(kind.services[0])
            day = (hours.to_local(now) - datetime.timedelta(days=rng.randint(20, 45))).date()
            at = hours.moment_on_or_before(day, rng, latest)
            profile = wanted.get(service.id, profiles.ADULT)
            index = applicants.fitting(profile, at.date(), len(person_ids))
            with replaying(hours.to_utc(at)):
                app = workflow.register(staff[actors.CLERK], service,
                                        person=Person.get_by_id(person_ids[index]),
                                        received_at=hours.to_utc(at), channel="datang")
            if app.service.sensitive:  # the kepala's disposition names the social worker
                at = hours.advance(at, rng.randint(30, 240))
                with replaying(hours.to_utc(at)):
                    app = assignment.assign(staff[actors.HEAD], app, actors.SOCIAL_WORKER)
            steps = service_catalog.steps_of(app.service)
            last = len(steps)  # a service without steps stays open for the kind's demo
            while app.state == "open" and app.current_step < last:
                user, role = actors.for_step(steps[app.current_step - 1])
                if user not in staff or role == permissions.SOCIAL_WORKER:
                    break  # the kind's own workers take it from here
                at = hours.advance(at, rng.randint(60, 2 * DAY_MINUTES))
                with replaying(hours.to_utc(at)):
                    app = (workflow.decide(staff[user], app, "approve", "Tugaskan pekerja sosial")
                           if workflow.is_decision_step(app)
                           else workflow.complete_step(staff[user], app))


def _children(rng, app_ids, histories, requirements) -> None:
    check_rows, event_rows = [], []
    for app_id, (service_id, state, events) in zip(app_ids, histories):
        reqs = requirements[service_id]
        short = rng.randrange(len(reqs)) if state == "waiting" and reqs else -1
        for position, req in enumerate(reqs):
            ok = position != short and (state != "waiting" or rng.random() < 0.6)
            check_rows.append((app_id, req.position, req.group_name, req.text,
                               "ada" if ok else "kurang", ""))
        event_rows.extend((app_id,) + event for event in events)
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



def refit_checklists() -> int:
    """Tick an age requirement only where the applicant's age on receipt meets it: a case
    kind's demo may put in an applicant who misses it on purpose (the adoption's too-old
    father). Returns the answers changed."""
    checks = (RequirementCheck.select(RequirementCheck.id, RequirementCheck.text,
                                      RequirementCheck.state, Application.received_at,
                                      Person.birth_date)
              .join(Application).join(Person)
              .where(RequirementCheck.text.contains("tahun")).tuples())
    changed = 0
    for check_id, text, state, received, birth in checks:
        bounds = profiles.age_bounds(text)
        if bounds is None or birth is None:
            continue
        fits = bounds[0] <= ages.age_on(birth, received.date()) <= bounds[1]
        if (state == "ada") != fits:
            RequirementCheck.update(state="ada" if fits else "kurang").where(
                RequirementCheck.id == check_id).execute()
            changed += 1
    return changed
