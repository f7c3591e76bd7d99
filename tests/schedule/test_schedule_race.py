"""Many PCs book one vehicle (or one technician's day) at the same moment: exactly one wins."""
import datetime

from desktop.models import ClinicRequest, HearseBooking
from desktop.services.admin import office
from desktop.services.schedule import resources
from desktop.services.shared import permissions
from tests.factories import make_user
from tests.races import run_together
from tests.schedule.test_schedule import PROFILE, client, family, local

PROCESSES = 20


def _book_hearse(url, index, vehicle_id, driver_id, cemetery_id, departure, start, results):
    from desktop import database
    from desktop.errors import PelitaError
    from desktop.models import User
    from desktop.services.schedule import hearse
    from desktop.services.schedule.clashes import ClashError

    database.connect(url)
    actor = User.get(User.username == "piket")
    start.wait()
    try:
        booking = hearse.save(actor, **family(deceased_name=f"Almarhum {index}",
                                              cemetery_id=cemetery_id, departure_at=departure,
                                              vehicle_id=vehicle_id, driver_id=driver_id))
        results.put(("ok", booking.id, None))
    except ClashError as exc:
        results.put(("clash", exc.message, exc.suggestion))
    except PelitaError as exc:
        results.put(("error", exc.message, None))
    except Exception as exc:  # reported to the test, which fails with it
        results.put(("error", repr(exc), None))
    finally:
        database.close()


def _book_clinic(url, index, technician_id, start_at, start, results):
    from desktop import database
    from desktop.models import User
    from desktop.services.schedule import clinic
    from desktop.services.schedule.clashes import ClashError

    database.connect(url)
    actor = User.get(User.username == "piket")
    start.wait()
    try:
        request = clinic.save(actor, **client(client_name=f"Pemohon {index}",
                                              technician_id=technician_id, start_at=start_at))
        results.put(("ok", request.id, None))
    except ClashError as exc:
        results.put(("clash", exc.message, exc.suggestion))
    except Exception as exc:
        results.put(("error", repr(exc), None))
    finally:
        database.close()


def _run(target, args_for):
    return run_together(target, [args_for(i) for i in range(PROCESSES)])


def _setup():
    office.save_profile(permissions.SYSTEM, office.get_profile(), **PROFILE)
    make_user("piket", role=permissions.DUTY_OFFICER)


def _no_overlaps(rows):
    rows = sorted(rows, key=lambda r: r.start_at)
    for earlier, later in zip(rows, rows[1:]):
        assert earlier.end_at <= later.start_at, (earlier.id, later.id)


def test_one_vehicle_many_pcs_exactly_one_booking(backend_db):
    _setup()
    vehicle = resources.save_vehicle(permissions.SYSTEM, plate="AA 1234 XY", name="Hiace")
    cemetery = resources.save_cemetery(permissions.SYSTEM, name="TPU Giriloyo")
    # A driver each, so the vehicle alone is what they fight over.
    drivers = [resources.save_driver(permissions.SYSTEM, name=f"Pengemudi {i}").id
               for i in range(PROCESSES)]
    base = local(1, 9)

    def args(i):
        departure = base + datetime.timedelta(minutes=5 * i)  # all within one block
        return (backend_db, i, vehicle.id, drivers[i], cemetery.id, departure)

    outcomes = _run(_book_hearse, args)
    kinds = [kind for kind, _, _ in outcomes]
    assert kinds.count("ok") == 1, outcomes
    assert kinds.count("clash") == PROCESSES - 1, outcomes
    winner = HearseBooking.get()
    label = f"MJ-{winner.id:04d}"
    for kind, message, suggestion in outcomes:
        if kind == "clash":
            assert label in message and suggestion is not None and suggestion >= winner.end_at
    rows = list(HearseBooking.select().where(HearseBooking.vehicle == vehicle))
    assert len(rows) == 1
    _no_overlaps(rows)


def test_one_technician_day_many_pcs_exactly_one_service(backend_db):
    _setup()
    technician = resources.save_technician(permissions.SYSTEM, name="Bayu Pratama")

    def args(i):
        # Different hours of the same day: only the one-service-per-day rule refuses them.
        return (backend_db, i, technician.id, local(1, 7) + datetime.timedelta(minutes=20 * i))

    outcomes = _run(_book_clinic, args)
    kinds = [kind for kind, _, _ in outcomes]
    assert kinds.count("ok") == 1, outcomes
    assert kinds.count("clash") == PROCESSES - 1, outcomes
    odd = [message for kind, message, _ in outcomes
           if kind == "clash" and "satu permohonan per hari" not in message]
    assert odd == []
    rows = list(ClinicRequest.select())
    assert len(rows) == 1
    assert len({(r.technician_id, r.service_date) for r in rows}) == len(rows)
