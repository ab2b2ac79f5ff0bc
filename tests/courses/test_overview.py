"""The course overview and the task screens: who is below the minimum, constant queries, history."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Attendance, Enrolment, ExamResult
from courses.services import AttendanceEntry
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.courses.helpers import task_url
from tests.factories import ParticipantFactory
from tests.queries import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_overview_shows_who_is_below_the_minimum_before_the_exam(course, trainer, trainer_client):
    first, second = (
        SessionFactory(course=course, date=d) for d in (dt.date(2026, 3, 4), dt.date(2026, 3, 11))
    )
    good, poor = (services.enrol(course, ParticipantFactory()) for _ in range(2))
    for session in (first, second):
        services.record_attendance(
            session,
            [
                AttendanceEntry(good.pk, "present"),
                AttendanceEntry(poor.pk, "absent" if session == second else "present"),
            ],
            user=trainer,
        )
    page = trainer_client.get(task_url("overview", course)).content.decode()
    assert "Unter der Mindestanwesenheit für die Prüfung" in page
    assert f"{poor.participant}: 50 %" in page
    assert "Anwesenheit des Kurses" in page and "75 %" in page


def _course_with(n, trainer):
    course = CourseFactory(trainers=[trainer], capacity=200)
    sessions = [
        SessionFactory(course=course, date=dt.date(2026, 3, 4) + dt.timedelta(weeks=i))
        for i in range(4)
    ]
    enrolments = [
        Enrolment(course=course, participant=p) for p in ParticipantFactory.create_batch(n)
    ]
    Enrolment.objects.bulk_create(enrolments)
    Attendance.objects.bulk_create(
        Attendance(session=s, enrolment=e, status="present") for s in sessions for e in enrolments
    )
    exam = exam_with_parts(course, 10, 10)
    for e in enrolments[: n // 2]:
        ExamResult.objects.create(
            enrolment=e,
            exam=exam,
            date=exam.date,
            passed=True,
            total_points=15,
            max_points=20,
            part_points={},
        )
    return course, sessions[0], exam


@pytest.mark.parametrize("screen", ["attendance", "overview", "exam_results"])
def test_screens_need_the_same_queries_for_10_and_100_participants(trainer, screen):
    client = client_for(trainer)
    counts = []
    for n in (10, 100):
        course, session, exam = _course_with(n, trainer)
        target = {"attendance": session, "overview": course, "exam_results": exam}[screen]
        counts.append(count_queries(client, task_url(screen, target)))
    assert counts[0] == counts[1], counts


def test_course_history_shows_attendance_and_result_changes(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory(given_names="Mara", family_name="Lupu"))
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "absent")], user=trainer)
    services.record_attendance(
        session, [AttendanceEntry(enrolment.pk, "late", "Bus", 1)], user=trainer
    )
    exam = exam_with_parts(course, 10)
    services.record_exam_result(
        enrolment, exam, points={exam.parts.get().pk: 7}, date=exam.date, user=trainer
    )
    page = trainer_client.get(reverse("courses:history", args=[course.pk])).content.decode()
    assert "Anwesenheit (Mara Lupu" in page
    assert "<del>unentschuldigt</del> → <ins>verspätet</ins>" in page
    assert "Prüfungsergebnis (Mara Lupu" in page
    assert trainer.get_full_name() in page
