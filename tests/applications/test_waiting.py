"""Tugas Saya's other work, role by role on the demo data: letters to sign, initial, correct or
hand over, and bookings to confirm, counted like the lists and within the case-access rules."""
import datetime

from desktop.models import ClinicRequest, HearseBooking, Letter, Service, User, db
from desktop.services.applications import application_query, case_access, waiting
from desktop.services.letters import lifecycle
from desktop.services.shared import permissions
from desktop.services.shared.timefmt import utcnow


def user(username: str) -> User:
    return User.get(User.username == username)


def letter_ids(actor) -> set[int]:
    return {item.record_id for item in waiting.items(actor) if item.kind == "letter"}


def booking_keys(actor) -> set[tuple[str, int]]:
    return {(item.kind, item.record_id) for item in waiting.items(actor) if item.kind != "letter"}


def test_a_head_sees_the_letters_to_sign_and_to_initial(demo_300):
    for name in ("kadis", "kabid"):
        head = user(name)
        # Lifecycle's own queue, as the Surat tabs show it, is what waits for this head.
        expected = ({l.id for l in lifecycle.queue(head, "waiting_signature")}
                    | {l.id for l in lifecycle.queue(head, "waiting_paraf")})
        assert expected and letter_ids(head) == expected
        assert all(Letter.get_by_id(i).signer_id == head.id
                   for i in letter_ids(head) if Letter.get_by_id(i).state == "waiting_signature")
        counts = waiting.counts(head)
        assert counts.letters == len(expected) and counts.bookings == 0
        assert counts.applications == application_query.task_count(head)
        first = waiting.items(head)[0]
        assert first.section == "surat"
        if name == "kadis":  # the office's head signs every demo letter: hers alone
            assert Letter.get_by_id(first.record_id).state == "waiting_signature"
            assert "menunggu tanda tangan Anda" in first.text
        else:  # the kabid initials them before the kadis signs
            assert {Letter.get_by_id(i).state for i in letter_ids(head)} == {"waiting_paraf"}
            assert "menunggu paraf" in first.text


def test_front_office_and_social_worker_see_their_own_letters_and_applications(demo_300):
    for name in ("layanan", "peksos"):
        clerk = user(name)
        expected = {l.id for l in Letter.select().where(
            (Letter.drafted_by == clerk.id) & Letter.state.in_(("returned", "signed")))}
        assert expected and letter_ids(clerk) == expected
        others = {l.id for l in Letter.select().where(
            (Letter.drafted_by != clerk.id) & Letter.state.in_(("returned", "signed")))}
        assert not letter_ids(clerk) & others  # a colleague's letter is theirs to hand over
        counts = waiting.counts(clerk)
        assert counts.applications == application_query.task_count(clerk) > 0
        assert counts.letters == len(expected) and counts.bookings == 0
        assert counts.total == counts.applications + counts.letters


def test_the_duty_officer_sees_the_bookings_to_confirm(demo_300):
    piket = user("piket")
    booked = {("hearse", b.id) for b in HearseBooking.select().where(
        HearseBooking.state == "booked")}
    open_clinic = {("clinic", r.id) for r in ClinicRequest.select().where(
        ClinicRequest.state.in_(("scheduled", "waiting_parts")))}
    assert booked and booking_keys(piket) == booked | open_clinic
    confirmed = HearseBooking.select().where(HearseBooking.state == "confirmed").first()
    assert confirmed is None or ("hearse", confirmed.id) not in booking_keys(piket)
    assert waiting.counts(piket).bookings == len(booked | open_clinic)
    item = next(i for i in waiting.items(piket) if i.kind == "hearse")
    assert item.text.startswith(f"Mobil jenazah MJ-{item.record_id:04d} menunggu konfirmasi")
    assert item.section == "jadwal" and item.when is not None


def test_the_administrator_is_waited_on_for_nothing_here(demo_300):
    admin = user("admin")
    assert permissions.can(admin, "schedule.manage")  # may edit the schedule, not its desk
    assert waiting.items(admin) == [] and waiting.counts(admin).total == 0


def test_a_sensitive_case_s_letter_waits_only_for_its_readers(demo_300):
    for name, state in (("kadis", "waiting_signature"), ("kabid", "waiting_paraf")):
        head = user(name)
        # One still in sight: the kadis's case may have hidden some of the kabid's.
        letter = Letter.select().where(Letter.state == state, Letter.application.is_null(False),
                                       Letter.id.in_(list(letter_ids(head)))).first()
        before = waiting.counts(head).letters
        # The case's service read by social workers only: the kepala no longer learns of it.
        Service.update(sensitive=True,
                       readers=case_access.encode_readers([permissions.SOCIAL_WORKER])).where(
            Service.id == letter.application.service_id).execute()
        assert letter.id not in letter_ids(head)
        assert waiting.counts(head).letters == len(letter_ids(head)) < before


def test_late_work_comes_first_and_in_red(demo_300):
    piket, clerk = user("piket"), user("layanan")
    booking = HearseBooking.select().where(HearseBooking.state == "booked").order_by(
        HearseBooking.departure_at.desc()).first()
    HearseBooking.update(departure_at=utcnow() - datetime.timedelta(hours=1)).where(
        HearseBooking.id == booking.id).execute()
    first = waiting.items(piket)[0]
    assert (first.kind, first.record_id, first.urgent) == ("hearse", booking.id, True)
    assert first.text.endswith("(waktunya sudah lewat)")

    draft = Letter.select().where((Letter.drafted_by == clerk.id)
                                  & (Letter.state == "draft")).first()
    Letter.update(state="returned", return_note="Perbaiki alamat").where(
        Letter.id == draft.id).execute()
    first = waiting.items(clerk)[0]
    assert (first.record_id, first.urgent) == (draft.id, True)
    assert first.text.endswith("dikembalikan kepada Anda untuk diperbaiki: Perbaiki alamat")


def queries(func) -> int:
    seen, original = [], db.obj.execute_sql
    db.obj.execute_sql = lambda *a, **k: seen.append(a[0]) or original(*a, **k)
    try:
        func()
    finally:
        db.obj.execute_sql = original
    return len(seen)


def test_the_queries_do_not_grow_with_the_rows(demo_300):
    kadis, piket = user("kadis"), user("piket")
    few = queries(lambda: waiting.items(kadis)), queries(lambda: waiting.items(piket))
    counted = queries(lambda: waiting.counts(kadis))
    template = Letter.get(Letter.state == "waiting_paraf")
    for _ in range(10):  # more letters waiting for the same head
        Letter.insert(application=template.application_id, template_key=template.template_key,
                      series=template.series, subject="Tambahan", state="waiting_paraf",
                      drafted_by=template.drafted_by_id, signer=user("kabid").id).execute()
    booking = HearseBooking.get(HearseBooking.state == "booked")
    HearseBooking.update(state="booked").where(HearseBooking.state == "confirmed").execute()
    assert waiting.counts(kadis).letters >= 10 and booking is not None
    assert (queries(lambda: waiting.items(kadis)), queries(lambda: waiting.items(piket))) == few
    assert queries(lambda: waiting.counts(kadis)) == counted
