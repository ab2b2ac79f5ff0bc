"""Excused absences count as the course says, in the one attendance figure."""

import datetime as dt

import pytest

from courses import services
from courses.models import AdmissionState, Enrolment, ExcusedAbsence
from courses.services import AttendanceEntry
from tests.courses.factories import CourseFactory, SessionFactory
from tests.courses.helpers import course_form_data, error_of, german_client, html_has, task_url
from tests.factories import ParticipantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


@pytest.fixture
def five_sessions(trainer):
    """One person: 3 present, 1 excused, 1 absent in five held sessions; minimum 80 %."""
    course = CourseFactory(trainers=[trainer])
    enrolment = services.enrol(course, ParticipantFactory())
    for day, status in enumerate(["present", "present", "present", "excused", "absent"]):
        session = SessionFactory(course=course, date=dt.date(2026, 3, 2 + day))
        services.record_attendance(session, [AttendanceEntry(enrolment.pk, status)], user=trainer)
    return course, enrolment


def _figure(enrolment):
    e = Enrolment.objects.with_admission().get(pk=enrolment.pk)
    return e.sessions_attended, e.sessions_held, e.sessions_excused, e.admission_state


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (ExcusedAbsence.ABSENT, (3, 5, 1, AdmissionState.BELOW_MINIMUM)),
        (ExcusedAbsence.ATTENDED, (4, 5, 1, AdmissionState.ADMITTED)),
        (ExcusedAbsence.LEFT_OUT, (3, 4, 1, AdmissionState.BELOW_MINIMUM)),
    ],
)
def test_the_course_rule_decides_how_an_excused_absence_counts(five_sessions, rule, expected):
    course, enrolment = five_sessions
    course.excused_absence = rule
    course.save()
    assert _figure(enrolment) == expected


def test_left_out_admits_at_the_minimum(trainer):
    course = CourseFactory(trainers=[trainer], excused_absence=ExcusedAbsence.LEFT_OUT)
    enrolment = services.enrol(course, ParticipantFactory())
    statuses = ["present", "present", "present", "present", "excused", "absent"]
    for day, status in enumerate(statuses):
        session = SessionFactory(course=course, date=dt.date(2026, 3, 2 + day))
        services.record_attendance(session, [AttendanceEntry(enrolment.pk, status)], user=trainer)
    # 4 of 5 (the excused one left out) is exactly 80 %.
    assert _figure(enrolment) == (4, 5, 1, AdmissionState.ADMITTED)


def test_one_query_for_the_figure_of_many_people(five_sessions, django_assert_num_queries):
    course, _enrolment = five_sessions
    for _ in range(4):
        services.enrol(course, ParticipantFactory())
    with django_assert_num_queries(1):
        rows = list(Enrolment.objects.filter(course=course).with_admission())
    assert len(rows) == 5


def test_only_a_coordinator_changes_the_rule(five_sessions, trainer, coordinator):
    course, _enrolment = five_sessions
    error = error_of(
        services.check_course_changes, ["excused_absence"], user=trainer, course=course
    )
    assert error.code == "coordinator_only"
    assert error.message == (
        "Nur die Koordination legt fest, wie entschuldigte Fehlzeiten für die "
        "Prüfungszulassung zählen."
    )
    assert services.check_course_changes(["excused_absence"], user=coordinator, course=course) == ""


def test_the_course_form_offers_the_rule_to_coordinators(five_sessions, coordinator, trainer):
    course, enrolment = five_sessions
    from django.urls import reverse

    url = reverse("courses:edit", args=[course.pk])
    data = course_form_data(
        course.district,
        trainer,
        start_date=f"{course.start_date:%d.%m.%Y}",
        end_date=f"{course.end_date:%d.%m.%Y}",
        status="running",
        excused_absence="attended",
    )
    # A trainer's form has no such field: the posted value is ignored.
    german_client(trainer).post(url, data)
    course.refresh_from_db()
    assert course.excused_absence == ExcusedAbsence.ABSENT
    response = german_client(coordinator).post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    course.refresh_from_db()
    assert course.excused_absence == ExcusedAbsence.ATTENDED
    assert _figure(enrolment)[3] == AdmissionState.ADMITTED


def test_screens_say_which_basis_they_show(five_sessions, trainer):
    course, _enrolment = five_sessions
    course.excused_absence = ExcusedAbsence.LEFT_OUT
    course.save()
    response = german_client(trainer).get(task_url("overview", course))
    assert html_has(
        response, "entschuldigte Fehlzeiten werden nicht als stattgefundene Termine gezählt"
    )
    assert html_has(response, "3 von 4")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (ExcusedAbsence.ABSENT, (3, 5)),
        (ExcusedAbsence.ATTENDED, (4, 5)),
        (ExcusedAbsence.LEFT_OUT, (3, 4)),
    ],
)
def test_the_programme_figures_count_excused_absences_as_the_course_says(
    five_sessions, rule, expected
):
    """Monitoring's attendance rate reads the same rule as the course screens."""
    from monitoring import sources

    course, enrolment = five_sessions
    course.excused_absence = rule
    course.save()
    assert sources.attendance_counts(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == expected
    attended, held, _, _ = _figure(enrolment)
    assert (attended, held) == expected
