"""The shipped catalog, its upgrade that keeps administrators' edits, on every backend."""
import json

import pytest

from desktop.errors import PermissionDenied, ValidationError, ValidationErrors
from desktop.models import Service, ServiceStep
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from tests.factories import make_user

SHIPPED = json.loads(service_catalog.CATALOG_FILE.read_text(encoding="utf-8"))["services"]


def test_shipped_file_covers_the_seeds():
    codes = [s["code"] for s in SHIPPED]
    assert len(codes) == len(set(codes))
    assert sum(c.startswith("mgt-") for c in codes) == 28
    assert sum(c.startswith("dpk-") for c in codes) == 1
    assert sum(c.startswith("mgl-") for c in codes) >= 11
    kinds = {s["time_limit"]["kind"] for s in SHIPPED}
    assert kinds <= set(service_catalog.LIMIT_KINDS)
    for service in SHIPPED:
        for step in service["steps"]:
            assert step["actor"] in service_catalog.STEP_ACTORS, (service["code"], step)


def test_time_limits_match_the_seeds():
    by_code = {s["code"]: s["time_limit"] for s in SHIPPED}
    lks = next(v for k, v in by_code.items() if "lks" in k and k.startswith("mgl-"))
    assert (lks["kind"], lks["value"], lks["starts"]) == ("working_days", 7, "complete")
    slrt = by_code["dpk-slrt"]
    assert (slrt["kind"], slrt["value"]) == ("working_days", 5)
    minutes = [v for k, v in by_code.items() if k.startswith("mgl-") and v["kind"] == "minutes"]
    assert len(minutes) == 2 and all(v["value"] == 20 for v in minutes)


def test_depok_slrt_has_three_aid_types():
    slrt = next(s for s in SHIPPED if s["code"] == "dpk-slrt")
    groups = {r["group"] for r in slrt["requirements"]}
    assert len(groups) == 3 and len(slrt["steps"]) == 9


def test_load_inserts_every_service_with_children(backend_db):
    report = service_catalog.load_shipped()
    assert report.added == len(SHIPPED) == Service.select().count()
    slrt = service_catalog.get("dpk-slrt")
    assert [s.number for s in service_catalog.steps_of(slrt)] == list(range(1, 10))
    assert service_catalog.time_limit(slrt).describe() == "5 hari kerja"
    again = service_catalog.load_shipped()
    assert again.unchanged == len(SHIPPED) and again.added == 0


def test_upgrade_keeps_admin_edits_and_refreshes_the_rest(backend_db, tmp_path):
    service_catalog.load_shipped()
    admin = make_user("admin", role=permissions.ADMIN)
    slrt = service_catalog.get("dpk-slrt")
    service_catalog.update_service(admin, slrt, name="SLRT Kota Kami", limit_kind="working_days",
                           limit_value=3, limit_starts="receipt", limit_note="", fee=0,
                           product="Surat Rekomendasi", active=True,
                           steps=[{"text": "Satu langkah saja", "actor": "petugas_layanan"}])
    newer = json.loads(json.dumps(SHIPPED))
    for service in newer:
        service["product"] += " (revisi)"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"format": 1, "services": newer}), encoding="utf-8")
    report = service_catalog.load_shipped(path)
    assert report.kept_customized == 1 and report.refreshed == len(SHIPPED) - 1
    kept = service_catalog.get("dpk-slrt")
    assert kept.name == "SLRT Kota Kami" and kept.limit_value == 3
    assert ServiceStep.select().where(ServiceStep.service == kept).count() == 1
    assert service_catalog.get("mgt-01-rekomendasi-hibah").product.endswith("(revisi)")
    reverted = service_catalog.revert_to_shipped(admin, kept, path)
    assert not reverted.customized and reverted.product.endswith("(revisi)")
    assert len(service_catalog.steps_of(reverted)) == 9


def test_catalog_edits_are_validated_and_admin_only(backend_db):
    service_catalog.load_shipped()
    admin = make_user("admin", role=permissions.ADMIN)
    clerk = make_user("budi")
    service = service_catalog.get("dpk-slrt")
    base = dict(name="SLRT", limit_kind="working_days", limit_value=5, limit_starts="receipt",
                limit_note="", fee=0, product="Surat", active=True)
    with pytest.raises(PermissionDenied):
        service_catalog.update_service(clerk, service, **base)
    with pytest.raises(ValidationError) as caught:
        service_catalog.update_service(admin, service, **{**base, "limit_value": "lima"})
    assert caught.value.field == "Jangka waktu"
    with pytest.raises(ValidationError) as caught:
        service_catalog.update_service(admin, service, **{**base, "fee": -5})
    assert caught.value.field == "Biaya"
    assert service_catalog.get("dpk-slrt").customized is False


def test_an_emptied_service_names_every_required_field_and_saves_nothing(backend_db):
    service_catalog.load_shipped()
    admin = make_user("admin", role=permissions.ADMIN)
    service = service_catalog.get("dpk-slrt")
    with pytest.raises(ValidationErrors) as caught:
        service_catalog.update_service(admin, service, name="", limit_kind="working_days",
                                       limit_value="", limit_starts="receipt", limit_note="",
                                       fee="", product="", active=True)
    assert tuple(e.field for e in caught.value.errors) == service_catalog.REQUIRED
    assert all(e.reason.startswith("wajib diisi") for e in caught.value.errors)
    with pytest.raises(ValidationErrors) as caught:
        service_catalog.update_service(
            admin, service, name="SLRT", limit_kind="working_days", limit_value=0,
            limit_starts="kapan", limit_note="", fee=-1, product="", active=True,
            requirements=[dict(text=" ")], steps=[dict(text="Terima", actor="siapa")])
    assert [e.field for e in caught.value.errors] == [
        "Jangka waktu", "Awal jangka waktu", "Biaya", "Persyaratan 1", "Pelaksana langkah 1"]
    fresh = service_catalog.get("dpk-slrt")
    assert not fresh.customized and fresh.version == service.version
