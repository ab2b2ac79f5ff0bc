"""A correction to "not passed" and a certificate issue for the same person at the same moment.

Whichever comes second must see the first: never a certificate for a failed result.
Runs on PostgreSQL only (see the ``postgres`` marker in tests/conftest.py): SQLite has
no row locks to wait on.
"""

import threading

import pytest
from django.db import connection, connections, transaction

from certificates import services as certificate_services
from certificates.models import Certificate
from certificates.services import CertificateError
from courses import services
from courses.models import ExamResult
from courses.services import AttendanceEntry, CourseError
from tests.courses.factories import CourseFactory, SessionFactory, exam_with_parts
from tests.courses.test_attendance_concurrency import _wait_until_blocked
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _passed(_roles):
    trainer = UserFactory(username="anna", first_name="Anna", last_name="Erste", role="Trainer")
    course = CourseFactory(trainers=[trainer])
    enrolment = services.enrol(course, ParticipantFactory())
    session = SessionFactory(course=course)
    services.record_attendance(session, [AttendanceEntry(enrolment.pk, "present")], user=trainer)
    exam = exam_with_parts(course, 10)
    part = exam.parts.get()
    result = services.record_exam_result(
        enrolment, exam, points={part.pk: 9}, date=exam.date, user=trainer
    )
    return trainer, enrolment, exam, part, result


def _race(first_call, second_call):
    """Run ``first_call`` in a transaction held open until ``second_call`` waits for it."""
    first_done, release = threading.Event(), threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                outcome["first"] = first_call()
                first_done.set()
                release.wait(15)
        except Exception as exc:  # pragma: no cover - reported by the assertions
            outcome["first"] = exc
            first_done.set()
        finally:
            connections.close_all()

    def second():
        first_done.wait(15)
        try:
            outcome["second"] = second_call()
        except (CourseError, CertificateError) as error:
            outcome["second"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_done.wait(15)
    blocked = _wait_until_blocked()
    release.set()
    for thread in threads:
        thread.join(20)
    assert blocked, "the second call never waited for the first one's lock"
    return outcome["first"], outcome["second"]


def test_an_issue_during_a_correction_to_failed_finds_nobody_eligible(roles):
    assert connection.vendor == "postgresql"
    trainer, enrolment, exam, part, _result = _passed(roles)
    corrected, issued = _race(
        lambda: services.correct_exam_result(
            enrolment,
            exam,
            points={part.pk: 2},
            date=exam.date,
            user=trainer,
            attempt=1,
            reason="falsch übertragen",
        ),
        lambda: certificate_services.issue_certificate(enrolment, trainer),
    )
    assert isinstance(corrected, ExamResult) and not corrected.passed
    assert isinstance(issued, CertificateError) and issued.code == "not_eligible"
    assert not Certificate.objects.exists()


def test_a_correction_to_failed_during_an_issue_is_refused(roles):
    assert connection.vendor == "postgresql"
    trainer, enrolment, exam, part, result = _passed(roles)
    issued, corrected = _race(
        lambda: certificate_services.issue_certificate(enrolment, trainer),
        lambda: services.correct_exam_result(
            enrolment,
            exam,
            points={part.pk: 2},
            date=exam.date,
            user=trainer,
            attempt=1,
            reason="falsch übertragen",
        ),
    )
    assert isinstance(issued, Certificate)
    assert isinstance(corrected, CourseError) and corrected.code == "certificate_issued"
    result.refresh_from_db()
    assert result.passed
