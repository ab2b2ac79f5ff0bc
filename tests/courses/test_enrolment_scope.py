"""A trainer's enrol screen finds only the people the course is for, not the whole register.

``Participant.objects.enrollable_by(user, course)`` is the rule: the people of the
trainer's own courses, and adults of the course's district who are in no other course.
"""

import datetime as dt

import pytest
from django.urls import reverse

from core.roles import Role
from courses import services
from courses.models import Enrolment
from tests.courses.factories import CourseFactory
from tests.factories import DistrictFactory, ParticipantFactory, UserFactory


@pytest.fixture
def world(trainer):
    here, elsewhere = DistrictFactory(name="Altenhagen"), DistrictFactory(name="Mitte")
    course = CourseFactory(trainers=[trainer], district=here, start_date=dt.date(2026, 3, 2))
    other_course = CourseFactory(
        trainers=[UserFactory(username="trainer-b", role=Role.TRAINER)], district=here
    )

    def person(name, district=here, born=dt.date(1990, 1, 1)):
        return ParticipantFactory(
            family_name=name, date_of_birth=born, household__district=district
        )

    people = {
        "newcomer": person("Suchfeld"),
        "elsewhere": person("Suchberg", district=elsewhere),
        "minor": person("Suchkind", born=dt.date(2010, 6, 1)),
        "in_other_course": person("Suchkurs"),
    }
    services.enrol(other_course, people["in_other_course"])
    return course, people


def _found(client, course, query):
    response = client.get(reverse("courses_enrol", args=[course.pk]), {"q": query})
    assert response.status_code == 200
    return {p.family_name for p in response.context["found"]}


def test_trainer_finds_only_adult_newcomers_of_the_district(world, trainer_client):
    course, _people = world
    assert _found(trainer_client, course, "Such") == {"Suchfeld"}


def test_coordinator_finds_everyone(world, coordinator_client):
    course, _people = world
    assert _found(coordinator_client, course, "Such") == {
        "Suchfeld",
        "Suchberg",
        "Suchkind",
        "Suchkurs",
    }


@pytest.mark.parametrize("who", ["elsewhere", "minor", "in_other_course"])
def test_trainer_cannot_enrol_an_id_outside_the_rule(world, trainer_client, who):
    course, people = world
    response = trainer_client.post(
        reverse("courses_enrol", args=[course.pk]), {"participant": people[who].pk}
    )
    assert response.status_code == 302
    assert not Enrolment.objects.filter(course=course).exists()


def test_trainer_enrols_a_newcomer_and_then_sees_them(world, trainer, trainer_client):
    course, people = world
    trainer_client.post(
        reverse("courses_enrol", args=[course.pk]), {"participant": people["newcomer"].pk}
    )
    assert Enrolment.objects.filter(course=course, participant=people["newcomer"]).exists()
    from housing.models import Participant

    assert Participant.objects.visible_to(trainer).filter(pk=people["newcomer"].pk).exists()


def test_people_of_the_trainers_own_courses_stay_findable(world, trainer, trainer_client):
    course, people = world
    earlier = CourseFactory(trainers=[trainer], district=DistrictFactory(name="Mitte"))
    services.enrol(earlier, people["elsewhere"])
    assert "Suchberg" in _found(trainer_client, course, "Such")


def test_the_enrol_search_forgives_accents_like_every_name_search(world, coordinator_client):
    course, _people = world
    ParticipantFactory(given_names="Ștefan", family_name="Rădulescu")
    assert _found(coordinator_client, course, "stefan radulescu") == {"Rădulescu"}
