"""Rehabilitation referrals on every backend: the assessment, an institution that takes the
group (and only such), the trip of a Pendampingan, the answer and the outcome in their order,
each refusal naming its field with nothing saved; the reminder when no answer comes; the
letter addressed to the institution by its own name and kind; a sensitive case."""
import datetime

import pytest

from desktop.cases.rujukan import KIND, record, reminders
from desktop.cases.rujukan.model import ReferralCase
from desktop.errors import ValidationError
from desktop.models import Institution
from desktop.services.applications import assignment, case_access, workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle, render
from desktop.services.referrals import institutions
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow

from tests.factories import make_person, make_user
from tests.letters.test_letters_lifecycle import docx_text

ACCOMPANIED = "mgt-18-pendampingan-odgj"
RECOMMENDED = "mgt-23-rekomendasi-odgj"
RSJ = "Rumah Sakit Jiwa Prof. dr. Soerojo Magelang"


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    institutions.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
         "other": make_user("peksos2", role=permissions.SOCIAL_WORKER),
         "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")}
    o["person"] = make_person(name="Sumarni")
    o["rsj"] = Institution.get(Institution.name == RSJ)
    o["brskw"] = Institution.get(Institution.name.contains("BRSKW"))
    return o


def referral(o, service=ACCOMPANIED):
    app = workflow.register(o["clerk"], service_catalog.get(service), person=o["person"])
    return assignment.assign(o["head"], app, "peksos")


def assessed(o, app, **changes):
    values = dict(group="odgj", findings="Sering mengamuk, pernah dipasung.",
                  needs="Perawatan kejiwaan.", guardian="Slamet (kakak), 081227001234",
                  assessed_on=timefmt.to_local(app.received_at).date())
    values.update(changes)
    return record.save_assessment(o["worker"], app, None, **values)


def days_ago(n):
    return timefmt.to_local(utcnow()).date() - datetime.timedelta(days=n)


def test_every_referral_service_is_the_kind_and_a_sensitive_case(office):
    for code in ("mgt-16-pengiriman-anjal-at-balai", ACCOMPANIED, RECOMMENDED,
                 "mgt-20-pendampingan-tuna-susila-brskw",
                 "mgt-25-rekomendasi-tuna-susila-brskw"):
        service = service_catalog.get(code)
        assert registry.kind_of(service) is KIND and service.sensitive
    app = referral(office, "mgt-25-rekomendasi-tuna-susila-brskw")
    stranger = make_user("layanan2", role=permissions.FRONT_OFFICE)
    assert not case_access.can_read(stranger, app)
    assert case_access.can_read(office["worker"], app)


def test_the_group_decides_which_institutions_are_offered(office):
    o = office
    app = referral(o)
    case = assessed(o, app)
    with pytest.raises(ValidationError) as refused:
        record.choose_institution(o["worker"], app, case, o["brskw"].id)
    assert refused.value.field == "Lembaga rujukan" and RSJ in refused.value.message
    assert ReferralCase.get_by_id(case.id).institution_id is None  # nothing saved
    case = record.choose_institution(o["worker"], app, case, o["rsj"].id)
    assert record.state_text(case) == "lembaga dipilih, belum dikirim"
    with pytest.raises(ValidationError) as refused:  # a group the chosen one does not take
        record.save_assessment(o["worker"], app, record.read(app), group="tuna_susila",
                               findings="Lain.", assessed_on=case.assessed_on)
    assert refused.value.field == "Kelompok sasaran"


def test_a_pendampingan_names_who_went_and_how(office):
    o = office
    app = referral(o)
    case = record.choose_institution(o["worker"], app, assessed(o, app), o["rsj"].id)
    for changes, field in (({"companions": ""}, "Pendamping"), ({"transport": ""},
                                                               "Transportasi")):
        values = dict(sent_on=days_ago(0), companions="Yusuf (peksos)", transport="Mobil dinas")
        values.update(changes)
        with pytest.raises(ValidationError) as refused:
            record.record_sending(o["worker"], app, case, **values)
        assert refused.value.field == field
    assert ReferralCase.get_by_id(case.id).sent_on is None
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0),
                                 companions="Yusuf (peksos)", transport="Mobil dinas")
    assert record.state_text(case) == "menunggu jawaban lembaga"


def test_a_recommendation_is_sent_without_a_trip(office):
    o = office
    app = referral(o, RECOMMENDED)
    case = record.choose_institution(o["worker"], app, assessed(o, app), o["rsj"].id)
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0))
    assert case.sent_on == days_ago(0) and case.companions == ""


def test_the_answer_and_the_outcome_come_in_their_order(office):
    o = office
    app = referral(o, RECOMMENDED)
    case = record.choose_institution(o["worker"], app, assessed(o, app), o["rsj"].id)
    with pytest.raises(ValidationError) as refused:  # not sent yet
        record.record_answer(o["worker"], app, case, answer="diterima", answer_on=days_ago(0))
    assert refused.value.field == "Jawaban lembaga"
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0))
    with pytest.raises(ValidationError) as refused:  # before it was sent
        record.record_answer(o["worker"], app, case, answer="diterima", answer_on=days_ago(1))
    assert refused.value.field == "Tanggal jawaban"
    with pytest.raises(ValidationError) as refused:  # a refusal says why
        record.record_answer(o["worker"], app, case, answer="ditolak", answer_on=days_ago(0))
    assert refused.value.field == "Keterangan jawaban"
    with pytest.raises(ValidationError) as refused:  # in care only once accepted
        record.record_outcome(o["worker"], app, case, outcome="dirawat", outcome_on=days_ago(0))
    assert refused.value.field == "Hasil akhir"
    assert ReferralCase.get_by_id(case.id).answer == ""
    case = record.record_answer(o["worker"], app, case, answer="ditolak", answer_on=days_ago(0),
                                note="Kapasitas penuh.")
    # Refused: the worker chooses another that takes the group, and starts again.
    other = institutions.save(make_user("admin", role=permissions.ADMIN),
                              name="Balai Rehabilitasi Sosial Bina Laras", kind="balai",
                              groups=["odgj"])
    case = record.choose_institution(o["worker"], app, case, other.id)
    assert case.sent_on is None and case.answer == ""
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0))
    case = record.record_answer(o["worker"], app, case, answer="diterima",
                                answer_on=days_ago(0))
    with pytest.raises(ValidationError) as refused:  # accepted: moving is an outcome
        record.choose_institution(o["worker"], app, case, o["rsj"].id)
    assert refused.value.field == "Lembaga rujukan"
    record.add_visit(o["worker"], app, case, visited_on=days_ago(0), note="Mulai beradaptasi.")
    assert record.in_care_counts(o["worker"]) == {other.id: 1}
    assert record.in_care_counts(make_user("layanan2", role=permissions.FRONT_OFFICE)) == {}
    with pytest.raises(ValidationError) as refused:
        record.record_outcome(o["worker"], app, case, outcome="pindah", outcome_on=days_ago(0))
    assert refused.value.field == "Keterangan hasil"
    case = record.record_outcome(o["worker"], app, case, outcome="keluarga",
                                 outcome_on=days_ago(0))
    assert record.in_care_counts(o["worker"]) == {}
    assert len(record.visits_of(app.id)) == 1


def test_a_waiting_list_may_be_left_for_another_institution_but_not_an_outcome(office):
    o = office
    app = referral(o, RECOMMENDED)
    case = record.choose_institution(o["worker"], app, assessed(o, app), o["rsj"].id)
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0))
    case = record.record_answer(o["worker"], app, case, answer="antre", answer_on=days_ago(0),
                                note="Urutan ke-9.")
    other = institutions.save(make_user("admin", role=permissions.ADMIN),
                              name="Balai Rehabilitasi Sosial Bina Laras", kind="balai",
                              groups=["odgj"])
    case = record.choose_institution(o["worker"], app, case, other.id)
    assert case.answer == "" and case.sent_on is None
    case = record.record_sending(o["worker"], app, case, sent_on=days_ago(0))
    case = record.record_outcome(o["worker"], app, case, outcome="keluarga",
                                 outcome_on=days_ago(0))
    with pytest.raises(ValidationError) as refused:
        record.choose_institution(o["worker"], app, case, o["rsj"].id)
    assert refused.value.field == "Lembaga rujukan" and "hasil akhir" in refused.value.message


def test_no_answer_after_the_set_days_is_a_task_for_the_assigned_worker(office):
    o = office
    app = referral(o, RECOMMENDED)
    case = record.choose_institution(o["worker"], app, assessed(o, app), o["rsj"].id)
    today = timefmt.to_local(utcnow()).date()
    case = record.record_sending(o["worker"], app, case, sent_on=today, today=today)
    assert reminders.due(o["worker"], today + datetime.timedelta(days=13)) == []
    found = reminders.due(o["worker"], today + datetime.timedelta(days=14))
    assert len(found) == 1 and found[0].application_id == app.id and found[0].urgent
    assert RSJ in found[0].text and "14 hari" in found[0].text
    assert reminders.due(o["other"], today + datetime.timedelta(days=20)) == []
    record.record_answer(o["worker"], app, case, answer="antre", answer_on=today, today=today)
    assert reminders.due(o["worker"], today + datetime.timedelta(days=20)) == []


def test_the_letter_is_addressed_to_the_institution_by_its_own_name_and_kind(office):
    o = office
    app = referral(o)
    case = assessed(o, app)
    with pytest.raises(ValidationError) as refused:
        lifecycle.draft(o["worker"], app, signer=o["head"])
    assert "lembaga tujuan belum dipilih" in refused.value.message
    record.choose_institution(o["worker"], app, case, o["rsj"].id,
                              companions="Yusuf Hidayat (pekerja sosial)",
                              transport="Mobil dinas")
    letter = lifecycle.draft(o["worker"], app, signer=o["head"])
    assert letter.classification == "400.9.3"  # ODGJ: rehabilitation (a setting)
    values = context.build(letter, application=app)
    assert values["addressee"] == f"Direktur {RSJ}"
    assert values["addressee_place"] == "Magelang"
    assert values["referral_service"] == "pemeriksaan dan perawatan"
    assert values["target_group"] == "penyandang disabilitas mental (ODGJ)"
    assert values["companion_name"] == "Yusuf Hidayat (pekerja sosial)"
    text = docx_text(render.render_letter(letter.template_key, values))
    assert f"memperoleh pemeriksaan dan perawatan di {RSJ}, Jl. Ahmad Yani No. 169" in text
    assert "Balai" not in text
    lifecycle.submit(o["worker"], letter)
    with pytest.raises(ValidationError) as refused:  # what the letter states stays
        record.choose_institution(o["worker"], app, record.read(app),
                                  institutions.save(make_user("admin", role=permissions.ADMIN),
                                                    name="Balai Bina Laras", kind="balai",
                                                    groups=["odgj"]).id)
    assert "menunggu paraf" in refused.value.message
    with pytest.raises(ValidationError) as refused:  # nor who takes the person there
        record.choose_institution(o["worker"], app, record.read(app), o["rsj"].id,
                                  companions="Orang lain", transport="Mobil dinas")
    assert "menunggu paraf" in refused.value.message


def test_only_social_workers_record_and_only_on_open_cases(office):
    o = office
    app = referral(o)
    from desktop.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        record.save_assessment(
            o["clerk"], app, None, group="odgj", findings="x", assessed_on=days_ago(0))
    with pytest.raises(ValidationError) as refused:
        assessed(o, app, assessed_on=days_ago(-1))
    assert refused.value.field == "Tanggal asesmen"
    with pytest.raises(ValidationError) as refused:
        assessed(o, app, findings=" ")
    assert refused.value.field == "Hasil asesmen"


def test_a_referral_is_filed_under_its_group_s_archive_code():
    from types import SimpleNamespace

    from desktop.cases.rujukan import letters

    def code(service):
        return letters.classification(SimpleNamespace(service=SimpleNamespace(code=service)),
                                      record.TEMPLATE)

    assert code("mgt-24-rekomendasi-lansia-bpstw") == "400.9.6"  # the elderly
    assert code("mgt-26-rekomendasi-anjal-at") == "400.9.2"  # children
    assert code("mgt-25-rekomendasi-tuna-susila-brskw") == "400.9.4"  # tuna sosial
    assert code("mgt-22-rekomendasi-disabilitas-brspd") is None  # the template's: 400.9.3


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_each_empty_form_names_every_required_field_and_saves_nothing(office):
    o, worker = office, office["worker"]
    app = referral(o)
    assert tuple(_fields(lambda: record.save_assessment(
        worker, app, None, group="", findings="", assessed_on=None))) == \
        record.ASSESSMENT_REQUIRED
    assert _fields(lambda: record.save_assessment(
        worker, app, None, group="odgj", findings=" ", guardian="x" * 201,
        assessed_on=days_ago(-1))) == ["Tanggal asesmen", "Hasil asesmen", "Keluarga/wali"]
    assert ReferralCase.select().count() == 0
    case = assessed(o, app)
    with pytest.raises(ValidationError) as refused:  # one field: the one error as it was
        record.choose_institution(worker, app, case, None)
    assert (refused.value.field,) == record.INSTITUTION_REQUIRED
    case = record.choose_institution(worker, app, case, o["rsj"].id)
    assert tuple(_fields(lambda: record.record_sending(worker, app, case, sent_on=None))) == \
        record.sending_required(app) == ("Tanggal diantar", "Pendamping", "Transportasi")
    assert ReferralCase.get_by_id(case.id).sent_on is None
    case = record.record_sending(worker, app, case, sent_on=days_ago(0),
                                 companions="Yusuf (peksos)", transport="Mobil dinas")
    assert tuple(_fields(lambda: record.record_answer(
        worker, app, case, answer="", answer_on=None))) == record.ANSWER_REQUIRED
    assert _fields(lambda: record.record_answer(
        worker, app, case, answer="ditolak", answer_on=days_ago(-1))) == [
        "Tanggal jawaban", "Keterangan jawaban"]
    assert tuple(_fields(lambda: record.add_visit(
        worker, app, case, visited_on=None, note=""))) == record.VISIT_REQUIRED
    assert tuple(_fields(lambda: record.record_outcome(
        worker, app, case, outcome="", outcome_on=None))) == record.OUTCOME_REQUIRED
    assert _fields(lambda: record.record_outcome(  # not accepted yet, and a day too early
        worker, app, case, outcome="pindah", outcome_on=days_ago(1))) == [
        "Hasil akhir", "Tanggal hasil", "Keterangan hasil"]
    case = ReferralCase.get_by_id(case.id)
    assert (case.answer, case.outcome) == ("", "") and record.visits_of(app.id) == []


def test_a_refusal_s_reason_and_a_transfer_s_institution_are_required(office):
    assert record.answer_required("diterima") == record.ANSWER_REQUIRED
    assert record.answer_required("ditolak") == record.ANSWER_REQUIRED + ("Keterangan jawaban",)
    assert record.outcome_required("keluarga") == record.OUTCOME_REQUIRED
    assert record.outcome_required("pindah") == record.OUTCOME_REQUIRED + ("Keterangan hasil",)
    o, worker = office, office["worker"]
    app = referral(o)
    case = record.choose_institution(worker, app, assessed(o, app), o["rsj"].id)
    case = record.record_sending(worker, app, case, sent_on=days_ago(0),
                                 companions="Yusuf (peksos)", transport="Mobil dinas")
    for answer in record.ANSWERS:  # what each answer asks is refused when left empty
        with pytest.raises(ValidationError) as caught:
            record.record_answer(worker, app, case, answer=answer, answer_on=None)
        refused = tuple(e.field for e in getattr(caught.value, "errors", [caught.value]))
        assert refused == record.answer_required(answer)[1:], answer  # the answer is given
