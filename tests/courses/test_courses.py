"""Courses: the course form; minimum attendance and pass mark (coordinators only, and with a
reason once results exist)."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Course
from tests.courses.factories import CourseFactory
from tests.courses.helpers import course_form_data, error_of, german_client, task_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_a_trainer_creates_a_course_and_keeps_it(trainer, trainer_client):
    district = CourseFactory.build().district
    district.save()
    response = trainer_client.post(reverse("courses:add"), course_form_data(district, trainer))
    course = Course.objects.get(title="Mietführerschein Frühjahr")
    assert response.status_code == 302
    assert response["Location"] == task_url("overview", course)
    assert list(Course.objects.visible_to(trainer)) == [course]


def test_course_dates_out_of_order_are_refused_in_german(trainer, trainer_client):
    district = CourseFactory.build().district
    district.save()
    data = course_form_data(district, trainer, start_date="29.05.2026", end_date="02.03.2026")
    response = trainer_client.post(reverse("courses:add"), data)
    assert response.status_code == 200
    assert "Das Kursende darf nicht vor dem Kursbeginn liegen." in response.content.decode()
    assert 'value="Mietführerschein Frühjahr"' in response.content.decode()
    assert not Course.objects.exists()


def test_the_pass_mark_is_set_by_coordinators_only(trainer, coordinator):
    course = CourseFactory(trainers=[trainer])
    kwargs = {
        "date": dt.date(2026, 5, 27),
        "format": "written",
        "language": "de",
        "parts": [("A", 10)],
    }
    error = error_of(services.save_exam, course, pass_mark_percent=30, user=trainer, **kwargs)
    assert error.code == "coordinator_only"
    exam = services.save_exam(course, pass_mark_percent=60, user=trainer, **kwargs)
    # The screen does not let a trainer change it: the field is disabled, a forged
    # value is ignored.
    response = german_client(trainer).post(
        reverse("courses_exam_edit", args=[exam.pk]),
        {
            "date": "27.05.2026",
            "format": "written",
            "language": "de",
            "pass_mark_percent": "10",
            "parts-TOTAL_FORMS": "1",
            "parts-INITIAL_FORMS": "0",
            "parts-MIN_NUM_FORMS": "1",
            "parts-MAX_NUM_FORMS": "1000",
            "parts-0-name": "A",
            "parts-0-max_points": "10",
        },
    )
    assert response.status_code == 302
    exam.refresh_from_db()
    assert exam.pass_mark_percent == 60
    assert (
        error_of(
            services.save_exam, course, exam=exam, pass_mark_percent=10, user=trainer, **kwargs
        ).code
        == "coordinator_only"
    )
    services.save_exam(course, exam=exam, pass_mark_percent=50, user=coordinator, **kwargs)
    exam.refresh_from_db()
    assert exam.pass_mark_percent == 50


def test_after_results_the_rules_change_only_with_a_reason(admitted, trainer, coordinator):
    enrolment, exam = admitted
    part = exam.parts.get()
    services.record_exam_result(enrolment, exam, points={part.pk: 9}, date=exam.date, user=trainer)
    course = exam.course
    kwargs = {"date": exam.date, "format": "written", "language": "de", "parts": [(part.name, 10)]}
    error = error_of(
        services.save_exam, course, exam=exam, pass_mark_percent=90, user=coordinator, **kwargs
    )
    assert error.code == "reason_required"
    services.save_exam(
        course, exam=exam, pass_mark_percent=90, user=coordinator, reason="Beschluss", **kwargs
    )
    assert exam.history.first().history_change_reason == "Beschluss"

    error = error_of(
        services.check_course_changes, ["min_attendance_percent"], user=coordinator, course=course
    )
    assert error.code == "reason_required"
    assert (
        services.check_course_changes(
            ["min_attendance_percent"], user=coordinator, course=course, reason="Beschluss"
        )
        == "Beschluss"
    )
