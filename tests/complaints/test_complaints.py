"""Complaints on every backend: recorded from each channel with the refusals the issue names,
routed, verified, followed up, answered and confirmed on their working-day clocks (holidays
skipped), a confidential complainant read only by the handler and the kepala, a complaint
about a sensitive case seen only by its readers."""
import datetime

import pytest

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.models import AuditEntry, Complaint
from desktop.services.admin import calendar
from desktop.services.admin.calendar import WorkCalendar
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.complaints import clocks, complaints
from desktop.services.shared import permissions, timefmt
from tests.factories import make_office, make_person, make_user

# Monday 16 November 2026; Christmas falls in the resolution clock.
MONDAY = datetime.datetime(2026, 11, 16, 9, 0)
NOW = timefmt.to_utc(MONDAY) + datetime.timedelta(hours=1)


@pytest.fixture
def office(backend_db):
    o = make_office()
    o["piket"] = make_user("piket", role=permissions.DUTY_OFFICER)
    o["clerk2"] = make_user("layanan2", role=permissions.FRONT_OFFICE)
    return o


def complaint(o, **values):
    given = dict(kind="pengaduan", channel="telepon", subject="Petugas tidak ada di loket",
                 category="perilaku", about="umum", received_at=MONDAY, name="Sri Wahyuni",
                 contact="081234567890", now=NOW)
    given.update(values)
    return complaints.record(o["clerk"], **given)


def test_each_refusal_names_its_field_and_saves_nothing(office):
    cases = [(dict(channel=""), "Saluran"), (dict(subject="  "), "Pokok aduan"),
             (dict(channel="lapor"), "Nomor tiket LAPOR!"), (dict(category="x"), "Kategori"),
             (dict(name=""), "Nama pengadu"), (dict(identity="rahasia", name=""),
                                               "Nama pengadu"),
             (dict(about="permohonan", reg_number="00001/REG/2026"), "Nomor registrasi"),
             (dict(about="layanan"), "Layanan"), (dict(about="petugas"),
                                                  "Petugas yang diadukan"),
             (dict(received_at=MONDAY + datetime.timedelta(days=2)), "Diterima"),
             (dict(kind="keluhan"), "Jenis")]
    for values, field in cases:
        with pytest.raises(ValidationError) as refused:
            complaint(office, **values)
        assert refused.value.field == field, values
    assert Complaint.select().count() == 0
    lapor = complaint(office, channel="lapor", lapor_ticket="LPR-4821775")
    assert lapor.lapor_ticket == "LPR-4821775" and lapor.number == "ADU-2026-0001"
    with pytest.raises(PermissionDenied):
        complaints.record(office["admin"], kind="saran", channel="email", subject="x",
                          category="lainnya", name="A")


def test_the_clocks_count_working_days_and_skip_holidays(office):
    c = complaint(office)
    days = WorkCalendar()
    verify, follow, resolve = clocks.clocks_of(c, days)
    assert (verify.due, follow.due) == (datetime.date(2026, 11, 19), datetime.date(2026, 11, 23))
    assert resolve.due is None  # until the file is complete
    calendar.add_holiday(office["admin"], datetime.date(2026, 11, 18), "Cuti bersama")
    days = WorkCalendar()
    verify, follow, _ = clocks.clocks_of(c, days)
    assert (verify.due, follow.due) == (datetime.date(2026, 11, 20), datetime.date(2026, 11, 24))
    assert verify.standing(datetime.date(2026, 11, 20)) == "hari_ini"
    assert verify.standing(datetime.date(2026, 11, 23)) == "terlambat"
    assert "terlambat 1 hari kerja" in clocks.describe(verify, datetime.date(2026, 11, 23), days)
    complaints.route(office["head"], c, "peksos")
    c = complaints.get(office["worker"], c.id)
    c = complaints.verify(office["worker"], c, verified_on=datetime.date(2026, 11, 23),
                          complete=True, today=datetime.date(2026, 11, 23))
    verify, follow, resolve = clocks.clocks_of(c, days)
    assert verify.on_time is False and follow.on_time is None
    # 60 working days from Monday 23 November: past Christmas, New Year and the 2027 holidays.
    assert resolve.due == days.add_working_days(datetime.date(2026, 11, 23), 60)
    assert resolve.due > datetime.date(2026, 11, 23) + datetime.timedelta(days=84)
    assert clocks.running(clocks.clocks_of(c, days)).stage == "tindak_lanjut"


def test_the_whole_way_from_receipt_to_confirmation(office):
    c = complaint(office, identity="rahasia")
    with pytest.raises(PermissionDenied):  # not routed yet
        complaints.verify(office["worker"], c, verified_on=MONDAY.date(), complete=True)
    c = complaints.route(office["head"], complaints.get(office["head"], c.id), "peksos")
    c = complaints.get(office["worker"], c.id)
    with pytest.raises(PermissionDenied):
        complaints.verify(office["clerk2"], complaints.get(office["clerk2"], c.id),
                          verified_on=MONDAY.date(), complete=True)
    with pytest.raises(ValidationError) as refused:  # incomplete: say what is missing
        complaints.verify(office["worker"], c, verified_on=MONDAY.date(), complete=False)
    assert refused.value.field == "Catatan verifikasi"
    c = complaints.verify(office["worker"], c, verified_on=MONDAY.date(), complete=False,
                          note="Minta nama loket dan jamnya")
    assert c.state == "diverifikasi" and c.file_complete_on is None
    c = complaints.follow_up(office["worker"], c, followed_up_on=MONDAY.date(),
                             text="Jadwal piket loket diperiksa")
    with pytest.raises(ValidationError) as refused:
        complaints.resolve(office["worker"], c, resolved_on=MONDAY.date(), reply_kind="telepon",
                           reply="Sudah diperbaiki", outcome="terbukti")
    assert refused.value.field == "Berkas lengkap"
    c = complaints.complete_file(office["worker"], c, completed_on=MONDAY.date())
    with pytest.raises(ValidationError) as refused:
        complaints.resolve(office["worker"], c, resolved_on=MONDAY.date(), reply_kind="surat",
                           reply="Terima kasih", outcome="terbukti")
    assert refused.value.field == "Nomor surat jawaban"
    c = complaints.resolve(office["worker"], c, resolved_on=MONDAY.date(),
                           reply_kind="telepon", reply="Loket kini dijaga bergantian",
                           outcome="terbukti")
    assert c.state == "selesai"
    c = complaints.confirm(office["worker"], c, confirmed_on=MONDAY.date(),
                           confirmation="tidak_puas")
    assert c.state == "ditindaklanjuti" and c.resolved_on is None  # followed up again
    c = complaints.resolve(office["worker"], c, resolved_on=MONDAY.date(), reply_kind="langsung",
                           reply="Kepala bidang menemui pengadu", outcome="terbukti")
    c = complaints.confirm(office["worker"], c, confirmed_on=MONDAY.date(), confirmation="puas")
    assert c.state == "ditutup" and clocks.running(clocks.clocks_of(c, WorkCalendar())) is None


def test_suggestions_need_no_clock_and_anonymous_complaints_no_confirmation(office):
    s = complaint(office, kind="saran", channel="kotak_saran", category="sarana",
                  subject="Tambah kursi ruang tunggu", identity="anonim", name="ignored")
    assert s.complainant_name == "" and complaints.complainant_label(s) == "Anonim"
    assert clocks.clocks_of(s, WorkCalendar()) == []
    with pytest.raises(ValidationError):
        complaints.verify(office["head"], s, verified_on=MONDAY.date(), complete=True)
    with pytest.raises(ValidationError) as refused:  # nobody to phone
        complaints.resolve(office["head"], s, resolved_on=MONDAY.date(), reply_kind="telepon",
                           reply="x", outcome="ditampung")
    assert refused.value.field == "Cara menjawab"
    s = complaints.resolve(office["head"], s, resolved_on=MONDAY.date(),
                           reply_kind="pengumuman", reply="Kursi ditambah 10",
                           outcome="dilaksanakan")
    assert s.state == "ditutup" and s.handler == "kabid"


def test_a_confidential_complainant_is_hidden_from_every_other_role(office):
    c = complaint(office, identity="rahasia", name="Siti Rahasia", contact="0811111111",
                  address="Jl. Pahlawan 3")
    complaints.route(office["head"], complaints.get(office["head"], c.id), "peksos")
    for reader in (office["head"], office["worker"]):
        seen = complaints.get(reader, c.id)
        assert seen.complainant_name == "Siti Rahasia" and seen.complainant_contact
        assert complaints.listing(reader, text="Siti Rahasia")[0].id == c.id
    for other in (office["clerk"], office["clerk2"], office["piket"], office["admin"]):
        seen = complaints.get(other, c.id)
        assert (seen.complainant_name, seen.complainant_contact,
                seen.complainant_address) == ("", "", "")
        assert complaints.complainant_label(seen) == "Dirahasiakan"
        assert all(row.complainant_name == "" for row in complaints.listing(other))
        assert complaints.listing(other, text="Siti") == []  # nor found by name
        assert complaints.listing(other, text=c.number)[0].id == c.id
    # Nor in the audit trail, which administrators read.
    trail = " ".join(str(e.new_values) + str(e.old_values) for e in AuditEntry.select()
                     .where(AuditEntry.table_name == "complaint"))
    assert "Siti Rahasia" not in trail and "0811111111" not in trail
    # Masking never writes: the stored row keeps the name.
    complaints.get(office["clerk"], c.id)
    assert Complaint.get_by_id(c.id).complainant_name == "Siti Rahasia"


def test_a_complaint_about_a_case_shows_on_it_and_follows_its_readers(office):
    child = make_person(nik="3371014107150003", name="Putri Anjani", sex="P",
                        birth_date=datetime.date(2015, 7, 1))
    case = workflow.register(office["clerk"], service_catalog.get("mgt-26-rekomendasi-anjal-at"),
                             person=child)
    open_case = workflow.register(office["clerk"], service_catalog.get("dpk-slrt"),
                                  person=office["person"])
    about_child = complaint(office, about="permohonan", reg_number=case.reg_number,
                            subject="Rujukan belum ada kabar")
    about_aid = complaint(office, about="permohonan", reg_number=open_case.reg_number)
    assert about_child.service_id == case.service_id
    assert [c.id for c in complaints.for_application(office["worker"], case)] == [about_child.id]
    with pytest.raises(ValidationError):  # the outsider cannot name the hidden case
        complaints.record(office["clerk2"], kind="pengaduan", channel="telepon", subject="x",
                          category="waktu", about="permohonan", reg_number=case.reg_number,
                          name="A", now=NOW)
    seen = {c.id for c in complaints.listing(office["clerk2"])}
    assert seen == {about_aid.id}
    with pytest.raises(NotFound):
        complaints.get(office["clerk2"], about_child.id)
    assert {c.id for c in complaints.listing(office["worker"])} == {about_child.id, about_aid.id}
    complaints.route(office["head"], complaints.get(office["head"], about_child.id), "layanan2")
    assert about_child.id in {c.id for c in complaints.listing(office["clerk2"])}


def test_the_search_matches_the_typed_wildcards_as_themselves(office):
    half = complaint(office, subject="Bantuan hanya cair 50% dari janji")
    other = complaint(office, subject="Bantuan cair 50 ribu saja")
    under = complaint(office, subject="Kode berkas A_1 hilang")
    clerk = office["clerk"]
    assert [c.id for c in complaints.listing(clerk, text="50%")] == [half.id]
    assert [c.id for c in complaints.listing(clerk, text="A_1")] == [under.id]
    assert [c.id for c in complaints.listing(clerk, text="_")] == [under.id]
    assert {c.id for c in complaints.listing(clerk, text="BANTUAN CAIR")} == {other.id}
    assert complaints.listing(clerk, text="!") == []


@pytest.mark.parametrize("choices", [
    dict(channel="lapor"), dict(about="permohonan"), dict(about="layanan"),
    dict(about="petugas"), dict(identity="anonim"), dict(channel="lapor", identity="rahasia")])
def test_required_fields_names_what_record_refuses_empty(office, choices):
    from desktop.errors import ValidationErrors

    asked = complaints.required_fields(**choices)
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        complaints.record(office["clerk"], kind="pengaduan", category="perilaku", subject="",
                          received_at=MONDAY, now=NOW, **{"channel": "telepon", **choices})
    errors = getattr(caught.value, "errors", [caught.value])
    assert [e.field for e in errors] == [f for f in asked if f != "Saluran"]
    assert ("Nama pengadu" in asked) is (choices.get("identity") != "anonim")
