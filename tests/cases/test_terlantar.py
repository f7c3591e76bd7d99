"""Stranded travellers and tuna sosial on every backend: the journey needs a destination and
the police letter (a child a companion), the shelter counts nights at the office's midnight
and refuses an eighth without an emergency reason, the medical referral goes only to a
hospital that takes the person, and someone helped before is recognised."""
import datetime

import pytest

from desktop.cases.terlantar import KIND, record, reminders
from desktop.cases.terlantar.model import ShelterStay
from desktop.errors import ValidationError
from desktop.models import Application, Institution
from desktop.services.applications import assignment, people, workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow

from tests.factories import make_person, make_user

MAGELANG, MAGETAN, CHILD = ("mgl-orang-terlantar-tuna-sosial",
                            "mgt-11-pemulangan-orang-terlantar",
                            "mgt-12-pemulangan-anak-terlantar")
H, D = datetime.timedelta(hours=1), datetime.timedelta(days=1)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    institutions.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
            "other": make_user("peksos2", role=permissions.SOCIAL_WORKER),
            "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")}


def local(at_utc):
    return timefmt.to_local(at_utc).replace(tzinfo=None, microsecond=0)


def case_of(o, service=MAGELANG, track="perjalanan", person=None, reported=None):
    app = workflow.register(o["clerk"], service_catalog.get(service),
                            person=person or make_person(name="Sutrisno"))
    app = assignment.assign(o["head"], app, "peksos")
    case = record.save_report(o["worker"], app, None, track=track, source="polisi",
                              found_place="Terminal Tidar",
                              reported_at=local(reported or utcnow() - 2 * H))
    return app, case


def journey(o, app, case, **changes):
    values = dict(police_reference="SKT/112/XI/2026", destination="Kabupaten Cilacap",
                  transport="bus umum Magelang - Cilacap", ticket_number="TK-1",
                  ticket_cost="95.000", pocket_money="50.000", departure_at=local(utcnow()))
    values.update(changes)
    return record.plan_journey(o["worker"], app, case, **values)


def test_the_kind_and_which_services_shelter(office):
    o = office
    for code in (MAGELANG, MAGETAN, CHILD):
        assert registry.kind_of(service_catalog.get(code)) is KIND
    app = workflow.register(o["clerk"], service_catalog.get(MAGETAN),
                            person=make_person(name="Sutrisno"))
    with pytest.raises(ValidationError) as refused:
        record.save_report(o["clerk"], app, None, track="tuna_sosial", source="polisi",
                           found_place="Terminal", reported_at=local(utcnow()))
    assert refused.value.field == "Jenis penanganan"


@pytest.mark.parametrize("changes, field", [
    ({"destination": " "}, "Tujuan pemulangan"),  # a ticket with no destination
    ({"police_reference": ""}, "Surat keterangan kepolisian"),
    ({"transport": ""}, "Moda transportasi"),
    ({"ticket_cost": "sembilan"}, "Harga tiket"),
    ({"departure_at": local(utcnow() - 30 * H)}, "Waktu berangkat"),  # before the report
])
def test_a_journey_is_refused_by_field_and_nothing_saved(office, changes, field):
    o = office
    app, case = case_of(o)
    with pytest.raises(ValidationError) as refused:
        journey(o, app, case, **changes)
    assert refused.value.field == field
    assert record.read(app).destination == ""


def test_a_child_travels_with_a_companion_and_the_clock_stops_at_departure(office):
    o = office
    app, case = case_of(o, CHILD, person=make_person(nik="3371014107150003", name="Putri",
                                                       sex="P",
                                                       birth_date=datetime.date(2015, 7, 1)))
    assert Application.get_by_id(app.id).due_at == case.reported_at + 24 * H
    with pytest.raises(ValidationError) as refused:
        journey(o, app, case)
    assert refused.value.field == "Pendamping"
    journey(o, app, case, companion="Budi (petugas Dinsos)")
    assert Application.get_by_id(app.id).due_at is None
    letter = lifecycle.draft(o["worker"], app, signer=o["head"])
    values = context.build(letter, application=app)
    assert values["home_address"] == "Kabupaten Cilacap"
    assert values["companion_name"] == "Budi (petugas Dinsos)"
    assert values["transport"] == "bus umum Magelang - Cilacap, tiket nomor TK-1"
    assert values["travel_allowance"] == "Rp 95.000,00"


def test_check_out_before_check_in_and_an_eighth_night_are_refused(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 10 * D)
    now = utcnow()
    stay = record.check_in(o["worker"], app, case, at=local(now - 9 * D))
    with pytest.raises(ValidationError) as refused:  # one stay at a time
        record.check_in(o["worker"], app, case, at=local(now - 8 * D))
    assert refused.value.field == "Waktu masuk"
    with pytest.raises(ValidationError) as refused:
        record.check_out(o["worker"], app, stay, at=local(now - 10 * D))
    assert refused.value.field == "Waktu keluar"
    with pytest.raises(ValidationError) as refused:  # nine nights, no reason
        record.check_out(o["worker"], app, stay, at=local(now))
    assert refused.value.field == "Alasan darurat" and "9 malam" in refused.value.message
    assert ShelterStay.get_by_id(stay.id).check_out is None  # nothing saved
    out = record.check_out(o["worker"], app, stay, at=local(now),
                           emergency_reason="Dirawat jalan; keluarga belum menjemput.")
    assert out.check_out is not None and record.nights(out, now) == 9
    assert record.current_guests(o["worker"]) == []


def test_the_shelter_s_last_day_is_the_case_s_deadline(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 3 * D)
    assert Application.get_by_id(app.id).due_at == case.reported_at + 24 * H  # the response
    record.record_outreach(o["worker"], app, case, outreach_at=local(utcnow() - 3 * D + H),
                           assessment="Tidur di emperan toko.", identity="tidak")
    assert Application.get_by_id(app.id).due_at is None
    check_in = timefmt.to_utc(local(utcnow() - 2 * D).replace(hour=10, minute=0))
    stay = record.check_in(o["worker"], app, record.read(app), at=local(check_in))
    last_day = timefmt.to_local(check_in).date() + 7 * D
    assert Application.get_by_id(app.id).due_at == timefmt.to_utc(
        datetime.datetime.combine(last_day, datetime.time(23, 59)))
    stay = record.record_emergency(o["worker"], app, stay, "Menunggu hasil rontgen dari RSUD.")
    assert Application.get_by_id(app.id).due_at is None  # an emergency: no limit runs
    record.check_out(o["worker"], app, stay, at=local(utcnow()))
    assert Application.get_by_id(app.id).due_at is None


def test_seven_nights_need_no_reason(office):
    o = office
    check_in = timefmt.to_utc(local(utcnow() - 8 * D).replace(hour=10, minute=0))
    # Reported an hour before checking in, whatever the hour the test runs at.
    app, case = case_of(o, track="tuna_sosial", reported=check_in - H)
    stay = record.check_in(o["worker"], app, case, at=local(check_in))
    out_at = timefmt.to_utc(local(check_in + 7 * D).replace(hour=9))
    out = record.check_out(o["worker"], app, stay, at=local(out_at))
    assert record.nights(out, out_at) == 7 and out.emergency_reason == ""


def test_the_countdown_turns_at_the_office_s_midnight(office):
    # 23.30 WIB (16.30 UTC): at 23.59 still the first night; at 00.10 WIB the second.
    check_in = timefmt.to_utc(datetime.datetime(2026, 11, 20, 23, 30))
    stay = ShelterStay(check_in=check_in)
    assert record.stay_text(stay, check_in + datetime.timedelta(minutes=29))[1] == \
        "malam ke-1 dari 7, sisa 6 malam lagi"
    assert record.stay_text(stay, check_in + datetime.timedelta(minutes=40))[1] == \
        "malam ke-2 dari 7, sisa 5 malam lagi"
    assert record.stay_text(stay, check_in + 6 * D)[0] == "last"
    assert record.stay_text(stay, check_in + 7 * D)[0] == "over"
    stay.emergency_reason = "Menunggu hasil pemeriksaan rumah sakit."
    assert record.stay_text(stay, check_in + 7 * D)[0] == "emergency"


def test_the_guests_and_the_alarm_come_from_the_database(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 9 * D)
    record.check_in(o["worker"], app, case, at=local(utcnow() - 8 * D))
    guests = record.current_guests(o["worker"])
    assert [g.application.reg_number for g in guests] == [app.reg_number]
    found = reminders.due(o["worker"], None)
    assert len(found) == 1 and found[0].urgent and "melewati batas 7 malam" in found[0].text
    assert reminders.due(o["other"], None) == []


def test_the_medical_referral_goes_to_a_hospital_that_takes_them(office):
    o = office
    app, case = case_of(o, track="tuna_sosial")
    rsud = Institution.get(Institution.name.contains("RSUD Tidar"))
    rsj = Institution.get(Institution.name.contains("Soerojo"))
    brskw = Institution.get(Institution.name.contains("BRSKW"))
    at = local(utcnow())
    for place, mental in ((brskw, False), (rsud, True), (rsj, False)):
        with pytest.raises(ValidationError) as refused:
            record.refer_medical(o["worker"], app, case, institution_id=place.id,
                                 mental=mental, referred_at=at, reason="Demam tinggi.")
        assert refused.value.field == "Rumah sakit rujukan"
    record.refer_medical(o["worker"], app, case, institution_id=rsj.id, mental=True,
                         referred_at=at, reason="Bicara kacau, halusinasi.")
    letter = lifecycle.draft(o["worker"], app, signer=o["head"],
                             template_key=record.MEDICAL_LETTER)
    values = context.build(letter, application=app)
    assert values["addressee"] == f"Direktur {rsj.name}"
    assert values["medical_need"] == "pemeriksaan dan perawatan kejiwaan"
    assert values["identity_status"] == "tanpa identitas"


def test_someone_helped_before_is_recognised(office):
    o = office
    first, _ = case_of(o)
    again, _ = case_of(o, person=first.person)
    assert [a.id for a in record.earlier_cases(o["worker"], again)] == [first.id]
    # Without papers: the same name and birth place.
    nameless = [people.register_person(o["clerk"], documented=False, name="Paijo",
                                       birth_place="Temanggung",
                                       identity_note="tanpa identitas, ditemukan di terminal")
                for _ in range(2)]
    before, _ = case_of(o, person=nameless[0])
    later, _ = case_of(o, person=nameless[1])
    assert [a.id for a in record.earlier_cases(o["worker"], later)] == [before.id]


def test_the_limit_is_the_case_s_across_its_stays(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 9 * D)
    first = record.check_in(o["worker"], app, case, at=local(utcnow() - 8 * D))
    out_at = utcnow() - D
    record.check_out(o["worker"], app, first, at=local(out_at))  # seven nights: no reason
    with pytest.raises(ValidationError) as refused:  # before the last check-out
        record.check_in(o["worker"], app, case, at=local(out_at - H))
    assert refused.value.field == "Waktu masuk"
    with pytest.raises(ValidationError) as refused:  # back again: the seven are used
        record.check_in(o["worker"], app, case, at=local(utcnow()))
    assert refused.value.field == "Alasan darurat"
    again = record.check_in(o["worker"], app, case, at=local(utcnow()),
                            emergency_reason="Sakit lagi; keluarga belum ditemukan.")
    assert record.stay_text(again, utcnow(), record.used_nights(record.stays_of(app.id),
                                                                again))[0] == "emergency"


def test_a_guest_leaves_even_after_the_case_was_withdrawn(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 3 * D)
    stay = record.check_in(o["worker"], app, case, at=local(utcnow() - 2 * D))
    app = workflow.withdraw(o["clerk"], Application.get_by_id(app.id), "pelapor mencabut")
    out = record.check_out(o["worker"], app, stay, at=local(utcnow()))
    assert out.check_out is not None and record.current_guests(o["worker"]) == []


def _fields(call) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        call()
    return [error.field for error in getattr(caught.value, "errors", [caught.value])]


def test_each_empty_form_names_every_required_field_and_saves_nothing(office):
    from desktop.cases.terlantar.model import StrandedCase

    o, worker = office, office["worker"]
    app = assignment.assign(o["head"], workflow.register(
        o["clerk"], service_catalog.get(MAGELANG), person=make_person(name="Sutrisno")),
        "peksos")
    assert tuple(_fields(lambda: record.save_report(
        worker, app, None, track="", source="", found_place="", reported_at=None))) == \
        record.REPORT_REQUIRED
    assert _fields(lambda: record.save_report(
        worker, app, None, track="tuna_sosial", source="dukun", found_place="Alun-alun",
        reported_at=local(utcnow() + 2 * H))) == ["Sumber laporan", "Waktu laporan"]
    assert StrandedCase.select().count() == 0
    case = record.save_report(worker, app, None, track="tuna_sosial", source="satpol_pp",
                              found_place="Alun-alun", reported_at=local(utcnow() - 10 * D))
    assert tuple(_fields(lambda: record.record_outreach(
        worker, app, case, outreach_at=None, assessment="", identity=""))) == \
        record.OUTREACH_REQUIRED
    assert tuple(_fields(lambda: record.record_tracing(worker, app, case, tracing=""))) == \
        record.TRACING_REQUIRED
    assert _fields(lambda: record.record_tracing(  # handed over: to whom
        worker, app, case, tracing="", reunified_at=local(utcnow()))) == [
        "Penelusuran keluarga", "Diserahkan kepada"]
    assert tuple(_fields(lambda: record.refer_medical(
        worker, app, case, institution_id=None, mental=False, referred_at=None,
        reason=""))) == record.MEDICAL_REQUIRED
    assert tuple(_fields(lambda: record.check_in(worker, app, case, at=None))) == \
        record.CHECK_IN_REQUIRED
    assert ShelterStay.select().count() == 0
    case = record.read(app)
    assert (case.outreach_at, case.tracing, case.medical_institution_id) == (None, "", None)
    stay = record.check_in(worker, app, case, at=local(utcnow() - 9 * D))
    assert tuple(_fields(lambda: record.check_out(worker, app, stay, at=None))) == \
        record.CHECK_OUT_REQUIRED
    assert _fields(lambda: record.check_out(worker, app, stay, at=None,
                                            emergency_reason="x" * 1001, note="y" * 1001)) \
        == ["Waktu keluar", "Alasan darurat", "Catatan"]
    assert tuple(_fields(lambda: record.record_emergency(worker, app, stay, ""))) == \
        record.EMERGENCY_REQUIRED
    stay = ShelterStay.get_by_id(stay.id)
    assert stay.check_out is None and stay.emergency_reason == ""


def test_an_empty_journey_names_every_required_field_a_child_s_companion_too(office):
    o = office
    app, case = case_of(o, CHILD, person=make_person(nik="3371014107150003", name="Putri",
                                                       sex="P",
                                                       birth_date=datetime.date(2015, 7, 1)))
    assert tuple(_fields(lambda: record.plan_journey(
        o["worker"], app, case, police_reference="", destination="", transport="",
        departure_at=None))) == record.journey_required(app)
    assert "Pendamping" in record.journey_required(app)
    assert _fields(lambda: journey(o, app, case, ticket_cost="sembilan", pocket_money="-",
                                   companion="Budi (petugas Dinsos)",
                                   departure_at=local(utcnow() - 30 * H))) == [
        "Harga tiket", "Uang saku", "Waktu berangkat"]
    assert record.read(app).destination == ""


def test_the_emergency_reason_is_required_past_the_nights_allowed(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 12 * D)
    now = utcnow()
    assert record.check_in_required(app) == record.CHECK_IN_REQUIRED
    stay = record.check_in(o["worker"], app, case, at=local(now - 10 * D))
    asked = record.check_out_required(app, stay, local(now - 9 * D))  # one night
    assert asked == record.CHECK_OUT_REQUIRED
    assert record.check_out_required(app, stay, None) == record.CHECK_OUT_REQUIRED
    asked = record.check_out_required(app, stay, local(now))  # ten nights
    assert asked == record.CHECK_OUT_REQUIRED + record.EMERGENCY_REQUIRED
    with pytest.raises(ValidationError) as refused:  # as the service asks
        record.check_out(o["worker"], app, stay, at=local(now))
    assert refused.value.field == "Alasan darurat"
    record.check_out(o["worker"], app, stay, at=local(now),
                     emergency_reason="Dirawat jalan; keluarga belum menjemput.")
    # Back after ten nights: the eleventh is past the limit from the first.
    assert record.check_in_required(app) == record.CHECK_IN_REQUIRED + record.EMERGENCY_REQUIRED
    with pytest.raises(ValidationError) as refused:
        record.check_in(o["worker"], app, record.read(app), at=local(utcnow()))
    assert refused.value.field == "Alasan darurat"


def test_a_reason_given_at_check_in_stands_for_the_stay_at_check_out(office):
    o = office
    app, case = case_of(o, track="tuna_sosial", reported=utcnow() - 30 * D)
    now = utcnow()
    first = record.check_in(o["worker"], app, case, at=local(now - 25 * D))
    record.check_out(o["worker"], app, first, at=local(now - 15 * D),
                     emergency_reason="Dirawat jalan; keluarga belum menjemput.")
    stay = record.check_in(o["worker"], app, record.read(app), at=local(now - 2 * D),
                           emergency_reason="Menunggu jemputan keluarga dari Sragen.")
    assert record.check_out_required(app, stay, local(now)) == record.CHECK_OUT_REQUIRED
    record.check_out(o["worker"], app, stay, at=local(now))  # as the service accepts
