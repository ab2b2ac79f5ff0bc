"""Issuing from a course: only after it ended (or early by a coordinator, with a reason);
revocation is final for trainers."""

import datetime as dt

import pytest
from django.urls import reverse

from certificates import services as certificate_services
from certificates.models import Certificate
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.courses.factories import SessionFactory
from tests.courses.helpers import error_of, german_client, html_has

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_no_certificate_while_the_course_is_running(running_course, trainer):
    enrolment = passed_enrolment(running_course)
    error = error_of(certificate_services.issue_certificate, enrolment, trainer)
    assert error.code == "course_not_finished"
    response = german_client(trainer).post(
        reverse("certificates_course", args=[running_course.pk]),
        {"action": "issue", "enrolment": enrolment.pk},
        follow=True,
    )
    assert html_has(response, error.message)
    assert not Certificate.objects.exists()


def test_a_coordinator_confirms_an_early_issue_with_a_reason(running_course, coordinator):
    enrolment = passed_enrolment(running_course)
    error = error_of(certificate_services.issue_certificate, enrolment, coordinator)
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

    error = error_of(certificate_services.issue_certificate, enrolment, trainer)
    assert error.code == "revoked_final"
    page = german_client(trainer).get(reverse("certificates_course", args=[course.pk]))
    assert 'value="issue"' not in page.content.decode()
    response = german_client(trainer).post(
        reverse("certificates_course", args=[course.pk]),
        {"action": "issue", "enrolment": enrolment.pk},
        follow=True,
    )
    assert html_has(response, error.message)
    # Bulk issue leaves them out too.
    assert certificate_services.issue_for_course(course, trainer) == []
    assert Certificate.objects.count() == 1

    # A coordinator issues again, with a reason.
    assert error_of(certificate_services.issue_certificate, enrolment, coordinator).code == (
        "reason_required"
    )
    again = certificate_services.issue_certificate(
        enrolment, coordinator, reason="Widerruf war ein Irrtum"
    )
    assert again.pk != certificate.pk and Certificate.objects.count() == 2
