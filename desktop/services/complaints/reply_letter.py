"""The reply letter to a complaint (surat jawaban pengaduan), drafted by its handler from the
`jawaban_pengaduan` template and taken through paraf and signature as every letter is.

The letter names the complainant, so it is read as the complaint's identity is: a
confidential complainant's reply only by the handler and the kepala, on every path (the
letter itself, the Surat queues, the dashboard's counts). The complainant's particulars are
filled from the complaint when the letter is rendered and never typed into the letter's
fields, which the audit trail records."""
import functools
import operator

from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Complaint, Letter
from desktop.services.complaints import complaints
from desktop.services.letters import formatting
from desktop.services.shared import permissions

TEMPLATE_KEY = "jawaban_pengaduan"
# The states a reply may be drafted in: a complaint once verified, a suggestion on receipt.
DRAFTABLE = {"pengaduan": ("diverifikasi", "ditindaklanjuti"), "saran": ("diterima",),
             "apresiasi": ("diterima",)}
# How each channel reads in the letter's first sentence ("... yang kami terima pada tanggal
# 3 November 2026 melalui WhatsApp").
CHANNEL_WORDS = {"langsung": "secara langsung di kantor kami", "telepon": "melalui telepon",
                 "whatsapp": "melalui WhatsApp", "email": "melalui pos-el",
                 "lapor": "melalui SP4N-LAPOR!", "112": "melalui layanan panggilan 112",
                 "sigap": "melalui SIGAP", "kotak_saran": "melalui kotak saran",
                 "surat": "melalui surat"}
KIND_WORDS = {"pengaduan": "pengaduan", "saran": "saran dan masukan",
              "apresiasi": "apresiasi"}


def readable(actor):
    """A condition on Complaint: the complaints whose reply letters `actor` may read; None:
    all of them."""
    if isinstance(actor, permissions.SystemActor) or actor.role == permissions.HEAD:
        return None
    seen = complaints.visible(actor)
    identity = (Complaint.identity != "rahasia") | (Complaint.handler == actor.username)
    return identity if seen is None else (seen & identity)


def letter_condition(actor):
    """A condition on Letter: what `actor` may list or count of the complaints' letters."""
    condition = readable(actor)
    if condition is None:
        return None
    return Letter.complaint.is_null() | Letter.complaint.in_(
        Complaint.select(Complaint.id).where(condition))


def draftable():
    """A condition on Complaint: those whose reply may be drafted now (DRAFTABLE)."""
    return functools.reduce(operator.or_, (
        (Complaint.kind == kind) & Complaint.state.in_(states)
        for kind, states in DRAFTABLE.items()))


def can_read(actor, complaint_id: int) -> bool:
    query = Complaint.select(Complaint.id).where(Complaint.id == complaint_id)
    condition = readable(actor)
    if condition is not None:
        query = query.where(condition)
    return query.exists()


def numbers(complaint_ids) -> dict[int, str]:
    """{id: ADU-2026-0012} of the complaints the Surat list names, in one query."""
    ids = [i for i in complaint_ids if i is not None]
    if not ids:
        return {}
    return dict(Complaint.select(Complaint.id, Complaint.number)
                .where(Complaint.id.in_(ids)).tuples())


def letters_of(actor, complaint: Complaint) -> list:
    """The complaint's reply letters `actor` may read, oldest first (without documents)."""
    if not can_read(actor, complaint.id):
        return []
    return list(Letter.select(Letter.id, Letter.number, Letter.state, Letter.signed_at)
                .where(Letter.complaint == complaint.id).order_by(Letter.id))


def may_draft(actor, complaint: Complaint) -> bool:
    try:
        require_drafter(actor, complaint)
    except (PermissionDenied, ValidationError):
        return False
    return True


def require_drafter(actor, complaint: Complaint) -> None:
    """Only the handler drafts the reply, to a complainant who can be written to."""
    permissions.require(actor, "letters.draft")
    if complaint.handler != actor.username:
        raise PermissionDenied("Surat jawaban dibuat oleh petugas yang menangani pengaduan "
                               "ini" + (f" ({complaint.handler})." if complaint.handler
                                        else "; kepala belum meneruskannya."))
    if complaint.identity == "anonim":
        raise ValidationError("Identitas pengadu", "pengadu anonim tidak dapat disurati; "
                              "jawab melalui SP4N-LAPOR! atau umumkan di papan/website.")
    if complaint.state not in DRAFTABLE[complaint.kind]:
        raise ValidationError("Status", f"{complaints.KINDS[complaint.kind].lower()} berstatus "
                              f"{complaints.STATES[complaint.state]}; surat jawaban dibuat "
                              + ("setelah pengaduan diverifikasi dan sebelum dijawab."
                                 if complaint.kind == "pengaduan" else "sebelum dijawab."))


def subject(complaint: Complaint) -> str:
    """The letter's Hal: what it answers, without the complainant's name (the Hal is what
    the verification page shows anyone holding the letter)."""
    return f"Jawaban atas {KIND_WORDS[complaint.kind].capitalize()} Nomor {complaint.number}"


def opening_paragraphs(complaint: Complaint) -> list[str]:
    """The reply's first draft: the follow-up the handler recorded, one paragraph a line."""
    return [line.strip() for line in (complaint.follow_up or "").splitlines() if line.strip()]


def letter_values(complaint: Complaint | None) -> dict:
    """The variables the complaint fills (never typed): to whom and what is answered."""
    if complaint is None:
        return {}
    channel = CHANNEL_WORDS[complaint.channel]
    if complaint.lapor_ticket:
        channel += f" dengan nomor tiket {complaint.lapor_ticket}"
    return {"addressee": f"Sdr. {complaint.complainant_name}".strip(),
            "addressee_place": "Tempat",
            "complaint_kind": KIND_WORDS[complaint.kind],
            "complaint_number": complaint.number,
            "complaint_date": formatting.format_date(complaint.received_on),
            "complaint_channel": channel,
            "complaint_subject": complaint.subject}
