"""A course with 30 participants and 12 sessions: the attendance screen and the course
overview, next to the district list (a trivial admin page) in the same run."""

import datetime as dt

from benchmarks.harness import compare, get_ok


def run():
    from django.test import Client

    from core.roles import Role
    from courses.models import Attendance, Enrolment
    from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
    from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory, UserFactory

    trainer = UserFactory(username="bench-trainer", role=Role.TRAINER)
    coordinator = UserFactory(username="bench-coordinator-courses", role=Role.COORDINATOR)
    district = DistrictFactory(name="Altenhagen")
    course = CourseFactory(trainers=[trainer], district=district, capacity=30)
    sessions = [
        SessionFactory(course=course, date=dt.date(2026, 3, 4) + dt.timedelta(weeks=i))
        for i in range(12)
    ]
    people = []
    for _ in range(6):
        people += ParticipantFactory.create_batch(5, household=HouseholdFactory(district=district))
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(course=course, participant=person) for person in people
    )
    statuses = ["present"] * 7 + ["late", "excused", "absent"]
    Attendance.objects.bulk_create(
        Attendance(session=s, enrolment=e, status=statuses[(i + j) % len(statuses)])
        for i, s in enumerate(sessions[:8])
        for j, e in enumerate(enrolments)
    )
    exam_with_parts(course, 20, 20, 10)

    trainer_client = Client()
    trainer_client.force_login(trainer)
    coordinator_client = Client()
    coordinator_client.force_login(coordinator)
    baseline = (
        "district list (trivial admin page)",
        get_ok(coordinator_client, "/admin/districts/"),
    )
    compare(
        "Course task screens: attendance (30 participants)",
        (
            "attendance screen, 30 participants",
            get_ok(trainer_client, f"/admin/course-tasks/sessions/{sessions[7].pk}/attendance/"),
        ),
        baseline,
    )
    compare(
        "Course task screens: overview (30 participants, 12 sessions)",
        ("course overview", get_ok(trainer_client, f"/admin/course-tasks/{course.pk}/")),
        baseline,
    )
