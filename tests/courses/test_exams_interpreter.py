"""Oral and pictorial exams: the interpreter per person; people named by name, not login."""

import datetime as dt

import pytest
from django.urls import reverse

from core.roles import Role
from courses import services
from courses.models import ExamFormat
from tests.courses.helpers import error_of, german_client, html_has, task_url
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def test_an_oral_attempt_records_the_interpreter(examined, trainer):
    _course, enrolments, exam = examined
    exam.format = ExamFormat.ORAL
    exam.save()
    result = services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 8, 15),
        date=exam.date,
        user=trainer,
        interpreter_language="ar",
        interpreter_name="  Samira Haddad ",
    )
    assert (result.interpreter_language, result.interpreter_name) == ("ar", "Samira Haddad")
    response = german_client(trainer).get(task_url("exam_results", exam))
    assert html_has(response, "Dolmetschung: Samira Haddad (Arabisch)")


def test_a_written_exam_takes_no_interpreter_and_half_an_entry_is_refused(examined, trainer):
    _course, enrolments, exam = examined
    kwargs = {"points": _points(exam, 8, 15), "date": exam.date, "user": trainer}
    error = error_of(
        services.record_exam_result,
        enrolments[0],
        exam,
        interpreter_language="ar",
        interpreter_name="Samira Haddad",
        **kwargs,
    )
    assert error.code == "interpreter_written"
    exam.format = ExamFormat.PICTORIAL
    exam.save()
    assert (
        error_of(
            services.record_exam_result, enrolments[0], exam, interpreter_language="ar", **kwargs
        ).code
        == "interpreter_name"
    )
    assert (
        error_of(
            services.record_exam_result, enrolments[0], exam, interpreter_name="S. H.", **kwargs
        ).code
        == "interpreter_language"
    )
    assert not enrolments[0].results.exists()


def test_the_results_form_keeps_the_interpreter_on_an_error(examined, trainer):
    _course, enrolments, exam = examined
    exam.format = ExamFormat.ORAL
    exam.save()
    parts = list(exam.parts.all())
    response = german_client(trainer).post(
        task_url("exam_results", exam),
        {
            "enrolment": enrolments[0].pk,
            "date": f"{exam.date:%d.%m.%Y}",
            f"points-{parts[0].pk}": "11",  # above the maximum
            f"points-{parts[1].pk}": "15",
            "interpreter_language": "uk",
            "interpreter_name": "Olena Koval",
        },
    )
    assert response.status_code == 400
    assert html_has(response, 'value="Olena Koval"')
    assert html_has(response, '<option value="uk" selected>')


def test_a_correction_keeps_the_interpreter(examined, trainer):
    _course, enrolments, exam = examined
    exam.format = ExamFormat.ORAL
    exam.save()
    services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 3, 5),
        date=exam.date,
        user=trainer,
        interpreter_language="tr",
        interpreter_name="Emre Aydın",
    )
    corrected = services.correct_exam_result(
        enrolments[0],
        exam,
        attempt=1,
        points=_points(exam, 4, 5),
        date=exam.date,
        user=trainer,
        reason="Tippfehler",
    )
    assert (corrected.interpreter_language, corrected.interpreter_name) == ("tr", "Emre Aydın")


def test_committee_and_trainers_are_shown_by_name_not_login(examined, trainer):
    course, _enrolments, exam = examined
    member = UserFactory(
        username="pruefer7", first_name="Greta", last_name="Lindqvist", role=Role.TRAINER
    )
    exam.committee.add(member)
    client = german_client(trainer)
    results = client.get(task_url("exam_results", exam)).content.decode()
    assert "Greta Lindqvist" in results and "pruefer7" not in results
    overview = client.get(task_url("overview", course)).content.decode()
    assert trainer.get_full_name() in overview
    form = client.get(reverse("courses_exam_edit", args=[exam.pk])).content.decode()
    assert "Greta Lindqvist" in form and "pruefer7" not in form


def test_a_resit_date_before_the_first_attempt_is_refused(examined, trainer):
    _course, enrolments, exam = examined
    services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 1, 1),
        date=exam.date + dt.timedelta(days=3),
        user=trainer,
    )
    error = error_of(
        services.record_exam_result,
        enrolments[0],
        exam,
        points=_points(exam, 9, 19),
        date=exam.date + dt.timedelta(days=1),
        user=trainer,
    )
    assert error.code == "resit_before_previous"


def test_the_correction_screen_changes_the_interpreter(examined, trainer):
    _course, enrolments, exam = examined
    exam.format = ExamFormat.ORAL
    exam.save()
    result = services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 8, 15),
        date=exam.date,
        user=trainer,
        interpreter_language="tr",
        interpreter_name="Emre Aydın",
    )
    parts = list(exam.parts.all())
    client = german_client(trainer)
    url = task_url("exam_result_correct", result)
    page = client.get(url)
    assert html_has(page, 'value="Emre Aydın"')
    response = client.post(
        url,
        {
            "date": f"{exam.date:%d.%m.%Y}",
            "version": result.version,
            f"points-{parts[0].pk}": "8",
            f"points-{parts[1].pk}": "15",
            "interpreter_language": "ar",
            "interpreter_name": "Samira Haddad",
            "reason": "falsche Dolmetschung eingetragen",
        },
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.interpreter_language, result.interpreter_name) == ("ar", "Samira Haddad")
