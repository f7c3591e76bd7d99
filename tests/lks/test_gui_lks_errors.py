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
