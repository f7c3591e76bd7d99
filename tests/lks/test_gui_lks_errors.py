"""A new LKS saved empty: every required field marked on both tabs at one press, the first
tab brought forward and its first field focused."""
from desktop.models import Lks, User
from desktop.services.demo import seed
from desktop.services.lks import lks_records
from desktop.views.lks.lks_dialog import LksDialog
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session


def test_empty_lks_marks_every_required_field_across_tabs(qtbot, sqlite_db):
    seed.fill(size=30)
    before = Lks.select().count()
    dialog = LksDialog(Session(User.get(User.username == "layanan"), "test", ""), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)  # the officer was on the board tab
    dialog.save_button.click()
    assert Lks.select().count() == before
    for label in ("Nama LKS", "Alamat sekretariat", "Kecamatan", "Bidang pelayanan",
                  "Nomor akta notaris", "Tanggal akta notaris", "NIK Ketua", "Nama Ketua"):
        assert is_marked(dialog.fields[label]), label
    assert not is_marked(dialog.fields["Kelurahan/desa"])
    assert dialog.tabs.currentIndex() == 0 and dialog.focusWidget() is dialog.name_edit
    # The board is a grid, not a form: its messages are in the summary.
    assert "NIK Ketua: ketua wajib dicatat" in dialog.message.text()
    assert dialog.message.text().startswith("10 isian perlu diperbaiki")
    assert "Nama LKS" + REQUIRED_MARK + ":" in [
        label.text() for label in dialog.findChildren(type(dialog.message))]
    for label in lks_records.REQUIRED:
        assert label in dialog.fields, label


def test_the_stars_of_conditional_fields_follow_what_the_service_asks(qtbot, sqlite_db):
    from tests.form_marks import label_of, message_under

    seed.fill(size=30)
    dialog = LksDialog(Session(User.get(User.username == "layanan"), "test", ""), None)
    qtbot.addWidget(dialog)
    dialog.show()
    starred = lambda field: REQUIRED_MARK in label_of(dialog.fields[field])  # noqa: E731
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("berbadan_hukum"))
    assert starred("Nomor akta notaris") and starred("Tanggal SK Kemenkumham")
    assert not starred("Nota pendirian (dilegalisasi)")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("tidak_berbadan_hukum"))
    assert starred("Nota pendirian (dilegalisasi)") and starred("Tanggal nota pendirian")
    assert not starred("Nomor akta notaris")
    # No bank account, no domicile letter: none of their parts asked.
    for field in ("Nama bank", "Nomor rekening", "Nama pemilik rekening",
                  "Tanggal surat domisili"):
        assert not starred(field), field
    dialog.bank_account.setText("1234567")
    dialog.domicile_number.setText("470/12/2024")
    assert starred("Nama bank") and starred("Nama pemilik rekening")
    assert starred("Tanggal surat domisili")
    assert label_of(dialog.fields["Nama bank"]).count("*") == 1  # once, however often typed
    dialog.save_button.click()  # the starred fields left empty: the service refuses each
    for field in ("Nama bank", "Nama pemilik rekening", "Tanggal surat domisili",
                  "Nota pendirian (dilegalisasi)"):
        assert is_marked(dialog.fields[field]), field
        assert message_under(dialog.fields[field]).startswith("Wajib diisi"), field
    assert not is_marked(dialog.fields["Nomor rekening"])
    dialog.bank_account.clear()
    dialog.domicile_number.clear()
    assert not starred("Nama bank") and not starred("Tanggal surat domisili")
