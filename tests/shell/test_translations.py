"""Qt's own strings in Indonesian: the shipped .qm is built from the script's table and loaded."""
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from desktop.views.shell import translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def indonesian(qapp):
    assert translations.install(qapp)
    yield qapp
    translations.uninstall(qapp)


def test_the_shipped_translation_is_the_one_the_script_builds(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    built = build_translations.build(tmp_path / "qt_id")
    assert built.read_bytes() == translations.QM_FILE.read_bytes()
    assert (tmp_path / "qt_id.ts").read_text(encoding="utf-8") == \
        translations.QM_FILE.with_suffix(".ts").read_text(encoding="utf-8")


def test_standard_buttons_speak_indonesian(qtbot, indonesian):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "") for b in (
        QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Save,
        QDialogButtonBox.StandardButton.Close)}
    assert texts == {"Batal", "Simpan", "Tutup"}
    question = QMessageBox(QMessageBox.Icon.Question, "Pelita", "Hapus?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(question)
    assert question.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ya"
    assert question.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Tidak"


def test_a_text_field_s_menu_speaks_indonesian(qtbot, indonesian):
    field = QLineEdit("3371")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    shown = {action.text().split("\t")[0].replace("&", "") for action in menu.actions()}
    assert {"Urungkan", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"} <= shown


def test_without_the_file_the_buttons_stay_english(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(translations, "QM_FILE", tmp_path / "missing.qm")
    translations.uninstall(qapp)
    assert not translations.install(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
