"""The audit trail in words: sentences, state labels, office-local times, names for ids."""
import datetime

from desktop.models import AuditEntry
from desktop.services.admin import audit_query, audit_words, office
from desktop.services.applications import workflow
from desktop.services.letters import lifecycle, verification
from desktop.services.schedule import hearse, resources
from desktop.services.shared import audit, permissions, timefmt
from tests.factories import make_office, make_user
from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office


def entries(table_name: str, action: str | None = None) -> list:
    query = AuditEntry.select().where(AuditEntry.table_name == table_name)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(query.order_by(AuditEntry.id))


def texts(described) -> dict:
    return {change.label: change.text() for change in described.changes}


def test_a_letter_signed_and_initialled_reads_in_words(sqlite_db):
    o = setup_office()
    letter = ready_to_sign(o)
    signed = lifecycle.sign(o["head"], letter)
    initialled = [e for e in entries("letter", "update")
                  if '"waiting_signature"' in (e.new_values or "")][-1]
    said = audit_words.describe_all([initialled])[0]
    assert said.sentence == "Status surat: Menunggu tanda tangan"
    changes = texts(said)
    assert changes["Status"] == "Status: Menunggu paraf → Menunggu tanda tangan"
    assert changes["Pemaraf"] == f"Pemaraf: - → {o['coordinator'].full_name}"  # not an id
    assert changes["Waktu paraf"].endswith(" WIB")
    signing = entries("letter", "sign")[0]
    said = audit_words.describe(signing)
    assert said.sentence == "Surat ditandatangani"
    assert texts(said)["Nomor"] == f"Nomor: {signed.number}"
    assert "Sha256" not in texts(said)  # a digest is for the raw view
    assert audit_words.describe(entries("letter", "create")[0]).sentence == "Konsep surat dibuat"


def test_a_letter_checked_by_code_says_whether_it_was_found(sqlite_db):
    o = make_office()
    verification.verify("K7Q2-M9XD-4TPA", o["clerk"])
    said = audit_words.describe(entries("letter", "verify")[0])
    assert said.sentence == "Keaslian surat diperiksa"
    assert texts(said)["Ditemukan"] == "Ditemukan: Tidak"


def test_an_application_reads_in_words(sqlite_db):
    o = make_office()
    received = timefmt.to_utc(datetime.datetime(2026, 11, 23, 15, 0))
    app = workflow.register(o["clerk"], workflow.service_catalog.get("dpk-slrt"),
                            person=o["person"], received_at=received)
    created = entries("application", "create")[0]
    said = audit_words.describe_all([created])[0]
    assert said.sentence == "Permohonan didaftarkan"
    changes = texts(said)
    assert changes["Waktu diterima"] == "Waktu diterima: 23 November 2026 15.00 WIB"
    assert changes["Layanan"] == f"Layanan: {app.service.name}"
    assert changes["Status"] == "Status: Diproses"
    assert changes["Pelaksana"].startswith("Pelaksana: Petugas Layanan")
    assert "Pemohon: Agus" not in said.summary()  # a person stays an id: it may be a child


def test_a_15_wib_hearse_booking_reads_15_00(backend_db):
    office.save_profile(permissions.SYSTEM, office.get_profile(), office_name="Dinas Sosial",
                        region_kind="Kota", region_name="Magelang", address="Jl. Sudirman 46",
                        unit_code="Dinsos", classification_code="400.9")
    actor = make_user("piket", role=permissions.DUTY_OFFICER)
    s = permissions.SYSTEM
    vehicle = resources.save_vehicle(s, plate="aa1234xy", name="Toyota Hiace")
    driver = resources.save_driver(s, name="Joko Susanto", phone="081211112222")
    tpu = resources.save_cemetery(s, name="TPU Giriloyo", kelurahan="Magersari")
    day = timefmt.office_today() + datetime.timedelta(days=2)
    departure = timefmt.to_utc(datetime.datetime.combine(day, datetime.time(15, 0)))
    booking = hearse.save(actor, responsible_nik="3371011503850001",
                          responsible_name="Agus Prasetyo", responsible_phone="081234567890",
                          responsible_relation="Anak", deceased_name="Slamet Riyadi",
                          death_date=timefmt.office_today(), pickup_address="Jl. Tidar No. 5",
                          cemetery_id=tpu.id, departure_at=departure, vehicle_id=vehicle.id,
                          driver_id=driver.id)
    hearse.advance(actor, booking, "confirmed")
    created, confirmed = entries("hearse_booking")
    said = audit_words.describe_all([created, confirmed])
    assert said[0].sentence == "Pemesanan mobil jenazah ditambahkan"
    changes = texts(said[0])
    assert changes["Berangkat"] == f"Berangkat: {timefmt.format_date(day)} 15.00 WIB"
    assert changes["Kendaraan"] == "Kendaraan: Toyota Hiace (AA 1234 XY)"
    assert changes["Pengemudi"] == "Pengemudi: Joko Susanto"
    today = timefmt.format_date(timefmt.office_today())
    assert changes["Tanggal wafat"] == f"Tanggal wafat: {today}"
    assert said[1].sentence == "Status pemesanan mobil jenazah: Dikonfirmasi"
    assert texts(said[1])["Status"] == "Status: Dipesan → Dikonfirmasi"
    # The stored value stays UTC, one click away.
    raw = audit_words.raw_text(created)
    assert "Tindakan: create" in raw and "Tabel: hearse_booking" in raw
    assert f'"departure_at": "{departure.isoformat()}"' in raw
    assert f"ID baris: {booking.id}" in raw


def test_booleans_and_unknown_values_in_words(sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    audit.record(admin, "update", "vehicle", 7, old={"active": True}, new={"active": False})
    audit.record(admin, "update", "setting", 8, old={"value": 1}, new={"value": 2,
                                                                        "new_field": "x"})
    vehicle, setting = entries("vehicle")[0], entries("setting")[-1]
    assert audit_words.describe(vehicle).summary() == "Aktif: Ya → Tidak"
    assert audit_words.describe(vehicle).sentence == "Kendaraan diubah"
    assert audit_query.describe_change(setting) == "Nilai: 1 → 2; New field: x"
    assert audit_query.table_label("hearse_booking") == "Pemesanan mobil jenazah"


def test_the_search_finds_what_the_rows_say(backend_db):
    admin = make_user("admin", role=permissions.ADMIN)
    audit.record(admin, "sign", "letter", 5, new={"number": "400.9/0001/Dinsos/2026"})
    audit.record(admin, "update", "hearse_booking", 6, new={"note": "x"})

    def found(text):
        flt = audit_query.AuditFilter(text=text)
        return sorted((e.action, e.table_name) for e in audit_query.fetch(admin, flt, 0, 50))

    assert found("ditandatangani") == [("sign", "letter")]
    assert found("Mobil Jenazah") == [("update", "hearse_booking")]
    assert found("surat") == [("sign", "letter")]
    assert found("keaslian") == []  # 'Keaslian surat diperiksa': a verify entry only
    audit.record(admin, "verify", "letter", None, new={"code": "X", "found": False})
    assert found("keaslian") == [("verify", "letter")]
    assert audit_words.matching("su") == ([], [], [])  # too short to mean a word
