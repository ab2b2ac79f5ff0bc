"""Enrolment: places, the waiting list, withdrawal, and who may enrol whom."""

import pytest
from django.db import IntegrityError, transaction

from courses import services
from courses.models import Attendance, Enrolment, EnrolmentStatus
from tests.courses.factories import CourseFactory, SessionFactory
from tests.courses.helpers import error_of, task_url
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_enrol_fills_places_then_the_waiting_list_in_order():
    course = CourseFactory(capacity=2)
    people = ParticipantFactory.create_batch(4)
    enrolments = [services.enrol(course, person) for person in people]
    assert [e.status for e in enrolments] == ["active", "active", "waiting", "waiting"]
    assert [e.waiting_position for e in enrolments] == [None, None, 1, 2]


def test_capacity_exceeded_without_waiting_list_is_refused_in_german():
    course = CourseFactory(capacity=1)
    services.enrol(course, ParticipantFactory())
    error = error_of(services.enrol, course, ParticipantFactory(), waiting_list_ok=False)
    assert error.code == "course_full"
    assert "Der Kurs ist voll (1 Plätze)" in error.message
    assert Enrolment.objects.filter(course=course).count() == 1


def test_the_same_person_cannot_be_enrolled_twice():
    course = CourseFactory()
    person = ParticipantFactory()
    services.enrol(course, person)
    error = error_of(services.enrol, course, person)
    assert error.code == "already_enrolled"
    assert "bereits" in error.message


def test_the_database_refuses_a_second_open_enrolment():
    course = CourseFactory()
    person = ParticipantFactory()
    Enrolment.objects.create(course=course, participant=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(course=course, participant=person)


def test_withdrawal_moves_the_first_waiting_person_up_and_renumbers():
    course = CourseFactory(capacity=1)
    first, second, third = (services.enrol(course, ParticipantFactory()) for _ in range(3))
    moved = services.withdraw(first, "Umzug nach Dortmund")
    assert moved.pk == second.pk
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, first.withdrawal_reason) == ("withdrawn", "Umzug nach Dortmund")
    assert (second.status, second.waiting_position) == ("active", None)
    assert (third.status, third.waiting_position) == ("waiting", 1)
    # The withdrawn person may enrol again later (the constraint covers open places only).
    again = services.enrol(course, first.participant)
    assert again.status == "waiting"


def test_withdrawal_needs_a_reason():
    enrolment = services.enrol(CourseFactory(), ParticipantFactory())
    error = error_of(services.withdraw, enrolment, "  ")
    assert error.code == "reason_required"
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE


def test_trainers_see_the_participants_of_their_own_courses_only(trainer):
    own = CourseFactory(trainers=[trainer])
    other = CourseFactory()
    mine, waiting, theirs = ParticipantFactory(), ParticipantFactory(), ParticipantFactory()
    Enrolment.objects.create(course=own, participant=mine)
    Enrolment.objects.create(course=own, participant=waiting, status="waiting", waiting_position=1)
    Enrolment.objects.create(course=other, participant=theirs)
    from housing.models import Participant

    assert set(Participant.objects.visible_to(trainer)) == {mine, waiting}


def test_enrol_search_shows_only_name_and_date_of_birth(course, trainer_client):
    ParticipantFactory(
        given_names="Radu",
        family_name="Suchmann",
        phone="+49 30 23125 999",
        notes="vertraulich",
        household__district=course.district,
    )
    page = trainer_client.get(task_url("enrol", course), {"q": "Suchm"}).content.decode()
    assert "Radu Suchmann" in page and "17.05.1985" in page
    assert "23125 999" not in page and "vertraulich" not in page


def test_enrol_then_waiting_list_then_withdrawal_moves_up(trainer, trainer_client):
    course = CourseFactory(capacity=1, trainers=[trainer])
    first, second = (ParticipantFactory(household__district=course.district) for _ in range(2))
    for person in (first, second):
        trainer_client.post(task_url("enrol", course), {"participant": person.pk})
    enrolment = Enrolment.objects.get(participant=first)
    waiting = Enrolment.objects.get(participant=second)
    assert (enrolment.status, waiting.status) == ("active", "waiting")
    response = trainer_client.post(task_url("withdraw", enrolment), {"reason": "Arbeit gefunden"})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "active"


def test_a_trainer_cannot_post_into_another_trainers_course(trainer_client):
    other = CourseFactory(trainers=[UserFactory(username="trainer-b")])
    session = SessionFactory(course=other)
    enrolment = services.enrol(other, ParticipantFactory())
    assert (
        trainer_client.post(
            task_url("enrol", other), {"participant": ParticipantFactory().pk}
        ).status_code
        == 404
    )
    assert (
        trainer_client.post(
            task_url("attendance", session),
            {f"status-{enrolment.pk}": "absent", f"version-{enrolment.pk}": "0"},
        ).status_code
        == 404
    )
    assert trainer_client.post(task_url("withdraw", enrolment), {"reason": "x"}).status_code == 404
    assert not Attendance.objects.exists()
    assert Enrolment.objects.filter(course=other).count() == 1
