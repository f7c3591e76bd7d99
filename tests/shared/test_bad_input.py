"""A corpus of bad input, each refused by the service layer with an Indonesian message naming
the field, and nothing saved: run on every backend (PostgreSQL once crashed on a NUL)."""
import datetime

import pytest

from desktop.errors import ValidationError
from desktop.models import (Application, Attachment, AuditEntry, Person, RequirementCheck,
                            StepEvent, User)
from desktop.services.admin import calendar, settings, users
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.services.letters import lifecycle
from desktop.services.schedule import resources
from tests.factories import PASSWORD
from tests.letters.test_letters_lifecycle import setup_office

NUL, RLO, LRI, PDI = "\x00", "\u202e", "\u2066", "\u2069"
PDF, PNG, JPEG = b"%PDF-1.4\n%x\n", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, b"\xff\xd8\xff\xe0x"


def person_values(**changes):
    values = dict(nik="3371012202800004", name="Bambang Wijaya", birth_date=datetime.date(
        1980, 2, 22), sex="L", street="Jl. Pahlawan 3", rt="001", rw="002",
        kelurahan="Magersari", kecamatan="Magelang Selatan", city="Kota Magelang",
        phone="081234500000")
    values.update(changes)
    return values


def register(o, **changes):
    return people.register_person(o["clerk"], **person_values(**changes))


def application(o, **changes):
    values = dict(person=o["person"])
    values.update(changes)
    return workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), **values)


def attach(o, name, data):
    return workflow.attach(o["clerk"], o["application"], name, data)


def update_service(o, **changes):
    service = service_catalog.get("dpk-slrt")
    values = dict(name=service.name, limit_kind=service.limit_kind,
                  limit_value=service.limit_value, limit_starts=service.limit_starts,
                  limit_note=service.limit_note, fee=service.fee, product=service.product,
                  active=service.active)
    values.update(changes)
    return service_catalog.update_service(o["admin"], service, **values)


def add_user(o, **changes):
    values = dict(username="baru", full_name="Dewi Lestari", role="petugas_layanan",
                  password=PASSWORD)
    values.update(changes)
    return users.add_user(o["admin"], **values)


LONG = "a" * 5000
CASES = [  # (what, the field named in the message, the call)
    # -- a person ------------------------------------------------------------------------
    ("NUL in a name", "Nama lengkap", lambda o: register(o, name="Bam" + NUL + "bang")),
    ("right-to-left override in a name", "Nama lengkap",
     lambda o: register(o, name="Bambang " + RLO + "ayajiW")),
    ("bell character in a name", "Nama lengkap", lambda o: register(o, name="Bam\x07bang")),
    ("line break in a name", "Nama lengkap", lambda o: register(o, name="Bambang\nWijaya")),
    ("tab in a name", "Nama lengkap", lambda o: register(o, name="Bambang\tWijaya")),
    ("C1 control in a name", "Nama lengkap", lambda o: register(o, name="Bambang\x85Wijaya")),
    ("DEL in a name", "Nama lengkap", lambda o: register(o, name="Bambang\x7f")),
    ("isolate in a name", "Nama lengkap", lambda o: register(o, name=LRI + "Bambang" + PDI)),
    ("name too long", "Nama lengkap", lambda o: register(o, name="B" * 121)),
    ("empty name", "Nama lengkap", lambda o: register(o, name="   ")),
    ("NUL in the birthplace", "Tempat lahir", lambda o: register(o, birth_place="Mage" + NUL)),
    ("override in the street", "Alamat (jalan)", lambda o: register(o, street="Jl. " + RLO)),
    ("street too long", "Alamat (jalan)", lambda o: register(o, street="J" * 201)),
    ("escape in the kelurahan", "Kelurahan", lambda o: register(o, kelurahan="Mager\x1bsari")),
    ("kecamatan too long", "Kecamatan", lambda o: register(o, kecamatan="K" * 81)),
    ("DEL in the city", "Kota/kabupaten", lambda o: register(o, city="Kota\x7fMagelang")),
    ("override in the identity note", "Keterangan identitas",
     lambda o: people.register_person(o["clerk"], documented=False, **person_values(
         nik="", identity_note="ditemukan di " + "\u202a" + "pasar"))),
    ("NUL in the identity note", "Keterangan identitas",
     lambda o: people.register_person(o["clerk"], documented=False, **person_values(
         nik="", identity_note="tanpa" + NUL))),
    ("born in 1800", "Tanggal lahir",
     lambda o: register(o, nik="", birth_date=datetime.date(1800, 1, 1))),
    ("born in year 1", "Tanggal lahir",
     lambda o: register(o, nik="", birth_date=datetime.date(1, 1, 1))),
    ("born tomorrow", "Tanggal lahir", lambda o: register(
        o, nik="", birth_date=datetime.date.today() + datetime.timedelta(days=1))),
    ("a birth date that is not a date", "Tanggal lahir",
     lambda o: register(o, nik="", birth_date="1980-02-22")),
    ("letters in the NIK", "NIK", lambda o: register(o, nik="33710122028O0004")),
    ("a 15-digit NIK", "NIK", lambda o: register(o, nik="337101220280000")),
    ("NUL in the NIK", "NIK", lambda o: register(o, nik="3371012202800" + NUL + "04")),
    ("letters in the KK", "No. KK", lambda o: register(o, kk_number="3371ABCD12345678")),
    ("letters in the RT", "RT", lambda o: register(o, rt="0a1")),
    ("letters in the phone", "Telepon/WhatsApp", lambda o: register(o, phone="0812-ABCD-99")),
    ("an unknown sex", "Jenis kelamin", lambda o: register(o, nik="", sex="X")),
    ("an unknown religion", "Agama", lambda o: register(o, religion="Jedi")),
    ("NUL in a changed phone's name", "Nama lengkap",
     lambda o: people.update_person(o["clerk"], o["person"], name="Agus" + NUL)),
    # -- an application ------------------------------------------------------------------
    ("NUL in the summary", "Ringkasan", lambda o: application(o, summary="butuh" + NUL)),
    ("summary of 10,000 characters", "Ringkasan", lambda o: application(o, summary=LONG * 2)),
    ("override in the summary", "Ringkasan", lambda o: application(o, summary=RLO + "abc")),
    ("vertical tab in the summary", "Ringkasan", lambda o: application(o, summary="a\x0bb")),
    ("received on 1900-01-01", "Waktu diterima",
     lambda o: application(o, received_at=datetime.datetime(1900, 1, 1))),
    ("received in 1999", "Waktu diterima",
     lambda o: application(o, received_at=datetime.datetime(1999, 12, 31, 8))),
    ("received next year", "Waktu diterima", lambda o: application(
        o, received_at=datetime.datetime.now() + datetime.timedelta(days=365))),
    ("an unknown channel", "Cara permohonan", lambda o: application(o, channel="merpati")),
    ("NUL in a requirement note", "Catatan persyaratan",
     lambda o: application(o, notes={1: "fotokopi" + NUL})),
    ("requirement note too long", "Catatan persyaratan",
     lambda o: application(o, notes={1: "n" * 2001})),
    ("NUL in a withdrawal reason", "Catatan",
     lambda o: workflow.withdraw(o["clerk"], o["application"], "batal" + NUL)),
    ("withdrawal reason of 5,000 characters", "Catatan",
     lambda o: workflow.withdraw(o["clerk"], o["application"], LONG)),
    ("override in a withdrawal reason", "Catatan",
     lambda o: workflow.withdraw(o["clerk"], o["application"], "batal " + RLO)),
    # -- a scan --------------------------------------------------------------------------
    ("a PDF named ktp.hta", "Lampiran", lambda o: attach(o, "ktp.hta", PDF)),
    ("a PNG named scan.exe", "Lampiran", lambda o: attach(o, "scan.exe", PNG)),
    ("a JPEG named foto.png", "Lampiran", lambda o: attach(o, "foto.png", JPEG)),
    ("a ZIP named kk.pdf", "Lampiran", lambda o: attach(o, "kk.pdf", b"PK\x03\x04rest")),
    ("an empty file", "Lampiran", lambda o: attach(o, "kosong.pdf", b"")),
    ("an override hiding .exe", "Nama berkas lampiran",
     lambda o: attach(o, "ktp" + RLO + "fdp.exe", PDF)),
    ("NUL in a file name", "Nama berkas lampiran", lambda o: attach(o, "ktp" + NUL + ".pdf",
                                                                    PDF)),
    ("a scan over the size limit", "Lampiran", lambda o: attach(
        o, "besar.pdf", PDF + b"0" * (settings.get("attachments.max_mb") * 1024 * 1024))),
    # -- accounts ------------------------------------------------------------------------
    ("NUL in a full name", "Nama lengkap", lambda o: add_user(o, full_name="Dewi" + NUL)),
    ("override in a full name", "Nama lengkap",
     lambda o: add_user(o, full_name=RLO + "Dewi")),
    ("line break in a full name", "Nama lengkap",
     lambda o: add_user(o, full_name="Dewi\nLestari")),
    ("position too long", "Jabatan", lambda o: add_user(
        o, role="kepala", nip="197005121995031002", position="J" * 161)),
    ("control character in a rank", "Pangkat/golongan", lambda o: add_user(
        o, role="kepala", nip="197005121995031002", rank="Pembina\x01")),
    # -- the catalog ---------------------------------------------------------------------
    ("NUL in a service name", "Nama layanan", lambda o: update_service(o, name="SLRT" + NUL)),
    ("override in a step", "Langkah 1", lambda o: update_service(
        o, steps=[dict(text="Verifikasi " + RLO, actor="petugas_layanan")])),
    ("requirement too long", "Persyaratan 1", lambda o: update_service(
        o, requirements=[dict(group="", text="r" * 2001)])),
    ("NUL in the product", "Produk layanan", lambda o: update_service(o, product="Surat" + NUL)),
    # -- letters -------------------------------------------------------------------------
    ("line break in the subject", "Hal",
     lambda o: lifecycle.edit(o["clerk"], o["draft"], subject="Rekomendasi\nSLRT")),
    ("NUL in the subject", "Hal", lambda o: lifecycle.edit(o["clerk"], o["draft"],
                                                           subject="Rekomendasi" + NUL)),
    ("override in a letter's free text", "Isian 'aid_purpose'", lambda o: lifecycle.edit(
        o["clerk"], o["draft"], fields={"aid_purpose": "rawat " + RLO})),
    ("a letter's free text of 5,000 characters", "Isian 'aid_purpose'",
     lambda o: lifecycle.edit(o["clerk"], o["draft"], fields={"aid_purpose": LONG})),
    # -- the calendar and the schedule ---------------------------------------------------
    ("NUL in a holiday's name", "Keterangan", lambda o: calendar.add_holiday(
        o["admin"], datetime.date(2027, 3, 3), "Cuti" + NUL)),
    ("override in a vehicle's name", "Nama kendaraan", lambda o: resources.save_vehicle(
        o["admin"], plate="AA 1234 XY", name="Ambulans " + RLO)),
    ("NUL in a cemetery's name", "Nama pemakaman",
     lambda o: resources.save_cemetery(o["admin"], name="TPU" + NUL)),
]


def saved_state():
    """What a refused call must leave as it was."""
    return (AuditEntry.select().count(), Person.select().count(),
            Application.select().count(), Attachment.select().count(),
            RequirementCheck.select().count(), StepEvent.select().count(),
            User.select().count())


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 60


def test_every_bad_input_is_refused_by_name_and_nothing_is_saved(backend_db):
    o = setup_office()
    o["draft"] = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    failures = []
    for what, field, call in CASES:
        before = saved_state()
        try:
            call(o)
        except ValidationError as exc:
            if field not in exc.field or not exc.message.startswith(exc.field):
                failures.append(f"{what}: named {exc.field!r}, expected {field!r}")
            elif "Traceback" in exc.message or NUL in exc.message or RLO in exc.message:
                failures.append(f"{what}: the message carries the bad input")
        except Exception as exc:  # noqa: BLE001 - reported as a failure of this case
            failures.append(f"{what}: {type(exc).__name__} instead of a message")
        else:
            failures.append(f"{what}: accepted")
        after = saved_state()
        if after != before:
            failures.append(f"{what}: something was saved ({before} -> {after})")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("text", ["Siti Nur'aini", "Bu Endang & Pak Slamet", "O'Neil <Jr>",
                                  "Ñoño Çelik", "阿里"])
def test_ordinary_names_are_kept_as_typed(backend_db, text):
    o = setup_office()
    person = people.register_person(o["clerk"], **person_values(
        nik="", name=text, identity_note="uji"), documented=False)
    assert Person.get_by_id(person.id).name == text
