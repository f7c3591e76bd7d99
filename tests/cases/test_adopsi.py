"""Adoption on every backend: the child and the COTA recorded as people, every rule of PP
54/2007 at its boundaries (the day before, of and after each birthday and anniversary), the
stages and their refusals, an override, and the recommendation from the record."""
import datetime

import pytest

from desktop.cases.adopsi import KIND, record, rules
from desktop.cases.adopsi.model import AdoptionCase, AdoptionEvent
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import Person
from desktop.services.applications import assignment, workflow
from desktop.services.cases import guards, registry
from desktop.services.cases.kind import Verdict
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue, context, lifecycle
from desktop.services.shared import permissions

from tests.factories import make_user

SERVICE = "mgl-pengangkatan-anak"
TODAY = rules.today()  # the office's day (WIB), not the machine's
# NIKs of Kota Magelang (3371): a husband born 15 July 1984, a wife born 4 September 1986.
HUSBAND = {"nik": "3371021507840001", "name": "Agus Setiawan", "birth_place": "Magelang",
           "religion": "Islam"}
WIFE = {"nik": "3371024409860003", "name": "Dewi Lestari", "birth_place": "Temanggung",
        "religion": "Islam"}
HUSBAND_BORN, WIFE_BORN = datetime.date(1984, 7, 15), datetime.date(1986, 9, 4)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
            "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")}


def application(office, received=None):
    from tests.factories import make_person

    applicant = make_person(nik="3371021507840001", name="Agus Setiawan",
                            birth_date=HUSBAND_BORN)
    app = workflow.register(office["clerk"], service_catalog.get(SERVICE), person=applicant,
                            received_at=received)
    return assignment.assign(office["head"], app, "peksos")


def child(**changes):
    values = {"name": "Muhammad Rizki", "nik": "", "birth_place": "Magelang",
              "birth_date": TODAY - datetime.timedelta(days=700), "sex": "L",
              "religion": "Islam"}
    values.update(changes)
    return values


def facts(**changes):
    values = dict(child_status="terlantar", child_lives="lksa",
                  child_place="LKSA Darul Hadlonah", child_guardian="Pengurus LKSA",
                  husband_occupation="Pegawai Swasta", wife_occupation="Guru",
                  husband_income="6.500.000", wife_income="", husband_healthy="ya",
                  wife_healthy="ya", husband_clean="ya", wife_clean="ya",
                  marriage_date=datetime.date(2012, 6, 9), marriage_number="123/45/VI/2012",
                  children_count=0, previous_adoptions=[], able="ya", able_note="Mampu.",
                  child_consent="belum_mampu", guardian_permission="ya", statement="ya")
    values.update(changes)
    return values


def save(office, app, existing=None, husband=HUSBAND, wife=WIFE, route="pasangan_wni",
         kid=None, **changes):
    return record.save(office["worker"], app, existing, route=route, child=kid or child(),
                       husband=husband, wife=wife, facts=facts(**changes))


def outcomes(case, day, events=()):
    case = AdoptionCase.get_by_id(case.id)
    return rules.evaluate(case, list(events), day)


def test_the_shipped_services_carry_the_kind_and_are_read_by_the_kepala_only(office):
    service = service_catalog.get(SERVICE)
    assert registry.kind_of(service) is KIND
    assert service.sensitive and service.readers == ",kepala,"
    assert registry.kind_of(service_catalog.get("mgt-27-rekomendasi-pengangkatan-anak")) is KIND


def test_the_case_records_the_people_once_and_reuses_a_known_nik(office):
    app = application(office)
    case = save(office, app)
    assert case.husband_id == app.person_id  # the applicant's own record
    wife = Person.get_by_id(case.wife_id)
    assert (wife.birth_date, wife.sex, wife.religion) == (WIFE_BORN, "P", "Islam")
    kid = Person.get_by_id(case.child_id)
    assert kid.nik is None and "LKSA Darul Hadlonah" in kid.identity_note
    save(office, app, AdoptionCase.get_by_id(case.id), kid=child(name="M. Rizki"))
    assert Person.select().count() == 3 and Person.get_by_id(case.child_id).name == "M. Rizki"


def test_every_rule_is_met_for_a_couple_that_meets_them(office):
    app = application(office)
    case = save(office, app)
    day = datetime.date(2026, 12, 1)
    events = [AdoptionEvent(stage="izin_pengasuhan", on_date=datetime.date(2026, 5, 1)),
              AdoptionEvent(stage="laporan_sosial", reference="400.9.2/45",
                            on_date=datetime.date(2026, 4, 1))]
    result = outcomes(case, day, events)
    assert {code: o.verdict for code, o in result.items()
            if o.verdict is not Verdict.MET} == {}, result


@pytest.mark.parametrize("day, verdict", [
    (datetime.date(2014, 7, 14), Verdict.NOT_MET),  # 29 the day before his 30th birthday
    (datetime.date(2014, 7, 15), Verdict.MET),      # 30 on the day
    (datetime.date(2040, 7, 14), Verdict.MET),      # 55 the day before his 56th
    (datetime.date(2040, 7, 15), Verdict.NOT_MET),  # 56 on the day
])
def test_the_age_rule_at_the_birthdays(office, day, verdict):
    app = application(office)
    case = save(office, app, wife=None, route="orang_tua_tunggal", marriage_date=None)
    assert outcomes(case, day)["age"].verdict is verdict


@pytest.mark.parametrize("offset, verdict", [(-1, Verdict.NOT_MET), (0, Verdict.MET),
                                             (1, Verdict.MET)])
def test_married_five_years_at_the_anniversary(office, offset, verdict):
    app = application(office)
    married = datetime.date(2016, 2, 29)
    case = save(office, app, marriage_date=married)
    fifth = datetime.date(2021, 3, 1)  # a 29 February wedding's anniversary in 2021
    assert outcomes(case, fifth + datetime.timedelta(days=offset))["married"].verdict is verdict


@pytest.mark.parametrize("offset, verdict", [(-1, Verdict.MET), (0, Verdict.NOT_MET)])
def test_the_child_under_eighteen_at_the_birthday(office, offset, verdict):
    app = application(office)
    born = TODAY - datetime.timedelta(days=700)
    case = save(office, app, kid=child(birth_date=born))
    eighteenth = born.replace(year=born.year + 18) if (born.month, born.day) != (2, 29) \
        else datetime.date(born.year + 18, 3, 1)
    result = outcomes(case, eighteenth + datetime.timedelta(days=offset))
    assert result["child_age"].verdict is verdict


@pytest.mark.parametrize("start, day, verdict", [
    (datetime.date(2026, 5, 1), datetime.date(2026, 10, 31), Verdict.NOT_MET),
    (datetime.date(2026, 5, 1), datetime.date(2026, 11, 1), Verdict.MET),
    (datetime.date(2026, 8, 31), datetime.date(2027, 2, 27), Verdict.NOT_MET),
    (datetime.date(2026, 8, 31), datetime.date(2027, 2, 28), Verdict.MET),  # month's last day
])
def test_six_months_of_care_from_the_permit(office, start, day, verdict):
    app = application(office)
    case = save(office, app)
    events = [AdoptionEvent(stage="izin_pengasuhan", on_date=start)]
    assert outcomes(case, day, events)["care"].verdict is verdict
    assert outcomes(case, day)["care"].verdict is Verdict.UNKNOWN


def test_rules_each_couple_misses(office):
    app = application(office)
    day = datetime.date(2026, 12, 1)
    case = save(office, app, children_count=2, husband_healthy="", able="tidak",
                guardian_permission="tidak",
                previous_adoptions=[datetime.date(2025, 6, 1)])
    result = outcomes(case, day)
    assert result["children"].verdict is Verdict.NOT_MET
    assert result["health"].verdict is Verdict.UNKNOWN and "suami" in result["health"].reason
    assert result["able"].verdict is Verdict.NOT_MET
    assert result["consent"].verdict is Verdict.NOT_MET
    assert result["adoptions"].verdict is Verdict.NOT_MET  # less than two years ago
    assert result["report"].verdict is Verdict.UNKNOWN
    assert outcomes(case, datetime.date(2027, 6, 1))["adoptions"].verdict is Verdict.MET
    # a child with a disability: neither the count nor the gap applies
    case = save(office, app, AdoptionCase.get_by_id(case.id), child_disability=True,
                previous_adoptions=[datetime.date(2020, 1, 1), datetime.date(2025, 6, 1)])
    assert outcomes(case, day)["adoptions"].verdict is Verdict.MET


def test_religion_and_same_sex_come_from_the_people(office):
    app = application(office)
    case = save(office, app, wife={**WIFE, "religion": "Katolik"})
    result = outcomes(case, datetime.date(2026, 12, 1))
    assert result["religion"].verdict is Verdict.NOT_MET and "Katolik" in result["religion"].reason
    # a "wife" whose NIK says male
    male = {"nik": "3371020101800002", "name": "Bambang", "religion": "Islam"}
    case = save(office, app, AdoptionCase.get_by_id(case.id), wife=male)
    assert outcomes(case, datetime.date(2026, 12, 1))["not_same_sex"].verdict is Verdict.NOT_MET


def test_single_parents_go_to_the_national_team(office):
    app = application(office)
    case = save(office, app, wife=None, route="orang_tua_tunggal", marriage_date=None)
    result = outcomes(case, datetime.date(2026, 12, 1))
    assert result["route"].verdict is Verdict.NOT_MET and "Tim PIPA Pusat" in result["route"].reason


@pytest.mark.parametrize("changes, field", [
    ({"kid": {"birth_date": TODAY.replace(year=TODAY.year - 18) - datetime.timedelta(days=1)}},
     "Tanggal lahir anak"),
    ({"husband": {**HUSBAND, "nik": "3371020101150003"}}, "NIK Suami"),  # born 2015: a child
    ({"husband": {**HUSBAND, "name": "Budi Santoso"}}, "Nama Suami"),  # the NIK is Agus's
    ({"marriage_date": datetime.date(1984, 7, 15)}, "Tanggal perkawinan"),  # his birthday
    ({"marriage_date": TODAY + datetime.timedelta(days=1)}, "Tanggal perkawinan"),
    ({"wife": None}, "NIK Istri"),
    ({"child_lives": "lksa", "child_place": ""}, "Nama LKSA/rumah sakit"),
    ({"husband_income": "enam juta"}, "Penghasilan suami"),
])
def test_bad_input_is_refused_and_nothing_is_saved(office, changes, field):
    app = application(office)
    people_before = Person.select().count()
    changes = dict(changes)  # the parameter is shared by the three backends' runs
    kid = child(**changes.pop("kid", {}))
    with pytest.raises(ValidationError) as caught:
        save(office, app, kid=kid, **changes)
    assert caught.value.field == field, caught.value
    assert AdoptionCase.select().count() == 0 and Person.select().count() == people_before


def test_stages_are_dated_and_checked(office):
    received = datetime.datetime(2026, 3, 2, 2, 0)  # 09.00 WIB
    app = application(office, received)
    case = save(office, app)
    with pytest.raises(ValidationError) as caught:
        record.add_event(office["worker"], app, case, stage="izin_pengasuhan",
                         on_date=datetime.date(2026, 3, 1), reference="463/1")
    assert caught.value.field == "Tanggal" and "Izin pengasuhan" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        record.add_event(office["worker"], app, case, stage="putusan",
                         on_date=datetime.date(2026, 3, 5), court="Pengadilan Agama Magelang")
    assert caught.value.field == "Nomor putusan"
    with pytest.raises(ValidationError):
        record.add_event(office["worker"], app, case, stage="kunjungan_rumah",
                         on_date=TODAY + datetime.timedelta(days=1), people_text="Peksos",
                         note="Rumah layak")
    record.add_event(office["worker"], app, case, stage="izin_pengasuhan",
                     on_date=datetime.date(2026, 3, 2), reference="463/1")
    with pytest.raises(ValidationError) as caught:  # once only
        record.add_event(office["worker"], app, case, stage="izin_pengasuhan",
                         on_date=datetime.date(2026, 3, 3), reference="463/2")
    assert "sudah tercatat" in caught.value.message
    assert [e.stage for e in record.events_of(app.id)] == ["izin_pengasuhan"]


def ready(office, app, existing=None):
    """Received 300 days ago, cared for under the province's permit for 200 days."""
    from desktop.models import Application
    from desktop.services.shared.timefmt import utcnow

    Application.update(received_at=utcnow() - datetime.timedelta(days=300)).where(
        Application.id == app.id).execute()
    app.received_at = utcnow() - datetime.timedelta(days=300)
    case = save(office, app, existing)
    AdoptionEvent.insert(application=app.id, stage="izin_pengasuhan",
                         on_date=TODAY - datetime.timedelta(days=200), reference="463/1",
                         created_at=app.received_at, updated_at=app.received_at,
                         created_by="peksos", updated_by="peksos").execute()
    AdoptionEvent.insert(application=app.id, stage="laporan_sosial",
                         on_date=TODAY - datetime.timedelta(days=190), reference="400.9.2/45",
                         created_at=app.received_at, updated_at=app.received_at,
                         created_by="peksos", updated_by="peksos").execute()
    return case


def test_the_recommendation_waits_for_every_rule_then_comes_from_the_record(office):
    app = application(office)
    case = save(office, app, children_count=None)
    with pytest.raises(ValidationError) as caught:
        lifecycle.draft(office["worker"], app, signer=office["head"],
                        template_key=record.TEMPLATE)
    assert "Tidak/belum mempunyai anak" in caught.value.message
    ready(office, app, AdoptionCase.get_by_id(case.id))
    letter = lifecycle.draft(office["worker"], app, signer=office["head"],
                             template_key=record.TEMPLATE)
    values = context.build(letter, application=app)
    assert values["father_name"] == "Agus Setiawan" and values["mother_nik"] == WIFE["nik"]
    assert values["nature"] == "Rahasia" and values["tembusan"] == []
    assert values["social_report_reference"].startswith("Nomor 400.9.2/45 tanggal")
    assert "LKSA Darul Hadlonah" in values["child_origin"]
    assert catalogue.classification_of(record.TEMPLATE) == "400.9.2"  # a setting


def test_a_kepala_overrides_one_rule_with_a_reason(office):
    app = application(office)
    save(office, app, able="")
    case = registry.case_file(app)
    failing = [s.key for s in guards.standings(case) if not s.passes]
    assert "adopsi.able" in failing
    with pytest.raises(PermissionDenied):
        guards.override(office["worker"], app, "adopsi.able", "Dinilai oleh tim provinsi.")
    guards.override(office["head"], app, "adopsi.able", "Dinilai mampu oleh tim provinsi.")
    passing = {s.key for s in guards.standings(registry.case_file(app)) if s.passes}
    assert "adopsi.able" in passing


@pytest.mark.parametrize("count, verdict", [(0, Verdict.MET), (1, Verdict.MET),
                                            (2, Verdict.NOT_MET)])
def test_no_child_or_only_one(office, count, verdict):
    case = save(office, application(office), children_count=count)
    assert outcomes(case, datetime.date(2026, 12, 1))["children"].verdict is verdict


@pytest.mark.parametrize("day, verdict", [
    (datetime.date(2026, 2, 28), Verdict.NOT_MET),  # the day before the second anniversary
    (datetime.date(2026, 3, 1), Verdict.MET),       # 29 February 2024 + 2 years
    (datetime.date(2026, 3, 2), Verdict.MET),
])
def test_two_years_after_the_previous_adoption(office, day, verdict):
    case = save(office, application(office),
                previous_adoptions=[datetime.date(2024, 2, 29)])
    assert outcomes(case, day)["adoptions"].verdict is verdict


def test_a_child_already_on_file_is_that_record(office):
    from tests.factories import make_person

    known = make_person(nik="3371010101200004", name="Rizki Saputra",
                        birth_date=datetime.date(2020, 1, 1))
    case = save(office, application(office),
                kid=child(nik=known.nik, name="Rizki Saputra",
                          birth_date=datetime.date(2020, 1, 1)))
    assert case.child_id == known.id and Person.select().count() == 3  # child, husband, wife


def test_an_empty_case_form_names_every_required_field_in_order_and_saves_nothing(office):
    from desktop.errors import ValidationErrors

    app = application(office)
    people_before = Person.select().count()
    with pytest.raises(ValidationErrors) as caught:
        record.save(office["worker"], app, None, route="", child={}, husband=None, wife=None,
                    facts={})
    assert tuple(e.field for e in caught.value.errors) == record.REQUIRED
    assert caught.value.errors[record.REQUIRED.index("NIK Suami")].reason.startswith(
        "wajib diisi")
    assert AdoptionCase.select().count() == 0 and Person.select().count() == people_before


def test_wrong_values_across_the_tabs_are_named_together(office):
    from desktop.errors import ValidationErrors

    app = application(office)
    people_before = Person.select().count()
    with pytest.raises(ValidationErrors) as caught:
        save(office, app, kid=child(nik="12345"),
             husband={**HUSBAND, "nik": "3371020101150003"},  # born 2015: a child
             wife={**WIFE, "religion": ""}, husband_income="enam juta",
             marriage_date=TODAY + datetime.timedelta(days=1), children_count=40)
    assert [e.field for e in caught.value.errors] == [
        "NIK anak", "NIK Suami", "Penghasilan suami", "Agama Istri", "Tanggal perkawinan",
        "Jumlah anak kandung/angkat"]
    assert AdoptionCase.select().count() == 0 and Person.select().count() == people_before


def test_a_stage_form_is_refused_field_by_field_at_once(office):
    from desktop.errors import ValidationErrors

    app = application(office)
    case = save(office, app)
    with pytest.raises(ValidationErrors) as caught:
        record.add_event(office["worker"], app, case, stage="", on_date=None)
    assert tuple(e.field for e in caught.value.errors) == record.STAGE_REQUIRED
    with pytest.raises(ValidationErrors) as caught:
        record.add_event(office["worker"], app, case, stage="putusan",
                         on_date=TODAY + datetime.timedelta(days=1))
    assert [e.field for e in caught.value.errors] == ["Tanggal", "Nomor putusan", "Pengadilan"]
    assert AdoptionEvent.select().count() == 0


SPOUSE = {f"{kind} {label}" for kind in ("NIK", "Nama", "Agama") for label in ("Suami", "Istri")}
HUSBAND_FIELDS = {"NIK Suami", "Nama Suami", "Agama Suami"}
WIFE_FIELDS = {"NIK Istri", "Nama Istri", "Agama Istri"}
# (route, husband, wife, where the child lives, the conditional fields asked, those refused
# when left empty)
CONDITIONS = [
    ("pasangan_wni", None, None, "keluarga", SPOUSE | {"Tanggal perkawinan"},
     SPOUSE | {"Tanggal perkawinan"}),
    ("wni_wna", HUSBAND, None, "keluarga", SPOUSE | {"Tanggal perkawinan"},
     WIFE_FIELDS | {"Tanggal perkawinan"}),
    ("orang_tua_tunggal", None, None, "lksa", HUSBAND_FIELDS | {"Nama LKSA/rumah sakit"},
     HUSBAND_FIELDS | {"Nama LKSA/rumah sakit"}),
    ("orang_tua_tunggal", None, {**WIFE, "nik": ""}, "rumah_sakit",
     WIFE_FIELDS | {"Nama LKSA/rumah sakit"}, {"NIK Istri", "Nama LKSA/rumah sakit"}),
]


@pytest.mark.parametrize("route, husband, wife, lives, required, refused", CONDITIONS)
def test_required_fields_names_what_save_refuses_empty(office, route, husband, wife, lives,
                                                       required, refused):
    from desktop.errors import ValidationErrors

    asked = record.required_fields(route, husband, wife, lives)
    assert {f for f in asked if f in record.CONDITIONAL} == required
    assert set(record.REQUIRED) - set(record.CONDITIONAL) <= set(asked)
    app = application(office)
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        save(office, app, husband=husband, wife=wife, route=route, child_lives=lives,
             child_place="", marriage_date=None)
    errors = getattr(caught.value, "errors", [caught.value])
    assert {e.field for e in errors if e.field in record.CONDITIONAL} == refused


@pytest.mark.parametrize("stage", record.STAGES)
def test_stage_required_names_what_add_event_refuses_empty(office, stage):
    from desktop.errors import ValidationErrors

    asked = record.stage_required(stage)
    assert asked[:2] == record.STAGE_REQUIRED
    app = application(office)
    case = save(office, app)
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        record.add_event(office["worker"], app, case, stage=stage, on_date=None)
    errors = getattr(caught.value, "errors", [caught.value])
    assert {e.field for e in errors} == set(asked) - {"Tahap"}
