"""The template variables inside the app: one list from catalogue.py, agreeing with
letter_templates/VARIABLES.md, searchable and filtered per template on the Templat page."""
import re
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.services.letters import catalogue, variables
from desktop.services.shared import permissions
from desktop.views.letters.letter_settings_page import LetterSettingsPage
from desktop.views.shell.session import Session
from tests.factories import make_user

MARKDOWN = Path(__file__).resolve().parents[2] / "letter_templates" / "VARIABLES.md"


def test_the_in_app_list_and_variables_md_agree():
    documented = set(re.findall(r"^\| `(\w+)` \| (.*) \|$",
                                MARKDOWN.read_text(encoding="utf-8"), re.M))
    listed = {(v.name, v.meaning) for v in variables.all_variables()}
    assert documented and listed == documented


def test_each_template_lists_exactly_the_variables_it_may_use():
    for spec in catalogue.SPECS:
        names = {v.name for v in variables.search("", spec.key)}
        assert names == set(spec.all_variables()), spec.key


def test_a_search_finds_by_name_meaning_or_example_with_a_sample_value():
    found = {v.name: v for v in variables.search("tanggal surat")}
    assert "letter_date" in found and found["letter_date"].example == "22 November 2026"
    assert found["letter_date"].used_in == variables.EVERY_TEMPLATE
    assert found["letter_date"].tag == "{{ letter_date }}"
    assert {v.name for v in variables.search("LETTER_DATE")} == {"letter_date"}
    rows = {v.name: v for v in variables.search("", "berita_acara_bantuan_bencana")}
    assert rows["distribution_rows"].example.startswith("Tabel, tiap baris memuat: ")
    assert rows["emblem"].example.startswith("(gambar")
    assert "subject" not in rows  # a certificate has no Hal
    assert {v.name: v for v in variables.search("", "rekomendasi_hibah")}[
        "subject"].used_in == variables.EVERY_LETTER
    assert variables.search("tidak ada variabel seperti ini") == []


def test_the_templat_page_shows_the_list_for_the_selected_template(qtbot, sqlite_db):
    page = LetterSettingsPage(Session(make_user("admin", role=permissions.ADMIN), "uji",
                                      "sqlite:///uji.db"))
    qtbot.addWidget(page)
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "VARIABLES.md" not in texts and "Daftar variabel" in texts
    page.select_key("jawaban_pengaduan")
    dialog = page.show_variables()
    assert dialog.template_combo.currentData() == "jawaban_pengaduan"
    shown = {dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())}
    assert "{{ reply_paragraphs }}" in shown and "{{ org_name }}" not in shown
    dialog.search_edit.setText("paragraf")
    dialog.apply_filter()
    assert dialog.model.rowCount() == 1 and dialog.count_label.text() == "1 variabel."
    assert dialog.copy_tag() == "{{ reply_paragraphs }}"
    assert QGuiApplication.clipboard().text() == "{{ reply_paragraphs }}"
    dialog.template_combo.setCurrentIndex(0)  # every template
    dialog.search_edit.clear()
    dialog.apply_filter()
    assert dialog.model.rowCount() == len(variables.all_variables())
