"""Everything waiting for one user beside the applications at their step: letters to initial,
sign, correct or hand over, and hearse bookings or clinic services a duty officer must act on.

Tugas Saya lists these and the sidebar badge counts them with the applications. Each kind is
one query whatever the number of rows; sensitive cases' letters stay their readers' only
(lifecycle.readable).
"""
import datetime
from dataclasses import dataclass

from desktop.models import ClinicRequest, HearseBooking, Letter, utcnow
from desktop.services.applications import application_query
from desktop.services.letters import lifecycle
from desktop.services.schedule import clinic
from desktop.services.schedule.clashes import booking_label
from desktop.services.shared import permissions, timefmt

# Confirming a booking and recording a clinic service are the duty officer's desk work; an
# administrator may edit the schedule (schedule.manage) but is not waited on for it.
SCHEDULE_ROLES = frozenset({permissions.DUTY_OFFICER})
CLINIC_OPEN = ("scheduled", "waiting_parts")
LETTER_SECTION, SCHEDULE_SECTION = "surat", "jadwal"


@dataclass(frozen=True)
class WaitingItem:
    kind: str  # "letter", "hearse" or "clinic"
    record_id: int
    text: str
    urgent: bool  # past its time: shown first and in red
    when: datetime.datetime | None = None  # a booking's departure or start (UTC): its day

    @property
    def section(self) -> str:
        return LETTER_SECTION if self.kind == "letter" else SCHEDULE_SECTION


@dataclass(frozen=True)
class WaitingCounts:
    applications: int
    letters: int
    bookings: int

    @property
    def total(self) -> int:
        return self.applications + self.letters + self.bookings


# -- letters -----------------------------------------------------------------------------------

def _letter_condition(actor):
    """The letters waiting for `actor` personally, or None when their role has none."""
    if actor is None or not permissions.can(actor, "letters.view"):
        return None
    parts = []
    if permissions.can(actor, "letters.sign"):  # the signer named on the letter, no other
        parts.append((Letter.state == "waiting_signature") & (Letter.signer == actor.id))
    if permissions.can(actor, "letters.paraf"):  # any kepala initials, never their own
        parts.append((Letter.state == "waiting_paraf") & (Letter.signer != actor.id))
    if permissions.can(actor, "letters.draft"):  # sent back to its drafter to correct
        parts.append((Letter.state == "returned") & (Letter.drafted_by == actor.id))
    if permissions.can(actor, "letters.hand_over"):  # signed: the drafter hands it over
        parts.append((Letter.state == "signed") & (Letter.drafted_by == actor.id))
    if not parts:
        return None
    condition = parts[0]
    for part in parts[1:]:
        condition = condition | part
    readable = lifecycle.readable(actor)
    return condition if readable is None else condition & readable


LETTER_WAITS = {"waiting_signature": "menunggu tanda tangan Anda",
                "returned": "dikembalikan kepada Anda untuk diperbaiki",
                "waiting_paraf": "menunggu paraf",
                "signed": "sudah ditandatangani, menunggu diserahkan"}
LETTER_ORDER = list(LETTER_WAITS)


def letters(actor) -> list[WaitingItem]:
    condition = _letter_condition(actor)
    if condition is None:
        return []
    rows = (Letter.select(Letter.id, Letter.subject, Letter.state, Letter.number,
                          Letter.return_note, Letter.updated_at)
            .where(condition).order_by(Letter.updated_at, Letter.id))
    # What only this user can finish first (a signature, a correction), oldest first.
    found = []
    for letter in sorted(rows, key=lambda row: LETTER_ORDER.index(row.state)):
        text = f"Surat «{letter.subject or 'tanpa hal'}» {LETTER_WAITS[letter.state]}"
        if letter.number:
            text += f" (nomor {letter.number})"
        if letter.state == "returned" and letter.return_note:
            text += f": {letter.return_note}"
        found.append(WaitingItem("letter", letter.id, text, letter.state == "returned"))
    return found


def letter_count(actor) -> int:
    condition = _letter_condition(actor)
    return 0 if condition is None else Letter.select(Letter.id).where(condition).count()


# -- schedule ----------------------------------------------------------------------------------

def _works_schedule(actor) -> bool:
    return (permissions.has_role(actor, SCHEDULE_ROLES)
            and permissions.can(actor, "schedule.manage"))


def _bookings():
    return HearseBooking.state == "booked"


def _clinic():
    return ClinicRequest.state.in_(CLINIC_OPEN)


def bookings(actor, now: datetime.datetime | None = None) -> list[WaitingItem]:
    if not _works_schedule(actor):
        return []
    now = now or utcnow()
    found = []
    for b in (HearseBooking.select(HearseBooking.id, HearseBooking.departure_at,
                                   HearseBooking.cemetery_name)
              .where(_bookings()).order_by(HearseBooking.departure_at, HearseBooking.id)):
        late = b.departure_at <= now
        found.append(WaitingItem(
            "hearse", b.id,
            f"Mobil jenazah {booking_label(b)} menunggu konfirmasi: berangkat "
            f"{timefmt.format_local(b.departure_at)} ke {b.cemetery_name}"
            + (" (waktunya sudah lewat)" if late else ""), late, b.departure_at))
    for r in (ClinicRequest.select(ClinicRequest.id, ClinicRequest.kind, ClinicRequest.state,
                                   ClinicRequest.start_at, ClinicRequest.due_at,
                                   ClinicRequest.parts_reason)
              .where(_clinic()).order_by(ClinicRequest.start_at, ClinicRequest.id)):
        late = r.state == "scheduled" and r.due_at is not None and r.due_at < now
        found.append(WaitingItem(
            "clinic", r.id,
            f"Seating clinic {booking_label(r)} ({clinic.KINDS.get(r.kind, r.kind)}, "
            f"{timefmt.format_local(r.start_at)}) belum selesai: {clinic.clock(r, now)}", late, r.start_at))
    return found


def booking_count(actor) -> int:
    if not _works_schedule(actor):
        return 0
    return (HearseBooking.select(HearseBooking.id).where(_bookings()).count()
            + ClinicRequest.select(ClinicRequest.id).where(_clinic()).count())


# -- together ----------------------------------------------------------------------------------

def counts(actor) -> WaitingCounts:
    """Four COUNTs: the sidebar badge and Tugas Saya's heading."""
    return WaitingCounts(application_query.task_count(actor), letter_count(actor),
                         booking_count(actor))


def items(actor, now: datetime.datetime | None = None) -> list[WaitingItem]:
    """Letters and bookings waiting for `actor` (applications are paged by their own table);
    those past their time first."""
    found = letters(actor) + bookings(actor, now)
    return sorted(found, key=lambda item: not item.urgent)

