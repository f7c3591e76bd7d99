"""Tugas Saya on screen for each demo role: its own waiting work listed and counted, each item
opening where it is done; the sidebar badge counts it all; Surat opens on the tab with work."""
import pytest
from PySide6.QtCore import QSettings

from desktop.models import Letter, User
from desktop.services.applications import application_query, waiting
from desktop.views.applications import tasks_page
from desktop.views.applications.tasks_page import TasksPage, other_work_text
from desktop.views.shell.session import Session

ROLES = ("admin", "kadis", "kabid", "layanan", "peksos", "piket")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def session(username: str, url: str) -> Session:
    return Session(User.get(User.username == username), "Tertanam (SQLite): demo.db", url)


def shown(page) -> list[str]:
    return [page.others.item(row).text() for row in range(page.others.count())]


def test_each_role_sees_its_own_waiting_work_and_the_badge_counts_it(qtbot, demo_300):
    from desktop.views.shell.main_window import MainWindow

    seen = {}
    for name in ROLES:
        window = MainWindow(session(name, demo_300))
        qtbot.addWidget(window)
        window.select_section("tugas")
        page = window.pages["tugas"]
        actor = window.session.user
        items = waiting.items(actor)
        seen[name] = {(i.kind, i.record_id) for i in items}
        assert [text[2:] for text in shown(page)] == [i.text for i in items], name
        assert page.others.isVisibleTo(page) == bool(items), name
        if items:  # each row on one line, all in sight: no sideways bar over a short list
            window.show()
            others = page.others
            assert not others.horizontalScrollBar().isVisible(), name
            shown_rows = others.viewport().height() // others.sizeHintForRow(0)
            assert shown_rows >= min(len(items), 5), name
            assert items[0].text in others.item(0).toolTip(), name
        assert page.total == application_query.task_count(actor), name
        badge = window.sidebar.item([s.key for s in window.sections].index("tugas")).text()
        total = page.total + len(items)
        assert badge == (f"Tugas Saya ({total})" if total else "Tugas Saya"), name
        window.close()
    assert seen["admin"] == set()
    assert {k for k, _ in seen["piket"]} >= {"hearse"} and seen["kadis"] and seen["kabid"]
    assert {k for name in ("kadis", "kabid", "layanan", "peksos") for k, _ in seen[name]} \
        == {"letter"}
    assert not seen["kadis"] & seen["kabid"]  # a letter waits for its own signer


def test_the_heading_names_letters_and_bookings():
    letter = waiting.WaitingItem("letter", 1, "", False)
    booking = waiting.WaitingItem("hearse", 2, "", False)
    assert other_work_text([letter, letter, booking]) == "2 surat dan 1 jadwal menunggu Anda"
    assert other_work_text([booking]) == "1 jadwal menunggu Anda"
    assert other_work_text([]) == ""


def test_a_letter_opens_in_its_dialog(qtbot, demo_300, monkeypatch):
    opened = []

    class FakeDialog:
        def __init__(self, session, letter_id, parent=None):
            opened.append(letter_id)
            self.changed = True

        def exec(self):
            Letter.update(state="signed").where(Letter.id == opened[-1]).execute()
            return 1

    import desktop.views.letters.letter_dialog as letter_dialog

    monkeypatch.setattr(letter_dialog, "LetterDialog", FakeDialog)
    page = TasksPage(session("kadis", demo_300))
    qtbot.addWidget(page)
    changed = []
    page.data_changed.connect(lambda: changed.append(True))
    first = page.other_items[0]
    count = page.others.count()
    page.others.itemActivated.emit(page.others.item(0))
    assert opened == [first.record_id] and changed == [True]
    assert page.others.count() == count - 1  # signed: no longer waiting for the kepala


def test_a_booking_opens_in_the_schedule_on_its_day(qtbot, demo_300):
    from desktop.views.shell.main_window import MainWindow

    window = MainWindow(session("piket", demo_300))
    qtbot.addWidget(window)
    window.select_section("tugas")
    page = window.pages["tugas"]
    row, entry = next((r, i) for r, i in enumerate(page.other_items) if i.kind == "hearse")
    page.others.itemActivated.emit(page.others.item(row))
    assert window.current_section().key == "jadwal"
    schedule = window.pages["jadwal"]
    tab = schedule.hearse_tab
    assert schedule.tabs.currentWidget() is tab
    assert tab.timeline.selected_key == ("hearse", entry.record_id)
    assert f"MJ-{entry.record_id:04d}" in tab.detail_label.text()
    assert tab.action_buttons["confirmed"].isEnabled()  # one click from confirming it


def test_letters_open_on_the_tab_that_has_work(qtbot, demo_300):
    from desktop.views.letters.letters_page import LettersPage

    kadis = User.get(User.username == "kadis")
    # Nothing to initial, letters to sign: the page must not open on the empty first tab.
    Letter.update(state="draft").where(Letter.state == "waiting_paraf").execute()
    page = LettersPage(session("kadis", demo_300))
    qtbot.addWidget(page)
    to_sign = Letter.select().where((Letter.state == "waiting_signature")
                                    & (Letter.signer == kadis.id)).count()
    assert to_sign and page.states[0] == "waiting_paraf"
    assert page.current_state() == "waiting_signature"
    assert page.model.rowCount() == to_sign
    assert page.tabs.tabText(page.tabs.currentIndex()) == f"Menunggu tanda tangan ({to_sign})"


def test_letters_stay_on_the_first_tab_when_it_has_work(qtbot, demo_300):
    from desktop.views.letters.letters_page import LettersPage

    page = LettersPage(session("kabid", demo_300))  # the kabid initials: the first tab's work
    qtbot.addWidget(page)
    assert page.counts["waiting_paraf"] and page.current_state() == "waiting_paraf"
    page.select_state("waiting_signature")  # the user's own choice is not overruled
    assert page.current_state() == "waiting_signature"


def test_the_badge_counts_through_the_service(monkeypatch):
    monkeypatch.setattr(waiting, "counts", lambda user: waiting.WaitingCounts(2, 3, 4))
    assert tasks_page.task_badge_count(object()) == 9
