"""The application lists on a demo database: paging, search, filters, sorting, tasks, people."""
import datetime
import sys
import types

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolTip

from desktop import database
from desktop.models import Application, Letter, Person, User, db, utcnow
from desktop.services.applications import application_query, case_access, workflow
from desktop.services.applications.application_query import ApplicationFilter
from desktop.services.catalog import service_catalog
from desktop.services.demo import seed
from desktop.services.shared import permissions, timefmt
from desktop.views.applications import application_table
from desktop.views.applications.application_table import (COL_APPLICANT, COL_DUE, COL_NUMBER,
                                                          COL_RECEIVED, COL_STATE, COL_STEP,
                                                          ApplicationTableModel,
                                                          ApplicationTableView, duration_text)
from desktop.views.applications.applications_page import ApplicationsPage
from desktop.views.applications.people_page import PeoplePage
from desktop.views.applications.tasks_page import TasksPage, heading_text, task_badge_count
from desktop.views.shell.session import Session

DEMO_SIZE = 300


@pytest.fixture
def demo(sqlite_db):
    seed.fill(size=DEMO_SIZE)
    return sqlite_db


@pytest.fixture(autouse=True)
def no_blocking_boxes(monkeypatch):
    """A message box left open would hang the run: record it instead."""
    shown = []
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda *args, _name=name, **kw: shown.append((_name, args[2])))
    return shown


@pytest.fixture
def dialogs(monkeypatch):
    """Stand-ins for the detail and new-application dialogs: exec() returns at once."""
    opened, registered = [], []

    class FakeDetail:
        def __init__(self, session, application_id, parent=None):
            opened.append(application_id)

        def exec(self):
            return QDialog.DialogCode.Accepted

    class FakeNew:
        def __init__(self, session, parent=None):
            self.session = session
            self.application_id = None

        def exec(self):
            service = service_catalog.get("dpk-slrt")
            person = Person.select().order_by(Person.id).first()
            made = workflow.register(self.session.user, service, person=person)
            self.application_id = made.id
            registered.append(made.id)
            return QDialog.DialogCode.Accepted

    detail = types.ModuleType("desktop.views.applications.application_detail")
    detail.ApplicationDetailDialog = FakeDetail
    new = types.ModuleType("desktop.views.applications.new_application")
    new.NewApplicationDialog = FakeNew
    monkeypatch.setitem(sys.modules, "desktop.views.applications.application_detail", detail)
    monkeypatch.setitem(sys.modules, "desktop.views.applications.new_application", new)
    return types.SimpleNamespace(opened=opened, registered=registered)


def user(username):
    return User.get(User.username == username)


def session_of(username, url="sqlite:///demo.db"):
    return Session(user(username), "Tertanam (SQLite): demo.db", url)


def open_page(qtbot, page_class, username="layanan"):
    page = page_class(session_of(username))
    qtbot.addWidget(page)
    return page


def seen_by(username):
    """The applications `username` may see: sensitive cases only for their readers."""
    return Application.select().where(case_access.visible(user(username)))


def all_rows(model):
    while model.canFetchMore():
        model.fetchMore()
    return model.rows()


# --- the model -------------------------------------------------------------------------------

def test_model_shows_the_first_page_and_appends_as_the_user_scrolls(qtbot, demo):
    model = ApplicationTableModel(permissions.SYSTEM, page_size=50)
    totals = []
    model.count_changed.connect(totals.append)
    model.set_filter(ApplicationFilter())
    total = Application.select().count()  # the demo's size and the ABH cases it keeps running
    assert model.rowCount() == 50 and totals == [total] and model.total == total
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100 and model.page_queries == 2
    rows = all_rows(model)
    assert len(rows) == total == len({r.id for r in rows})
    assert not model.canFetchMore()
    received = [r.received_at for r in rows]
    assert received == sorted(received, reverse=True)  # newest first


def test_list_page_opens_with_one_page_and_a_count(qtbot, demo):
    page = open_page(qtbot, ApplicationsPage)
    visible = seen_by("layanan").count()
    assert page.model.rowCount() == application_table.PAGE_SIZE < visible < DEMO_SIZE
    assert page.model.page_queries == 1
    assert page.count_label.text() == f"{visible} permohonan"
    assert page.model.application_id(0) == page.model.rows()[0].id


def test_cells_show_state_due_colour_and_remaining_time(qtbot, demo):
    model = ApplicationTableModel(permissions.SYSTEM)
    model.set_filter(ApplicationFilter(due="terlambat"))
    assert model.rowCount() > 0
    late = model.index(0, COL_DUE)
    assert model.index(0, COL_STATE).data() == workflow.STATES[model.rows()[0].state]
    assert model.data(late, Qt.ItemDataRole.ForegroundRole).color().name() == "#9b1c1c"
    assert model.tooltip(0, COL_DUE).startswith("terlambat ")
    model.set_filter(ApplicationFilter(state="completed"))
    done = model.index(0, COL_STATE)
    assert model.data(done, Qt.ItemDataRole.ForegroundRole).color().name() == "#6b7280"
    assert model.index(0, COL_DUE).data() in ("-", timefmt.short_local(
        model.rows()[0].due_at))
    assert duration_text(datetime.timedelta(days=2, hours=3, minutes=5)) == "2 hari 3 jam"
    assert duration_text(datetime.timedelta(hours=5)) == "5 jam"


def test_remaining_time_tooltip_for_an_open_application(qtbot, demo):
    model = ApplicationTableModel(permissions.SYSTEM)
    model.set_filter(ApplicationFilter(state="open"))
    position, row = next((i, r) for i, r in enumerate(all_rows(model)) if r.due_at is not None)
    index = model.index(position, COL_DUE)
    received = model.tooltip(position, COL_RECEIVED)
    assert received == timefmt.format_local(row.received_at)  # the cell shows it short
    model.now = lambda: row.due_at - datetime.timedelta(days=2, hours=3, minutes=1)
    model.refresh_due()
    assert model.tooltip(position, COL_DUE).startswith("sisa 2 hari 3 jam\nTenggat: ")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None  # normal: the palette's
    model.now = lambda: row.due_at + datetime.timedelta(hours=5, minutes=20)
    model.refresh_due()
    assert model.tooltip(position, COL_DUE).startswith("terlambat 5 jam")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"
    if row.due_soon_at is not None and row.due_soon_at < row.due_at:
        model.now = lambda: row.due_soon_at + (row.due_at - row.due_soon_at) / 2
        model.refresh_due()
        assert "segera" in model.tooltip(position, COL_DUE)
        assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff1c2"


def test_an_open_list_turns_late_rows_red_within_a_minute(qtbot, demo):
    view = ApplicationTableView(ApplicationTableModel(permissions.SYSTEM))
    qtbot.addWidget(view)
    model = view.model()
    model.set_filter(ApplicationFilter(state="open"))
    position, row = next((i, r) for i, r in enumerate(all_rows(model)) if r.due_at is not None)
    view.show()
    model.now = lambda: row.due_at + datetime.timedelta(hours=1)  # an hour later
    assert view._due_timer.interval() == 60_000 and view._due_timer.isActive()
    view._due_timer.timeout.emit()
    due = model.index(position, COL_DUE)
    assert due.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fde2e1"
    assert model.tooltip(position, COL_DUE).startswith("terlambat 1 jam")


def test_hovering_a_cell_shows_its_tooltip(qtbot, demo):
    view = ApplicationTableView(ApplicationTableModel(permissions.SYSTEM))
    qtbot.addWidget(view)
    view.resize(1280, 600)
    model = view.model()
    model.set_filter(ApplicationFilter())
    view.show()
    qtbot.waitExposed(view)

    def hover(row, column):
        centre = view.visualRect(model.index(row, column)).center()
        event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
        QApplication.sendEvent(view.viewport(), event)
        return QToolTip.text() if QToolTip.isVisible() else None

    first = model.rows()[0]
    assert hover(0, COL_RECEIVED) == timefmt.format_local(first.received_at)
    assert hover(0, COL_APPLICANT) == first.applicant
    assert hover(0, COL_DUE) == application_table.due_tooltip(first, model.now())
    hover(0, COL_NUMBER)  # shown whole in its cell: no tooltip, the last one goes
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)


# --- search and filters ----------------------------------------------------------------------

def search(page, qtbot, text):
    page.search_edit.setText(text)
    queries = page.model.page_queries
    assert page.model.page_queries == queries  # nothing yet: the search waits for the typing
    qtbot.waitUntil(lambda: page.model.page_queries > queries, timeout=2000)
    return all_rows(page.model)


def test_search_by_name_nik_and_registration_number(qtbot, demo):
    page = open_page(qtbot, ApplicationsPage)
    applicant = seen_by("layanan").where(Application.person.is_null(False)).first().person
    prefix = applicant.name_key[:4]
    rows = search(page, qtbot, prefix.upper())
    # a child's case names its applicant by initials (UU SPPA Pasal 19)
    assert rows and all(r.applicant.lower().startswith(prefix) or
                        (r.applicant.endswith(".") and r.applicant[0].lower() == prefix[0])
                        for r in rows)
    assert len(rows) < DEMO_SIZE

    rows = search(page, qtbot, applicant.nik[:12])
    assert rows and all(r.nik.startswith(applicant.nik[:12]) for r in rows)

    number = seen_by("layanan").order_by(Application.id.desc()).first().reg_number
    rows = search(page, qtbot, number.lower())
    assert [r.reg_number for r in rows] == [number]
    assert page.count_label.text() == "1 permohonan"
    rows = search(page, qtbot, "zzzz")
    assert rows == [] and page.count_label.text() == "Tidak ada permohonan yang cocok."


def test_each_filter_narrows_the_list(qtbot, demo):
    page = open_page(qtbot, ApplicationsPage)
    now = utcnow()

    page.state_combo.setCurrentIndex(page.state_combo.findData("completed"))
    rows = all_rows(page.model)
    assert rows and {r.state for r in rows} == {"completed"}
    assert len(rows) == seen_by("layanan").where(Application.state == "completed").count()
    page.state_combo.setCurrentIndex(page.state_combo.findData("aktif"))
    assert {r.state for r in all_rows(page.model)} <= {"open", "waiting"}
    page.clear_filters()

    service_id = Application.select(Application.service).first().service_id
    page.service_combo.ensure_filled()  # as when the user reaches for it
    page.service_combo.setCurrentIndex(page.service_combo.findData(service_id))
    rows = all_rows(page.model)
    expected = seen_by("layanan").where(Application.service == service_id).count()
    assert len(rows) == expected and len({r.service_name for r in rows}) == 1
    page.clear_filters()

    page.step_spin.setValue(2)
    page.apply_filter()  # the spin box waits for the typing like the search box
    rows = all_rows(page.model)
    assert rows and {r.current_step for r in rows} == {2}
    page.clear_filters()

    for due in ("terlambat", "segera", "normal", "tanpa_batas"):
        page.due_combo.setCurrentIndex(page.due_combo.findData(due))
        rows = all_rows(page.model)
        assert all(application_table.row_due_state(r, now) == due for r in rows), due
    page.clear_filters()

    start, end = datetime.date(2025, 3, 1), datetime.date(2025, 5, 31)
    page.from_edit.setDate(start)
    page.to_edit.setDate(end)
    page.apply_filter()
    rows = all_rows(page.model)
    assert rows and all(start <= timefmt.to_local(r.received_at).date() <= end for r in rows)
    page.clear_filters()
    assert page.model.rowCount() == application_table.PAGE_SIZE
    assert page.current_filter() == ApplicationFilter()

    page.mine_check.setChecked(True)
    rows = all_rows(page.model)
    mine = (seen_by("layanan").select(Application.id)
            .where((Application.current_actor == permissions.FRONT_OFFICE)
                   & (Application.state == "open")))
    assert rows and {r.id for r in rows} == {a.id for a in mine}


def test_header_click_sorts_in_the_database(qtbot, demo):
    page = open_page(qtbot, ApplicationsPage)
    header = page.view.horizontalHeader()
    queries = page.model.page_queries

    page.view.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
    assert page.model.page_queries == queries + 1 and page.model.sort_key == "number"
    numbers = [r.reg_number for r in page.model.rows()]
    assert numbers == sorted(numbers) and len(numbers) == application_table.PAGE_SIZE
    assert numbers[0] == seen_by("layanan").select(Application.reg_number).order_by(
        Application.reg_number).scalar()

    page.view.sortByColumn(COL_STEP, Qt.SortOrder.DescendingOrder)
    steps = [r.current_step for r in all_rows(page.model)]
    assert steps == sorted(steps, reverse=True)

    page.view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    rows = all_rows(page.model)
    dated = [r.due_at for r in rows if r.due_at is not None]
    assert dated == sorted(dated)
    assert all(r.due_at is None for r in rows[len(dated):])  # no time limit: last

    queries = page.model.page_queries
    page.view.sortByColumn(COL_APPLICANT, Qt.SortOrder.AscendingOrder)  # not sortable
    assert page.model.page_queries == queries
    assert header.sortIndicatorSection() == COL_DUE


# --- opening applications --------------------------------------------------------------------

def test_double_click_and_enter_open_the_detail_dialog(qtbot, demo, dialogs):
    page = open_page(qtbot, ApplicationsPage)
    first = page.model.application_id(0)
    index = page.model.index(0, 0)
    page.view.doubleClicked.emit(index)
    assert dialogs.opened == [first]
    page.view.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert dialogs.opened == [first, page.model.application_id(1)]


def test_new_application_is_listed_selected_and_opened(qtbot, demo, dialogs):
    page = open_page(qtbot, ApplicationsPage)
    assert not page.new_button.isHidden()
    page.new_application()
    new_id = dialogs.registered[0]
    assert page.model.application_id(0) == new_id  # newest first
    assert page.view.current_application_id() == new_id
    assert dialogs.opened == [new_id]
    assert page.count_label.text() == f"{seen_by('layanan').count()} permohonan"


def test_head_cannot_register_and_a_missing_dialog_is_reported(qtbot, demo, monkeypatch,
                                                              no_blocking_boxes):
    page = open_page(qtbot, ApplicationsPage, "kadis")
    assert page.new_button.isHidden()
    monkeypatch.setitem(sys.modules, "desktop.views.applications.application_detail", None)
    page.open_application(page.model.application_id(0))
    assert no_blocking_boxes and "belum bisa dibuka" in no_blocking_boxes[0][1]


# --- tasks and the badge ---------------------------------------------------------------------

def test_tasks_page_lists_the_role_s_open_applications_oldest_due_first(qtbot, demo, dialogs):
    page = open_page(qtbot, TasksPage, "layanan")
    rows = all_rows(page.model)
    expected = list(seen_by("layanan").where(
        (Application.current_actor == permissions.FRONT_OFFICE) & (Application.state == "open")))
    assert rows and {r.id for r in rows} == {a.id for a in expected}
    assert [r.id for r in rows] == [r.id for r in application_query.my_tasks(
        user("layanan"), limit=1000)]
    dated = [r.due_at for r in rows if r.due_at is not None]
    assert dated == sorted(dated) and all(r.due_at is None for r in rows[len(dated):])
    overdue = sum(1 for r in rows if r.due_at is not None and r.due_at < utcnow())
    assert page.total == len(rows) == application_query.task_count(user("layanan"))
    # The badge adds the letters waiting for the clerk (signed ones to hand over).
    assert task_badge_count(user("layanan")) == len(rows) + len(page.other_items)
    assert page.overdue == overdue
    assert page.unlimited == sum(1 for r in rows if r.due_at is None)
    assert page.heading.text().startswith(f"{len(rows)} permohonan menunggu Anda")
    unlimited = next((i for i, r in enumerate(rows) if r.due_at is None), None)
    if unlimited is not None:
        assert page.model.index(unlimited, COL_DUE).data().startswith("Tanpa batas waktu, "
                                                                      "berjalan ")

    changed = []
    page.data_changed.connect(lambda: changed.append(True))
    page.view.doubleClicked.emit(page.model.index(0, 0))
    assert dialogs.opened == [rows[0].id] and changed == [True]


def test_overdue_is_counted_apart_from_services_without_a_time_limit():
    assert heading_text(0, 0) == "Tidak ada permohonan yang menunggu Anda."
    assert heading_text(5, 0) == "5 permohonan menunggu Anda, tidak ada yang terlambat."
    assert heading_text(5, 1, 3) == ("5 permohonan menunggu Anda: 2 dengan batas waktu (1 "
                                     "terlambat), 3 tanpa batas waktu.")
    assert heading_text(1200, 0, 1200) == ("1.200 permohonan menunggu Anda, semuanya layanan "
                                           "tanpa batas waktu.")


def test_tasks_of_another_role(qtbot, demo):
    page = open_page(qtbot, TasksPage, "kadis")
    rows = all_rows(page.model)
    assert all(Application.get_by_id(r.id).current_actor == permissions.HEAD for r in rows)
    assert page.total == len(rows)


@pytest.fixture
def isolated_settings(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def test_sidebar_badge_shows_and_follows_the_task_count(qtbot, demo, isolated_settings,
                                                        dialogs):
    from desktop.views.shell.main_window import MainWindow

    clerk = user("layanan")
    # Letters would keep the badge up once the applications move on: none for this test.
    Letter.update(state="draft").where(Letter.drafted_by == clerk.id).execute()
    window = MainWindow(Session(clerk, "Tertanam (SQLite): demo.db", demo))
    qtbot.addWidget(window)
    item = window.sidebar.item([s.key for s in window.sections].index("tugas"))
    count = task_badge_count(clerk)
    assert count > 0 and item.text() == f"Tugas Saya ({count})"
    assert window._badge_timer.isActive() and window._badge_timer.interval() == 60_000

    window.select_section("permohonan")
    window.pages["permohonan"].new_application()  # the fake dialog registers one
    assert item.text() == f"Tugas Saya ({count + 1})"
    Application.update(current_actor=permissions.HEAD).where(
        Application.current_actor == permissions.FRONT_OFFICE).execute()
    window._badge_timer.timeout.emit()
    assert item.text() == "Tugas Saya"


# --- people ----------------------------------------------------------------------------------

def test_people_page_finds_a_person_and_lists_their_applications(qtbot, demo, dialogs):
    person = (Person.select().join(Application, on=(Application.person == Person.id))
              .where(case_access.visible(user("layanan"))).order_by(Person.id).first())
    page = open_page(qtbot, PeoplePage)
    page.search_edit.setText(person.nik[:14])
    qtbot.waitUntil(lambda: page.results.count() > 0, timeout=2000)
    ids = [page.results.item(i).data(Qt.ItemDataRole.UserRole)
           for i in range(page.results.count())]
    assert person.id in ids
    page.results.setCurrentRow(ids.index(person.id))
    assert page.card_labels["nik"].text() == person.nik
    assert page.card_labels["name"].text() == person.name
    assert timefmt.MONTHS[person.birth_date.month - 1] in page.card_labels["birth"].text()
    assert f"RT {person.rt}/RW {person.rw}" in page.card_labels["address"].text()
    rows = all_rows(page.model)
    assert {r.id for r in rows} == {a.id for a in seen_by("layanan").where(
        Application.person == person)}
    assert page.applications_label.text() == f"Permohonan ({len(rows)})"
    page.view.doubleClicked.emit(page.model.index(0, 0))
    assert dialogs.opened == [rows[0].id]

    page.search_edit.setText(person.name[:5])
    page.search()
    assert all(page.results.item(i).text().lower().startswith(person.name[:5].lower())
               for i in range(page.results.count()))


def test_person_edit_button_by_permission_and_missing_form(qtbot, demo, monkeypatch,
                                                          no_blocking_boxes):
    head = open_page(qtbot, PeoplePage, "kadis")
    assert head.edit_button.isHidden()
    page = open_page(qtbot, PeoplePage, "layanan")
    assert not page.edit_button.isHidden() and not page.edit_button.isEnabled()
    person = Person.select().first()
    page.show_person(person.id)
    assert page.edit_button.isEnabled()
    monkeypatch.setitem(sys.modules, "desktop.views.applications.person_form", None)
    page.edit_person()
    assert no_blocking_boxes and "belum bisa dibuka" in no_blocking_boxes[0][1]

    saved = []

    class FakePersonDialog:
        def __init__(self, session, person, parent=None):
            self.person = person

        def exec(self):
            Person.update(name="Zulaikha Baru", name_key="zulaikha baru").where(
                Person.id == self.person.id).execute()
            saved.append(self.person.id)
            return QDialog.DialogCode.Accepted

    form = types.ModuleType("desktop.views.applications.person_form")
    form.PersonDialog = FakePersonDialog
    monkeypatch.setitem(sys.modules, "desktop.views.applications.person_form", form)
    page.edit_person()
    assert saved == [person.id] and page.title_label.text() == "Zulaikha Baru"


# --- queries do not grow with the table ------------------------------------------------------

def test_the_service_filter_reads_the_catalog_when_reached_for(qtbot, demo):
    page = open_page(qtbot, ApplicationsPage)
    combo = page.service_combo
    assert combo.count() == 1 and combo.currentData() is None  # only "Semua layanan"
    page.show()
    qtbot.waitExposed(page)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    assert combo.count() == len(service_catalog.service_names()) + 1
    service_id = combo.itemData(2)
    combo.setCurrentIndex(2)
    assert {r.service_name for r in all_rows(page.model)} <= {combo.itemText(2)}
    page.refresh()  # after a registration: the catalog is read again when next reached for,
    assert not combo._filled  # keeping the service chosen
    combo.showPopup()
    combo.hidePopup()
    assert combo.currentData() == service_id and combo.count() > 2


def queries_to_open_the_list(qtbot, url, size):
    database.connect(url)
    seed.fill(size=size)
    executed = []
    real = db.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        executed.append(sql)
        return real(sql, params, *args, **kwargs)

    db.obj.execute_sql = counting
    try:
        page = open_page(qtbot, ApplicationsPage)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        for row in range(page.model.rowCount()):  # every cell's data, tooltips included
            for column in range(page.model.columnCount()):
                index = page.model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.BackgroundRole):
                    index.data(role)
        assert page.model.rowCount() == application_table.PAGE_SIZE
    finally:
        del db.obj.execute_sql
        database.close()
    return executed


def test_opening_the_list_issues_a_bounded_number_of_queries(qtbot, tmp_path):
    small = queries_to_open_the_list(qtbot, "sqlite:///" + str(tmp_path / "small.db"), 300)
    large = queries_to_open_the_list(qtbot, "sqlite:///" + str(tmp_path / "large.db"), 1200)
    assert len(small) == len(large) <= 5, (small, large)


def test_received_dates_are_typed_and_a_wrong_one_named(qtbot, sqlite_db):
    from desktop.views.shared.forms import is_marked
    from tests.factories import make_user

    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    page = ApplicationsPage(Session(clerk, "Tertanam (SQLite): test.db", "sqlite:///x"))
    qtbot.addWidget(page)
    assert page.current_filter() == ApplicationFilter()  # empty dates: no filter
    qtbot.keyClicks(page.from_edit.line, "15/12/27")  # a two-digit year
    page.from_edit.line.editingFinished.emit()
    assert page.from_edit.text() == "15/12/2027"
    page.apply_filter()
    assert page.model.filter.received_from == datetime.date(2027, 12, 15)
    assert "Diterima dari: 15 Desember 2027" in page._filter_text()  # printed over the list

    qtbot.keyClicks(page.to_edit.line, "31/02/27")
    page.to_edit.line.editingFinished.emit()
    assert is_marked(page.to_edit) and not is_marked(page.from_edit)
    assert page.date_message.text() == ("Diterima sampai: tanggal 31 tidak ada pada Februari "
                                        "2027 (hanya sampai tanggal 28).")
    page.state_combo.setCurrentIndex(page.state_combo.count() - 1)  # another change meanwhile
    page.apply_filter()
    assert page.model.filter.received_to is None  # the list stays on the last filter
    assert page.model.filter.state is None
    # The printed heading says the filter the rows follow, not what is typed meanwhile.
    assert "sampai" not in page._filter_text() and "Status" not in page._filter_text()
    assert "Diterima dari: 15 Desember 2027" in page._filter_text()

    page.clear_filters()
    assert not is_marked(page.to_edit) and not page.date_message.text()
    assert page.current_filter() == ApplicationFilter()
