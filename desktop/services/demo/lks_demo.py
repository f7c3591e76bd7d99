"""Demo LKS: every demo organisation recorded as an LKS, with a board from the demo people,
beneficiaries, and Tanda Daftar certificates in every state (valid, ending soon, lapsed,
revoked, renewed, never registered)."""
import datetime
import random

from desktop.models import (Lks, LksBeneficiary, LksBoardMember, LksRegistration, Organisation,
                            Person, db, utcnow)
from desktop.services.demo import identities
from desktop.services.lks import lks_records

BATCH = 500
BANKS = ["Bank Jateng", "BRI", "BNI", "Bank Mandiri", "BSI", "BPR Bank Magelang"]


def npwp(rng: random.Random) -> str:
    """A 15-digit NPWP whose first nine digits pass the Luhn check, as real ones do."""
    from stdnum import luhn

    body = f"{rng.randint(1, 99):02d}{rng.randint(0, 999999):06d}"
    return body + luhn.calc_check_digit(body) + f"{rng.randint(500, 599)}000"


def _insert(model, fields, rows) -> None:
    for start in range(0, len(rows), BATCH):
        model.insert_many(rows[start:start + BATCH], fields=fields).execute()


def _stamp(now):
    return (now, "layanan", now, "layanan", 1)  # the clerk records the LKS


STAMP = ("created_at", "created_by", "updated_at", "updated_by", "version")


def fill(rng: random.Random, size: int, report) -> None:
    """The organisations the application demo made become LKS."""
    if Lks.select().exists():
        return
    org_ids = [oid for (oid,) in Organisation.select(Organisation.id).order_by(Organisation.id)
               .tuples()]
    added = fill_lks(rng, org_ids, datetime.date.today())
    report.counts.update(added)


def fill_lks(rng: random.Random, org_ids: list[int], today: datetime.date) -> dict:
    """Record each organisation in `org_ids` as an LKS; returns the rows added per table."""
    if not org_ids:
        return {}
    now = utcnow()
    person_ids = [pid for (pid,) in Person.select(Person.id).where(Person.nik.is_null(False))
                  .order_by(Person.id).limit(5000).tuples()]
    names = dict(Organisation.select(Organisation.id, Organisation.name).tuples())
    lks_rows, board_rows, beneficiary_rows, registration_rows = [], [], [], []
    plans, chosen = [], []
    for position, org_id in enumerate(org_ids):
        district = rng.choice(list(identities.KELURAHAN))
        kec, kels = identities.KELURAHAN[district]
        legal = "berbadan_hukum" if rng.random() < 0.8 else "tidak_berbadan_hukum"
        founded = today - datetime.timedelta(days=rng.randint(400, 9000))
        fields = rng.sample(list(lks_records.FIELDS), rng.randint(1, 3))
        chosen.append(fields)
        plan = _registration_plan(rng, position, today)
        plans.append(plan)
        current = plan[-1] if plan else None
        lks_rows.append(_stamp(now) + (
            org_id, legal,
            f"{rng.randint(1, 60)}" if legal == "berbadan_hukum" else "",
            founded if legal == "berbadan_hukum" else None,
            f"AHU-{rng.randint(1000, 99999):05d}.AH.01.04.Tahun {founded.year}"
            if legal == "berbadan_hukum" else "",
            founded + datetime.timedelta(days=rng.randint(10, 90))
            if legal == "berbadan_hukum" else None,
            "" if legal == "berbadan_hukum" else f"Nota pendirian {rng.randint(1, 99)}/{founded.year}",
            None if legal == "berbadan_hukum" else founded,
            npwp(rng), rng.choice(BANKS), f"{rng.randint(10**9, 10**12 - 1)}",
            names[org_id],  # the account is in the LKS's own name
            f"470/{rng.randint(1, 400)}/{founded.year}", founded,
            rng.choice(kels), kec, "," + ",".join(f for f in lks_records.FIELDS if f in fields) + ",",
            rng.randint(2, 40), rng.choice(["", "", "A", "B", "C"]),
            current[0] if current else "", current[2] if current else None,
            bool(current and current[3])))
    fields = STAMP + ("organisation", "legal_status", "deed_number", "deed_date", "sk_number",
                      "sk_date", "founding_note", "founding_date", "npwp", "bank_name",
                      "bank_account", "bank_account_name", "domicile_number", "domicile_date",
                      "kelurahan", "kecamatan", "fields", "staff_count", "accreditation",
                      "registration_number", "registered_until", "revoked")
    with db.atomic():
        _insert(Lks, [getattr(Lks, f) for f in fields], lks_rows)
        lks_ids = dict(Lks.select(Lks.organisation, Lks.id).tuples())
        for org_id, plan, served in zip(org_ids, plans, chosen):
            lks_id = lks_ids[org_id]
            if person_ids:
                for role, person in zip(lks_records.POSITIONS, rng.sample(
                        person_ids, min(3, len(person_ids)))):
                    board_rows.append(_stamp(now) + (lks_id, role, person))
            for kind in served:  # beneficiaries of the fields it serves
                beneficiary_rows.append(_stamp(now) + (lks_id, kind, rng.randint(5, 120)))
            for number, valid_from, valid_until, revoked, kind in plan:
                registration_rows.append(_stamp(now) + (
                    lks_id, number, kind, valid_from, valid_from, valid_until,
                    revoked, "Tidak lagi menyelenggarakan pelayanan di alamatnya." if revoked
                    else "", "kepala" if revoked else ""))
        _insert(LksBoardMember, [getattr(LksBoardMember, f) for f in STAMP + (
            "lks", "position", "person")], board_rows)
        _insert(LksBeneficiary, [getattr(LksBeneficiary, f) for f in STAMP + (
            "lks", "kind", "count")], beneficiary_rows)
        _insert(LksRegistration, [getattr(LksRegistration, f) for f in STAMP + (
            "lks", "number", "kind", "issued_on", "valid_from", "valid_until", "revoked_on",
            "revoke_reason", "revoked_by")], registration_rows)
    return {"lks": len(lks_rows), "lks_board_member": len(board_rows),
            "lks_beneficiary": len(beneficiary_rows), "lks_registration": len(registration_rows)}


def _registration_plan(rng: random.Random, position: int, today: datetime.date) -> list:
    """(number, valid from, valid until, revoked on, kind), oldest first. The first
    organisations cover every state; the rest are mostly valid."""
    states = ["berlaku", "segera_habis", "habis", "dicabut", "belum", "diperpanjang"]
    state = states[position] if position < len(states) else rng.choices(
        states, weights=(60, 10, 12, 3, 10, 15))[0]
    if state == "belum":
        return []
    ends = {"berlaku": rng.randint(120, 1000), "segera_habis": rng.randint(5, 85),
            "habis": -rng.randint(1, 400), "dicabut": rng.randint(100, 900),
            "diperpanjang": rng.randint(200, 1000)}[state]
    until = today + datetime.timedelta(days=ends)
    start = until - datetime.timedelta(days=3 * 365 - 1)
    serial = position + 1
    current = (f"400.9.12/{serial:04d}/TD-LKS/{start.year}", start, until,
               today - datetime.timedelta(days=rng.randint(1, 60)) if state == "dicabut"
               else None, "perpanjangan" if state == "diperpanjang" else "baru")
    if state != "diperpanjang":
        return [current]
    before = start - datetime.timedelta(days=3 * 365)
    return [(f"400.9.12/{serial:04d}/TD-LKS/{before.year}", before,
             start - datetime.timedelta(days=1), None, "baru"), current]
