"""Exam parts with their own pass mark: flagged below it, not passed when it is binding."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrolment, ExamPart
from tests.courses.helpers import error_of, german_client, html_has, task_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def _mark(exam, name, percent, binding):
    ExamPart.objects.filter(exam=exam, name=name).update(
        pass_mark_percent=percent, pass_mark_binding=binding
    )


def test_overall_pass_with_a_binding_part_below_its_mark_is_not_passed(examined, trainer):
    _course, enrolments, exam = examined  # Teil 1: 10 points, Teil 2: 20 points, 60 %
    _mark(exam, "Teil 1", 50, True)
    result = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 4, 20), date=exam.date, user=trainer
    )
    # 24 of 30 points is 80 %, but 4 of 10 in a part that needs 50 % binds.
    assert result.percent == 80
    assert result.passed is False
    assert result.failed_parts == [str(exam.parts.get(name="Teil 1").pk)]
    assert not Enrolment.objects.filter(pk=enrolments[0].pk).eligible_for_certificate().exists()


def test_a_part_mark_that_is_not_binding_only_flags(examined, trainer):
    _course, enrolments, exam = examined
    _mark(exam, "Teil 1", 50, False)
    result = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 4, 20), date=exam.date, user=trainer
    )
    assert result.passed is True
    assert result.part_flagged
    assert Enrolment.objects.filter(pk=enrolments[0].pk).eligible_for_certificate().exists()


def test_exactly_the_part_mark_passes_the_part(examined, trainer):
    _course, enrolments, exam = examined
    _mark(exam, "Teil 1", 50, True)
    result = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 5, 20), date=exam.date, user=trainer
    )
    assert (result.passed, result.failed_parts) == (True, [])


def test_a_resit_after_a_failed_part_passes_and_a_correction_follows_the_rule(examined, trainer):
    _course, enrolments, exam = examined
    _mark(exam, "Teil 1", 50, True)
    first = services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 2, 20), date=exam.date, user=trainer
    )
    assert not first.passed
    resit = services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 6, 14),
        date=exam.date + dt.timedelta(days=7),
        user=trainer,
    )
    assert (resit.attempt, resit.passed) == (2, True)
    corrected = services.correct_exam_result(
        enrolments[0],
        exam,
        attempt=2,
        points=_points(exam, 4, 20),
        date=resit.date,
        user=trainer,
        reason="Teil 1 falsch übertragen",
    )
    assert (corrected.passed, corrected.part_flagged) == (False, True)


def test_only_a_coordinator_sets_part_pass_marks(course, trainer, coordinator):
    parts = [("Schriftlich", 20, 50, True), ("Bilder", 10, None, False)]
    error = error_of(
        services.save_exam,
        course,
        date=course.end_date,
        format="written",
        language="de",
        parts=parts,
        user=trainer,
    )
    assert error.code == "coordinator_only"
    assert error.message == "Nur die Koordination legt die Bestehensgrenze eines Teils fest."
    exam = services.save_exam(
        course, date=course.end_date, format="written", language="de", parts=parts, user=coordinator
    )
    part = exam.parts.get(name="Schriftlich")
    assert (part.pass_mark_percent, part.pass_mark_binding) == (50, True)
    # The trainer may still change the date: the marks they cannot touch stay.
    services.save_exam(
        course,
        exam=exam,
        date=course.end_date - dt.timedelta(days=1),
        format="written",
        language="de",
        parts=parts,
        user=trainer,
    )
    part.refresh_from_db()
    assert (part.pass_mark_percent, part.pass_mark_binding) == (50, True)


def test_changing_a_part_mark_after_results_needs_a_reason(examined, trainer, coordinator):
    _course, enrolments, exam = examined
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 6, 12), date=exam.date, user=trainer
    )
    parts = [("Teil 1", 10, 60, True), ("Teil 2", 20, None, False)]
    kwargs = {"exam": exam, "date": exam.date, "format": "written", "language": "de"}
    error = error_of(services.save_exam, exam.course, parts=parts, user=coordinator, **kwargs)
    assert error.code == "reason_required"
    services.save_exam(
        exam.course, parts=parts, user=coordinator, reason="Vorgabe des Programms", **kwargs
    )
    part = exam.parts.get(name="Teil 1")
    assert (part.pass_mark_percent, part.pass_mark_binding) == (60, True)
    # Recorded results keep their outcome.
    assert enrolments[0].results.get().passed is True


def test_a_bad_part_mark_is_refused(course, coordinator):
    error = error_of(
        services.save_exam,
        course,
        date=course.end_date,
        format="written",
        language="de",
        parts=[("Teil", 10, 120, False)],
        user=coordinator,
    )
    assert error.code == "bad_part_mark"


def test_results_screen_flags_the_part_and_the_outcome(examined, trainer):
    _course, enrolments, exam = examined
    _mark(exam, "Teil 1", 50, True)
    services.record_exam_result(
        enrolments[0], exam, points=_points(exam, 4, 20), date=exam.date, user=trainer
    )
    response = german_client(trainer).get(task_url("exam_results", exam))
    assert response.status_code == 200
    assert html_has(response, "unter der Bestehensgrenze des Teils: Teil 1")
    assert html_has(response, "Teil 1: max. 10 Punkte, eigene Bestehensgrenze 50 % (verbindlich)")
    assert html_has(response, "nicht bestanden")


def test_the_results_form_records_a_failed_part_and_says_so(examined, trainer):
    _course, enrolments, exam = examined
    _mark(exam, "Teil 1", 50, False)
    parts = list(exam.parts.all())
    client = german_client(trainer)
    response = client.post(
        task_url("exam_results", exam),
        {
            "enrolment": enrolments[0].pk,
            "date": f"{exam.date:%d.%m.%Y}",
            f"points-{parts[0].pk}": "3",
            f"points-{parts[1].pk}": "18",
        },
        follow=True,
    )
    assert html_has(response, "Unter der Bestehensgrenze eines Teils: Teil 1.")
    assert enrolments[0].results.get().passed is True


def test_the_exam_form_keeps_part_marks_for_coordinators_only(course, trainer, coordinator):
    url = reverse("courses_exam_add", args=[course.pk])
    data = {
        "date": f"{course.end_date:%d.%m.%Y}",
        "format": "written",
        "language": "de",
        "pass_mark_percent": "60",
        "parts-TOTAL_FORMS": "2",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "1",
        "parts-MAX_NUM_FORMS": "1000",
        "parts-0-name": "Schriftlich",
        "parts-0-max_points": "20",
        "parts-0-pass_mark_percent": "50",
        "parts-0-pass_mark_binding": "on",
        "parts-1-name": "Bilder",
        "parts-1-max_points": "10",
    }
    course.trainers.add(trainer)
    # The trainer's fields are disabled: the posted marks are ignored, not saved.
    german_client(trainer).post(url, data)
    part = course.exams.get().parts.get(name="Schriftlich")
    assert (part.pass_mark_percent, part.pass_mark_binding) == (None, False)
    course.exams.all().delete()
    response = german_client(coordinator).post(url, data)
    assert response.status_code == 302
    part = course.exams.get().parts.get(name="Schriftlich")
    assert (part.pass_mark_percent, part.pass_mark_binding) == (50, True)
