"""Issue 12's rules a trainer cannot bend, each through the service and through the screen.

Every rule lives in a service; the screen path must give the same answer (code and
message) as the service path, and save nothing.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services
from courses.models import Attendance, ExamResult
from courses.services import AttendanceEntry, CourseError
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def _german_client(user):
    client = client_for(user)
    client.defaults.update(HTTP_ACCEPT_LANGUAGE="de")
    return client


def _error(call, *args, **kwargs):
    with pytest.raises((CourseError, certificate_services.CertificateError)) as caught:
        call(*args, **kwargs)
    return caught.value


def _html_has(response, message):
    from html import unescape

    return unescape(message) in unescape(response.content.decode())


# --- attendance -----------------------------------------------------------------------


def test_no_attendance_for_a_future_session(trainer):
    course = CourseFactory(
        trainers=[trainer],
        start_date=TODAY - dt.timedelta(days=7),
        end_date=TODAY + dt.timedelta(days=30),
    )
    enrolment = services.enrol(course, ParticipantFactory())
    tomorrow = SessionFactory(course=course, date=TODAY + dt.timedelta(days=1))
    error = _error(
        services.record_attendance,
        tomorrow,
        [AttendanceEntry(enrolment.pk, "present")],
        user=trainer,
    )
    assert error.code == "session_in_future"
    response = _german_client(trainer).post(
        reverse("course_tasks:attendance", args=[tomorrow.pk]),
        {f"status-{enrolment.pk}": "present", f"version-{enrolment.pk}": "0"},
    )
    assert response.status_code == 400 and _html_has(response, error.message)
    assert not Attendance.objects.exists()


# --- exam results -----------------------------------------------------------------------


@pytest.fixture
def admitted(trainer):
    course = CourseFactory(trainers=[trainer])
    enrolment = services.enrol(course, ParticipantFactory())
    session = SessionFactory(course=course)
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    return enrolment, exam_with_parts(course, 10)


def _post_result(client, exam, enrolment, date, points=9):
    part = exam.parts.get()
    return client.post(
        reverse("course_tasks:exam_results", args=[exam.pk]),
        {"enrolment": enrolment.pk, "date": f"{date:%d.%m.%Y}", f"points-{part.pk}": str(points)},
    )


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (lambda exam: TODAY + dt.timedelta(days=60), "result_in_future"),
        (lambda exam: exam.date - dt.timedelta(days=1), "result_before_exam"),
    ],
)
def test_no_result_in_the_future_or_before_the_exam(admitted, trainer, when, code):
    enrolment, exam = admitted
    date = when(exam)
    part = exam.parts.get()
    error = _error(
        services.record_exam_result, enrolment, exam, points={part.pk: 9}, date=date, user=trainer
    )
    assert error.code == code
    response = _post_result(_german_client(trainer), exam, enrolment, date)
    assert response.status_code == 400 and _html_has(response, error.message)
    assert not ExamResult.objects.exists()


def test_a_resit_comes_after_the_previous_attempt(admitted, trainer):
    enrolment, exam = admitted
    part = exam.parts.get()
    first_date = exam.date + dt.timedelta(days=7)
    services.record_exam_result(enrolment, exam, points={part.pk: 2}, date=first_date, user=trainer)
    error = _error(
        services.record_exam_result,
        enrolment,
        exam,
        points={part.pk: 9},
        date=exam.date,
        user=trainer,
    )
    assert error.code == "resit_before_previous"
    response = _post_result(_german_client(trainer), exam, enrolment, exam.date)
    assert response.status_code == 400 and _html_has(response, error.message)
    assert ExamResult.objects.count() == 1


def test_a_correction_keeps_the_date_rules(admitted, trainer):
    enrolment, exam = admitted
    part = exam.parts.get()
    result = services.record_exam_result(
        enrolment, exam, points={part.pk: 9}, date=exam.date, user=trainer
    )
    error = _error(
        services.correct_exam_result,
        enrolment,
        exam,
        attempt=1,
        points={part.pk: 9},
        date=TODAY + dt.timedelta(days=3),
        user=trainer,
        reason="Datum falsch",
    )
    assert error.code == "result_in_future"
    result.refresh_from_db()
    assert result.date == exam.date and result.version == 1


# --- certificates ---------------------------------------------------------------------------


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


def test_no_certificate_while_the_course_is_running(running_course, trainer):
    enrolment = passed_enrolment(running_course)
    error = _error(certificate_services.issue_certificate, enrolment, trainer)
    assert error.code == "course_not_finished"
    response = _german_client(trainer).post(
        reverse("certificates_course", args=[running_course.pk]),
        {"action": "issue", "enrolment": enrolment.pk},
        follow=True,
    )
    assert _html_has(response, error.message)
    assert not Certificate.objects.exists()


def test_a_coordinator_confirms_an_early_issue_with_a_reason(running_course, coordinator):
    enrolment = passed_enrolment(running_course)
    error = _error(certificate_services.issue_certificate, enrolment, coordinator)
    assert error.code == "reason_required"
    certificate = certificate_services.issue_certificate(
        enrolment, coordinator, reason="Umzug vor Kursende"
    )
    assert "early issue: Umzug vor Kursende" in certificate.history.first().history_change_reason


def test_the_certificate_states_the_sessions_taught(trainer):
    course = course_with_exam(trainers=[trainer])
    SessionFactory(course=course, date=dt.date(2026, 3, 11))
    SessionFactory(course=course, date=dt.date(2026, 5, 20))
    SessionFactory(
        course=course, date=dt.date(2026, 5, 27), cancelled=True, cancel_reason="Feiertag"
    )
    certificate = certificate_services.issue_certificate(passed_enrolment(course), trainer)
    assert (certificate.course_start, certificate.course_end) == (
        dt.date(2026, 3, 11),
        dt.date(2026, 5, 20),
    )


def test_revocation_is_final_for_trainers(trainer, coordinator):
    course = course_with_exam(trainers=[trainer])
    enrolment = passed_enrolment(course)
    certificate = certificate_services.issue_certificate(enrolment, trainer)
    certificate_services.revoke(certificate, "Täuschung", coordinator)

    error = _error(certificate_services.issue_certificate, enrolment, trainer)
    assert error.code == "revoked_final"
    page = _german_client(trainer).get(reverse("certificates_course", args=[course.pk]))
    assert 'value="issue"' not in page.content.decode()
    response = _german_client(trainer).post(
        reverse("certificates_course", args=[course.pk]),
        {"action": "issue", "enrolment": enrolment.pk},
        follow=True,
    )
    assert _html_has(response, error.message)
    # Bulk issue leaves them out too.
    assert certificate_services.issue_for_course(course, trainer) == []
    assert Certificate.objects.count() == 1

    # A coordinator issues again, with a reason.
    assert _error(certificate_services.issue_certificate, enrolment, coordinator).code == (
        "reason_required"
    )
    again = certificate_services.issue_certificate(
        enrolment, coordinator, reason="Widerruf war ein Irrtum"
    )
    assert again.pk != certificate.pk and Certificate.objects.count() == 2


# --- minimum attendance and pass mark -------------------------------------------------------


def test_the_pass_mark_is_set_by_coordinators_only(trainer, coordinator):
    course = CourseFactory(trainers=[trainer])
    kwargs = {
        "date": dt.date(2026, 5, 27),
        "format": "written",
        "language": "de",
        "parts": [("A", 10)],
    }
    error = _error(services.save_exam, course, pass_mark_percent=30, user=trainer, **kwargs)
    assert error.code == "coordinator_only"
    exam = services.save_exam(course, pass_mark_percent=60, user=trainer, **kwargs)
    # The screen does not let a trainer change it: the field is disabled, a forged
    # value is ignored.
    response = _german_client(trainer).post(
        reverse("course_tasks:exam_edit", args=[exam.pk]),
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
        _error(
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
    error = _error(
        services.save_exam, course, exam=exam, pass_mark_percent=90, user=coordinator, **kwargs
    )
    assert error.code == "reason_required"
    services.save_exam(
        course, exam=exam, pass_mark_percent=90, user=coordinator, reason="Beschluss", **kwargs
    )
    assert exam.history.first().history_change_reason == "Beschluss"

    error = _error(
        services.check_course_changes, ["min_attendance_percent"], user=coordinator, course=course
    )
    assert error.code == "reason_required"
    assert (
        services.check_course_changes(
            ["min_attendance_percent"], user=coordinator, course=course, reason="Beschluss"
        )
        == "Beschluss"
    )
