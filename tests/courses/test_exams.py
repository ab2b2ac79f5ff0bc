"""Exams: results, resits, points and dates, admission before a result."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrolment, ExamResult
from courses.services import AttendanceEntry
from tests.courses.factories import SessionFactory, exam_with_parts
from tests.courses.helpers import TODAY, error_of, german_client, html_has, task_url
from tests.factories import ParticipantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def test_result_pass_fail_and_a_passed_resit(examined, trainer):
    _course, enrolments, exam = examined
    first = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 5, 10), date=exam.date, user=trainer
    )
    assert (first.attempt, first.total_points, first.passed) == (1, 15, False)
    resit = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 8, 12), date=dt.date(2026, 6, 3), user=trainer
    )
    assert (resit.attempt, resit.total_points, resit.passed) == (2, 20, True)
    error = error_of(
        services.record_exam_result,
        enrolments[0],
        exam,
        points=_points(exam, 9, 12),
        date=dt.date(2026, 6, 4),
        user=trainer,
    )
    assert error.code == "already_passed"
    assert resit.history.first().history_user == trainer


def test_points_above_the_maximum_are_refused(examined, trainer):
    _course, enrolments, exam = examined
    error = error_of(
        services.record_exam_result,
        enrolments[0],
        exam,
        points=_points(exam, 11, 5),
        date=exam.date,
        user=trainer,
    )
    assert error.code == "points_above_max"
    assert error.message == "„Teil 1“ hat höchstens 10 Punkte; eingegeben wurden 11."
    assert not ExamResult.objects.exists()


def test_result_for_someone_not_admitted_is_refused_until_a_coordinator_overrides(
    examined, trainer, coordinator
):
    _course, enrolments, exam = examined
    absent = enrolments[2]
    error = error_of(
        services.record_exam_result,
        absent,
        exam,
        points=_points(exam, 10, 20),
        date=exam.date,
        user=trainer,
    )
    assert error.code == "not_admitted"
    assert "ist nicht zur Prüfung zugelassen" in error.message
    assert not ExamResult.objects.exists()

    denied = error_of(services.override_admission, absent, reason="Krankheit", user=trainer)
    assert denied.code == "not_allowed"
    services.override_admission(absent, reason="Attest vorgelegt", user=coordinator)
    result = services.record_exam_result(
        absent, exam, points=_points(exam, 10, 20), date=exam.date, user=trainer
    )
    assert result.passed and result.admitted_by_exception
    absent.refresh_from_db()
    assert (absent.admission_override_reason, absent.admission_override_by) == (
        "Attest vorgelegt",
        coordinator,
    )


def test_eligible_for_certificate_uses_the_best_passing_attempt(examined, trainer):
    _course, enrolments, exam = examined
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 1, 1), date=exam.date, user=trainer
    )
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 9, 19), date=dt.date(2026, 6, 3), user=trainer
    )
    services.record_exam_result(
        enrolments[1], exam, points=_points(exam, 2, 2), date=exam.date, user=trainer
    )
    eligible = list(Enrolment.objects.eligible_for_certificate().with_passing_result())
    assert [e.pk for e in eligible] == [enrolments[0].pk]
    assert eligible[0].passed_on == dt.date(2026, 6, 3)
    assert eligible[0].passing_result.attempt == 2


def _post_result(client, exam, enrolment, date, points=9):
    part = exam.parts.get()
    return client.post(
        reverse("courses_exam_results", args=[exam.pk]),
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
    error = error_of(
        services.record_exam_result, enrolment, exam, points={part.pk: 9}, date=date, user=trainer
    )
    assert error.code == code
    response = _post_result(german_client(trainer), exam, enrolment, date)
    assert response.status_code == 400 and html_has(response, error.message)
    assert not ExamResult.objects.exists()


def test_a_resit_comes_after_the_previous_attempt(admitted, trainer):
    enrolment, exam = admitted
    part = exam.parts.get()
    first_date = exam.date + dt.timedelta(days=7)
    services.record_exam_result(enrolment, exam, points={part.pk: 2}, date=first_date, user=trainer)
    error = error_of(
        services.record_exam_result,
        enrolment,
        exam,
        points={part.pk: 9},
        date=exam.date,
        user=trainer,
    )
    assert error.code == "resit_before_previous"
    response = _post_result(german_client(trainer), exam, enrolment, exam.date)
    assert response.status_code == 400 and html_has(response, error.message)
    assert ExamResult.objects.count() == 1


def test_a_correction_keeps_the_date_rules(admitted, trainer):
    enrolment, exam = admitted
    part = exam.parts.get()
    result = services.record_exam_result(
        enrolment, exam, points={part.pk: 9}, date=exam.date, user=trainer
    )
    error = error_of(
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


def test_exam_setup_then_results_with_a_resit(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    response = trainer_client.post(
        task_url("exam_add", course),
        {
            "date": "27.05.2026",
            "format": "oral",
            "language": "ro",
            "interpreter": "Frau Ionescu",
            "pass_mark_percent": "60",
            "parts-TOTAL_FORMS": "2",
            "parts-INITIAL_FORMS": "0",
            "parts-MIN_NUM_FORMS": "1",
            "parts-MAX_NUM_FORMS": "1000",
            "parts-0-name": "Bilder",
            "parts-0-max_points": "10",
            "parts-1-name": "",
            "parts-1-max_points": "",
        },
    )
    exam = course.exams.get()
    assert response.status_code == 302
    part = exam.parts.get()
    results = task_url("exam_results", exam)
    too_many = trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "12"}
    )
    assert too_many.status_code == 400
    assert "„Bilder“ hat höchstens 10 Punkte; eingegeben wurden 12." in too_many.content.decode()
    assert 'value="12"' in too_many.content.decode()
    trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "4"}
    )
    trainer_client.post(
        results, {"enrolment": enrolment.pk, "date": "03.06.2026", f"points-{part.pk}": "7"}
    )
    assert list(ExamResult.objects.values_list("attempt", "passed")) == [(1, False), (2, True)]
    page = trainer_client.get(task_url("overview", course)).content.decode()
    assert "bestanden am 03.06.2026" in page


def test_a_result_for_someone_not_admitted_is_refused(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "absent")], user=trainer)
    exam = exam_with_parts(course, 10)
    part = exam.parts.get()
    response = trainer_client.post(
        task_url("exam_results", exam),
        {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "9"},
    )
    # Not admitted: no form at all, and a forged post is refused.
    assert response.status_code == 400
    assert "nicht zur Prüfung zugelassen" in response.content.decode()
    assert not ExamResult.objects.exists()


def test_the_percentage_in_the_message_and_the_timeline_is_german(
    course, trainer, trainer_client, coordinator
):
    """2 of 3 points: "66,7 %", not "66.7 %" (a Decimal put into text as it is)."""
    from django.contrib.messages import get_messages

    from courses.integrations import household_timeline_entries

    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    exam = exam_with_parts(course, 3)
    part = exam.parts.get()
    response = trainer_client.post(
        task_url("exam_results", exam),
        {"enrolment": enrolment.pk, "date": "27.05.2026", f"points-{part.pk}": "2"},
    )
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "66,7 %" in message and "66.7" not in message
    entries = list(household_timeline_entries(enrolment.participant.household, coordinator))
    # The attempt's entry (a name from a factory sequence may contain "66" too).
    titles = [entry.title for entry in entries if "Prüfungsversuch" in entry.title]
    assert titles and all("66,7 %" in title and "66.7" not in title for title in titles), titles
