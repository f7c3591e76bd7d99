"""Letters from draft to handed over: paraf, signing, immutability, PDF and batch drafting."""
import datetime
import hashlib
import io
import shutil
import subprocess
import zipfile

import pytest

from desktop.errors import ConflictError, PelitaError, PermissionDenied, ValidationError
from desktop.models import Counter, Letter, User, db
from desktop.services.admin import office, settings
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.letters import batch, catalogue, lifecycle, pdf
from desktop.services.shared import permissions, records, timefmt
from tests.factories import docx_text, make_office, make_user, submit_complete

SIGNATURE = catalogue.sample_images()["signature_image"]
STAMP = catalogue.sample_images()["stamp_image"]


def setup_office():
    """make_office() plus a coordinator (a second kepala), a saved profile and an application."""
    people = make_office()
    people["coordinator"] = make_user("koord", role=permissions.HEAD,
                                      nip="198001012005011003", position="Koordinator SLRT")
    User.update(position="Kepala Bidang Rehabilitasi Sosial", rank="Pembina (IV/a)").where(
        User.id == people["head"].id).execute()
    people["head"] = User.get_by_id(people["head"].id)
    profile = office.save_profile(people["admin"], office.get_profile(),
                                  office_name="Dinas Sosial", region_kind="Kota",
                                  region_name="Magelang", address="Jl. Sudirman No. 79",
                                  unit_code="Dinsos", classification_code="400.9",
                                  emblem=catalogue.sample_images(signed=False)["emblem"])
    people["profile"] = profile
    people["application"] = workflow.register(people["clerk"], service_catalog.get("dpk-slrt"),
                                                   person=people["person"])
    return people


def complaint_handled_by(handler, head):
    """A complaint the kepala routed to `handler`, who verified it: ready for its reply."""
    from desktop.services.complaints import complaints

    received = datetime.datetime(2026, 11, 16, 9, 0)
    c = complaints.record(handler, kind="pengaduan", channel="whatsapp", subject="Antrean lama",
                          category="waktu", received_at=received, name="Sri Wahyuni",
                          now=timefmt.to_utc(received) + datetime.timedelta(hours=1))
    c = complaints.route(head, c, handler.username)
    return complaints.verify(handler, c, verified_on=datetime.date(2026, 11, 17),
                             complete=True, today=datetime.date(2026, 11, 17))


def ready_to_sign(o, application=None, signing_as=""):
    """A drafted, submitted and initialled letter, waiting for the head's signature."""
    letter = lifecycle.draft(o["clerk"], application or o["application"], signer=o["head"],
                             signing_as=signing_as,
                             fields={"aid_purpose": "rawat inap di RSUD Tidar",
                                     "tembusan": ["Arsip"]})
    letter = submit_complete(o["clerk"], letter)
    return lifecycle.paraf(o["coordinator"], letter)


def stored(letter):
    row = (Letter.select(Letter.final_docx, Letter.sha256, Letter.number, Letter.state,
                         Letter.version).where(Letter.id == letter.id).first())
    return bytes(row.final_docx or b""), row.sha256, row.number, row.state


def media_count(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(1 for name in archive.namelist() if name.startswith("word/media/"))


def counter_value() -> int:
    return sum(c.value for c in Counter.select().where(Counter.series.startswith("surat:")))


def test_draft_return_paraf_sign_hand_over(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"], signing_as="a.n.")
    assert letter.state == "draft" and letter.template_key == "rekomendasi_slrt"
    assert lifecycle.free_text(letter)["aid_type"] == "Bantuan Sosial Kesehatan"
    draft_docx = lifecycle.preview(letter)
    assert "Agus Prasetyo" in docx_text(draft_docx)

    letter = lifecycle.edit(o["clerk"], letter, fields={"aid_purpose": "biaya sekolah"})
    letter = submit_complete(o["clerk"], letter)
    letter = lifecycle.return_letter(o["coordinator"], letter, "Keperluan kurang jelas.")
    assert letter.state == "returned" and letter.return_note == "Keperluan kurang jelas."
    letter = lifecycle.edit(o["clerk"], letter,
                            fields={"aid_purpose": "biaya sekolah SMP Negeri 1 & <SMA>"})
    letter = submit_complete(o["clerk"], letter)
    # Only the verifier sees it to initial: the signer never initials their own letter.
    assert [x.id for x in lifecycle.queue(o["coordinator"], "waiting_paraf")] == [letter.id]
    assert lifecycle.queue(o["head"], "waiting_paraf") == []
    letter = lifecycle.paraf(o["coordinator"], letter)
    assert letter.state == "waiting_signature" and letter.paraf_by_id == o["coordinator"].id
    assert lifecycle.queue(o["head"], "waiting_signature")[0].id == letter.id
    assert lifecycle.queue(o["coordinator"], "waiting_signature") == []

    signed = lifecycle.sign(o["head"], letter, "a.n.")
    year = signed.year
    assert signed.state == "signed" and signed.sequence == 1
    assert signed.number == f"400.9.14/0001/Dinsos/{year}"
    data, digest, _, _ = stored(signed)
    assert hashlib.sha256(data).hexdigest() == digest == signed.sha256
    text = docx_text(data)
    assert signed.number in text and "biaya sekolah SMP Negeri 1 & <SMA>" in text
    assert "19700512 199503 1 002" in text  # the signer's NIP, grouped
    assert "a.n." in text
    assert lifecycle.signed_document(signed) == data

    handed = lifecycle.hand_over(o["clerk"], signed)
    assert handed.state == "handed_over" and handed.handed_over_by_id == o["clerk"].id
    assert stored(handed)[0] == data
    with pytest.raises(ValidationError, match="sudah diserahkan"):
        lifecycle.hand_over(o["clerk"], handed)


def tanda_daftar_case(o):
    """An LKS's Tanda Daftar application, visited and found layak, its validity set."""
    from desktop.cases.tanda_daftar import record as td
    from desktop.services.lks import lks_records

    from tests.lks.test_lks_records import BOARD, values

    lks = lks_records.save(o["clerk"], values(), BOARD, {"anak": 12})
    app = workflow.register(o["clerk"], service_catalog.get("mgl-tanda-daftar-lks"),
                            organisation=lks.organisation)
    case = td.save_registration(o["clerk"], app, None, lks_id=lks.id, kind="baru",
                                activity_report=False)
    today = datetime.date.today()
    case = td.save_visit(o["worker"], app, case, visit_date=today, team="Tim",
                         findings="Sekretariat sesuai alamat.", result="layak")
    td.save_validity(o["clerk"], app, case, valid_from=today,
                     valid_until=today + datetime.timedelta(days=1095))
    return app


def grant_case(o):
    """A legal entity's grant proposal, verified and found layak."""
    from desktop.cases.hibah import record as grant
    from desktop.services.applications import people

    org = people.register_organisation(o["clerk"], name="Perkumpulan Lama",
                                       address="Jl. Pemuda 3")
    app = workflow.register(o["clerk"], service_catalog.get("mgt-01-rekomendasi-hibah"),
                            organisation=org)
    today = datetime.date.today()
    case = grant.save(o["clerk"], app, None, legal_number="AHU-9",
                      domiciled_since=today.replace(year=today.year - 5),
                      budget_year=today.year + 1, requested=10_000_000, purpose="Operasional",
                      budget_lines=[("Operasional", 10_000_000)])
    grant.save_visit(o["clerk"], app, case, visit_date=today, result="layak", note="Sesuai.",
                     recommended=10_000_000)
    return app


def adoption_case(o):
    """An adoption whose couple meets every rule, assigned to the social worker."""
    from desktop.services.applications import assignment
    from tests.cases import test_adopsi

    app = workflow.register(o["clerk"], service_catalog.get(test_adopsi.SERVICE),
                            person=o["person"])
    app = assignment.assign(o["head"], app, o["worker"].username)
    test_adopsi.ready(o, app)
    return app


def abh_case(o):
    """An ABH case whose social report is written, asked for by the investigator."""
    from desktop.cases.abh import record as abh
    from desktop.services.applications import assignment
    from tests.factories import make_person

    kid = make_person(nik="3371024203100002", name="Putri Anjani", sex="P",
                      birth_date=datetime.date(2010, 3, 2))
    app = workflow.register(o["clerk"], service_catalog.get("mgl-abh"), person=kid)
    app = assignment.assign(o["head"], app, o["worker"].username)
    case = abh.save(o["worker"], app, None, offence_date=datetime.date(2026, 10, 20),
                    offence="Mengambil telepon genggam.", article="Pasal 362 KUHP",
                    threat_months=60, repeat=False,
                    contacts=[["penyidik", "Aipda Santoso", "Unit PPA Polres", ""]])
    abh.add_event(o["worker"], app, case, kind="permintaan_laporan",
                  at=datetime.datetime(2026, 10, 21, 9, 0), reference="B/77/X/2026")
    abh.save_report(o["worker"], app, abh.read(app), assessment="Tinggal bersama ibu.",
                    recommendation="Diversi.")
    return app


def referral_case(o, app=None):
    """A referral assessed and its institution chosen (the RSJ for an ODGJ Pendampingan, the
    companion named); `app` a registered referral of another group."""
    from desktop.cases.rujukan import record as rujukan
    from desktop.services.referrals import institutions

    institutions.load_shipped()
    if app is None:
        app = workflow.register(o["clerk"], service_catalog.get("mgt-18-pendampingan-odgj"),
                                person=o["person"])
    group = rujukan.default_group(app)
    case = rujukan.save_assessment(o["worker"], app, None, group=group,
                                   findings="Hasil asesmen awal.", assessed_on=timefmt.to_local(
                                       app.received_at).date())
    place = next(i for i in institutions.accepting(group) if i.kind != "rumah_singgah")
    rujukan.choose_institution(o["worker"], app, case, place.id, companions="Yusuf (peksos)",
                               transport="Mobil dinas")
    return app


def disaster_case(o):
    """A flood with one household given rice from the stock."""
    from desktop.cases.bencana import record as bencana
    from desktop.services.stock import stock

    app = workflow.register(o["clerk"], service_catalog.get("mgl-korban-bencana"),
                            person=o["person"])
    now = timefmt.to_local(timefmt.utcnow()).replace(tzinfo=None, second=0, microsecond=0)
    case = bencana.save_event(o["worker"], app, None, hazard="banjir",
                              occurred_at=now - datetime.timedelta(hours=3),
                              reported_at=now - datetime.timedelta(hours=2),
                              place="Bantaran Progo", kelurahan="Tidar Utara")
    household = bencana.save_household(o["worker"], app, case, head_name="Sutrisno",
                                       address="Bantaran Progo RT 02", adults=2)
    rice = stock.save_item(o["clerk"], name="Beras", unit="kg")
    stock.receive(o["clerk"], rice.id, 50, moved_on=now.date(), source="Kemensos RI")
    bencana.distribute(o["worker"], app, case, household_id=household.id, item_id=rice.id,
                       quantity=10, given_on=now.date(), received_by="Sutrisno")
    return app


def stranded_case(o):
    """A traveller sent home with the police letter; the same case referred to RSUD Tidar is
    for the medical letter (a tuna sosial)."""
    from desktop.cases.terlantar import record as terlantar
    from desktop.models import Institution
    from desktop.services.referrals import institutions

    institutions.load_shipped()
    now = timefmt.to_local(timefmt.utcnow()).replace(tzinfo=None, second=0, microsecond=0)
    journey = workflow.register(o["clerk"], service_catalog.get("mgt-11-pemulangan-orang-"
                                                                "terlantar"), person=o["person"])
    case = terlantar.save_report(o["worker"], journey, None, track="perjalanan",
                                 source="polisi", found_place="Terminal Tidar",
                                 reported_at=now - datetime.timedelta(hours=2))
    terlantar.plan_journey(o["worker"], journey, case, police_reference="SKT/1/XI/2026",
                           destination="Kabupaten Cilacap", transport="bus umum",
                           departure_at=now)
    shelter = workflow.register(o["clerk"], service_catalog.get(
        "mgl-orang-terlantar-tuna-sosial"), person=o["person"])
    case = terlantar.save_report(o["worker"], shelter, None, track="tuna_sosial",
                                 source="satpol_pp", found_place="Jl. Pemuda",
                                 reported_at=now - datetime.timedelta(hours=2))
    terlantar.refer_medical(o["worker"], shelter, case, institution_id=Institution.get(
        Institution.name.contains("RSUD")).id, mental=False, referred_at=now,
        reason="Demam tinggi.")
    return journey, shelter


def atensi_case(o):
    """An elderly ATENSI beneficiary with one assistance delivered."""
    from desktop.cases.atensi import record as atensi
    from tests.factories import make_person

    elder = make_person(nik="3371011503500001", name="Mbah Karto",
                        birth_date=datetime.date(1950, 3, 15))
    app = workflow.register(o["clerk"], service_catalog.get("mgl-atensi"), person=elder)
    today = timefmt.to_local(timefmt.utcnow()).date()
    case = atensi.determine(o["head"], app, None, budget_year=today.year, cluster="lansia",
                            pmks_reference="PMKS-1")
    atensi.deliver(o["worker"], app, case, component="hidup_layak", delivered_on=today,
                   items="paket sembako", amount="150.000")
    return app


def collection_case(o):
    """A yayasan's collection within the rules."""
    from desktop.cases.pub import record as pub
    from desktop.services.applications import people

    org = people.register_organisation(o["clerk"], name="Yayasan Peduli Sesama",
                                       address="Jl. Tidar 5")
    app = workflow.register(o["clerk"], service_catalog.get(
        "mgt-02-izin-pengumpulan-uang-barang"), organisation=org)
    today = datetime.date.today()
    pub.save(o["clerk"], app, None, organiser_form="yayasan", legal_number="AHU-1",
             goods="uang", purpose="Beasiswa", methods=["kotak"], area_level="kabkota",
             target=50_000_000, planned_cost=2_000_000, period_start=today,
             period_end=today + datetime.timedelta(days=60))
    return app


def raffle_case(o):
    """A raffle applied for well before its draw, its prizes and contribution recorded."""
    from desktop.cases.undian import record as raffle
    from desktop.services.admin.calendar import WorkCalendar
    from desktop.services.applications import people

    org = people.register_organisation(o["clerk"], name="PT Toserba Sejahtera",
                                       address="Jl. Pemuda 12")
    app = workflow.register(o["clerk"], service_catalog.get(
        "mgt-03-izin-undian-gratis-berhadiah"), organisation=org)
    today = datetime.date.today()
    draw = WorkCalendar().add_working_days(today, 20)
    raffle.save(o["clerk"], app, None, organiser_status="badan_hukum", raffle_name="Undian",
                period_start=today, period_end=draw, draw_date=draw, draw_place="Aula",
                notary="Notaris", prizes=[("TV", 2, 2_000_000)], contribution=400_000)
    return app


def test_every_template_gets_every_variable_it_uses(sqlite_db):
    from docxtpl import DocxTemplate

    from desktop.services.letters import context, render

    from desktop.cases.dtks import record
    from desktop.services.cases import registry

    o = setup_office()
    # A letter a case kind fills is drafted from a case of that kind, its data recorded.
    owned = {key for key in catalogue.TEMPLATES if registry.letter_owners(key)}
    assert owned == {"keterangan_dtks", "tanda_daftar_lks", "rekomendasi_undian",
                     "rekomendasi_pub", "rekomendasi_hibah", "izin_pub", "izin_undian",
                     "rekomendasi_terdaftar_lks", "rekomendasi_pengangkatan_anak",
                     "laporan_sosial_abh", "rujukan_rehabilitasi",
                     "berita_acara_bantuan_bencana", "pemulangan_orang_terlantar",
                     "rujukan_medis_tuna_sosial", "catatan_layanan_atensi"}, \
        "draft the new kind's letters from its case here"
    dtks = workflow.register(o["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                             person=o["application"].person)
    record.save(o["clerk"], dtks, registered=True, data_id="3371020101000123",
                programmes=["PKH"], data_period=datetime.date(2026, 10, 1))
    cases = {"keterangan_dtks": dtks, "tanda_daftar_lks": tanda_daftar_case(o),
             "rekomendasi_undian": raffle_case(o), "rekomendasi_pub": collection_case(o),
             "rekomendasi_hibah": grant_case(o),
             "rekomendasi_pengangkatan_anak": adoption_case(o), "laporan_sosial_abh": abh_case(o),
             "rujukan_rehabilitasi": referral_case(o),
             "berita_acara_bantuan_bencana": disaster_case(o),
             "catatan_layanan_atensi": atensi_case(o)}
    cases["pemulangan_orang_terlantar"], cases["rujukan_medis_tuna_sosial"] = stranded_case(o)
    cases.update(izin_pub=cases["rekomendasi_pub"], izin_undian=cases["rekomendasi_undian"],
                 rekomendasi_terdaftar_lks=cases["tanda_daftar_lks"])
    reply_to = complaint_handled_by(o["clerk"], o["head"])  # the reply letter answers it
    for key in catalogue.TEMPLATES:
        application = cases.get(key)
        if key == "jawaban_pengaduan":
            letter = lifecycle.draft(o["clerk"], None, signer=o["head"], complaint=reply_to)
        else:
            letter = lifecycle.draft(o["clerk"], application, signer=o["head"],
                                     template_key=key)
        values = context.build(letter, application=application)
        used = DocxTemplate(str(render.template_path(key))).get_undeclared_template_variables()
        assert used <= set(values), (key, used - set(values))
        assert set(catalogue.spec(key).all_variables()) <= set(values), key
        text = docx_text(lifecycle.preview(letter))
        assert "{{" not in text and "{%" not in text, key


def test_signature_and_stamp_only_on_signed_letters(backend_db):
    o = setup_office()
    lifecycle.set_signer_images(o["admin"], o["head"], signature=SIGNATURE, stamp=STAMP)
    letter = ready_to_sign(o)
    draft_media = media_count(lifecycle.preview(letter))
    signed = lifecycle.sign(o["head"], letter)
    # emblem only on the draft; the signed letter adds QR code, signature and stamp
    assert draft_media == 1
    assert media_count(stored(signed)[0]) == 4
    with pytest.raises(ValidationError, match="PNG"):
        lifecycle.set_signer_images(o["admin"], o["head"], signature=b"GIF89a...")
    with pytest.raises(ValidationError, match="rusak"):  # would break every later signing
        lifecycle.set_signer_images(o["admin"], o["head"], signature=SIGNATURE[:40])
    with pytest.raises(PermissionDenied):
        lifecycle.set_signer_images(o["clerk"], o["head"], signature=SIGNATURE)


def _stamp_drawing(document: bytes) -> tuple[str, bytes]:
    """How the stamp is drawn ('anchor' floating, 'inline' in the line) and its picture."""
    from docx import Document
    from docx.oxml.ns import qn

    word = Document(io.BytesIO(document))
    for drawing in word.element.body.iter(qn("w:drawing")):
        frame = drawing[0]
        blip = frame.find(".//" + qn("a:blip"))
        picture = word.part.related_parts[blip.get(qn("r:embed"))].blob
        if frame.tag == qn("wp:anchor") or picture == STAMP:
            return frame.tag.split("}")[1], picture
    return "", b""


def test_the_stamp_covers_the_left_of_the_signature_unless_set_beside(backend_db):
    from PIL import Image

    o = setup_office()
    lifecycle.set_signer_images(o["admin"], o["head"], signature=SIGNATURE, stamp=STAMP)
    assert settings.get("letters.stamp_placement") == "over_signature"
    kind, picture = _stamp_drawing(stored(lifecycle.sign(o["head"], ready_to_sign(o)))[0])
    assert kind == "anchor"  # floats over the line, takes no room in it
    with Image.open(io.BytesIO(picture)) as stamp:  # its white paper lets the signature show
        assert stamp.mode == "RGBA"
        assert stamp.getpixel((50, 50))[3] == 0 and stamp.getpixel((50, 8))[3] == 255
    with pytest.raises(ValidationError, match="Letak cap dinas"):
        settings.set_value(o["admin"], "letters.stamp_placement", "atas")
    settings.set_value(o["admin"], "letters.stamp_placement", "beside")
    kind, picture = _stamp_drawing(stored(lifecycle.sign(o["head"], ready_to_sign(o)))[0])
    assert (kind, picture) == ("inline", STAMP)  # beside the signature, as uploaded


def test_templates_sharing_a_classification_never_share_a_number(backend_db):
    o = setup_office()
    from desktop.cases.dtks import record

    first = lifecycle.sign(o["head"], ready_to_sign(o))  # rekomendasi_slrt, 400.9.14
    dtks = workflow.register(o["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                             person=o["application"].person)
    record.save(o["clerk"], dtks, registered=False, data_period=datetime.date(2026, 10, 1))
    other = lifecycle.draft(o["clerk"], dtks, signer=o["head"])  # another series, 400.9.14
    other = lifecycle.paraf(o["coordinator"], submit_complete(o["clerk"], other))
    second = lifecycle.sign(o["head"], other)
    assert (first.series, second.series) == ("rekomendasi", "keterangan")
    assert [first.sequence, second.sequence] == [1, 2]
    assert first.number != second.number


def test_one_series_under_two_classifications_numbers_each_from_one(backend_db):
    """rekomendasi_slrt (400.9.14) and rekomendasi_pengangkatan_anak (400.9.2) share the series
    "rekomendasi"; each classification code keeps its own sequence, both signable."""
    o = setup_office()
    first = lifecycle.sign(o["head"], ready_to_sign(o))
    other = lifecycle.draft(o["clerk"], adoption_case(o), signer=o["head"],
                            template_key="rekomendasi_pengangkatan_anak")
    other = lifecycle.paraf(o["coordinator"], submit_complete(o["clerk"], other))
    second = lifecycle.sign(o["head"], other)
    assert (first.series, second.series) == ("rekomendasi", "rekomendasi")
    assert [first.sequence, second.sequence] == [1, 1]
    assert first.number.startswith("400.9.14/0001/") and second.number.startswith("400.9.2/0001/")


def test_number_pattern_is_a_setting(backend_db):
    o = setup_office()
    with pytest.raises(ValidationError, match="Pola nomor surat"):
        settings.set_value(o["admin"], "letters.number_pattern", "{classification}/{unit}")
    with pytest.raises(ValidationError, match="hanya boleh"):
        settings.set_value(o["admin"], "letters.number_pattern", "{seq}/{kode}")
    settings.set_value(o["admin"], "letters.number_pattern",
                       "{classification}/{seq:03d}/{unit}/{roman}/{year}")
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    local = timefmt.to_local(signed.signed_at)
    roman = lifecycle.numbering.ROMAN_MONTHS[local.month - 1]
    assert signed.number == f"400.9.14/001/Dinsos/{roman}/{local.year}"


def test_signing_refusals_change_nothing(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])

    with pytest.raises(ValidationError, match="diparaf"):  # not initialled
        lifecycle.sign(o["head"], letter)
    letter = lifecycle.paraf(o["coordinator"], submit_complete(o["clerk"], letter))

    with pytest.raises(PermissionDenied, match="menandatangani surat"):  # no kepala role
        lifecycle.sign(o["clerk"], letter)
    with pytest.raises(PermissionDenied, match="Kabid Santoso"):  # another kepala
        lifecycle.sign(o["coordinator"], letter)
    with pytest.raises(ValidationError, match="Sebagai"):
        lifecycle.sign(o["head"], letter, "wakil")

    User.update(nip="").where(User.id == o["head"].id).execute()  # e.g. an imported account
    with pytest.raises(ValidationError) as missing:
        lifecycle.sign(o["head"], letter)
    assert missing.value.field == "NIP penanda tangan" and "Pengguna" in missing.value.message
    User.update(nip="197005121995031002", position="").where(
        User.id == o["head"].id).execute()
    with pytest.raises(ValidationError, match="Jabatan penanda tangan: belum diisi"):
        lifecycle.sign(o["head"], letter)
    User.update(position="Kepala Bidang").where(User.id == o["head"].id).execute()
    current = records.reload(letter)
    assert (current.state, current.number, current.final_docx, current.version) == \
        ("waiting_signature", None, None, letter.version)
    assert counter_value() == 0

    assert lifecycle.sign(o["head"], letter).sequence == 1


def test_paraf_and_drafting_rules(backend_db):
    o = setup_office()
    with pytest.raises(PermissionDenied):
        lifecycle.draft(o["head"], o["application"], signer=o["head"])
    with pytest.raises(ValidationError, match="Penanda tangan"):
        lifecycle.draft(o["clerk"], o["application"], signer=o["worker"])
    with pytest.raises(ValidationError, match="tidak dipakai templat"):
        lifecycle.draft(o["clerk"], o["application"], signer=o["head"], fields={"x": "y"})
    with pytest.raises(ValidationError, match="melebihi batas"):
        lifecycle.draft(o["clerk"], o["application"], signer=o["head"],
                        fields={"aid_purpose": "x" * 5000})
    letter = submit_complete(o["clerk"], lifecycle.draft(o["clerk"], o["application"],
                                                          signer=o["head"]))
    with pytest.raises(ValidationError, match="hanya konsep"):
        lifecycle.edit(o["clerk"], letter, subject="Lain")
    with pytest.raises(PermissionDenied):
        lifecycle.paraf(o["clerk"], letter)
    with pytest.raises(PermissionDenied, match="pemeriksa"):  # the signer cannot initial
        lifecycle.paraf(o["head"], letter)
    with pytest.raises(ValidationError, match="Catatan pengembalian"):
        lifecycle.return_letter(o["coordinator"], letter, "  ")
    stale = Letter.get_by_id(letter.id)
    letter = lifecycle.paraf(o["coordinator"], letter)
    with pytest.raises(ValidationError, match="menunggu tanda tangan"):
        lifecycle.paraf(o["coordinator"], letter)
    with pytest.raises(ConflictError, match="koord"):  # another PC already moved it on
        lifecycle.return_letter(o["coordinator"], stale, "Ulangi")


def test_signed_letter_never_changes(backend_db):
    o = setup_office()
    letter = ready_to_sign(o)
    stale = letter
    signed = lifecycle.sign(o["head"], letter)
    before = stored(signed)

    attempts = [
        lambda: lifecycle.sign(o["head"], signed),
        lambda: lifecycle.sign(o["head"], stale),
        lambda: lifecycle.edit(o["clerk"], signed, fields={"aid_purpose": "lain"}),
        lambda: lifecycle.edit(o["clerk"], stale, subject="Lain"),
        lambda: lifecycle.submit(o["clerk"], signed),
        lambda: lifecycle.paraf(o["coordinator"], signed),
        lambda: lifecycle.return_letter(o["head"], signed, "Tarik kembali"),
        lambda: lifecycle.return_letter(o["head"], stale, "Tarik kembali"),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="sudah ditandatangani dengan nomor"):
            attempt()
    # Below the services, the database itself refuses.
    raw = [
        lambda: records.update(records.reload(signed), o["admin"], final_docx=b"PK forged"),
        lambda: records.update(records.reload(signed), o["admin"], number="999/X"),
        lambda: records.update(records.reload(signed), o["admin"], state="draft",
                               signed_at=None),
        lambda: records.delete(records.reload(signed), o["admin"]),
        lambda: Letter.update(sha256="0" * 64).where(Letter.id == signed.id).execute(),
        lambda: Letter.delete().where(Letter.id == signed.id).execute(),
    ]
    for attempt in raw:
        with pytest.raises(Exception, match="immutable"):
            with db.atomic():
                attempt()
    assert stored(signed) == before
    assert counter_value() == 1

    handed = lifecycle.hand_over(o["clerk"], signed)
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        lifecycle.edit(o["clerk"], handed, subject="Lain")
    after = stored(handed)
    assert after[:3] == before[:3]


def test_pdf_without_libreoffice_keeps_the_docx(sqlite_db, monkeypatch):
    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    before = stored(signed)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "KNOWN_PATHS", [])
    monkeypatch.setattr(pdf, "_docx2pdf_available", lambda: False)
    assert not pdf.can_convert()
    with pytest.raises(PelitaError) as problem:
        lifecycle.pdf_of(o["clerk"], signed)
    assert "LibreOffice" in problem.value.message and ".docx" in problem.value.message
    assert "libreoffice.org" in problem.value.message
    assert stored(signed) == before
    assert Letter.get_by_id(signed.id).pdf is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_signed_letter_converts_to_pdf(sqlite_db):
    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    data = lifecycle.pdf_of(o["clerk"], signed)
    assert data.startswith(b"%PDF")
    assert bytes(Letter.get_by_id(signed.id).pdf) == data
    assert lifecycle.pdf_of(o["clerk"], signed) == data  # kept, not converted again
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed: text not checked")
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    assert signed.number in text
    assert lifecycle.letter_context.format_code(signed.verification_code) in text
    assert "{{" not in text and "{%" not in text


def test_batch_drafts_each_in_its_own_transaction(backend_db):
    o = setup_office()
    ids = [o["application"].id] + [
        workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"]).id
        for _ in range(3)]
    rejected = workflow.register(o["clerk"], service_catalog.get("dpk-slrt"), person=o["person"])
    workflow.withdraw(o["clerk"], rejected, "Pemohon pindah")
    calls = []
    result = batch.draft_many(o["clerk"], ids + [rejected.id, 999999], o["head"],
                              progress=lambda done, total: calls.append((done, total)))
    assert len(result.created) == 4 and not result.cancelled
    assert [(f[0], "dicabut" in f[2] or "tidak ditemukan" in f[2]) for f in result.failed] == \
        [(rejected.id, True), (999999, True)]
    assert calls[-1] == (6, 6) and len(calls) == 6
    assert Letter.select().count() == 4
    assert "4 konsep surat dibuat, 2 gagal" in result.summary()

    seen = []
    stopped = batch.draft_many(o["clerk"], ids, o["head"],
                               progress=lambda done, total: seen.append(done),
                               cancelled=lambda: len(seen) >= 2)
    assert stopped.cancelled and len(stopped.created) == 2
    assert Letter.select().count() == 6
    with pytest.raises(PermissionDenied):
        batch.draft_many(o["head"], ids, o["head"])


def test_an_incomplete_letter_cannot_go_to_paraf(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    with pytest.raises(ValidationError) as caught:
        lifecycle.submit(o["clerk"], letter)
    assert caught.value.field == "Tujuan surat sesudah 'Yth.'"
    assert "masih kosong" in caught.value.reason
    assert lifecycle.get(letter.id, permissions.SYSTEM).state == "draft"
    letter = lifecycle.edit(o["clerk"], letter, fields={"addressee": "Direktur RSUD Depok"})
    assert lifecycle.free_text(letter)["aid_type"] == "Bantuan Sosial Kesehatan"  # merged, kept
    assert submit_complete(o["clerk"], letter).state == "waiting_paraf"


def test_an_edit_names_the_subject_and_every_text_part_at_fault_together(backend_db):
    from desktop.errors import ValidationErrors

    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    with pytest.raises(ValidationErrors) as caught:
        lifecycle.edit(o["clerk"], letter, subject=" ",
                       fields={"addressee": "x" * (lifecycle.FIELD_MAX + 1)})
    assert [e.field for e in caught.value.errors] == ["Hal", "Isian 'addressee'"]
    assert lifecycle.get(letter.id, permissions.SYSTEM).version == letter.version  # unsaved


def test_the_capacity_is_chosen_when_drafting_and_the_draft_shows_the_final_block(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"], signing_as="Plt.")
    assert letter.signing_as == "Plt."
    lines = docx_text(lifecycle.preview(letter)).splitlines()
    # Plt. before the position acted for, then the signer's own name: as it will be signed.
    assert "Plt. Kepala Dinas Sosial Kota Magelang," in lines
    assert not any("Kepala Bidang Rehabilitasi Sosial" in line for line in lines)
    letter = lifecycle.edit(o["clerk"], letter, signing_as="a.n.")
    lines = docx_text(lifecycle.preview(letter)).splitlines()
    assert "a.n. Kepala Dinas Sosial Kota Magelang" in lines
    assert "Kepala Bidang Rehabilitasi Sosial," in lines
    with pytest.raises(ValidationError, match="Sebagai"):
        lifecycle.edit(o["clerk"], letter, signing_as="wakil")
    letter = lifecycle.paraf(o["coordinator"], submit_complete(o["clerk"], letter))
    signed = lifecycle.sign(o["head"], letter)
    assert signed.signing_as == "a.n."
    assert "a.n. Kepala Dinas Sosial Kota Magelang" in docx_text(
        lifecycle.signed_document(signed)).splitlines()


def test_changing_signer_or_capacity_after_the_paraf_sends_it_back_for_a_new_one(backend_db):
    o = setup_office()
    letter = ready_to_sign(o)
    with pytest.raises(ValidationError, match="Sebagai"):  # not otherwise than initialled
        lifecycle.sign(o["head"], letter, "Plh.")
    with pytest.raises(PermissionDenied):  # the drafter cannot change it once submitted
        lifecycle.change_signing(o["clerk"], letter, signing_as="Plh.")
    changed = lifecycle.change_signing(o["head"], letter, signing_as="Plh.")
    assert (changed.state, changed.paraf_by_id, changed.signing_as) == \
        ("waiting_paraf", None, "Plh.")
    with pytest.raises(ValidationError, match="diparaf"):
        lifecycle.sign(o["head"], changed)
    again = lifecycle.paraf(o["coordinator"], changed)
    signed = lifecycle.sign(o["head"], again, "Plh.")
    assert "Plh. Kepala Dinas Sosial Kota Magelang," in docx_text(
        lifecycle.signed_document(signed)).splitlines()
    # A new signer after the paraf likewise.
    other = ready_to_sign(o)
    moved = lifecycle.change_signing(o["coordinator"], other, signer=o["coordinator"])
    assert (moved.state, moved.signer_id, moved.paraf_by_id) == \
        ("waiting_paraf", o["coordinator"].id, None)
    unchanged = lifecycle.change_signing(o["head"], moved, signer=o["coordinator"])
    assert unchanged.version == moved.version  # nothing changed: nothing recorded
    with pytest.raises(ValidationError, match="pembuatnya"):  # a draft is the drafter's
        lifecycle.change_signing(o["head"], lifecycle.draft(o["clerk"], o["application"],
                                                            signer=o["head"]), signing_as="a.n.")


def test_the_head_of_office_signs_on_their_own_title_only(backend_db):
    o = setup_office()
    User.update(position="Kepala Dinas Sosial Kota Magelang").where(
        User.id == o["head"].id).execute()
    for capacity in ("a.n.", "Plt.", "Plh."):
        with pytest.raises(ValidationError, match="atas jabatannya sendiri"):
            lifecycle.draft(o["clerk"], o["application"], signer=o["head"], signing_as=capacity)
    User.update(position="Kepala  Dinas Sosial").where(User.id == o["head"].id).execute()
    with pytest.raises(ValidationError, match="atas jabatannya sendiri"):  # without the region
        lifecycle.draft(o["clerk"], o["application"], signer=o["head"], signing_as="a.n.")
    assert lifecycle.draft(o["clerk"], o["application"], signer=o["head"]).signing_as == ""


def test_a_new_letter_is_titled_as_offices_write_it_never_with_the_applicant(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    assert letter.subject == "Rekomendasi Bantuan Sosial Kesehatan"  # the service's aid type
    assert letter.subject != catalogue.spec("rekomendasi_slrt").title
    assert o["person"].name not in letter.subject
    assert catalogue.default_subject("rujukan_rehabilitasi", {}) == "Rujukan Rehabilitasi Sosial"
    assert catalogue.default_subject("rekomendasi_hibah", {"org_name": "Yayasan  Kasih"}) == \
        "Rekomendasi Hibah Yayasan Kasih"
    assert catalogue.default_subject("rekomendasi_terdaftar_lks",
                                     {"org_name": "LKS Mitra Mandiri"}) == \
        "Rekomendasi Penetapan Terdaftar sebagai LKS Mitra Mandiri"  # not "LKS LKS"
    typed = lifecycle.draft(o["clerk"], o["application"], signer=o["head"],
                            subject="Rekomendasi bantuan rawat inap")
    assert typed.subject == "Rekomendasi bantuan rawat inap"


def test_the_body_text_size_is_the_office_s_setting(backend_db):
    from docx import Document

    o = setup_office()

    def body_pt(document: bytes) -> float:
        return Document(io.BytesIO(document)).styles["Normal"].font.size.pt

    letter = ready_to_sign(o)
    assert body_pt(lifecycle.preview(letter)) == 11
    with pytest.raises(ValidationError, match="Ukuran huruf"):
        settings.set_value(o["admin"], "letters.font_pt", 16)
    settings.set_value(o["admin"], "letters.font_pt", 12)  # as many regional rules ask
    assert body_pt(lifecycle.preview(letter)) == 12
    assert body_pt(lifecycle.signed_document(lifecycle.sign(o["head"], letter))) == 12


def test_a_draft_whose_signer_has_left_keeps_its_text_editable(backend_db):
    o = setup_office()
    letter = lifecycle.draft(o["clerk"], o["application"], signer=o["head"])
    User.update(active=False).where(User.id == o["head"].id).execute()
    edited = lifecycle.edit(o["clerk"], letter, fields={"aid_purpose": "rawat jalan"})
    assert lifecycle.free_text(edited)["aid_purpose"] == "rawat jalan"
    with pytest.raises(ValidationError, match="Penanda tangan"):  # but not signed by them
        lifecycle.edit(o["clerk"], edited, signing_as="a.n.")
    with pytest.raises(ValidationError, match="Hal"):  # a typed subject is never cut short
        lifecycle.draft(o["clerk"], o["application"], signer=o["coordinator"],
                        subject="R" * (lifecycle.SUBJECT_MAX + 1))


# -- revocation --------------------------------------------------------------------------------

def test_a_kepala_revokes_an_issued_letter_once_with_its_reason(backend_db):
    from desktop.services.shared import audit

    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    stale = Letter.get_by_id(signed.id)  # opened before the hand-over, on another PC
    handed = lifecycle.hand_over(o["clerk"], signed)
    before = stored(handed)
    for who in ("clerk", "worker", "admin"):
        with pytest.raises(PermissionDenied, match="mencabut surat"):
            lifecycle.revoke(o[who], handed, "Penerima bantuan ternyata sudah pindah.")
    for reason in ("", "   ", "salah"):
        with pytest.raises(ValidationError, match="Alasan pencabutan"):
            lifecycle.revoke(o["head"], handed, reason)
    with pytest.raises(ConflictError):
        lifecycle.revoke(o["head"], stale, "Penerima bantuan ternyata sudah pindah.")
    draft = ready_to_sign(o)
    with pytest.raises(ValidationError, match="hanya surat yang sudah ditandatangani"):
        lifecycle.revoke(o["head"], draft, "Penerima bantuan ternyata sudah pindah.")
    assert records.reload(handed).state == "handed_over"

    revoked = lifecycle.revoke(o["coordinator"], handed,
                               "  Penerima bantuan ternyata sudah pindah domisili.  ")
    assert revoked.state == "revoked" and lifecycle.STATES["revoked"] == "Dicabut"
    assert revoked.revoked_by_id == o["coordinator"].id and revoked.revoked_at is not None
    assert revoked.revocation_reason == "Penerima bantuan ternyata sudah pindah domisili."
    assert stored(revoked)[:3] == before[:3]  # its number and document stay
    assert revoked.handed_over_at == handed.handed_over_at
    assert lifecycle.signed_document(revoked) == before[0]
    entry = audit.entries_for("letter", revoked.id)[-1]
    assert entry.action == "revoke" and entry.username == o["coordinator"].username
    assert '"handed_over"' in entry.old_values and "pindah domisili" in entry.new_values
    # It stays in the lists, as Dicabut.
    listed = {x.id: x.state for x in lifecycle.queue(o["clerk"])}
    assert listed[revoked.id] == "revoked"

    with pytest.raises(ValidationError, match="sudah dicabut"):
        lifecycle.revoke(o["head"], revoked, "Sekali lagi karena salah ketik.")
    with pytest.raises(ValidationError, match="sudah dicabut"):
        lifecycle.hand_over(o["clerk"], revoked)
    with pytest.raises(ValidationError, match="sudah ditandatangani dengan nomor"):
        lifecycle.edit(o["clerk"], revoked, subject="Lain")

    # A signed letter revoked before it was handed over is never handed over.
    signed = lifecycle.sign(o["head"], draft)
    signed = lifecycle.revoke(o["head"], signed, "Surat dibuat untuk permohonan yang salah.")
    with pytest.raises(ValidationError, match="dicabut tidak berlaku"):
        lifecycle.hand_over(o["clerk"], signed)
    assert signed.handed_over_at is None
    # Their numbers are never given again.
    newer = lifecycle.sign(o["head"], ready_to_sign(o))
    assert newer.sequence == 3 and newer.number not in (revoked.number, signed.number)


def test_the_database_keeps_a_revocation_as_recorded(backend_db):
    o = setup_office()
    draft = ready_to_sign(o)
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    revoked = lifecycle.revoke(o["head"], lifecycle.sign(o["head"], ready_to_sign(o)),
                               "Surat dibuat untuk permohonan yang salah.")
    now = datetime.datetime(2026, 12, 1, 3, 0)
    attempts = [  # what the application's login could try, below the services
        lambda: Letter.update(state="signed").where(Letter.id == revoked.id).execute(),
        lambda: Letter.update(revoked_at=None, revoked_by=None, revocation_reason=None,
                              state="signed").where(Letter.id == revoked.id).execute(),
        lambda: Letter.update(revocation_reason="Lain").where(Letter.id == revoked.id).execute(),
        lambda: Letter.update(revoked_at=now).where(Letter.id == revoked.id).execute(),
        lambda: Letter.update(state="handed_over", handed_over_at=now,
                              handed_over_by=o["clerk"].id)
        .where(Letter.id == revoked.id).execute(),
        lambda: records.update(records.reload(revoked), o["admin"], handed_over_at=now),
        # no revocation of a letter never signed, and none without its date
        lambda: Letter.update(state="revoked", revoked_at=now, revocation_reason="Tidak jadi.")
        .where(Letter.id == draft.id).execute(),
        lambda: Letter.update(state="revoked").where(Letter.id == signed.id).execute(),
        lambda: Letter.update(revoked_at=now).where(Letter.id == signed.id).execute(),
    ]
    for attempt in attempts:
        with pytest.raises(Exception, match="final"):
            with db.atomic():
                attempt()
    row = records.reload(revoked)
    assert (row.state, row.revoked_at, row.revocation_reason) == \
        ("revoked", revoked.revoked_at, "Surat dibuat untuk permohonan yang salah.")
    assert records.reload(signed).state == "signed"
    # The other columns still change as before: the PDF kept on first conversion.
    Letter.update(pdf=b"%PDF-1.4").where(Letter.id == revoked.id).execute()


def test_a_sensitive_case_s_letter_is_revoked_only_by_who_reads_the_case(backend_db):
    from desktop.errors import NotFound
    from desktop.models import Service

    o = setup_office()
    signed = lifecycle.sign(o["head"], ready_to_sign(o))
    # The service made sensitive, read by social workers only (and the clerk who registered).
    Service.update(sensitive=True, readers=",pekerja_sosial,").where(
        Service.id == o["application"].service_id).execute()
    with pytest.raises(NotFound, match="kasus sensitif"):
        lifecycle.revoke(o["head"], signed, "Penerima bantuan ternyata sudah pindah.")
    assert records.reload(signed).state == "signed"
    Service.update(readers=",pekerja_sosial,kepala,").where(
        Service.id == o["application"].service_id).execute()
    assert lifecycle.revoke(o["head"], signed, "Penerima ternyata sudah pindah.").state == \
        "revoked"
