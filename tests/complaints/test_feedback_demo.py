"""`pelita demo` fills the complaints register and the survey so the reports show real
figures: complaints through every channel in every state, confidential and anonymous ones,
SKM responses for every service with one scoring C, and reply letters at each step."""
import datetime

from desktop.models import Complaint, Letter, Service, SkmResponse
from desktop.services.complaints import complaints
from desktop.services.demo import feedback_demo, seed
from desktop.services.shared import permissions, timefmt
from desktop.services.survey import skm


def test_the_demo_covers_every_channel_state_and_service(sqlite_db):
    report = seed.fill(size=120)
    assert report.counts["complaint"] >= 60
    rows = list(Complaint.select(Complaint.channel, Complaint.state, Complaint.identity,
                                 Complaint.kind))
    assert {r.channel for r in rows} == set(complaints.CHANNELS)
    assert {r.state for r in rows} == set(complaints.STATES)
    assert {r.identity for r in rows} == set(complaints.IDENTITIES)
    assert {r.kind for r in rows} == set(complaints.KINDS)
    letters = list(Letter.select().where(Letter.complaint.is_null(False)))
    assert sorted(letter.state for letter in letters) == sorted(feedback_demo.REPLY_STEPS)
    assert report.counts["complaint_letters"] == len(feedback_demo.REPLY_STEPS)
    served = {sid for (sid,) in SkmResponse.select(SkmResponse.service).distinct().tuples()}
    assert served == {sid for (sid,) in Service.select(Service.id).where(Service.active)
                      .tuples()}
    today = timefmt.office_today()
    grades = {service.code: result.grade for service, result in skm.by_service(
        permissions.SYSTEM, today - datetime.timedelta(days=3 * 365), today)}
    assert grades[feedback_demo.WEAK_SERVICE] == "C"
    assert set(grades.values()) - {"C"}  # the others score better
