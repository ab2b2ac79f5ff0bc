"""Factories for courses. Names are invented."""

import datetime as dt

import factory

from courses.models import Course, Exam, ExamPart, Session
from tests.factories import DistrictFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Mietführerschein {n + 1}")
    location = "Stadtteilbüro Altenhagen"
    district = factory.SubFactory(DistrictFactory)
    instruction_languages = factory.LazyFunction(lambda: ["de"])
    interpretation_languages = factory.LazyFunction(lambda: ["ro"])
    capacity = 12
    start_date = dt.date(2026, 3, 2)
    end_date = dt.date(2026, 5, 29)
    status = "running"

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    date = dt.date(2026, 3, 4)
    start_time = dt.time(10, 0)
    end_time = dt.time(12, 0)
    room = "Raum 1"


class ExamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exam

    course = factory.SubFactory(CourseFactory)
    date = dt.date(2026, 5, 27)


def exam_with_parts(course, *maxima, date=dt.date(2026, 5, 27)):
    exam = ExamFactory(course=course, date=date)
    for index, maximum in enumerate(maxima):
        ExamPart.objects.create(exam=exam, name=f"Teil {index + 1}", max_points=maximum)
    return exam
