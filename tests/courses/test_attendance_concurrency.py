"""Two trainers save the same session at the same moment, in real concurrent transactions.

Runs on PostgreSQL only (see the ``postgres`` marker in tests/conftest.py): SQLite has
no row locks to wait on, so the race this guards against cannot happen there.
"""

import threading

import pytest
from django.db import connection, connections, transaction

from courses import services
from courses.models import Attendance
from courses.services import AttendanceEntry, CourseError
from tests.courses.factories import CourseFactory, SessionFactory
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _wait_until_blocked(timeout=10.0) -> bool:
    """True once another connection waits for a lock (the second trainer's save)."""
    import time

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def test_the_second_concurrent_save_is_a_conflict_not_an_overwrite(roles):
    assert connection.vendor == "postgresql"
    first_trainer = UserFactory(username="anna", first_name="Anna", last_name="Erste")
    second_trainer = UserFactory(username="bernd", first_name="Bernd", last_name="Zweiter")
    course = CourseFactory(trainers=[first_trainer, second_trainer])
    session = SessionFactory(course=course)
    a, b = (services.enrol(course, ParticipantFactory()) for _ in range(2))

    first_saved = threading.Event()
    release_first = threading.Event()
    outcome = {}

    def first():
        try:
            # Both trainers loaded the empty screen (version 0). The first save holds its
            # transaction open until the second one is waiting for the lock.
            with transaction.atomic():
                services.record_attendance(
                    session,
                    [AttendanceEntry(a.pk, "late", "Bus"), AttendanceEntry(b.pk, "present")],
                    user=first_trainer,
                )
                first_saved.set()
                release_first.wait(15)
        except Exception as exc:  # pragma: no cover - reported by the assertions below
            outcome["first"] = exc
        finally:
            connections.close_all()

    def second():
        first_saved.wait(15)
        try:
            services.record_attendance(
                session,
                [AttendanceEntry(a.pk, "absent"), AttendanceEntry(b.pk, "present")],
                user=second_trainer,
            )
            outcome["second"] = "saved"
        except CourseError as error:
            outcome["second"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_saved.wait(15), "the first save did not get through"
    blocked = _wait_until_blocked()
    release_first.set()
    for thread in threads:
        thread.join(20)

    assert blocked, "the second save never waited for the first one's lock"
    assert "first" not in outcome, outcome.get("first")
    error = outcome["second"]
    assert isinstance(error, CourseError), error
    assert error.code == "attendance_conflict"
    # Only the contested person is a conflict (b was marked the same by both), and
    # the second trainer is shown the first trainer's values.
    (conflict,) = error.details["conflicts"]
    assert (conflict.enrolment_id, conflict.status, conflict.note, conflict.updated_by) == (
        a.pk,
        "late",
        "Bus",
        "Anna Erste",
    )
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        a.pk: "late",
        b.pk: "present",
    }
