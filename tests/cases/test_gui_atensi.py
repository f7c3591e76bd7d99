"""The ATENSI forms: one press of Simpan on an empty form marks every field at fault."""
import datetime

from desktop.cases.atensi import panel as atensi_panel
from desktop.cases.atensi import record
from desktop.services.applications import workflow
from desktop.services.catalog import service_catalog
from desktop.services.shared import permissions
from desktop.views.shared.forms import REQUIRED_MARK, is_marked
from desktop.views.shell.session import Session

from tests.cases.one_press import press_once
from tests.factories import make_person, make_user
from tests.form_marks import label_of


def test_empty_atensi_forms_mark_every_field_in_one_press(qtbot, sqlite_db):
    service_catalog.load_shipped()
    clerk = make_user("layanan", role=permissions.FRONT_OFFICE)
    head = make_user("kadis", role=permissions.HEAD, position="Kepala Dinas Sosial")
    worker = make_user("peksos", role=permissions.SOCIAL_WORKER)
    app = workflow.register(clerk, service_catalog.get("mgl-atensi"), person=make_person(
        nik="3371011503900002", name="Budi", birth_date=datetime.date(1990, 3, 15)))
    form = atensi_panel.DetermineDialog(Session(head, "", ""), app)
    press_once(qtbot, form, [form.cluster, form.pmks], record.DETERMINE_REQUIRED)  # 36 years old
    case = record.determine(head, app, None, budget_year=datetime.date.today().year,
                            cluster="disabilitas", pmks_reference="PMKS-1")
    session = Session(worker, "", "")
    form = atensi_panel.DeliveryDialog(session, app, case)
    form.delivered_on.line.clear()
    press_once(qtbot, form, [form.delivered_on, form.items], record.DELIVERY_REQUIRED)
    form.amount.setText("250.000")  # its value written: what it was need not be
    assert REQUIRED_MARK not in label_of(form.items)
    form.save_button.click()
    assert not is_marked(form.items) and is_marked(form.delivered_on)
    form.amount.clear()
    assert label_of(form.items).count("*") == 1
    form = atensi_panel.PlanDialog(session, app, case)
    form.grid.item(2, 1).setText("banyak")
    press_once(qtbot, form, [form.grid])
    assert is_marked(form.grid) and "Rencana dukungan keluarga" in form.error.text()
