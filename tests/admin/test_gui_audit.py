"""Jejak Audit in words, with the stored entry of the selected row one click away."""
from desktop.services.shared import audit, permissions
from desktop.views.admin.audit_page import AuditPage
from desktop.views.shell.session import Session
from tests.factories import make_user


def test_rows_in_words_and_the_raw_entry_on_request(qtbot, sqlite_db):
    admin = make_user("admin", role=permissions.ADMIN)
    audit.record(admin, "update", "hearse_booking", 41, old={"state": "booked"},
                 new={"state": "confirmed", "departure_at": "2026-12-01T08:00:00"})
    page = AuditPage(Session(admin, "uji", "sqlite:///uji.db"))
    qtbot.addWidget(page)
    page.show()
    model = page.model
    assert model.index(0, 2).data() == "Status pemesanan mobil jenazah: Dikonfirmasi"
    assert model.index(0, 3).data() == ("Status: Dipesan → Dikonfirmasi; "
                                        "Berangkat: 1 Desember 2026 15.00 WIB")
    assert "hearse_booking" not in model.index(0, 3).data()
    assert page.raw_text.isHidden()
    page.raw_button.click()
    assert page.raw_text.isVisible() and page.raw_button.text() == "Sembunyikan data mentah"
    raw = page.raw_text.toPlainText()
    assert "Tindakan: update" in raw and "Tabel: hearse_booking" in raw
    assert "ID baris: 41" in raw and '"departure_at": "2026-12-01T08:00:00"' in raw
    page.view.selectRow(1)  # the admin's own creation
    assert "Tabel: user" in page.raw_text.toPlainText()
    page.raw_button.click()
    assert page.raw_text.isHidden()
