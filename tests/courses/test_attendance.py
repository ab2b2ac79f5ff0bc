"""Attendance: taken together, conflicts, the one attendance figure, no future sessions."""

import datetime as dt

import pytest
from django.urls import reverse

from courses import services
from courses.models import Attendance, Enrolment
from courses.services import AttendanceEntry
from tests.courses.factories import CourseFactory, SessionFactory
from tests.courses.helpers import TODAY, error_of, german_client, html_has, task_url
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def test_record_attendance_saves_everyone_together_and_keeps_history(running, trainer):
    _course, enrolments, session = running
    entries = [AttendanceEntry(e.pk, "present") for e in enrolments]
    assert services.record_attendance(session, entries, user=trainer) == 3
    record = Attendance.objects.get(session=session, enrolment=enrolments[0])
    again = [AttendanceEntry(enrolments[0].pk, "late", "Bus verspätet", record.version)]
    assert services.record_attendance(session, again, user=trainer) == 1
    record.refresh_from_db()
    assert (record.status, record.note, record.version) == ("late", "Bus verspätet", 2)
    history = list(record.history.order_by("history_date"))
    assert [h.status for h in history] == ["present", "late"]
    assert history[-1].history_user == trainer


def test_attendance_for_someone_not_enrolled_saves_nothing(running, trainer):
    _course, enrolments, session = running
    stranger = services.enrol(CourseFactory(), ParticipantFactory())
    entries = [
        AttendanceEntry(enrolments[0].pk, "present"),
        AttendanceEntry(stranger.pk, "present"),
    ]
    error = error_of(services.record_attendance, session, entries, user=trainer)
    assert error.code == "not_enrolled"
    assert "in diesem Kurs angemeldet" in error.message
    assert not Attendance.objects.exists()


def test_a_stale_save_is_a_conflict_showing_the_other_values(running, trainer):
    _course, enrolments, session = running
    # Both trainers opened the screen before anything was saved (version 0).
    services.record_attendance(
        session, [AttendanceEntry(enrolments[0].pk, "excused", "Arzttermin")], user=trainer
    )
    stale = [
        AttendanceEntry(enrolments[0].pk, "absent"),
        AttendanceEntry(enrolments[1].pk, "present"),
    ]
    error = error_of(services.record_attendance, session, stale, user=trainer)
    assert error.code == "attendance_conflict"
    assert "Nichts wurde gespeichert" in error.message
    (conflict,) = error.details["conflicts"]
    assert (conflict.enrolment_id, conflict.status, conflict.note) == (
        enrolments[0].pk,
        "excused",
        "Arzttermin",
    )
    # Nothing of the stale save went in, not even the uncontested row.
    assert list(Attendance.objects.values_list("status", flat=True)) == ["excused"]


def test_attendance_rate_counts_present_and_late_of_held_sessions(running, trainer):
    course, enrolments, first = running
    second = SessionFactory(course=course, date=dt.date(2026, 3, 11))
    SessionFactory(
        course=course, date=dt.date(2026, 3, 18), cancelled=True, cancel_reason="Feiertag"
    )
    services.record_attendance(first, [AttendanceEntry(enrolments[0].pk, "late")], user=trainer)
    services.record_attendance(second, [AttendanceEntry(enrolments[0].pk, "excused")], user=trainer)
    row = Enrolment.objects.with_admission(as_of=dt.date(2026, 3, 31)).get(pk=enrolments[0].pk)
    assert (row.sessions_held, row.sessions_attended, row.attendance_percent) == (2, 1, 50)
    assert row.admission_state == "below_minimum"


def test_sessions_without_attendance_taken_do_not_count_as_held(running, trainer):
    course, enrolments, first = running
    SessionFactory(course=course, date=dt.date(2026, 3, 11))  # list not filled in yet
    services.record_attendance(first, [AttendanceEntry(enrolments[0].pk, "present")], user=trainer)
    row = Enrolment.objects.with_attendance(as_of=dt.date(2026, 3, 31)).get(pk=enrolments[0].pk)
    assert (row.sessions_held, row.attendance_percent) == (1, 100)


def test_no_attendance_for_a_future_session(trainer):
    course = CourseFactory(
        trainers=[trainer],
        start_date=TODAY - dt.timedelta(days=7),
        end_date=TODAY + dt.timedelta(days=30),
    )
    enrolment = services.enrol(course, ParticipantFactory())
    tomorrow = SessionFactory(course=course, date=TODAY + dt.timedelta(days=1))
    error = error_of(
        services.record_attendance,
        tomorrow,
        [AttendanceEntry(enrolment.pk, "present")],
        user=trainer,
    )
    assert error.code == "session_in_future"
    response = german_client(trainer).post(
        reverse("courses_attendance", args=[tomorrow.pk]),
        {f"status-{enrolment.pk}": "present", f"version-{enrolment.pk}": "0"},
    )
    assert response.status_code == 400 and html_has(response, error.message)
    assert not Attendance.objects.exists()


def test_attendance_is_saved_together(course, trainer_client):
    session = SessionFactory(course=course)
    a, b = (services.enrol(course, ParticipantFactory()) for _ in range(2))
    response = trainer_client.post(
        task_url("attendance", session),
        {
            f"status-{a.pk}": "present",
            f"version-{a.pk}": "0",
            f"status-{b.pk}": "excused",
            f"version-{b.pk}": "0",
            f"note-{b.pk}": "krank",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        a.pk: "present",
        b.pk: "excused",
    }


def test_a_second_trainer_sees_a_conflict_with_the_other_values(course, trainer, trainer_client):
    session = SessionFactory(course=course)
    enrolment = services.enrol(course, ParticipantFactory())
    colleague = UserFactory(username="trainer-c", first_name="Petra", last_name="Kollegin")
    course.co_trainers.add(colleague)
    services.record_attendance(
        session, [AttendanceEntry(enrolment.pk, "late", "Bus")], user=colleague
    )
    response = trainer_client.post(
        task_url("attendance", session),
        {f"status-{enrolment.pk}": "absent", f"version-{enrolment.pk}": "0"},
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Nichts wurde gespeichert" in page
    assert "Petra Kollegin" in page and "verspätet" in page and "Bus" in page
    # What this trainer chose stays selected, with the new version to confirm it.
    assert 'value="absent" checked' in page
    assert f'name="version-{enrolment.pk}" value="1"' in page
    assert Attendance.objects.get().status == "late"


def test_sign_in_sheet_is_a_pdf(course, trainer_client):
    session = SessionFactory(course=course)
    services.enrol(course, ParticipantFactory())
    response = trainer_client.get(task_url("sign_in_sheet", session))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
