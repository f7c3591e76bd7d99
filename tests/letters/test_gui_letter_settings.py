"""Templat & Tanda Tangan: replacing a template through the screen, and signers' images."""

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.models import SignerImage, TemplateOverride
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue, templates
from desktop.services.shared import permissions
from desktop.views.letters.letter_settings_page import COLUMNS, LetterSettingsPage
from desktop.views.shell.sections import visible_sections
from desktop.views.shell.session import Session
from tests.factories import make_user, shipped_template_with

KEY = "keterangan_dtks"


@pytest.fixture
def people(sqlite_db):
    service_catalog.load_shipped()
    return {"admin": make_user("admin", role=permissions.ADMIN),
            "head": make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial"),
            "clerk": make_user("budi", role=permissions.FRONT_OFFICE)}


def open_page(qtbot, user):
    page = LetterSettingsPage(Session(user, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    return page


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def row_of(page, key):
    keys = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    return keys.index(f"{key}.docx")


def cell(page, key, column):
    return page.model.index(row_of(page, key), COLUMNS.index(column)).data()


def test_section_only_for_the_administrator(people):
    assert "templat" in [s.key for s in visible_sections(people["admin"])]
    assert "templat" not in [s.key for s in visible_sections(people["head"])]
    assert "templat" not in [s.key for s in visible_sections(people["clerk"])]


def test_replace_with_a_bad_template_names_the_problem_and_a_good_one_updates_the_table(
        qtbot, people, monkeypatch, tmp_path):
    page = open_page(qtbot, people["admin"])
    assert page.model.rowCount() == len(catalogue.TEMPLATES)
    assert cell(page, KEY, "Status") == "Bawaan"
    page.select_key(KEY)
    assert not page.restore_button.isEnabled()

    bad = tmp_path / "dtks-salah.docx"
    bad.write_bytes(shipped_template_with(KEY, "Nama: {{ nama_lengkap }}",
                                  "{% if person_name == \u201cA\u201d %}x{% endif %}"))
    choose_file(monkeypatch, bad)
    assert page.replace_template() is False
    text = page.template_message.text()
    assert page.template_message.isVisible()
    assert f"{KEY}.docx" in text and "tidak diterima" in text
    assert "kutip lengkung" in text
    assert TemplateOverride.select().count() == 0
    assert cell(page, KEY, "Status") == "Bawaan"
    qtbot.wait(50)
    page.grab().save(str(tmp_path / "bad.png"))

    unknown = tmp_path / "dtks-variabel.docx"
    unknown.write_bytes(shipped_template_with(KEY, "Nama: {{ nama_lengkap }}"))
    choose_file(monkeypatch, unknown)
    assert page.replace_template() is False
    assert "{{ nama_lengkap }}" in page.template_message.text()
    assert "'nama_lengkap'" in page.template_message.text()

    good = tmp_path / "dtks-baru.docx"
    good.write_bytes(shipped_template_with(KEY, "Catatan kantor: {{ person_name }}"))
    choose_file(monkeypatch, good)
    assert page.replace_template() is True
    assert cell(page, KEY, "Status") == "Diganti"
    assert cell(page, KEY, "Diganti oleh") == "admin" and cell(page, KEY, "Waktu")
    assert "diganti dengan dtks-baru.docx" in page.template_message.text()
    assert templates.active_template(KEY) == good.read_bytes()
    assert page.selected_key() == KEY and page.restore_button.isEnabled()
    qtbot.wait(50)
    page.grab().save(str(tmp_path / "good.png"))

    saved = tmp_path / "unduhan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(saved), "")))
    assert page.download_template() is True
    assert (tmp_path / "unduhan.docx").read_bytes() == good.read_bytes()

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert page.restore_template() is True
    assert cell(page, KEY, "Status") == "Bawaan" and templates.active_template(KEY) is None


def image_file(path, fmt: str, color: str = "#1a237e") -> None:
    image = QImage(300, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor(color))
    assert image.save(str(path), fmt)


def test_signer_images_upload_preview_store_and_remove(qtbot, people, monkeypatch, tmp_path):
    page = open_page(qtbot, people["admin"])
    assert page.signer_combo.count() == 1
    assert "Kadis Santoso" in page.signer_combo.currentText()
    assert page.previews["signature"].pixmap().isNull()
    assert not page.remove_buttons["signature"].isEnabled()

    signature = tmp_path / "ttd.png"
    signature.write_bytes(catalogue.sample_images()["signature_image"])
    choose_file(monkeypatch, signature)
    assert page.upload_image("signature") is True
    assert not page.previews["signature"].pixmap().isNull()
    assert page.remove_buttons["signature"].isEnabled()
    row = SignerImage.get(SignerImage.user == people["head"].id)
    assert bytes(row.signature) == signature.read_bytes() and row.stamp is None

    stamp = tmp_path / "cap.jpg"  # a JPEG is stored as PNG
    image_file(stamp, "JPG")
    choose_file(monkeypatch, stamp)
    assert page.upload_image("stamp") is True
    row = SignerImage.get(SignerImage.user == people["head"].id)
    assert bytes(row.stamp).startswith(b"\x89PNG")
    assert bytes(row.signature) == signature.read_bytes()  # the other image kept
    assert not page.previews["stamp"].pixmap().isNull()
    page.grab().save(str(tmp_path / "images.png"))

    not_image = tmp_path / "ttd.png.txt"
    not_image.write_text("bukan gambar")
    choose_file(monkeypatch, not_image)
    assert page.upload_image("signature") is False
    assert "Tanda tangan pindaian" in page.signer_message.text()
    too_big = tmp_path / "besar.png"
    too_big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024 + 10))
    choose_file(monkeypatch, too_big)
    assert page.upload_image("stamp") is False
    assert "2 MB" in page.signer_message.text()
    assert bytes(SignerImage.get(SignerImage.user == people["head"].id).signature) == \
        signature.read_bytes()

    assert page.remove_image("signature") is True
    row = SignerImage.get(SignerImage.user == people["head"].id)
    assert row.signature is None and row.stamp is not None
    assert page.previews["signature"].pixmap().isNull()
