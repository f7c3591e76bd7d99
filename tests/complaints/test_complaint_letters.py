"""The reply letter to a complaint on every backend: drafted by its handler from the
follow-up, addressed from the complaint (never typed, so never in the audit trail), taken
through paraf and signature, its number recorded as the reply; a confidential complainant's
letter read only by the handler and the kepala on every path (the letter, the Surat queues,
the dashboard's counts, the complaint's own list)."""
import datetime
import pytest

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.models import AuditEntry, Letter, User
from desktop.services.complaints import complaints, reply_letter
from desktop.services.letters import lifecycle
from desktop.services.reports import dashboard
from desktop.services.shared import permissions, timefmt
from tests.factories import docx_text, make_office, make_user

MONDAY = datetime.datetime(2026, 11, 16, 9, 0)
NOW = timefmt.to_utc(MONDAY) + datetime.timedelta(hours=1)
TUESDAY = datetime.date(2026, 11, 17)


@pytest.fixture
def office(backend_db):
    o = make_office()
    o["clerk2"] = make_user("layanan2", role=permissions.FRONT_OFFICE)
    o["kadis"] = make_user("kadis", role=permissions.HEAD, nip="197203151998032005",
                           position="Kepala Dinas Sosial")
    return o


def handled(o, identity="rahasia", verified=True, **values):
    """A complaint routed to the clerk, verified and followed up."""
    given = dict(kind="pengaduan", channel="lapor", lapor_ticket="4412871",
                 subject="Surat keterangan DTKS terlambat", category="waktu",
                 received_at=MONDAY, identity=identity,
                 name="" if identity == "anonim" else "Sri Wahyuni",
                 contact="085799001122", now=NOW)
    given.update(values)
    c = complaints.record(o["clerk"], **given)
    c = complaints.route(o["head"], c, "layanan")
    if verified:
        c = complaints.verify(o["clerk"], c, verified_on=TUESDAY, complete=True,
                              today=TUESDAY)
        c = complaints.follow_up(o["clerk"], c, followed_up_on=TUESDAY, today=TUESDAY,
                                 text="Data KK telah dipadankan.\nSurat dapat diambil di loket.")
    return c


def test_the_handler_drafts_it_and_the_signed_number_becomes_the_reply(office):
    o = office
    c = handled(o)
    assert reply_letter.may_draft(o["clerk"], c)
    letter = lifecycle.draft(o["clerk"], None, signer=o["kadis"], complaint=c)
    assert letter.template_key == "jawaban_pengaduan" and letter.complaint_id == c.id
    assert letter.subject == f"Jawaban atas Pengaduan Nomor {c.number}"
    assert lifecycle.free_text(letter) == {"reply_paragraphs": [
        "Data KK telah dipadankan.", "Surat dapat diambil di loket."]}
    draft_text = docx_text(lifecycle.preview(letter))
    assert "Yth. Sdr. Sri Wahyuni" in draft_text
    assert f"tercatat dengan nomor {c.number}" in draft_text
    assert "SP4N-LAPOR! dengan nomor tiket 4412871" in draft_text
    assert "Surat dapat diambil di loket." in draft_text
    # The addressee is not a typed field: staff cannot overwrite it, nor does it reach the log.
    with pytest.raises(ValidationError, match="addressee"):
        lifecycle.edit(o["clerk"], letter, fields={"addressee": "Orang lain"})
    letter = lifecycle.submit(o["clerk"], letter)
    letter = lifecycle.paraf(o["head"], letter)
    letter = lifecycle.sign(o["kadis"], letter)
    assert "Sdr. Sri Wahyuni" in docx_text(lifecycle.signed_document(letter))
    logged = " ".join(f"{e.old_values} {e.new_values}" for e in AuditEntry.select())
    assert "Sri Wahyuni" not in logged and "085799001122" not in logged

    c = complaints.get(o["clerk"], c.id)
    c = complaints.resolve(o["clerk"], c, resolved_on=TUESDAY, reply_kind="surat",
                           reply="Dijawab dengan surat.", outcome="terbukti", today=TUESDAY)
    assert c.reply_reference == letter.number and c.state == "selesai"
    assert [x.number for x in reply_letter.letters_of(o["clerk"], c)] == [letter.number]


def test_who_may_draft_and_when(office):
    o = office
    c = handled(o)
    with pytest.raises(PermissionDenied, match="layanan"):  # not its handler
        lifecycle.draft(o["clerk2"], None, signer=o["kadis"], complaint=c)
    with pytest.raises(PermissionDenied):  # a kepala signs; staff draft
        lifecycle.draft(o["head"], None, signer=o["kadis"], complaint=c)
    with pytest.raises(ValidationError) as refused:
        lifecycle.draft(o["clerk"], None, signer=o["kadis"], complaint=handled(
            o, identity="anonim"))
    assert refused.value.field == "Identitas pengadu"
    with pytest.raises(ValidationError) as refused:
        lifecycle.draft(o["clerk"], None, signer=o["kadis"],
                        complaint=handled(o, verified=False))
    assert refused.value.field == "Status"
    with pytest.raises(ValidationError) as refused:  # only from the complaint it answers
        lifecycle.draft(o["clerk"], None, signer=o["kadis"], template_key="jawaban_pengaduan")
    assert refused.value.field == "Jenis surat"
    assert Letter.select().count() == 0


def test_a_confidential_complainants_letter_is_read_only_by_the_handler_and_the_kepala(office):
    o = office
    secret = lifecycle.submit(o["clerk"], lifecycle.draft(
        o["clerk"], None, signer=o["kadis"], complaint=handled(o)))
    open_one = lifecycle.submit(o["clerk"], lifecycle.draft(
        o["clerk"], None, signer=o["kadis"], complaint=handled(o, identity="terbuka",
                                                               name="Budi Santoso")))
    for outsider in (o["clerk2"], o["worker"]):
        with pytest.raises(NotFound):
            lifecycle.get(secret.id, outsider)
        queued = {letter.id for letter in lifecycle.queue(outsider)}
        assert secret.id not in queued and open_one.id in queued
        assert reply_letter.letters_of(outsider, complaints.get(
            outsider, secret.complaint_id)) == []
    assert lifecycle.get(secret.id, o["clerk"]).id == secret.id
    assert {letter.id for letter in lifecycle.queue(o["head"], "waiting_paraf")} == {
        secret.id, open_one.id}
    assert dashboard.letters(o["head"])["waiting_paraf"] == 2
    # An administrator reads the dashboard too, and counts only what a clerk may read.
    assert dashboard.letters(o["admin"])["waiting_paraf"] == 1
    assert dashboard.letters(o["clerk2"])["waiting_paraf"] == 1


def test_the_letter_follows_a_change_of_handler(office):
    """Routed to another handler, the first one no longer reads the confidential reply."""
    o = office
    c = handled(o)
    letter = lifecycle.draft(o["clerk"], None, signer=o["kadis"], complaint=c)
    complaints.route(o["head"], complaints.get(o["head"], c.id), "layanan2")
    with pytest.raises(NotFound):
        lifecycle.get(letter.id, o["clerk"])
    assert lifecycle.get(letter.id, User.get(User.username == "layanan2")).id == letter.id


def test_every_channel_reads_as_a_phrase_in_the_letter():
    assert set(reply_letter.CHANNEL_WORDS) == set(complaints.CHANNELS)
    assert all(words.startswith(("melalui ", "secara ")) for words in
               reply_letter.CHANNEL_WORDS.values())
