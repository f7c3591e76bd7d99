"""Disaster response on every backend: the event and its response clock, the assessment's
totals, aid from the stock to the assessment's households only and never beyond what is on
hand (nothing saved half way), and the hand-over record filled from what was given."""
import datetime

import pytest

from desktop.cases.bencana import KIND, record
from desktop.cases.bencana.model import DisasterDistribution
from desktop.errors import ValidationError
from desktop.models import AidItem, Application, StockMovement
from desktop.services.applications import workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow
from desktop.services.stock import stock

from tests.factories import make_person, make_user

NATURAL = "mgt-15-bantuan-bencana-alam"  # no time limit in the catalog: the kind's clock
H = datetime.timedelta(hours=1)


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    o = {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
         "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
         "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")}
    o["app"] = workflow.register(o["clerk"], service_catalog.get(NATURAL),
                                 person=make_person(name="Pak RT Sumadi"))
    o["beras"] = stock.save_item(o["clerk"], name="Beras", unit="kg")
    stock.receive(o["clerk"], o["beras"].id, 25, moved_on=today(), source="Kemensos RI")
    return o


def today():
    return timefmt.to_local(utcnow()).date()


def local_now():
    return timefmt.to_local(utcnow()).replace(tzinfo=None, second=0, microsecond=0)


def event(o, **changes):
    values = dict(hazard="banjir", occurred_at=local_now() - 3 * H,
                  reported_at=local_now() - 2 * H, place="Bantaran Progo RW 05",
                  kelurahan="Tidar Utara", kecamatan="Magelang Selatan")
    values.update(changes)
    return record.save_event(o["worker"], o["app"], None, **values)


def household(o, case, **changes):
    values = dict(head_name="Sutrisno", address="Bantaran Progo RT 02", adults=2, children=1,
                  elderly=1, disabled=1, damage="berat", displaced=True)
    values.update(changes)
    return record.save_household(o["worker"], o["app"], case, **values)


def test_the_kind_and_its_response_clock(office):
    o = office
    assert registry.kind_of(service_catalog.get(NATURAL)) is KIND
    case = event(o)
    app = Application.get_by_id(o["app"].id)
    assert app.due_at == case.reported_at + 24 * H  # the clock runs from the report
    case = record.record_response(o["worker"], o["app"], case, local_now())
    assert Application.get_by_id(o["app"].id).due_at is None  # on site: the clock stops
    magelang = workflow.register(o["clerk"], service_catalog.get("mgl-korban-bencana"),
                                 person=make_person(nik="3371011503850002", name="Bu Lurah"))
    due = magelang.due_at
    record.save_event(o["worker"], magelang, None, hazard="kebakaran",
                      occurred_at=local_now() - H, reported_at=local_now(), place="Jagoan",
                      kelurahan="Jurangombo Selatan")
    assert Application.get_by_id(magelang.id).due_at == due  # the catalog's own 1 day


@pytest.mark.parametrize("changes, field", [
    ({"hazard": "meteor"}, "Jenis bencana"),
    ({"reported_at": local_now() - 5 * H}, "Waktu dilaporkan"),  # before it happened
    ({"occurred_at": local_now() + 5 * H, "reported_at": local_now() + 6 * H},
     "Waktu kejadian"),
    ({"kelurahan": " "}, "Kelurahan"),
    ({"place": ""}, "Lokasi"),
])
def test_a_bad_event_is_refused_by_field(office, changes, field):
    with pytest.raises(ValidationError) as refused:
        event(office, **changes)
    assert refused.value.field == field
    assert record.read(office["app"]) is None


def test_the_assessment_counts_people_by_age_and_vulnerability(office):
    o = office
    case = event(o)
    household(o, case)
    household(o, case, head_name="Siti", adults=1, infants=2, children=0, elderly=0,
              disabled=0, pregnant=1, damage="ringan", displaced=False)
    totals = record.affected(o["app"].id)
    assert totals["households"] == 2 and totals["people"] == 7
    assert (totals["infants"], totals["children"], totals["adults"], totals["elderly"]) == \
        (2, 1, 3, 1)
    assert totals["disabled"] == 1 and totals["pregnant"] == 1 and totals["displaced"] == 1
    assert totals["damage"]["berat"] == 1 and totals["damage"]["ringan"] == 1


@pytest.mark.parametrize("changes, field", [
    ({"adults": 0, "children": 0, "elderly": 0}, "Dewasa (18-59)"),
    ({"disabled": 9}, "Penyandang disabilitas"),
    ({"head_nik": "12345"}, "NIK kepala keluarga"),
    ({"damage": "hancur"}, "Kerusakan rumah"),
    ({"adults": -1}, "Dewasa (18-59)"),
    ({"head_name": ""}, "Kepala keluarga"),
])
def test_a_bad_household_is_refused_by_field(office, changes, field):
    case = event(office)
    with pytest.raises(ValidationError) as refused:
        household(office, case, **changes)
    assert refused.value.field == field
    assert record.households_of(office["app"].id) == []


def test_aid_goes_only_to_the_assessment_s_households_and_never_beyond_the_stock(office):
    o = office
    case = event(o)
    mine = household(o, case)
    other_app = workflow.register(o["clerk"], service_catalog.get(NATURAL),
                                  person=make_person(nik="3371011503850002", name="Lain"))
    other_case = record.save_event(o["worker"], other_app, None, hazard="tanah_longsor",
                                   occurred_at=local_now() - 3 * H,
                                   reported_at=local_now() - 2 * H, place="Lereng",
                                   kelurahan="Magersari")
    theirs = record.save_household(o["worker"], other_app, other_case, head_name="Bejo",
                                   address="Lereng", adults=1)
    give = dict(item_id=o["beras"].id, given_on=today(), received_by="Sutrisno")
    with pytest.raises(ValidationError) as refused:
        record.distribute(o["worker"], o["app"], case, household_id=theirs.id, quantity=5,
                          **give)
    assert refused.value.field == "Rumah tangga"
    with pytest.raises(ValidationError) as refused:
        record.distribute(o["worker"], o["app"], case, household_id=mine.id, quantity=26,
                          **give)
    assert refused.value.field == "Jumlah" and "tinggal 25 kg" in refused.value.message
    assert StockMovement.select().where(StockMovement.quantity < 0).count() == 0
    assert DisasterDistribution.select().count() == 0  # nothing saved half way
    given = record.distribute(o["worker"], o["app"], case, household_id=mine.id, quantity=10,
                              **give)
    assert given.quantity == 10 and given.movement.quantity == -10
    assert given.movement.application_id == o["app"].id
    assert stock.on_hand(o["beras"].id) == 15
    with pytest.raises(ValidationError) as refused:
        record.distribute(o["worker"], o["app"], case, household_id=mine.id, quantity=1,
                          item_id=o["beras"].id, given_on=today() - datetime.timedelta(days=9),
                          received_by="Sutrisno")
    assert refused.value.field == "Tanggal diserahkan"  # before the disaster


def test_activities_run_from_a_day_to_a_day(office):
    o = office
    case = event(o)
    with pytest.raises(ValidationError) as refused:
        record.add_activity(o["worker"], o["app"], case, kind="dapur_umum", start_on=today(),
                            end_on=today() - datetime.timedelta(days=1))
    assert refused.value.field == "Selesai"
    with pytest.raises(ValidationError) as refused:
        record.add_activity(o["worker"], o["app"], case, kind="dapur_umum",
                            start_on=today() - datetime.timedelta(days=5))
    assert refused.value.field == "Mulai"  # before the disaster
    record.add_activity(o["worker"], o["app"], case, kind="tagana", start_on=today(), count=12)
    assert [a.count for a in record.activities_of(o["app"].id)] == [12]


def test_the_hand_over_record_lists_each_household_and_the_totals(office):
    o = office
    case = event(o)
    with pytest.raises(ValidationError) as refused:
        lifecycle.draft(o["worker"], o["app"], signer=o["head"])
    assert "belum ada bantuan" in refused.value.message
    first = household(o, case, head_nik="3371020101700001")
    second = household(o, case, head_name="Siti Aminah", address="Bantaran Progo RT 03")
    selimut = stock.save_item(o["clerk"], name="Selimut", unit="lembar")
    stock.receive(o["clerk"], selimut.id, 10, moved_on=today(), source="BAZNAS")
    for target, item, quantity in ((first, o["beras"], 10), (first, selimut, 2),
                                   (second, o["beras"], 10)):
        record.distribute(o["worker"], o["app"], case, household_id=target.id,
                          item_id=item.id, quantity=quantity, given_on=today(),
                          received_by=target.head_name)
    letter = lifecycle.draft(o["worker"], o["app"], signer=o["head"])
    values = context.build(letter, application=o["app"])
    assert values["event_name"] == "banjir di Kelurahan Tidar Utara"
    assert [row["name"] for row in values["distribution_rows"]] == ["Siti Aminah", "Sutrisno"]
    assert values["distribution_rows"][1] == {
        "number": "2", "name": "Sutrisno", "nik": "3371020101700001",
        "address": "Bantaran Progo RT 02", "aid": "Beras 10 kg, Selimut 2 lembar"}
    assert values["aid_totals"] == ["Beras 20 kg", "Selimut 2 lembar"]
    assert letter.classification == "400.9.10"  # a flood: a natural disaster
    lifecycle.submit(o["worker"], letter)
    with pytest.raises(ValidationError) as refused:  # what the record states stays
        record.distribute(o["worker"], o["app"], case, household_id=second.id,
                          item_id=selimut.id, quantity=1, given_on=today(),
                          received_by="Siti")
    assert "menunggu paraf" in refused.value.message


def test_a_fire_s_record_is_filed_as_a_social_disaster_and_dates_are_checked(office):
    o = office
    case = event(o, hazard="kebakaran")
    home = household(o, case)
    with pytest.raises(ValidationError) as refused:  # handed over tomorrow: not yet
        record.distribute(o["worker"], o["app"], case, household_id=home.id,
                          item_id=o["beras"].id, quantity=5,
                          given_on=today() + datetime.timedelta(days=1), received_by="x")
    assert refused.value.field == "Tanggal diserahkan"
    with pytest.raises(ValidationError) as refused:  # no item chosen (an empty stock list)
        record.distribute(o["worker"], o["app"], case, household_id=home.id, item_id=None,
                          quantity=5, given_on=today(), received_by="x")
    assert refused.value.field == "Barang"
    stock.save_item(o["worker"], o["beras"], name=o["beras"].name, unit=o["beras"].unit,
                    active=False)  # taken off the list: said with the other faults at once
    assert _fields(lambda: record.distribute(
        o["worker"], o["app"], case, household_id=home.id, item_id=o["beras"].id, quantity=5,
        given_on=today(), received_by="")) == ["Barang", "Diterima oleh"]
    stock.save_item(o["worker"], AidItem.get_by_id(o["beras"].id), name=o["beras"].name,
                    unit=o["beras"].unit, active=True)
    record.distribute(o["worker"], o["app"], case, household_id=home.id,
                      item_id=o["beras"].id, quantity=5, given_on=today(), received_by="x")
    letter = lifecycle.draft(o["worker"], o["app"], signer=o["head"])
    assert letter.classification == "400.9.9"
    with pytest.raises(ValidationError) as refused:  # the fire after its own aid
        record.save_event(o["worker"], o["app"], record.read(o["app"]), hazard="kebakaran",
                          occurred_at=local_now() + datetime.timedelta(days=1, hours=-1),
                          reported_at=local_now(), place="x", kelurahan="Tidar Utara")
    assert refused.value.field in ("Waktu kejadian", "Waktu dilaporkan")


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_disaster_forms_name_every_required_field_at_once(office):
    o = office
    fields = _fields(lambda: record.save_event(o["worker"], o["app"], None, hazard="",
                                               occurred_at=None, reported_at=None, place="",
                                               kelurahan=""))
    assert tuple(fields) == record.EVENT_REQUIRED
    assert record.read(o["app"]) is None
    case = event(o)
    fields = _fields(lambda: record.save_household(o["worker"], o["app"], case, head_name="",
                                                   address=""))
    assert fields == [*record.HOUSEHOLD_REQUIRED, "Dewasa (18-59)"]
    assert record.households_of(o["app"].id) == []
    fields = _fields(lambda: record.add_activity(o["worker"], o["app"], case, kind="",
                                                 start_on=None))
    assert tuple(fields) == record.ACTIVITY_REQUIRED
    fields = _fields(lambda: record.distribute(o["worker"], o["app"], case, household_id=None,
                                               item_id=None, quantity=0, given_on=None,
                                               received_by=""))
    assert tuple(fields) == record.DISTRIBUTION_REQUIRED
    assert record.activities_of(o["app"].id) == [] and \
        DisasterDistribution.select().count() == 0


def test_wrong_disaster_values_are_named_together(office):
    o = office
    fields = _fields(lambda: event(o, hazard="meteor", reported_at=local_now() - 5 * H,
                                   kelurahan=" "))
    assert fields == ["Jenis bencana", "Waktu dilaporkan", "Kelurahan"]
    case = event(o)
    fields = _fields(lambda: household(o, case, head_nik="12345", disabled=9, pregnant=-1,
                                       damage="hancur"))
    assert fields == ["NIK kepala keluarga", "Penyandang disabilitas", "Ibu hamil",
                      "Kerusakan rumah"]
    home = household(o, case)
    fields = _fields(lambda: record.distribute(
        o["worker"], o["app"], case, household_id=home.id, item_id=o["beras"].id,
        quantity=0, given_on=today() + datetime.timedelta(days=1), received_by=" "))
    assert fields == ["Jumlah", "Tanggal diserahkan", "Diterima oleh"]
    assert StockMovement.select().where(StockMovement.quantity < 0).count() == 0
