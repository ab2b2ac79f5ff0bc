"""Fixtures of the course tests: a course taught by ``trainer``, that trainer's client asking for
German pages, and courses in the states the tests start from (running, examined, admitted)."""

import datetime as dt

import pytest
from django.utils import translation

from courses import services
from courses.services import AttendanceEntry
from tests.certificates.factories import course_with_exam
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.courses.helpers import TODAY
from tests.factories import ParticipantFactory


@pytest.fixture
def course(trainer):
    return CourseFactory(trainers=[trainer])


@pytest.fixture
def trainer_client(trainer):
    client = client_for(trainer)
    client.defaults.update(HTTP_ACCEPT_LANGUAGE="de")
    return client


@pytest.fixture
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def running(trainer):
    course = CourseFactory(trainers=[trainer])
    enrolments = [services.enrol(course, ParticipantFactory()) for _ in range(3)]
    session = SessionFactory(course=course)
    return course, enrolments, session


@pytest.fixture
def examined(running, trainer):
    course, enrolments, session = running
    services.record_attendance(
        session,
        [
            AttendanceEntry(enrolments[0].pk, "present"),
            AttendanceEntry(enrolments[1].pk, "present"),
            AttendanceEntry(enrolments[2].pk, "absent"),
        ],
        user=trainer,
    )
    return course, enrolments, exam_with_parts(course, 10, 20)


@pytest.fixture
def admitted(trainer):
    course = CourseFactory(trainers=[trainer])
    enrolment = services.enrol(course, ParticipantFactory())
    session = SessionFactory(course=course)
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    return enrolment, exam_with_parts(course, 10)


@pytest.fixture
def running_course(trainer):
    course = course_with_exam(
        trainers=[trainer],
        start_date=TODAY - dt.timedelta(days=60),
        end_date=TODAY + dt.timedelta(days=30),
    )
    SessionFactory(course=course, date=TODAY - dt.timedelta(days=50))
    SessionFactory(course=course, date=TODAY + dt.timedelta(days=20))
    exam = course.exams.get()
    exam.date = TODAY - dt.timedelta(days=1)
    exam.save()
    return course
