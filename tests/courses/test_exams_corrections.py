"""Correcting a recorded exam attempt: the service's contract, the screen, the history."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import integrations, services
from courses.models import Enrolment, ExamResult
from courses.services import AttendanceEntry, CourseError
from tests.conftest import client_for
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.factories import ParticipantFactory, UserFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam(course, trainer):
    """An exam with two parts (10 and 20 points, pass mark 60 % = 18 points)."""
    return exam_with_parts(course, 10, 20)


def _admitted(course, trainer, **names):
    enrolment = services.enrol(course, ParticipantFactory(**names))
    session = SessionFactory(course=course)
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    return enrolment


@pytest.fixture
def enrolment(course, trainer):
    return _admitted(course, trainer, given_names="Mara", family_name="Lupu")


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def _record(enrolment, exam, user, *values, date=None):
    return services.record_exam_result(
        enrolment, exam, points=_points(exam, *values), date=date or exam.date, user=user
    )


def _correct(result, user, *values, reason="Punkte falsch übertragen", date=None, **kwargs):
    return services.correct_exam_result(
        result.enrolment,
        result.exam,
        points=_points(result.exam, *values),
        date=date or result.date,
        user=user,
        attempt=result.attempt,
        reason=reason,
        **kwargs,
    )


def _error(call, *args, **kwargs) -> CourseError:
    with pytest.raises(CourseError) as caught, translation.override("de"):
        call(*args, **kwargs)
    return caught.value


def _certificate_for(enrolment, by):
    return certificate_services.issue_certificate(enrolment, by)


# --- the service -------------------------------------------------------------------------------


def test_a_correction_changes_the_attempt_keeps_the_old_values_and_the_reason(
    enrolment, exam, trainer, coordinator
):
    result = _record(enrolment, exam, trainer, 5, 10)
    assert (result.total_points, result.passed, result.version) == (15, False, 1)
    corrected = _correct(result, coordinator, 8, 12, reason="Teil 2 falsch addiert")
    assert corrected.pk == result.pk
    assert (corrected.attempt, corrected.total_points, corrected.passed) == (1, 20, True)
    assert corrected.version == 2
    assert corrected.recorded_by == coordinator
    assert ExamResult.objects.count() == 1
    newest, oldest = corrected.history.order_by("-history_id")[:2]
    assert newest.history_change_reason == "Teil 2 falsch addiert"
    assert newest.history_user == coordinator
    assert (oldest.total_points, oldest.passed) == (15, False)


def test_a_correction_to_failed_opens_the_way_for_a_resit(enrolment, exam, trainer):
    result = _record(enrolment, exam, trainer, 9, 18)
    assert _error(_record, enrolment, exam, trainer, 1, 1).code == "already_passed"
    _correct(result, trainer, 4, 10)
    resit = _record(enrolment, exam, trainer, 9, 18, date=dt.date(2026, 6, 3))
    assert (resit.attempt, resit.passed) == (2, True)


def test_a_correction_needs_a_reason_and_a_change(enrolment, exam, trainer):
    result = _record(enrolment, exam, trainer, 5, 10)
    error = _error(_correct, result, trainer, 6, 10, reason="  ")
    assert error.code == "reason_required"
    assert error.message == "Bitte geben Sie einen Grund für die Korrektur an."
    assert _error(_correct, result, trainer, 6, 10, reason="x" * 256).code == "reason_too_long"
    unchanged = _error(_correct, result, trainer, 5, 10)
    assert unchanged.code == "no_change"
    assert "unverändert" in unchanged.message
    # Only the date typed wrongly is a correction too.
    moved = _correct(result, trainer, 5, 10, date=dt.date(2026, 5, 28))
    assert moved.date == dt.date(2026, 5, 28)


def test_bad_points_in_a_correction_save_nothing(enrolment, exam, trainer):
    result = _record(enrolment, exam, trainer, 5, 10)
    error = _error(_correct, result, trainer, 11, 10)
    assert error.code == "points_above_max"
    assert _error(_correct, result, trainer, -1, 10).code == "bad_points"
    result.refresh_from_db()
    assert (result.total_points, result.version, result.history.count()) == (15, 1, 1)


def test_an_attempt_that_does_not_exist_cannot_be_corrected(enrolment, exam, trainer):
    _record(enrolment, exam, trainer, 5, 10)
    error = _error(
        services.correct_exam_result,
        enrolment,
        exam,
        points=_points(exam, 6, 10),
        date=exam.date,
        user=trainer,
        attempt=2,
        reason="Tippfehler",
    )
    assert error.code == "no_such_attempt"


def test_a_correction_started_from_an_older_version_is_refused(course, enrolment, exam, trainer):
    colleague = UserFactory(username="trainer-p", first_name="Petra", last_name="Kollegin")
    course.co_trainers.add(colleague)
    result = _record(enrolment, exam, trainer, 5, 10)
    _correct(result, colleague, 6, 10, seen_version=1)
    error = _error(_correct, result, trainer, 9, 18, seen_version=1)
    assert error.code == "result_changed"
    assert "inzwischen korrigiert" in error.message
    current = error.details["current"]
    assert (current.total_points, current.version, current.recorded_by) == (
        16,
        2,
        "Petra Kollegin",
    )
    result.refresh_from_db()
    assert result.total_points == 16
    # Starting from the version now saved, the correction goes through.
    assert _correct(result, trainer, 9, 18, seen_version=2).total_points == 27


def test_a_certificate_blocks_a_correction_to_failed_until_it_is_revoked(
    enrolment, exam, trainer, coordinator
):
    result = _record(enrolment, exam, trainer, 9, 18)
    certificate = _certificate_for(enrolment, trainer)
    error = _error(_correct, result, trainer, 2, 3)
    assert error.code == "certificate_issued"
    assert error.details["certificate"] == certificate.number
    assert error.message == (
        f"Für Mara Lupu wurde bereits das Integrationszertifikat Wohnen {certificate.number} "
        "ausgestellt. Deshalb kann dieses Ergebnis nicht auf „nicht bestanden“ korrigiert "
        "werden. Bitten Sie zuerst die Koordination, das Zertifikat zu widerrufen, und "
        "korrigieren Sie dann das Ergebnis."
    )
    result.refresh_from_db()
    assert (result.total_points, result.passed, result.version) == (27, True, 1)
    # A correction that still passes is fine.
    assert _correct(result, trainer, 8, 18).passed
    certificate_services.revoke(certificate, "Prüfungsergebnis falsch eingetragen", coordinator)
    assert not _correct(result, trainer, 2, 3).passed


def test_a_failed_attempt_can_be_corrected_while_a_later_one_holds_the_certificate(
    enrolment, exam, trainer
):
    first = _record(enrolment, exam, trainer, 2, 3)
    _record(enrolment, exam, trainer, 9, 18, date=dt.date(2026, 6, 3))
    _certificate_for(enrolment, trainer)
    assert _correct(first, trainer, 3, 3).total_points == 6


def test_the_certificates_app_registers_its_lookup(enrolment, exam, trainer, coordinator):
    _record(enrolment, exam, trainer, 9, 18)
    assert integrations.certificate_number(enrolment.pk) is None
    certificate = _certificate_for(enrolment, trainer)
    assert integrations.certificate_number(enrolment.pk) == certificate.number
    certificate_services.revoke(certificate, "falsch", coordinator)
    assert integrations.certificate_number(enrolment.pk) is None


def test_without_a_registered_lookup_no_certificate_is_assumed(monkeypatch):
    monkeypatch.setattr(integrations, "_certificate_lookup", None)
    assert integrations.certificate_number(1) is None


# --- the screen --------------------------------------------------------------------------------


def _url(result):
    return reverse("courses_exam_result_correct", args=[result.pk])


def _form(result, *values, reason="Punkte falsch übertragen", date=None, version=None):
    data = {
        "date": date or f"{result.date:%d.%m.%Y}",
        "reason": reason,
        "version": str(version if version is not None else result.version),
    }
    for part, value in zip(result.exam.parts.all(), values, strict=True):
        data[f"points-{part.pk}"] = str(value)
    return data


def test_the_results_screen_links_each_attempt_to_its_correction(
    enrolment, exam, trainer, trainer_client
):
    first = _record(enrolment, exam, trainer, 2, 3)
    second = _record(enrolment, exam, trainer, 9, 18, date=dt.date(2026, 6, 3))
    page = trainer_client.get(reverse("courses_exam_results", args=[exam.pk]))
    html = page.content.decode()
    assert _url(first) in html and _url(second) in html
    assert "Korrigieren" in html
    assert 'aria-label="1. Versuch von Mara Lupu korrigieren"' in html


def test_the_correction_form_is_filled_with_the_attempt(enrolment, exam, trainer, trainer_client):
    result = _record(enrolment, exam, trainer, 5, 10)
    page = trainer_client.get(_url(result)).content.decode()
    parts = list(exam.parts.all())
    assert "Prüfungsergebnis korrigieren" in page
    assert 'value="27.05.2026"' in page
    assert f'name="points-{parts[0].pk}" value="5"' in page
    assert f'name="points-{parts[1].pk}" value="10"' in page
    assert 'name="version" value="1"' in page
    assert "Grund der Korrektur" in page


def test_saving_a_correction_redirects_to_the_results_with_the_outcome(
    enrolment, exam, trainer, trainer_client
):
    result = _record(enrolment, exam, trainer, 5, 10)
    response = trainer_client.post(_url(result), _form(result, 8, 12), follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [(reverse("courses_exam_results", args=[exam.pk]), 302)]
    assert "Das Ergebnis von Mara Lupu (1. Versuch) wurde korrigiert: 15 → 20 Punkte." in page
    assert "Ergebnis geändert: Mara Lupu hat jetzt bestanden." in page
    assert "(korrigiert)" in page
    result.refresh_from_db()
    assert (result.total_points, result.passed) == (20, True)


def test_bad_input_keeps_what_was_typed_and_saves_nothing(enrolment, exam, trainer, trainer_client):
    result = _record(enrolment, exam, trainer, 5, 10)
    parts = list(exam.parts.all())
    response = trainer_client.post(_url(result), _form(result, 12, 10, reason=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Höchstens 10 Punkte." in page
    assert "Bitte geben Sie einen Grund für die Korrektur an." in page
    assert f'name="points-{parts[0].pk}" value="12"' in page
    response = trainer_client.post(_url(result), _form(result, 5, 10, date="31.02.2026"))
    assert response.status_code == 400
    assert 'value="31.02.2026"' in response.content.decode()
    result.refresh_from_db()
    assert (result.total_points, result.version) == (15, 1)


def test_the_screen_refuses_failed_while_a_certificate_stands(
    enrolment, exam, trainer, trainer_client
):
    result = _record(enrolment, exam, trainer, 9, 18)
    certificate = _certificate_for(enrolment, trainer)
    form_page = trainer_client.get(_url(result)).content.decode()
    assert certificate.number in form_page
    assert "Koordination das Zertifikat zuerst widerrufen" in form_page
    response = trainer_client.post(_url(result), _form(result, 1, 2, reason="vertippt"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "kann dieses Ergebnis nicht auf „nicht bestanden“ korrigiert werden" in page
    assert 'value="vertippt"' in page
    result.refresh_from_db()
    assert result.passed and Certificate.objects.get().status != "revoked"


def test_a_colleagues_correction_in_between_is_shown_not_overwritten(
    course, enrolment, exam, trainer, trainer_client
):
    colleague = UserFactory(username="trainer-p", first_name="Petra", last_name="Kollegin")
    course.co_trainers.add(colleague)
    result = _record(enrolment, exam, trainer, 5, 10)
    _correct(result, colleague, 6, 10, seen_version=1)
    response = trainer_client.post(_url(result), _form(result, 9, 18, version=1))
    page = response.content.decode()
    assert response.status_code == 409
    assert "inzwischen korrigiert" in page
    assert "Petra Kollegin" in page and "16 / 30" in page
    # What this trainer typed stays, with the version now saved to confirm it.
    assert 'value="9"' in page and 'name="version" value="2"' in page
    result.refresh_from_db()
    assert result.total_points == 16


def test_a_trainer_cannot_correct_in_another_trainers_course(trainer_client, coordinator):
    other_trainer = UserFactory(username="trainer-b")
    other = CourseFactory(trainers=[other_trainer])
    enrolment = _admitted(other, other_trainer)
    exam = exam_with_parts(other, 10, 20)
    result = _record(enrolment, exam, other_trainer, 5, 10)
    response = trainer_client.post(_url(result), _form(result, 9, 18))
    assert response.status_code == 404
    result.refresh_from_db()
    assert result.total_points == 15
    # The coordinator may.
    assert client_for(coordinator).post(_url(result), _form(result, 9, 18)).status_code == 302


@pytest.mark.parametrize("role", ["companion", "editor"])
def test_companions_and_editors_cannot_post_a_correction(role, users, enrolment, exam, trainer):
    result = _record(enrolment, exam, trainer, 5, 10)
    response = client_for(users[role]).post(_url(result), _form(result, 9, 18))
    # Wagtail answers a refused permission with its redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    result.refresh_from_db()
    assert result.total_points == 15


def test_the_correction_screen_needs_the_same_queries_for_10_and_100_participants(trainer):
    client = client_for(trainer)
    counts = []
    for n in (10, 100):
        course = CourseFactory(trainers=[trainer], capacity=200)
        exam = exam_with_parts(course, 10, 20)
        enrolments = [
            Enrolment(course=course, participant=p) for p in ParticipantFactory.create_batch(n)
        ]
        Enrolment.objects.bulk_create(enrolments)
        results = ExamResult.objects.bulk_create(
            ExamResult(enrolment=e, exam=exam, date=exam.date, total_points=15, max_points=30)
            for e in enrolments
        )
        counts.append(count_queries(client, _url(results[0])))
    assert counts[0] == counts[1], counts


# --- the history -------------------------------------------------------------------------------


def test_the_course_history_shows_who_corrected_what_when_and_why(
    course, enrolment, exam, trainer, trainer_client
):
    result = _record(enrolment, exam, trainer, 9, 18)
    _correct(result, trainer, 4, 10, reason="Teil 2 doppelt gezählt")
    page = trainer_client.get(reverse("courses:history", args=[course.pk])).content.decode()
    assert "Prüfungsergebnis (Mara Lupu" in page and "Versuch 1" in page
    assert "<strong>Grund:</strong> Teil 2 doppelt gezählt" in page
    assert "<del>27</del> → <ins>14</ins>" in page  # total points
    assert "<del>9 + 18</del> → <ins>4 + 10</ins>" in page  # points per part
    # The flip from passed to not passed is marked, not just one line among others.
    assert "Bestanden/nicht bestanden hat sich geändert" in page
    assert "mfs-history__row--highlight" in page
    assert trainer.get_full_name() in page


def test_a_correction_that_keeps_the_outcome_is_not_marked(
    course, enrolment, exam, trainer, trainer_client
):
    result = _record(enrolment, exam, trainer, 9, 18)
    _correct(result, trainer, 9, 17, reason="Tippfehler")
    page = trainer_client.get(reverse("courses:history", args=[course.pk])).content.decode()
    assert "<strong>Grund:</strong> Tippfehler" in page
    assert "Bestanden/nicht bestanden hat sich geändert" not in page
