""" "Heute" on the admin start page: today's sessions, exams, certificates waiting."""

import pytest
from django.urls import reverse

from certificates.models import Certificate
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.courses.factories import CourseFactory, ExamFactory, SessionFactory
from tests.courses.helpers import TODAY, german_client, html_has, task_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_today_shows_own_sessions_exams_and_waiting_certificates(trainer):
    course = CourseFactory(trainers=[trainer], title="Kurs Heute")
    session = SessionFactory(course=course, date=TODAY)
    exam = ExamFactory(course=course, date=TODAY)
    finished = course_with_exam(trainers=[trainer], title="Kurs Fertig")
    SessionFactory(course=finished, date=finished.end_date)
    passed_enrolment(finished)
    other = CourseFactory(title="Fremder Kurs")
    SessionFactory(course=other, date=TODAY)

    response = german_client(trainer).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert html_has(response, "Heute in den Kursen")
    assert html_has(response, task_url("attendance", session))
    assert html_has(response, "Anwesenheit noch nicht erfasst")
    assert html_has(response, task_url("exam_results", exam))
    assert html_has(response, "Kurs Fertig: 1 Person bestanden, noch kein Zertifikat")
    assert html_has(response, reverse("certificates_course", args=[finished.pk]))
    assert not html_has(response, "Fremder Kurs")


def test_issued_certificates_no_longer_wait(trainer):
    finished = course_with_exam(trainers=[trainer], title="Kurs Fertig")
    SessionFactory(course=finished, date=finished.end_date)
    enrolment = passed_enrolment(finished)
    from certificates import services

    services.issue_certificate(enrolment, trainer)
    assert Certificate.objects.exists()
    response = german_client(trainer).get(reverse("wagtailadmin_home"))
    assert html_has(response, "Kein Zertifikat wartet.")


def test_today_costs_the_same_queries_for_more_courses(trainer, django_assert_max_num_queries):
    from courses.admin_views.today import today_summary

    for _ in range(2):
        SessionFactory(course=CourseFactory(trainers=[trainer]), date=TODAY)
    with django_assert_max_num_queries(4) as few:
        today_summary(trainer)
    for _ in range(5):
        SessionFactory(course=CourseFactory(trainers=[trainer]), date=TODAY)
    with django_assert_max_num_queries(len(few.captured_queries)):
        summary = today_summary(trainer)
    assert len(summary["sessions"]) == 7
