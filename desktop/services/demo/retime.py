"""Re-timing a demo application whose receipt a case kind's demo moves (the report is the
application): kept apart from the application demo, which imports the workflow and so the
case kinds."""
import datetime
import random

from desktop.models import Application, StepEvent, utcnow
from desktop.services.demo.office_hours import OfficeHours
def receipt(application_id: int, received: datetime.datetime) -> datetime.datetime:
    """Move a demo application's receipt to about `received` (naive UTC), as a case kind's
    demo does when the report is the application: the receipt snapped into working hours,
    its recorded steps replayed an hour or two apart after it. Returns the new receipt."""
    hours = OfficeHours()
    latest = hours.snap_back(hours.to_local(utcnow()) - datetime.timedelta(minutes=5))
    at = min(hours.snap_back(hours.to_local(received)), latest)
    start = hours.to_utc(at)
    rng = random.Random(application_id)
    events = list(StepEvent.select().where(StepEvent.application == application_id)
                  .order_by(StepEvent.at, StepEvent.id))
    for position, event in enumerate(events):
        if position:
            at = min(hours.advance(at, rng.randint(30, 120)), latest)
        StepEvent.update(at=hours.to_utc(at)).where(StepEvent.id == event.id).execute()
    app = Application.get_by_id(application_id)
    ended = hours.to_utc(at)
    Application.update(
        received_at=start, created_at=start, updated_at=ended,
        complete_at=start if app.complete_at else None,
        closed_at=ended if app.closed_at else None,
        waiting_since=ended if app.waiting_since else None).where(
        Application.id == application_id).execute()
    return start
