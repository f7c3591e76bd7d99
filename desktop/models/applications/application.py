from peewee import BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from desktop.models.applications.person import Organisation, Person
from desktop.models.base import BaseModel, RecordModel, utcnow
from desktop.models.catalog.service import Service


class Application(RecordModel):
    """A request for one service, from a person or an organisation, through its procedure."""

    reg_number = CharField(max_length=40, unique=True)
    service = ForeignKeyField(Service, backref="applications", on_delete="RESTRICT")
    person = ForeignKeyField(Person, null=True, backref="applications", on_delete="RESTRICT")
    organisation = ForeignKeyField(Organisation, null=True, backref="applications",
                                   on_delete="RESTRICT")
    channel = CharField(max_length=16)  # datang, telepon, online, jemput
    summary = TextField(default="")
    received_at = DateTimeField()
    complete_at = DateTimeField(null=True)  # documents complete: starts some services' clocks
    current_step = IntegerField(default=1)
    current_actor = CharField(max_length=32, default="")  # role that performs the current step
    # The social worker the kepala assigned (a child's case is read by that worker only).
    assigned_to = CharField(max_length=64, default="", index=True)
    state = CharField(max_length=16, default="open")  # open, waiting, completed, rejected, withdrawn
    waiting_since = DateTimeField(null=True)  # returned to the citizen for completion
    waiting_seconds = IntegerField(default=0)
    due_at = DateTimeField(null=True)
    due_soon_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    outcome_reason = TextField(default="")

    class Meta:
        indexes = (
            (("state", "due_at"), False),
            (("service", "received_at"), False),
            (("current_actor", "state", "due_at"), False),
            (("received_at",), False),
            (("state", "closed_at"), False),  # a month's completions (migration 0026)
        )


class RequirementCheck(BaseModel):
    application = ForeignKeyField(Application, backref="checks", on_delete="CASCADE")
    position = IntegerField()
    group_name = CharField(max_length=120, default="")
    text = TextField()
    state = CharField(max_length=16, default="kurang")  # ada, kurang, tidak_berlaku
    note = TextField(default="")


class Attachment(BaseModel):
    """A scanned document, kept in the database so every PC sees it."""

    application = ForeignKeyField(Application, backref="attachments", on_delete="CASCADE")
    check = ForeignKeyField(RequirementCheck, null=True, backref="attachments",
                            on_delete="SET NULL")
    filename = CharField(max_length=200)
    mime = CharField(max_length=40)
    size = IntegerField()
    sha256 = CharField(max_length=64)
    data = BlobField()
    created_at = DateTimeField(default=utcnow)
    created_by = CharField(max_length=64, default="")


class StepEvent(BaseModel):
    """One thing done to an application at a step: the procedure timeline."""

    application = ForeignKeyField(Application, backref="events", on_delete="CASCADE")
    step_number = IntegerField()
    action = CharField(max_length=16)  # registered, done, approve, reject, return, resume, ...
    comment = TextField(default="")
    username = CharField(max_length=64)
    role = CharField(max_length=32)
    at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("application", "at"), False),)


class Counter(BaseModel):
    """Sequence numbers per series and year (registration numbers, letter numbers)."""

    series = CharField(max_length=64)
    year = IntegerField()
    value = IntegerField(default=0)

    class Meta:
        indexes = ((("series", "year"), True),)


class AttachmentChunk(BaseModel):
    """A piece of a scan: a 10 MB scan in one statement exceeds MariaDB's default 16 MB packet
    limit once escaped, so scans are written and read a piece at a time."""

    attachment = ForeignKeyField(Attachment, backref="chunks", on_delete="CASCADE")
    position = IntegerField()
    data = BlobField()

    class Meta:
        indexes = ((("attachment", "position"), True),)


class CasePerson(BaseModel):
    """A person a case names besides its applicant (an adopted child, the COTA): that person is
    as closed as the case (services.applications.people.seen_by). The case's own record keeps
    what they are to it; this is the envelope's list, written with the record."""

    application = ForeignKeyField(Application, backref="case_people", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="case_links", on_delete="RESTRICT")
    role = CharField(max_length=16)  # anak, suami, istri

    class Meta:
        table_name = "case_person"
        indexes = ((("application", "person"), True),)
