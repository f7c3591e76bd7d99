"""The questionnaire of PermenPANRB 14/2017: the nine elements with their questions and four
answers (scored 1 to 4), and the respondent's particulars, worded as in its annex."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Element:
    code: str  # the column: u1 .. u9
    name: str
    question: str
    answers: tuple[str, str, str, str]  # scores 1, 2, 3, 4


ELEMENTS = (
    Element("u1", "Persyaratan", "Bagaimana pendapat Saudara tentang kesesuaian persyaratan "
            "pelayanan dengan jenis pelayanannya?",
            ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element("u2", "Sistem, mekanisme dan prosedur", "Bagaimana pemahaman Saudara tentang "
            "kemudahan prosedur pelayanan di unit ini?",
            ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Element("u3", "Waktu penyelesaian", "Bagaimana pendapat Saudara tentang kecepatan waktu "
            "dalam memberikan pelayanan?",
            ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Element("u4", "Biaya/tarif", "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif "
            "dalam pelayanan?", ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Element("u5", "Produk spesifikasi jenis pelayanan", "Bagaimana pendapat Saudara tentang "
            "kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan "
            "hasil yang diberikan?", ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element("u6", "Kompetensi pelaksana", "Bagaimana pendapat Saudara tentang kompetensi/"
            "kemampuan petugas dalam pelayanan?",
            ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Element("u7", "Perilaku pelaksana", "Bagaimana pendapat Saudara tentang perilaku petugas "
            "dalam pelayanan terkait kesopanan dan keramahan?",
            ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
             "Sangat sopan dan ramah")),
    Element("u8", "Penanganan pengaduan, saran dan masukan", "Bagaimana pendapat Saudara "
            "tentang penanganan pengaduan pengguna layanan?",
            ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
             "Dikelola dengan baik")),
    Element("u9", "Sarana dan prasarana", "Bagaimana pendapat Saudara tentang kualitas sarana "
            "dan prasarana?", ("Buruk", "Cukup", "Baik", "Sangat baik")),
)
CODES = tuple(e.code for e in ELEMENTS)

SEXES = {"L": "Laki-laki", "P": "Perempuan"}
EDUCATION = {"sd": "SD ke bawah", "smp": "SMP", "sma": "SMA", "d3": "D1/D2/D3",
             "s1": "D4/S1", "s2": "S2 ke atas"}
OCCUPATIONS = {"pns": "PNS/TNI/Polri", "swasta": "Pegawai swasta",
               "wirausaha": "Wiraswasta/usahawan", "pelajar": "Pelajar/mahasiswa",
               "lainnya": "Lainnya"}
SOURCES = {"kertas": "Kuesioner kertas", "kiosk": "Kiosk"}
AGE_RANGE = (15, 100)
