"""Which letter each service produces, the variables each template may use, and sample contexts.

This module is the single source of the variable lists; `scripts/build_templates.py` writes
them out as letter_templates/VARIABLES.md, and the template checker accepts exactly these.
Classification codes are defaults after Permendagri 83/2022 (confirm against the office's own
table): the lifecycle may override them from a setting.
"""
import datetime
import struct
import zlib
from dataclasses import dataclass, field

from desktop.services.letters import formatting

# --- variables -------------------------------------------------------------------------------

OFFICE_VARIABLES = {
    "region_title": "Baris pertama kop: PEMERINTAH KOTA MAGELANG",
    "region_name": "Nama daerah dalam kalimat: Kota Magelang",
    "office_title": "Nama dinas dalam kop, huruf besar: DINAS SOSIAL",
    "office_address": "Alamat kantor",
    "office_contact": "Telepon, pos-el dan laman dalam satu baris (yang kosong dilewati)",
    "office_phone": "Telepon kantor",
    "office_email": "Pos-el kantor",
    "office_website": "Laman kantor",
    "emblem": "Gambar lambang daerah (InlineImage); tidak ada jika profil kantor tanpa lambang",
    "place": "Nama tempat penandatanganan: Magelang",
}
SIGNING_VARIABLES = {
    "letter_date": "Tanggal surat, bahasa Indonesia: 22 November 2026",
    "number": "Nomor surat, diberikan saat ditandatangani: 400.9/0123/Dinsos/2026",
    "is_draft": "True selama belum ditandatangani: nomor dan tanda tangan diganti tulisan DRAF",
    "signer_position": "Jabatan di blok tanda tangan: jabatan penanda tangan, atau jabatan "
                       "yang dijabat sebagai Plt./Plh. (Kepala Dinas Sosial Kota Magelang)",
    "signer_acting": "'', 'Plt.' atau 'Plh.' di depan jabatan yang dijabat",
    "on_behalf_of": "Jabatan yang diwakili bila menandatangani a.n.: Kepala Dinas Sosial "
                    "Kota Magelang; kosong bila tidak",
    "signer_name": "Nama penanda tangan (dengan gelar)",
    "signer_rank": "Pangkat/golongan: Pembina Tingkat I (IV/b)",
    "signer_nip": "NIP penanda tangan, tercetak berkelompok: 19700101 199503 1 001",
    "signature_image": "Tanda tangan hasil pindai (InlineImage), hanya pada surat bertanda tangan",
    "stamp_image": "Cap dinas (InlineImage), hanya pada surat bertanda tangan",
    "qr_code": "Kode QR verifikasi (InlineImage), hanya pada surat bertanda tangan",
    "verification_code": "Kode verifikasi yang dibawa kode QR",
    "tembusan": "Daftar teks tembusan (boleh kosong)",
}
LETTER_VARIABLES = {
    "nature": "Sifat: Biasa / Segera / Penting",
    "attachment": "Lampiran: - / 1 (satu) berkas",
    "subject": "Hal",
    "addressee": "Tujuan surat sesudah 'Yth.': Kepala Balai ...",
    "addressee_place": "Tempat tujuan sesudah 'di': Tempat / Magelang",
}
# Only the letters that answer a written request name it.
REQUEST_REFERENCE = {
    "request_reference": "Surat permohonan yang dijawab: Nomor ... tanggal ...",
}
PERSON_VARIABLES = {
    "person_name": "Nama lengkap",
    "person_nik": "NIK (16 angka)",
    "person_birth": "Tempat, tanggal lahir: Magelang, 12 Maret 1985",
    "person_sex": "Jenis kelamin: Laki-laki / Perempuan",
    "person_address": "Alamat lengkap",
}
ORG_VARIABLES = {
    "org_name": "Nama lembaga",
    "org_legal_number": "Nomor pengesahan badan hukum (SK Kemenkumham)",
    "org_address": "Alamat sekretariat",
    "org_chair": "Nama ketua/pimpinan",
    "org_npwp": "NPWP lembaga",
}


def _money(name: str, label: str) -> dict:
    return {name: f"{label}, dalam rupiah: Rp 1.500.000,00",
            f"{name}_words": f"{label}, terbilang: satu juta lima ratus ribu rupiah"}


def money_fields(name: str, amount) -> dict:
    """{name: 'Rp 1.500.000,00', name_words: 'satu juta lima ratus ribu rupiah'}"""
    return {name: formatting.rupiah(amount),
            f"{name}_words": formatting.terbilang_rupiah(amount)}


# A permit and its recommendation carry the same variables.
COLLECTION_VARIABLES = {
    **ORG_VARIABLES,
    "org_bank_account": "Rekening bank atas nama lembaga",
    "collection_purpose": "Tujuan pengumpulan", "collection_method": "Cara pengumpulan",
    "collection_area": "Wilayah pengumpulan", "collection_start": "Tanggal mulai",
    "collection_end": "Tanggal selesai",
    **_money("collection_target", "Target hasil pengumpulan"),
    "collection_cost_percent": "Biaya usaha pengumpulan, persen dari hasil (paling banyak 10)"}
RAFFLE_VARIABLES = {
    **ORG_VARIABLES,
    "raffle_name": "Nama program undian",
    "raffle_start": "Tanggal mulai program", "raffle_end": "Tanggal akhir program",
    "draw_date": "Tanggal penarikan undian", "draw_place": "Tempat penarikan undian",
    "prizes": "Daftar hadiah (teks per baris)",
    **_money("prize_total", "Jumlah nilai hadiah"),
    **_money("social_contribution", "Sumbangan dana kesejahteraan sosial")}


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    title: str  # what the user sees when choosing a letter
    kind: str  # letter (Nomor/Sifat/Lampiran/Hal), certificate (centred title), receipt
    series: str  # numbering series: the sequence runs per series and year
    classification_code: str
    variables: dict  # the template's own variables (name: description)
    editable: tuple = ()  # free-text parts staff may edit on a draft
    filled: tuple = ()  # filled from the record the letter answers, never typed
    copies: bool = True  # prints a tembusan list (receipts and most certificates do not)
    pages: int = 1  # pages the sample letter prints on (checked on paper: letters.paper)
    sample: dict = field(default_factory=dict, compare=False)

    def all_variables(self) -> dict:
        base = {**OFFICE_VARIABLES, **SIGNING_VARIABLES}
        if self.kind == "letter":
            base.update(LETTER_VARIABLES)
        return {**base, **self.variables}


_REFERRAL = {
    **PERSON_VARIABLES,
    "target_group": "Kelompok sasaran: penyandang disabilitas / ODGJ / lansia terlantar / ...",
    "destination_name": "Lembaga rujukan: Balai Rehabilitasi Sosial Penyandang Disabilitas "
                        "(BRSPD)",
    "destination_address": "Alamat lembaga rujukan",
    "referral_service": "Layanan yang diminta, menurut jenis lembaga: layanan rehabilitasi "
                        "sosial / pemeriksaan dan perawatan / pelayanan sosial dalam panti",
    "condition": "Kondisi penerima manfaat hasil asesmen",
    "guardian_name": "Keluarga/wali yang dapat dihubungi (nama, hubungan, telepon)",
    "companion_name": "Pendamping/pekerja sosial yang mengantar",
}

SPECS = [
    TemplateSpec(
        "tanda_daftar_lks", "Surat Tanda Daftar Lembaga Kesejahteraan Sosial", "certificate",
        "tanda_daftar_lks", "400.9.12",
        {**ORG_VARIABLES,
         "org_deed": "Akta pendirian: Nomor ... tanggal ..., Notaris ...",
         "org_services": "Jenis pelayanan kesejahteraan sosial",
         "org_target": "Sasaran pelayanan",
         "valid_until": "Berlaku sampai tanggal"},
        editable=("org_services", "org_target")),
    TemplateSpec(
        "rekomendasi_terdaftar_lks", "Rekomendasi Penetapan Terdaftar sebagai LKS", "letter",
        "rekomendasi", "400.9.12",
        {**ORG_VARIABLES, **REQUEST_REFERENCE,
         "org_deed": "Akta pendirian: Nomor ... tanggal ..., Notaris ...",
         "org_services": "Jenis pelayanan kesejahteraan sosial",
         "org_target": "Sasaran pelayanan",
         "verification_date": "Tanggal verifikasi lapangan"}),
    TemplateSpec(
        "rekomendasi_pub", "Rekomendasi Izin Pengumpulan Uang atau Barang (PUB)", "letter",
        "rekomendasi", "400.9.7",
        {**COLLECTION_VARIABLES, **REQUEST_REFERENCE},
        editable=("collection_purpose", "collection_method"),
        pages=2),
    TemplateSpec(
        "rekomendasi_undian", "Rekomendasi Izin Undian Gratis Berhadiah", "letter",
        "rekomendasi", "400.9.7",
        {**RAFFLE_VARIABLES, **REQUEST_REFERENCE},
        editable=("prizes",),
        pages=2),
    TemplateSpec(
        "izin_pub", "Surat Izin Pengumpulan Uang atau Barang (PUB)", "certificate",
        "izin", "400.9.7",
        COLLECTION_VARIABLES,
        editable=("collection_purpose", "collection_method")),
    TemplateSpec(
        "izin_undian", "Surat Izin Undian Gratis Berhadiah", "certificate",
        "izin", "400.9.7",
        RAFFLE_VARIABLES,
        editable=("prizes",)),
    TemplateSpec(
        "rekomendasi_hibah", "Rekomendasi Hibah", "letter", "rekomendasi", "400.9.12",
        {**ORG_VARIABLES, **REQUEST_REFERENCE,
         "grant_purpose": "Peruntukan hibah",
         **_money("grant_amount", "Besar hibah yang direkomendasikan"),
         "budget_year": "Tahun anggaran",
         "verification_date": "Tanggal verifikasi lapangan"},
        editable=("grant_purpose",)),
    TemplateSpec(
        "rekomendasi_pengangkatan_anak", "Rekomendasi Izin Pengangkatan Anak", "letter",
        "rekomendasi", "400.9.2",
        {"father_name": "Nama calon ayah angkat", "father_nik": "NIK calon ayah angkat",
         "father_birth": "Tempat, tanggal lahir calon ayah angkat",
         "father_occupation": "Pekerjaan calon ayah angkat",
         "mother_name": "Nama calon ibu angkat", "mother_nik": "NIK calon ibu angkat",
         "mother_birth": "Tempat, tanggal lahir calon ibu angkat",
         "mother_occupation": "Pekerjaan calon ibu angkat",
         "parents_religion": "Agama calon orang tua angkat",
         "parents_address": "Alamat calon orang tua angkat",
         "marriage_date": "Tanggal perkawinan",
         "child_name": "Nama anak", "child_birth": "Tempat, tanggal lahir anak",
         "child_sex": "Jenis kelamin anak", "child_origin": "Asal-usul anak / pengasuhan",
         "care_since": "Tanggal mulai diasuh calon orang tua angkat",
         "social_report_reference": "Laporan sosial pekerja sosial: nomor dan tanggal"},
        editable=("child_origin",),
        pages=2),
    TemplateSpec(
        "laporan_sosial_abh", "Laporan Sosial Anak Berhadapan dengan Hukum (ABH)", "letter",
        "laporan", "400.9.2",
        {**REQUEST_REFERENCE, "child_name": "Nama anak", "child_nik": "NIK anak",
         "child_birth": "Tempat, tanggal lahir anak", "child_sex": "Jenis kelamin anak",
         "child_education": "Pendidikan", "child_address": "Alamat anak",
         "parent_name": "Nama orang tua/wali", "parent_address": "Alamat orang tua/wali",
         "case_article": "Pasal yang disangkakan", "case_summary": "Kronologi singkat",
         "case_stage": "Tahap perkara: penyidikan / penuntutan / persidangan",
         "social_assessment": "Hasil asesmen pekerja sosial",
         "recommendation": "Rekomendasi pekerja sosial",
         "social_worker_name": "Pekerja sosial yang menangani",
         "social_worker_nip": "NIP pekerja sosial"},
        editable=("case_summary", "social_assessment", "recommendation"),
        pages=2),
    TemplateSpec(
        "rujukan_rehabilitasi", "Rekomendasi/Rujukan Rehabilitasi Sosial", "letter",
        "rujukan", "400.9.3", _REFERRAL, editable=("condition",)),
    TemplateSpec(
        "rekomendasi_slrt", "Surat Rekomendasi SLRT (kesehatan, pendidikan, BPNT)", "letter",
        "rekomendasi", "400.9.14",
        {**PERSON_VARIABLES,
         "person_kk": "Nomor Kartu Keluarga",
         "aid_type": "Jenis bantuan: Bantuan Sosial Kesehatan / Pendidikan / BPNT",
         "aid_purpose": "Keperluan bantuan",
         "dtks_status": "Status DTKS: terdaftar / belum terdaftar, telah disurvei",
         "survey_summary": "Hasil verifikasi dan validasi petugas SLRT"},
        editable=("aid_purpose", "survey_summary")),
    TemplateSpec(
        "keterangan_dtks", "Surat Keterangan DTKS", "certificate", "keterangan", "400.9.14",
        {**PERSON_VARIABLES,
         "person_kk": "Nomor Kartu Keluarga",
         "dtks_id": "ID data: nomor di SIKS-NG, kosong bila tidak ada",
         "dtks_status": "Status DTKS: TERDAFTAR / TIDAK TERDAFTAR",
         "dtks_period": "Periode data: Oktober 2026",
         "aid_programs": "Bantuan sosial yang diterima: PKH, BPNT, kosong bila tidak ada",
         "data_source": "Nama data: Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)",
         "purpose": "Keperluan surat"},
        editable=("purpose",), copies=False),
    TemplateSpec(
        "pemulangan_orang_terlantar", "Surat Pengantar Pemulangan Orang Terlantar", "letter",
        "pemulangan", "400.9.4",
        {**PERSON_VARIABLES,
         "found_place": "Tempat ditemukan/melapor",
         "home_address": "Daerah asal/tujuan pemulangan",
         "police_reference": "Surat keterangan kepolisian: nomor dan tanggal",
         "transport": "Moda transportasi: bus umum trayek ...",
         "departure_date": "Tanggal keberangkatan",
         "companion_name": "Pendamping perjalanan (anak), kosong bila tanpa pendamping",
         **_money("travel_allowance", "Harga tiket yang ditanggung Dinas Sosial")},
        editable=("transport",)),
    TemplateSpec(
        "rujukan_medis_tuna_sosial", "Rujukan Medis Tuna Sosial", "letter", "rujukan",
        "400.9.4",
        {**PERSON_VARIABLES,
         "found_place": "Tempat ditemukan",
         "identity_status": "tanpa identitas / dengan identitas",
         "medical_need": "pemeriksaan dan perawatan medis / kejiwaan",
         "medical_reason": "Keluhan atau kondisi yang dirujuk",
         "destination_name": "Rumah sakit tujuan: RSUD Tidar Kota Magelang",
         "destination_address": "Alamat rumah sakit"},
        editable=("medical_reason",)),
    TemplateSpec(
        "tanda_terima_seating_clinic", "Tanda Terima Layanan Seating Clinic Kursi Roda",
        "receipt", "tanda_terima", "400.9.3",
        {**PERSON_VARIABLES,
         "wheelchair_type": "Jenis kursi roda",
         "service_date": "Tanggal layanan",
         "service_location": "Tempat layanan: kantor / kunjungan rumah (alamat)",
         "services": "Daftar pekerjaan servis (teks per baris)",
         "spare_parts": "Suku cadang yang diganti, atau -",
         "officer_name": "Petugas seating clinic", "officer_nip": "NIP petugas"},
        editable=("services", "spare_parts"), copies=False),
    TemplateSpec(
        "berita_acara_bantuan_bencana", "Berita Acara Serah Terima Bantuan Korban Bencana",
        "certificate", "berita_acara", "400.9.10",
        {"event_name": "Kejadian: banjir di Kelurahan Tidar Utara",
         "event_date": "Waktu kejadian: 14 November 2026 21.30 WIB",
         "event_place": "Lokasi sampai kelurahan dan kecamatan",
         "handover_date": "Tanggal penyerahan (yang terakhir)",
         "distribution_rows": "Daftar penerima: number, name, nik, address, aid per baris",
         "aid_totals": "Jumlah per barang (teks per baris): Beras 140 kg"},
        copies=False),
    TemplateSpec(
        "catatan_layanan_atensi", "Catatan Layanan Asistensi Rehabilitasi Sosial (ATENSI)",
        "certificate", "keterangan", "400.9.3",
        {**PERSON_VARIABLES,
         "budget_year": "Tahun anggaran: 2026",
         "cluster": "Klaster: Lanjut usia terlantar / Penyandang disabilitas",
         "pmks_reference": "Nomor data PMKS penerima manfaat",
         "services_rows": "Layanan yang diberikan: date, component, form, by per baris",
         "services_total": "Jumlah nilai layanan berupa uang/barang bernilai, kosong bila tidak "
                           "ada"},
        copies=False),
    TemplateSpec(
        "surat_mobil_jenazah", "Surat Keterangan Layanan Mobil Jenazah", "certificate",
        "mobil_jenazah", "400.9.2",
        {"deceased_name": "Nama almarhum/almarhumah", "deceased_nik": "NIK almarhum",
         "deceased_address": "Alamat rumah duka", "death_date": "Tanggal meninggal",
         "cemetery": "Tempat pemakaman (di wilayah kota)",
         "service_date": "Tanggal dan jam layanan",
         "responsible_name": "Penanggung jawab", "responsible_nik": "NIK penanggung jawab",
         "responsible_relation": "Hubungan dengan almarhum",
         "responsible_phone": "Telepon penanggung jawab",
         "driver_name": "Pengemudi", "vehicle_plate": "Nomor polisi kendaraan"},
        editable=("cemetery", "service_date"), copies=False),
    TemplateSpec(
        "jawaban_pengaduan", "Surat Jawaban Pengaduan, Saran atau Masukan", "letter",
        "pengaduan", "400.9",
        {"complaint_kind": "Yang dijawab: pengaduan / saran dan masukan / apresiasi",
         "complaint_number": "Nomor pengaduan di Pelita: ADU-2026-0012",
         "complaint_date": "Tanggal diterima: 3 November 2026",
         "complaint_channel": "Saluran, dalam kalimat: melalui WhatsApp / melalui SP4N-LAPOR! "
                              "dengan nomor tiket ...",
         "complaint_subject": "Pokok aduan",
         "reply_paragraphs": "Isi jawaban: satu paragraf per baris"},
        editable=("reply_paragraphs",),
        filled=("addressee", "addressee_place", "complaint_kind", "complaint_number",
                "complaint_date", "complaint_channel", "complaint_subject")),
]
TEMPLATES = {spec.key: spec for spec in SPECS}

# The Hal a new letter starts with, as offices write it: the product, and the organisation or
# the aid it is for. Never a person's name: the subject is listed and shown when a letter is
# verified, and a child's or a client's name must not travel with it.
SUBJECTS = {
    "tanda_daftar_lks": "Tanda Daftar Lembaga Kesejahteraan Sosial {org_name}",
    "rekomendasi_terdaftar_lks": "Rekomendasi Penetapan Terdaftar sebagai LKS {org_name}",
    "rekomendasi_pub": "Rekomendasi Izin Pengumpulan Uang atau Barang {org_name}",
    "rekomendasi_undian": "Rekomendasi Izin Undian Gratis Berhadiah {org_name}",
    "izin_pub": "Izin Pengumpulan Uang atau Barang {org_name}",
    "izin_undian": "Izin Undian Gratis Berhadiah {org_name}",
    "rekomendasi_hibah": "Rekomendasi Hibah {org_name}",
    "rekomendasi_pengangkatan_anak": "Rekomendasi Izin Pengangkatan Anak",
    "laporan_sosial_abh": "Laporan Sosial Anak Berhadapan dengan Hukum",
    "rujukan_rehabilitasi": "Rujukan Rehabilitasi Sosial ke {destination_name}",
    "rekomendasi_slrt": "Rekomendasi {aid_type}",
    "keterangan_dtks": "Surat Keterangan {data_source}",
    "pemulangan_orang_terlantar": "Pengantar Pemulangan Orang Terlantar",
    "rujukan_medis_tuna_sosial": "Rujukan Pemeriksaan Medis ke {destination_name}",
    "tanda_terima_seating_clinic": "Tanda Terima Layanan Kursi Roda (Seating Clinic)",
    "berita_acara_bantuan_bencana": "Berita Acara Serah Terima Bantuan Korban Bencana "
                                    "{event_name}",
    "catatan_layanan_atensi": "Catatan Layanan ATENSI Tahun {budget_year}",
    "surat_mobil_jenazah": "Keterangan Layanan Mobil Jenazah",
}


def default_subject(template_key: str, values: dict) -> str:
    """SUBJECTS[template_key] filled from the letter's values; a part with no value is left
    out with the word that leads to it ("ke", "Tahun"), never printed empty."""
    pattern = SUBJECTS.get(template_key) or spec(template_key).title
    words = []
    for word in pattern.split():
        if word.startswith("{") and word.endswith("}"):
            value = " ".join(str(values.get(word[1:-1]) or "").split())
            if not value:
                if words and words[-1] in ("ke", "Tahun"):
                    words.pop()
                continue
            if words and value.split()[0].lower() == words[-1].lower():
                words.pop()  # "sebagai LKS" + "LKS Mitra Mandiri": the name says it once
            word = value
        words.append(word)
    return " ".join(words)

# --- which service writes which letter ---------------------------------------------------------


@dataclass(frozen=True)
class LetterChoice:
    template_key: str
    defaults: dict = field(default_factory=dict)  # context values the service fixes


# A referral goes with its assessment and the person's papers, and says so under Lampiran.
REFERRAL_ATTACHMENT = {"attachment": "1 (satu) berkas"}
# The sample referral's destination (a referral's own comes from its chosen institution).
BRSPD = {"target_group": "penyandang disabilitas",
         "destination_name": "Balai Rehabilitasi Sosial Penyandang Disabilitas (BRSPD)",
         "destination_address": "Jl. Ahmad Yani No. 1, Kota Magelang"}

SERVICE_LETTERS = {
    "mgl-tanda-daftar-lks": [LetterChoice("tanda_daftar_lks")],
    "mgt-04-rekomendasi-terdaftar-lks": [LetterChoice("rekomendasi_terdaftar_lks")],
    "mgt-01-rekomendasi-hibah": [LetterChoice("rekomendasi_hibah")],
    "mgt-02-izin-pengumpulan-uang-barang": [LetterChoice("rekomendasi_pub"),
                                            LetterChoice("izin_pub")],
    "mgt-03-izin-undian-gratis-berhadiah": [LetterChoice("rekomendasi_undian"),
                                            LetterChoice("izin_undian")],
    "mgl-pengangkatan-anak": [LetterChoice("rekomendasi_pengangkatan_anak")],
    "mgt-27-rekomendasi-pengangkatan-anak": [LetterChoice("rekomendasi_pengangkatan_anak")],
    "mgl-abh": [LetterChoice("laporan_sosial_abh")],
    "mgt-28-abh": [LetterChoice("laporan_sosial_abh")],
    # The referral kind fills the destination from the institution the worker chose.
    **{code: [LetterChoice("rujukan_rehabilitasi", REFERRAL_ATTACHMENT)] for code in (
        "mgt-16-pengiriman-anjal-at-balai", "mgt-17-pendampingan-disabilitas-brspd",
        "mgt-18-pendampingan-odgj", "mgt-19-pendampingan-lansia-terlantar",
        "mgt-20-pendampingan-tuna-susila-brskw", "mgt-21-pendampingan-anjal-at",
        "mgt-22-rekomendasi-disabilitas-brspd", "mgt-23-rekomendasi-odgj",
        "mgt-24-rekomendasi-lansia-bpstw", "mgt-25-rekomendasi-tuna-susila-brskw",
        "mgt-26-rekomendasi-anjal-at")},
    "dpk-slrt": [
        LetterChoice("rekomendasi_slrt", {"aid_type": "Bantuan Sosial Kesehatan"}),
        LetterChoice("rekomendasi_slrt", {"aid_type": "Bantuan Sosial Pendidikan"}),
        LetterChoice("rekomendasi_slrt", {"aid_type": "Bantuan Pangan Non Tunai (BPNT)"})],
    "mgt-07-reaktivasi-jkn-kis": [
        LetterChoice("rekomendasi_slrt", {"aid_type": "Reaktivasi Kepesertaan JKN-KIS PBI"})],
    "mgl-surat-keterangan-dtks": [LetterChoice("keterangan_dtks")],
    "mgt-08-sk-dtks-offline": [LetterChoice("keterangan_dtks")],
    "mgt-09-sk-dtks-online": [LetterChoice("keterangan_dtks")],
    "mgl-orang-terlantar-tuna-sosial": [LetterChoice("pemulangan_orang_terlantar"),
                                        LetterChoice("rujukan_medis_tuna_sosial")],
    "mgt-11-pemulangan-orang-terlantar": [LetterChoice("pemulangan_orang_terlantar")],
    "mgt-12-pemulangan-anak-terlantar": [LetterChoice("pemulangan_orang_terlantar")],
    "mgl-seating-clinic-kursi-roda": [LetterChoice("tanda_terima_seating_clinic")],
    "mgl-korban-bencana": [LetterChoice("berita_acara_bantuan_bencana")],
    "mgl-atensi": [LetterChoice("catatan_layanan_atensi")],
    "mgt-14-bantuan-bencana-sosial": [LetterChoice("berita_acara_bantuan_bencana")],
    "mgt-15-bantuan-bencana-alam": [LetterChoice("berita_acara_bantuan_bencana")],
    "mgl-mobil-jenazah": [LetterChoice("surat_mobil_jenazah")],
}


# A permit type the office issues itself, or recommends to whoever issues it (the ministry,
# the governor, the one-stop office): an office setting, 1 or 0, picks the letter.
ISSUER_SETTINGS = {"rekomendasi_pub": ("permits.pub_issued_here", 0),
                   "izin_pub": ("permits.pub_issued_here", 1),
                   "rekomendasi_undian": ("permits.undian_issued_here", 0),
                   "izin_undian": ("permits.undian_issued_here", 1)}


def letters_for_service(service_code: str) -> list[LetterChoice]:
    """The letters a service can produce; empty for services whose product is not a letter."""
    choices = list(SERVICE_LETTERS.get(service_code, ()))
    if not any(c.template_key in ISSUER_SETTINGS for c in choices):
        return choices
    from desktop.services.admin import settings

    return [c for c in choices if c.template_key not in ISSUER_SETTINGS
            or settings.get(ISSUER_SETTINGS[c.template_key][0])
            == ISSUER_SETTINGS[c.template_key][1]]


def spec(template_key: str) -> TemplateSpec:
    return TEMPLATES[template_key]


# Letters numbered under a classification the office sets (the others use their spec's).
CLASSIFICATION_SETTINGS = {"tanda_daftar_lks": "letters.classification_lks",
                           "rekomendasi_terdaftar_lks": "letters.classification_lks",
                           "rekomendasi_pub": "letters.classification_permits",
                           "rekomendasi_undian": "letters.classification_permits",
                           "izin_pub": "letters.classification_permits",
                           "izin_undian": "letters.classification_permits",
                           "rekomendasi_pengangkatan_anak": "letters.classification_child",
                           "laporan_sosial_abh": "letters.classification_child",
                           "berita_acara_bantuan_bencana": "letters.classification_disaster",
                           "jawaban_pengaduan": "letters.classification_complaints",
                           "rekomendasi_hibah": "letters.classification_lks",
                           "rujukan_rehabilitasi": "letters.classification_rehabilitation",
                           "tanda_terima_seating_clinic":
                               "letters.classification_rehabilitation",
                           "catatan_layanan_atensi": "letters.classification_rehabilitation",
                           "rujukan_medis_tuna_sosial": "letters.classification_tuna_sosial",
                           "pemulangan_orang_terlantar": "letters.classification_tuna_sosial",
                           "rekomendasi_slrt": "letters.classification_poverty",
                           "keterangan_dtks": "letters.classification_poverty"}


def classification_of(template_key: str) -> str:
    key = CLASSIFICATION_SETTINGS.get(template_key)
    if key is None:
        return spec(template_key).classification_code
    from desktop.services.admin import settings

    return settings.get(key)


# --- contexts ---------------------------------------------------------------------------------


def office_context(profile) -> dict:
    """Letterhead variables from an OfficeProfile (its emblem goes in render_letter's images)."""
    kind = "KABUPATEN" if profile.region_kind == "Kabupaten" else "KOTA"
    contact = [f"Telepon {profile.phone}" if profile.phone else "",
               f"Pos-el {profile.email}" if profile.email else "",
               f"Laman {profile.website}" if profile.website else ""]
    return {
        "region_title": f"PEMERINTAH {kind} {profile.region_name.upper()}".strip(),
        "region_name": f"{profile.region_kind} {profile.region_name}".strip(),
        "office_title": (profile.office_name or "Dinas Sosial").upper(),
        "office_address": profile.address,
        "office_contact": ", ".join(part for part in contact if part),
        "office_phone": profile.phone, "office_email": profile.email,
        "office_website": profile.website,
        "place": profile.region_name,
    }


def signer_context(*, name: str, rank: str, nip: str, position: str, signing_as: str = "",
                   head_position: str = "Kepala Dinas Sosial") -> dict:
    """Signature-block variables. `signing_as` is '', 'a.n.', 'Plt.' or 'Plh.': with 'a.n.'
    the signer signs under their own `position` on behalf of `head_position`; as Plt. or Plh.
    the prefix stands before the position acted for, `head_position` ("Plt. Kepala Dinas
    Sosial Kota Magelang,"), never before the signer's own."""
    acting = signing_as in ("Plt.", "Plh.")
    return {
        "signer_name": name, "signer_rank": rank, "signer_nip": formatting.format_nip(nip),
        "signer_position": head_position if acting else position,
        "signer_acting": signing_as if acting else "",
        "on_behalf_of": head_position if signing_as == "a.n." else "",
    }


_D = formatting.format_date
_SAMPLE_DAY = datetime.date(2026, 11, 22)

_PERSON = {"person_name": "Sri Rahayu Ningsih", "person_nik": "3371025203850002",
           "person_birth": "Magelang, 12 Maret 1985", "person_sex": "Perempuan",
           "person_address": "Jl. Pahlawan No. 17 RT 002 RW 005, Kelurahan Magelang, "
                             "Kecamatan Magelang Tengah, Kota Magelang"}
_ORG = {"org_name": "Yayasan Peduli Kasih Bangsa",
        "org_legal_number": "AHU-0012345.AH.01.04 Tahun 2020",
        "org_address": "Jl. Tidar No. 45, Kelurahan Magersari, Kecamatan Magelang Selatan, "
                       "Kota Magelang",
        "org_chair": "Drs. Bambang Wicaksono", "org_npwp": "01.234.567.8-524.000"}

_SAMPLES = {
    "tanda_daftar_lks": {
        **_ORG, "org_deed": "Nomor 12 tanggal 3 Maret 2020, Notaris Hartono, S.H., M.Kn.",
        "org_services": "Pelayanan sosial anak terlantar dan anak yatim piatu dalam panti",
        "org_target": "Anak terlantar usia 6-18 tahun",
        "valid_until": _D(datetime.date(2029, 11, 22))},
    "rekomendasi_terdaftar_lks": {
        **_ORG, "org_deed": "Nomor 12 tanggal 3 Maret 2020, Notaris Hartono, S.H., M.Kn.",
        "org_services": "Pelayanan sosial anak terlantar dan anak yatim piatu dalam panti",
        "org_target": "Anak terlantar usia 6-18 tahun",
        "verification_date": _D(datetime.date(2026, 11, 10))},
    "rekomendasi_pub": {
        **_ORG, "org_bank_account": "Bank Jateng Nomor 2-034-56789-0 a.n. Yayasan Peduli Kasih "
                                    "Bangsa",
        "collection_purpose": "bantuan bagi korban bencana tanah longsor di Kecamatan "
                              "Magelang Utara",
        "collection_method": "kotak amal di tempat umum dan transfer ke rekening lembaga",
        "collection_area": "Kota Magelang", "collection_start": _D(datetime.date(2026, 12, 1)),
        "collection_end": _D(datetime.date(2027, 2, 28)),
        **money_fields("collection_target", 150_000_000), "collection_cost_percent": "10"},
    "rekomendasi_undian": {
        **_ORG, "org_name": "PT Sinar Tidar Makmur", "org_chair": "Hendra Kusuma",
        "org_legal_number": "AHU-0098765.AH.01.01 Tahun 2018",
        "raffle_name": "Undian Belanja Berhadiah Akhir Tahun",
        "raffle_start": _D(datetime.date(2026, 12, 1)),
        "raffle_end": _D(datetime.date(2027, 1, 31)),
        "draw_date": _D(datetime.date(2027, 2, 14)),
        "draw_place": "Aula Toserba Sinar Tidar, Jl. Pemuda No. 88, Kota Magelang",
        "prizes": ["1 (satu) unit sepeda motor senilai Rp 20.000.000,00",
                   "5 (lima) unit lemari es senilai @ Rp 3.000.000,00",
                   "20 (dua puluh) voucer belanja senilai @ Rp 500.000,00"],
        **money_fields("prize_total", 45_000_000),
        **money_fields("social_contribution", 4_500_000)},
    "rekomendasi_hibah": {
        **_ORG, "grant_purpose": "rehabilitasi asrama dan pengadaan tempat tidur anak asuh",
        **money_fields("grant_amount", 75_500_000), "budget_year": "2027",
        "verification_date": _D(datetime.date(2026, 11, 10))},
    "rekomendasi_pengangkatan_anak": {
        "father_name": "Agus Setiawan", "father_nik": "3371021507840001",
        "father_birth": "Magelang, 15 Juli 1984", "father_occupation": "Pegawai Swasta",
        "mother_name": "Dewi Lestari", "mother_nik": "3371024409860003",
        "mother_birth": "Temanggung, 4 September 1986", "mother_occupation": "Guru",
        "parents_religion": "Islam",
        "parents_address": "Jl. Sriwijaya No. 5 RT 001 RW 003, Kelurahan Jurangombo Utara, "
                           "Kecamatan Magelang Selatan, Kota Magelang",
        "marriage_date": _D(datetime.date(2012, 6, 9)),
        "child_name": "Muhammad Rizki", "child_birth": "Magelang, 2 Januari 2024",
        "child_sex": "Laki-laki",
        "child_origin": "anak terlantar yang diasuh di LKSA Panti Asuhan Darul Hadlonah sejak "
                        "lahir",
        "care_since": _D(datetime.date(2025, 10, 1)),
        "social_report_reference": "Nomor 400.9.2/045/Dinsos/2026 tanggal 2 November 2026"},
    "laporan_sosial_abh": {
        "child_name": "Fajar Nugroho", "child_nik": "3371020308100004",
        "child_birth": "Magelang, 3 Agustus 2010", "child_sex": "Laki-laki",
        "child_education": "SMP kelas IX",
        "child_address": "Kampung Jagoan RT 003 RW 007, Kelurahan Jurangombo Selatan, Kota "
                         "Magelang",
        "parent_name": "Suparno (ayah)", "parent_address": "sama dengan alamat anak",
        "case_article": "Pasal 362 Kitab Undang-Undang Hukum Pidana",
        "case_summary": "Anak diduga mengambil telepon genggam milik temannya di sekolah pada "
                        "3 November 2026 dan telah dikembalikan kepada pemiliknya.",
        "case_stage": "penyidikan di Polres Magelang Kota",
        "social_assessment": "Anak tinggal bersama kedua orang tua yang bekerja sebagai buruh "
                             "harian; relasi dengan keluarga baik; anak menyesali perbuatannya "
                             "dan masih bersekolah.",
        "recommendation": "Diupayakan diversi dengan anak dikembalikan kepada orang tua di "
                          "bawah bimbingan Pekerja Sosial dan Pembimbing Kemasyarakatan.",
        "social_worker_name": "Rina Kartikasari, S.Tr.Sos.",
        "social_worker_nip": formatting.format_nip("199104122019032008")},
    "rujukan_rehabilitasi": {
        **_PERSON, **BRSPD, "referral_service": "layanan rehabilitasi sosial",
        "condition": "penyandang disabilitas fisik (pengguna kursi roda) yang membutuhkan "
                     "layanan rehabilitasi sosial lanjut dan pelatihan keterampilan",
        "guardian_name": "Slamet Riyadi (kakak), telepon 0812-2700-1234",
        "companion_name": "Yusuf Hidayat, S.Sos. (Pekerja Sosial)"},
    "rekomendasi_slrt": {
        **_PERSON, "person_kk": "3371021201090005",
        "aid_type": "Bantuan Sosial Kesehatan",
        "aid_purpose": "keringanan biaya rawat inap di RSUD Tidar Kota Magelang",
        "dtks_status": "terdaftar dalam Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)",
        "survey_summary": "hasil kunjungan rumah petugas SLRT pada 18 November 2026 menyatakan "
                          "pemohon layak dibantu"},
    "keterangan_dtks": {
        **_PERSON, "person_kk": "3371021201090005", "dtks_id": "3371020101000123456",
        "dtks_status": "TERDAFTAR", "dtks_period": "Oktober 2026",
        "aid_programs": "PKH, BPNT",
        "data_source": "Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)",
        "purpose": "persyaratan pendaftaran sekolah anak"},
    "pemulangan_orang_terlantar": {
        **_PERSON, "person_name": "Sutrisno", "person_sex": "Laki-laki",
        "person_nik": "3301011005780007", "person_birth": "Cilacap, 10 Mei 1978",
        "person_address": "Desa Kutawaru RT 001 RW 002, Kecamatan Cilacap Tengah, Kabupaten "
                          "Cilacap",
        "found_place": "Terminal Tidar, Kota Magelang",
        "home_address": "Kabupaten Cilacap, Jawa Tengah",
        "police_reference": "Nomor SKT/112/XI/2026/Polres Magelang Kota tanggal "
                            "21 November 2026",
        "transport": "bus umum trayek Magelang - Cilacap",
        "departure_date": _D(datetime.date(2026, 11, 23)),
        "companion_name": "",
        **money_fields("travel_allowance", 150_000)},
    "catatan_layanan_atensi": {
        **_PERSON, "budget_year": "2026", "cluster": "Penyandang disabilitas",
        "pmks_reference": "PMKS-3371-2026-00412",
        "services_rows": [
            {"date": _D(datetime.date(2026, 3, 12)),
             "component": "Dukungan aksesibilitas", "form": "kursi roda standar, "
             "Rp 2.500.000,00", "by": "Yusuf Hidayat, S.Sos."},
            {"date": _D(datetime.date(2026, 6, 2)),
             "component": "Terapi fisik, psikososial dan mental spiritual",
             "form": "terapi fisik di rumah (3 sesi)", "by": "Yusuf Hidayat, S.Sos."}],
        "services_total": "Rp 2.500.000,00"},
    "rujukan_medis_tuna_sosial": {
        **_PERSON, "person_name": "Tidak diketahui (laki-laki, sekitar 45 tahun)",
        "person_nik": "", "person_birth": "tidak diketahui", "person_sex": "Laki-laki",
        "person_address": "tidak diketahui; mengaku berasal dari Temanggung",
        "found_place": "emperan toko Jl. Pemuda, Kota Magelang",
        "identity_status": "tanpa identitas",
        "medical_need": "pemeriksaan dan perawatan medis",
        "medical_reason": "luka terbuka di kaki kiri dan demam sejak dua hari",
        "destination_name": "RSUD Tidar Kota Magelang",
        "destination_address": "Jl. Tidar No. 30A, Magelang"},
    "tanda_terima_seating_clinic": {
        **_PERSON, "wheelchair_type": "Kursi roda manual standar",
        "service_date": _D(datetime.date(2026, 11, 20)),
        "service_location": "kunjungan rumah, " + _PERSON["person_address"],
        "services": ["Penggantian ban belakang kanan dan kiri",
                     "Penyetelan rem dan sandaran punggung",
                     "Penyesuaian bantalan duduk (seating)"],
        "spare_parts": "2 (dua) ban belakang 24 inci",
        "officer_name": "Teguh Prasetyo", "officer_nip": formatting.format_nip(
            "198806202014021001")},
    "berita_acara_bantuan_bencana": {
        "event_name": "banjir di Kelurahan Tidar Utara",
        "event_date": "14 November 2026 21.30 WIB",
        "event_place": "Bantaran Sungai Progo RW 05, Kelurahan Tidar Utara, Kecamatan Magelang "
                       "Selatan",
        "handover_date": _D(datetime.date(2026, 11, 15)),
        "distribution_rows": [
            {"number": "1", "name": "Sutrisno", "nik": "3371020101700001",
             "address": "Bantaran Sungai Progo RT 02 RW 05",
             "aid": "Beras 10 kg, Selimut 2 lembar, Terpal 1 lembar"},
            {"number": "2", "name": "Siti Aminah", "nik": "",
             "address": "Bantaran Sungai Progo RT 03 RW 05",
             "aid": "Beras 10 kg, Mi instan 1 dus"}],
        "aid_totals": ["Beras 20 kg", "Selimut 2 lembar", "Terpal 1 lembar", "Mi instan 1 dus"]},
    "surat_mobil_jenazah": {
        "deceased_name": "Sudarmo", "deceased_nik": "3371020101450001",
        "deceased_address": "Jl. Tentara Pelajar No. 9 RT 004 RW 002, Kelurahan Kemirirejo, "
                            "Kota Magelang",
        "death_date": _D(datetime.date(2026, 11, 21)),
        "cemetery": "Tempat Pemakaman Umum Giriloyo, Kota Magelang",
        "service_date": "Minggu, 22 November 2026 pukul 13.00 WIB",
        "responsible_name": "Wahyu Hidayat", "responsible_nik": "3371021208750003",
        "responsible_relation": "anak kandung", "responsible_phone": "0813-2711-4567",
        "driver_name": "Joko Santoso", "vehicle_plate": "AA 1234 MA"},
    "jawaban_pengaduan": {
        "complaint_kind": "pengaduan", "complaint_number": "ADU-2026-0012",
        "complaint_date": _D(datetime.date(2026, 11, 3)),
        "complaint_channel": "melalui SP4N-LAPOR! dengan nomor tiket 4412871",
        "complaint_subject": "Surat keterangan DTKS belum selesai setelah lima hari kerja",
        "reply_paragraphs": [
            "Berdasarkan hasil verifikasi, permohonan Surat Keterangan DTKS Saudara Nomor "
            "REG/2026/00417 tertunda karena data Kartu Keluarga belum padan dengan data "
            "kependudukan. Data tersebut telah kami perbaiki bersama Dinas Kependudukan dan "
            "Pencatatan Sipil pada tanggal 12 November 2026.",
            "Surat keterangan telah selesai dan dapat diambil di loket layanan Dinas Sosial "
            "pada hari kerja pukul 08.00 sampai dengan 14.00 WIB, atau kami kirimkan melalui "
            "pos-el bila Saudara menghendakinya.",
            "Kami mohon maaf atas keterlambatan tersebut. Untuk mencegah hal serupa, "
            "pemadanan data kependudukan kini kami lakukan pada hari permohonan diterima."]},
}

# A permit carries what its recommendation would.
_SAMPLES["izin_pub"] = _SAMPLES["rekomendasi_pub"]
_SAMPLES["izin_undian"] = _SAMPLES["rekomendasi_undian"]

_LETTER_SAMPLES = {
    "tanda_daftar_lks": {}, "izin_pub": {}, "izin_undian": {},
    "rekomendasi_terdaftar_lks": dict(
        subject="Rekomendasi Penetapan Terdaftar sebagai Lembaga Kesejahteraan Sosial",
        addressee="Bupati Magetan u.p. Kepala Dinas Penanaman Modal dan Pelayanan Terpadu "
                  "Satu Pintu", addressee_place="Magetan", attachment="1 (satu) berkas"),
    "rekomendasi_pub": dict(subject="Rekomendasi Izin Pengumpulan Uang atau Barang",
                            addressee="Wali Kota Magelang", addressee_place="Tempat",
                            attachment="1 (satu) berkas",
                            # the mayor is the addressee: not copied as well
                            tembusan=["Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu "
                                      "Pintu Kota Magelang", "Arsip"]),
    "rekomendasi_undian": dict(subject="Rekomendasi Izin Undian Gratis Berhadiah",
                               addressee="Menteri Sosial Republik Indonesia u.p. Direktur "
                                         "Jenderal Pemberdayaan Sosial",
                               addressee_place="Jakarta", attachment="1 (satu) berkas",
                               request_reference="Nomor 045/STM-MKT/XI/2026 tanggal "
                                                 "5 November 2026"),
    "rekomendasi_hibah": dict(subject="Rekomendasi Hibah",
                              addressee="Wali Kota Magelang u.p. Ketua Tim Anggaran "
                                        "Pemerintah Daerah", addressee_place="Tempat",
                              tembusan=["Kepala Badan Pengelolaan Keuangan dan Aset Daerah "
                                        "Kota Magelang", "Arsip"]),
    "rekomendasi_pengangkatan_anak": dict(
        subject="Rekomendasi Izin Pengangkatan Anak",
        addressee="Kepala Dinas Sosial Provinsi Jawa Tengah", addressee_place="Semarang",
        attachment="1 (satu) berkas", tembusan=["Arsip"]),  # a child's case: no one else
    "laporan_sosial_abh": dict(subject="Laporan Sosial Anak Berhadapan dengan Hukum",
                               addressee="Kepala Kepolisian Resor Magelang Kota u.p. Kepala "
                                         "Unit Pelayanan Perempuan dan Anak",
                               addressee_place="Magelang", nature="Rahasia",
                               # a child's report goes where the law sends it, not the mayor
                               tembusan=["Kepala Balai Pemasyarakatan Kelas II Magelang",
                                         "Arsip"],
                               request_reference="surat Kepala Kepolisian Resor Magelang Kota "
                                                 "Nomor B/778/XI/2026/Reskrim tanggal 10 "
                                                 "November 2026 perihal permintaan laporan "
                                                 "sosial"),
    "rujukan_rehabilitasi": dict(subject="Rekomendasi Rujukan Rehabilitasi Sosial",
                                 addressee="Kepala Balai Rehabilitasi Sosial Penyandang "
                                           "Disabilitas (BRSPD)", addressee_place="Tempat",
                                 **REFERRAL_ATTACHMENT),
    "rekomendasi_slrt": dict(subject="Rekomendasi Bantuan Sosial Kesehatan",
                             addressee="Direktur RSUD Tidar Kota Magelang",
                             addressee_place="Tempat"),
    "keterangan_dtks": {},
    "pemulangan_orang_terlantar": dict(subject="Pemulangan Orang Terlantar",
                                       addressee="Pengelola Angkutan Umum Trayek Magelang - "
                                                 "Cilacap", addressee_place="Tempat"),
    "rujukan_medis_tuna_sosial": dict(subject="Rujukan Pelayanan Kesehatan Tuna Sosial",
                                      addressee="Direktur RSUD Tidar Kota Magelang",
                                      addressee_place="Magelang"),
    "tanda_terima_seating_clinic": {},
    "surat_mobil_jenazah": {},
    "berita_acara_bantuan_bencana": {},
    "catatan_layanan_atensi": {},
    "jawaban_pengaduan": dict(subject="Jawaban atas Pengaduan Nomor ADU-2026-0012",
                              addressee="Sdr. Bambang Sutrisno", addressee_place="Tempat",
                              request_reference=""),
}


def _png(width: int, height: int, pixel) -> bytes:
    """A small RGB PNG from pixel(x, y) -> (r, g, b); no imaging library needed."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def _emblem_pixel(x, y):
    # A shield: gold rim, green field, a white star-like centre.
    cx, w, h = 60, 120, 140
    inside = abs(x - cx) <= (w / 2 - 4) * (1.0 if y < 80 else max(0.0, (h - y) / 60))
    if not inside or y < 4:
        return (255, 255, 255)
    inner = abs(x - cx) <= (w / 2 - 12) * (1.0 if y < 80 else max(0.0, (h - 10 - y) / 60))
    if not inner or y < 12:
        return (212, 160, 23)
    if (x - cx) ** 2 + (y - 60) ** 2 < 400:
        return (255, 255, 255)
    return (20, 110, 60)


def _ink_pixel(x, y):
    # A scribble for the sample signature: a sine wave in dark blue.
    import math

    on = abs(y - (30 + 18 * math.sin(x / 11.0))) < 2.5
    return (20, 30, 120) if on else (255, 255, 255)


def _stamp_pixel(x, y):
    d = ((x - 50) ** 2 + (y - 50) ** 2) ** 0.5
    return (90, 60, 160) if 38 < d < 46 or 28 < d < 31 else (255, 255, 255)


def qr_png(text: str) -> bytes:
    """A QR code as PNG bytes (segno)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=4, border=2)
    return out.getvalue()


_IMAGE_CACHE: dict = {}


def sample_images(signed: bool = True) -> dict[str, bytes]:
    """Emblem, and on a signed letter the QR code, signature and stamp, for samples."""
    if not _IMAGE_CACHE:
        _IMAGE_CACHE.update(emblem=_png(120, 140, _emblem_pixel),
                            signature_image=_png(160, 60, _ink_pixel),
                            stamp_image=_png(100, 100, _stamp_pixel),
                            qr_code=qr_png("PELITA-SURAT:K7Q2-M9XD-4TPA"))
    if not signed:
        return {"emblem": _IMAGE_CACHE["emblem"]}
    return dict(_IMAGE_CACHE)


def sample_context(template_key: str, draft: bool = False) -> dict:
    """A realistic, complete context for a template: every documented variable has a value
    (images excepted: see sample_images). Fresh dict each call."""
    spec_ = TEMPLATES[template_key]
    office = {"region_title": "PEMERINTAH KOTA MAGELANG", "region_name": "Kota Magelang",
              "office_title": "DINAS SOSIAL",
              "office_address": "Jl. Jenderal Sudirman No. 79, Kota Magelang, Jawa Tengah "
                                "56126",
              "office_contact": "Telepon (0293) 362117, Pos-el dinsos@magelangkota.go.id, "
                                "Laman dinsos.magelangkota.go.id",
              "office_phone": "(0293) 362117", "office_email": "dinsos@magelangkota.go.id",
              "office_website": "dinsos.magelangkota.go.id", "emblem": None,
              "place": "Magelang"}
    signing = {"letter_date": _D(_SAMPLE_DAY),
               "number": "" if draft else f"{spec_.classification_code}/0123/Dinsos/2026",
               "is_draft": draft,
               **signer_context(name="Dra. Wulan Ratnasari, M.Si.",
                                rank="Pembina Tingkat I (IV/b)", nip="197203151998032005",
                                position="Kepala Dinas Sosial"),
               "signature_image": None, "stamp_image": None, "qr_code": None,
               "verification_code": "" if draft else "K7Q2-M9XD-4TPA",
               "tembusan": ["Wali Kota Magelang (sebagai laporan)", "Arsip"]}
    context = {**office, **signing}
    if spec_.kind == "letter":
        context.update(nature="Biasa", attachment="-",
                       request_reference="Nomor 017/YPKB/XI/2026 tanggal 9 November 2026")
        context.update(_LETTER_SAMPLES[template_key])
    context.update({k: (list(v) if isinstance(v, list) else v)
                    for k, v in _SAMPLES[template_key].items()})
    return context
