"""The adoption rules of PP 54/2007 and Permensos 110/HUK/2009, each met, not met or not known
yet with its reason, checked on the day of the check; every one guards the recommendation."""
import datetime

from desktop.cases.adopsi import record as adoption
from desktop.services.admin import settings
from desktop.services.cases.kind import Outcome, Rule, Verdict
from desktop.services.shared import ages, timefmt

SERVICES = ("mgl-pengangkatan-anak", "mgt-27-rekomendasi-pengangkatan-anak")

MIN_AGE = settings.SettingDef(
    "adopsi.min_age", "Umur calon orang tua angkat paling rendah", 30, 21, 60, "tahun",
    help="PP 54/2007 Pasal 13 huruf b: berumur paling rendah 30 tahun dan paling tinggi 55 "
    "tahun, dalam tahun penuh pada hari pemeriksaan.")
MAX_AGE = settings.SettingDef(
    "adopsi.max_age", "Umur calon orang tua angkat paling tinggi", 55, 30, 80, "tahun",
    help=MIN_AGE.help)
MARRIED_YEARS = settings.SettingDef(
    "adopsi.married_years", "Lama menikah calon orang tua angkat paling singkat", 5, 0, 20,
    "tahun", help="PP 54/2007 Pasal 13 huruf e: berstatus menikah paling singkat 5 tahun.")
CARE_MONTHS = settings.SettingDef(
    "adopsi.care_months", "Lama pengasuhan sebelum rekomendasi paling singkat", 6, 0, 24,
    "bulan", help="PP 54/2007 Pasal 13 huruf l: telah mengasuh calon anak angkat paling "
    "singkat 6 bulan, sejak izin pengasuhan diberikan.")
SETTINGS = (MIN_AGE, MAX_AGE, MARRIED_YEARS, CARE_MONTHS)


def today() -> datetime.date:
    return timefmt.to_local(timefmt.utcnow()).date()


def _spouses(case) -> list[tuple[str, object]]:
    return [(label, person) for label, person in (("suami", case.husband), ("istri", case.wife))
            if person is not None]


def _per_spouse(case, fact: str, yes: str, no: str, unknown: str) -> Outcome:
    answers = [(label, getattr(case, f"{'husband' if label == 'suami' else 'wife'}_{fact}"))
               for label, _ in _spouses(case)]
    failing = [label for label, answer in answers if answer == "tidak"]
    if failing:
        return Outcome(Verdict.NOT_MET, f"{no} ({', '.join(failing)})")
    missing = [label for label, answer in answers if answer != "ya"]
    if missing:
        return Outcome(Verdict.UNKNOWN, f"{unknown} ({', '.join(missing)})")
    return Outcome(Verdict.MET, yes)


def route(case, events, day) -> Outcome:
    if case.route == "pasangan_wni":
        return Outcome(Verdict.MET, "pasangan suami istri WNI: diputuskan di daerah")
    return Outcome(Verdict.NOT_MET, f"{adoption.ROUTES[case.route].split(' (')[0].lower()}: "
                   "permohonan diteruskan ke Tim PIPA Pusat (Kementerian Sosial), bukan "
                   "direkomendasikan Dinas ke provinsi")


def child_age(case, events, day) -> Outcome:
    if case.child.birth_date is None:  # cleared on the person's page
        return Outcome(Verdict.UNKNOWN, "tanggal lahir anak belum dicatat")
    age = ages.age_on(case.child.birth_date, day)
    if age >= adoption.ADULT_AGE:
        return Outcome(Verdict.NOT_MET, f"anak sudah berusia {age} tahun")
    return Outcome(Verdict.MET, f"anak berusia {age} tahun")


def health(case, events, day) -> Outcome:
    return _per_spouse(case, "healthy", "surat keterangan sehat jasmani dan rohani ada",
                       "surat keterangan dokter: tidak sehat",
                       "surat keterangan sehat belum dicatat")


def cota_ages(case, events, day) -> Outcome:
    low, high = settings.value(MIN_AGE), settings.value(MAX_AGE)
    if low > high:
        return Outcome(Verdict.UNKNOWN, f"pengaturan umur tidak masuk akal ({low} sampai "
                       f"{high} tahun); perbaiki di Pengaturan")
    parts, fails = [], []
    for label, person in _spouses(case):
        age = ages.age_on(person.birth_date, day)
        parts.append(f"{label} {age} tahun")
        if not low <= age <= high:
            fails.append(f"{label} {age} tahun")
    if fails:
        return Outcome(Verdict.NOT_MET, f"{', '.join(fails)}: harus {low} sampai {high} tahun")
    return Outcome(Verdict.MET, ", ".join(parts))


def religion(case, events, day) -> Outcome:
    child = case.child.religion
    others = [f"{label} {person.religion or 'belum dicatat'}"
              for label, person in _spouses(case) if person.religion != child]
    if not child or any(not person.religion for _, person in _spouses(case)):
        return Outcome(Verdict.UNKNOWN, "agama anak atau calon orang tua angkat belum dicatat")
    if others:
        return Outcome(Verdict.NOT_MET, f"anak {child}; {', '.join(others)}")
    return Outcome(Verdict.MET, f"sama-sama {child}")


def conduct(case, events, day) -> Outcome:
    return _per_spouse(case, "clean", "SKCK tanpa catatan pidana",
                       "pernah dihukum (SKCK)", "SKCK belum dicatat")


def married(case, events, day) -> Outcome:
    if case.route == "orang_tua_tunggal":
        return Outcome(Verdict.NOT_MET, "orang tua tunggal: diputuskan Tim PIPA Pusat")
    years = settings.value(MARRIED_YEARS)
    enough = ages.add_years(case.marriage_date, years)
    if enough > day:
        return Outcome(Verdict.NOT_MET, f"menikah {timefmt.format_date(case.marriage_date)}; "
                       f"{years} tahun baru pada {timefmt.format_date(enough)}")
    return Outcome(Verdict.MET, f"menikah sejak {timefmt.format_date(case.marriage_date)}")


def not_same_sex(case, events, day) -> Outcome:
    if case.husband is None or case.wife is None:
        return Outcome(Verdict.MET, "orang tua tunggal")
    if case.husband.sex == "L" and case.wife.sex == "P":
        return Outcome(Verdict.MET, "suami laki-laki, istri perempuan (menurut NIK)")
    return Outcome(Verdict.NOT_MET, "menurut NIK suami dan istri berjenis kelamin sama atau "
                   "tertukar")


def children(case, events, day) -> Outcome:
    if case.children_count is None:
        return Outcome(Verdict.UNKNOWN, "jumlah anak belum dicatat")
    if case.children_count > 1:
        return Outcome(Verdict.NOT_MET, f"sudah mempunyai {case.children_count} anak")
    return Outcome(Verdict.MET, "belum mempunyai anak" if case.children_count == 0
                   else "mempunyai satu anak")


def able(case, events, day) -> Outcome:
    if case.able == "ya":
        return Outcome(Verdict.MET, "mampu menurut penilaian pekerja sosial")
    if case.able == "tidak":
        return Outcome(Verdict.NOT_MET, "tidak mampu menurut penilaian pekerja sosial")
    return Outcome(Verdict.UNKNOWN, "penilaian pekerja sosial belum dicatat")


def care(case, events, day) -> Outcome:
    permit = next((e for e in events if e.stage == "izin_pengasuhan"), None)
    if permit is None:
        return Outcome(Verdict.UNKNOWN, "izin pengasuhan dari provinsi belum dicatat")
    months = settings.value(CARE_MONTHS)
    enough = ages.add_months(permit.on_date, months)
    if enough > day:
        return Outcome(Verdict.NOT_MET, f"diasuh sejak {timefmt.format_date(permit.on_date)}; "
                       f"{months} bulan baru pada {timefmt.format_date(enough)} "
                       f"({(enough - day).days} hari lagi)")
    return Outcome(Verdict.MET, f"diasuh sejak {timefmt.format_date(permit.on_date)}")


def consent(case, events, day) -> Outcome:
    if case.child_consent == "tidak" or case.guardian_permission == "tidak":
        return Outcome(Verdict.NOT_MET, "anak tidak setuju" if case.child_consent == "tidak"
                       else "orang tua/wali tidak mengizinkan")
    if not case.child_consent or case.guardian_permission != "ya":
        return Outcome(Verdict.UNKNOWN, "persetujuan anak atau izin tertulis orang tua/wali "
                       "belum dicatat")
    return Outcome(Verdict.MET, "izin tertulis orang tua/wali ada" +
                   ("; anak setuju" if case.child_consent == "ya" else ""))


def statement(case, events, day) -> Outcome:
    if case.statement == "ya":
        return Outcome(Verdict.MET, "pernyataan tertulis ada")
    if case.statement == "tidak":
        return Outcome(Verdict.NOT_MET, "pernyataan tertulis tidak dibuat")
    return Outcome(Verdict.UNKNOWN, "pernyataan tertulis belum dicatat")


def adoptions(case, events, day) -> Outcome:
    previous = adoption.previous_of(case)
    if not previous:
        return Outcome(Verdict.MET, "belum pernah mengangkat anak")
    if case.child_disability:
        return Outcome(Verdict.MET, "anak penyandang disabilitas: batas jumlah dan jarak tidak "
                       "berlaku")
    if len(previous) >= 2:
        return Outcome(Verdict.NOT_MET, f"sudah {len(previous)} kali mengangkat anak (paling "
                       "banyak 2 kali)")
    next_allowed = ages.add_years(previous[-1], 2)
    if next_allowed > day:
        return Outcome(Verdict.NOT_MET, f"pengangkatan sebelumnya "
                       f"{timefmt.format_date(previous[-1])}; jarak 2 tahun baru pada "
                       f"{timefmt.format_date(next_allowed)}")
    return Outcome(Verdict.MET, f"sekali sebelumnya ({timefmt.format_date(previous[-1])})")


def report(case, events, day) -> Outcome:
    found = next((e for e in events if e.stage == "laporan_sosial"), None)
    if found is None:
        return Outcome(Verdict.UNKNOWN, "laporan sosial pekerja sosial belum dicatat")
    return Outcome(Verdict.MET, f"nomor {found.reference}, {timefmt.format_date(found.on_date)}")


CHECKS = (
    ("route", "Jalur permohonan di daerah", route),
    ("child_age", "Anak belum berusia 18 tahun", child_age),
    ("health", "Sehat jasmani dan rohani", health),
    ("age", "Berumur 30 sampai 55 tahun", cota_ages),
    ("religion", "Beragama sama dengan anak", religion),
    ("conduct", "Berkelakuan baik (tidak pernah dihukum)", conduct),
    ("married", "Menikah paling singkat 5 tahun", married),
    ("not_same_sex", "Bukan pasangan sejenis", not_same_sex),
    ("children", "Tidak/belum mempunyai anak atau hanya satu", children),
    ("able", "Mampu secara ekonomi dan sosial", able),
    ("care", "Telah mengasuh paling singkat 6 bulan", care),
    ("consent", "Persetujuan anak dan izin orang tua/wali", consent),
    ("statement", "Pernyataan tertulis demi kepentingan terbaik anak", statement),
    ("adoptions", "Paling banyak 2 kali, berjarak 2 tahun", adoptions),
    ("report", "Laporan sosial pekerja sosial ada", report),
)


def evaluate(case, events, day: datetime.date) -> dict[str, Outcome]:
    """Every rule's outcome on `day` ({code: Outcome}); without a case nothing is known."""
    if case is None:
        return {code: Outcome(Verdict.UNKNOWN, "data anak dan calon orang tua angkat belum "
                              "dicatat") for code, _, _ in CHECKS}
    return {code: check(case, events, day) for code, _, check in CHECKS}


def _outcomes(application, case) -> dict[str, Outcome]:
    """Evaluated once per loaded case, whichever rule asks first (one query for the stages)."""
    day = today()
    cached = getattr(case, "_outcomes", None)
    if cached is not None and cached[0] == day:
        return cached[1]
    events = adoption.events_of(application.id) if case is not None else []
    outcomes = evaluate(case, events, day)
    if case is not None:
        case._outcomes = (day, outcomes)
    return outcomes


def _rule(code: str, label: str) -> Rule:
    return Rule(code, label, lambda application, case: _outcomes(application, case)[code],
                letters=(adoption.TEMPLATE,))


RULES = tuple(_rule(code, label) for code, label, _ in CHECKS)
