""" "All present" on the attendance screen: fills the unmarked, saves nothing by itself."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import Attendance, Enrolment
from courses.services import AttendanceEntry
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory
from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course):
    return SessionFactory(course=course)


@pytest.fixture
def people(course):
    return [services.enrol(course, ParticipantFactory()) for _ in range(4)]


def _url(session):
    return reverse("courses_attendance", args=[session.pk])


def _checked(page, enrolment, status):
    return f'name="status-{enrolment.pk}" value="{status}" checked' in page


def test_the_button_is_offered_while_someone_is_unmarked(session, people, trainer, trainer_client):
    page = trainer_client.get(_url(session)).content.decode()
    assert 'name="all_present"' in page and "Alle anwesend" in page
    assert "„Alle anwesend“ markiert alle noch nicht Erfassten als anwesend" in page
    services.record_attendance(
        session, [AttendanceEntry(e.pk, "present") for e in people], user=trainer
    )
    page = trainer_client.get(_url(session)).content.decode()
    assert 'name="all_present"' not in page


def test_all_present_marks_only_the_unmarked_and_saves_nothing(session, people, trainer_client):
    late, excused, rest = people[0], people[1], people[2:]
    response = trainer_client.post(
        _url(session),
        {
            "all_present": "1",
            f"status-{late.pk}": "late",
            f"note-{late.pk}": "Bus",
            f"status-{excused.pk}": "excused",
            **{f"version-{e.pk}": "0" for e in people},
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert _checked(page, late, "late") and _checked(page, excused, "excused")
    assert 'value="Bus"' in page
    assert all(_checked(page, e, "present") for e in rest)
    assert "2 Personen als anwesend markiert. Noch nicht gespeichert" in page
    assert 'name="all_present"' not in page  # everyone is marked now
    assert not Attendance.objects.exists()

    # The trainer then saves as usual.
    data = {f"status-{late.pk}": "late", f"note-{late.pk}": "Bus"}
    data |= {f"status-{excused.pk}": "excused"}
    data |= {f"status-{e.pk}": "present" for e in rest}
    data |= {f"version-{e.pk}": "0" for e in people}
    assert trainer_client.post(_url(session), data).status_code == 302
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        late.pk: "late",
        excused.pk: "excused",
        **{e.pk: "present" for e in rest},
    }


def test_saved_marks_stay_as_they_were(session, people, trainer, trainer_client):
    services.record_attendance(session, [AttendanceEntry(people[0].pk, "absent")], user=trainer)
    page = trainer_client.get(_url(session)).content.decode()
    assert _checked(page, people[0], "absent")
    # The form sends back what the screen showed: absent, with its version.
    response = trainer_client.post(
        _url(session),
        {
            "all_present": "1",
            f"status-{people[0].pk}": "absent",
            f"version-{people[0].pk}": "1",
            **{f"version-{e.pk}": "0" for e in people[1:]},
        },
    )
    page = response.content.decode()
    assert _checked(page, people[0], "absent")
    assert f'name="version-{people[0].pk}" value="1"' in page
    assert all(_checked(page, e, "present") for e in people[1:])


def test_a_colleagues_save_in_between_is_still_shown_not_overwritten(
    course, session, people, trainer_client
):
    colleague = UserFactory(username="trainer-c", first_name="Petra", last_name="Kollegin")
    course.co_trainers.add(colleague)
    versions = {f"version-{e.pk}": "0" for e in people}
    # Both trainers opened the empty list; the colleague saves one person as absent.
    services.record_attendance(
        session, [AttendanceEntry(people[0].pk, "absent", "krank")], user=colleague
    )
    filled = trainer_client.post(_url(session), {"all_present": "1", **versions})
    page = filled.content.decode()
    # Filled in, but still with the version this trainer started from.
    assert _checked(page, people[0], "present")
    assert f'name="version-{people[0].pk}" value="0"' in page
    response = trainer_client.post(
        _url(session), {**versions, **{f"status-{e.pk}": "present" for e in people}}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Petra Kollegin" in page and "unentschuldigt" in page and "krank" in page
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        people[0].pk: "absent"
    }


def test_all_present_in_another_trainers_course_is_not_found(trainer_client):
    other = CourseFactory(trainers=[UserFactory(username="trainer-b")])
    session = SessionFactory(course=other)
    services.enrol(other, ParticipantFactory())
    assert trainer_client.post(_url(session), {"all_present": "1"}).status_code == 404


def _session_with(n, trainer):
    course = CourseFactory(trainers=[trainer], capacity=200)
    session = SessionFactory(course=course)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(course=course, participant=p) for p in ParticipantFactory.create_batch(n)
    )
    # A few already marked, the rest not.
    Attendance.objects.bulk_create(
        Attendance(session=session, enrolment=e, status="late") for e in enrolments[:3]
    )
    data = {"all_present": "1"}
    for e in enrolments:
        data[f"version-{e.pk}"] = "1" if e in enrolments[:3] else "0"
    data |= {f"status-{e.pk}": "late" for e in enrolments[:3]}
    return session, data


def test_all_present_needs_the_same_queries_for_10_and_100_participants(trainer):
    client = client_for(trainer)
    counts = []
    for n in (10, 100):
        session, data = _session_with(n, trainer)
        assert client.post(_url(session), data).status_code == 200  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            response = client.post(_url(session), data)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
