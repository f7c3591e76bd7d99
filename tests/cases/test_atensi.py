"""ATENSI on every backend: the kepala determines the beneficiary (an elderly one is 60 or
over in the year), the plan per component, each assistance inside its budget year, and the
year's plan against what was delivered per component and per kelurahan, summed by the
database over the beneficiaries the user may read."""
import datetime

import pytest

from desktop.cases.atensi import KIND, record
from desktop.cases.atensi.model import AtensiDelivery
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.applications import workflow
from desktop.services.cases import registry
from desktop.services.catalog import service_catalog
from desktop.services.letters import context, lifecycle
from desktop.services.shared import permissions, timefmt
from desktop.services.shared.timefmt import utcnow

from tests.factories import make_person, make_user

SERVICE = "mgl-atensi"


def today():
    return timefmt.to_local(utcnow()).date()


@pytest.fixture
def office(backend_db):
    service_catalog.load_shipped()
    return {"clerk": make_user("layanan", role=permissions.FRONT_OFFICE),
            "worker": make_user("peksos", role=permissions.SOCIAL_WORKER),
            "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial"),
            "piket": make_user("piket", role=permissions.DUTY_OFFICER)}


def beneficiary(o, nik="3371011503500001", name="Mbah Karto", born=datetime.date(1950, 3, 15),
                kelurahan="Magersari"):
    person = make_person(nik=nik, name=name, birth_date=born, kelurahan=kelurahan)
    return workflow.register(o["clerk"], service_catalog.get(SERVICE), person=person)


def determined(o, app, cluster="lansia"):
    return record.determine(o["head"], app, None, budget_year=today().year, cluster=cluster,
                            pmks_reference="PMKS-3371-0001")


def test_the_kepala_determines_and_an_elderly_one_is_sixty(office):
    o = office
    assert registry.kind_of(service_catalog.get(SERVICE)) is KIND
    young = beneficiary(o, nik="3371011503900002", name="Budi", born=datetime.date(1990, 3, 15))
    with pytest.raises(ValidationError) as refused:
        determined(o, young)
    assert refused.value.field == "Klaster" and "60 tahun" in refused.value.message
    assert determined(o, young, cluster="disabilitas").cluster == "disabilitas"
    with pytest.raises(PermissionDenied):
        record.determine(o["worker"], beneficiary(o), None, budget_year=today().year,
                         cluster="lansia", pmks_reference="PMKS-1")


def test_an_assistance_outside_its_budget_year_is_refused(office):
    o = office
    app = beneficiary(o)
    case = determined(o, app)
    last_year = datetime.date(case.budget_year - 1, 12, 31)
    for changes, field in (({"delivered_on": last_year}, "Tanggal layanan"),
                           ({"component": "liburan"}, "Komponen"),
                           ({"items": "", "amount": None}, "Bentuk layanan"),
                           ({"amount": "banyak"}, "Nilai")):
        values = dict(component="hidup_layak", delivered_on=today(), items="paket sembako",
                      amount="150.000")
        values.update(changes)
        with pytest.raises(ValidationError) as refused:
            record.deliver(o["worker"], app, case, **values)
        assert refused.value.field == field
    assert AtensiDelivery.select().count() == 0


def test_the_plan_replaces_itself(office):
    o = office
    app = beneficiary(o)
    case = determined(o, app)
    record.save_plan(o["worker"], app, case, [("hidup_layak", "1.200.000", "sembako"),
                                              ("terapi", "600.000", "")])
    record.save_plan(o["worker"], app, case, [("hidup_layak", "1.500.000", "sembako")])
    assert [(p.component, p.amount) for p in record.plans_of(app.id)] == \
        [("hidup_layak", 1_500_000)]
    with pytest.raises(ValidationError) as refused:
        record.save_plan(o["worker"], app, case, [("terapi", "", "")])
    assert refused.value.field.startswith("Rencana terapi")


def test_the_year_s_plan_against_what_was_delivered(office):
    o = office
    first = beneficiary(o)
    second = beneficiary(o, nik="3371011503520003", name="Mbah Sastro",
                         born=datetime.date(1952, 3, 15), kelurahan="Cacaban")
    for app, amount in ((first, "1.000.000"), (second, "2.000.000")):
        case = determined(o, app)
        record.save_plan(o["worker"], app, case, [("hidup_layak", amount, ""),
                                                  ("keluarga", "", "kunjungan")])
    record.deliver(o["worker"], first, record.read(first), component="hidup_layak",
                   delivered_on=today(), items="sembako", amount="400.000")
    record.deliver(o["worker"], first, record.read(first), component="hidup_layak",
                   delivered_on=today(), items="sembako", amount="400.000")
    record.deliver(o["worker"], second, record.read(second), component="keluarga",
                   delivered_on=today(), items="konseling keluarga")
    by_component = {row[0]: row[1:] for row in record.recap_by_component(o["head"],
                                                                         today().year)}
    assert by_component["hidup_layak"] == (2, 3_000_000, 1, 2, 800_000)
    assert by_component["keluarga"] == (2, 0, 1, 1, 0)
    assert by_component["terapi"] == (0, 0, 0, 0, 0)
    assert record.recap_by_kelurahan(o["head"], today().year) == [
        ("Cacaban", 1, 2_000_000, 0, 1), ("Magersari", 1, 1_000_000, 800_000, 2)]
    # A duty officer does not read these cases: the recap counts nothing for them.
    assert record.recap_by_kelurahan(o["piket"], today().year) == []
    letter = lifecycle.draft(o["worker"], first, signer=o["head"])
    values = context.build(letter, application=first)
    assert [r["form"] for r in values["services_rows"]] == ["sembako, Rp 400.000,00"] * 2
    assert values["services_total"] == "Rp 800.000,00" and values["cluster"] == \
        "Lanjut usia terlantar"


def _fields(call) -> list[str]:
    from desktop.errors import ValidationErrors

    with pytest.raises(ValidationErrors) as caught:
        call()
    return [error.field for error in caught.value.errors]


def test_empty_atensi_forms_name_every_required_field_at_once(office):
    o = office
    app = beneficiary(o)
    fields = _fields(lambda: record.determine(o["head"], app, None, budget_year=None,
                                              cluster="", pmks_reference=""))
    assert tuple(fields) == record.DETERMINE_REQUIRED
    assert record.read(app) is None
    case = determined(o, app)
    fields = _fields(lambda: record.deliver(o["worker"], app, case, component="",
                                            delivered_on=None))
    assert tuple(fields) == record.DELIVERY_REQUIRED
    assert AtensiDelivery.select().count() == 0


def test_wrong_atensi_values_are_named_together(office):
    o = office
    app = beneficiary(o, nik="3371011503900002", name="Budi", born=datetime.date(1990, 3, 15))
    fields = _fields(lambda: record.determine(o["head"], app, None, budget_year=today().year,
                                              cluster="lansia", pmks_reference=" "))
    assert fields == ["Klaster", "Nomor data PMKS"]
    case = determined(o, app, cluster="disabilitas")
    fields = _fields(lambda: record.save_plan(o["worker"], app, case, [
        ("terapi", "", ""), ("hidup_layak", "banyak", "sembako"), ("liburan", "1", "")]))
    assert fields == ["Rencana terapi fisik, psikososial dan mental spiritual",
                      "Rencana dukungan pemenuhan kebutuhan hidup layak", "Komponen"]
    fields = _fields(lambda: record.deliver(
        o["worker"], app, case, component="hidup_layak",
        delivered_on=datetime.date(case.budget_year - 1, 12, 31), amount="banyak"))
    assert fields == ["Tanggal layanan", "Nilai"]
    assert record.plans_of(app.id) == [] and AtensiDelivery.select().count() == 0


@pytest.mark.parametrize("amount, asked", [
    (None, record.DELIVERY_REQUIRED), ("", record.DELIVERY_REQUIRED),
    ("0", record.DELIVERY_REQUIRED),
    ("250.000", ("Komponen", "Tanggal layanan"))])
def test_delivery_required_asks_what_was_given_unless_its_value_is(office, amount, asked):
    assert record.delivery_required(amount) == asked
    assert record.delivery_required("dua juta") == record.DELIVERY_REQUIRED  # no value yet
    o = office
    app = beneficiary(o)
    case = determined(o, app)
    fields = _fields(lambda: record.deliver(o["worker"], app, case, component="",
                                            delivered_on=None, amount=amount))
    assert [f for f in fields if f != "Nilai"] == list(asked)
