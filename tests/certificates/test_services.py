"""Issuing, bulk issuing, revoking, re-issuing: the contracts of certificates/services.py."""

import re

import pytest
from django.db import IntegrityError, transaction

from certificates import services
from certificates.models import Certificate, CertificateStatus
from certificates.services import CertificateError
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.factories import ParticipantFactory


@pytest.fixture
def course(trainer):
    return course_with_exam(trainers=[trainer])


def test_issue_snapshots_the_holder_and_course_and_enqueues_rendering(
    course, trainer, django_capture_on_commit_callbacks
):
    participant = ParticipantFactory(
        given_names="Ана-Мария", family_name="Иванова", preferred_language="bg"
    )
    enrolment = passed_enrolment(course, participant)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        certificate = services.issue_certificate(enrolment, trainer)
    assert certificate.status == CertificateStatus.PENDING
    assert len(callbacks) == 1  # the render job, only after commit
    assert certificate.holder_given_names == "Ана-Мария"
    assert certificate.holder_family_name == "Иванова"
    assert certificate.holder_date_of_birth == participant.date_of_birth
    assert certificate.course_title == course.title
    assert certificate.exam_date == course.exams.get().date
    assert certificate.language == "bg"
    assert len(certificate.modules) == 9
    assert re.fullmatch(r"IZW-\d{4}-\d{5}", certificate.number)
    # Later edits to the participant do not change the certificate.
    participant.family_name = "Petrova"
    participant.save()
    certificate.refresh_from_db()
    assert certificate.holder_family_name == "Иванова"


def test_numbers_count_up_per_year(course, trainer):
    first = services.issue_certificate(passed_enrolment(course), trainer)
    second = services.issue_certificate(passed_enrolment(course), trainer)
    assert int(second.number[-5:]) == int(first.number[-5:]) + 1


def test_tokens_are_long_random_and_unique(course, trainer):
    certificates = services.issue_for_course(course, trainer)
    certificates += [services.issue_certificate(passed_enrolment(course), trainer)]
    for _ in range(20):
        certificates.append(services.issue_certificate(passed_enrolment(course), trainer))
    tokens = [c.token for c in certificates]
    assert len(set(tokens)) == len(tokens)
    for certificate in certificates:
        assert len(certificate.token) >= 22  # 22 base64 characters = 132 bits
        assert str(certificate.pk) not in certificate.token[:2] or len(certificate.token) == 32
        assert certificate.number not in certificate.token


def test_issuing_twice_is_refused(course, trainer):
    enrolment = passed_enrolment(course)
    services.issue_certificate(enrolment, trainer)
    with pytest.raises(CertificateError) as error:
        services.issue_certificate(enrolment, trainer)
    assert error.value.code == "already_issued"
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_the_database_refuses_two_valid_certificates_for_one_enrolment(course, trainer):
    certificate = services.issue_certificate(passed_enrolment(course), trainer)
    duplicate = Certificate.objects.get(pk=certificate.pk)
    duplicate.pk = None
    duplicate.number = "IZW-2026-99999"
    duplicate.token = "x" * 32
    with (
        pytest.raises(IntegrityError, match=r"certificate_one_valid_per_enrolment|UNIQUE"),
        transaction.atomic(),
    ):
        duplicate.save()


def test_failed_exam_is_not_eligible(course, trainer):
    with pytest.raises(CertificateError) as error:
        services.issue_certificate(passed_enrolment(course, passed=False), trainer)
    assert error.value.code == "not_eligible"


def test_trainer_may_not_issue_for_another_course(trainer):
    other = course_with_exam()
    with pytest.raises(CertificateError) as error:
        services.issue_certificate(passed_enrolment(other), trainer)
    assert error.value.code == "not_allowed"


def test_bulk_issue_is_idempotent(course, trainer):
    passed = [passed_enrolment(course) for _ in range(3)]
    passed_enrolment(course, passed=False)
    first = services.issue_for_course(course, trainer)
    assert {c.enrolment_id for c in first} == {e.pk for e in passed}
    assert services.issue_for_course(course, trainer) == []
    assert Certificate.objects.filter(course=course).count() == 3


def test_only_coordinators_revoke(course, trainer, coordinator):
    certificate = services.issue_certificate(passed_enrolment(course), trainer)
    with pytest.raises(CertificateError) as error:
        services.revoke(certificate, "Fehler", trainer)
    assert error.value.code == "not_allowed"
    with pytest.raises(CertificateError) as error:
        services.revoke(certificate, "  ", coordinator)
    assert error.value.code == "reason_required"
    revoked = services.revoke(certificate, "Prüfung wiederholt", coordinator)
    assert revoked.status == CertificateStatus.REVOKED
    assert revoked.revoked_by == coordinator
    assert revoked.revocation_reason == "Prüfung wiederholt"
    with pytest.raises(CertificateError) as error:
        services.revoke(revoked, "nochmal", coordinator)
    assert error.value.code == "already_revoked"


def test_reissue_with_corrected_name(course, trainer, coordinator):
    old = services.issue_certificate(passed_enrolment(course), trainer)
    new = services.reissue_with_corrected_name(
        old, given_names="Ana Maria", family_name="Popescu", reason="Tippfehler", by=coordinator
    )
    old.refresh_from_db()
    assert old.status == CertificateStatus.REVOKED
    assert old.replaced_by == new
    assert new.holder_name == "Ana Maria Popescu"
    assert new.token != old.token and new.number != old.number
    assert new.status == CertificateStatus.PENDING
    assert new.enrolment_id == old.enrolment_id


def test_reissue_bad_input_changes_nothing(course, trainer, coordinator):
    old = services.issue_certificate(passed_enrolment(course), trainer)
    with pytest.raises(CertificateError) as error:
        services.reissue_with_corrected_name(
            old, given_names="", family_name="Popescu", reason="x", by=coordinator
        )
    assert error.value.code == "name_required"
    old.refresh_from_db()
    assert old.status == CertificateStatus.PENDING
    assert Certificate.objects.count() == 1


def test_retry_only_for_missing_pdfs(course, trainer, coordinator):
    certificate = services.issue_certificate(passed_enrolment(course), trainer)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=CertificateStatus.FAILED, render_error="boom", render_attempts=3
    )
    retried = services.retry_render(certificate, trainer)
    assert retried.status == CertificateStatus.PENDING and retried.render_attempts == 0
    services.revoke(certificate, "falsch", coordinator)
    with pytest.raises(CertificateError) as error:
        services.retry_render(certificate, trainer)
    assert error.value.code == "not_retryable"


def test_visible_to(course, trainer, coordinator, companion, editor):
    own = services.issue_certificate(passed_enrolment(course), trainer)
    other = services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    assert set(Certificate.objects.visible_to(coordinator)) == {own, other}
    assert set(Certificate.objects.visible_to(trainer)) == {own}
    assert not Certificate.objects.visible_to(companion).exists()
    assert not Certificate.objects.visible_to(editor).exists()
