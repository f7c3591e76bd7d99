"""Demo letters: a few recent applications' letters in every state, the signed ones real."""
import random

from desktop.models import Application, Letter, User
from desktop.services.applications import case_access, workflow
from desktop.services.cases import guards
from desktop.services.letters import catalogue, context, lifecycle
from desktop.services.shared import permissions

# state reached -> how many letters end there
PLAN = [("draft", 3), ("waiting_paraf", 3), ("waiting_signature", 3), ("signed", 3),
        ("handed_over", 3)]

# Who signs, who initials, in what capacity, letter after letter in turn.
SIGNINGS = [("kadis", "kabid", ""), ("kabid", "kadis", "a.n."), ("kadis", "kabid", ""),
            ("kabid", "kadis", "Plh.")]


def fill(rng: random.Random, size: int, report) -> None:
    if size <= 0 or Letter.select().exists():
        return
    clerk = User.get_or_none(User.username == "layanan")
    social_worker = User.get_or_none(User.username == "peksos")
    coordinator = User.get_or_none(User.username == "kabid")
    signer = User.get_or_none(User.username == "kadis")
    if None in (clerk, social_worker, coordinator, signer):
        return
    wanted = sum(n for _, n in PLAN) if size >= 100 else max(1, size // 20)
    candidates = (Application.select().where(Application.state.in_(["open", "completed"]))
                  .order_by(Application.received_at.desc()).limit(400))
    targets = [a for a in candidates if lifecycle.letter_choices(a) and guards.letter_allowed(
        a, lifecycle.letter_choices(a)[0].template_key)][:wanted]
    ends = [state for state, n in PLAN for _ in range(n)]
    made, heads = 0, {"kadis": signer, "kabid": coordinator}
    for n, (application, end) in enumerate(zip(targets, ends)):
        # A sensitive case's letter is drafted by those who work it.
        drafter = clerk if case_access.can_read(clerk, application) else social_worker
        # Most are signed by the head herself; some by the kabid on her behalf (a.n.) or
        # standing in for her (Plh.), initialled then by the head.
        signs, initials, capacity = SIGNINGS[n % len(SIGNINGS)]
        signs, initials = heads[signs], heads[initials]
        letter = complete(drafter, lifecycle.draft(drafter, application, signer=signs,
                                                   signing_as=capacity))
        steps = ["waiting_paraf", "waiting_signature", "signed", "handed_over"]
        for step in steps[:steps.index(end) + 1] if end != "draft" else []:
            if step == "waiting_paraf":
                letter = lifecycle.submit(drafter, letter)
            elif step == "waiting_signature":
                letter = lifecycle.paraf(initials, letter)
            elif step == "signed":
                letter = lifecycle.sign(signs, letter)
            else:
                letter = lifecycle.hand_over(drafter, letter)
        made += 1
    report.counts["letters"] = made


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
