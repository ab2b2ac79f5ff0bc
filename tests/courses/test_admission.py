"""Exam admission: one rule (``EnrolmentQuerySet.with_admission``) for every screen.

Each test here failed before the rule had one home: the overview, the exam results
screen and ``record_exam_result`` computed admission each in their own way.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import AdmissionState, Attendance, Enrolment
from courses.services import AttendanceEntry, CourseError
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def _state_on(page: str, enrolment) -> set[str]:
    """The admission states the page shows (CSS class of the one partial)."""
    return set(re.findall(r"mfs-admission-(\w+)", page))


def _pages(client, course, exam):
    overview = client.get(reverse("courses_overview", args=[course.pk])).content.decode()
    results = client.get(reverse("courses_exam_results", args=[exam.pk])).content.decode()
    return overview, results


def test_no_attendance_yet_is_the_same_state_on_both_screens_and_in_the_service(
    trainer, coordinator
):
    course = CourseFactory(trainers=[trainer])
    SessionFactory(course=course)  # its list is not filled in
    enrolment = services.enrol(course, ParticipantFactory())
    exam = exam_with_parts(course, 10)

    overview, results = _pages(client_for(coordinator), course, exam)
    assert _state_on(overview, enrolment) == _state_on(results, enrolment) == {"no_data"}
    # Both offer the coordinator the exception, and the service agrees it is needed.
    override = reverse("courses_admission_override", args=[enrolment.pk])
    assert override in overview and override in results
    with pytest.raises(CourseError) as caught:
        services.record_exam_result(
            enrolment, exam, points={exam.parts.get().pk: 9}, date=exam.date, user=trainer
        )
    assert caught.value.code == "not_admitted"
    assert caught.value.details["state"] == AdmissionState.NO_DATA


def test_admission_compares_counts_not_a_rounded_percentage(trainer):
    # 2 of 3 sessions is 66.7 %: shown as 67 %, but it is below a minimum of 67 %.
    course = CourseFactory(trainers=[trainer], min_attendance_percent=67)
    enrolment = services.enrol(course, ParticipantFactory())
    for day, status in ((4, "present"), (11, "present"), (18, "absent")):
        session = SessionFactory(course=course, date=dt.date(2026, 3, day))
        services.record_attendance(session, [AttendanceEntry(enrolment.pk, status)], user=trainer)
    exam = exam_with_parts(course, 10)
    row = Enrolment.objects.with_admission(exam.admission_as_of()).get(pk=enrolment.pk)
    assert row.attendance_percent == 67
    assert row.admission_state == AdmissionState.BELOW_MINIMUM
    with pytest.raises(CourseError) as caught:
        services.record_exam_result(
            enrolment, exam, points={exam.parts.get().pk: 9}, date=exam.date, user=trainer
        )
    assert caught.value.code == "not_admitted"


def test_four_of_five_is_exactly_the_minimum_of_80(trainer):
    course = CourseFactory(trainers=[trainer], min_attendance_percent=80)
    enrolment = services.enrol(course, ParticipantFactory())
    for week in range(5):
        session = SessionFactory(course=course, date=dt.date(2026, 3, 4) + dt.timedelta(weeks=week))
        status = "absent" if week == 2 else "late"
        services.record_attendance(session, [AttendanceEntry(enrolment.pk, status)], user=trainer)
    row = Enrolment.objects.with_admission(dt.date(2026, 5, 27)).get(pk=enrolment.pk)
    assert (row.sessions_attended, row.sessions_held) == (4, 5)
    assert row.admission_state == AdmissionState.ADMITTED


def test_a_future_session_does_not_count_even_if_its_list_was_filled_early(trainer):
    today = timezone.localdate()
    course = CourseFactory(
        trainers=[trainer],
        start_date=today - dt.timedelta(days=40),
        end_date=today + dt.timedelta(days=20),
    )
    enrolment = services.enrol(course, ParticipantFactory())
    for weeks_ago in (4, 3, 2, 1):
        session = SessionFactory(course=course, date=today - dt.timedelta(weeks=weeks_ago))
        services.record_attendance(
            session, [AttendanceEntry(enrolment.pk, "present")], user=trainer
        )
    # Filled in ahead of time, as the old screens allowed: it must not count.
    tomorrow = SessionFactory(course=course, date=today + dt.timedelta(days=1))
    Attendance.objects.create(session=tomorrow, enrolment=enrolment, status="absent")
    exam = exam_with_parts(course, 10, date=today + dt.timedelta(days=14))

    assert exam.admission_as_of() == today
    overview, results = _pages(client_for(trainer), course, exam)
    for page in (overview, results):
        assert "100 %" in page and "4 von 4" in page.replace("4 of 4", "4 von 4")
        assert _state_on(page, enrolment) == {"admitted"}


def test_an_exception_is_shown_as_such_and_admits(trainer, coordinator):
    course = CourseFactory(trainers=[trainer])
    enrolment = services.enrol(course, ParticipantFactory())
    session = SessionFactory(course=course)
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "absent")], user=trainer)
    services.override_admission(enrolment, reason="Attest vorgelegt", user=coordinator)
    exam = exam_with_parts(course, 10)
    overview, results = _pages(client_for(trainer), course, exam)
    assert _state_on(overview, enrolment) == _state_on(results, enrolment) == {"by_exception"}
    result = services.record_exam_result(
        enrolment, exam, points={exam.parts.get().pk: 9}, date=exam.date, user=trainer
    )
    assert result.admitted_by_exception
