"""The tanda terima berkas on paper: half an A4 or a receipt roll as the setting says, one page
with what the applicant needs and not the whole NIK; printed from the application's detail and
from the last page of the new-application wizard, through the print dialog or as a PDF."""
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from desktop.services.admin import office as office_profile
from desktop.services.admin import settings
from desktop.services.applications import people, workflow
from desktop.services.catalog import service_catalog
from desktop.services.letters import catalogue
from desktop.services.shared import timefmt
from desktop.views.applications import receipt_print
from desktop.views.applications.application_detail import ApplicationDetailDialog
from desktop.views.applications.new_application import NewApplicationDialog
from desktop.views.shared import file_dialogs, paged
from desktop.views.shell.session import Session
from tests.factories import make_office

pytestmark = pytest.mark.skipif(not (shutil.which("pdfinfo") and shutil.which("pdftotext")),
                                reason="poppler-utils (pdfinfo, pdftotext) not installed")
NIK = "3371011503850001"
MM = 72 / 25.4  # points in a millimetre
WIDTHS = {"a5": 210, "80mm": 80, "58mm": 58}


@pytest.fixture
def office(sqlite_db):
    o = make_office()
    office_profile.save_profile(o["admin"], office_profile.get_profile(),
                                office_name="Dinas Sosial", region_kind="Kota",
                                region_name="Magelang", address="Jl. Sudirman No. 79",
                                phone="(0293) 362021", unit_code="Dinsos",
                                classification_code="400.9",
                                emblem=catalogue.sample_images(signed=False)["emblem"])
    yield o
    timefmt.set_office_time_zone(timefmt.DEFAULT_TZ)


def use_paper(o, paper):
    settings.set_value(o["admin"], "applications.receipt_paper", paper)


def page_sizes(path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.MULTILINE)]


def text_of(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def lks_application(o):
    org = people.register_organisation(o["clerk"], name="Yayasan Peduli Sesama",
                                       legal_form="Yayasan", address="Jl. Pemuda 3")
    return workflow.register(o["clerk"], service_catalog.get("mgl-tanda-daftar-lks"),
                             organisation=org)


def test_every_paper_the_setting_offers_has_a_layout():
    offered = {value for value, _ in settings.DEFINITIONS["applications.receipt_paper"].choices}
    assert offered == set(receipt_print.PAPERS) == set(WIDTHS)


@pytest.mark.parametrize("paper", ["a5", "80mm", "58mm"])
def test_a_receipt_on_each_paper_is_one_page_of_its_width(qtbot, office, tmp_path, paper):
    use_paper(office, paper)
    service = service_catalog.get("dpk-slrt")
    first, second = service_catalog.requirements_of(service)[:2]
    app = workflow.register(office["clerk"], service, person=office["person"],
                            checks={first.position: "ada"})
    path = tmp_path / f"{paper}.pdf"
    assert receipt_print.write_pdf(office["clerk"], app.id, str(path)) == 1
    [(width, height)] = page_sizes(path)
    assert width == pytest.approx(WIDTHS[paper] * MM, abs=0.6)
    if paper == "a5":
        assert height == pytest.approx(148 * MM, abs=0.6)  # landscape: A4's top half
    else:
        assert height >= receipt_print.MIN_ROLL_MM * MM
    text = " ".join(text_of(path).split())
    assert app.reg_number in text and "TANDA TERIMA BERKAS PERMOHONAN" in text
    assert "************0001" in text and NIK not in text
    assert "Berkas diterima (1)" in text and f"Berkas belum ada ({7 - 1})" in text
    assert "Fotocopy KTP dan KK" in text  # the first requirement, received
    assert "Selesai paling lambat" in text and "Layanan Santoso" in text
    assert "PEMERINTAH KOTA MAGELANG" in text and "(0293) 362021" in text


def test_eleven_documents_still_fit_half_an_a4(qtbot, office, tmp_path):
    path = tmp_path / "lks.pdf"
    assert receipt_print.write_pdf(office["clerk"], lks_application(office).id, str(path)) == 1
    text = " ".join(text_of(path).split())
    assert "Berkas belum ada (11)" in text and "Surat Permohonan kepada Kepala Dinas" in text


def test_the_roll_is_as_long_as_the_receipt(qtbot, office, tmp_path):
    use_paper(office, "58mm")
    short = workflow.register(office["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                              person=office["person"])
    lengths = []
    for name, app in (("short", short), ("long", lks_application(office))):
        path = tmp_path / f"{name}.pdf"
        assert receipt_print.write_pdf(office["clerk"], app.id, str(path)) == 1
        lengths.append(page_sizes(path)[0][1])
        assert "Selesai paling lambat" in text_of(path) or name == "long"
    assert lengths[1] > lengths[0] + 40 * MM  # eleven documents listed one under another


def test_a_conditional_service_prints_tanpa_batas_waktu(qtbot, office, tmp_path):
    app = workflow.register(office["clerk"], service_catalog.get("mgl-mobil-jenazah"),
                            person=office["person"])
    path = tmp_path / "jenazah.pdf"
    receipt_print.write_pdf(office["clerk"], app.id, str(path))
    assert "Tanpa batas waktu" in " ".join(text_of(path).split())


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path):
    """The print dialog stands in for a printer that writes a PDF: what it was offered is
    kept, and Batal when `cancel` is set."""
    asked = {"cancel": False}

    def ask(parent, name, layout=None):
        asked.update(name=name, layout=layout)
        if asked["cancel"]:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printer.setPageLayout(layout)
        return printer

    monkeypatch.setattr(paged, "ask_printer", ask)
    return asked


def session_of(user):
    return Session(user, "Tertanam (SQLite): test.db", "sqlite:///test.db")


def test_the_detail_prints_the_receipt_and_saves_it(qtbot, office, tmp_path, pdf_printer,
                                                    monkeypatch):
    use_paper(office, "80mm")
    app = workflow.register(office["clerk"], service_catalog.get("mgl-surat-keterangan-dtks"),
                            person=office["person"])
    dialog = ApplicationDetailDialog(session_of(office["clerk"]), app.id)
    qtbot.addWidget(dialog)
    button = dialog.receipt_button
    assert button.text() == "Cetak tanda terima"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pdf_printer["name"] == f"Tanda terima {app.reg_number}"
    assert pdf_printer["layout"].fullRectPoints().width() == round(80 * MM)
    printed = tmp_path / "printed.pdf"
    assert dialog.message.text() == f"Tanda terima {app.reg_number} dikirim ke printer."
    [(width, _)] = page_sizes(printed)
    assert width == pytest.approx(80 * MM, abs=0.6)
    assert app.reg_number in text_of(printed)

    pdf_printer["cancel"] = True  # Batal in the print dialog: nothing printed, nothing said
    dialog.message.clear()
    printed.unlink()
    button.click()
    assert not printed.exists() and dialog.message.text() == ""

    saved = tmp_path / "tanda-terima.pdf"
    monkeypatch.setattr(file_dialogs, "save_path", lambda *args: str(saved))
    save = next(a for a in button.menu().actions() if a.text() == "Simpan sebagai PDF…")
    save.trigger()
    assert dialog.message.text() == f"Tanda terima disimpan ke {saved}."
    assert app.reg_number in text_of(saved)


def test_the_wizard_offers_the_receipt_once_registered(qtbot, office, pdf_printer, tmp_path,
                                                       monkeypatch):
    asked = []  # nothing ticked: the wizard asks before registering an incomplete file
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, *a: asked.append(title) or QMessageBox.StandardButton.Yes)
    dialog = NewApplicationDialog(session_of(office["clerk"]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.service_filter, "ket dtks")
    qtbot.keyClick(dialog.service_filter, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.search_edit, NIK)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 2
    assert not dialog.receipt_button.isVisible()  # nothing to hand over before registering
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Daftarkan
    assert asked == ["Persyaratan belum lengkap"]
    assert dialog.stack.currentIndex() == 3 and dialog.receipt_button.isVisible()
    qtbot.mouseClick(dialog.receipt_button, Qt.MouseButton.LeftButton)
    number = dialog.number_label.text()
    assert dialog.message.text() == f"Tanda terima {number} dikirim ke printer."
    [(width, height)] = page_sizes(tmp_path / "printed.pdf")  # the setting's default: A5
    assert (width, height) == (pytest.approx(210 * MM, abs=0.6), pytest.approx(148 * MM, abs=0.6))
    text = " ".join(text_of(tmp_path / "printed.pdf").split())
    assert number in text and "Berkas belum ada (1)" in text
