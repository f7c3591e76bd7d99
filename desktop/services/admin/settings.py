"""Office-wide settings stored in the database, typed, with defaults registered in one place."""
import json
from dataclasses import dataclass

from desktop.errors import ConflictError, ValidationError
from desktop.models import Setting, db
from desktop.services.shared import numbering, permissions, records, validators
from desktop.services.shared.checks import FieldChecks


@dataclass(frozen=True)
class SettingDef:
    key: str
    label: str
    default: int | str
    minimum: int = 0
    maximum: int = 0
    unit: str = ""
    # For text settings: a function that raises ValidationError for a bad value.
    check: object = None
    help: str = ""  # shown beside it: where the figure comes from (a regulation)
    optional: bool = False  # a text setting that may be left empty
    # For a setting chosen from a list: (stored value, label shown) pairs.
    choices: tuple = ()

    @property
    def is_text(self) -> bool:
        return isinstance(self.default, str)


DEFINITIONS = {d.key: d for d in [
    SettingDef("login.max_attempts", "Batas salah kata sandi", 5, 1, 50, "kali"),
    SettingDef("login.lockout_minutes", "Lama akun terkunci", 5, 1, 1440, "menit"),
    SettingDef("session.idle_minutes", "Kunci layar setelah tidak aktif", 15, 1, 480, "menit"),
    SettingDef("password.min_length", "Panjang minimum kata sandi", 8, 8, 64, "karakter"),
    SettingDef("applications.number_pattern", "Pola nomor registrasi", "{seq:05d}/REG/{year}",
               check=numbering.check_registration_pattern),
    SettingDef("applications.receipt_paper", "Kertas tanda terima berkas", "a5",
               choices=(("a5", "Setengah A4 (A5 mendatar, 210 × 148 mm)"),
                        ("80mm", "Printer struk 80 mm"), ("58mm", "Printer struk 58 mm")),
               help="Tanda terima berkas yang dicetak untuk pemohon saat pendaftaran: pada "
               "kertas A5 (atau bagian atas kertas A4, lalu dipotong), atau pada printer struk "
               "(thermal) selebar 80 mm atau 58 mm, sepanjang isinya."),
    SettingDef("applications.receipt_whatsapp", "Nomor WhatsApp layanan (tanda terima)", "",
               check=lambda field, text: validators.check_phone(text, field), optional=True,
               help="Dicetak pada tanda terima berkas sebagai tempat pemohon menanyakan "
               "perkembangan permohonannya, di samping telepon dan alamat di Profil kantor. "
               "Kosongkan bila kantor tidak melayani pertanyaan lewat WhatsApp."),
    SettingDef("attachments.max_mb", "Batas ukuran pindaian", 10, 1, 100, "MB"),
    SettingDef("letters.number_pattern", "Pola nomor surat",
               "{classification}/{seq:04d}/{unit}/{year}", check=numbering.check_letter_pattern),
    SettingDef("schedule.hearse_minutes", "Lama layanan mobil jenazah", 120, 15, 720, "menit"),
    SettingDef("schedule.buffer_before_minutes", "Jeda sebelum berangkat", 30, 0, 240, "menit"),
    SettingDef("schedule.buffer_after_minutes", "Jeda setelah kembali", 30, 0, 240, "menit"),
    SettingDef("schedule.clinic_minutes", "Lama layanan seating clinic", 180, 30, 600, "menit"),
    SettingDef("backup.remind_days", "Ingatkan bila cadangan terakhir lebih lama dari", 7, 1,
               365, "hari"),
    SettingDef("letters.verification_url", "Alamat halaman verifikasi surat", "",
               check=validators.check_web_page, optional=True,
               help="Halaman di situs kantor tempat siapa pun memeriksa surat, misalnya "
               "https://dinsos.magelangkota.go.id/verifikasi. Bila diisi, kode QR surat yang "
               "ditandatangani sesudahnya memuat alamat ini dengan kodenya (…?kode=K7Q2-M9XD-"
               "4TPA), sehingga rumah sakit, sekolah atau kepolisian dapat memeriksanya dengan "
               "ponsel. Bila kosong, kode QR hanya memuat kode verifikasi. Isi halaman itu "
               "dibuat dengan perintah «pelita letters publish-verification FOLDER»: unggah "
               "isi FOLDER ke alamat ini (situs https), dan terbitkan ulang sesudah surat baru "
               "ditandatangani atau dicabut."),
    SettingDef("letters.font_pt", "Ukuran huruf isi surat", 11, 10, 12, "pt",
               help="Ukuran huruf isi surat (kop surat tetap). Banyak peraturan kepala daerah "
               "tentang tata naskah dinas meminta 12 pt (Arial); periksa peraturan daerah Anda. "
               "Dengan 12 pt sebagian surat menjadi dua halaman."),
    SettingDef("letters.stamp_placement", "Letak cap dinas", "over_signature",
               choices=(("over_signature", "Menimpa sisi kiri tanda tangan"),
                        ("beside", "Di samping kanan tanda tangan")),
               help="Cap dinas pada surat yang ditandatangani: lazimnya dibubuhkan di sebelah "
               "kiri tanda tangan, menimpa sebagian tanda tangan (tata naskah dinas, Permendagri "
               "83/2022; periksa peraturan daerah Anda). Latar putih pindaian cap dibuat "
               "transparan agar tanda tangan tetap terlihat."),
    SettingDef("letters.classification_lks", "Kode klasifikasi surat LKS (Tanda Daftar)",
               "400.9.12", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, lembaga kesejahteraan sosial (tata naskah "
               "dinas, Permendagri 83/2022 dan klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_permits", "Kode klasifikasi surat PUB dan undian",
               "400.9.7", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, pengumpulan uang atau barang dan undian "
               "(Permendagri 83/2022 dan klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_child", "Kode klasifikasi surat kesejahteraan anak",
               "400.9.2", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, kesejahteraan anak: rekomendasi "
               "pengangkatan anak dan laporan sosial ABH (Permendagri 83/2022 dan klasifikasi "
               "arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_disaster", "Kode klasifikasi surat bencana alam",
               "400.9.10", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, bencana alam: berita acara serah terima "
               "bantuan (Permendagri 83/2022 dan klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_disaster_social", "Kode klasifikasi surat bencana sosial",
               "400.9.9", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, bencana sosial (kebakaran permukiman, "
               "konflik sosial): berita acara serah terima bantuan (Permendagri 83/2022 dan "
               "klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_rehabilitation", "Kode klasifikasi surat rehabilitasi "
               "sosial", "400.9.3", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, rehabilitasi sosial (penyandang "
               "disabilitas, ODGJ, layanan ATENSI, seating clinic; Permendagri 83/2022 dan "
               "klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_tuna_sosial", "Kode klasifikasi surat tuna sosial",
               "400.9.4", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, tuna sosial (gelandangan, pengemis, tuna "
               "susila, orang terlantar; Permendagri 83/2022 dan klasifikasi arsipnya); perlu "
               "dikonfirmasi."),
    SettingDef("letters.classification_elderly", "Kode klasifikasi surat lanjut usia",
               "400.9.6", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, lanjut usia (rujukan lansia terlantar; "
               "Permendagri 83/2022 dan klasifikasi arsipnya); perlu dikonfirmasi."),
    SettingDef("letters.classification_poverty", "Kode klasifikasi surat penanganan fakir "
               "miskin", "400.9.14", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial, penanganan fakir miskin (surat keterangan "
               "DTKS/DTSEN, rekomendasi SLRT; Permendagri 83/2022 dan klasifikasi arsipnya); "
               "perlu dikonfirmasi."),
    SettingDef("letters.classification_complaints", "Kode klasifikasi surat jawaban pengaduan",
               "400.9", check=numbering.check_classification,
               help="Klasifikasi arsip urusan sosial untuk surat jawaban atas pengaduan, saran "
               "dan masukan masyarakat (Permendagri 83/2022 dan klasifikasi arsipnya; "
               "pengaduan: Perpres 76/2013); perlu dikonfirmasi dengan kode subbagian umum "
               "kantor."),
    SettingDef("permits.pub_issued_here", "Izin PUB diterbitkan Dinas sendiri (1 = ya)", 0, 0,
               1, "", help="0: Dinas membuat rekomendasi kepada penerbit izin (bupati/wali "
               "kota melalui DPMPTSP, gubernur, atau Menteri Sosial); 1: Dinas menerbitkan surat "
               "izin PUB sendiri (PP 29/1980; Permensos 8/2021, perlu dikonfirmasi)."),
    SettingDef("permits.undian_issued_here", "Izin undian diterbitkan Dinas sendiri (1 = ya)",
               0, 0, 1, "", help="0: Dinas membuat rekomendasi kepada penerbit izin "
               "(Kementerian Sosial atau DPMPTSP); 1: Dinas menerbitkan surat izin undian "
               "gratis berhadiah sendiri (Permensos 3/2024, perlu dikonfirmasi)."),
    SettingDef("lks.validity_years", "Masa berlaku Tanda Daftar LKS", 3, 1, 10, "tahun",
               help="Permensos 184/2011 tentang LKS tidak menyebut masa berlaku; 3 tahun "
               "mengikuti praktik daerah (perlu dikonfirmasi). Dipakai sebagai usulan saat "
               "Tanda Daftar dicatat."),
    SettingDef("complaints.verify_days", "Verifikasi pengaduan paling lama", 3, 1, 30,
               "hari kerja sejak diterima",
               help="SP4N-LAPOR! (PermenPANRB 62/2018): pengaduan diverifikasi paling lama 3 "
               "hari kerja; perlu dikonfirmasi."),
    SettingDef("complaints.follow_up_days", "Tindak lanjut pengaduan dirumuskan paling lama", 5,
               1, 60, "hari kerja sejak diterima",
               help="SP4N-LAPOR! (PermenPANRB 62/2018): tindak lanjut dirumuskan paling lama 5 "
               "hari kerja; perlu dikonfirmasi."),
    SettingDef("complaints.resolve_days", "Pengaduan diselesaikan paling lama", 60, 1, 365,
               "hari kerja sejak berkas lengkap",
               help="Perpres 76/2013 tentang pengelolaan pengaduan pelayanan publik: paling "
               "lama 60 hari sejak berkas pengaduan dinyatakan lengkap; perlu dikonfirmasi."),
    SettingDef("lks.warn_days", "Ingatkan Tanda Daftar LKS yang akan habis", 90, 7, 365,
               "hari sebelumnya",
               help="LKS yang Tanda Daftarnya habis dalam jangka ini berstatus \"segera "
               "habis\" dan muncul di daftar untuk diingatkan agar memperpanjang."),
]}


def register(definitions) -> None:
    """Settings a case kind brings (desktop.services.cases.registry registers them)."""
    for definition in definitions:
        DEFINITIONS.setdefault(definition.key, definition)


def value(definition: SettingDef):
    """A setting a case kind declares, read by its own code: registered here too, so the
    kind's modules work before (or without) the registry having imported them."""
    register((definition,))
    return get(definition.key)


LAST_BACKUP = "backup.last_at"  # written by each backup, not edited on the settings screen


def get(key: str):
    definition = DEFINITIONS[key]
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return definition.default
    try:
        value = json.loads(row.value)
        if definition.choices and value not in dict(definition.choices):
            return definition.default  # a choice an older or newer version stored
        return str(value) if definition.is_text else int(value)
    except (ValueError, TypeError):
        return definition.default


def set_value(actor, key: str, value) -> None:
    set_values(actor, {key: value})


def set_values(actor, values: dict) -> None:
    """Store several settings at once, or none: every refused value is named together
    (ValidationErrors, in the order given) before anything is written."""
    permissions.require(actor, "settings.edit")
    checks = FieldChecks()
    clean = {key: checks.run(_checked, DEFINITIONS[key], value) for key, value in values.items()}
    checks.raise_errors()
    with db.atomic():
        for key, value in clean.items():
            _store(actor, key, value)


def _checked(definition: SettingDef, value):
    """The value to store, or the ValidationError naming the setting's label."""
    if definition.choices:
        if value not in dict(definition.choices):
            raise ValidationError(definition.label, "pilih salah satu: " + ", ".join(
                label for _, label in definition.choices) + ".")
        return value
    if definition.is_text:
        text = str(value or "").strip()
        if not text and not definition.optional:
            raise ValidationError(definition.label, "wajib diisi.")
        if text:
            definition.check(definition.label, text)
        return text
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(definition.label, "harus berupa bilangan bulat.") from None
    if not definition.minimum <= number <= definition.maximum:
        raise ValidationError(definition.label, f"harus antara {definition.minimum} dan "
                              f"{definition.maximum} {definition.unit}.".rstrip())
    return number


def _store(actor, key: str, value) -> None:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        records.create(Setting, actor, key=key, value=json.dumps(value),
                       duplicate=lambda: ConflictError(
                           "Pengaturan ini baru saja disimpan dari PC lain. Muat ulang "
                           "halaman Pengaturan, lalu simpan lagi bila perlu."))
    else:
        records.update(row, actor, value=json.dumps(value))


def record_backup(actor, when) -> None:
    """Remember when the last complete backup was made (for the reminder)."""
    _store(actor, LAST_BACKUP, when.isoformat(sep=" "))


def last_backup():
    """When the last complete backup was made, or None."""
    import datetime

    row = Setting.get_or_none(Setting.key == LAST_BACKUP)
    try:
        return datetime.datetime.fromisoformat(json.loads(row.value)) if row else None
    except (ValueError, TypeError):
        return None


def backup_overdue(now) -> bool:
    """True when no backup was made within the reminder's days."""
    import datetime

    last = last_backup()
    days = get("backup.remind_days")
    return last is None or now - last > datetime.timedelta(days=days)
