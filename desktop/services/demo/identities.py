"""Indonesian names, valid NIKs and NIPs, and addresses of the office's region."""
import datetime
import random

MALE = ["Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Imam", "Joko", "Slamet", "Teguh",
        "Wahyu", "Yusuf", "Bambang", "Rudi", "Heru", "Sigit", "Arif", "Dwi", "Bayu", "Rizki"]
FEMALE = ["Sri", "Siti", "Dewi", "Endang", "Fitri", "Indah", "Lestari", "Nur", "Rina", "Sari",
          "Tri", "Wulan", "Yuni", "Ani", "Ratna", "Puji", "Eni", "Kartini", "Suci", "Ayu"]
# Javanese second names are mostly gendered: men are not "Rahayu", women not "Hartono".
FAMILY = {
    "L": ["Santoso", "Wibowo", "Susanto", "Prasetyo", "Hidayat", "Nugroho", "Saputra",
          "Wijaya", "Kurniawan", "Setiawan", "Purnomo", "Utomo", "Hartono", "Firmansyah",
          "Pratama"],
    "P": ["Rahayu", "Handayani", "Lestari", "Suryani", "Wahyuni", "Puspitasari", "Rahmawati",
          "Kusumawati", "Susanti", "Wulandari", "Purwanti", "Setyowati", "Maharani",
          "Anggraini", "Pratiwi"],
}
# Kota Magelang: two kecamatan codes and their kelurahan.
KELURAHAN = {
    "01": ("Magelang Selatan", ["Jurangombo Utara", "Jurangombo Selatan", "Magersari",
                                "Rejowinangun Selatan", "Tidar Utara", "Tidar Selatan"]),
    "02": ("Magelang Utara", ["Kedungsari", "Kramat Utara", "Kramat Selatan", "Potrobangsan",
                              "Wates"]),
    "03": ("Magelang Tengah", ["Cacaban", "Gelangan", "Kemirirejo", "Magelang",
                               "Panjang", "Rejowinangun Utara"]),
}
STREETS = ["Jl. Pahlawan", "Jl. Ahmad Yani", "Jl. Tidar", "Jl. Sudirman", "Jl. Pemuda",
           "Jl. Diponegoro", "Jl. Sunan Bonang", "Jl. Urip Sumoharjo", "Jl. Veteran"]


def full_name(rng: random.Random, sex: str) -> str:
    given = rng.choice(FEMALE if sex == "P" else MALE)
    return f"{given} {rng.choice(FAMILY[sex])}"


def nik(rng: random.Random, region_code: str, district: str, birth: datetime.date, sex: str,
        serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{region_code}{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def nip(rng: random.Random, birth: datetime.date, appointed: datetime.date, sex: str) -> str:
    return (f"{birth:%Y%m%d}{appointed:%Y%m}{1 if sex == 'L' else 2}"
            f"{rng.randint(1, 999):03d}")


def address(rng: random.Random, district: str) -> dict:
    kecamatan, kelurahan = KELURAHAN[district]
    return {"street": f"{rng.choice(STREETS)} No. {rng.randint(1, 150)}",
            "rt": f"{rng.randint(1, 12):03d}", "rw": f"{rng.randint(1, 9):03d}",
            "kelurahan": rng.choice(kelurahan), "kecamatan": kecamatan}


def birth_date(rng: random.Random, min_age: int, max_age: int,
               today: datetime.date | None = None) -> datetime.date:
    today = today or datetime.date.today()
    days = rng.randint(min_age * 365, max_age * 365)
    return today - datetime.timedelta(days=days)
