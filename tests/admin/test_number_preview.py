"""Pengaturan's number patterns: the next number shown live without taking it, a legend, and
the service's refusal of a pattern that cannot give unique numbers."""
import pytest

from desktop.errors import ValidationError
from desktop.models import Counter
from desktop.services.admin import number_preview, office, settings
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue, lifecycle
from desktop.services.shared import timefmt
from desktop.views.admin.settings_page import SettingsPage
from desktop.views.shell.session import Session
from tests.factories import make_office

REGISTRATION = "applications.number_pattern"
LETTER = "letters.number_pattern"


def test_the_next_registration_number_is_shown_and_not_taken(sqlite_db):
    o = make_office()
    year = timefmt.office_today().year
    slrt = service_catalog.get("dpk-slrt")
    workflow.register(o["clerk"], slrt, person=o["person"])
    assert number_preview.registration("{seq:05d}/REG/{year}").number == f"00002/REG/{year}"
    assert number_preview.registration("{seq:05d}/REG/{year}").number == f"00002/REG/{year}"
    assert workflow.register(o["clerk"], slrt, person=o["person"]).reg_number == \
        f"00002/REG/{year}"  # the preview took nothing
    shown = number_preview.registration("{service}-{seq}/{year}")
    assert shown.number.endswith(f"-3/{year}") and shown.example.startswith("untuk layanan ")


def test_the_next_letter_number_comes_from_its_counter(sqlite_db):
    make_office()
    pattern = settings.get(LETTER)
    spec = catalogue.SPECS[0]
    classification = catalogue.classification_of(spec.key)
    year = timefmt.office_today().year
    unit = office.get_profile().unit_code
    series = lifecycle.series_key(pattern, classification, spec.series, unit)
    Counter.insert(series=series, year=year, value=6).execute()
    shown = number_preview.letter(pattern)
    assert shown.number == f"{classification}/0007/{unit}/{year}" and not shown.error
    assert spec.title in shown.example
    assert Counter.get(Counter.series == series).value == 6


@pytest.mark.parametrize("pattern, says", [
    ("{seq:05d}/REG", "harus memuat {year}"),
    ("{tahun}/{seq}", "{tahun} tidak dikenal; hanya boleh memakai {seq}, {year}"),
    ("{seq:05d/REG/{year}", "tidak berpasangan"),
    ("{seq:abc}/{year}", "penulisan format tidak dikenal"),
    ("REG/{year}", "harus memuat {seq}"),
    ("   ", "wajib diisi"),
])
def test_a_bad_pattern_is_refused_naming_the_setting_and_the_fix(sqlite_db, pattern, says):
    o = make_office()
    shown = number_preview.registration(pattern)
    assert shown.number == "" and shown.error.startswith("Pola nomor registrasi: ")
    assert says in shown.error
    with pytest.raises(ValidationError, match="Pola nomor registrasi"):
        settings.set_value(o["admin"], REGISTRATION, pattern)
    assert settings.get(REGISTRATION) == "{seq:05d}/REG/{year}"


def test_the_legend_names_every_placeholder_in_words():
    legend = number_preview.LEGENDS[REGISTRATION]
    assert "{seq:05d} = nomor urut 5 angka, diawali nol (00042)" in legend
    assert "{year} = tahun" in legend and "{roman} = bulan dalam angka Romawi" in legend
    assert "{seq:04d} = nomor urut 4 angka, diawali nol (0042)" in number_preview.LEGENDS[LETTER]
    assert "{unit} = kode unit kerja" in number_preview.LEGENDS[LETTER]


def test_the_settings_page_previews_as_the_pattern_is_typed(qtbot, sqlite_db):
    o = make_office()
    page = SettingsPage(Session(o["admin"], "uji", "sqlite:///uji.db"))
    qtbot.addWidget(page)
    year = timefmt.office_today().year
    preview = page.previews[REGISTRATION]
    assert preview.text() == f"Nomor berikutnya: 00001/REG/{year}"
    page.editors[REGISTRATION].setText("{seq:04d}/{roman}/{year}")
    roman = lifecycle.numbering.ROMAN_MONTHS[timefmt.office_today().month - 1]
    assert preview.text() == f"Nomor berikutnya: 0001/{roman}/{year}"
    page.editors[REGISTRATION].setText("{seq:04d}/REG")
    assert "harus memuat {year}" in preview.text() and "a93226" in preview.styleSheet()
    assert not page.save()  # the service refuses it too
    assert page.message.text().startswith("Pola nomor registrasi: harus memuat {year}")
    assert page.previews[LETTER].text().startswith("Nomor berikutnya: ")
