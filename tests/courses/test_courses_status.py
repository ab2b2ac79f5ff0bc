"""A course's status changes only through ``services.change_course_status``.

Before, ``status`` was a plain field of the course form: a trainer could finish a course
before its last session or cancel one with exam results, and nothing checked the order.
Now the overview offers the allowed steps as actions; for every status the screen gives
the service's result or the service's error.
"""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from courses import services
from courses.models import Course, CourseStatus
from courses.services import AttendanceEntry
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.courses.helpers import TODAY, course_form_data, german_client, task_url
from tests.factories import DistrictFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _course(trainer, status, *, future_session=False, results=False):
    course = CourseFactory(trainers=[trainer], status=status)
    session = SessionFactory(course=course, date=dt.date(2026, 3, 4))
    if future_session:
        SessionFactory(course=course, date=TODAY + dt.timedelta(days=7))
    if results:
        enrolment = services.enrol(course, ParticipantFactory())
        entries = [AttendanceEntry(enrolment.pk, "present")]
        services.record_attendance(session, entries, user=trainer)
        exam = exam_with_parts(course, 10)
        services.record_exam_result(
            enrolment,
            exam,
            points={exam.parts.get().pk: 8},
            date=dt.date(2026, 5, 27),
            user=trainer,
        )
    return course


CASES = [
    # (status, target, setup, error code or None)
    ("planned", "running", {}, None),
    ("planned", "cancelled", {}, None),
    ("planned", "finished", {}, "status_not_allowed"),
    ("running", "finished", {}, None),
    ("running", "finished", {"future_session": True}, "course_not_over"),
    ("running", "cancelled", {"results": True}, "course_has_results"),
    ("running", "planned", {}, "status_not_allowed"),
    ("finished", "running", {}, None),
    ("finished", "cancelled", {}, "status_not_allowed"),
    ("cancelled", "planned", {}, None),
    ("cancelled", "running", {}, "status_not_allowed"),
    ("running", "archived", {}, "unknown_status"),
]


@pytest.mark.parametrize(("status", "target", "setup", "code"), CASES)
def test_the_overview_action_is_the_service(trainer, status, target, setup, code):
    by_service = _course(trainer, status, **setup)
    by_screen = _course(trainer, status, **setup)

    try:
        services.change_course_status(by_service, target)
        error = None
    except services.CourseError as refused:
        error = refused
    assert (error.code if error else None) == code

    response = german_client(trainer).post(task_url("status", by_screen), {"status": target})
    assert response.status_code == 302
    assert response.url == task_url("overview", by_screen)
    shown = [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]
    if error:
        assert shown == [("error", error.message)]
    else:
        assert shown[0][0] == "success"
    statuses = Course.objects.filter(pk__in=[by_service.pk, by_screen.pk]).values_list(
        "status", flat=True
    )
    assert set(statuses) == {target if code is None else status}


def test_the_overview_offers_exactly_the_allowed_steps(trainer):
    client = german_client(trainer)
    for status, targets in services.COURSE_TRANSITIONS.items():
        course = _course(trainer, status)
        page = client.get(task_url("overview", course)).content.decode()
        offered = {s for s in CourseStatus.values if f'name="status" value="{s}"' in page}
        assert offered == set(targets), status


def test_the_course_form_has_no_status(coordinator, trainer):
    course = _course(trainer, CourseStatus.RUNNING)
    client = german_client(coordinator)
    page = client.get(reverse("courses:edit", args=[course.pk])).content.decode()
    assert 'name="status"' not in page
    data = course_form_data(course.district, trainer, status="cancelled")
    response = client.post(reverse("courses:edit", args=[course.pk]), data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.status == CourseStatus.RUNNING
    response = client.post(reverse("courses:add"), course_form_data(DistrictFactory(), trainer))
    assert response.status_code == 302
    assert Course.objects.latest("pk").status == CourseStatus.PLANNED


def test_the_status_action_needs_the_change_permission_then_the_scope(trainer, companion):
    own = _course(trainer, CourseStatus.PLANNED)
    other = CourseFactory(status=CourseStatus.PLANNED)
    client = german_client(trainer)
    assert client.post(task_url("status", other), {"status": "running"}).status_code == 404
    denied = german_client(companion).post(task_url("status", own), {"status": "running"})
    assert (denied.status_code, denied.url) == (302, "/admin/")  # Wagtail's "no permission"
    assert client.get(task_url("status", own)).status_code == 405
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == ("planned", "planned")
