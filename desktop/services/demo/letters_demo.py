"""Demo letters: a few recent applications' letters in every state, the signed ones real,
each stage a working hour or days after the one before."""
import datetime
import itertools
import random

from desktop.models import Application, Letter, User, utcnow
from desktop.models.base import replaying
from desktop.services.applications import case_access, workflow
from desktop.services.cases import guards
from desktop.services.demo import actors
from desktop.services.demo.office_hours import DAY_MINUTES, OfficeHours
from desktop.services.letters import catalogue, context, lifecycle
from desktop.services.shared import permissions

# state reached -> how many letters end there
PLAN = [("draft", 3), ("waiting_paraf", 3), ("returned", 2), ("waiting_signature", 3),
        ("signed", 3), ("handed_over", 3)]
# What the kabid writes when she sends a letter back to its drafter.
RETURN_NOTES = ["Alamat tujuan belum lengkap; tambahkan kelurahan dan kecamatan.",
                "Perihal terlalu umum; sebutkan nama pemohon dan layanannya."]

# Working minutes between a letter's stages: drafted and submitted the same hour, initialled
# and signed hours or days later, handed over (printed) within days.
GAPS = {"draft": (0, 0), "waiting_paraf": (10, 90), "returned": (90, 2 * DAY_MINUTES),
        "waiting_signature": (90, 2 * DAY_MINUTES),
        "signed": (90, 2 * DAY_MINUTES), "handed_over": (60, 3 * DAY_MINUTES)}
STAGES = ["draft", "waiting_paraf", "waiting_signature", "signed", "handed_over"]
OLDEST_APPLICATION_DAYS = 21  # the letter's stages all fit after the application came in


def moments(rng: random.Random, hours: OfficeHours, end: str,
            earliest: datetime.datetime, latest: datetime.datetime) -> list[datetime.datetime]:
    """Naive UTC moments of each stage up to `end`, in working hours, after `earliest`
    and by `latest` (local)."""
    stages = stages_to(end)
    gaps = [rng.randint(*GAPS[stage]) for stage in stages]
    at = max(hours.retreat(latest, sum(gaps) + rng.randint(0, DAY_MINUTES)),
             hours.snap(earliest + datetime.timedelta(minutes=30)))
    result = []
    for gap in gaps:
        at = hours.advance(at, gap)
        result.append(min(at, latest))
    return [hours.to_utc(m) for m in result]


def stages_to(end: str) -> list[str]:
    """The stages a letter goes through to end in `end`: a returned one stops after paraf."""
    if end == "returned":
        return ["draft", "waiting_paraf", "returned"]
    return STAGES[:STAGES.index(end) + 1]


def fill(rng: random.Random, size: int, report) -> None:
    if size <= 0 or Letter.select().exists():
        return
    clerk = User.get_or_none(User.username == actors.CLERK)
    social_worker = User.get_or_none(User.username == actors.SOCIAL_WORKER)
    coordinator = User.get_or_none(User.username == actors.COORDINATOR)
    signer = User.get_or_none(User.username == actors.HEAD)
    if None in (clerk, social_worker, coordinator, signer):
        return
    wanted = sum(n for _, n in PLAN) if size >= 100 else max(1, size // 20)
    hours = OfficeHours()
    now = utcnow()
    latest = hours.snap_back(hours.to_local(now) - datetime.timedelta(minutes=5))
    candidates = (Application.select().where(
        Application.state.in_(["open", "completed"])
        & (Application.received_at < now - datetime.timedelta(days=OLDEST_APPLICATION_DAYS)))
        .order_by(Application.received_at.desc()).limit(400))
    targets = list(itertools.islice((a for a in candidates if _letter_allowed(a)), wanted))
    ends = [state for state, n in PLAN for _ in range(n)]
    notes = itertools.cycle(RETURN_NOTES)  # each returned letter its own reason
    made = 0
    for application, end in zip(targets, ends):
        # The social worker drafts the letters of the cases she assesses (and of those the
        # clerk may not read), the clerk the rest; the kabid initials and the head of the
        # office, named in the profile, signs.
        drafter = social_worker if _assessed(application, clerk) else clerk
        at = iter(moments(rng, hours, end, hours.to_local(application.received_at), latest))
        with replaying(next(at)):
            letter = complete(drafter, lifecycle.draft(drafter, application, signer=signer))
        for step in stages_to(end)[1:]:
            with replaying(next(at)):
                if step == "waiting_paraf":
                    letter = lifecycle.submit(drafter, letter)
                elif step == "returned":
                    letter = lifecycle.return_letter(coordinator, letter, next(notes))
                elif step == "waiting_signature":
                    letter = lifecycle.paraf(coordinator, letter)
                elif step == "signed":
                    letter = lifecycle.sign(signer, letter)
                else:
                    letter = lifecycle.hand_over(drafter, letter)
        made += 1
    report.counts["letters"] = made


def _assessed(application, clerk) -> bool:
    """Whether the social worker works this case: a step of hers or a case the clerk may not
    read."""
    if not case_access.can_read(clerk, application):
        return True
    return any(actors.for_step(step)[1] == permissions.SOCIAL_WORKER
               for step in application.service.steps)


def _letter_allowed(application) -> bool:
    choices = lifecycle.letter_choices(application)
    return bool(choices) and guards.letter_allowed(application, choices[0].template_key)


def complete(actor, letter):
    """Fill the parts staff would type (addressee, amounts, survey results) with the
    catalogue's realistic sample text."""
    application = (workflow.get(letter.application_id, permissions.SYSTEM, record=False)
                   if letter.application_id else None)
    values = context.build(letter, application=application)
    sample = catalogue.sample_context(letter.template_key)
    missing = {name: sample[name] for name in context.missing_names(letter, values)}
    if "addressee" in missing and values.get("destination_name"):
        missing["addressee"] = f"Kepala {values['destination_name']}"  # where it is referred
    return lifecycle.edit(actor, letter, fields=missing) if missing else letter
