"""What a case kind declares, in one place, and what its rules answer."""
import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.errors import ValidationError
from desktop.services.shared import permissions
from desktop.services.shared.checks import before_change


def accepts_case_data(application) -> bool:
    """A case's own data may be recorded, and its rules overridden, until it is rejected or
    withdrawn (a completed application can still get its letter); screens ask this."""
    return application.state not in ("rejected", "withdrawn")


IN_REVIEW = ("waiting_paraf", "waiting_signature")
ISSUED = ("signed", "handed_over")


def refuse_under_letter(application, templates, field: str, what: str) -> None:
    """A letter from the case on its way to the kepala, or issued, states what was recorded
    then: its data stays as it is (`what` names the letter, "Rekomendasi PUB")."""
    from desktop.models import Letter

    letter = (Letter.select(Letter.number)
              .where((Letter.application == application.id)
                     & Letter.template_key.in_(list(templates))
                     & Letter.state.in_(IN_REVIEW + ISSUED)).first())
    if letter is None:
        return
    if letter.number:
        raise ValidationError(field, f"{what} sudah terbit dengan nomor {letter.number}; data "
                              "yang tercatat tidak bisa diubah lagi.")
    raise ValidationError(field, f"{what} sedang menunggu paraf atau tanda tangan; minta "
                          "dikembalikan dulu, lalu ubah datanya.")


def create_record(model, actor, application, what: str, **values):
    """A kind's record, one per application: a second PC recording it at the same moment is
    told so (`what` names it, "Kejadian ini"), with no unique violation in the server's log."""
    from desktop.errors import ConflictError
    from desktop.services.shared import records

    return records.create(model, actor, application=application.id, **values,
                          duplicate=lambda: ConflictError(
                              f"{what} baru saja dicatat di PC lain. Muat ulang untuk "
                              "melihatnya."))


def set_due(application, due) -> None:
    """The application's due fields on a kind's own clock, (due_at, due_soon_at) or
    (None, None). They follow from the case's records (audited themselves), so the
    application's version is left alone: another PC with it open gets no conflict."""
    from desktop.models import Application

    due_at, due_soon_at = due
    before_change(application)
    (Application.update(due_at=due_at, due_soon_at=due_soon_at)
     .where(Application.id == application.id).execute())
    application.due_at, application.due_soon_at = due_at, due_soon_at


def require_open(application) -> None:
    """The services' side of accepts_case_data."""
    if not accepts_case_data(application):
        raise ValidationError("Status", "permohonan sudah ditolak atau dicabut; datanya tidak "
                              "bisa diubah lagi.")


def require_case_writer(actor, roles, doing: str, application) -> None:
    """What every write of a kind's data checks first: the role, that the actor may read the
    case (NotFound otherwise, never a hint it exists), and that it is still open."""
    from desktop.services.applications import case_access

    permissions.require_roles(actor, roles, doing)
    case_access.require_readable(actor, application)
    require_open(application)


class Verdict(enum.Enum):
    MET = "terpenuhi"
    NOT_MET = "belum terpenuhi"
    UNKNOWN = "belum diketahui"


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    reason: str  # Indonesian, for the panel and the refusal

    @property
    def met(self) -> bool:
        return self.verdict is Verdict.MET


@dataclass(frozen=True)
class Rule:
    """One condition of a case kind. `check(application, record)` gets the kind's record (or
    None when nothing was recorded yet) and returns an Outcome. It guards the steps named per
    service code and the drafting of the letters named: those are refused while it is not met,
    unless a kepala overrides it with a written reason."""

    code: str
    label: str
    check: Callable
    steps: dict[str, tuple[int, ...]] = field(default_factory=dict)
    letters: tuple[str, ...] = ()

    def guards_step(self, service_code: str, step: int) -> bool:
        return step in self.steps.get(service_code, ())

    def guards_letter(self, template_key: str) -> bool:
        return template_key in self.letters


@dataclass(frozen=True)
class Reminder:
    """Something owed that staff should chase: a report past its deadline, a permit ending."""

    text: str  # Indonesian, one line
    urgent: bool  # past a deadline (red), or coming (amber)
    application_id: int | None = None


@dataclass(frozen=True)
class CaseKind:
    """A service's own knowledge beyond the application envelope (number, checklist, steps,
    deadline, letters). Everything is optional but the code, the label and the services.

    - `models`: its peewee models, each with an `application` foreign key (cascading): the
      first is the record, one per application; others may hold several rows per application
      (a collection's reports). Backups, history and tests find them here;
    - `record(application)`: the kind's record for an application, or None (one query);
    - `rules`: Rule objects, checked by desktop.services.cases.guards;
    - `panel`: (module, class) of its QWidget for the application detail, imported when shown;
    - `letter_fields`: {template key: names it fills}; `fill(application, record)` the values;
    - `demo(rng)`: adds the kind's demo data to the applications the generic demo made;
    - `permissions`: {name: (roles, what the user was doing)}, for require_roles and `can`;
    - `settings`: SettingDef objects shown on the settings screen;
    - `reminders(actor, today)`: Reminder objects for Tugas Saya (reports owed, permits
      ending), for the roles of its "record" permission; a constant number of queries;
    - `child_identity`: its cases are about a child (UU SPPA Pasal 19): lists and tasks show
      the applicant's initials and no NIK;
    - `deadline(application)`: (due_at, due_soon_at) of its own clock, for a service the
      catalog gives no time limit (ABH's hours); the application's due fields follow it.
      With `deadline_replaces` its clock replaces the catalog's once the case is recorded
      (None: not recorded, the catalog's stands; (None, None): no clock runs now);
    - `demo_open`: how many of its cases the demo registers anew and moves to its workers'
      step, so that its demo finds cases still being worked on;
    - `earlier(actor, person)`: the person's earlier cases of this kind (Application rows the
      actor may read), shown when a new one is registered for them;
    - `classification(application, template_key)`: the archive code a letter is numbered
      under when the case decides it (a social disaster's), or None for the template's;
    - `spm(start, end, visible)`: {SPM indicator: people served from start to end} (the
      recap's SPM_INDICATORS codes), among the applications `visible` allows (None: all).
    """

    code: str
    label: str
    services: tuple[str, ...]  # the shipped catalog codes of this kind
    models: tuple = ()
    record: Callable | None = None
    rules: tuple[Rule, ...] = ()
    panel: tuple[str, str] | None = None
    letter_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fill: Callable | None = None
    demo: Callable | None = None
    permissions: dict[str, tuple[frozenset, str]] = field(default_factory=dict)
    settings: tuple = ()
    reminders: Callable | None = None
    child_identity: bool = False
    deadline: Callable | None = None
    demo_open: int = 0
    earlier: Callable | None = None
    deadline_replaces: bool = False
    classification: Callable | None = None
    spm: Callable | None = None

    def can(self, actor, name: str) -> bool:
        """For screens: whether to offer what `permissions[name]` allows (the service checks
        again with permissions.require_roles)."""
        roles, _ = self.permissions[name]
        return permissions.has_role(actor, roles)
