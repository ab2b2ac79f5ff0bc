"""Only coordinators set the minimum attendance for exam admission (security finding 2).

A trainer who lowered it in the generic course form admitted people to the exam whom
the programme would not; exam admission by exception is a coordinator's decision.
"""

import pytest
from django.urls import reverse

from courses import services
from tests.conftest import client_for
from tests.courses.factories import CourseFactory
from tests.courses.helpers import course_form_data


@pytest.fixture
def course(trainer):
    return CourseFactory(trainers=[trainer], min_attendance_percent=80)


def _edit(client, course, trainer, percent):
    data = course_form_data(
        course.district,
        trainer,
        title=course.title,
        start_date=course.start_date.strftime("%d.%m.%Y"),
        end_date=course.end_date.strftime("%d.%m.%Y"),
        min_attendance_percent=str(percent),
    )
    return client.post(reverse("courses:edit", args=[course.pk]), data)


def test_a_trainer_cannot_lower_the_minimum_in_thecourse_form_data(course, trainer, trainer_client):
    page = trainer_client.get(reverse("courses:edit", args=[course.pk])).content.decode()
    assert 'name="min_attendance_percent"' not in page
    response = _edit(trainer_client, course, trainer, 10)
    assert response.status_code == 302  # the rest of the form is saved
    course.refresh_from_db()
    assert course.min_attendance_percent == 80


def test_a_trainer_creating_a_course_gets_the_programme_minimum(trainer, trainer_client):
    district = CourseFactory.build().district
    district.save()
    trainer_client.post(
        reverse("courses:add"), course_form_data(district, trainer, min_attendance_percent="5")
    )
    from courses.models import Course

    assert Course.objects.get(title="Mietführerschein Frühjahr").min_attendance_percent == 80


def test_a_coordinator_sets_the_minimum(course, trainer, coordinator):
    client = client_for(coordinator)
    page = client.get(reverse("courses:edit", args=[course.pk])).content.decode()
    assert 'name="min_attendance_percent"' in page
    assert _edit(client, course, trainer, 70).status_code == 302
    course.refresh_from_db()
    assert course.min_attendance_percent == 70


def test_the_service_refuses_the_change_for_a_trainer(trainer, coordinator):
    with pytest.raises(services.CourseError) as refused:
        services.check_course_changes(["title", "min_attendance_percent"], user=trainer)
    assert refused.value.code == "coordinator_only"
    services.check_course_changes(["title"], user=trainer)
    services.check_course_changes(["min_attendance_percent"], user=coordinator)
