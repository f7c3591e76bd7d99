"""The service catalog: shipped in resources/catalog.json, loaded on upgrade, edited by admins.

Each service row keeps the hash of the shipped definition it was last loaded from. An upgrade
refreshes services nobody edited and leaves an administrator's edits alone.
"""
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop import data_files
from desktop.errors import NotFound, ValidationError
from desktop.models import Service, ServiceRequirement, ServiceStep, db
from desktop.services.applications import case_access
from desktop.services.shared import audit, permissions, records
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.prepared import Prepared
from desktop.services.shared.validators import optional_text, require_text

CATALOG_FILE = data_files.resource("catalog.json")
LIMIT_KINDS = {"working_days": "hari kerja", "days": "hari", "minutes": "menit",
               "conditional": "kondisional"}
# What the editor's emptied fields are refused for, in the form's order; it marks them "*".
REQUIRED = ("Nama layanan", "Jangka waktu", "Biaya")
STEP_ACTORS = {**permissions.ROLE_LABELS, "pemohon": "Pemohon", "eksternal": "Instansi lain"}


@dataclass(frozen=True)
class TimeLimit:
    kind: str
    value: int | None
    starts: str
    note: str

    def describe(self) -> str:
        if self.kind == "conditional":
            return "Kondisional"
        since = " sejak berkas lengkap" if self.starts == "complete" else ""
        return f"{self.value} {LIMIT_KINDS[self.kind]}{since}"


def time_limit(service: Service) -> TimeLimit:
    return TimeLimit(service.limit_kind, service.limit_value, service.limit_starts,
                     service.limit_note)


def read_shipped(path: Path = CATALOG_FILE) -> list[dict]:
    """The service definitions shipped in catalog.json, as the seeds publish them."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["services"]


def _hash(definition: dict) -> str:
    return hashlib.sha256(json.dumps(definition, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def _columns(definition: dict) -> dict:
    from desktop.services.cases import registry  # the case kinds: not needed at start-up

    limit = definition["time_limit"]
    category = definition.get("category", "")
    sensitive = definition.get("sensitive",
                               case_access.default_sensitive(definition["code"], category))
    return dict(name=definition["name"], source_office=definition["source_office"],
                sensitive=bool(sensitive), case_kind=registry.shipped_kind(definition["code"]),
                readers=case_access.encode_readers(definition.get(
                    "readers", case_access.DEFAULT_READERS)),
                category=category, limit_kind=limit["kind"],
                limit_value=limit.get("value"), limit_starts=limit.get("starts", "receipt"),
                limit_note=limit.get("note", ""), fee=definition.get("fee", 0),
                product=definition.get("product", ""),
                complaint=definition.get("complaint", ""))


def _replace_children(service: Service, requirements: list[dict], steps: list[dict]) -> None:
    ServiceRequirement.delete().where(ServiceRequirement.service == service).execute()
    ServiceStep.delete().where(ServiceStep.service == service).execute()
    if requirements:
        ServiceRequirement.insert_many([
            dict(service=service.id, position=i, group_name=r.get("group", ""), text=r["text"])
            for i, r in enumerate(requirements, 1)]).execute()
    if steps:
        ServiceStep.insert_many([
            dict(service=service.id, number=i, text=s["text"], actor=s["actor"],
                 actor_label=s.get("actor_label", ""))
            for i, s in enumerate(steps, 1)]).execute()


@dataclass
class LoadReport:
    added: int = 0
    refreshed: int = 0
    kept_customized: int = 0
    unchanged: int = 0


def load_shipped(path: Path = CATALOG_FILE, actor=permissions.SYSTEM) -> LoadReport:
    """Insert new shipped services and refresh unedited ones; keep administrators' edits."""
    report = LoadReport()
    existing = {s.code: s for s in Service.select()}
    with db.atomic():
        for definition in read_shipped(path):
            digest = _hash(definition)
            current = existing.get(definition["code"])
            if current is None:
                service = records.create(Service, actor, code=definition["code"],
                                         shipped_hash=digest, **_columns(definition))
                _replace_children(service, definition.get("requirements", []),
                                  definition.get("steps", []))
                report.added += 1
            elif current.shipped_hash == digest:
                report.unchanged += 1
            elif current.customized:
                report.kept_customized += 1
            else:
                records.update(current, actor, shipped_hash=digest, **_columns(definition))
                _replace_children(current, definition.get("requirements", []),
                                  definition.get("steps", []))
                report.refreshed += 1
    return report


def list_services(include_inactive: bool = True) -> list[Service]:
    query = Service.select().order_by(Service.id)  # shipped order: Magelang, Depok, Magetan
    if not include_inactive:
        query = query.where(Service.active)
    return list(query)


def service_names() -> list[tuple[int, str, str]]:
    """(id, name, source office) of every service, in the shipped order: for filters, without
    building a Service per row."""
    return list(Service.select(Service.id, Service.name, Service.source_office)
                .order_by(Service.id).tuples())


def get(code: str) -> Service:
    service = Service.get_or_none(Service.code == code)
    if service is None:
        raise NotFound(f"Layanan '{code}' tidak ada di katalog.")
    return service


def requirements_of(service: Service) -> list[ServiceRequirement]:
    return list(service.requirements.order_by(ServiceRequirement.position))


_STEPS = Prepared(lambda service_id: (
    ServiceStep.select().where(ServiceStep.service == service_id).order_by(ServiceStep.number)))


def steps_of(service: Service) -> list[ServiceStep]:
    return _STEPS.rows(service.id)


def _check_limit(kind: str, value) -> int | None:
    if kind not in LIMIT_KINDS:
        raise ValidationError("Jenis jangka waktu", "pilih hari kerja, hari, menit atau "
                              "kondisional.")
    if kind == "conditional":
        return None
    if value is None or str(value).strip() == "":
        raise ValidationError("Jangka waktu", "wajib diisi (bilangan bulat), atau pilih "
                              "kondisional.")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError("Jangka waktu", "isi dengan bilangan bulat.") from None
    if number <= 0:
        raise ValidationError("Jangka waktu", "harus lebih dari 0.")
    return number


def _fee(fee) -> int:
    if fee is None or str(fee).strip() == "":
        raise ValidationError("Biaya", "wajib diisi: angka rupiah tanpa titik, 0 jika gratis.")
    try:
        fee_value = int(fee)
    except (TypeError, ValueError):
        raise ValidationError("Biaya", "isi dengan angka rupiah tanpa titik, 0 jika gratis.") \
            from None
    if fee_value < 0:
        raise ValidationError("Biaya", "tidak boleh negatif.")
    return fee_value


def _children_of(service: Service) -> tuple[list[dict], list[dict]]:
    return ([dict(group=r.group_name, text=r.text) for r in requirements_of(service)],
            [dict(text=s.text, actor=s.actor, actor_label=s.actor_label)
             for s in steps_of(service)])


def _normalised_children(requirements: list[dict], steps: list[dict]):
    return ([dict(group=r.get("group", ""), text=r["text"].strip()) for r in requirements],
            [dict(text=s["text"].strip(), actor=s["actor"], actor_label=s.get("actor_label", ""))
             for s in steps])


def update_service(actor, service: Service, *, name: str, limit_kind: str, limit_value,
                   limit_starts: str, limit_note: str, fee, product: str, active: bool,
                   category: str | None = None, complaint: str | None = None,
                   sensitive: bool | None = None, readers=None,
                   requirements: list[dict] | None = None,
                   steps: list[dict] | None = None) -> Service:
    """An administrator's edit; marks the service customized so upgrades keep it."""
    permissions.require(actor, "catalog.edit")
    checks = FieldChecks()  # every field's refusal at once, in the form's order
    run = checks.run
    changes = dict(name=run(require_text, name, "Nama layanan", 255), limit_kind=limit_kind,
                   limit_value=run(_check_limit, limit_kind, limit_value))
    if limit_starts not in ("receipt", "complete"):
        checks.add("Awal jangka waktu", "pilih sejak diterima atau sejak lengkap.")
    changes.update(limit_starts=limit_starts,
                   limit_note=run(optional_text, limit_note, "Catatan", 2000),
                   fee=run(_fee, fee),
                   product=run(optional_text, product, "Produk layanan", 2000),
                   active=bool(active))
    if category is not None:
        changes["category"] = run(optional_text, category, "Kategori", 80)
    if complaint is not None:
        changes["complaint"] = run(optional_text, complaint, "Penanganan pengaduan", 2000)
    if sensitive is not None:
        changes["sensitive"] = bool(sensitive)
    if readers is not None:
        changes["readers"] = case_access.encode_readers(readers)
        if (changes.get("sensitive", service.sensitive) and not changes["readers"]):
            checks.add("Peran yang boleh membuka", "pilih paling sedikit satu peran untuk "
                       "layanan sensitif.")
    for i, req in enumerate(requirements or [], 1):
        run(require_text, req.get("text", ""), f"Persyaratan {i}", 2000)
    for i, step in enumerate(steps or [], 1):
        run(require_text, step.get("text", ""), f"Langkah {i}", 2000)
        if step.get("actor") not in STEP_ACTORS:
            checks.add(f"Pelaksana langkah {i}", "pilih salah satu peran.")
    checks.raise_errors()
    old_requirements, old_steps = _children_of(service)
    new_requirements, new_steps = _normalised_children(
        requirements if requirements is not None else old_requirements,
        steps if steps is not None else old_steps)
    children_changed = (new_requirements, new_steps) != (old_requirements, old_steps)
    fields_changed = any(getattr(service, k) != v for k, v in changes.items())
    if not fields_changed and not children_changed:
        return service
    with db.atomic():
        saved = records.update(service, actor, customized=True, **changes)
        if children_changed:
            _replace_children(saved, new_requirements, new_steps)
            audit.record(actor, "update", "service_children", saved.id,
                         old={"requirements": old_requirements, "steps": old_steps},
                         new={"requirements": new_requirements, "steps": new_steps})
    return saved


def revert_to_shipped(actor, service: Service, path: Path = CATALOG_FILE) -> Service:
    """Throw away an administrator's edits and take the shipped definition again."""
    permissions.require(actor, "catalog.edit")
    shipped = {d["code"]: d for d in read_shipped(path)}.get(service.code)
    if shipped is None:
        raise NotFound("Layanan ini tidak ada di katalog bawaan; tidak ada versi asli.")
    with db.atomic():
        saved = records.update(service, actor, customized=False, shipped_hash=_hash(shipped),
                               **_columns(shipped))
        _replace_children(saved, shipped.get("requirements", []), shipped.get("steps", []))
    return saved
